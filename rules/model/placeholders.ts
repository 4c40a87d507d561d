// Placeholders left in a draft (X亿元, xxxx年, ××, 【待补充】). They are the model's business because every
// number, unit and punctuation rule must leave their characters alone, even with the placeholder rule off.
import type { Block } from './prose';

export interface PlaceholderSpan {
  offset: number;
  endOffset: number;
  text: string;
  /** A redacted name such as 张×× is reported as info at most. */
  kind: 'placeholder' | 'redacted-name';
}

// First version: runs of X/x next to a digit, unit or Chinese character. Refined by the placeholder issue.
const RUN_RE = /(?<![A-Za-z])[Xx]+(?:[.．][Xx]+)?(?![A-Za-z])|××+|【待[^】]{0,6}】/g;

export function findPlaceholders(prose: string, blocks: Block[], allow: string[]): PlaceholderSpan[] {
  const out: PlaceholderSpan[] = [];
  for (const b of blocks) {
    const s = prose.slice(b.start, b.end);
    RUN_RE.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = RUN_RE.exec(s))) {
      const start = b.start + m.index;
      const around = prose.slice(Math.max(b.start, start - 4), Math.min(b.end, start + m[0].length + 4));
      if (allow.some((w) => around.includes(w))) continue;
      out.push({ offset: start, endOffset: start + m[0].length, text: m[0], kind: 'placeholder' });
    }
  }
  return out;
}
