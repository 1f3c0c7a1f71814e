// TypeScript declarations for kyoten's JavaScript API (browser entry `index.js` and node
// entry `node.js`). The input and output types and the `Operations` map come from
// `kyoten-types.d.ts`, generated from the same Rust model as the JSON Schemas.
import type { Draft, Operations, Report, RunOptions } from './kyoten-types.js';

export * from './kyoten-types.js';
export type { Operations };

/** Every operation name, e.g. `"summary.validate"`. */
type OpName = keyof Operations & string;

/** `"summary.emergency_view"` → `"summaryEmergencyView"`. */
export type CamelCase<S extends string> = CamelParts<Dotless<S>>;
type Dotless<S extends string> = S extends `${infer H}.${infer T}` ? `${H}_${Dotless<T>}` : S;
type CamelParts<S extends string> = S extends `${infer H}_${infer T}`
  ? `${H}${Capitalize<CamelParts<T>>}`
  : S;

/** A report whose result type is unknown (an unknown operation name). */
export type AnyReport = Report<unknown>;

/** One row of `operations()`. */
export interface OperationInfo {
  name: OpName;
  summary_ja: string;
  summary_en: string;
  input_type: string;
  /** Stem of the example files: `schemas/examples/<input_stem>.<label>.json`. */
  input_stem: string;
  output_type: string;
}

/** Run options with draft mode on: the input may be a form in progress (`Draft<T>`). */
export type DraftOptions = RunOptions & { draft: true };

/**
 * Runs an operation on a plain object. Never throws: problems are findings. With
 * `{ draft: true }` the input may be a form in progress (every field optional, `""` for
 * not filled in yet) and the report says `provisional: true` when it was.
 */
export interface RunFunction {
  <K extends OpName>(
    name: K,
    input: Draft<Operations[K]['input']>,
    options: DraftOptions,
  ): Operations[K]['output'];
  <K extends OpName>(
    name: K,
    input: Operations[K]['input'],
    options?: RunOptions,
  ): Operations[K]['output'];
  (name: string, input: unknown, options?: RunOptions): AnyReport;
}

/** One operation's function: its input, or a draft of it with `{ draft: true }`. */
export interface OperationFunction<K extends OpName> {
  (input: Draft<Operations[K]['input']>, options: DraftOptions): Operations[K]['output'];
  (input: Operations[K]['input'], options?: RunOptions): Operations[K]['output'];
}

/** One function per operation, named in camelCase (`summaryValidate`). */
export type OperationFunctions = {
  [K in OpName as CamelCase<K>]: OperationFunction<K>;
};

/** What `init()` resolves to (and the node entry's default export). */
export type Kyoten = OperationFunctions & {
  run: RunFunction;
  operations(): readonly OperationInfo[];
  rules(): readonly { code: string; severity: string; message_ja: string; message_en: string }[];
  version(): string;
};

/**
 * Loads the module once (browser: fetches `web/kyoten_wasm_bg.wasm` beside `index.js`
 * unless given a URL, Response, bytes or module) and resolves to the API.
 */
export function init(
  moduleOrPath?: RequestInfo | URL | Response | BufferSource | WebAssembly.Module,
): Promise<Kyoten>;

/** Runs an operation; before `init()` has finished, the report says `wasm.not_initialized`. */
export declare const run: RunFunction;

/** Every operation (empty before `init()` has finished, in the browser). */
export function operations(): readonly OperationInfo[];

/** The camelCase JavaScript name of an operation name. */
export function camelCase(name: string): string;
