import rule, { TERMS_LIMITS, buildTerms } from '../../rules/rules/terms';
import { lintWith, testRule } from '../helpers/rule-tester';
import { describe, expect, it } from 'vitest';

const OPTS = {
  replace: [
    { from: '区管委会', to: '区管理委员会', message: '对外行文用全称' },
    { from: '新区政府', to: '新区人民政府' },
    { from: '网格员', to: '网格管理员' },
  ],
  forbid: [{ word: '内部资料', message: '对外报告不得出现' }, { word: '绝密' }],
};

testRule(rule, {
  valid: [
    // nothing configured: the rule has no list of its own
    '区管委会召开专题会议，本报告为内部资料。',
    { text: '区管理委员会召开专题会议。', options: OPTS },
    // the replacement contains the word: text that already reads the replacement is left alone
    { text: '全区网格管理员共计320名。', options: OPTS },
  ],
  invalid: [
    {
      text: '区管委会召开专题会议，部署防汛工作。',
      options: OPTS,
      errors: [{ text: '区管委会', message: /“区管委会”应为“区管理委员会”：对外行文用全称/, severity: 'warning' }],
      output: '区管理委员会召开专题会议，部署防汛工作。',
    },
    {
      text: '新区政府印发实施方案。全区网格员共计320名。',
      options: OPTS,
      errors: [{ text: '新区政府' }, { text: '网格员' }],
      output: '新区人民政府印发实施方案。全区网格管理员共计320名。',
    },
    { text: '本报告为内部资料，请勿外传。', options: OPTS, errors: [{ text: '内部资料', message: /禁用词“内部资料”：对外报告不得出现/ }] },
  ],
});

describe('terms: untrusted entries are bounded', () => {
  it('drops entries that are not strings, empty or too long, and keeps at most the limit', () => {
    const long = '长'.repeat(TERMS_LIMITS.length + 1);
    const m = buildTerms([{ from: long, to: 'x' }, { from: 1, to: 'x' }, { from: '', to: 'x' }, null, { from: 'ab' }], [{ word: long }, 'x', { word: '禁' }]);
    expect(m.count).toBe(1);
    const many = Array.from({ length: TERMS_LIMITS.entries + 500 }, (_, i) => ({ word: `词${i}` }));
    expect(buildTerms([], many).count).toBe(TERMS_LIMITS.entries);
  });

  it('matches in time linear in the text whatever the entries (2,000 words sharing a long prefix)', () => {
    const prefix = '甲'.repeat(60);
    const forbid = Array.from({ length: TERMS_LIMITS.entries }, (_, i) => ({ word: prefix + String(i).padStart(4, '0') }));
    const text = '甲'.repeat(200_000);
    const t0 = performance.now();
    const fs = lintWith(rule, { text, options: { forbid } });
    expect(fs).toEqual([]);
    expect(performance.now() - t0).toBeLessThan(5000);
  });
});
