// Year and date rules on the seed reports and the 24 real government reports.
import { describe, expect, it } from 'vitest';
import { lint } from '../../rules/engine';
import yearConsistency from '../../rules/rules/year-consistency';
import dateFormat from '../../rules/rules/date-format';
import yearFacts from '../../rules/rules/year-facts';
import { corpus, corpusFiles, describeCorpus, lineOf, seed, type SeedId } from '../helpers/fixtures';

const rules = [yearConsistency, dateFormat, yearFacts];
const run = (text: string) => {
  const r = lint(text, { filename: 'r.txt', rules });
  expect(r.internalErrors).toEqual([]);
  return r.findings.map((f) => ({ rule: f.ruleId, severity: f.severity, line: lineOf(text, f.offset), text: text.slice(f.offset, f.endOffset) }));
};

describe('seeds', () => {
  it('000: only the info on 工作思路 (title, 24) vs 工作打算 (section, 59)', () => {
    expect(run(seed('000'))).toEqual([{ rule: 'year-consistency', severity: 'info', line: 59, text: '打算' }]);
  });

  it('001: no year or date finding (101周年 in a 2022 report is right)', () => {
    expect(run(seed('001'))).toEqual([]);
  });

  it('002, 003 (news pages) and 004 (a template with xxxx years and 十九大精神): nothing', () => {
    for (const id of ['002', '003', '004'] as SeedId[]) expect(run(seed(id))).toEqual([]);
  });

  it('000 written from last year: every stale year of the summary part is found, nothing else', () => {
    const lines = seed('000').split('\n');
    // the summary part: after the title (line 24) up to the plan section (line 59)
    for (let i = 24; i < 58; i++) lines[i] = lines[i].replaceAll('2023', '2022');
    const text = lines.join('\n');
    const fs = run(text);
    expect(fs).toEqual([
      { rule: 'year-consistency', severity: 'warning', line: 27, text: '2022' }, // 2022年是…之年 (preamble)
      { rule: 'year-consistency', severity: 'error', line: 29, text: '2022' }, // 一、2022年工作总结
      { rule: 'year-consistency', severity: 'warning', line: 45, text: '2022' }, // 核心区2022年新建绿色建筑
      { rule: 'year-consistency', severity: 'info', line: 59, text: '打算' },
    ]);
    // named things keep their year and are not findings: 入选2022江苏省…案例 (37), 2022年典型改革项目案例 (45)
    expect(lines[36]).toContain('入选2022江苏省');
    expect(lines[44]).toContain('深改委2022年典型改革项目案例');
    // the untouched plan part (2024年计划招引…, 力争2024年完成…) is not reported
    expect(fs.filter((f) => f.line >= 59 && f.severity !== 'info')).toEqual([]);
  });

  it('000 written from last year and then given the right year in its title only: the whole body is stale', () => {
    const text = seed('000').replaceAll('2024', '2023').replace(/绿建区2023年工作总结及2023年工作思路/g, '绿建区2023年工作总结及2024年工作思路');
    const fs = run(text);
    // 二、2023年工作打算 contradicts the plan year 2024; 2023年是…, 2023年计划招引… open on last year
    expect(fs).toContainEqual({ rule: 'year-consistency', severity: 'error', line: 59, text: '2023' });
    expect(fs.filter((f) => f.severity === 'warning' && f.line > 59).length).toBeGreaterThanOrEqual(3);
    // 2023年是新中国成立75周年: 1949 + 75 = 2024
    expect(fs).toContainEqual({ rule: 'year-facts', severity: 'warning', line: 61, text: '新中国成立75周年' });
  });

  it('a configured year overrides the title', () => {
    const r = lint(seed('001'), { filename: 'r.txt', rules: [yearConsistency], config: { rules: {}, settings: { year: 2023 } } });
    const ls = r.findings.map((f) => lineOf(seed('001'), f.offset));
    expect(ls).toContain(7); // the title's 2022
    expect(ls).toContain(13); // 一、2022年工作总结
  });
});

describeCorpus('the 24 real government reports', () => {
  const files = corpusFiles();
  it('are all there', () => expect(files).toHaveLength(24));
  for (const f of files) {
    it(`${f}: no year-consistency, date-format or year-facts finding`, () => {
      expect(run(corpus(f))).toEqual([]);
    });
  }
});
