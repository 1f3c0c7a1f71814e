// Node entry: everything of the browser entry, plus the API as the default export
// (loaded synchronously, so `init()` is not needed).
import type { Kyoten } from './index.js';

export * from './index.js';
declare const kyoten: Kyoten;
export default kyoten;
