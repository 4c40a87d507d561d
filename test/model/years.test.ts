// The report model's reading of years and sections: what year-consistency, date-format and year-facts rely on.
import { describe, expect, it } from 'vitest';
import { buildDocument } from '../../rules/model/document';
import { classifySection, isNotesLabel, sectionYearOf } from '../../rules/model/title';
import { corpus, corpusFiles, itCorpus, seed } from '../helpers/fixtures';

describe('section kinds', () => {
  it('section-title headings get their kind', () => {
    expect(classifySection('2023年工作总结')).toBe('summary');
    expect(classifySection('2024年工作打算')).toBe('plan');
    expect(classifySection('下一步工作打算')).toBe('plan');
    expect(classifySection('主要工作完成情况')).toBe('summary');
    expect(classifySection('过去一年工作回顾')).toBe('summary');
    expect(classifySection('一年来工作回顾')).toBe('summary');
    expect(classifySection('对今年政府工作的建议')).toBe('plan');
    expect(classifySection('2005年工作总体部署')).toBe('plan');
    expect(classifySection('2012年政府工作总体要求和目标任务')).toBe('plan');
    expect(classifySection('今年经济社会发展的总体要求、主要预期目标和宏观经济政策')).toBe('plan');
    expect(classifySection('2014年重点工作?')).toBe('plan');
  });

  it('multi-year reviews and outlooks', () => {
    expect(classifySection('过去五年工作回顾')).toBe('multi-year');
    expect(classifySection('“十一五”时期国民经济和社会发展的回顾')).toBe('multi-year');
    expect(classifySection('党的十八大以来工作回顾')).toBe('multi-year');
  });

  it('government-report review and task headings', () => {
    for (const t of ['2023年工作回顾', '2023年政府工作回顾', '2023年主要工作回顾', '2023年和“十四五”时期工作回顾', '“十二五”时期和2015年工作回顾', '主要工作完成情况'])
      expect(classifySection(t), t).toBe('summary');
    for (const t of ['2024年重点工作', '2024年主要工作', '2024年工作安排', '2024年主要任务', '2024年重点工作任务', '2024年政府工作任务', '2024年工作重点', '2024年主要目标和重点任务', '2024年工作安排建议', '2024年发展形势和主要预期目标'])
      expect(classifySection(t), t).toBe('plan');
    // a review of one year and of the plan period it closes: the section has a year, its text many
    const doc = buildDocument('一、2020年和“十三五”时期工作回顾\n2016年以来，全区生产总值年均增长7%。\n二、2021年工作安排\n');
    expect([doc.roots[0].kind, doc.roots[0].year]).toEqual(['summary', 2020]);
    expect(doc.timeFrameAt(doc.text.indexOf('2016年以来')).kind).toBe('multi-year');
  });

  it('body-like headings and combined headings are not sections of a kind', () => {
    expect(classifySection('项目计划有序推进')).toBe('other');
    expect(classifySection('挖掘新潜能,在发展质效上更有后劲')).toBe('other');
    expect(classifySection('意见建议')).toBe('other');
    expect(classifySection('2023年工作总结和2024年工作思路')).toBe('other');
    expect(classifySection('应对国际金融危机的一揽子计划：是指我国在应对国际金融危机中出台的一系列政策措施组合')).toBe('other');
  });
});

describe('section years', () => {
  it('the year that frames a heading', () => {
    expect(sectionYearOf('2023年工作总结', 0)?.year).toBe(2023);
    expect(sectionYearOf('对2018年政府工作的建议', 10)).toEqual({ year: 2018, offset: 11, endOffset: 15 });
    expect(sectionYearOf('２００９年主要任务', 0)?.year).toBe(2009);
    expect(sectionYearOf('“十二五”时期和2015年工作回顾', 0)?.year).toBe(2015);
  });

  it('not a year inside the heading content', () => {
    expect(sectionYearOf('医药卫生体制改革的五项重点工作：是指为实现２０２０年基本建立…', 0)).toBeUndefined();
    expect(sectionYearOf('2021年以来重点项目推进情况', 0)).toBeUndefined();
    expect(sectionYearOf('2021—2025年发展目标', 0)).toBeUndefined();
    expect(sectionYearOf('持续推进2022年度项目', 0)).toBeUndefined();
  });

  it('heading years in a work report', () => {
    const doc = buildDocument('绿建区2023年工作总结及2024年工作思路\n一、2022年工作总结\n（一）推进2021年以来的项目\n二、2024年工作思路\n');
    expect(doc.roots.map((h) => [h.kind, h.year])).toEqual([
      ['summary', 2022],
      ['plan', 2024],
    ]);
    expect(doc.roots[0].children[0].year).toBeUndefined();
  });
});

