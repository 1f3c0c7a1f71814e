// kyoten for the browser: an ES module that loads with a plain <script type="module">.
//
//   import { init } from './kyoten/index.js';
//   const kyoten = await init();
//   const report = kyoten.summaryValidate({ ... });
//
// `init()` fetches `web/kyoten_wasm_bg.wasm` next to this file (or what you pass it: a
// URL, a Response, bytes or a WebAssembly.Module) and resolves to the API object; calling
// it again returns the same object.
import wbgInit, * as raw from './web/kyoten_wasm.js';
import { errorReport, makeApi, NOT_INITIALIZED, camelCase } from './api.js';

let api = null;
let pending = null;

/**
 * Loads the module once; resolves to the API (`run`, `operations`, one function per
 * operation).
 * @param {RequestInfo | URL | Response | BufferSource | WebAssembly.Module} [moduleOrPath]
 */
export function init(moduleOrPath) {
  if (api) return Promise.resolve(api);
  if (!pending) {
    const arg = moduleOrPath === undefined ? undefined : { module_or_path: moduleOrPath };
    pending = wbgInit(arg).then(
      () => (api = makeApi(raw)),
      (e) => {
        pending = null; // let the page try again
        throw e;
      },
    );
  }
  return pending;
}

/**
 * Runs an operation on a plain object. Before `init()` has finished, the report says
 * `wasm.not_initialized`.
 */
export function run(name, input) {
  if (!api) return errorReport(typeof name === 'string' ? name : '', NOT_INITIALIZED);
  return api.run(name, input);
}

/** Every operation (empty before `init()` has finished). */
export function operations() {
  return api ? api.operations() : [];
}

export { camelCase };
