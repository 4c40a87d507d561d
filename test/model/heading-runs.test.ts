// The run of headings a paragraph introduces (doc.headingRunAfter), which count-consistency compares with a count.
import { describe, expect, it } from 'vitest';
import { buildDocument } from '../../rules/model/document';

const text = [
  '绿建区2023年工作总结及2024年工作思路',
  '一、2023年工作总结',
  '全年主要做了以下三个方面工作：',
  '（一）抓产业',
  '产业发展正文。',
  '（二）抓项目',
  '项目建设正文。',
  '（三）抓服务',
  '服务提升正文。',
  '二、2024年工作思路',
  '重点做好两项工作：一是稳增长。二是促改革。',
  '（一）稳增长',
  '正文。',
].join('\n');

describe('headingRunAfter', () => {
  const doc = buildDocument(text, { filename: 'a.txt' });
  const after = (s: string) => doc.headingRunAfter(text.indexOf(s) + s.length);
  it('the sibling run right after a paragraph ending in ：, stopping at the parent section\'s end', () => {
    const run = after('三个方面工作：');
    expect(run?.map((h) => h.text)).toEqual(['抓产业', '抓项目', '抓服务']);
  });
  it('nothing when text follows in the paragraph, or when the run holds one heading', () => {
    expect(after('重点做好两项工作：')).toBeUndefined();
    expect(after('二是促改革。')).toBeUndefined();
  });
  it('nothing when the next block is body text', () => {
    expect(after('（一）抓产业')).toBeUndefined();
  });
});
