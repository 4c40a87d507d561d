// The report's parts (appendices, notes, page chrome, section titles on lines of their own) and the markers the model
// reads where a plain reading fails (split over two lines, an item number before digits).
import { describe, expect, it } from 'vitest';
import { buildDocument, type Heading } from '../../rules/model/document';
import { partLabelKind } from '../../rules/model/structure';

const label = (h: Heading) => (h.marker?.canonical ?? (h.part ? `[${h.part}]` : '#')) + h.text.slice(0, 4);
function outline(hs: Heading[]): unknown[] {
  return hs.map((h) => (h.children.length ? [label(h), outline(h.children)] : label(h)));
}

describe('parts numbered afresh', () => {
  it('an appendix holds its own list, outside the body', () => {
    const doc = buildDocument('一、总体要求\n二、重点任务\n附件1：重点项目清单\n一、产业项目\n二、民生项目\n三、基础设施项目');
    expect(outline(doc.roots)).toEqual(['一、总体要求', '二、重点任务', ['[appendix]附件1：', ['一、产业项目', '二、民生项目', '三、基础设施']]]);
    expect(doc.roots[2].kind).toBe('other');
  });

  it('notes, glossaries and page chrome are parts; the same words inside a sentence are not', () => {
    for (const [line, kind] of [
      ['名词解释', 'notes'],
      ['注释：', 'notes'],
      ['附注：', 'notes'],
      ['附件', 'appendix'],
      ['附件2', 'appendix'],
      ['附件：2024年民生实事项目', 'appendix'],
      ['附表1', 'appendix'],
      ['相关报道', 'chrome'],
      ['【相关阅读】', 'chrome'],
      ['打印 下载', 'chrome'],
      ['【打印本页】【关闭窗口】', 'chrome'],
      ['责任编辑：王某', 'chrome'],
      ['版权所有：某市人民政府办公室', 'chrome'],
      ['Copyright © 2024', 'chrome'],
    ] as const) {
      expect(partLabelKind(line), line).toBe(kind);
    }
    for (const line of ['附件材料已按要求报送。', '附件材料已按要求报送', '附表填报工作全面完成', '注释工作已完成，共整理档案1200卷。', '相关报道显示，全市经济稳中向好。', '打印机采购项目已完成招标。', '来源：市统计局']) {
      expect(partLabelKind(line), line).toBeUndefined();
    }
  });

  it('a part label before the body is the page header, not a part', () => {
    const doc = buildDocument('相关阅读:\n某区2023年工作总结\n一、2023年工作总结\n二、2024年工作打算');
    expect(doc.headings.some((h) => h.part)).toBe(false);
  });

  it('section titles on lines of their own open a section when the numbering starts again after them', () => {
    const text = [
      '各位代表：',
      '2023年工作回顾',
      '过去一年，我们主要做了以下工作。',
      '（一）经济运行回升向好。',
      '（二）产业结构持续优化。',
      '2024年工作安排',
      '今年政府工作的总体要求是稳中求进。',
      '（一）着力扩大有效需求。',
      '1.扩大有效投资。',
      '2.提振消费需求。',
      '（二）着力建设现代化产业体系。',
      '全面加强政府自身建设',
      '（一）坚持依法行政。',
    ].join('\n');
    const doc = buildDocument(text);
    // the titles that name a kind and a year are top-level headings by themselves (title.ts bareSectionKind); the
    // one found by the restart after it is their sibling
    expect(outline(doc.roots)).toEqual([
      ['#2023', ['（一）经济运行', '（二）产业结构']],
      ['#2024', [['（一）着力扩大', ['1.扩大有效', '2.提振消费']], '（二）着力建设']],
      ['#全面加强', ['（一）坚持依法']],
    ]);
    const plan = doc.roots[1];
    expect(plan).toMatchObject({ bare: true, kind: 'plan', year: 2024, rank: 0 });
    // what the sections hold is read in them
    expect(doc.sectionAt(text.indexOf('扩大有效投资')).kindHeading).toBe(plan);
  });

  it('no section title where the numbering goes on, nor on a wrapped line', () => {
    // a short line between （二） and （三） opens nothing
    const a = buildDocument('（一）经济运行回升向好。\n（二）产业结构持续优化。\n新兴产业加快发展\n（三）民生福祉不断增进。');
    expect(a.headings.some((h) => h.bare)).toBe(false);
    // a line cut mid-sentence is no title, even when the numbering starts again after it
    const b = buildDocument('（一）产业发展稳中有进。\n（二）城乡建设成效明显，新建道路\n十二公里\n（一）民生保障更加有力。');
    expect(b.headings.some((h) => h.bare)).toBe(false);
    // nor right after a heading line: a wrapped heading reads the same as a title after it
    const c = buildDocument('（一）经济运行回升向好\n（二）产业结构持续优化\n今年的工作安排\n（一）着力扩大有效需求');
    expect(c.headings.some((h) => h.bare)).toBe(false);
  });
});

