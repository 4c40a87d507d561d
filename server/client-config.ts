// `.reportlintrc.json` read by the client (FindConfigRequest), for documents the server cannot read itself: every
// document in a web worker, and documents of a virtual workspace (vscode-vfs:…) on the desktop.
import type { Connection } from 'vscode-languageserver';
import { parseConfig } from '../rules/config';
import { allRules } from '../rules/all-rules';
import { FindConfigRequest, type FindConfigParams, type FindConfigResult } from './protocol';
import type { ConfigSource } from './host';

/** A short identity of a config file's text (FNV-1a), so that a changed file is parsed again. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16);
}

/** Asks the client, once per document until `clear()` (a config file changed). A failed request means no config. */
export function clientConfigs(connection: () => Connection): { find(uri: string): Promise<ConfigSource | undefined>; clear(): void } {
  const found = new Map<string, Promise<ConfigSource | undefined>>();
  async function ask(uri: string): Promise<ConfigSource | undefined> {
    const params: FindConfigParams = { uri };
    const r = (await connection().sendRequest(FindConfigRequest, params)) as FindConfigResult | null;
    if (!r || typeof r.uri !== 'string' || typeof r.text !== 'string') return undefined;
    const text = r.text.charCodeAt(0) === 0xfeff ? r.text.slice(1) : r.text;
    return {
      file: r.uri,
      stamp: `${r.uri}|${text.length}|${hash(text)}`,
      load: () => parseConfig(text, r.uri, allRules),
      content: () => text,
    };
  }
  return {
    find(uri) {
      let p = found.get(uri);
      if (!p) {
        p = ask(uri).catch(() => undefined);
        found.set(uri, p);
      }
      return p;
    },
    clear: () => found.clear(),
  };
}
