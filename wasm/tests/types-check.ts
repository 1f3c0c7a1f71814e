// Compiled (never run) by tests/types.test.mjs with `tsc --noEmit --strict`: the package's
// declarations (index.d.ts, node.d.ts over the generated kyoten-types.d.ts) type the API.
import { init, run, operations, camelCase, type Kyoten, type CamelCase } from '../pkg/index.js';
import kyotenNode from '../pkg/node.js';
import type { Draft, FieldInfo, FindingCode, Operations, Report, SummaryRequest, TaskCatalogue } from '../pkg/index.js';

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

// Draft mode: a half-filled summary is typed as `Draft<SummaryRequest>` and accepted with
// `{ draft: true }` only.
const halfFilled: Draft<SummaryRequest> = { as_of: '2026-11-01', summary: { child: { name: '', kana: '' } } };
export const draftReport: number = run('summary.scores', halfFilled, { draft: true }).warnings;
export async function drafts(): Promise<boolean> {
  const kyoten: Kyoten = await init();
  const r = kyoten.summaryScores(halfFilled, { draft: true });
  // @ts-expect-error: without draft mode the input must be complete
  kyoten.summaryScores(halfFilled);
  // @ts-expect-error: a run option that does not exist
  kyoten.summaryScores(halfFilled, { draft: true, colour: 1 });
  return r.provisional === true;
}

// Finding.code is a union of the real codes.
export const code: FindingCode = 'input.draft.not_filled';
// @ts-expect-error: not a rule code of the library
export const notACode: FindingCode = 'input.no_such_code';
// @ts-expect-error: a made-up code of a skin (the union has no `wasm.*` pattern)
export const notAWasmCode: FindingCode = 'wasm.made_up';
// @ts-expect-error: a made-up code of the C ABI (no `abi.*` pattern either)
export const notAnAbiCode: FindingCode = 'abi.made_up';
// The skins' own codes are real codes of the catalogue.
export const skinCodes: FindingCode[] = ['wasm.not_initialized', 'abi.null_argument', 'operation.internal'];
export function codes(r: Report<unknown>): boolean {
  // @ts-expect-error: a finding's code is never this
  return r.findings.some((f) => f.code === 'summary.no_such_code');
}

// Field labels at runtime, typed.
export async function labels(): Promise<string> {
  const kyoten: Kyoten = await init();
  const fields: FieldInfo[] = kyoten.rulesList({}).result?.fields ?? [];
  return fields.map((f) => `${f.of}.${f.field}: ${f.label_ja} / ${f.label_en}`).join('\n');
}
