// Splits a Markdown document into chunks that parse the same on their own as inside the whole document,
// so that remark-parse (whose time grows faster than linearly with the amount of content it holds: many
// lists, long runs of emphasis) only ever sees a few kilobytes at a time.
//
// A chunk boundary is a line at column 0 after a blank line that cannot continue anything open before it:
// not indented (code, list continuation), not a list marker, blockquote, HTML or table line, and not inside a
// fenced code block or an HTML block that runs over blank lines (comments, <pre>, <script>, <style>, <?…?>,
// <![CDATA[…]]>, <!X…>). What can differ: a link reference whose definition is in another chunk stays text.
//
// A chunk that still grows past MAX_MARKDOWN_CHUNK, or that holds very many inline delimiters, is not
// parsed as Markdown: it is read as plain lines (mode 'text'), which keeps the time linear on pathological input.

export interface MarkdownChunk {
  start: number;
  end: number;
  mode: 'markdown' | 'text';
}

/** Below this a chunk is not cut further (fewer, larger parses are cheaper). */
export const MIN_CHUNK = 4096;
/** A chunk larger than this is read as plain lines. */
export const MAX_MARKDOWN_CHUNK = 65536;
/** Delimiters (`*`, `_`, `[`, `]`, backticks, `<`, `>`) beyond which a chunk is read as plain lines. */
const MAX_DELIMITERS = 2000;

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const UNSAFE_START = /^(?:[ \t]|[-+*>|<=]|\d{1,9}[.)](?:[ \t]|$))/;
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

export function markdownChunks(text: string, minChunk = MIN_CHUNK): MarkdownChunk[] {
  const chunks: MarkdownChunk[] = [];
  let chunkStart = 0;
  let fence: { char: string; len: number } | undefined;
  let htmlEnd: RegExp | undefined;
  let prevBlank = true;
  let pos = 0;
  const n = text.length;
  const close = (end: number) => {
    if (end <= chunkStart) return;
    const tooBig = end - chunkStart > MAX_MARKDOWN_CHUNK || countDelimiters(text, chunkStart, end) > MAX_DELIMITERS;
    chunks.push({ start: chunkStart, end, mode: tooBig ? 'text' : 'markdown' });
    chunkStart = end;
  };
  while (pos < n) {
    let eol = pos;
    while (eol < n && text.charCodeAt(eol) !== 10 && text.charCodeAt(eol) !== 13) eol++;
    const line = text.slice(pos, eol);
    const next = eol < n && text.charCodeAt(eol) === 13 && text.charCodeAt(eol + 1) === 10 ? eol + 2 : eol + 1;
    const blank = /^[ \t]*$/.test(line);
    if (fence) {
      const m = FENCE.exec(line);
      if (m && m[1][0] === fence.char && m[1].length >= fence.len && /^[ \t]*$/.test(line.slice(m[0].length))) fence = undefined;
    } else if (htmlEnd) {
      if (htmlEnd.test(line)) htmlEnd = undefined;
    } else {
      if (prevBlank && !blank && pos - chunkStart >= minChunk && !UNSAFE_START.test(line)) close(pos);
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
    prevBlank = blank;
    pos = next;
  }
  close(n);
  return chunks;
}
