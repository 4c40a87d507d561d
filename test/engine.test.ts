import { describe, expect, it } from 'vitest';
import { applyEdits, fixText, lint, lintSteps, selectFixes } from '../rules/engine';
import { ConfigError, configSchema, mergeConfigs, parseConfig } from '../rules/config';
import { allRules } from '../rules/all-rules';
import { seed } from './helpers/fixtures';

const ids = (text: string, opts = {}) => lint(text, opts).findings.map((f) => f.ruleId);

describe('configuration', () => {
  it('parses JSON with comments, per-rule severities and [severity, options]', () => {
    const c = parseConfig(
      `{
        // the year of the report
        "year": 2024,
        "rules": { "heading-marker": "warning", "heading-hierarchy": ["error", { "allowCnToArabic": false }], },
      }`,
      '/x/.reportlintrc.json',
      allRules,
    );
    expect(c.settings.year).toBe(2024);
    expect(c.rules['heading-marker']).toEqual({ severity: 'warning' });
    expect(c.rules['heading-hierarchy']).toEqual({ severity: 'error', options: { allowCnToArabic: false } });
  });

  it.each([
    ['{ "rules": { "no-such-rule": "error" } }', /unknown key "rules\.no-such-rule"/],
    ['{ "rules": { "heading-marker": "fatal" } }', /heading-marker/],
    ['{ "colour": true }', /unknown key "colour"/],
    ['{ "year": "2024" }', /year/],
    ['{ "rules": { "heading-hierarchy": ["error", { "allowCnToArabc": false }] } }', /allowCnToArabc/],
    ['{ "rules": ', /invalid JSON at line 1/],
    ['[1, 2]', /JSON object/],
  ])('a bad config names the file and the bad key: %s', (text, re) => {
    let err: unknown;
    try {
      parseConfig(text, '/repo/.reportlintrc.json', allRules);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as ConfigError).message).toContain('/repo/.reportlintrc.json');
    expect((err as ConfigError).message).toMatch(re);
  });

  it('the schema lists every rule', () => {
    const schema = configSchema(allRules) as { properties: { rules: { properties: Record<string, unknown> } } };
    expect(Object.keys(schema.properties.rules.properties).sort()).toEqual(allRules.map((r) => r.meta.id).sort());
  });

  it('a configured severity replaces the default of every finding of that rule; "off" turns it off', () => {
    const text = '1、深入实施精准招商。\n2、强势推进项目建设。';
    const config = mergeConfigs(parseConfig('{"rules":{"heading-marker":"info"}}', 'c', allRules));
    const fs = lint(text, { config }).findings.filter((f) => f.ruleId === 'heading-marker');
    expect(fs).toHaveLength(2);
    expect(fs.every((f) => f.severity === 'info')).toBe(true);
    const off = parseConfig('{"rules":{"heading-marker":"off"}}', 'c', allRules);
    expect(ids(text, { config: off })).not.toContain('heading-marker');
  });

  it('later configs override earlier ones', () => {
    const a = parseConfig('{"year": 2020, "rules":{"heading-marker":"info"}}', 'a', allRules);
    const b = parseConfig('{"rules":{"heading-marker":"off"}}', 'b', allRules);
    expect(mergeConfigs(a, b)).toEqual({ rules: { 'heading-marker': { severity: 'off', options: undefined } }, settings: { year: 2020 } });
  });
});

describe('inline directives', () => {
  const body = '1、深入实施精准招商。';
  it('.md: disable / enable, disable-line, disable-next-line, for one rule or all', () => {
    const md = [
      '<!-- report-lint-disable heading-marker -->',
      '',
      body,
      '',
      '<!-- report-lint-enable heading-marker -->',
      '',
      body,
      '',
      body + ' <!-- report-lint-disable-line heading-marker -->',
      '',
      '<!-- report-lint-disable-next-line -->',
      body,
    ].join('\n');
    const r = lint(md, { filename: 'a.md' });
    const lines = r.findings.filter((f) => f.ruleId === 'heading-marker').map((f) => r.doc!.lines.position(f.offset).line + 1);
    expect(lines).toEqual([7]);
  });

  it('.txt: the same words on a line of their own', () => {
    const txt = ['report-lint-disable-next-line heading-marker', body, body, 'report-lint-disable', body, 'report-lint-enable', body].join('\n');
    const r = lint(txt, { filename: 'a.txt' });
    const lines = r.findings.filter((f) => f.ruleId === 'heading-marker').map((f) => r.doc!.lines.position(f.offset).line + 1);
    expect(lines).toEqual([3, 7]);
    // the directive lines are not prose
    expect(r.doc!.prose.includes('report-lint')).toBe(false);
  });

  it('--no-inline-config ignores them', () => {
    const txt = ['report-lint-disable', body].join('\n');
    expect(ids(txt, { inlineConfig: false })).toContain('heading-marker');
  });
});

describe('fixes', () => {
  it('applies non-overlapping edits and keeps the rest of the text', () => {
    expect(applyEdits('abcdef', [{ offset: 4, endOffset: 5, text: 'E' }, { offset: 0, endOffset: 1, text: '' }])).toBe('bcdEf');
    const picked = selectFixes([
      { edits: [{ offset: 0, endOffset: 3, text: 'x' }] },
      { edits: [{ offset: 2, endOffset: 4, text: 'y' }] },
      { edits: [{ offset: 5, endOffset: 5, text: 'z' }] },
    ]);
    expect(picked.count).toBe(2);
  });

  it('repeats passes until nothing is fixable; fixing twice equals fixing once', () => {
    const text = seed('001');
    const once = fixText(text, { filename: '001.txt' });
    expect(once.passes).toBeGreaterThan(0);
    expect(once.result.findings.filter((f) => f.fix)).toEqual([]);
    expect(fixText(once.output, { filename: '001.txt' }).output).toBe(once.output);
  });

  it('fixes only some rules when asked', () => {
    const text = '1、深入实施精准招商。一是，加强区域合作。';
    const r = fixText(text, {}, ['enumeration-sequence']);
    expect(r.output).toBe('1、深入实施精准招商。一是加强区域合作。');
  });

  it('skips documents over the size limit and binary content, with a reason', () => {
    const big = lint('一、总结\n'.repeat(100), { config: { rules: {}, settings: { maxSize: 100 } } });
    expect(big.skipped).toMatch(/too large/);
    expect(big.findings).toEqual([]);
    expect(lint('abc\u0000def').skipped).toMatch(/binary/);
  });
});

describe('lintSteps', () => {
  it('pauses after the model and after each rule that runs, and ends with what lint() returns', () => {
    const text = seed('001');
    const config = mergeConfigs(parseConfig('{ "rules": { "cjk-spacing": "off" } }', 'x', allRules));
    const it = lintSteps(text, { filename: 'r.txt', config });
    let pauses = 0;
    let r = it.next();
    while (!r.done) {
      pauses++;
      r = it.next();
    }
    // the model, then every rule but the one turned off
    expect(pauses).toBe(1 + allRules.length - 1);
    const whole = lint(text, { filename: 'r.txt', config });
    expect(r.value.findings).toEqual(whole.findings);
    expect(r.value.placeholders).toBe(whole.placeholders);
    expect(r.value.findings.length).toBeGreaterThan(100);
  });

  it('does not pause on a document it skips', () => {
    const it = lintSteps('a\u0000b', { filename: 'r.txt' });
    const r = it.next();
    expect(r.done).toBe(true);
    expect(r.value).toMatchObject({ skipped: 'binary content', findings: [] });
  });
});
