// terms: a unit's own wording rules, without code: replacement pairs (like textlint's prh) and forbidden words
// (禁用词/敏感词), each with its message, in .reportlintrc.json. The entries come from a workspace file, so they are
// untrusted data: literal strings only, their number and length capped here and in the schema, matched in one pass
// over the prose with a trie (cost at most text length × longest entry, whatever the entries are).
import { CATEGORY } from '../categories';
import type { Rule } from '../types';
import { msg } from '../util';

/** Caps on what a workspace may configure: entries (all kinds together), their lengths; term files and their size. */
export const TERMS_LIMITS = { entries: 2000, length: 64, message: 300, files: 20, fileBytes: 1 << 20 } as const;

interface Term {
  word: string;
  /** Replacement (absent for a forbidden word). */
  to?: string;
  message?: string;
  /** For a replacement that contains the word (政府 → 人民政府): where the word sits in it, to leave the right form alone. */
  inTo: number;
}

interface Node {
  next: Map<number, Node>;
  term?: Term;
}

interface Matcher {
  root: Node;
  count: number;
  /** 1 for a character that starts some entry: most characters are skipped with one array read */
  first: Uint8Array;
}

function str(v: unknown, max: number): string | undefined {
  return typeof v === 'string' && v.length > 0 && v.length <= max ? v : undefined;
}

/** The trie of the configured terms (invalid or oversized entries dropped; at most TERMS_LIMITS.entries). */
export function buildTerms(replace: unknown, forbid: unknown): Matcher {
  const root: Node = { next: new Map() };
  let count = 0;
  const add = (t: Term) => {
    if (count >= TERMS_LIMITS.entries) return;
    let n = root;
    for (let i = 0; i < t.word.length; i++) {
      const c = t.word.charCodeAt(i);
      let m = n.next.get(c);
      if (!m) n.next.set(c, (m = { next: new Map() }));
      n = m;
    }
    // the first entry for a word wins (a later duplicate is ignored)
    if (!n.term) {
      n.term = t;
      count++;
    }
  };
  if (Array.isArray(replace))
    for (const e of replace.slice(0, TERMS_LIMITS.entries)) {
      const from = str(e?.from, TERMS_LIMITS.length);
      const to = typeof e?.to === 'string' && e.to.length <= TERMS_LIMITS.length ? (e.to as string) : undefined;
      if (!from || to === undefined || to === from) continue;
      add({ word: from, to, message: str(e?.message, TERMS_LIMITS.message), inTo: to.indexOf(from) });
    }
  if (Array.isArray(forbid))
    for (const e of forbid.slice(0, TERMS_LIMITS.entries)) {
      const word = str(e?.word, TERMS_LIMITS.length);
      if (word) add({ word, message: str(e?.message, TERMS_LIMITS.message), inTo: -1 });
    }
  const first = new Uint8Array(0x10000);
  for (const c of root.next.keys()) first[c] = 1;
  return { root, count, first };
}

// The engine makes a new options object per document, but the configured arrays are the same ones: the trie is
// built once per pair of arrays (once per configuration).
const built = new WeakMap<object, WeakMap<object, Matcher>>();
const NONE: unknown[] = [];

function matcherFor(replace: unknown, forbid: unknown): Matcher {
  const r = (Array.isArray(replace) ? replace : NONE) as object;
  const f = (Array.isArray(forbid) ? forbid : NONE) as object;
  let inner = built.get(r);
  if (!inner) built.set(r, (inner = new WeakMap()));
  let m = inner.get(f);
  if (!m) inner.set(f, (m = buildTerms(r, f)));
  return m;
}

const ENTRY = { type: 'string', minLength: 1, maxLength: TERMS_LIMITS.length };

