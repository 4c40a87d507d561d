// Markdown is parsed in chunks (rules/model/markdown-chunks.ts): cutting must not change what is prose.
import { describe, expect, it } from 'vitest';
import { buildProse } from '../../rules/model/prose';
import { LineIndex } from '../../rules/model/lines';
import { markdownChunks, MAX_MARKDOWN_CHUNK } from '../../rules/model/markdown-chunks';
import { seed } from '../helpers/fixtures';

function prose(text: string, minChunk: number) {
  return buildProse(text, 'markdown', new LineIndex(text), minChunk);
}

const PIECES = [
  '# 绿建区2023年工作总结及2024年工作思路',
  '## 一、2023年工作总结',
  '（一）项目建设。全年新增项目6个，详见`report.xlsx`与[附件](https://example.com/a-b)。',
  '- 列表一：**加粗**的文字\n- 列表二\n\n  列表二的第二段，缩进续行。\n- 列表三',
  '1. 有序列表\n2. 第二项',
  '> 引用的文字，\n> 引用续行。\n>\n> 引用第二段。',
  '```\n1、代码块里的文字\n\n代码块里空行之后\n```',
  '~~~md\n# 不是标题\n\n~~~',
  '<!--\n被注释掉的段落：同比增长X%。\n\n注释里的空行之后\n-->',
  '<!-- report-lint-disable heading-marker -->',
  '<pre>\n预格式文本\n\n空行之后\n</pre>',
  '    缩进代码块\n\n    空行之后的缩进代码',
  '[附件一]: https://example.com/one',
  '正文段落，引用[附件一]。',
  '标题下划线\n======',
  '***',
  '<div>\nHTML块\n</div>',
  '一、2024年工作思路\n（一）招商引资\n1.深入实施精准招商。一是精心绘制招商图谱。',
];

describe('Markdown chunks', () => {
  it('cutting at every possible boundary gives the same prose, blocks and directives as one parse', () => {
    // shuffled and repeated so that every construct stands before and after every other one
    let doc = '';
    for (let i = 0; i < PIECES.length * 3; i++) doc += PIECES[(i * 7) % PIECES.length] + '\n\n';
    doc += seed('000');
    const whole = prose(doc, Number.POSITIVE_INFINITY);
    const cut = prose(doc, 1);
    expect(markdownChunks(doc, 1).length).toBeGreaterThan(20);
    // link references defined in another chunk are the one documented difference: compare without them
    const strip = (s: string) => s.replace(/[[\uFFFC]附件一[\]\uFFFC]/g, '附件一');
    expect(strip(cut.text)).toBe(strip(whole.text));
    expect(cut.blocks).toEqual(whole.blocks);
    expect(cut.directives).toEqual(whole.directives);
  });

  it('never cuts inside fenced code, HTML blocks that run over blank lines, lists or blockquotes', () => {
    const doc = PIECES.join('\n\n');
    for (const c of markdownChunks(doc, 1)) {
      const head = doc.slice(c.start, c.start + 12);
      expect(head).not.toMatch(/^(代码块里空行|注释里的空行|空行之后|  列表二|> 引用第二段|# 不是标题)/);
    }
  });

  it('a pathological run of emphasis is read as plain lines, in linear time', () => {
    const doc = '*a'.repeat(60_000);
    const [c] = markdownChunks(doc);
    expect(c.mode).toBe('text');
    const t = Date.now();
    const p = prose(doc, undefined as unknown as number);
    expect(Date.now() - t).toBeLessThan(5000);
    expect(p.blocks).toHaveLength(1);
  });

  it('a paragraph with inline syntax longer than the chunk limit is read as plain lines', () => {
    const doc = '绿建区深入实施**精准招商**，'.repeat(Math.ceil((MAX_MARKDOWN_CHUNK + 10) / 16));
    expect(markdownChunks(doc)[0].mode).toBe('text');
  });

  it('a paragraph without inline syntax longer than the chunk limit is read as plain Markdown, without remark', () => {
    const doc = '绿建区深入实施精准招商，'.repeat(Math.ceil((MAX_MARKDOWN_CHUNK + 10) / 12));
    expect(markdownChunks(doc)).toEqual([{ start: 0, end: doc.length, mode: 'plain' }]);
  });
});
