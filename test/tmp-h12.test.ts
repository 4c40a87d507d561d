import { it, expect } from 'vitest';
import { lint } from '../rules/engine';
import rule from '../rules/rules/date-format';
it('x', () => {
  const S = '2024年政府工作报告\n一、2023年工作回顾\n';
  for (const t of ['刚刚过去的23年，我们砥砺前行。', '到35年基本实现社会主义现代化。', '从2020年到25年，全市生产总值翻番。', '24年是新中国成立75周年。', '经过25年的发展，园区已成为省级开发区。', '25年来，我们坚持发展。', '近30年，城市面貌巨变。', '土地承包期再延长至30年。', '到30年，全市人口达到500万。', '二、24年工作安排\n推进建设。','24年12月，地铁开通。']) {
    const r = lint(S + t, { rules: [rule] });
    console.log(t, JSON.stringify(r.findings.map((f) => [(S + t).slice(f.offset, f.endOffset), f.fix?.edits[0].text])));
  }
});
