// What punctuation-width, punctuation-pairs and cjk-spacing report on the 24 published government reports,
// each finding checked by reading it: every one is a real deviation from GB/T 15834 or 公文 spacing.
import { expect, it } from 'vitest';
import { fixText, lint } from '../../rules/engine';
import { allRules } from '../../rules/all-rules';
import { corpus, corpusFiles, describeCorpus, lineOf } from '../helpers/fixtures';

const rules = allRules.filter((r) => ['punctuation-width', 'punctuation-pairs', 'cjk-spacing'].includes(r.meta.id));

function run(name: string) {
  const text = corpus(name);
  const r = lint(text, { filename: name, rules });
  expect(r.internalErrors).toEqual([]);
  const show = r.findings.map((f) => ({ rule: f.ruleId, line: lineOf(text, f.offset), text: text.slice(f.offset, f.endOffset), fix: f.fix?.edits.map((e) => e.text).join('') }));
  return { text, findings: r.findings, show };
}

describeCorpus('corpus punctuation', () => {
  it('has the 24 reports', () => {
    expect(corpusFiles()).toHaveLength(24);
  });

  it('reports no unmatched quote or bracket on any published report', () => {
    for (const name of corpusFiles()) expect(run(name).findings.filter((f) => f.ruleId === 'punctuation-pairs'), name).toEqual([]);
  });

  it('reports nothing on the national reports that use full-width punctuation throughout', () => {
    const clean = corpusFiles().filter((f) => /national_(200[4-9]|2010|2012|2013|201[6-8])/.test(f));
    expect(clean).toHaveLength(12);
    // but for 2004's two spaces beside full-width digits (投入６０ 亿元, 资金 ７７９亿元), cjk-spacing's below
    for (const name of clean) expect(run(name).show.filter((s) => !(name.includes('2004') && s.rule === 'cjk-spacing')), name).toEqual([]);
  });

  it('2011: the half-width brackets of (草案) and 出国(境) are reported; the (一)…(十) headings are not', () => {
    const { show } = run('gwr_national_2011.txt');
    expect(show.map((s) => `${s.line}${s.text}→${s.fix}`)).toEqual(['33(→（', '33)→）', '49(→（', '49)→）', '95(→（', '95)→）']);
  });

  it('2014/2015: a stray ? from a lost character is reported without a fix (国务院总理?李克强, 。?)', () => {
    for (const [name, lines] of [['gwr_national_2014.txt', [5, 32, 51, 72, 87]], ['gwr_national_2015.txt', [6, 7]]] as const) {
      const { show, findings } = run(name);
      expect(show.map((s) => s.line)).toEqual(lines);
      expect(show.every((s) => s.text === '?' && s.fix === undefined)).toBe(true);
      expect(findings.every((f) => f.suggestions?.length === 2)).toBe(true);
    }
  });

  it('2003: the half-width : , ! in an otherwise full-width report are reported', () => {
    const { show } = run('gwr_national_2003.txt');
    expect(show.map((s) => `${s.line}${s.text}→${s.fix}`)).toEqual(['5:→：', '109,→，', '127!→！']);
  });

  it('hailar: the district reports mixing half-width marks into Chinese text are reported, ratios and headings are not', () => {
    const counts: Record<string, number> = {};
    for (const name of corpusFiles().filter((f) => f.includes('hailar'))) {
      const { show, text } = run(name);
      counts[name.slice(20, 24)] = show.filter((s) => s.rule === 'punctuation-width').length;
      // every one of them replaces a half-width mark (and a Latin space after it) by its full-width form
      for (const s of show.filter((x) => x.rule === 'punctuation-width')) expect(s.fix, `${name}:${s.line}`).toMatch(/^[，；：！（）]$/);
      // `3.6 : 48 : 48.4` is a ratio
      if (name.includes('2012')) expect(text).toContain('3.6 : 48 : 48.4');
    }
    expect(counts).toEqual({ '2012': 1, '2013': 2, '2014': 30, '2015': 6, '2016': 12, '2017': 482, '2018': 2, '2019': 1 });
    // the 2017 report's (一)…(七) headings use half-width brackets: heading-marker's, not reported here
    const s17 = run('gwr_hailar_district_2017.txt');
    expect(s17.show.filter((s) => s.text === '(' || s.text === ')')).toEqual([]);
  });

  it('cjk-spacing: the five spaces between Chinese and a number in running text (full-width digits are digits)', () => {
    const found = corpusFiles().flatMap((name) => run(name).show.filter((s) => s.rule === 'cjk-spacing').map((s) => `${name.match(/\d{4}/)![0]}:${s.line}`));
    expect(found).toEqual(['2016:25', '2016:39', '2018:19', '2004:72', '2004:92']);
    expect(run('gwr_national_2004.txt').text).toContain('投入６０ 亿元');
    const { text } = run('gwr_hailar_district_2016.txt');
    expect(text).toContain('卫生室 8所');
    expect(text).toContain('达到 287.9亿元');
  });

  it('fix-all on every report leaves nothing fixable', () => {
    for (const name of corpusFiles()) {
      const out = fixText(corpus(name), { filename: name, rules });
      expect(out.result.findings.filter((f) => f.fix), name).toEqual([]);
    }
  });
});
