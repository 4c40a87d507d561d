// Recall of the year checks on the 167 real reports (../shared/corpus/: 24 national and district reports, 143 city
// reports): each report is changed once per case, as a draft made from last year's report would be, and the
// change must be found at its place with no other new finding. Cases: a section heading's year +1 and −1; a
// four-digit year shortened where only a year can stand (before a month, before 底/初/上半年, in a section
// heading, after 到/至 with a target, opening a sentence `N年是`, after 刚刚过去的); the title's or the dateline's
// year +1. The figures are printed: 95 % over all, and in each case of 50 changes or more.
import { describe, expect, it } from 'vitest';
import { lint } from '../../rules/engine';
import type { Finding } from '../../rules/types';
import type { Heading } from '../../rules/model/document';
import { CORPUS, corpusReports, hasCorpus } from '../helpers/fixtures';

const present = hasCorpus;
if (!present) console.warn(`year-recall.test.ts: ${CORPUS} is absent (a clone without ../shared): recall is not measured`);
const reports = corpusReports;

interface Change {
  case: string;
  offset: number;
  endOffset: number;
  text: string;
}

const Y4 = /^(?:19|20|１９|２０)[0-9０-９]{2}/;

/** The changes of one report, at most one per case. */
function changes(text: string): Change[] {
  const r = lint(text, { rules: [] });
  const doc = r.doc!;
  const out: Change[] = [];
  const outer = doc.headings.filter((h: Heading) => {
    if ((h.kind !== 'summary' && h.kind !== 'plan') || h.yearOffset === undefined) return false;
    for (let p = h.parent; p; p = p.parent) if (p.kind !== 'other') return false;
    return true;
  });
  const sec = outer[0];
  if (sec) {
    out.push({ case: 'section year +1', offset: sec.yearOffset!, endOffset: sec.yearEndOffset!, text: String(sec.year! + 1) });
    out.push({ case: 'section year −1', offset: sec.yearOffset!, endOffset: sec.yearEndOffset!, text: String(sec.year! - 1) });
  }
  // shortened years: the first place of each context, outside placeholders
  const shorten = (c: string, re: RegExp) => {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text))) {
      const at = m.index + m[0].indexOf(m[1]);
      if (doc.overlapsPlaceholder(at, at + 4) || /[0-9.]/.test(text[at - 1] ?? '')) continue;
      out.push({ case: `shortened: ${c}`, offset: at, endOffset: at + 2, text: '' });
      return;
    }
  };
  shorten('before a month', /((?:19|20)\d{2})年\d{1,2}月/g);
  shorten('before 底/初/上半年', /((?:19|20)\d{2})年(?:底|初|上半年)/g);
  if (sec) out.push({ case: 'shortened: section heading', offset: sec.yearOffset!, endOffset: sec.yearOffset! + 2, text: '' });
  shorten('after 到/至', /(?<!延长|缩短|期限|长达)[到至]((?:19|20)\d{2})年(?=[，,]|基本|全面|初步|实现|建成|形成|达到|力争)/g);
  shorten('N年是 opening a sentence', /(?:^|(?<=[。！？\n\u3000]))((?:19|20)\d{2})年是/g);
  shorten('刚刚过去的N年', /刚刚过去的((?:19|20)\d{2})年/g);
  const ty = doc.title?.years[0];
  if (ty) out.push({ case: 'title year', offset: ty.offset, endOffset: ty.endOffset, text: String(ty.year + 1) });
  if (doc.dateline) out.push({ case: 'dateline year', offset: doc.dateline.offset, endOffset: doc.dateline.endOffset, text: String(doc.dateline.year + 1) });
  // a text that only shortens: drop the two digits of the century
  for (const c of out) if (c.text === '' && !Y4.test(text.slice(c.offset, c.offset + 4))) throw new Error('not a year');
  return out;
}

const key = (f: Finding, shift = 0) => `${f.ruleId}:${f.offset + shift}:${f.endOffset + shift}`;

describe.skipIf(!present)('recall of the year checks on the corpus', () => {
  it('each change is found at its place, with no other new finding', () => {
    const figures = new Map<string, { n: number; found: number; misses: string[] }>();
    for (const { name, text } of reports()) {
      const base = lint(text).findings;
      for (const c of changes(text)) {
        const changed = text.slice(0, c.offset) + c.text + text.slice(c.endOffset);
        const delta = c.text.length - (c.endOffset - c.offset);
        const before = new Set(base.map((f) => key(f, f.offset >= c.endOffset ? delta : 0)));
        const end = c.offset + c.text.length;
        const fresh = lint(changed).findings.filter((f) => !before.has(key(f)));
        const at = fresh.filter((f) => f.offset <= Math.max(end, c.offset + 1) - 1 + (c.text ? 0 : 3) && f.endOffset > c.offset);
        const others = fresh.filter((f) => !at.includes(f));
        const fig = figures.get(c.case) ?? { n: 0, found: 0, misses: [] };
        fig.n++;
        if (at.length > 0 && others.length === 0) fig.found++;
        else
          fig.misses.push(
            `${name} @${c.offset} “${text.slice(Math.max(0, c.offset - 6), c.endOffset + 8).replace(/\s+/g, ' ')}”: ${at.length ? '' : 'not found'}${others.length ? ` others: ${others.map((f) => `${f.ruleId} “${changed.slice(f.offset, f.endOffset)}”`).join(', ')}` : ''}`,
          );
        figures.set(c.case, fig);
      }
    }
    let n = 0;
    let found = 0;
    const lines: string[] = [];
    for (const [c, f] of figures) {
      n += f.n;
      found += f.found;
      lines.push(`${c}: ${f.found}/${f.n} (${((100 * f.found) / f.n).toFixed(1)} %)`);
      for (const m of f.misses.slice(0, 5)) lines.push(`    missed: ${m}`);
    }
    lines.push(`all: ${found}/${n} (${((100 * found) / n).toFixed(1)} %)`);
    console.log(lines.join('\n'));
    // 95 % over all changes, and in each case with enough of them to measure (the title and dateline cases have
    // under 30: a report whose only other evidence is one section cannot tell which of the two is wrong)
    expect(found / n, lines.join('\n')).toBeGreaterThanOrEqual(0.95);
    for (const [c, f] of figures) if (f.n >= 50) expect(f.found / f.n, `${c}: ${f.found}/${f.n}\n${f.misses.join('\n')}`).toBeGreaterThanOrEqual(0.95);
    for (const [c, f] of figures) expect(f.found / f.n, `${c}: ${f.found}/${f.n}\n${f.misses.join('\n')}`).toBeGreaterThanOrEqual(0.9);
  }, 300_000);
});
