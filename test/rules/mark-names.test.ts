// Messages name look-alike marks in words (issue 15): in an editor's Problems panel the font narrows full-width
// marks next to quotes, so `“，”` and `“,”` look the same there. Every rule that shows a mark also names it.
import { describe, expect, it } from 'vitest';
import { allRules } from '../../rules/all-rules';
import { fixText, lint } from '../../rules/engine';
import { differingMarks, marksIn, namedMark } from '../../rules/lib/mark-names';

const only = (id: string) => allRules.filter((r) => r.meta.id === id);
const messages = (id: string, text: string) => lint(text, { rules: only(id) }).findings.map((f) => f.message);

describe('messages name look-alike marks', () => {
  it('punctuation-width: full-width and half-width comma, colon, bracket', () => {
    const [comma] = messages('punctuation-width', '园区发展稳中有进,成效显著。');
    expect(comma.zh).toBe('中文里应使用全角逗号“，”，不用半角逗号“,”');
    expect(comma.en).toBe('Chinese text takes the full-width comma "，", not the half-width comma ","');
    expect(messages('punctuation-width', '信息名称: 绿建区工作总结')[0].zh).toBe('中文里应使用全角冒号“：”，不用半角冒号“:”');
    const brackets = messages('punctuation-width', '打造(近)零碳示范园区').map((m) => m.zh);
    expect(brackets).toEqual(['中文里应使用全角左括号“（”，不用半角左括号“(”', '中文里应使用全角右括号“）”，不用半角右括号“)”']);
  });

  it('punctuation-width: straight and curly quotes named (直引号, 弯引号), left and right', () => {
    const ms = messages('punctuation-width', '完成2022年度"亩均论英雄"企业绩效评价');
    expect(ms.map((m) => m.zh)).toEqual([
      '中文里的引号用弯引号，不用直引号：此处的直双引号（"）应为左弯引号（“）',
      '中文里的引号用弯引号，不用直引号：此处的直双引号（"）应为右弯引号（”）',
    ]);
    expect(ms[0].en).toMatch(/straight double quote \("\) should be the left curly double quote \(“\)/);
  });

  it('punctuation-width findings are warnings, one per mark (never per paragraph), all fixed by fix-all', () => {
    const text = '园区发展稳中有进,成效显著;"亩均论英雄"评价,企业(近)零碳。';
    const r = lint(text, { rules: only('punctuation-width') });
    expect(r.findings.map((f) => text.slice(f.offset, f.endOffset))).toEqual([',', ';', '"', '"', ',', '(', ')']);
    expect(r.findings.every((f) => f.severity === 'warning')).toBe(true);
    expect(fixText(text, { rules: only('punctuation-width') }).output).toBe('园区发展稳中有进，成效显著；“亩均论英雄”评价，企业（近）零碳。');
  });

  it('punctuation-pairs: the unmatched mark and its missing partner are named', () => {
    expect(messages('punctuation-pairs', '切实帮助广大企业解决“燃眉之急，解决痛点难点问题。')[0].zh).toBe('左弯引号（“）缺少与之配对的右弯引号（”）');
    expect(messages('punctuation-pairs', '园区发展稳中有进）成效显著。')[0].zh).toBe('全角右括号“）”前面缺少与之配对的全角左括号“（”');
    const lone = messages('punctuation-pairs', '深化"放管服"改革,推进"一网通办。')[0];
    expect(lone.zh).toMatch(/^直双引号（"）在本句中找不到与之配对的引号/);
    expect(lone.zh).toContain('弯引号');
  });

  it('heading-marker: (一) against （一） names half-width and full-width brackets', () => {
    const [m] = messages('heading-marker', '(一)紧扣“强产业”，园区发展的质量与效益显著提升');
    expect(m.zh).toBe('括号序号应使用全角括号“（）”，不用半角括号“()”：“(一)”（半角括号）应为“（一）”（全角括号）');
    expect(m.en).toContain('"(一)" (half-width brackets) should be "（一）" (full-width brackets)');
    // a marker whose wrong and right forms look different is not padded with names
    expect(messages('heading-marker', '（一）、平台建设纵深推进')[0].zh).toContain('“（一）、”（顿号）应为“（一）”');
    expect(messages('heading-marker', '１．打造产业承载平台。')[0].zh).toContain('不用全角数字');
  });

  it('number-range: 连字符, 一字线, 浪纹线 in words', () => {
    expect(messages('number-range', '1-9月，园区实现工业总产值100亿元。')[0].zh).toBe('时间、地点的起止用一字线“—”，不用半角连字符“-”');
    expect(messages('number-range', '国内生产总值增长6.5%－7%，居民消费价格涨幅3%左右。')[0].zh).toBe('数值范围用浪纹线“～”，不用全角连字符“－”');
    expect(messages('number-range', '增长4.5–5%。')[0].zh).toMatch(/^数值范围用浪纹线“～”，不用半字线（短破折号）“–”；/);
  });

  it('number-format and enumeration-sequence say which form is full-width or which comma', () => {
    expect(messages('number-format', '比上年增长９．１％。')[0].zh).toBe('数字及其小数点、百分号应使用半角：“９．１％”（全角）应为“9.1%”（半角）');
    expect(messages('enumeration-sequence', '第一、坚持稳中求进。第二、深化改革开放。')[0].zh).toBe('“第一”后用逗号“，”，不用顿号“、”');
  });

  it('marksIn and namedMark', () => {
    expect(marksIn('(一)').zh).toBe('半角括号');
    expect(marksIn('１２、').zh).toBe('全角数字、顿号');
    expect(differingMarks('１．', '1.').map((m) => m.zh)).toEqual(['全角数字、全角句点', '下脚点']);
    expect(namedMark('“')).toEqual({ zh: '左弯引号（“）', en: 'left curly double quote (“)' });
    expect(namedMark('～')).toEqual({ zh: '浪纹线“～”', en: 'wave dash "～"' });
  });
});
