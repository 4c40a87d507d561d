// The 143 city government reports of 2024 (../shared/corpus/cities-2024/txt/), read by the report model with no
// year setting and no file name: each is a government report of 2024 that reviews 2023, its review and task
// sections get their kinds and years. Most have no title and no dateline, many put `2023年工作回顾` on a line of
// its own, a few lost their line breaks: the year comes from the sections, else from the text.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDocument, type Heading } from '../../rules/model/document';
import { ROOT } from '../helpers/fixtures';

const DIR = join(ROOT, '../shared/corpus/cities-2024/txt');
const present = existsSync(DIR);
if (!present) console.warn(`cities.test.ts: ${DIR} is absent (a clone without ../shared): the city reports are not checked`);
const files = present ? readdirSync(DIR).filter((f) => f.endsWith('.txt')).sort() : [];

// 池州.txt is the report delivered in January 2023 (`一、2022年工作回顾`, `二、2023年工作安排`): the model reads it right.
const YEAR_OF: Record<string, number> = { '池州.txt': 2023 };
// No heading names a review or tasks year: the whole report on one line (枣庄, 泸州, 潍坊), or sections titled
// without their year (梧州, 益阳, 绵阳). The year comes from the text (`一、2023年工作回顾` run into it, `今年，是新中国
// 成立75周年`, `2023年，…` opening the review).
const FROM_TEXT = ['枣庄.txt', '泸州.txt', '潍坊.txt', '梧州.txt', '益阳.txt', '绵阳.txt'];

function outerSections(headings: Heading[]): Heading[] {
  return headings.filter((h) => {
    if ((h.kind !== 'summary' && h.kind !== 'plan') || h.year === undefined) return false;
    for (let p = h.parent; p; p = p.parent) if (p.kind !== 'other') return false;
    return true;
  });
}

describe.skipIf(!present)('the 143 city reports of 2024', () => {
  it('are all there', () => expect(files).toHaveLength(143));

  it.each(files)('%s: a government report of 2024 reviewing 2023, with its sections', (f) => {
    const doc = buildDocument(readFileSync(join(DIR, f), 'utf8'));
    const year = YEAR_OF[f] ?? 2024;
    expect(doc.kind).toBe('government-report');
    expect([doc.years.report, doc.years.summary, doc.years.plan]).toEqual([year, year - 1, year]);
    expect(doc.years.outliers).toBeUndefined();
    const secs = outerSections(doc.headings);
    if (FROM_TEXT.includes(f)) {
      expect(secs).toEqual([]);
      return;
    }
    expect(secs.length).toBeGreaterThan(0);
    // the review names the year before, the tasks the report's year, the review first
    for (const h of secs) expect([h.text, h.year]).toEqual([h.text, h.kind === 'summary' ? year - 1 : year]);
    const firstPlan = secs.findIndex((h) => h.kind === 'plan');
    const lastSummary = secs.map((h) => h.kind).lastIndexOf('summary');
    if (firstPlan >= 0 && lastSummary >= 0) expect(lastSummary).toBeLessThan(firstPlan);
  });

  it('figures: how many have a review section and a tasks section of their own', () => {
    let both = 0;
    let review = 0;
    let tasks = 0;
    for (const f of files) {
      const secs = outerSections(buildDocument(readFileSync(join(DIR, f), 'utf8')).headings);
      const s = secs.some((h) => h.kind === 'summary');
      const p = secs.some((h) => h.kind === 'plan');
      if (s) review++;
      if (p) tasks++;
      if (s && p) both++;
    }
    console.log(`cities-2024: ${review} with a review section, ${tasks} with a tasks section, ${both} with both, of ${files.length}`);
    expect(both).toBeGreaterThanOrEqual(130);
  });
});
