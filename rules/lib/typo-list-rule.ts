// The check shared by the two list rules (typo, typo-variant): literal entries found in the prose, each reported
// with its right form as a fix, unless inside a 《title》 or an allowed word.
import type { RuleContext } from '../types';
import type { TypoEntry } from '../data/typo-lists';
import type { SharedPhraseIndex } from './phrase-index';
import { typoExclusions } from './typo-scope';

export function checkList(ctx: RuleContext, index: SharedPhraseIndex<TypoEntry>, message: (e: TypoEntry) => { zh: string; en: string }): void {
  const { doc } = ctx;
  const matches = index.find(doc);
  if (matches.length === 0) return;
  const skip = typoExclusions(doc, ctx.options.allow as string[] | undefined);
  for (const m of matches) {
    if (skip.covers(m.offset, m.endOffset)) continue;
    ctx.report({
      offset: m.offset,
      endOffset: m.endOffset,
      message: message(m.entry),
      fix: { edits: [{ offset: m.offset, endOffset: m.endOffset, text: m.entry.right }] },
      allow: m.entry.wrong,
    });
  }
}
