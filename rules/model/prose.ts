// Turns a document into prose: the text with everything that is not prose (Markdown syntax, code,
// HTML, link targets, URLs, e-mail addresses, inline-config comments, Markdown front matter, data blocks) masked,
// and a list of blocks.
// Masking keeps offsets: every masked UTF-16 unit becomes MASK, so rules can run regexes on the
// prose and report offsets into the original text without a map.
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import { LineIndex } from './lines';
import { isPlainHeading, markdownChunks, type ChunkOptions } from './markdown-chunks';

export const MASK = '\uFFFC';

/** `[\s\u3000\uFFFC]` without a regex: a JS blank (\s holds U+3000 and U+FEFF) or MASK. */
export function isBlankOrMask(c: number): boolean {
  if (c > 0x3000) return c === 0xfeff || c === 0xfffc;
  if (c > 0x20 && c < 0xa0) return false;
  return c === 0x20 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000;
}

export type SourceFormat = 'markdown' | 'text';

export interface Block {
  /** Offsets of the block's content in the document (no line terminator). */
  start: number;
  end: number;
  /** 0-based line of the block's start. */
  line: number;
  /** Where the block comes from. */
  source: 'line' | 'paragraph' | 'heading' | 'listItem' | 'blockquote';
  /** Depth of a Markdown `#` heading (1–6). Set (undefined) on every block the model makes: one object shape for all. */
  mdDepth?: number;
}

export type DirectiveKind = 'disable' | 'enable' | 'disable-line' | 'disable-next-line';

export interface Directive {
  kind: DirectiveKind;
  /** Rule ids; empty means every rule. */
  rules: string[];
  offset: number;
  endOffset: number;
  /** 0-based line the directive sits on. */
  line: number;
}

export interface Prose {
  /** Same length as the text; non-prose code units replaced by MASK, line terminators kept. */
  text: string;
  blocks: Block[];
  directives: Directive[];
}

// The head only: the tail is trimmed by hand. `([^\n]*?)\s*(?:-->)?\s*$` backtracked in O(n³) on a directive
// followed by a long run of blanks and then text (5,000 blanks: 56 s).
const DIRECTIVE_RE = /^\s*(?:<!--\s*)?report-lint-(disable-next-line|disable-line|disable|enable)\b/;

export function parseDirective(raw: string): { kind: DirectiveKind; rules: string[] } | undefined {
  const m = DIRECTIVE_RE.exec(raw);
  if (!m) return undefined;
  // the rule list: up to optional blanks, an optional `-->` and blanks at the end, on the directive's own line
  let rest = raw.slice(m[0].length).trimEnd();
  if (rest.endsWith('-->')) rest = rest.slice(0, -3).trimEnd();
  if (rest.includes('\n')) return undefined;
  const rules = rest
    .split(/[,，\s]+/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0 && /^[a-z0-9-]+$/.test(s));
  return { kind: m[1] as DirectiveKind, rules };
}

