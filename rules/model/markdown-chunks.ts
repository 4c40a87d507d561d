// Splits a Markdown document into chunks that parse the same on their own as inside the whole document,
// so that remark-parse (whose time grows faster than linearly with the amount of content it holds: many
// lists, long runs of emphasis) only ever sees a few kilobytes at a time.
//
// A chunk boundary is a line at column 0 after a blank line that cannot continue anything open before it:
// not indented (code, list continuation), not a list marker, blockquote, HTML or table line, and not inside a
// fenced code block or an HTML block that runs over blank lines (comments, <pre>, <script>, <style>, <?…?>,
// <![CDATA[…]]>, <!X…>). What can differ: a link reference whose definition is in another chunk stays text.
//
// A chunk that still grows past MAX_MARKDOWN_CHUNK, holds very many inline delimiters, or has a line that opens
// more than MAX_LINE_NESTING list items or block quotes (`- - - … x`, `1. 1. …`: remark's time grows with the
// square of that depth, 155 s for 32 KB of `- `), is not parsed as Markdown: it is read as plain lines
// (mode 'text'), which keeps the time linear on pathological input.
//
// Most of a report written in Markdown is plain prose: paragraphs and `#` headings with no inline syntax at
// all. Runs of such blocks (mode 'plain') are not handed to remark: what it would make of them is certain
// (see plainLineKind), and test/model/markdown-plain.test.ts checks it against remark on real and random text.

export interface MarkdownChunk {
  start: number;
  end: number;
  /** 'plain': paragraphs and ATX headings without inline syntax, read line by line (prose.ts). */
  mode: 'markdown' | 'text' | 'plain';
}

export interface ChunkOptions {
  /** Below this a Markdown chunk is not cut further. */
  minChunk?: number;
  /** Read runs of plain blocks without remark (default true; false is for tests that compare with remark). */
  plain?: boolean;
  /** A plain run shorter than this stays inside the Markdown chunk around it. */
  minPlain?: number;
}

/** Below this a chunk is not cut further (fewer, larger parses are cheaper). */
export const MIN_CHUNK = 4096;
/** A chunk larger than this is read as plain lines. */
export const MAX_MARKDOWN_CHUNK = 65536;
/** Delimiters (`*`, `_`, `[`, `]`, backticks, `<`, `>`) beyond which a chunk is read as plain lines. */
const MAX_DELIMITERS = 2000;
/** List markers and `>` opened on one line beyond which its chunk is read as plain lines (real text nests a few). */
export const MAX_LINE_NESTING = 32;
/** A plain run shorter than this stays inside the Markdown chunk around it: every parse has a fixed cost. */
const MIN_PLAIN = 512;

// Anything that can start inline syntax (code, emphasis, links, HTML, entities, escapes), and controls and
// the BOM, which micromark rewrites.
const INLINE_SYNTAX = /[`*_[\]<>&\\\u0000-\u0008\u000b\u000c\u000e-\u001f\ufeff]/;
const ATX = /^ {0,3}#{1,6}[ \t]+(?=[^ \t])/;
// list items, block quotes, setext underlines, thematic breaks, fences, indented code, tabs in the indent
const BLOCK_START = /^(?: {0,3}(?:[-+=>~#\t]|\d{1,9}[.)](?:[ \t]|$))| {4})/;

/**
 * 'heading' for an ATX heading and 'paragraph' for a paragraph line, when remark would read the line so and
 * find no inline syntax in it; undefined otherwise. No trailing blank (hard breaks, line suffixes) and no
 * closing `#` sequence, so that a heading's text runs to the end of the line.
 */
export function plainLineKind(line: string): 'heading' | 'paragraph' | undefined {
  return INLINE_SYNTAX.test(line) ? undefined : syntaxFreeLineKind(line);
}

/** Is a line of a plain chunk (every non-blank line plain, see plainRuns) a heading? */
export function isPlainHeading(line: string): boolean {
  return ATX.test(line);
}

/** plainLineKind of a line INLINE_SYNTAX does not match. */
function syntaxFreeLineKind(line: string): 'heading' | 'paragraph' | undefined {
  const last = line.charCodeAt(line.length - 1);
  if (last === 32 || last === 9) return undefined;
  const atx = ATX.exec(line);
  if (atx) return line.includes('#', atx[0].length) ? undefined : 'heading';
  return BLOCK_START.test(line) ? undefined : 'paragraph';
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
// a BOM too: micromark drops one at the start of its input, but not inside the document
const UNSAFE_START = /^(?:[ \t\ufeff]|[-+*>|<=]|\d{1,9}[.)](?:[ \t]|$))/;
const HTML_OPEN: [RegExp, RegExp][] = [
  [/^ {0,3}<!--/, /-->/],
  [/^ {0,3}<(?:script|pre|style|textarea)(?:[\s>]|$)/i, /<\/(?:script|pre|style|textarea)>/i],
  [/^ {0,3}<\?/, /\?>/],
  [/^ {0,3}<!\[CDATA\[/, /\]\]>/],
  [/^ {0,3}<![A-Za-z]/, />/],
];

function countDelimiters(text: string, start: number, end: number): number {
  let n = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    // * _ [ ] ` < >
    if (c === 42 || c === 95 || c === 91 || c === 93 || c === 96 || c === 60 || c === 62) n++;
  }
  return n;
}

