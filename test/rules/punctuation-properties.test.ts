// Properties of punctuation-width, punctuation-pairs and cjk-spacing on random report-like text.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fixText, lint } from '../../rules/engine';
import { allRules } from '../../rules/all-rules';

const rules = allRules.filter((r) => ['punctuation-width', 'punctuation-pairs', 'cjk-spacing'].includes(r.meta.id));
const TOKENS = [
  '园区', '增长', '亿元', '年', '工作', 'X', 'xx', 'GDP', 'LED', '5G', '2024', '1.5', '12:30', '1,234', '%',
  ',', ';', ':', '?', '!', '(', ')', '"', "'", '“', '”', '‘', '’', '（', '）', '《', '》', '【', '】',
  '，', '。', '！', '？', '、', ' ', '  ', '\u3000', '\n', '\n\n', '(一)', '（二）', '1.', 'https://a.cn/x?y=1', '`code`', '**', '吗',
];
const text = fc.array(fc.constantFrom(...TOKENS), { maxLength: 60 }).map((a) => a.join(''));

/** What a punctuation-width or cjk-spacing fix may turn a character into. */
const ALLOWED: Record<string, string[]> = {
  ',': ['，'], ';': ['；'], ':': ['：'], '?': ['？'], '!': ['！'], '(': ['（'], ')': ['）'], '"': ['“', '”'], "'": ['‘', '’'], ' ': [''],
};

describe('punctuation rules: properties', () => {
  for (const filename of ['case.txt', 'case.md']) {
    it(`${filename}: no internal errors, fixes stay in range, fix-all is stable and only widens marks or drops spaces`, () => {
      fc.assert(
        fc.property(text, (t) => {
          const r = lint(t, { filename, rules });
          expect(r.internalErrors).toEqual([]);
          for (const f of r.findings) {
            expect(r.doc!.overlapsPlaceholder(f.offset, f.endOffset)).toBe(false);
            for (const e of f.fix?.edits ?? []) {
              expect(e.offset).toBeGreaterThanOrEqual(f.offset);
              expect(e.endOffset).toBeLessThanOrEqual(f.endOffset);
              for (const ch of t.slice(e.offset, e.endOffset)) {
                expect(ALLOWED[ch === '\u00a0' ? ' ' : ch], JSON.stringify(ch)).toBeDefined();
              }
            }
          }
          const once = fixText(t, { filename, rules });
          expect(once.result.findings.filter((f) => f.fix)).toEqual([]);
          expect(fixText(once.output, { filename, rules }).output).toBe(once.output);
          // fixes never add or remove anything but the marks and spaces
          const strip = (s: string) => s.replace(/[,;:?!()"'，；：？！（）“”‘’ \u00a0]/g, '');
          expect(strip(once.output)).toBe(strip(t));
        }),
        { numRuns: 400 },
      );
    });
  }
});
