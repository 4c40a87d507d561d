import rule from '../../rules/rules/typo-suspect';
import { lint, LintMemo } from '../../rules/engine';
import { seed } from '../helpers/fixtures';
import { lintWith, testRule } from '../helpers/rule-tester';
import { describe, expect, it } from 'vitest';

testRule(rule, {
  valid: [
    '加快推进园区建设规划编制工作。',
    '坚持统筹兼顾，推动城乡协调发展。',
    '开展先行先试，鼓励在外贸领域探索新模式。',
    // place names and quoted terms are not corrected
    '邗江数控成形机床产业入围国家级集群。',
    '持续扩大“壹品天门”品牌影响力。',
    '《统筹兼故》是一部虚构的书名。',
    // the report's own place, named often, and abbreviated (益 of 益阳)
    '益阳市召开大会。益阳市经济稳步增长。益阳市全面推进改革。中国作协在益系列活动成功举办。',
    // a form of the curated list is the typo rule's finding, not a second one here
    '全区上下要再接再励，确保全年目标任务圆满完成。',
    // words of current reports the 2013 dictionary lacks
    '推动消费从疫后恢复转向持续扩大。',
    // a string the report writes more than once is its own word (a brand, a local term), not a slip of the keys
    '持续扩大壹品天门品牌影响力。全力提升壹品天门区域公用品牌。',
    // 故 as a word of its own
    '基础薄弱，故须加快补齐短板。',
    { text: '园区基础设施不断完善，招商引姿成效明显。', options: { allow: ['引姿'] } },
    // 规化 only ever side by side inside longer words (正规化): such a word here binds them
    '推进执法队伍正规化建设。',
    // near misses of the island relief (建设规化 → 规划), from the corpus reports: new words that keep their head and
    // vary it (智造, 兴政, 单品), a first character that is a common word of its own (更佳, 以商), a pack of the
    // supplement (发改委)
    '兰溪棉织绿色智造分别入选国家级先进制造业集群。',
    '始终坚持实干兴政。',
    '茶叶、石材等特色单品走俏国外市场。',
    '为企业和群众提供更佳的便利服务。',
    '推进精准招商、以商招商、专业化招商。',
    '园区建设被国家发改委等四部委评为优秀。',
    // the relief asks for a very frequent word: 建优 → 建有 (class 9) is not one
    '建优园区强承载。',
  ],
  invalid: [
    { text: '园区基础设施不断完善，招商引姿成效明显。', errors: [{ text: '姿', message: '招商引资', severity: 'warning' }], output: '园区基础设施不断完善，招商引资成效明显。' },
    // written once, the same string is a suspect
    { text: '持续扩大壹品天门品牌影响力。', errors: [{ text: '壹', message: '食品' }] },
    { text: '全力保障人民群众生命安全和身体健糠。', errors: [{ text: '糠', message: '健康' }], output: '全力保障人民群众生命安全和身体健康。' },
    { text: '全年旅游收入同比增涨15%。', errors: [{ text: '涨', message: '增长' }], output: '全年旅游收入同比增长15%。' },
    // issue 14's example: 故 is a word of its own (是故), but in no word with its neighbours, and 统筹兼顾 reads far better
    { text: '坚持统筹兼故，推动城乡区域协调发展。', errors: [{ text: '故', message: '统筹兼顾' }], output: '坚持统筹兼顾，推动城乡区域协调发展。' },
    { text: '要统筹兼故各方利益。', errors: [{ text: '故', message: '统筹兼顾' }], output: '要统筹兼顾各方利益。' },
    // issue 14's other example: 规化 are side by side in 正规化, but no such word covers them here; 规化 is an island
    // (规 binds to neither neighbour either) and 规划 so frequent that its 15 bits suffice
    { text: '加快推进园区建设规化编制工作。', errors: [{ text: '化', message: '规划' }], output: '加快推进园区建设规划编制工作。' },
    { text: '建设规化编制', errors: [{ text: '化', message: '规划' }], output: '建设规划编制' },
  ],
});

