// The statistical typo check's word list for the Node bundles (CLI, language server, worker, engine): the same data
// as rules/data/lexicon.generated.ts, which scripts/build.mjs puts in dist/lexicon.json and swaps for this module.
// Read on first use, not parsed with the bundle at every start (2 MB of string literals otherwise); the web
// bundles keep the data inline. A CommonJS module with getters, so that the engine's `import { WORD_GROUPS }`
// reads it only when the lexicon is built.
'use strict';
let data;
function load() {
  if (!data) data = JSON.parse(require('node:fs').readFileSync(require('node:path').join(__dirname, 'lexicon.json'), 'utf8'));
  return data;
}
Object.defineProperty(exports, 'READINGS', { enumerable: true, get: () => load().READINGS });
Object.defineProperty(exports, 'WORD_GROUPS', { enumerable: true, get: () => load().WORD_GROUPS });
