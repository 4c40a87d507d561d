// Term files of the `terms` rule: `"files": ["report-terms.json"]` names files in which a unit keeps its word list
// (shared between repositories, edited by people who do not write code). rules/ reads no file: the hosts read them
// where they read the config (node/config-files.ts for the CLI and the Node server, server/client-config.ts through
// the client for the web) and put their entries into the rule's options with applyTermFiles; the rule sees entries
// only. A term file is untrusted data: a path stays in the config file's folder, a file is capped in size, entries
// are literal strings capped as inline ones are, and no message ever quotes the file's content (a config naming
// /etc/passwd gets "invalid JSON at line 1", never a line of it).
import { parse as parseJsonc, printParseErrorCode, type ParseError } from 'jsonc-parser';
import type { ResolvedConfig } from './config';
import type { Msg } from './types';
import { didYouMean } from './lib/did-you-mean';
import { TERMS_LIMITS } from './rules/terms';

/** A term file larger than this (bytes; UTF-16 units of text in the web) is refused unread. */
export const TERMS_FILE_CAP = TERMS_LIMITS.fileBytes;
/** What a host says of a term file that is not UTF-8 (the CLI and Node server, and the web server through the client). */
export const TERM_FILE_NOT_UTF8: Msg = { zh: '不是 UTF-8 编码的文本：请以 UTF-8 保存', en: 'not UTF-8 text: save it as UTF-8' };
export const TERMS_RULE_ID = 'terms';

export interface TermEntries {
  replace: { from: string; to: string; message?: string }[];
  forbid: { word: string; message?: string }[];
}

/** A term file as a host read it: its text, or why it could not be read. */
export type TermFileRead = { name: string; text: string } | { name: string; error: Msg };

/** The `files` option of the terms rule in a config (paths as written, relative to the config file). */
export function termFileNames(config: ResolvedConfig): string[] {
  const files = config.rules[TERMS_RULE_ID]?.options?.files;
  if (!Array.isArray(files)) return [];
  return files.filter((f): f is string => typeof f === 'string').slice(0, TERMS_LIMITS.files);
}

/** What a term file's name says about it, for a message: the name as written, without control characters. */
function shown(name: string): string {
  // eslint-disable-next-line no-control-regex
  const clean = name.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, '?');
  return clean.length > 120 ? clean.slice(0, 117) + '…' : clean;
}

function about(name: string, m: Msg): Msg {
  return { zh: `术语文件“${shown(name)}”：${m.zh}`, en: `term file "${shown(name)}": ${m.en}` };
}

/**
 * Why a term file's path is refused (passed on as the read's error), or undefined. A path is relative to the config
 * file and stays in its folder or below: no absolute path, drive, URI or `..` (a repository's config may not make the
 * tool read files elsewhere on the machine). Hosts check this before reading anything.
 */
export function termFilePathProblem(name: string): Msg | undefined {
  const bad = (zh: string, en: string): Msg => ({ zh, en });
  if (!name.trim()) return bad('路径为空', 'the path is empty');
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f]/.test(name)) return bad('路径含有控制字符', 'the path contains control characters');
  if (/^[\\/]/.test(name) || /^[A-Za-z]:/.test(name) || /^[A-Za-z][A-Za-z0-9+.-]*:/.test(name) || name.startsWith('~'))
    return bad('只能写相对于配置文件所在文件夹的路径，不能写绝对路径', "the path must be relative to the config file's folder, not absolute");
  if (name.split(/[\\/]/).some((s) => s === '..'))
    return bad('路径不能含“..”：术语文件须在配置文件所在的文件夹或其子文件夹中', 'the path may not contain "..": a term file lives in the config file\'s folder or below it');
  if (!/\.(json|jsonc|txt)$/i.test(name))
    return bad('扩展名应为 .json（JSON，可带注释）或 .txt（每行一条）', 'the name must end in .json (JSON, comments allowed) or .txt (one entry a line)');
  return undefined;
}

const MAX_PROBLEMS = 5;
const lenText = (max: number, min: number) => (min ? `${min}–${max}` : `0–${max}`);

/** An own property only: jsonc-parser builds objects by assignment, so `"__proto__": {…}` would otherwise be inherited. */
function own(o: object, key: string): unknown {
  return Object.hasOwn(o, key) ? (o as Record<string, unknown>)[key] : undefined;
}

function checkString(v: unknown, min: number, max: number): boolean {
  return typeof v === 'string' && v.length >= min && v.length <= max;
}