describe('notes after the body', () => {
  itCorpus('a notes label ends the sections', () => {
    expect(isNotesLabel('注释：')).toBe(true);
    expect(isNotesLabel('附注：')).toBe(true);
    expect(isNotesLabel('注：本文数据为初步统计')).toBe(false);
    const text = corpus('gwr_national_2012.txt');
    const doc = buildDocument(text);
    const off = text.indexOf('学前教育三年行动计划：2010年11月');
    expect(doc.sectionAt(off)).toMatchObject({ headings: [], kind: 'other' });
    const note = doc.headings.find((h) => h.block.start <= off && off < h.block.end)!;
    expect([note.kind, note.year]).toEqual(['other', undefined]);
    // the body before the notes keeps its section
    expect(doc.sectionAt(text.indexOf('新的一年，外交工作')).kind).toBe('plan');
  });

  itCorpus('national 2010: glossary items are not plan headings of 2020', () => {
    const doc = buildDocument(corpus('gwr_national_2010.txt'));
    expect(doc.headings.filter((h) => h.year !== undefined && h.year !== 2009 && h.year !== 2010)).toEqual([]);
  });
});

describe('report years', () => {
  it('a half-year summary plans the rest of the same year', () => {
    const doc = buildDocument('开发区2023年上半年工作总结及下半年工作打算\n一、上半年工作总结\n二、下半年工作打算\n');
    expect(doc.title?.period).toBe('half');
    expect(doc.years).toMatchObject({ summary: 2023, plan: 2023, source: 'title' });
  });

  it('a quarterly report', () => {
    const doc = buildDocument('区发改局2024年第一季度工作总结\n一、一季度工作完成情况\n');
    expect(doc.title?.period).toBe('quarter');
    expect(doc.years).toMatchObject({ summary: 2024, plan: 2024 });
  });

  it('an annual summary plans the next year', () => {
    expect(buildDocument('园区2023年工作总结\n一、主要工作完成情况\n').years).toMatchObject({ summary: 2023, plan: 2024 });
  });

  itCorpus('every corpus report: a government report with its year from the title or the dateline', () => {
    for (const f of corpusFiles()) {
      const doc = buildDocument(corpus(f));
      const y = Number(/(\d{4})/.exec(f)![1]);
      expect([f, doc.kind, doc.years.report, doc.years.summary, doc.years.plan]).toEqual([f, 'government-report', y, y - 1, y]);
    }
  });

  itCorpus('every corpus report: dated sections name the year they should', () => {
    for (const f of corpusFiles()) {
      const doc = buildDocument(corpus(f));
      for (const h of doc.roots) {
        if (h.year === undefined || h.kind === 'multi-year' || h.kind === 'other') continue;
        expect([f, h.text, h.year]).toEqual([f, h.text, h.kind === 'summary' ? doc.years.summary : doc.years.plan]);
      }
    }
  });
});

describe('time frame (doc.timeFrameAt)', () => {
  it('seed 000: the preamble and the summary are about 2023, the plan (with its restarted run) about 2024', () => {
    const doc = buildDocument(seed('000'));
    expect(doc.timeFrameAt(doc.text.indexOf('2023年是全面贯彻'))).toMatchObject({ kind: 'summary', year: 2023 });
    expect(doc.timeFrameAt(doc.text.indexOf('深入实施精准招商'))).toMatchObject({ kind: 'summary', year: 2023 });
    expect(doc.timeFrameAt(doc.text.indexOf('加速聚集优质项目'))).toMatchObject({ kind: 'plan', year: 2024 });
    expect(doc.expectedYear('plan')).toBe(2024);
  });

  itCorpus('a five-year review is multi-year; the tasks are about the report year', () => {
    const doc = buildDocument(corpus('gwr_national_2018.txt'));
    expect(doc.timeFrameAt(doc.text.indexOf('（一）坚持稳中求进')).kind).toBe('multi-year');
    expect(doc.timeFrameAt(doc.text.indexOf('（一）深入推进供给侧'))).toMatchObject({ kind: 'plan', year: 2018 });
  });
});

