// Year helpers shared by year-consistency and year-facts (the time frame itself is the model's: doc.timeFrameAt).
import type { ReportDocument, Sentence } from '../model/document';
import { MASK } from '../model/prose';
import { toAsciiDigits } from '../model/numerals';

/** Four-digit year (ASCII or full-width) → number. */
export function yearValue(s: string): number {
  return Number(toAsciiDigits(s));
}

/** The prose of a sentence with a heading marker at its start and leading blanks skipped. */
export function sentenceBody(doc: ReportDocument, sentence: Sentence): { start: number; text: string } {
  let s = sentence.start;
  const h = sentence.heading;
  if (h?.marker && h.marker.offset >= s && h.marker.offset < sentence.end) s = h.marker.endOffset;
  while (s < sentence.end && (doc.prose[s] === MASK || /[\s\u3000]/.test(doc.prose[s]))) s++;
  return { start: s, text: doc.prose.slice(s, sentence.end) };
}
