// Compiled (never run) by tests/types.test.mjs with `tsc --noEmit --strict`: the package's
// declarations (index.d.ts, node.d.ts over the generated kyoten-types.d.ts) type the API.
import { init, run, operations, camelCase, type Kyoten, type CamelCase } from '../pkg/index.js';
import kyotenNode from '../pkg/node.js';
import type { Operations, Report, TaskCatalogue } from '../pkg/index.js';

export async function browser(): Promise<number> {
  const kyoten: Kyoten = await init();
  const r: Report<TaskCatalogue> = kyoten.tasksList({});
  const same: Operations['tasks.list']['output'] = run('tasks.list', {});
  const any = run('no.such_op', { anything: 1 });
  const names: string[] = operations().map((o) => o.name + o.input_stem);
  // @ts-expect-error: there is no such operation function
  kyoten.noSuchOperation({});
  // @ts-expect-error: the input of tasks.list is an object
  kyoten.tasksList(5);
  return r.findings.length + same.errors + any.errors + names.length + camelCase('a.b').length;
}

export const camel: CamelCase<'summary.emergency_view'> = 'summaryEmergencyView';
export const node: number = kyotenNode.tasksList({}).warnings;