describe('typo-suspect: data for the "add to allow list" action', () => {
  it('carries the string found to be no word in allow', () => {
    const fs = lintWith(rule, { text: '园区基础设施不断完善，招商引姿成效明显。' });
    expect(fs).toHaveLength(1);
    expect(fs[0].allow).toBe('招商引姿');
  });
});

describe('typo-suspect: bad input', () => {
  it('stays linear on many unclosed quotes and titles', () => {
    const text = '“《'.repeat(20000) + '招商引姿成效明显。';
    const t0 = performance.now();
    lintWith(rule, { text });
    expect(performance.now() - t0).toBeLessThan(2000);
  });
});

describe('typo-suspect: reuse across edits (the language server lints with a memo per report)', () => {
  const only = { rules: [rule] };
  const found = (text: string, fs: { offset: number; endOffset: number }[]) => fs.map((f) => text.slice(f.offset, f.endOffset));

  it('scans a line again when a change elsewhere changes what it asked (a place named three times)', () => {
    const memo = new LintMemo();
    let text = '中国作协在益系列活动成功举办。\n园区基础设施不断完善，招商引姿成效明显。\n';
    let withMemo = lint(text, { ...only, memo }).findings;
    expect(withMemo).toEqual(lint(text, only).findings);
    expect(found(text, withMemo)).toEqual(['益', '姿']);
    // 益阳 named three times on other lines: 益 is the report's own place now, and the first line is unchanged
    text += '益阳市召开大会。\n益阳市经济稳步增长。\n益阳市全面推进改革。\n';
    withMemo = lint(text, { ...only, memo }).findings;
    expect(withMemo).toEqual(lint(text, only).findings);
    expect(found(text, withMemo)).toEqual(['姿']);
  });

  it('gives a fresh lint’s findings after each of 60 random edits of the seeds (all rules)', () => {
    let state = 20261206;
    const rand = (n: number) => {
      // mulberry32: a fixed sequence, so that a failure is repeatable
      state = (state + 0x6d2b79f5) | 0;
      let x = Math.imul(state ^ (state >>> 15), 1 | state);
      x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
      return (((x ^ (x >>> 14)) >>> 0) % n);
    };
    // sentences with a suspect (put at a line's start) and pieces that change what a line asks or where it ends
    const sentences = ['园区基础设施不断完善，招商引姿成效明显。', '全年旅游收入同比增涨15%。', '坚持统筹兼故，推动城乡区域协调发展。', '加快推进园区建设规化编制工作。', '中国作协在益系列活动成功举办。', '益阳市召开大会。'];
    const pieces = ['\n', '，', '益阳市', '招商引姿'];
    let text = (['000', '001', '004'] as const).map((id) => seed(id)).join('\n\n');
    const memo = new LintMemo();
    let suspects = 0;
    for (let step = 0; step < 60; step++) {
      const at = rand(text.length);
      const kind = rand(3);
      if (kind === 0 && rand(2) === 0) {
        const lineStart = text.lastIndexOf('\n', at) + 1;
        text = text.slice(0, lineStart) + sentences[rand(sentences.length)] + text.slice(lineStart);
      } else if (kind === 0) text = text.slice(0, at) + pieces[rand(pieces.length)] + text.slice(at);
      else if (kind === 1) text = text.slice(0, at) + text.slice(at + 1 + rand(3));
      else text = text.slice(0, at) + text[rand(text.length)] + text.slice(at);
      const fresh = lint(text);
      expect(lint(text, { memo }).findings, `step ${step}`).toEqual(fresh.findings);
      suspects += fresh.findings.filter((f) => f.ruleId === 'typo-suspect').length;
    }
    // the edits made suspects for the memo to get right
    expect(suspects).toBeGreaterThan(20);
  });
});
