// Offset ↔ line/column conversion. Lines end at \n, \r\n or \r (LSP counts all three).

/**
 * Offsets at which lines start. A function of its own, not inline in the constructor: V8 compiled the loop
 * on stack (OSR) before the store after it had run, and that code was thrown away again on every call.
 */
function lineStarts(text: string): number[] {
  const starts = [0];
  // without \r, indexOf finds each \n far faster than a loop over every code unit
  if (!text.includes('\r')) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    return starts;
  }
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return starts;
}

export class LineIndex {
  /** Offset at which each 0-based line starts. */
  readonly starts: number[];
  constructor(readonly text: string) {
    this.starts = lineStarts(text);
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /** 0-based line and UTF-16 column of an offset. */
  position(offset: number): { line: number; column: number } {
    const s = this.starts;
    let lo = 0;
    let hi = s.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (s[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, column: offset - s[lo] };
  }

  offsetAt(line: number, column: number): number {
    if (line < 0) return 0;
    if (line >= this.starts.length) return this.text.length;
    return Math.min(this.starts[line] + Math.max(0, column), this.lineEnd(line));
  }

  /** Offset of the end of a line's content (before its terminator). */
  lineEnd(line: number): number {
    const next = line + 1 < this.starts.length ? this.starts[line + 1] : this.text.length + 1;
    let end = next === this.text.length + 1 ? this.text.length : next;
    if (end > this.starts[line] && next !== this.text.length + 1) {
      // strip the terminator
      if (this.text.charCodeAt(end - 1) === 10) end--;
      if (end > this.starts[line] && this.text.charCodeAt(end - 1) === 13) end--;
    }
    return end;
  }
}

/** Does [start, end) overlap one of `spans` (sorted, disjoint)? A span overlaps a point with start + 1 = end. */
export function overlapsSpan(spans: { offset: number; endOffset: number }[], start: number, end: number): boolean {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const p = spans[mid];
    if (p.endOffset <= start) lo = mid + 1;
    else if (p.offset >= end) hi = mid - 1;
    else return true;
  }
  return false;
}

/** Index of the first element of ascending `xs` that is ≥ x (xs.length when none is). */
export function firstAtOrAfter(xs: ArrayLike<number>, x: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
