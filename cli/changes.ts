// `--fix-dry-run`: what --fix would change, one line per change with a little context, not whole paragraphs
// as diff lines (a paragraph of a report is often a few thousand characters on one line).
import type { Lang } from '../rules/types';
import { LineIndex } from '../rules/model/lines';

/** One change in original-text offsets (UTF-16): `old` at [offset, offset + old.length) becomes `text`. */
export interface Change {
  offset: number;
  old: string;
  text: string;
}

/** Characters of context on each side of a change. */
export const CONTEXT = 20;

function lazyDiff(): typeof import('diff') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('diff') as typeof import('diff');
}

/** Character-level changes from `before` to `after`, compared line by line first (fixes are local). */
export function changesBetween(before: string, after: string): Change[] {
  const { diffLines, diffChars } = lazyDiff();
  const out: Change[] = [];
  const chars = (a: string, b: string, base: number) => {
    let at = base;
    let cur: Change | undefined;
    for (const part of diffChars(a, b)) {
      if (!part.added && !part.removed) {
        if (cur) out.push(cur);
        cur = undefined;
        at += part.value.length;
        continue;
      }
      cur ??= { offset: at, old: '', text: '' };
      if (part.removed) {
        cur.old += part.value;
        at += part.value.length;
      } else cur.text += part.value;
    }
    if (cur) out.push(cur);
  };
  const parts = diffLines(before, after);
  let at = 0;
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i];
    if (!p.added && !p.removed) {
      at += p.value.length;
      continue;
    }
    const removed = p.removed ? p.value : '';
    const next = parts[i + 1];
    const added = p.removed && next?.added ? (i++, next.value) : p.added ? p.value : '';
    const a = removed.split(/(?<=\n)/);
    const b = added.split(/(?<=\n)/);
    if (a.length === b.length) {
      // line by line: the character diff stays small however many lines a fix touched
      let base = at;
      a.forEach((line, k) => {
        if (line !== b[k]) chars(line, b[k], base);
        base += line.length;
      });
    } else chars(removed, added, at);
    at += removed.length;
  }
  return out;
}

const visible = (s: string) => s.replace(/\r\n|\r|\n/g, '⏎').replace(/\t/g, '⇥');

/**
 * The changes as lines `  LINE:COL  …before[-old-]{+new+}after…`, context cut at line ends; changes closer than
 * twice the context share a line.
 */
export function formatChanges(file: string, before: string, changes: Change[], fixes: number, lang: Lang): string {
  if (!changes.length) return '';
  const zh = lang === 'zh';
  const lines = new LineIndex(before);
  const out: string[] = [zh ? `${file}：将修复 ${fixes} 处（试运行，未写入文件）` : `${file}: ${fixes} fix${fixes === 1 ? '' : 'es'} would be applied (dry run, nothing written)`];
  const lineEnd = (i: number) => {
    const n = before.indexOf('\n', i);
    return n < 0 ? before.length : n;
  };
  const lineStart = (i: number) => before.lastIndexOf('\n', i - 1) + 1;
  let k = 0;
  while (k < changes.length) {
    // a group: changes on one line, each within 2 × CONTEXT of the previous one
    let j = k + 1;
    while (
      j < changes.length &&
      changes[j].offset - (changes[j - 1].offset + changes[j - 1].old.length) <= 2 * CONTEXT &&
      !before.slice(changes[j - 1].offset + changes[j - 1].old.length, changes[j].offset).includes('\n')
    )
      j++;
    const first = changes[k];
    const last = changes[j - 1];
    const lastEnd = last.offset + last.old.length;
    const from = Math.max(lineStart(first.offset), first.offset - CONTEXT);
    const to = Math.min(lineEnd(lastEnd), lastEnd + CONTEXT);
    let s = from > lineStart(first.offset) ? '…' : '';
    let at = from;
    for (let x = k; x < j; x++) {
      const c = changes[x];
      s += visible(before.slice(at, c.offset));
      if (c.old) s += `[-${visible(c.old)}-]`;
      if (c.text) s += `{+${visible(c.text)}+}`;
      at = c.offset + c.old.length;
    }
    s += visible(before.slice(at, to));
    if (to < lineEnd(lastEnd)) s += '…';
    const pos = lines.position(first.offset);
    out.push(`  ${pos.line + 1}:${pos.column + 1}  ${s}`);
    k = j;
  }
  return out.join('\n') + '\n\n';
}