// URLs and e-mail addresses are never prose. Linear: no nested quantifiers.
const URL_RE = /\b(?:https?|ftp):\/\/[^\s\u3000-\u303f\u4e00-\u9fff\uff00-\uffef"'<>]+|\bwww\.[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+[^\s\u3000-\u303f\u4e00-\u9fff\uff00-\uffef"'<>]*/g;
// The local part starts only where a run starts (lookbehind, not \b): with \b every position of `1.1.1…` was a start, O(n²).
const EMAIL_RE = /(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/g;

/** Returns whether anything matched. */
function maskMatches(mask: Uint8Array, text: string, re: RegExp): boolean {
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  let any = false;
  while ((m = re.exec(text))) {
    any = true;
    mask.fill(0, m.index, m.index + m[0].length);
    if (m[0].length === 0) re.lastIndex++;
  }
  return any;
}

/**
 * Masks URLs and e-mail addresses; each regex runs only when the literal it needs (://, www., @) is in the text.
 * Returns whether anything was masked.
 */
function maskLinks(mask: Uint8Array, text: string, urls = mayHoldUrl(text), emails = mayHoldEmail(text)): boolean {
  let any = false;
  if (urls) any = maskMatches(mask, text, URL_RE);
  if (emails) any = maskMatches(mask, text, EMAIL_RE) || any;
  return any;
}
const mayHoldUrl = (text: string): boolean => text.includes('://') || text.includes('www.');
const mayHoldEmail = (text: string): boolean => text.includes('@');

function applyMask(text: string, mask: Uint8Array): string {
  // text kept as it is (unmasked, and line terminators so that lines stay lines) is sliced in stretches as long as
  // possible: a part per line was 100,000 slices on a document of short lines
  const parts: string[] = [];
  let from = 0; // start of the kept stretch not yet pushed
  let i = 0;
  const n = text.length;
  while (i < n) {
    // the mask holds only 0 and 1: indexOf finds where a run ends
    let j = mask.indexOf(mask[i] ^ 1, i);
    if (j < 0) j = n;
    if (!mask[i]) {
      for (let k = i; k < j; ) {
        const c = text.charCodeAt(k);
        if (c === 10 || c === 13) {
          k++;
          continue;
        }
        let e = k + 1;
        while (e < j && text.charCodeAt(e) !== 10 && text.charCodeAt(e) !== 13) e++;
        if (k > from) parts.push(text.slice(from, k));
        parts.push(MASK.repeat(e - k));
        from = k = e;
      }
    }
    i = j;
  }
  if (from === 0) return text;
  if (from < n) parts.push(text.slice(from));
  return parts.join('');
}

// One mask buffer for every document of ordinary size, cleared before each use: allocating and zeroing a fresh
// typed array per document cost more than clearing. Nothing of a document is read from it after buildProse.
const MASK_REUSE_LIMIT = 1 << 18;
let maskBuffer = new Uint8Array(0);

/** A zeroed mask of n units. */
function newMask(n: number): Uint8Array {
  if (n > MASK_REUSE_LIMIT) return new Uint8Array(n);
  if (maskBuffer.length < n) maskBuffer = new Uint8Array(Math.min(MASK_REUSE_LIMIT, Math.max(n, 2 * maskBuffer.length)));
  const mask = maskBuffer.subarray(0, n);
  mask.fill(0);
  return mask;
}

// ---- not prose: front matter and data blocks -------------------------------------------------------------------

const FRONT_MATTER_OPEN = /^\uFEFF?---[ \t]*$/;
const FRONT_MATTER_CLOSE = /^(?:---|\.\.\.)[ \t]*$/;

/**
 * YAML front matter: a `---` line at the very start of a Markdown document (after a BOM) up to the next `---` or
 * `...` line. Returns the lines it takes, [0, end), or 0 when there is none (no closing line: no front matter).
 */
export function frontMatterLines(text: string, lines: LineIndex): number {
  if (!FRONT_MATTER_OPEN.test(text.slice(0, lines.lineEnd(0)))) return 0;
  for (let line = 1; line < lines.lineCount; line++) {
    const start = lines.starts[line];
    // only a line starting with - or . can close it: no slice for the others
    const c = text.charCodeAt(start);
    if ((c === 45 || c === 46) && FRONT_MATTER_CLOSE.test(text.slice(start, lines.lineEnd(line)))) return line + 1;
  }
  return 0;
}

/** Consecutive lines it takes to make a data block (a table saved as text: CSV, TSV). */
export const DATA_BLOCK_MIN_LINES = 3;

/**
 * Data blocks: DATA_BLOCK_MIN_LINES or more consecutive lines with the same number (not zero) of `,` or of tab
 * separators, none holding `。` or `；` (prose ends its sentences and clauses with them; a CSV saved as .txt does not).
 * Returns a flag per line.
 */
export function dataLines(text: string, lines: LineIndex): Uint8Array | undefined {
  if (!text.includes(',') && !text.includes('\t')) return undefined;
  const n = lines.lineCount;
  // only a line holding a separator can count: those are found by indexOf (a line without one counts 0 anyway)
  const sepLines = mergeAscending(linesWith(text, lines, ','), linesWith(text, lines, '\t'));
  // and a run lies in a stretch of DATA_BLOCK_MIN_LINES consecutive such lines: without one there is none
  let stretch = false;
  for (let k = 0; k + DATA_BLOCK_MIN_LINES - 1 < sepLines.length && !stretch; k++) {
    stretch = sepLines[k + DATA_BLOCK_MIN_LINES - 1] - sepLines[k] === DATA_BLOCK_MIN_LINES - 1;
  }
  if (!stretch) return undefined;
  const commas = new Int32Array(n);
  const tabs = new Int32Array(n);
  const withSep = new Uint8Array(n);
  for (const line of sepLines) withSep[line] = 1;
  // a run of DATA_BLOCK_MIN_LINES lines lies in a stretch of as many lines with separators: the lines of shorter
  // stretches cannot be in one, and are left at 0 (they break runs as their counts would)
  let stretchEnd = 0;
  for (let line = 0; line < n; line++) {
    if (!withSep[line]) continue;
    if (line >= stretchEnd) {
      stretchEnd = line;
      while (stretchEnd < n && withSep[stretchEnd]) stretchEnd++;
      if (stretchEnd - line < DATA_BLOCK_MIN_LINES) {
        line = stretchEnd - 1;
        continue;
      }
    }
    const start = lines.starts[line];
    const end = lines.lineEnd(line);
    let c = 0;
    let t = 0;
    let prose = false;
    for (let i = start; i < end; i++) {
      const ch = text.charCodeAt(i);
      if (ch === 44) c++;
      else if (ch === 9) t++;
      else if (ch === 0x3002 || ch === 0xff1b) {
        prose = true;
        break;
      }
    }
    // a line with 。 or ； (or a blank line: no separators) breaks every run
    commas[line] = prose ? 0 : c;
    tabs[line] = prose ? 0 : t;
  }
  let out: Uint8Array | undefined;
  for (const counts of [commas, tabs]) {
    let runStart = 0;
    for (let line = 1; line <= n; line++) {
      if (line < n && counts[line] > 0 && counts[line] === counts[runStart]) continue;
      if (counts[runStart] > 0 && line - runStart >= DATA_BLOCK_MIN_LINES) {
        out ??= new Uint8Array(n);
        out.fill(1, runStart, line);
      }
      runStart = line;
    }
  }
  return out;
}

/** The lines that hold `sep`, ascending. */
function linesWith(text: string, lines: LineIndex, sep: string): number[] {
  const out: number[] = [];
  const n = lines.lineCount;
  let line = 0;
  for (let i = text.indexOf(sep); i >= 0; ) {
    while (line + 1 < n && lines.starts[line + 1] <= i) line++;
    out.push(line);
    if (line + 1 >= n) break;
    i = text.indexOf(sep, lines.starts[line + 1]);
  }
  return out;
}

/** The union of two ascending lists without repeats, ascending. */
function mergeAscending(a: number[], b: number[]): number[] {
  if (b.length === 0) return a;
  if (a.length === 0) return b;
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const x = j >= b.length || (i < a.length && a[i] <= b[j]) ? a[i] : b[j];
    if (i < a.length && a[i] === x) i++;
    if (j < b.length && b[j] === x) j++;
    out.push(x);
  }
  return out;
}

/** The text with the given lines made blank (every code unit but line terminators a space): offsets stay. */
function blankLines(text: string, lines: LineIndex, skip: (line: number) => boolean): string {
  const parts: string[] = [];
  let from = 0;
  for (let line = 0; line < lines.lineCount; line++) {
    if (!skip(line)) continue;
    const start = lines.starts[line];
    const end = lines.lineEnd(line);
    parts.push(text.slice(from, start), ' '.repeat(end - start));
    from = end;
  }
  parts.push(text.slice(from));
  return parts.join('');
}

/**
 * Reads lines [from, to) as plain text: every non-blank line a block, a line holding only an inline-config comment a
 * directive. `mask`: undefined when the caller knows nothing needs one (no directive, no data line, no link).
 */
function textLines(text: string, lines: LineIndex, from: number, to: number, mask: Uint8Array | undefined, blocks: Block[], directives: Directive[], skip?: Uint8Array): void {
  // the next `report-lint-` in the text, found once: no line is sliced or searched unless it holds one
  const first = lines.position(from).line;
  let next = first < lines.lineCount ? text.indexOf('report-lint-', lines.starts[first]) : -1;
  for (let line = first; line < lines.lineCount && lines.starts[line] < to; line++) {
    if (skip?.[line]) continue; // a data line: not prose, masked
    const start = lines.starts[line];
    const end = Math.min(lines.lineEnd(line), to);
    while (next >= 0 && next < start) next = text.indexOf('report-lint-', next + 1);
    if (next >= 0 && next + 12 <= end) {
      const d = parseDirective(text.slice(start, end));
      if (d) {
        directives.push({ ...d, offset: start, endOffset: end, line });
        mask!.fill(0, start, end);
        continue;
      }
    }
    mask?.fill(1, start, end);
    // /\S/ without a slice: a JS blank is a blank or mask but U+FFFC
    let j = start;
    while (j < end && isBlankOrMask(text.charCodeAt(j)) && text.charCodeAt(j) !== 0xfffc) j++;
    if (j < end) blocks.push({ start, end, line, source: 'line', mdDepth: undefined });
  }
}

/** Plain text: every line is a block; lines that hold only an inline-config comment are directives. */
function textProse(text: string, lines: LineIndex): Prose {
  const blocks: Block[] = [];
  const directives: Directive[] = [];
  const data = dataLines(text, lines);
  const urls = mayHoldUrl(text);
  const emails = mayHoldEmail(text);
  // no data line, no directive, no link: nothing to mask, the text is its own prose (the usual report)
  if (!data && !urls && !emails && !text.includes('report-lint-')) {
    textLines(text, lines, 0, text.length, undefined, blocks, directives);
    return { text, blocks, directives };
  }
  const mask = newMask(text.length);
  textLines(text, lines, 0, text.length, mask, blocks, directives, data);
  // line terminators are kept as they are by applyMask whatever their mask
  const links = maskLinks(mask, text, urls, emails);
  // every line but data lines and directives is prose (textLines): without those and links, nothing is masked
  if (!data && directives.length === 0 && !links) return { text, blocks, directives };
  return { text: applyMask(text, mask), blocks, directives };
}

interface MdNode {
  type: string;
  depth?: number;
  value?: string;
  children?: MdNode[];
  position?: { start: { offset?: number; line: number }; end: { offset?: number } };
}

// One frozen processor for every document: parse() is pure, and building and freezing one per call is waste.
const markdownProcessor = unified().use(remarkParse).freeze();

/**
 * Reads lines [from, to) of a 'plain' chunk (see markdown-chunks.ts) as remark would: every run of lines between
 * blank lines and headings a paragraph from its first non-blank character, every ATX heading a heading whose text
 * starts after its marker. All of it is text.
 */
function plainMarkdownLines(text: string, lines: LineIndex, from: number, to: number, mask: Uint8Array, blocks: Block[]): void {
  let para = -1;
  let paraEnd = 0;
  let paraLine = 0;
  const flush = () => {
    if (para < 0) return;
    mask.fill(1, para, paraEnd);
    blocks.push({ start: para, end: paraEnd, line: paraLine, source: 'paragraph', mdDepth: undefined });
    para = -1;
  };
  for (let line = lines.position(from).line; line < lines.lineCount && lines.starts[line] < to; line++) {
    const start = lines.starts[line];
    const end = Math.min(lines.lineEnd(line), to);
    const raw = text.slice(start, end);
    if (/^[ \t]*$/.test(raw)) {
      flush();
      continue;
    }
    let indent = 0;
    while (raw.charCodeAt(indent) === 32) indent++;
    if (isPlainHeading(raw)) {
      flush();
      let depth = 0;
      while (raw.charCodeAt(indent + depth) === 35) depth++;
      let content = indent + depth;
      while (raw.charCodeAt(content) === 32 || raw.charCodeAt(content) === 9) content++;
      mask.fill(1, start + content, end);
      blocks.push({ start: start + indent, end, line, source: 'heading', mdDepth: depth });
      continue;
    }
    if (para < 0) {
      para = start + indent;
      paraLine = line;
    }
    paraEnd = end;
  }
  flush();
}

function markdownProse(original: string, lines: LineIndex, chunking?: ChunkOptions): Prose {
  // Front matter and data lines are read as blank lines (same offsets): remark never sees them, nothing masks them in.
  const fm = frontMatterLines(original, lines);
  const data = dataLines(original, lines);
  const text = fm > 0 || data ? blankLines(original, lines, (l) => l < fm || data?.[l] === 1) : original;
  const mask = newMask(text.length);
  const blocks: Block[] = [];
  const directives: Directive[] = [];
  let base = 0; // offset of the chunk being walked: node positions are relative to it

  const visit = (node: MdNode, container: Block['source']): void => {
    const pos = node.position;
    const start = base + (pos?.start.offset ?? 0);
    const end = base + (pos?.end.offset ?? 0);
    switch (node.type) {
      case 'text':
        mask.fill(1, start, end);
        return;
      case 'html': {
        const d = node.value ? parseDirective(node.value) : undefined;
        if (d) directives.push({ ...d, offset: start, endOffset: end, line: lines.position(start).line });
        return;
      }
      case 'code':
      case 'inlineCode':
      case 'image':
      case 'imageReference':
      case 'definition':
      case 'thematicBreak':
        return;
      case 'paragraph':
      case 'heading': {
        const source = node.type === 'heading' ? 'heading' : container;
        blocks.push({ start, end, line: lines.position(start).line, source, mdDepth: node.type === 'heading' ? node.depth : undefined });
        break;
      }
      default:
        break;
    }
    const childContainer: Block['source'] =
      node.type === 'listItem' ? 'listItem' : node.type === 'blockquote' ? 'blockquote' : container;
    const kids = node.children ?? [];
    for (let k = kids.length - 1; k >= 0; k--) stack.push([kids[k], childContainer]);
  };
  // An explicit stack, not recursion: `> > > …` nests one node per character and overflowed the call stack.
  const stack: [MdNode, Block['source']][] = [];
  for (const chunk of markdownChunks(text, chunking)) {
    if (chunk.mode === 'plain') {
      plainMarkdownLines(text, lines, chunk.start, chunk.end, mask, blocks);
      continue;
    }
    // blank lines only (before a plain run, say): remark would find nothing, and a parse has a fixed cost
    if (/^[ \t\r\n]*$/.test(text.slice(chunk.start, chunk.end))) continue;
    if (chunk.mode === 'text') {
      // pathological Markdown (see markdown-chunks.ts): plain lines, as in a .txt file
      textLines(text, lines, chunk.start, chunk.end, mask, blocks, directives);
      continue;
    }
    // micromark drops a BOM at the start of its input, and its offsets start after it
    base = chunk.start + (text.charCodeAt(chunk.start) === 0xfeff ? 1 : 0);
    stack.push([markdownProcessor.parse(text.slice(chunk.start, chunk.end)) as unknown as MdNode, 'paragraph']);
    while (stack.length) {
      const [node, container] = stack.pop()!;
      visit(node, container);
    }
  }
  maskLinks(mask, text);
  const prose = applyMask(original, mask);
  // A report written in Markdown often puts its ordinal headings on lines of one paragraph:
  // split a paragraph at every line that starts with an ordinal, so that heading stays a block.
  const split: Block[] = [];
  for (const b of blocks) {
    if (b.source === 'heading') {
      split.push(b);
      continue;
    }
    let cur = b.start;
    let line = b.line;
    for (let l = b.line + 1; l < lines.lineCount && lines.starts[l] < b.end; l++) {
      const ls = lines.starts[l];
      if (startsWithOrdinal(prose, ls, b.end)) {
        split.push({ start: cur, end: trimEndOffset(prose, cur, ls), line, source: b.source, mdDepth: b.mdDepth });
        cur = ls;
        line = l;
      }
    }
    // the block itself when nothing was split off: a copy would be the same
    split.push(cur === b.start ? b : { start: cur, end: b.end, line, source: b.source, mdDepth: b.mdDepth });
  }
  return { text: prose, blocks: split.filter((b) => b.end > b.start), directives };
}

function trimEndOffset(s: string, start: number, end: number): number {
  while (end > start && (s.charCodeAt(end - 1) === 10 || s.charCodeAt(end - 1) === 13)) end--;
  return end;
}

const ORDINAL_START = /^[\s\u3000\uFFFC]*(?:[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十\d０-９]{1,3}[）)]|[\d０-９]{1,2}[.．、](?![\d０-９])|[①-⑳])/;

function startsWithOrdinal(prose: string, start: number, end: number): boolean {
  return ORDINAL_START.test(prose.slice(start, Math.min(end, start + 12)));
}

/** `chunking` is for tests: how Markdown is cut into separately parsed chunks (markdown-chunks.ts). */
export function buildProse(text: string, format: SourceFormat, lines: LineIndex, chunking?: ChunkOptions | number): Prose {
  return format === 'markdown' ? markdownProse(text, lines, typeof chunking === 'number' ? { minChunk: chunking } : chunking) : textProse(text, lines);
}

/** Which format a file name implies: Markdown for .md/.markdown, text otherwise. */
export function formatForFilename(filename: string | undefined): SourceFormat {
  return filename && /\.(md|markdown|mdown|mkd)$/i.test(filename) ? 'markdown' : 'text';
}
