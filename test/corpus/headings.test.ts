// The 24 real government reports: what the heading rules report on them, and that it is right.
// Their deviations are real (corpus/README.md): half-width (一) in hailar 2016/2017 and national 2011,
// `1、` (2012) and full-width `１、` (2010) numbering. Nothing else may be reported.
import { expect, it } from 'vitest';
import { lint } from '../../rules/engine';
import { allRules } from '../../rules/all-rules';
import { corpus, corpusFiles, describeCorpus, lineOf } from '../helpers/fixtures';

const rules = allRules.filter((r) => r.meta.id.startsWith('heading-') || r.meta.id === 'enumeration-sequence');

const EXPECTED: Record<string, string[]> = {
  'gwr_hailar_district_2016.txt': ['53:(四)'],
  'gwr_hailar_district_2017.txt': [13, 15, 17, 19, 21, 23, 39, 49, 59, 63, 67, 77, 81].map((l, i) => `${l}:(${'一二三四五六一二三四五六七'[i]})`),
  'gwr_national_2010.txt': [108, 109, 110, 111, 112, 113, 114].map((l, i) => `${l}:${'１２３４５６７'[i]}、`),
  'gwr_national_2011.txt': [16, 17, 18, 19, 21, 52, 54, 58, 65, 71, 76, 86, 88, 90, 94].map((l, i) => `${l}:(${'一二三四五一二三四五六七八九十'[i]})`),
  'gwr_national_2012.txt': [108, 109, 110, 111, 112, 113, 114, 115, 116].map((l, i) => `${l}:${i + 1}、`),
};

describeCorpus('corpus: heading findings', () => {
  it.each(corpusFiles())('%s', (name) => {
    const text = corpus(name);
    const r = lint(text, { filename: name, rules });
    expect(r.internalErrors).toEqual([]);
    const got = r.findings.map((f) => `${lineOf(text, f.offset)}:${text.slice(f.offset, f.endOffset)}`);
    expect(got).toEqual(EXPECTED[name] ?? []);
    // every one of them is a wrong ordinal form, reported by heading-marker with a fix
    expect(r.findings.every((f) => f.ruleId === 'heading-marker' && f.fix)).toBe(true);
  });

  it('the government reports are read as such, with a year', () => {
    for (const name of corpusFiles()) {
      const doc = lint(corpus(name), { filename: name, rules: [] }).doc!;
      expect(doc.kind, name).toBe('government-report');
      expect(doc.years.report, name).toBe(Number(/(\d{4})/.exec(name)![1]));
    }
  });
});
