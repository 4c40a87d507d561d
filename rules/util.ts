// Small helpers shared by rules.
import type { Msg } from './types';
import { firstAtOrAfter } from './model/lines';

export function msg(zh: string, en: string): Msg {
  return { zh, en };
}

/** Iterates a global regex over a string, yielding matches (guards against empty matches). */
export function* matchAll(re: RegExp, s: string): Generator<RegExpExecArray> {
  if (!re.global) throw new Error('matchAll needs a global regex');
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s))) {
    yield m;
    if (m[0].length === 0) re.lastIndex++;
  }
}

/** A lookup table by UTF-16 code unit: 1 for each character of `chars`. */
export function charTable(chars: string): Uint8Array {
  const t = new Uint8Array(0x10000);
  for (let i = 0; i < chars.length; i++) t[chars.charCodeAt(i)] = 1;
  return t;
}

/** Every index of `sub` (a character or a short word) in s, in order. */
export function indexesOf(s: string, sub: string): number[] {
  const out: number[] = [];
  for (let i = s.indexOf(sub); i >= 0; i = s.indexOf(sub, i + 1)) out.push(i);
  return out;
}

/** The positions (in order) that are in [start, end), made relative to start. */
export function positionsIn(positions: number[], start: number, end: number): number[] {
  const out: number[] = [];
  for (let i = firstAtOrAfter(positions, start); i < positions.length && positions[i] < end; i++) out.push(positions[i] - start);
  return out;
}

/**
 * The matches a global scan of s would find, trying only starts near an anchor: for each anchor position p (in
 * order), the starts from first(s, p, next) to p that `lead` allows. Exact when every match contains an anchor,
 * first(s, p, next) ≤ the match's start for the first anchor p in it (or ≤ next, the first start not tried yet:
 * a backward search for the start may stop there, which keeps it linear), and `lead` holds at every match start.
 * Text without an anchor then costs nothing instead of a regex scan. `sticky` is the pattern with the y flag.
 */
export function matchesNear(
  sticky: RegExp,
  s: string,
  anchors: ArrayLike<number>,
  first: (s: string, p: number, next: number) => number,
  lead: (s: string, i: number) => boolean,
): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  let next = 0; // starts before this were tried or are inside a match
  for (let k = 0; k < anchors.length; k++) {
    const p = anchors[k];
    for (let i = Math.max(next, first(s, p, next)); i <= p; next = i) {
      if (!lead(s, i)) {
        i++;
        continue;
      }
      sticky.lastIndex = i;
      const m = sticky.exec(s);
      if (m) {
        out.push(m);
        i = Math.max(sticky.lastIndex, i + 1);
      } else i++;
    }
  }
  return out;
}
