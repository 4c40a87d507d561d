// Plain runs of Markdown (paragraphs and `#` headings without inline syntax) are read without remark
// (rules/model/markdown-chunks.ts, prose.ts). What they give must be exactly what remark gives.
import { describe, expect, it } from 'vitest';
import { buildProse } from '../../rules/model/prose';
import { LineIndex } from '../../rules/model/lines';
import { markdownChunks, plainLineKind } from '../../rules/model/markdown-chunks';
import { corpus, corpusFiles, itCorpus, seed, SEEDS, type SeedId } from '../helpers/fixtures';

const WHOLE = Number.POSITIVE_INFINITY;

function both(text: string, minPlain = 0) {
  const lines = new LineIndex(text);
  return {
    fast: buildProse(text, 'markdown', lines, { minChunk: WHOLE, minPlain }),
    remark: buildProse(text, 'markdown', lines, { minChunk: WHOLE, plain: false }),
    plainChunks: markdownChunks(text, { minChunk: WHOLE, minPlain }).filter((c) => c.mode === 'plain').length,
  };
}

function expectSame(text: string, minPlain = 0): number {
  const { fast, remark, plainChunks } = both(text, minPlain);
  expect(fast.text).toBe(remark.text);
  expect(fast.blocks).toEqual(remark.blocks);
  expect(fast.directives).toEqual(remark.directives);
  return plainChunks;
}

// Lines a report in Markdown may hold, plain and not, including every near miss of plainLineKind.
const LINES = [
  '绿建区2023年工作总结',
  '一、2023年工作总结',
  '（一）项目建设。全年新增项目6个，同比增长X%。',
  '1.深入实施精准招商。一是精心绘制招商图谱。',
  '1、加强组织领导',
  '2023年1-9月，实现地区生产总值X亿元;完成固定资产投资12.5亿元,同比增长3%:',
  '  • 砥砺奋进',
  '   三个空格缩进的续行',
  '    四个空格：缩进代码或续行',
  '\t制表符开头',
  '　　全角空格缩进的段落。',
  '行尾两个空格  ',
  '行尾一个空格 ',
  '行尾制表符\t',
  '中间	有制表符',
  '# 标题',
  '## 一、2024年工作思路',
  '###### 六级标题',
  '####### 七个井号',
  '#没有空格',
  '# 标题 #',
  '# 标题#号',
  '#',
  '  ## 缩进的标题',
  '#\t制表符后的标题',
  '- 列表',
  '+ 列表',
  '* 列表',
  '1. 有序列表',
  '2) 有序列表',
  '10.数字后没有空格',
  '> 引用',
  '>引用',
  '```',
  '~~~',
  '~ 波浪号开头',
  '中间~波浪号~',
  '===',
  '---',
  '***',
  '___',
  '<!-- report-lint-disable heading-marker -->',
  '<div>',
  '</div>',
  '文字<b>粗</b>',
  '文字&amp;实体',
  '文字\\*转义',
  '**加粗**文字',
  '_下划线_',
  '`代码`',
  '[链接](https://example.com)',
  '![图](a.png)',
  '见 https://example.com/a-b 与 a@b.cn',
  '表格 | 一 | 二 |',
  '|---|---|',
  '感叹号!和冒号: 以及括号(一)',
  '\u00a0不换行空格开头',
  '\ufeff带BOM',
  'NUL\u0000字符',
  '',
  '',
  '',
  '   ',
  '\t',
];

/** A deterministic pseudo-random generator (mulberry32), so that a failure can be replayed. */
function rng(seedValue: number): () => number {
  let a = seedValue >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('plain Markdown runs read without remark', () => {
  it('classifies lines as remark reads them', () => {
    expect(plainLineKind('一、2023年工作总结')).toBe('paragraph');
    expect(plainLineKind('  • 砥砺奋进')).toBe('paragraph');
    expect(plainLineKind('## 一、2024年工作思路')).toBe('heading');
    for (const l of ['- 列表', '1. 有序列表', '    缩进', '行尾  ', '# 标题 #', '#没有空格', '`代码`', '文字&amp;', '===']) {
      expect(plainLineKind(l), l).toBeUndefined();
    }
  });

  it.each(Object.keys(SEEDS) as SeedId[])('seed %s as Markdown: the same prose as remark, and read plain', (id) => {
    expect(expectSame(seed(id), 512)).toBeGreaterThan(0);
  });

  itCorpus('the corpus as Markdown: the same prose as remark', () => {
    let plain = 0;
    for (const f of corpusFiles()) plain += expectSame(corpus(f), 512);
    expect(plain).toBeGreaterThan(10);
  });

  // PLAIN_SEED and PLAIN_DOCS replay a failure or widen the search (120,000 documents over six seeds passed).
  it('random documents of plain and near-plain lines: the same prose as remark', () => {
    const next = rng(Number(process.env.PLAIN_SEED ?? 20261130));
    const endings = ['\n', '\n', '\n', '\r\n', '\r'];
    let plain = 0;
    for (let doc = 0; doc < Number(process.env.PLAIN_DOCS ?? 3000); doc++) {
      const n = 1 + Math.floor(next() * 14);
      let text = '';
      for (let i = 0; i < n; i++) {
        // mostly plain lines and blank lines, so that plain runs meet every other construct at their edges
        const r = next();
        const line = r < 0.2 ? '' : r < 0.6 ? LINES[Math.floor(next() * 11)] : LINES[Math.floor(next() * LINES.length)];
        text += line + (i < n - 1 || next() < 0.5 ? endings[Math.floor(next() * endings.length)] : '');
      }
      const { fast, remark, plainChunks } = both(text);
      plain += plainChunks;
      if (fast.text !== remark.text || JSON.stringify(fast.blocks) !== JSON.stringify(remark.blocks)) {
        expect({ text, blocks: fast.blocks, prose: fast.text }).toEqual({ text, blocks: remark.blocks, prose: remark.text });
      }
      expect(fast.directives).toEqual(remark.directives);
    }
    // the generator does exercise the plain path
    expect(plain).toBeGreaterThan(1000);
  });

  it('a document with a link reference definition is parsed by remark throughout', () => {
    const text = `${'正文段落。\n\n'.repeat(100)}引用[附件一]。\n\n${'正文段落。\n\n'.repeat(100)}[附件一]: https://example.com/one\n`;
    expect(markdownChunks(text).every((c) => c.mode !== 'plain')).toBe(true);
    expectSame(text);
  });

  it('plain runs leave fenced code, HTML comments and lists to remark', () => {
    const body = '（一）项目建设。全年新增项目6个。\n\n'.repeat(40);
    const text = `${body}\`\`\`\n${body}\`\`\`\n\n${body}<!--\n${body}-->\n\n${body}- 列表\n\n  续行\n\n${body}`;
    const chunks = markdownChunks(text);
    expect(chunks.filter((c) => c.mode === 'plain').length).toBe(4);
    for (const c of chunks.filter((x) => x.mode === 'plain')) {
      expect(text.slice(c.start, c.end)).not.toMatch(/```|<!--|-->|- 列表|续行/);
    }
    expectSame(text, 512);
  });
});
