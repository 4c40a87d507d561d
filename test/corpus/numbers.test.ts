// The 24 real government reports: what the number rules report on them, and why it is right.
// - number-range: the four hyphenated ranges the corpus README lists (2008, 2010, 2011, 2016 ×3).
// - metric-unit: 2018 writes 5千多户, 1万6千多户, 1亿3千多万, 2万5千公里: Arabic digits with 千 (GB/T 15835 5.3).
// - number-format: full-width digits (2003, 2004, 2009, 2010 and the datelines of 2007, 2008) and numbers that mix
//   widths (13．65, 18％, 9．2%) in 2004–2013 and hailar 2012. Every one is a number with a full-width character.
// - document-number: the reports cite no 发文字号.
import { expect, it } from 'vitest';
import { lint } from '../../rules/engine';
import { allRules } from '../../rules/all-rules';
import { corpus, corpusFiles, describeCorpus, lineOf } from '../helpers/fixtures';

const IDS = ['metric-unit', 'number-range', 'number-format', 'document-number'];
const rules = allRules.filter((r) => IDS.includes(r.meta.id));

const RANGES: Record<string, string[]> = {
  'gwr_national_2008.txt': ['24:2006－2020年>—'],
  'gwr_national_2010.txt': ['113:２００９－２０１１年>—'],
  'gwr_national_2011.txt': ['68:2011-2020年>—'],
  'gwr_national_2016.txt': ['45:6.5%－7%>～', '46:6.5%－7%>～', '46:6.5%－7%>～'],
};
const UNITS: Record<string, string[]> = {
  'gwr_national_2018.txt': ['12:5千', '12:6千', '14:3千', '23:5千'],
};
const WIDTHS: Record<string, number> = {
  'gwr_hailar_district_2012.txt': 4,
  'gwr_national_2003.txt': 210,
  'gwr_national_2004.txt': 63,
  'gwr_national_2005.txt': 20,
  'gwr_national_2006.txt': 1,
  'gwr_national_2007.txt': 10,
  'gwr_national_2008.txt': 5,
  'gwr_national_2009.txt': 133,
  'gwr_national_2010.txt': 162,
  'gwr_national_2012.txt': 28,
  'gwr_national_2013.txt': 2,
};

describeCorpus('corpus: number findings', () => {
  it.each(corpusFiles())('%s', (name) => {
    const text = corpus(name);
    const r = lint(text, { filename: name, rules });
    expect(r.internalErrors).toEqual([]);
    const by = (id: string) => r.findings.filter((f) => f.ruleId === id);
    const at = (f: { offset: number; endOffset: number }) => `${lineOf(text, f.offset)}:${text.slice(f.offset, f.endOffset)}`;
    expect(by('number-range').map((f) => `${at(f)}>${f.fix?.edits.map((e) => e.text).join('')}`)).toEqual(RANGES[name] ?? []);
    expect(by('metric-unit').map(at)).toEqual(UNITS[name] ?? []);
    expect(by('document-number')).toEqual([]);
    const widths = by('number-format');
    expect(widths.length).toBe(WIDTHS[name] ?? 0);
    for (const f of widths) {
      const s = text.slice(f.offset, f.endOffset);
      expect(s).toMatch(/^[0-9０-９]+(?:[.．][0-9０-９]+)?[%％‰]?$/);
      expect(s).toMatch(/[０-９．％]/);
      expect(f.fix?.edits[0].text).toMatch(/^[0-9.%‰]+$/);
    }
  });
});
