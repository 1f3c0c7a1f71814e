// Compiled (never run) by schemas/check.sh with `tsc --noEmit --strict`: the generated
// declarations must compile and the Operations map must be usable generically.
import type { Operations, OperationName, InputOf, OutputOf, Report, Finding, Severity } from "../../wasm/js/kyoten-types";

type Runner = <K extends OperationName>(name: K, input: InputOf<K>) => OutputOf<K>;

export function errorsOf<K extends OperationName>(run: Runner, name: K, input: InputOf<K>): Finding[] {
  const report: Report<unknown> = run(name, input);
  const sev: Severity = "error";
  return report.findings.filter((f) => f.severity === sev);
}

export type EveryOperationHasInputAndOutput = {
  [K in keyof Operations]: Operations[K] extends { input: unknown; output: Report<unknown> } ? true : never;
};