describe('markers read from their neighbours', () => {
  it('a marker split over two lines is one heading, （三）, and the run reads 一…五', () => {
    const text = '（一）稳住经济大盘。\n（二）壮大实体经济。\n（\n三）深化改革开放。\n（四）推动城乡融合。\n（五）加强生态保护。';
    const doc = buildDocument(text);
    expect(doc.roots.map((h) => h.marker!.value)).toEqual([1, 2, 3, 4, 5]);
    const h = doc.roots[2];
    expect(h.marker).toMatchObject({ type: 'paren-cn', value: 3, canonical: '（三）', problems: ['split'], split: { alone: true, between: '\n' } });
    expect(text.slice(h.marker!.offset, h.marker!.endOffset)).toBe('（\n三）');
    expect(text.slice(h.marker!.numeralOffset, h.marker!.numeralEndOffset)).toBe('三');
    expect(h.text).toBe('深化改革开放');
    // the line holding the head alone opens no heading of its own
    expect(doc.headings).toHaveLength(5);
  });

  it('an item number before digits is an item where its neighbours say so, a decimal elsewhere', () => {
    const glossary = '名词解释\n1.“两新”：指设备更新和以旧换新。\n2.“三个一批”：指签约、开工、投产各一批。\n3.2025年目标：指中期发展目标。\n4.5G+工业互联网：指两者融合应用。\n5.“链长制”：指产业链链长工作机制。';
    const doc = buildDocument(glossary);
    expect(doc.headings.filter((h) => h.marker).map((h) => h.marker!.value)).toEqual([1, 2, 3, 4, 5]);
    expect(doc.headings.find((h) => h.marker?.value === 3)!.text).toBe('2025年目标：指中期发展目标');
    // the last of a list: an item when no measure follows the digits
    expect(buildDocument('1.加快项目建设。\n2.优化营商环境。\n3.5G基站新建1200个。').headings.map((h) => h.marker?.value)).toEqual([1, 2, 3]);
    expect(buildDocument('1.加快项目建设。\n2.优化营商环境。\n3.5万亩高标准农田建成。').headings.map((h) => h.marker?.value)).toEqual([1, 2]);
    // no list around it: a number
    expect(buildDocument('20.2026年，全市生产总值预计突破万亿元。').headings).toHaveLength(0);
  });
});

describe('headings run into the paragraph before them', () => {
  it('the value a run misses, after a sentence end in the section between its neighbours, is that heading', () => {
    const text = '（一）稳住工业基本盘。\n（二）扩大有效投资。重点项目超额完成。 （三）深化重点领域改革。政务服务全部网上可办。\n（四）守牢安全底线。';
    const doc = buildDocument(text);
    expect(doc.roots.map((h) => h.marker!.value)).toEqual([1, 2, 3, 4]);
    const h = doc.roots[2];
    expect(h.inline).toBe(true);
    expect(h.marker).toMatchObject({ type: 'paren-cn', value: 3, problems: ['inline'] });
    expect(text.slice(h.marker!.inline!.breakStart, h.marker!.offset)).toBe(' ');
    expect(h.text).toBe('深化重点领域改革');
    // its section starts at the marker: the sentence before it is still （二）'s
    expect(h.block.start).toBe(h.marker!.offset);
    expect(h.block.line).toBe(1);
    expect(doc.roots[1].sectionEnd).toBe(h.marker!.offset);
    expect(doc.sectionAt(text.indexOf('重点项目')).headings[0]).toBe(doc.roots[1]);
    expect(doc.sectionAt(text.indexOf('政务服务')).headings[0]).toBe(h);
    expect(doc.inlineHeadings).toEqual([{ marker: h.marker, heading: h }]);
  });

  it('nothing is read where no run misses the value, or the marker follows no sentence end', () => {
    for (const text of [
      '（一）稳住工业基本盘。\n（二）扩大有效投资。（三）类项目优先保障。\n（三）守牢安全底线。',
      '（一）稳住工业基本盘。\n（二）扩大有效投资，（三）类项目优先保障。\n（四）守牢安全底线。',
      '（一）稳住工业基本盘。\n（二）扩大有效投资。（四）类项目优先保障。\n（四）守牢安全底线。',
    ]) {
      const doc = buildDocument(text);
      expect(doc.headings.some((h) => h.inline), text).toBe(false);
    }
  });

  it('a report on one line: a run of markers after sentence ends, each short title ending at a blank', () => {
    const text = '各位代表：现在我代表市人民政府报告工作。 一、2023年工作回顾 2023年是开局之年。（一）经济稳中向好。（二）民生持续改善。 二、2024年工作安排 2024年是关键一年。三、全面加强政府自身建设 新形势提出新要求。';
    const doc = buildDocument(text);
    expect(doc.headings).toHaveLength(0);
    const shown = doc.inlineHeadings.map((h) => [h.marker.canonical, h.titleBlank === undefined ? undefined : text.slice(h.marker.endOffset, h.titleBlank)]);
    expect(shown).toEqual([
      ['一、', '2023年工作回顾'],
      ['（一）', undefined],
      ['（二）', undefined],
      ['二、', '2024年工作安排'],
      ['三、', '全面加强政府自身建设'],
    ]);
    // a single marker after a sentence end makes no run
    expect(buildDocument('会议听取了有关汇报。一、加强基础设施建设 5G基站实现全覆盖。').inlineHeadings).toEqual([]);
  });
});
