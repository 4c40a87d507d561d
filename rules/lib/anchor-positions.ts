// Where a short word occurs in a document's prose, found once per document and shared by the rules that start
// from it (count-consistency and parts-whole both start from 分别…). indexOf is native and far cheaper than a
// JavaScript loop over every character.
import type { ReportDocument } from '../model/document';

const cache = new WeakMap<ReportDocument, Map<string, number[]>>();

/** Offsets of every occurrence of `word` in doc.prose, ascending. */
export function positionsOf(doc: ReportDocument, word: string): number[] {
  let byWord = cache.get(doc);
  if (!byWord) cache.set(doc, (byWord = new Map()));
  let out = byWord.get(word);
  if (!out) {
    out = [];
    const p = doc.prose;
    for (let i = p.indexOf(word); i >= 0; i = p.indexOf(word, i + 1)) out.push(i);
    byWord.set(word, out);
  }
  return out;
}
