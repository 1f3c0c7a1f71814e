// kyoten for node: the same API as the browser entry, loaded synchronously from the
// wasm-bindgen `nodejs` build in ./node/.
//
//   import kyoten from '@kyoten/wasm';            // or: import { run } from '@kyoten/wasm';
//   kyoten.summaryValidate({ ... });
import { createRequire } from 'node:module';
import { makeApi, camelCase } from './api.js';

const require = createRequire(import.meta.url);
const api = makeApi(require('./node/kyoten_wasm.js'));

/** Resolves to the API at once (for code shared with the browser). */
export function init() {
  return Promise.resolve(api);
}
export const run = api.run;
export const operations = api.operations;
export { camelCase };
export default api;
