// Fixture tester for one rule (in the spirit of ESLint's RuleTester).
//
//   testRule(rule, {
//     valid: ['一、2023年工作总结', { text: '…', filename: 'a.md', options: {...}, year: 2023 }],
//     invalid: [{ text: '1、深入实施精准招商。', errors: [{ text: '、', message: /下脚点/ }], output: '1.深入实施精准招商。' }],
//   });
//
// Each case lints the text with that rule alone (the report model is built as usual). For an invalid case:
// `errors` is the number of findings or a list matched in order (`text` is the exact reported substring);
// `output` is the text after applying the rule's fixes (omit it when the rule offers no fix there).
// For every invalid case with a fix, the tester also proves that fixing removes the finding and that
// re-linting the fixed text finds nothing fixable for the rule, and that fixing twice equals fixing once.
import { describe, expect, it } from 'vitest';
import { fixText, lint } from '../../rules/engine';
import type { ResolvedConfig } from '../../rules/config';
import type { Finding, Rule, Severity } from '../../rules/types';

export interface CaseOptions {
  text: string;
  filename?: string;
  options?: Record<string, unknown>;
  /** Configured report year. */
  year?: number;
  name?: string;
}

export interface ExpectedError {
  text?: string;
  message?: RegExp | string;
  severity?: Severity;
  /** 1-based line of the finding. */
  line?: number;
}

export interface InvalidCase extends CaseOptions {
  errors: number | ExpectedError[];
  output?: string;
}

export function configFor(rule: Rule, c: CaseOptions): ResolvedConfig {
  return {
    rules: c.options ? { [rule.meta.id]: { options: c.options } } : {},
    settings: c.year !== undefined ? { year: c.year } : {},
  };
}

export function lintWith(rule: Rule, c: CaseOptions): Finding[] {
  const r = lint(c.text, { filename: c.filename ?? 'case.txt', rules: [rule], config: configFor(rule, c) });
  expect(r.internalErrors).toEqual([]);
  return r.findings;
}

function show(text: string, fs: Finding[]): string {
  return fs.map((f) => `[${text.slice(f.offset, f.endOffset)}] ${f.message.zh}`).join('\n');
}

function label(c: CaseOptions): string {
  const t = c.name ?? c.text.replace(/\s+/g, ' ');
  return t.length > 60 ? t.slice(0, 60) + '…' : t;
}

export function testRule(rule: Rule, cases: { valid: (string | CaseOptions)[]; invalid: InvalidCase[] }): void {
  describe(rule.meta.id, () => {
    describe('valid', () => {
      for (const v of cases.valid) {
        const c = typeof v === 'string' ? { text: v } : v;
        it(label(c), () => {
          const fs = lintWith(rule, c);
          expect(fs, show(c.text, fs)).toHaveLength(0);
        });
      }
    });
    describe('invalid', () => {
      for (const c of cases.invalid) {
        it(label(c), () => {
          const fs = lintWith(rule, c);
          if (typeof c.errors === 'number') expect(fs.length, show(c.text, fs)).toBe(c.errors);
          else {
            expect(fs.length, show(c.text, fs)).toBe(c.errors.length);
            c.errors.forEach((e, i) => {
              const f = fs[i];
              if (e.text !== undefined) expect(c.text.slice(f.offset, f.endOffset)).toBe(e.text);
              if (e.message !== undefined) {
                if (typeof e.message === 'string') expect(f.message.zh).toContain(e.message);
                else expect(f.message.zh + '\n' + f.message.en).toMatch(e.message);
              }
              if (e.severity) expect(f.severity).toBe(e.severity);
              if (e.line !== undefined) expect(c.text.slice(0, f.offset).split(/\r\n|\r|\n/).length).toBe(e.line);
            });
          }
          for (const f of fs) {
            expect(f.message.en.length).toBeGreaterThan(0);
            expect(f.message.zh.length).toBeGreaterThan(0);
          }
          const fixable = fs.some((f) => f.fix);
          if (c.output !== undefined) expect(fixable, 'expected a fix').toBe(true);
          if (fixable) {
            const opts = { filename: c.filename ?? 'case.txt', rules: [rule], config: configFor(rule, c) };
            const once = fixText(c.text, opts);
            if (c.output !== undefined) expect(once.output).toBe(c.output);
            expect(once.result.findings.filter((f) => f.fix), 'fixable findings left after fixing').toHaveLength(0);
            expect(fixText(once.output, opts).output, 'fixing twice differs from once').toBe(once.output);
          } else if (c.output === undefined) {
            // no fix offered: nothing to check
          }
        });
      }
    });
  });
}
