// Where a run of ordinals (1, 2, 3 …) breaks, and whether it can be renumbered with certainty.
// Shared by heading-sequence and enumeration-sequence: one finding per break, a fix only when it is certain.
import type { Heading } from './document';

export type BreakKind =
  | 'start' // the first value is not 1
  | 'gap' // a value skipped: 三 after 一
  | 'duplicate' // the same value again
  | 'restart' // back to 1
  | 'back'; // a lower value

export interface SequenceBreak {
  /** Index of the item at which the run breaks. */
  index: number;
  kind: BreakKind;
  /** The value before it (0 for the first item). */
  prev: number;
  /** Present when the run can be made consistent: the value this item takes. */
  fixTo?: number;
  /**
   * Present when there is no fix: the items from `index` that agree with each other, renumbered to continue from
   * `prev` (what a suggestion offers).
   */
  continueFrom?: { from: number; to: number; values: number[] };
}

function kindOf(v: number, prev: number, i: number): BreakKind {
  if (i === 0) return 'start';
  if (v === prev) return 'duplicate';
  if (v === 1) return 'restart';
  return v > prev ? 'gap' : 'back';
}

/**
 * The breaks of a run of values. An item *agrees* when it follows the one before it (v = prev + 1, or the first is 1)
 * or the one after it follows it. The run is fixable when every agreeing item is already where it belongs (value =
 * position + 1) and at least one agrees: then only the items that agree with neither neighbour change, and the whole
 * run becomes 1…n. Otherwise nothing is renumbered, and each break is reported once, where it is: an item that
 * agrees with neither neighbour, while the run continues across it (1 2 9 4), accounts for the break after it too.
 */
export function sequenceBreaks(values: number[]): SequenceBreak[] {
  const n = values.length;
  const agrees = values.map((v, i) => (i === 0 ? v === 1 : v === values[i - 1] + 1) || (i + 1 < n && values[i + 1] === v + 1));
  const fixable = agrees.some((a) => a) && values.every((v, i) => !agrees[i] || v === i + 1);
  const out: SequenceBreak[] = [];
  if (fixable) {
    values.forEach((v, i) => {
      if (v !== i + 1) out.push({ index: i, kind: kindOf(v, i === 0 ? 0 : values[i - 1], i), prev: i === 0 ? 0 : values[i - 1], fixTo: i + 1 });
    });
    return out;
  }
  for (let i = 0; i < n; i++) {
    const v = values[i];
    const prev = i === 0 ? 0 : values[i - 1];
    if (v === prev + 1) continue;
    // explained by the odd item before it: 1 2 9 4 reports 9 alone
    if (i >= 2 && !agrees[i - 1] && v === values[i - 2] + 2) continue;
    let to = i;
    while (to + 1 < n && values[to + 1] === values[to] + 1) to++;
    const start = prev + 1;
    out.push({
      index: i,
      kind: kindOf(v, prev, i),
      prev,
      continueFrom: { from: i, to, values: Array.from({ length: to - i + 1 }, (_, k) => start + k) },
    });
  }
  return out;
}

/**
 * Siblings of one ordinal type under one parent, in document order. A run that carries on the numbering of the
 * same type under the parent's previous sibling (1.–4. under （一）, then 5.–7. under （二）) is one run with it.
 */
export function siblingRuns(roots: Heading[], all: Heading[]): Heading[][] {
  const runs: Heading[][] = [];
  const runsOf = new Map<Heading, Map<string, Heading[]>>();
  // each heading's previous sibling with the same marker type (or none), noted as the siblings are read
  const prevOfType = new Map<Heading, Heading>();
  const carried = (parent: Heading, first: Heading): Heading[] | undefined => {
    const prev = prevOfType.get(parent);
    const run = prev && runsOf.get(prev)?.get(first.marker!.type);
    return run && first.marker!.value !== 1 && run[run.length - 1].marker!.value + 1 === first.marker!.value ? run : undefined;
  };
  const collect = (parent: Heading | undefined, children: Heading[]) => {
    if (children.length === 0) return;
    const byType = new Map<string, Heading[]>();
    if (parent) runsOf.set(parent, byType);
    const lastOfType = new Map<string | undefined, Heading>();
    for (const c of children) {
      const before = lastOfType.get(c.marker?.type);
      if (before) prevOfType.set(c, before);
      lastOfType.set(c.marker?.type, c);
      if (!c.marker) continue;
      let g = byType.get(c.marker.type);
      if (!g) {
        g = parent && carried(parent, c);
        if (!g) runs.push((g = []));
        byType.set(c.marker.type, g);
      }
      g.push(c);
    }
  };
  collect(undefined, roots);
  for (const p of all) collect(p, p.children);
  return runs;
}