const rule: Rule = {
  meta: {
    id: 'terms',
    category: CATEGORY.wording,
    description: msg('本单位的规范用语（替换词对）和禁用词、敏感词', "The unit's own terms: replacement pairs and forbidden words"),
    severity: 'warning',
    tags: ['wording', 'terms'],
    fixable: true,
    clause: '本单位用语规范（.reportlintrc.json 或其术语文件中配置）',
    docs: {
      why: msg(
        '每个单位都有自己的规范用语：机构的全称、改过的名称、不再使用的提法、对外不宜出现的词。本规则不带任何内置词表，只检查单位在 .reportlintrc.json 中配置的两类条目，不需要写代码：' +
          'replace（替换词对：出现 from 时报告并给出修改 to，message 为提示）和 forbid（禁用词、敏感词：出现 word 时报告 message，不给修改）。例如：' +
          '"rules": { "terms": ["warning", { "replace": [{ "from": "区管委会", "to": "区管理委员会", "message": "首次出现用全称" }], "forbid": [{ "word": "内部资料", "message": "对外报告不得出现" }] }] }。' +
          `条目都是字面字符串（不是正则表达式），两类合计最多 ${TERMS_LIMITS.entries} 条，每条最长 ${TERMS_LIMITS.length} 个字符，说明最长 ${TERMS_LIMITS.message} 个字符；超出的条目不生效。` +
          '替换后的写法包含原词时（“政府”→“人民政府”），已是替换后写法的地方不报告。' +
          '词表也可以放在单独的术语文件里，由几个仓库共用、由不写代码的人维护："files": ["terms/unit-terms.txt"]，路径相对于配置文件，且须在其所在文件夹或子文件夹中。' +
          '.txt 文件每行一条（UTF-8，# 开头为注释）：“区管委会 => 区管理委员会 | 对外行文用全称”为替换词对，“内部资料 | 对外报告不得出现”或“绝密”为禁用词；' +
          '.json 文件为 { "replace": [...], "forbid": [...] }，写法与配置文件中的相同，可带注释。文件中的条目排在配置文件中的条目之后，合计不超过上述条数；每个文件最大 1 MB，最多 ' +
          `${TERMS_LIMITS.files} 个文件。文件缺失或有误时，提示指出是哪个文件（不引用文件内容）：命令行按配置错误处理，编辑器提示一次并照常使用其余设置；文件改动后编辑器重新读取，--cache 的结果随之失效。`,
        "Every unit has its own wording: full names of bodies, renamed offices, retired phrases, words not to appear outside. This rule ships no list: it checks the two kinds of entries a unit puts in .reportlintrc.json, without code: " +
          'replace (pairs: from is reported with to as the fix, with the message) and forbid (禁用词/敏感词: word is reported with the message, no fix). ' +
          `Entries are literal strings (no regular expressions), at most ${TERMS_LIMITS.entries} in all, each at most ${TERMS_LIMITS.length} characters, messages at most ${TERMS_LIMITS.message}; entries beyond that are ignored. ` +
          'Where the replacement contains the word (政府 → 人民政府), text that already reads the replacement is not reported. ' +
          'The list may live in term files of its own, shared between repositories and kept by people who do not write code: "files": ["terms/unit-terms.txt"], paths relative to the config file and inside its folder. ' +
          'A .txt file has one entry a line (UTF-8, # starts a comment): "区管委会 => 区管理委员会 | message" is a replacement, "内部资料 | message" or "绝密" a forbidden word; ' +
          `a .json file is { "replace": [...], "forbid": [...] } as inline, comments allowed. File entries come after the inline ones, within the same total; at most 1 MB a file and ${TERMS_LIMITS.files} files. ` +
          'A missing or invalid file is named in the message (never quoting its content): the CLI treats it as a bad config, the editor says so once and uses the rest of the config; the editor re-reads a changed file, and it invalidates --cache results.',
      ),
      examples: [
        { wrong: '（replace: 区管委会 → 区管理委员会）区管委会召开专题会议。', right: '区管理委员会召开专题会议。' },
        { wrong: '（forbid: 内部资料）本报告为内部资料。', note: msg('报告配置的说明，不给修改', 'Reported with the configured message, no fix') },
      ],
    },
    optionsSchema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        files: {
          type: 'array',
          maxItems: TERMS_LIMITS.files,
          description:
            "Term files with more entries, paths relative to the config file and inside its folder: .json ({ \"replace\": [...], \"forbid\": [...] }, comments allowed) or .txt (one entry a line: 'from => to | message' or 'word | message'). Their entries come after the inline ones.",
          items: { type: 'string', minLength: 1, maxLength: 260 },
        },
        replace: {
          type: 'array',
          maxItems: TERMS_LIMITS.entries,
          description: 'Replacement pairs: from (literal) is reported with to as its fix.',
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['from', 'to'],
            properties: { from: ENTRY, to: { type: 'string', maxLength: TERMS_LIMITS.length }, message: { type: 'string', maxLength: TERMS_LIMITS.message } },
          },
        },
        forbid: {
          type: 'array',
          maxItems: TERMS_LIMITS.entries,
          description: 'Forbidden or sensitive words (literal), reported with their message.',
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['word'],
            properties: { word: ENTRY, message: { type: 'string', maxLength: TERMS_LIMITS.message } },
          },
        },
      },
    },
    defaultOptions: { replace: [], forbid: [] },
  },
  check({ doc, options, report }) {
    const m = matcherFor(options.replace, options.forbid);
    if (m.count === 0) return;
    const text = doc.prose;
    const { root, first } = m;
    for (let i = 0; i < text.length; i++) {
      if (first[text.charCodeAt(i)] === 0) continue;
      // the longest entry starting here
      let n: Node | undefined = root.next.get(text.charCodeAt(i));
      if (!n) continue;
      let hit: Term | undefined;
      for (let j = i + 1; n; j++) {
        if (n.term) hit = n.term;
        if (j >= text.length) break;
        n = n.next.get(text.charCodeAt(j));
      }
      if (!hit) continue;
      const end = i + hit.word.length;
      if (hit.to !== undefined) {
        if (hit.inTo >= 0 && i - hit.inTo >= 0 && text.startsWith(hit.to, i - hit.inTo)) continue;
        const note = hit.message ? `：${hit.message}` : '';
        report({
          offset: i,
          endOffset: end,
          message: msg(`“${hit.word}”应为“${hit.to}”${note}`, `"${hit.word}" should be "${hit.to}"${hit.message ? `: ${hit.message}` : ''}`),
          fix: { edits: [{ offset: i, endOffset: end, text: hit.to }] },
        });
      } else {
        report({
          offset: i,
          endOffset: end,
          message: msg(`禁用词“${hit.word}”${hit.message ? `：${hit.message}` : ''}`, `forbidden word "${hit.word}"${hit.message ? `: ${hit.message}` : ''}`),
        });
      }
      i = end - 1;
    }
  },
};
export default rule;
