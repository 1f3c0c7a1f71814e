// kyoten: the part of the JavaScript layer shared by the browser entry (index.js) and the
// node entry (node.js). It turns the raw wasm-bindgen functions (JSON text in, JSON text
// out) into functions over plain objects. Nothing here throws on any input: every answer
// is a report `{ operation, valid, errors, warnings, infos, findings, result? }`.

/**
 * The camelCase JavaScript name of an operation: `summary.emergency_view` →
 * `summaryEmergencyView`.
 * @param {string} name
 * @returns {string}
 */
export function camelCase(name) {
  return name.replace(/[._]+([a-z0-9])/g, (_, c) => c.toUpperCase());
}

/**
 * Messages of `wasm.not_initialized`, used before the module is loaded (when it cannot be
 * asked). A node test checks this copy against the Rust rule (`rules()`).
 */
export const NOT_INITIALIZED = Object.freeze({
  code: 'wasm.not_initialized',
  severity: 'error',
  message_ja: 'WASM モジュールがまだ読み込まれていません（先に init() を待ってください）',
  message_en: 'The WASM module is not loaded yet (await init() first)',
});

/**
 * A report with one finding at the document root.
 * @param {string} operation
 * @param {{code: string, severity: string, message_ja: string, message_en: string}} rule
 */
export function errorReport(operation, rule) {
  return {
    operation,
    valid: false,
    errors: 1,
    warnings: 0,
    infos: 0,
    findings: [
      {
        code: rule.code,
        severity: rule.severity,
        path: '',
        message_ja: rule.message_ja,
        message_en: rule.message_en,
      },
    ],
  };
}

/**
 * The run options as JSON text for the core; `undefined` (the defaults) when none are
 * given. Options that cannot be written as JSON are passed as text that is not JSON, so
 * that the core reports them (`options.invalid`) like any other bad options.
 * @param {unknown} options
 * @returns {string | undefined}
 */
function optionsText(options) {
  if (options === undefined || options === null) return undefined;
  try {
    const text = JSON.stringify(options);
    return typeof text === 'string' ? text : '\u0000';
  } catch {
    return '\u0000';
  }
}

/** The operation name as given, when it is a string; otherwise '' (an unknown name). */
function nameOf(name) {
  return typeof name === 'string' ? name : '';
}

/**
 * Builds the API over the raw module functions `{ run, operations, inputNotJson, rules,
 * version }`.
 * @param {any} raw
 */
export function makeApi(raw) {
  const list = Object.freeze(JSON.parse(raw.operations()).map((o) => Object.freeze(o)));
  const known = new Set(list.map((o) => o.name));
  const rules = JSON.parse(raw.rules());
  const internal = rules.find((r) => r.code === 'operation.internal');
  let broken = false;

  /**
   * Runs an operation on a plain object; returns its report as a plain object.
   * @param {string} name operation name, e.g. `summary.validate`
   * @param {unknown} input the input document
   * @param {unknown} [options] run options, e.g. `{ draft: true }` (read by the core, as
   *   on every surface: `schemas/run-options.schema.json`; bad options give a report of
   *   `options.*` findings)
   */
  function run(name, input, options) {
    const op = nameOf(name);
    const echo = known.has(op) ? op : '';
    if (broken) return errorReport(echo, internal);
    let text;
    try {
      text = JSON.stringify(input);
    } catch {
      text = undefined; // cycle, BigInt, a throwing toJSON or getter, a string too long
    }
    try {
      if (typeof text !== 'string') return JSON.parse(raw.inputNotJson(op));
      return JSON.parse(raw.run(op, text, optionsText(options)));
    } catch {
      // The module trapped (a bug): its memory may be in a bad state, so stop using it.
      broken = true;
      return errorReport(echo, internal);
    }
  }

  const api = {
    run,
    /** Every operation: `{ name, summary_ja, summary_en, input_type, output_type }`. */
    operations: () => list,
    /** The rules of the answers the skins share (`operation.*`, `wasm.not_initialized`). */
    rules: () => rules,
    /** The library version. */
    version: () => raw.version(),
  };
  for (const o of list) {
    api[camelCase(o.name)] = (input, options) => run(o.name, input, options);
  }
  return Object.freeze(api);
}
