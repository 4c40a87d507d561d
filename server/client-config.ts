// `.reportlintrc.json` read by the client (FindConfigRequest), for documents the server cannot read itself: every
// document in a web worker, and documents of a virtual workspace (vscode-vfs:…) on the desktop.
import type { Connection } from 'vscode-languageserver';
import { parseConfig } from '../rules/config';
import { allRules } from '../rules/all-rules';
import { applyTermFiles, termFileNames, termFilePathProblem, TERM_FILE_NOT_UTF8, TERMS_FILE_CAP, type TermFileRead } from '../rules/terms-files';
import {
  FindConfigRequest,
  ReadTermFileRequest,
  type FindConfigParams,
  type FindConfigResult,
  type ReadTermFileParams,
  type ReadTermFileResult,
} from './protocol';
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
    const configUri = r.uri;
    return {
      file: configUri,
      stamp: `${configUri}|${text.length}|${hash(text)}`,
      load: async () => {
        const config = parseConfig(text, configUri, allRules);
        const reads: TermFileRead[] = [];
        const watch: string[] = [];
        for (const name of termFileNames(config)) {
          const bad = termFilePathProblem(name);
          if (bad) reads.push({ name, error: bad });
          else {
            const read = await readTermFile(configUri, name);
            // watched even when missing: creating it is a change too
            watch.push(read.uri ?? name);
            reads.push(read);
          }
        }
        const applied = applyTermFiles(config, reads);
        // a changed term file comes with a watched-files event, which clears what was found: no stamp of its own
        return { config: applied.config, problems: applied.problems, watch };
      },
      content: () => text,
    };
  }
  /** A term file through the client; never throws. */
  async function readTermFile(config: string, name: string): Promise<TermFileRead & { uri?: string }> {
    const params: ReadTermFileParams = { config, path: name, cap: TERMS_FILE_CAP };
    let r: ReadTermFileResult | null;
    try {
      r = (await connection().sendRequest(ReadTermFileRequest, params)) as ReadTermFileResult | null;
    } catch {
      r = null;
    }
    if (!r || typeof r !== 'object') return { name, error: { zh: '编辑器未提供读取术语文件的功能', en: 'the editor does not read term files for the server' } };
    const uri = typeof r.uri === 'string' ? r.uri : undefined;
    if (typeof r.text === 'string') {
      if (r.text.length > TERMS_FILE_CAP) return { name, uri, error: { zh: `文件过大（上限 ${TERMS_FILE_CAP} 字节）`, en: `too large (limit ${TERMS_FILE_CAP} bytes)` } };
      return { name, uri, text: r.text };
    }
    if (typeof r.size === 'number') return { name, uri, error: { zh: `文件过大（${r.size} 字节，上限 ${TERMS_FILE_CAP} 字节）`, en: `too large (${r.size} bytes, limit ${TERMS_FILE_CAP})` } };
    if (r.error === 'FileNotFound') return { name, uri, error: { zh: `文件不存在：${uri ?? name}`, en: `no such file: ${uri ?? name}` } };
    if (r.error === 'NotUtf8') return { name, uri, error: TERM_FILE_NOT_UTF8 };
    const why = typeof r.error === 'string' ? r.error.slice(0, 200) : '';
    return { name, uri, error: { zh: `无法读取：${why}`, en: `cannot read it: ${why}` } };
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