/** One entry object of a JSON term file, checked; problems name the place and the key, never the value. */
function entryProblems(item: unknown, where: string, keys: { key: string; min: number; max: number; required: boolean }[]): Msg[] {
  if (item === null || typeof item !== 'object' || Array.isArray(item)) return [{ zh: `${where} 应为一个 JSON 对象`, en: `${where} must be a JSON object` }];
  const out: Msg[] = [];
  const known = keys.map((k) => k.key);
  for (const k of Object.keys(item)) {
    if (known.includes(k)) continue;
    // the key is quoted only when it is a near miss of a known one (a typo): otherwise it is the file's content
    const near = didYouMean(k, known);
    out.push(
      near
        ? { zh: `${where} 中的键“${shown(k)}”无效，是不是“${near}”？`, en: `${where}: unknown key "${shown(k)}": did you mean "${near}"?` }
        : { zh: `${where} 中有未知的键（只读取 ${known.join('、')}）`, en: `${where} has an unknown key (only ${known.join(', ')} are read)` },
    );
  }
  for (const k of keys) {
    const v = own(item, k.key);
    if (v === undefined && !k.required) continue;
    if (!checkString(v, k.min, k.max))
      out.push({
        zh: `${where} 的“${k.key}”应为 ${lenText(k.max, k.min)} 个字符的字符串`,
        en: `${where}: "${k.key}" must be a string of ${lenText(k.max, k.min)} characters`,
      });
  }
  return out;
}

const REPLACE_KEYS = [
  { key: 'from', min: 1, max: TERMS_LIMITS.length, required: true },
  { key: 'to', min: 0, max: TERMS_LIMITS.length, required: true },
  { key: 'message', min: 0, max: TERMS_LIMITS.message, required: false },
];
const FORBID_KEYS = [
  { key: 'word', min: 1, max: TERMS_LIMITS.length, required: true },
  { key: 'message', min: 0, max: TERMS_LIMITS.message, required: false },
];

function parseJsonTerms(text: string): TermEntries | Msg[] {
  const errors: ParseError[] = [];
  const raw = parseJsonc(text, errors, { allowTrailingComma: true, disallowComments: false });
  if (errors.length) {
    const line = text.slice(0, errors[0].offset).split(/\r\n|\r|\n/).length;
    const code = printParseErrorCode(errors[0].error);
    return [{ zh: `第 ${line} 行的 JSON 无效：${code}`, en: `invalid JSON at line ${line}: ${code}` }];
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw))
    return [{ zh: '文件内容应为一个 JSON 对象：{ "replace": [...], "forbid": [...] }', en: 'the file must hold a JSON object: { "replace": [...], "forbid": [...] }' }];
  const problems: Msg[] = [];
  const top = ['$schema', 'replace', 'forbid'];
  for (const k of Object.keys(raw)) {
    if (top.includes(k)) continue;
    const near = didYouMean(k, top);
    problems.push(
      near
        ? { zh: `未知的键“${shown(k)}”，是不是“${near}”？`, en: `unknown key "${shown(k)}": did you mean "${near}"?` }
        : { zh: '有未知的键（只读取 replace、forbid）', en: 'unknown key (only replace and forbid are read)' },
    );
  }
  const out: TermEntries = { replace: [], forbid: [] };
  for (const [kind, keys] of [['replace', REPLACE_KEYS], ['forbid', FORBID_KEYS]] as const) {
    const list = own(raw, kind);
    if (list === undefined) continue;
    if (!Array.isArray(list)) {
      problems.push({ zh: `“${kind}”应为数组`, en: `"${kind}" must be an array` });
      continue;
    }
    if (list.length > TERMS_LIMITS.entries) {
      problems.push({ zh: `“${kind}”有 ${list.length} 条，多于 ${TERMS_LIMITS.entries} 条`, en: `"${kind}" has ${list.length} entries, more than ${TERMS_LIMITS.entries}` });
      continue;
    }
    list.forEach((item, i) => {
      if (problems.length > MAX_PROBLEMS) return;
      const p = entryProblems(item, `${kind}[${i}]`, keys);
      if (p.length) problems.push(...p);
      else (out[kind] as unknown[]).push(kind === 'replace' ? pickKeys(item, ['from', 'to', 'message']) : pickKeys(item, ['word', 'message']));
    });
  }
  return problems.length ? problems : out;
}

function pickKeys(item: Record<string, unknown>, keys: string[]): Record<string, string> {
  const o: Record<string, string> = {};
  for (const k of keys) {
    const v = own(item, k);
    if (typeof v === 'string') o[k] = v;
  }
  return o;
}

/**
 * The plain-text form (`.txt`), for people who do not write JSON: one entry a line, `#` starts a comment line.
 *   区管委会 => 区管理委员会 | 对外行文用全称      (replacement, with its message after "|")
 *   内部资料 | 对外报告不得出现                    (a forbidden word, with its message)
 *   绝密                                           (a forbidden word)
 */
