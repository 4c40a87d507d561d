// Issue 13, engine inputs: what a document or a workspace config can make the engine do must stay linear.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { lint } from '../../rules/engine';
import { ConfigError, parseConfig } from '../../rules/config';
import { allRules } from '../../rules/all-rules';
import { markdownChunks, MAX_LINE_NESTING } from '../../rules/model/markdown-chunks';
import { MAX_ALLOW_WORDS, MAX_ALLOW_WORD_LENGTH, spansOutsideAllow } from '../../rules/model/placeholders';

describe('one line of nested list markers (#16)', () => {
  const units = ['- ', '+ ', '* ', '1. ', '1) ', '- 1. > '];
  for (const unit of units) {
    it(`\`${unit.trim()}\` × 32 KB+ is read as plain lines, fast, and its text stays prose`, () => {
      const line = unit.repeat(Math.ceil(33_000 / unit.length)) + '同比增长X%';
      expect(line.length).toBeGreaterThan(32 * 1024);
      const md = `# 某局2023年工作总结\n\n一、工作总结\n\n${line}\n\n二、工作打算\n`;
      // the guard first: a remark parse of this line would take minutes, and nothing can interrupt it
      const chunks = markdownChunks(md);
      const holding = chunks.find((c) => c.start <= md.indexOf(line) && md.indexOf(line) < c.end)!;
      expect(holding.mode).toBe('text');
      const t0 = performance.now();
      const r = lint(md, { filename: 'nested.md' });
      expect(performance.now() - t0).toBeLessThan(3000);
      expect(r.internalErrors).toEqual([]);
      // the placeholder at the end of the line is still found
      expect(r.findings.some((f) => f.ruleId === 'placeholder' && md.slice(f.offset, f.endOffset).includes('X'))).toBe(true);
    });
  }

  it('many such lines, and a deep line inside a list, are read as plain lines too', () => {
    const md = ('- ' + '- '.repeat(MAX_LINE_NESTING + 1) + 'x\n').repeat(2000);
    expect(markdownChunks(md).every((c) => c.mode === 'text')).toBe(true);
    const t0 = performance.now();
    expect(lint(md, { filename: 'many.md' }).internalErrors).toEqual([]);
    expect(performance.now() - t0).toBeLessThan(5000);
  });

  it('ordinary nesting, numbers and dashes in prose are still Markdown', () => {
    for (const md of [
      '- 一级\n  - 二级\n    - 三级\n',
      '- - - 三层列表写在一行\n',
      '1. 1. 1. 1. 四层有序列表\n',
      `${'-'.repeat(80)}\n`,
      `${'2024-01-31 '.repeat(200)}\n`,
      `${'1.5 2.5 '.repeat(200)}\n`,
      `${'- '.repeat(MAX_LINE_NESTING)}x\n`,
    ]) {
      expect(markdownChunks(md).map((c) => c.mode), md.slice(0, 20)).toEqual(['markdown']);
    }
  });
});

describe('the placeholder allowlist from a workspace config (#13)', () => {
  const growingX = Array.from({ length: 50 }, (_, i) => 'X'.repeat(i + 1));
  const withAllow = (allow: unknown[]) => ({ rules: { placeholder: { options: { allow } } }, settings: {} });

  it('matches in one pass: the same answer as searching every word on its own', () => {
    const naive = (text: string, spans: { offset: number; endOffset: number }[], allow: string[]) => {
      const words = allow.map((w) => w.trim()).filter((w) => w.length > 0);
      return spans.filter((s) => !words.some((w) => {
        for (let k = text.indexOf(w); k >= 0; k = text.indexOf(w, k + 1)) if (k <= s.offset && k + w.length >= s.endOffset) return true;
        return false;
      }));
    };
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('X', 'x', '光', '机', 'D', 'N', ' '), maxLength: 60 }),
        fc.array(fc.string({ unit: fc.constantFrom('X', '光', '机', 'D', 'N', ' '), minLength: 1, maxLength: 6 }), { maxLength: 8 }),
        fc.array(fc.tuple(fc.nat(60), fc.nat(6)), { maxLength: 10 }),
        (text, allow, raw) => {
          const spans = raw.map(([a, l]) => ({ offset: Math.min(a, text.length), endOffset: Math.min(a + l, text.length) }));
          expect(spansOutsideAllow(text, 0, text.length, spans, allow)).toEqual(naive(text, spans, allow));
        },
      ),
      { numRuns: 500, seed: 13 },
    );
  });

  it('50 growing runs of X over 1 MB of X: linear time and memory', () => {
    const text = 'X'.repeat(1 << 20);
    const heap0 = process.memoryUsage().heapUsed;
    const t0 = performance.now();
    const r = lint(text, { filename: 'x.txt', config: withAllow(growingX) });
    expect(performance.now() - t0).toBeLessThan(5000);
    expect(process.memoryUsage().heapUsed - heap0).toBeLessThan(300 * 1024 * 1024);
    // the run is longer than every word: still a placeholder
    expect(lint('DNX公司', { filename: 'x.txt' }).findings.some((f) => f.ruleId === 'placeholder')).toBe(true);
    expect(r.findings.filter((f) => f.ruleId === 'placeholder').length).toBe(1);
    // and a word that covers it still allows it
    expect(lint('DNX公司', { filename: 'x.txt', config: withAllow(['DNX']) }).findings.some((f) => f.ruleId === 'placeholder')).toBe(false);
  });

  it('is bounded: the config schema rejects more than 1000 words or a word over 100 characters, the model ignores them', () => {
    expect(MAX_ALLOW_WORDS).toBe(1000);
    expect(MAX_ALLOW_WORD_LENGTH).toBe(100);
    const cfg = (allow: string[]) => JSON.stringify({ rules: { placeholder: ['warning', { allow }] } });
    expect(() => parseConfig(cfg(growingX), 'ok.json', allRules)).not.toThrow();
    const many = Array.from({ length: 1001 }, (_, i) => `X${i}`);
    expect(() => parseConfig(cfg(many), 'many.json', allRules)).toThrow(ConfigError);
    expect(() => parseConfig(cfg(['X'.repeat(101)]), 'long.json', allRules)).toThrow(/placeholder/);
    // passed around the schema (editor settings, API): the words past the bounds do nothing
    const long = 'DNX公司' + '很'.repeat(96);
    expect(long.length).toBe(101);
    expect(lint(long, { filename: 'x.txt', config: withAllow([long]) }).findings.some((f) => f.ruleId === 'placeholder')).toBe(true);
    const late = [...many.slice(0, 1000), 'DNX'];
    expect(lint('DNX公司', { filename: 'x.txt', config: withAllow(late) }).findings.some((f) => f.ruleId === 'placeholder')).toBe(true);
  });
});
