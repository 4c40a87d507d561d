// Recall of the formulation rule on the 167 real reports (../shared/corpus/): every long wording and member list of
// the pack that a report writes right (at most 12 a report) is changed once, one Han character in its middle
// replaced by another, and the rule must report that character with the right one as its fix, and nothing else
// new. Short names without a number (新发展理念, 五位一体) are not fuzzy-matched, by design: they are left out.
import { describe, expect, it } from 'vitest';
import { lint } from '../../rules/engine';
import rule from '../../rules/rules/formulation';
import { scanFormulations } from '../../rules/lib/formulations';
import { CORPUS, corpusReports, hasCorpus } from '../helpers/fixtures';

const present = hasCorpus;
if (!present) console.warn(`formulation-recall.test.ts: ${CORPUS} is absent (a clone without ../shared): recall is not measured`);
const reports = corpusReports;

// Replacement characters: common ones, none of which makes a member or wording of the pack again.
const REPL = '甲乙丙丁戊己庚辛壬癸';

describe(`formulation: recall on changed wordings and member lists${present ? '' : ' (../shared/corpus not found)'}`, () => {
  it.skipIf(!present)('finds 98 % of one-character changes, at their place, with the right fix', () => {
    let tried = 0;
    let found = 0;
    const missed: string[] = [];
    for (const { name, text } of reports()) {
      const r = lint(text, { filename: name, rules: [rule] });
      const before = r.findings.length;
      for (const [a, b] of scanFormulations(r.doc!).spans.slice(0, 12)) {
        const span = text.slice(a, b);
        // names (“四个意识”, 新发展理念) are checked in context only; a list's 顿号 is not a character of it
        if (span.length < 8 && !span.includes('、')) continue;
        let at = a + (span.length >> 1);
        while (at < b && !/[\u4e00-\u9fff]/.test(text[at])) at++;
        if (at >= b) continue;
        const c = REPL[tried % REPL.length];
        const changed = text.slice(0, at) + c + text.slice(at + 1);
        const fs = lint(changed, { filename: name, rules: [rule] }).findings;
        tried++;
        const hit = fs.find((f) => f.offset === at && f.endOffset === at + 1);
        if (fs.length === before + 1 && hit?.fix?.edits[0].text === text[at]) found++;
        else missed.push(`${name}: ${span}`);
      }
    }
    console.log(`formulation recall: ${found}/${tried} one-character changes found (${((100 * found) / tried).toFixed(1)} %)`);
    expect(tried).toBeGreaterThan(500);
    expect(found / tried, missed.slice(0, 10).join('\n')).toBeGreaterThanOrEqual(0.98);
  });
});
