// What the typo rules leave alone: quoted titles (《…》), short quoted terms (“…”) and the words of the rule's
// `allow` option.
import type { ReportDocument } from '../model/document';
import { CONTEXT_ENTRIES, TYPO_ENTRIES, VARIANT_ENTRIES, type TypoEntry } from '../data/typo-lists';
import { PhraseIndex } from './phrase-index';

let listed: PhraseIndex<TypoEntry> | undefined;

export interface Spans {
  /** True when [start, end) lies inside one of the spans. */
  covers(start: number, end: number): boolean;
}

/** Spans of 《…》 titles and “…” terms (marks included) and of every occurrence of an allowed word, sorted. */
export function typoExclusions(doc: ReportDocument, allow: readonly string[] | undefined, quotedTerms = false): Spans {
  const text = doc.prose;
  const spans: [number, number][] = [];
  // (statistical check only) a form of the curated lists is reported by its own rule: one defect, one finding
  if (quotedTerms) for (const m of (listed ??= new PhraseIndex([...TYPO_ENTRIES, ...CONTEXT_ENTRIES, ...VARIANT_ENTRIES])).find(text)) spans.push([m.offset, m.endOffset]);
  for (let i = text.indexOf('《'); i >= 0; i = text.indexOf('《', i + 1)) {
    // a title closes on its line, within a bounded length; an unclosed 《 excludes nothing
    let j = i + 1;
    const limit = Math.min(text.length, i + 200);
    while (j < limit && text[j] !== '》' && text[j] !== '\n' && text[j] !== '《') j++;
    if (j < limit && text[j] === '》') spans.push([i, j + 1]);
  }
  // (statistical check only) short quoted terms are names, brands and slogans, often coined on purpose (“壹品天门”, “心连心” as 心廉心)
  if (quotedTerms) for (let i = text.indexOf('“'); i >= 0; i = text.indexOf('“', i + 1)) {
    // bounded search: a run of unclosed quotes must not make this quadratic
    const limit = Math.min(text.length, i + 32);
    let j = i + 1;
    while (j < limit && text[j] !== '”' && text[j] !== '“' && text[j] !== '\n') j++;
    if (j < limit && text[j] === '”') spans.push([i, j + 1]);
  }
  for (const w of allow ?? []) {
    if (typeof w !== 'string' || w.length === 0) continue;
    for (let i = doc.text.indexOf(w); i >= 0; i = doc.text.indexOf(w, i + 1)) spans.push([i, i + w.length]);
  }
  spans.sort((a, b) => a[0] - b[0]);
  return {
    covers(start, end) {
      if (spans.length === 0) return false;
      // last span starting at or before `start`, and any earlier one that reaches over it
      let lo = 0;
      let hi = spans.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (spans[mid][0] <= start) lo = mid;
        else hi = mid - 1;
      }
      for (let k = lo; k >= 0 && k >= lo - 8; k--) if (spans[k][0] <= start && spans[k][1] >= end) return true;
      return false;
    },
  };
}

export const ALLOW_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  properties: {
    allow: {
      type: 'array',
      items: { type: 'string', minLength: 1, maxLength: 50 },
      maxItems: 5000,
      description: 'Words this unit writes on purpose (names, terms): a finding inside an occurrence of one is not reported.',
    },
  },
} as const;