function parseTextTerms(text: string): TermEntries | Msg[] {
  const out: TermEntries = { replace: [], forbid: [] };
  const problems: Msg[] = [];
  const lines = text.split(/\r\n|\r|\n/);
  for (let i = 0; i < lines.length && problems.length <= MAX_PROBLEMS; i++) {
    const line = lines[i].trim();
    if (!line || line.startsWith('#')) continue;
    const bar = line.indexOf('|');
    const body = (bar >= 0 ? line.slice(0, bar) : line).trim();
    const message = bar >= 0 ? line.slice(bar + 1).trim() : '';
    const arrow = body.indexOf('=>');
    const word = (arrow >= 0 ? body.slice(0, arrow) : body).trim();
    const to = arrow >= 0 ? body.slice(arrow + 2).trim() : undefined;
    const at = { zh: `第 ${i + 1} 行`, en: `line ${i + 1}` };
    if (!word || word.length > TERMS_LIMITS.length) {
      problems.push({ zh: `${at.zh}：词语应为 1–${TERMS_LIMITS.length} 个字符`, en: `${at.en}: the word must have 1–${TERMS_LIMITS.length} characters` });
      continue;
    }
    if (to !== undefined && (to.length > TERMS_LIMITS.length || to.includes('=>'))) {
      problems.push({ zh: `${at.zh}：“=>”后的写法应为至多 ${TERMS_LIMITS.length} 个字符，且只能有一个“=>”`, en: `${at.en}: the replacement after "=>" must have at most ${TERMS_LIMITS.length} characters, and a line only one "=>"` });
      continue;
    }
    if (message.length > TERMS_LIMITS.message) {
      problems.push({ zh: `${at.zh}：说明应至多 ${TERMS_LIMITS.message} 个字符`, en: `${at.en}: the message must have at most ${TERMS_LIMITS.message} characters` });
      continue;
    }
    if (to !== undefined) out.replace.push({ from: word, to, ...(message ? { message } : {}) });
    else out.forbid.push({ word, ...(message ? { message } : {}) });
    if (out.replace.length > TERMS_LIMITS.entries || out.forbid.length > TERMS_LIMITS.entries) {
      problems.push({ zh: `条目多于 ${TERMS_LIMITS.entries} 条`, en: `more than ${TERMS_LIMITS.entries} entries of a kind` });
      break;
    }
  }
  return problems.length ? problems : out;
}

/** A term file's entries, or what is wrong with it (each problem names the file). */
export function parseTermFile(name: string, text: string): TermEntries | { problems: Msg[] } {
  if (text.length > TERMS_FILE_CAP) return { problems: [about(name, { zh: `文件过大（上限 ${TERMS_FILE_CAP} 字节）`, en: `too large (limit ${TERMS_FILE_CAP} bytes)` })] };
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const r = /\.txt$/i.test(name) ? parseTextTerms(text) : parseJsonTerms(text);
  if (Array.isArray(r)) return { problems: r.slice(0, MAX_PROBLEMS).map((m) => about(name, m)) };
  return r;
}

/**
 * The config with the entries of the term files that could be read and parsed put after the inline ones, and
 * what is wrong with the others (each names its file). A broken file adds nothing; the rest of the config applies.
 */
export function applyTermFiles(config: ResolvedConfig, reads: TermFileRead[]): { config: ResolvedConfig; problems: Msg[] } {
  const rc = config.rules[TERMS_RULE_ID];
  if (!rc?.options || reads.length === 0) return { config, problems: [] };
  const problems: Msg[] = [];
  const replace = Array.isArray(rc.options.replace) ? [...rc.options.replace] : [];
  const forbid = Array.isArray(rc.options.forbid) ? [...rc.options.forbid] : [];
  for (const r of reads) {
    if ('error' in r) {
      problems.push(about(r.name, r.error));
      continue;
    }
    const parsed = parseTermFile(r.name, r.text);
    if ('problems' in parsed) problems.push(...parsed.problems);
    else {
      replace.push(...parsed.replace);
      forbid.push(...parsed.forbid);
    }
  }
  const total = replace.length + forbid.length;
  if (total > TERMS_LIMITS.entries)
    problems.push({
      zh: `术语条目合计 ${total} 条（含配置文件中的），多于 ${TERMS_LIMITS.entries} 条：超出的不生效`,
      en: `${total} term entries in all (with the config file's own), more than ${TERMS_LIMITS.entries}: those beyond are ignored`,
    });
  return { config: { ...config, rules: { ...config.rules, [TERMS_RULE_ID]: { ...rc, options: { ...rc.options, replace, forbid } } } }, problems };
}