interface Line {
  start: number;
  /** Offset of the next line. */
  next: number;
  blank: boolean;
  /** A chunk may start here: after a blank line, at column 0, outside fences and HTML blocks, not a continuation. */
  cut: boolean;
  /** INLINE_SYNTAX matches the line. */
  syntax: boolean;
  /** The line opens more than MAX_LINE_NESTING containers (list items, block quotes). */
  deep: boolean;
}

/**
 * How many containers a line opens at its start: list markers (`-`, `+`, `*`, `1.`, `1)`) each followed by a blank
 * or the end of the line, and `>`. Counts no further than MAX_LINE_NESTING + 1, so it costs at most that per line.
 */
function lineNesting(text: string, k: number, eol: number): number {
  let depth = 0;
  let i = k;
  while (i < eol && depth <= MAX_LINE_NESTING) {
    const c = text.charCodeAt(i);
    let j = i;
    if (c === 45 || c === 43 || c === 42 || c === 62) j = i + 1; // - + * >
    else {
      while (j < eol && j - i < 9 && text.charCodeAt(j) >= 48 && text.charCodeAt(j) <= 57) j++;
      if (j === i || j >= eol || (text.charCodeAt(j) !== 46 && text.charCodeAt(j) !== 41)) break; // . )
      j++;
    }
    if (j < eol && c !== 62 && text.charCodeAt(j) !== 32 && text.charCodeAt(j) !== 9) break; // `-x`, `1.5`: text
    depth++;
    i = j;
    while (i < eol && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
  }
  return depth;
}

/** Where FENCE and HTML_OPEN can match: the code unit after up to three spaces ('`', '~' or '<'); 0 for none. */
function openerAt(text: string, pos: number, eol: number): number {
  let k = pos;
  while (k < eol && k < pos + 3 && text.charCodeAt(k) === 32) k++;
  const c = k < eol ? text.charCodeAt(k) : 0;
  return c === 96 || c === 126 || c === 60 ? c : 0;
}

// INLINE_SYNTAX over a whole text: test() with the g flag finds the next match without allocating one.
const INLINE_SYNTAX_G = new RegExp(INLINE_SYNTAX.source, 'g');

/** Offset of the first INLINE_SYNTAX match at or after `from`; text.length when there is none. */
function nextSyntax(text: string, from: number): number {
  INLINE_SYNTAX_G.lastIndex = from;
  return INLINE_SYNTAX_G.test(text) ? INLINE_SYNTAX_G.lastIndex - 1 : text.length;
}

function scanLines(text: string): Line[] {
  const out: Line[] = [];
  let fence: { char: string; len: number } | undefined;
  let htmlEnd: RegExp | undefined;
  let prevBlank = true;
  let pos = 0;
  const n = text.length;
  // line ends and inline syntax by indexOf and a regex, which are far faster than a loop over every code unit
  let lf = -1;
  let cr = -1;
  let syntaxAt = -1;
  while (pos < n) {
    if (lf < pos && (lf = text.indexOf('\n', pos)) < 0) lf = n;
    if (cr < pos && (cr = text.indexOf('\r', pos)) < 0) cr = n;
    const eol = Math.min(lf, cr);
    if (syntaxAt < pos) syntaxAt = nextSyntax(text, pos);
    const syntax = syntaxAt < eol;
    let k = pos;
    while (k < eol && (text.charCodeAt(k) === 32 || text.charCodeAt(k) === 9)) k++;
    const blank = k === eol;
    const first = blank ? 0 : text.charCodeAt(k);
    // only lines that start with a marker character are counted: most lines cost nothing here
    const deep = (first === 45 || first === 43 || first === 42 || first === 62 || (first >= 48 && first <= 57)) && lineNesting(text, k, eol) > MAX_LINE_NESTING;
    const next = eol < n && text.charCodeAt(eol) === 13 && text.charCodeAt(eol + 1) === 10 ? eol + 2 : eol + 1;
    let cut = false;
    // regexes only where they can match: most lines open with none of ` ~ <, and only a line after a blank can be a cut
    if (fence) {
      if (openerAt(text, pos, eol) !== 0) {
        const line = text.slice(pos, eol);
        const m = FENCE.exec(line);
        if (m && m[1][0] === fence.char && m[1].length >= fence.len && /^[ \t]*$/.test(line.slice(m[0].length))) fence = undefined;
      }
    } else if (htmlEnd) {
      if (htmlEnd.test(text.slice(pos, eol))) htmlEnd = undefined;
    } else {
      cut = prevBlank && !blank && !UNSAFE_START.test(text.slice(pos, eol));
      if (openerAt(text, pos, eol) !== 0) {
        const line = text.slice(pos, eol);
        const f = FENCE.exec(line);
        if (f && !(f[1][0] === '`' && line.slice(f[0].length).includes('`'))) fence = { char: f[1][0], len: f[1].length };
        else {
          for (const [open, end] of HTML_OPEN) {
            const o = open.exec(line);
            if (o) {
              if (!end.test(line.slice(o[0].length))) htmlEnd = end;
              break;
            }
          }
        }
      }
    }
    out.push({ start: pos, next: Math.min(next, n), blank, cut, syntax, deep });
    prevBlank = blank;
    pos = next;
  }
  return out;
}

/**
 * Runs of plain blocks, as [first line, line after the run) pairs: each starts at a cut line and ends after the last
 * line of its last block (the blank lines after it go with what follows: a BOM there stays inside remark's input).
 * Text holding a link reference definition has none: a reference in one chunk would not see a definition in another.
 */
function plainRuns(text: string, ls: Line[]): [number, number][] {
  const runs: [number, number][] = [];
  if (text.includes(']:')) return runs;
  let i = 0;
  while (i < ls.length) {
    if (!ls[i].cut) {
      i++;
      continue;
    }
    // blocks of plain lines separated by blank lines, from this cut line on
    let j = i;
    let end = i;
    for (;;) {
      let k = j;
      while (k < ls.length && !ls[k].blank && !ls[k].syntax && syntaxFreeLineKind(text.slice(ls[k].start, lineContentEnd(text, ls[k]))) !== undefined) k++;
      if (k === j || (k < ls.length && !ls[k].blank)) break; // a block with a line that is not plain
      end = k;
      while (k < ls.length && ls[k].blank) k++;
      j = k;
      if (k >= ls.length || !ls[k].cut) break;
    }
    if (end > i) {
      runs.push([i, end]);
      i = end;
    } else i++;
  }
  return runs;
}

function lineContentEnd(text: string, l: Line): number {
  let e = l.next;
  if (e > l.start && text.charCodeAt(e - 1) === 10) e--;
  if (e > l.start && text.charCodeAt(e - 1) === 13) e--;
  return e;
}

export function markdownChunks(text: string, options: ChunkOptions | number = {}): MarkdownChunk[] {
  const { minChunk = MIN_CHUNK, plain = true, minPlain = MIN_PLAIN } = typeof options === 'number' ? { minChunk: options } : options;
  const chunks: MarkdownChunk[] = [];
  const ls = scanLines(text);
  const runs = plain ? plainRuns(text, ls).filter(([a, b]) => (b < ls.length ? ls[b].start : text.length) - ls[a].start >= minPlain || (a === 0 && b === ls.length)) : [];
  let chunkStart = 0;
  // the deep lines' starts, ascending: a chunk holding one is read as plain lines
  const deepStarts = ls.filter((l) => l.deep).map((l) => l.start);
  let d = 0;
  const close = (end: number) => {
    if (end <= chunkStart) return;
    while (d < deepStarts.length && deepStarts[d] < chunkStart) d++;
    const deep = d < deepStarts.length && deepStarts[d] < end;
    const tooBig = deep || end - chunkStart > MAX_MARKDOWN_CHUNK || countDelimiters(text, chunkStart, end) > MAX_DELIMITERS;
    chunks.push({ start: chunkStart, end, mode: tooBig ? 'text' : 'markdown' });
    chunkStart = end;
  };
  let r = 0;
  for (let i = 0; i < ls.length; i++) {
    if (r < runs.length && runs[r][0] === i) {
      close(ls[i].start);
      const end = runs[r][1] < ls.length ? ls[runs[r][1]].start : text.length;
      chunks.push({ start: ls[i].start, end, mode: 'plain' });
      chunkStart = end;
      i = runs[r++][1] - 1;
      continue;
    }
    if (ls[i].cut && ls[i].start - chunkStart >= minChunk) close(ls[i].start);
  }
  close(text.length);
  return chunks;
}
