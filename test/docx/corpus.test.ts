// The 143 city reports of ../shared/corpus/cities-2024 as .docx: the text read equals the .txt twin's up to
// whitespace. (The corpus is never copied into the repository: a clone without ../shared skips, and says so.)
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDocxText } from '../../node/docx/read';
import { ROOT } from '../helpers/fixtures';

const DIR = join(ROOT, '../shared/corpus/cities-2024');
const have = existsSync(join(DIR, 'docx'));
if (!have) console.warn(`skipping the .docx corpus test: ${DIR} is not there (a clone without ../shared)`);

const squash = (s: string) => s.replace(/\s+/g, '');

describe.skipIf(!have)('cities-2024 .docx corpus', () => {
  it('reads each .docx to the text of its .txt twin, up to whitespace', async () => {
    const files = readdirSync(join(DIR, 'docx')).filter((f) => f.endsWith('.docx')).sort();
    expect(files.length).toBeGreaterThanOrEqual(143);
    const differ: string[] = [];
    for (const f of files) {
      const twin = join(DIR, 'txt', f.replace(/\.docx$/, '.txt'));
      if (!existsSync(twin)) continue;
      const d = await readDocxText(readFileSync(join(DIR, 'docx', f)));
      const a = squash(d.text);
      const b = squash(readFileSync(twin, 'utf8').replace(/^\ufeff/, ''));
      if (a !== b) {
        let i = 0;
        while (i < a.length && a[i] === b[i]) i++;
        differ.push(`${f}: at ${i}: docx «${a.slice(i, i + 30)}» txt «${b.slice(i, i + 30)}»`);
      }
    }
    expect(differ).toEqual([]);
  }, 120_000);
});

describe.skipIf(!have)('cities-2024 .docx corpus: reviewed copies', () => {
  it('each reviewed copy (comments and tracked changes) reads back as --fix\'s first pass, with one comment per finding', async () => {
    const { lint, selectFixes, applyEdits } = await import('../../rules/engine');
    const { reviewDocx } = await import('../../node/docx/review');
    const { readZip } = await import('../../node/docx/zip');
    const files = readdirSync(join(DIR, 'docx')).filter((f) => f.endsWith('.docx')).sort();
    const differ: string[] = [];
    let reviewed = 0;
    for (const f of files) {
      const buf = readFileSync(join(DIR, 'docx', f));
      const d = await readDocxText(buf);
      const findings = lint(d.text, { format: 'text' }).findings;
      if (!findings.length) continue;
      reviewed++;
      const r = await reviewDocx(buf, findings, { lang: 'zh', trackChanges: true, date: new Date(0) });
      // the reader reads insertions and skips deletions: what it reads is the accept-all text
      const after = await readDocxText(r.data);
      const expected = applyEdits(d.text, selectFixes(findings.filter((x) => x.fix).map((x) => x.fix!)).edits);
      if (after.text !== expected) differ.push(f);
      const comments = (await readZip(r.data)).entries.find((e) => e.name === 'word/comments.xml')!.data.toString('utf8');
      expect(comments.match(/<w:comment /g)?.length, f).toBe(findings.length);
    }
    expect(reviewed).toBeGreaterThan(50);
    expect(differ).toEqual([]);
  }, 300_000);
});
