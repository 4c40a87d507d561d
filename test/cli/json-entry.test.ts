// `--format json` entries are written straight to UTF-8 bytes (cli/json-entry.ts): they must be exactly the
// bytes of JSON.stringify of the contract's object, for every finding shape, language and --quiet.
import { describe, expect, it } from 'vitest';
import { lint } from '../../rules/engine';
import type { Finding } from '../../rules/types';
import { LineIndex } from '../../rules/model/lines';
import { renderJsonEntry } from '../../cli/json-entry';
import { toDiagnostics } from '../../cli/lint-file';
import { corpus, corpusFiles, itCorpus, seed, SEEDS, type SeedId } from '../helpers/fixtures';

function expected(file: string, text: string, findings: Finding[], placeholders: number, lang: 'zh' | 'en', quiet: boolean, skipped?: string): string {
  let diagnostics = toDiagnostics(text, findings, lang);
  if (quiet) diagnostics = diagnostics.filter((d) => d.severity === 'error');
  const o: Record<string, unknown> = { file, diagnostics, placeholders };
  if (skipped !== undefined) o.skipped = skipped;
  return JSON.stringify(o);
}

function check(file: string, text: string, format: 'markdown' | 'text', lang: 'zh' | 'en', quiet: boolean): number {
  const r = lint(text, { format });
  const got = renderJsonEntry({ file, placeholders: r.placeholders }, r.findings, new LineIndex(text), lang, quiet);
  expect(Buffer.from(got.json).toString('utf8')).toBe(expected(file, text, r.findings, r.placeholders, lang, quiet));
  expect(got.errors).toBe(r.findings.filter((f) => f.severity === 'error').length);
  expect(got.warnings).toBe(r.findings.filter((f) => f.severity === 'warning').length);
  return r.findings.length;
}

describe('the json entry written as bytes', () => {
  it.each(Object.keys(SEEDS) as SeedId[])('seed %s: the bytes of JSON.stringify, in Chinese and English, with and without --quiet', (id) => {
    const text = seed(id);
    expect(check(`examples/${id}.txt`, text, 'text', 'zh', false)).toBeGreaterThan(100);
    check(`examples/${id}.md`, text, 'markdown', 'en', false);
    check(`examples/${id}.txt`, text, 'text', 'zh', true);
  });

  itCorpus('the corpus: the bytes of JSON.stringify, including suggestions and findings without fixes', () => {
    let n = 0;
    for (const f of corpusFiles()) n += check(`corpus/${f}`, corpus(f), 'text', 'zh', false);
    expect(n).toBeGreaterThan(1000);
  });

  it('escapes file names, messages and fix texts as JSON.stringify does', () => {
    const findings: Finding[] = [
      {
        ruleId: 'placeholder',
        severity: 'warning',
        message: { zh: '引号"与反斜杠\\、换行\n、制表\t、控制\u0001、代理对😀与孤立\ud800', en: 'x' },
        offset: 0,
        endOffset: 3,
        fix: { edits: [{ offset: 1, endOffset: 2, text: '"\\\n' }, { offset: 2, endOffset: 3, text: '' }] },
        suggestions: [{ title: { zh: '建议"一"', en: 'one' }, edits: [{ offset: 0, endOffset: 1, text: '\u2028' }] }],
      },
      { ruleId: 'year-facts', severity: 'info', message: { zh: '信息', en: 'info' }, offset: 5, endOffset: 5 },
    ];
    const text = 'ab\r\ncd\nefgh';
    const file = 'dir/"报告"\\2024.md';
    for (const quiet of [false, true]) {
      const got = renderJsonEntry({ file, placeholders: 123456789, skipped: 'binary "content"' }, findings, new LineIndex(text), 'zh', quiet);
      expect(Buffer.from(got.json).toString('utf8')).toBe(expected(file, text, findings, 123456789, 'zh', quiet, 'binary "content"'));
    }
  });
});
