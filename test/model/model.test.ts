import { describe, expect, it } from 'vitest';
import { buildDocument, type Heading } from '../../rules/model/document';
import { MASK } from '../../rules/model/prose';
import { corpus, itCorpus, lineOf, seed } from '../helpers/fixtures';

/** Compact outline: marker+text (first 12 chars) with children, for comparing trees. */
function outline(hs: Heading[]): unknown[] {
  return hs.map((h) => {
    const label = (h.marker?.text ?? '#') + h.text.slice(0, 6);
    return h.children.length ? [label, outline(h.children)] : label;
  });
}

describe('title and years', () => {
  it('seed 000: title, kind, summary and plan years, section years and kinds', () => {
    const doc = buildDocument(seed('000'), { filename: '000.txt' });
    expect(doc.title?.text).toBe('绿建区2023年工作总结及2024年工作思路');
    // the body's title line (24), not the web page's labelled copy (15, 20)
    expect(lineOf(doc.text, doc.title!.offset)).toBe(24);
    expect(doc.kind).toBe('work-report');
    expect(doc.years).toMatchObject({ summary: 2023, plan: 2024, source: 'title' });
    expect(doc.title!.years.map((y) => [y.year, y.role])).toEqual([
      [2023, 'summary'],
      [2024, 'plan'],
    ]);
    const [one, two] = doc.roots;
    expect([one.text, one.kind, one.year]).toEqual(['2023年工作总结', 'summary', 2023]);
    expect([two.text, two.kind, two.year]).toEqual(['2024年工作打算', 'plan', 2024]);
    // a sentence inside 二、's restarted run belongs to the plan section of 2024
    const off = doc.text.indexOf('加速聚集优质项目');
    expect(doc.sectionAt(off)).toMatchObject({ kind: 'plan', year: 2024 });
    expect(doc.sectionAt(doc.text.indexOf('深入实施精准招商'))).toMatchObject({ kind: 'summary', year: 2023 });
    // the preamble before 一、 is in no section
    expect(doc.sectionAt(doc.text.indexOf('2023年是全面贯彻')).headings).toEqual([]);
  });

  it('seed 001: a title wrapped over two lines', () => {
    const doc = buildDocument(seed('001'), { filename: '001.txt' });
    expect(doc.title?.text).toBe('生态园区2022年工作总结和2023年工作思路');
    expect(doc.title!.blocks).toHaveLength(2);
    expect(lineOf(doc.text, doc.title!.offset)).toBe(7);
    expect(lineOf(doc.text, doc.title!.endOffset)).toBe(9);
    expect(doc.years).toMatchObject({ summary: 2022, plan: 2023 });
    expect(doc.roots.map((h) => [h.text, h.kind, h.year])).toEqual([
      ['2022年工作总结', 'summary', 2022],
      ['2023年工作思路', 'plan', 2023],
    ]);
  });

  itCorpus('a government report: 2018政府工作报告 without 年, its review and tasks', () => {
    const doc = buildDocument(corpus('gwr_national_2018.txt'));
    expect(doc.kind).toBe('government-report');
    expect(doc.years).toMatchObject({ report: 2018, summary: 2017, plan: 2018, source: 'title' });
    expect(doc.roots.map((h) => [h.marker!.text, h.kind, h.year])).toEqual([
      ['一、', 'multi-year', undefined],
      ['二、', 'plan', 2018],
      ['三、', 'plan', 2018],
    ]);
    expect(doc.roots[2].text).toBe('对2018年政府工作的建议');
  });

  itCorpus('a letter-spaced title without a year takes the dateline year', () => {
    const doc = buildDocument(corpus('gwr_hailar_district_2012.txt'));
    expect(doc.title?.text).toBe('政府工作报告');
    expect(doc.dateline?.year).toBe(2012);
    expect(doc.years).toMatchObject({ report: 2012, summary: 2011, plan: 2012, source: 'dateline' });
  });

  itCorpus('a dateline without any title', () => {
    const doc = buildDocument(corpus('gwr_hailar_district_2017.txt'));
    expect(doc.title).toBeUndefined();
    expect(doc.kind).toBe('government-report');
    expect(doc.years.report).toBe(2017);
  });

  it('the configured year overrides the inferred one', () => {
    const doc = buildDocument(seed('000'), { year: 2030 });
    expect(doc.years).toMatchObject({ summary: 2030, plan: 2031, source: 'setting' });
  });

  it('news pages have no title year', () => {
    for (const id of ['002', '003'] as const) {
      const doc = buildDocument(seed(id));
      expect(doc.years.source).toBe('none');
      expect(doc.headings).toHaveLength(0);
    }
  });
});

