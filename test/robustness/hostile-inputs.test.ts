// Issue 13, engine inputs: what a document or a workspace config can make the engine do must stay linear.
import { describe, expect, it } from 'vitest';
import { lint } from '../../rules/engine';
import { markdownChunks, MAX_LINE_NESTING } from '../../rules/model/markdown-chunks';

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
