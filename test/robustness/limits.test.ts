// Issue 8: limits with a message, not a hang. The engine skips documents over the size limit (config maxSize,
// default 5 MB) and binary content, with a reason, quickly and without findings or errors. (The CLI and the
// server show the reason; their tests cover that side.)
import { describe, expect, it } from 'vitest';
import { DEFAULT_MAX_SIZE, emptyConfig, type ResolvedConfig } from '../../rules/config';
import { fixText, lint, looksBinary } from '../../rules/engine';

const para = '一、2023年工作总结\n（一）招商引资。1、深入实施精准招商，完成X亿元。\n';
const withMax = (maxSize: number): ResolvedConfig => ({ ...emptyConfig(), settings: { maxSize } });

describe('size limit', () => {
  it('defaults to 5 MB', () => {
    expect(DEFAULT_MAX_SIZE).toBe(5 * 1024 * 1024);
  });

  it('a document over the default limit is skipped with its size and the limit, quickly', () => {
    const big = para.repeat(Math.ceil((DEFAULT_MAX_SIZE + 1) / para.length));
    expect(big.length).toBeGreaterThan(DEFAULT_MAX_SIZE);
    const t0 = performance.now();
    const r = lint(big, { filename: 'big.md' });
    expect(performance.now() - t0).toBeLessThan(1000); // nothing is parsed
    expect(r.skipped).toMatch(/too large/);
    expect(r.skipped).toContain(String(big.length));
    expect(r.skipped).toContain(String(DEFAULT_MAX_SIZE));
    expect(r).toMatchObject({ findings: [], internalErrors: [], placeholders: 0 });
    expect(r.doc).toBeUndefined();
  });

  it('the limit is configurable, and a document at the limit is still linted', () => {
    const text = para.repeat(3);
    const over = lint(text, { config: withMax(text.length - 1) });
    expect(over.skipped).toMatch(/too large/);
    expect(over.findings).toEqual([]);
    const at = lint(text, { config: withMax(text.length) });
    expect(at.skipped).toBeUndefined();
    expect(at.findings.length).toBeGreaterThan(0);
    expect(at.internalErrors).toEqual([]);
  });

  it('fix-all leaves a skipped document untouched', () => {
    const text = para.repeat(3);
    const f = fixText(text, { config: withMax(10) });
    expect(f.output).toBe(text);
    expect(f.applied).toBe(0);
    expect(f.result.skipped).toMatch(/too large/);
  });
});

describe('binary content', () => {
  it('a NUL anywhere in the first 8 KB makes the document binary', () => {
    for (const t of ['\u0000', `${para}\u0000${para}`, 'PK\u0003\u0004\u0014\u0000\u0006\u0000']) {
      expect(looksBinary(t)).toBe(true);
      const r = lint(t, { filename: 'x.txt' });
      expect(r.skipped).toBe('binary content');
      expect(r).toMatchObject({ findings: [], internalErrors: [] });
    }
  });

  it('bytes of a real binary file (a .docx/zip and a PNG header) decoded as UTF-8 are skipped', () => {
    const zip = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00, 0x00, 0x00, 0x21, 0x00, 0xdf, 0xa4, 0xd2, 0x6c]);
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    for (const b of [zip, png]) expect(lint(b.toString('utf8') + para, { filename: 'x.md' }).skipped).toBe('binary content');
  });

  it('many control characters (more than one in ten) make the document binary, a few do not', () => {
    const noisy = Array.from({ length: 200 }, (_, i) => (i % 5 === 0 ? '\u0001' : '字')).join('');
    expect(lint(noisy).skipped).toBe('binary content');
    const fine = `${para}\u001b[0m\f${para}`; // an escape sequence and a form feed in a real report
    expect(looksBinary(fine)).toBe(false);
    const r = lint(fine, { filename: 'x.txt' });
    expect(r.skipped).toBeUndefined();
    expect(r.internalErrors).toEqual([]);
  });

  it('BOM, lone surrogates, CR line ends, emoji and RTL text are text, not binary', () => {
    const t = `\uFEFF${para}\uD800 😀 مرحبا\r一、工作\r\n`;
    expect(looksBinary(t)).toBe(false);
    const r = lint(t, { filename: 'x.md' });
    expect(r.skipped).toBeUndefined();
    expect(r.internalErrors).toEqual([]);
  });

  it('a NUL after the first 8 KB is not looked for: the document is linted, without errors', () => {
    const t = para.repeat(Math.ceil(9000 / para.length)) + '\u0000' + para;
    expect(looksBinary(t)).toBe(false);
    const r = lint(t, { filename: 'x.txt' });
    expect(r.skipped).toBeUndefined();
    expect(r.internalErrors).toEqual([]);
  });

  it('the empty document is text with nothing to report', () => {
    const r = lint('');
    expect(r).toMatchObject({ findings: [], internalErrors: [] });
    expect(r.skipped).toBeUndefined();
    expect(fixText('').output).toBe('');
  });
});