describe('heading tree', () => {
  it('seed 000: wrong-form markers, and the restarted run nested under 二、', () => {
    const doc = buildDocument(seed('000'));
    expect(outline(doc.roots.slice(0, 2))).toEqual([
      [
        '一、2023年工',
        [
          ['(一)紧扣“强产业', ['1、深入实施精准', '2、强势推进项目', '3、持续巩固产业', '4、不断强化人才']],
          ['(二)擦亮“金招牌', ['1、科创平台积蓄', '2、绿建推广有力', '3、中外合作扩大']],
          ['(三)广泛“聚合力', ['1、建章立制优管', '2、党建引领促发', '3、群团组织显活']],
        ],
      ],
      [
        '二、2024年工',
        [
          ['一、挖掘新潜能,', ['1、加速聚集优质', '2、精心做好企业', '3、加快公司市场']],
          ['二、激发新动能,', ['1、不断优化创新', '2、突出示范项目']],
          ['三、塑造新优势,', ['1、耦合互动,做', '2、提升能级,深']],
          ['四、实现新提升,', ['1、以强化组织保', '2、以严格制度落']],
        ],
      ],
    ]);
    // the web page's `打印 下载本信息公开文件` after the report opens a part of its own
    expect(doc.roots).toHaveLength(3);
    expect(doc.roots[2].part).toBe('chrome');
    expect(doc.roots[2].text).toMatch(/^打印\s+下载本信息公开文件/);
    const restart = doc.headings.find((h) => h.restartOf);
    expect(restart?.text).toBe('挖掘新潜能,在发展质效上更有后劲');
    expect(lineOf(doc.text, restart!.block.start)).toBe(63);
    const m = doc.headings.find((h) => h.marker?.text === '1、')!.marker!;
    expect(m).toMatchObject({ type: 'arabic', level: 3, value: 1, canonical: '1.', problems: ['arabic-dun'] });
    const p = doc.headings.find((h) => h.marker?.text === '(一)')!.marker!;
    expect(p).toMatchObject({ type: 'paren-cn', level: 2, canonical: '（一）', problems: ['halfwidth-paren'] });
  });

  it('seed 001: a heading text ends at the first 。 when the body follows', () => {
    const doc = buildDocument(seed('001'));
    const summary = doc.roots[0];
    expect(summary.children.map((h) => h.marker!.text)).toEqual(['(一)', '(二)', '(三)', '(四)', '(五)', '(六)']);
    expect(summary.children.map((h) => h.children.length)).toEqual([3, 4, 3, 3, 3, 3]);
    expect(summary.children[0].children[0].text).toBe('项目招引协同推进');
    const plan = doc.roots[1];
    expect(plan.children).toHaveLength(3);
    expect(plan.children[0].text).toBe('始终坚持招商引资"一个核心",实现招大引优新突破');
  });

  it('seed 004: a template report without a title, eight (一)…(八) sections in the summary', () => {
    const doc = buildDocument(seed('004'));
    expect(doc.roots.map((h) => h.marker!.text + h.text)).toEqual(['一、xxxx年工作情况', '二、xxxx年工作打算']);
    expect(doc.roots[0].kind).toBe('summary');
    expect(doc.roots[1].kind).toBe('plan');
    expect(doc.roots[0].children.map((h) => h.marker!.value)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(doc.roots[1].children.map((h) => h.marker!.value)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(doc.years.source).toBe('none');
  });

  it('wrong forms are recognised as headings', () => {
    const text = ['一.总体情况', '(一)项目', '1．招商', '１.载体', '(1)细项', '（一）、平台', '（ 2 ）服务', '①要素'].join('\n');
    const doc = buildDocument(text);
    expect(doc.headings.map((h) => [h.marker!.type, h.marker!.value, h.marker!.problems])).toEqual([
      ['cn', 1, ['cn-dot']],
      ['paren-cn', 1, ['halfwidth-paren']],
      ['arabic', 1, ['fullwidth-dot']],
      ['arabic', 1, ['fullwidth-digit']],
      ['paren-arabic', 1, ['halfwidth-paren']],
      ['paren-cn', 1, ['trailing-mark']],
      ['paren-arabic', 2, ['inner-space']],
      ['circled', 1, []],
    ]);
  });

  it('numbers are not headings: 1.5万元, 2023年, 一是, 一年来', () => {
    const doc = buildDocument(['1.5万元用于补贴。', '2023年，园区实现产值。', '一是加强领导。', '一年来，园区发展良好。', '10.5%的增幅'].join('\n'));
    expect(doc.headings).toHaveLength(0);
  });
});

describe('formats', () => {
  const md = [
    '# 绿建区2023年工作总结及2024年工作思路',
    '',
    '## 一、2023年工作总结',
    '',
    '（一）项目建设。全年新增项目6个，详见 `report.xlsx` 与 [附件](https://example.com/a-b-c)。',
    '',
    '1. 列表中的一项',
    '2. 列表中的另一项',
    '',
    '<!-- report-lint-disable heading-marker -->',
    '',
    '```',
    '1、代码块里的文字',
    '```',
    '',
    '## 二、2024年工作思路',
    '',
    '一是加强领导。二是完善机制。',
  ].join('\n');

  it('a Markdown report: # title, ## ordinal headings, lists are not headings, syntax is masked', () => {
    const doc = buildDocument(md, { filename: 'report.md' });
    expect(doc.format).toBe('markdown');
    expect(doc.title?.text).toBe('绿建区2023年工作总结及2024年工作思路');
    expect(doc.years).toMatchObject({ summary: 2023, plan: 2024 });
    expect(outline(doc.roots)).toEqual([['一、2023年工', ['（一）项目建设']], '二、2024年工']);
    expect(doc.roots[0].mdDepth).toBe(2);
    // list items `1. …` stay lists
    expect(doc.headings.some((h) => h.marker?.type === 'arabic')).toBe(false);
    // code span, link target, code block and HTML comment are masked; link text is prose
    const p = doc.prose;
    expect(p.slice(md.indexOf('`report'), md.indexOf('`report') + 13)).toBe(MASK.repeat(13));
    expect(p.includes('https://')).toBe(false);
    expect(p.includes('附件')).toBe(true);
    expect(p.includes('代码块')).toBe(false);
    expect(p.includes('report-lint-disable')).toBe(false);
    expect(p.includes('## ')).toBe(false);
    expect(p.length).toBe(md.length);
    expect(doc.directives).toEqual([expect.objectContaining({ kind: 'disable', rules: ['heading-marker'] })]);
  });

  it('the same report as .txt: every line a block, `1. 项目` a heading', () => {
    const txt = ['绿建区2023年工作总结及2024年工作思路', '一、2023年工作总结', '1. 项目建设', '2. 载体建设', '二、2024年工作思路'].join('\r\n');
    const doc = buildDocument(txt, { filename: 'report.txt' });
    expect(doc.format).toBe('text');
    expect(outline(doc.roots)).toEqual([['一、2023年工', ['1.项目建设', '2.载体建设']], '二、2024年工']);
    expect(doc.blocks).toHaveLength(5);
    expect(doc.prose).toBe(txt);
  });

  it('Markdown ordinals on consecutive lines of one paragraph are separate headings', () => {
    const doc = buildDocument('一、总结\n（一）项目\n1.招商\n正文继续。', { filename: 'a.md' });
    expect(outline(doc.roots)).toEqual([['一、总结', [['（一）项目', ['1.招商']]]]]);
  });

  it('URLs and e-mail addresses in text are not prose', () => {
    const t = '详见http://www.gov.cn/a-b,c 或来信admin@example.com。';
    const doc = buildDocument(t);
    expect(doc.prose.includes('gov.cn')).toBe(false);
    expect(doc.prose.includes('example.com')).toBe(false);
    expect(doc.prose.startsWith('详见')).toBe(true);
  });
});

describe('sentences and enumerations', () => {
  it('splits sentences at 。！？ keeping closing quotes', () => {
    const doc = buildDocument('他说：“好。”我们继续！真的吗？最后一句');
    expect(doc.sentences.map((s) => doc.text.slice(s.start, s.end))).toEqual(['他说：“好。”', '我们继续！', '真的吗？', '最后一句']);
  });

  it('reads 一是…二是…, 第一，第二，, 首先…其次…, not 统一是 or 之一是', () => {
    const doc = buildDocument('1.深入实施精准招商。一是精心绘制图谱。二是统一是关键，之一是目标。三是强化服务。第一，坚持。第二，落实。首先，学习；其次，实践。');
    const shi = doc.enumerations.filter((e) => e.style === 'shi');
    expect(shi).toHaveLength(1);
    expect(shi[0].items.map((i) => i.value)).toEqual([1, 2, 3]);
    expect(doc.enumerations.find((e) => e.style === 'di')!.items.map((i) => i.value)).toEqual([1, 2]);
    expect(doc.enumerations.find((e) => e.style === 'order-words')!.items.map((i) => i.value)).toEqual([1, 2]);
  });

  it('an enumeration continues into the next paragraph when it opens with the next marker', () => {
    const doc = buildDocument('（一）抓好产业发展\n一是抓好传统产业转型升级。\n二是抓好新兴产业培育。\n（二）抓好项目建设\n一是抓好项目引进。');
    const shi = doc.enumerations.filter((e) => e.style === 'shi');
    expect(shi.map((e) => e.items.map((i) => i.value))).toEqual([[1, 2], [1]]);
  });

  it('web page junk around the report does not break the model', () => {
    const doc = buildDocument(seed('000'));
    expect(doc.roots).toHaveLength(3);
    const last = doc.blocks[doc.blocks.length - 1];
    expect(doc.text.slice(last.start, last.end)).toContain('苏ICP备');
    // the page's footer (`打印 下载…`, copyright) is a part of its own, in no section of the report
    expect(doc.sectionAt(last.start).headings.map((h) => h.part)).toEqual(['chrome']);
    expect(doc.sectionAt(last.start).kind).toBe('other');
  });
});