describe('the report year from all its evidence (issue 12)', () => {
  const CITY = '各位代表：\n现在，我代表市人民政府，向大会报告政府工作，请予审议。\n';

  it('a speech-form report without title is a government report; section titles on their own lines are headings', () => {
    const doc = buildDocument(`${CITY}2023年工作回顾\n一年来，我们拼搏实干。\n（一）经济稳中向好。\n2024年工作安排建议\n今年是新中国成立75周年。\n一、推进产业升级\n`);
    expect(doc.title).toBeUndefined();
    expect(doc.kind).toBe('government-report');
    expect(doc.years).toMatchObject({ report: 2024, summary: 2023, plan: 2024, source: 'sections' });
    expect(doc.roots.map((h) => [h.text, h.kind, h.year, h.marker])).toEqual([
      ['2023年工作回顾', 'summary', 2023, undefined],
      ['2024年工作安排建议', 'plan', 2024, undefined],
    ]);
    expect(doc.roots[1].children.map((h) => h.text)).toEqual(['推进产业升级']);
  });

  it('a work report titled by its year keeps its title', () => {
    const doc = buildDocument('2023年工作总结\n一、主要成绩\n园区运行平稳。\n二、2024年工作计划\n');
    expect(doc.title?.text).toBe('2023年工作总结');
    expect(doc.kind).toBe('work-report');
  });

  it('the odd one out: a title against the dateline and every section', () => {
    const doc = buildDocument('2025年政府工作报告\n——2024年1月15日在市第十届人民代表大会第三次会议上\n一、2023年工作回顾\n二、2024年主要任务\n');
    expect(doc.years).toMatchObject({ report: 2024, source: 'dateline' });
    expect(doc.years.outliers?.map((x) => [x.what, x.year, x.expect(2024)])).toEqual([['title', 2025, 2024]]);
  });

  it('a tie between two pieces is no odd one out without the text', () => {
    const doc = buildDocument('2025年政府工作报告\n——2024年1月15日在会议上\n');
    expect(doc.years.report).toBe(2025);
    expect(doc.years.outliers).toBeUndefined();
  });

  it('the text breaks a tie: sections run into one line, 今年是…周年, the NPC session of the dateline', () => {
    const run = buildDocument(`${CITY.replace('\n', '')}一、2023年工作回顾 2023年，全市经济回升向好。二、2024年工作安排 今年是新中国成立75周年。`);
    expect(run.years).toMatchObject({ report: 2024, summary: 2023 });
    const tie = buildDocument(`${CITY}一、2024年工作回顾\n过去一年极不平凡。\n二、2024年工作安排\n今年是新中国成立75周年，是澳门回归祖国25周年。\n`);
    expect(tie.years.report).toBe(2024);
    const npc = buildDocument('政府工作报告\n——2014年3月5日在第十二届全国人民代表大会第二次会议上\n一、2013年工作回顾\n二、2014年工作总体部署\n');
    expect(npc.years).toMatchObject({ report: 2014 });
    const odd = buildDocument('政府工作报告\n——2015年3月5日在第十二届全国人民代表大会第二次会议上\n过去一年成绩显著。\n');
    expect(odd.years.outliers?.map((x) => [x.what, x.year])).toEqual([['dateline', 2015]]);
  });

  it('`主要工作` before the next year\'s tasks is the review', () => {
    const doc = buildDocument(`${CITY}一、2023年主要工作\n全年经济平稳。\n二、2024年主要目标和重点工作\n`);
    expect(doc.roots.map((h) => [h.kind, h.year])).toEqual([
      ['summary', 2023],
      ['plan', 2024],
    ]);
    expect(doc.years.report).toBe(2024);
  });
});

