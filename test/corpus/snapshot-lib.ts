// The reviewed snapshot (test/corpus/reviewed-findings.tsv): every finding of every rule, at every severity,
// on the 167 corpus reports and the 5 seeds, each judged by reading it. Shared by the test
// (test/corpus/reviewed.test.ts) and the script that regenerates it (scripts/snapshot.mjs); no vitest here.
//
// A row is keyed by (rule, file, line, excerpt): the excerpt is the finding's text with up to EXCERPT_BEFORE
// characters of its line before it and the rest of the line after it, whitespace runs made one space, cut to
// EXCERPT_MAX characters. Exact, not tolerant of line shifts: an edit that moves findings shows as removed and
// added rows, which the script carries over when only the line changed (see merge()).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { lint } from '../../rules/engine';
import type { Finding } from '../../rules/types';

export const ROOT = resolve(__dirname, '../..');
export const SNAPSHOT = join(ROOT, 'test/corpus/reviewed-findings.tsv');
export const CORPUS = process.env.REPORT_LINT_CORPUS ? resolve(process.env.REPORT_LINT_CORPUS) : join(ROOT, '../shared/corpus');
/** File names in the snapshot are relative to the corpus folder's parent (../shared). */
export const SHARED = dirname(CORPUS);
export const EXCERPT_MAX = 20;
export const EXCERPT_BEFORE = 4;
export const HEADER = ['rule', 'severity', 'file', 'line', 'excerpt', 'verdict', 'reason'];

export type Verdict = 'true' | 'false' | '?';

export interface Row {
  rule: string;
  severity: string;
  file: string;
  line: number;
  excerpt: string;
  verdict: Verdict;
  reason: string;
}

export interface Report {
  /** Relative to ../shared: corpus/x.txt, corpus/cities-2024/txt/x.txt, seeds/x.txt. */
  file: string;
  group: 'seed' | 'national' | 'city';
  text: string;
}

export interface LiveFinding {
  row: Row;
  finding: Finding;
  report: Report;
}

export function hasCorpus(): boolean {
  return existsSync(join(CORPUS, 'gwr_national_2018.txt')) && existsSync(join(CORPUS, 'cities-2024/txt'));
}

/** The 5 seeds (the copies in examples/, byte-identical to ../shared/seeds), the 24 national and district reports, the 143 city reports. */
export function reports(): Report[] {
  const txt = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
  const out: Report[] = [];
  for (const f of txt(join(ROOT, 'examples'))) out.push({ file: `seeds/${f}`, group: 'seed', text: readFileSync(join(ROOT, 'examples', f), 'utf8') });
  const c = basename(CORPUS);
  for (const f of txt(CORPUS).filter((f) => f.startsWith('gwr_'))) out.push({ file: `${c}/${f}`, group: 'national', text: readFileSync(join(CORPUS, f), 'utf8') });
  const cities = join(CORPUS, 'cities-2024/txt');
  for (const f of txt(cities)) out.push({ file: `${c}/cities-2024/txt/${f}`, group: 'city', text: readFileSync(join(cities, f), 'utf8') });
  return out;
}

const norm = (s: string) => s.replace(/[\s\u3000]+/g, ' ');

function lineBounds(text: string, offset: number): [number, number] {
  let a = offset;
  while (a > 0 && text[a - 1] !== '\n' && text[a - 1] !== '\r') a--;
  let b = offset;
  while (b < text.length && text[b] !== '\n' && text[b] !== '\r') b++;
  return [a, b];
}

/** At most EXCERPT_MAX characters: a little of the line before the finding, the finding, the line after it. */
export function excerpt(text: string, offset: number, endOffset: number): string {
  const [ls, le] = lineBounds(text, offset);
  const before = norm(text.slice(ls, offset));
  const head = before.slice(Math.max(0, before.length - EXCERPT_BEFORE));
  const body = norm(text.slice(offset, Math.max(endOffset, offset)) + text.slice(Math.max(endOffset, offset), Math.max(le, endOffset)));
  return [...(head + body)].slice(0, EXCERPT_MAX).join('').replace(/\t/g, ' ');
}

/** Lines start at 1; \r\n, \r and \n each end one. */
export function lineAt(text: string): (offset: number) => number {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) starts.push(i + 1);
  }
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}

/** Every finding of every rule with the default configuration, in file order. */
export function liveFindings(list: Report[] = reports()): LiveFinding[] {
  const out: LiveFinding[] = [];
  for (const report of list) {
    const r = lint(report.text, { filename: basename(report.file) });
    if (r.internalErrors.length) throw new Error(`${report.file}: ${r.internalErrors.map((e) => e.message).join('; ')}`);
    const line = lineAt(report.text);
    for (const f of r.findings) {
      out.push({
        report,
        finding: f,
        row: { rule: f.ruleId, severity: f.severity, file: report.file, line: line(f.offset), excerpt: excerpt(report.text, f.offset, f.endOffset), verdict: '?', reason: '' },
      });
    }
  }
  return out;
}

export const keyOf = (r: Pick<Row, 'rule' | 'file' | 'line' | 'excerpt'>) => `${r.rule}\t${r.file}\t${r.line}\t${r.excerpt}`;

export function formatRow(r: Row): string {
  return [r.rule, r.severity, r.file, String(r.line), r.excerpt, r.verdict, r.reason.replace(/[\t\r\n]+/g, ' ')].join('\t');
}

export function formatTsv(rows: Row[]): string {
  return [HEADER.join('\t'), ...rows.map(formatRow)].join('\n') + '\n';
}

export function parseTsv(tsv: string): Row[] {
  const lines = tsv.split('\n').filter((l) => l !== '');
  if (lines[0] !== HEADER.join('\t')) throw new Error(`reviewed-findings.tsv: the first line must be the header ${HEADER.join(' ')}`);
  return lines.slice(1).map((l, i) => {
    const c = l.split('\t');
    if (c.length !== HEADER.length) throw new Error(`reviewed-findings.tsv line ${i + 2}: ${c.length} columns, expected ${HEADER.length}`);
    const v = c[5];
    if (v !== 'true' && v !== 'false' && v !== '?') throw new Error(`reviewed-findings.tsv line ${i + 2}: verdict must be true, false or ?, not ${v}`);
    return { rule: c[0], severity: c[1], file: c[2], line: Number(c[3]), excerpt: c[4], verdict: v, reason: c[6] };
  });
}

export function readSnapshot(path = SNAPSHOT): Row[] {
  return existsSync(path) ? parseTsv(readFileSync(path, 'utf8')) : [];
}

/** A multiset of rows by key (the same excerpt can occur twice on a line). */
function byKey(rows: Row[]): Map<string, Row[]> {
  const m = new Map<string, Row[]>();
  for (const r of rows) {
    const k = keyOf(r);
    const l = m.get(k);
    if (l) l.push(r);
    else m.set(k, [r]);
  }
  return m;
}

export interface Comparison {
  /** Live findings with a snapshot row, paired with it. */
  matched: { live: LiveFinding; row: Row }[];
  /** Live findings that are not in the snapshot. */
  added: LiveFinding[];
  /** Snapshot rows that no live finding matches. */
  removed: Row[];
}

export function compare(live: LiveFinding[], snapshot: Row[]): Comparison {
  const pool = byKey(snapshot);
  const matched: Comparison['matched'] = [];
  const added: LiveFinding[] = [];
  for (const l of live) {
    const rows = pool.get(keyOf(l.row));
    if (rows?.length) matched.push({ live: l, row: rows.shift()! });
    else added.push(l);
  }
  const removed = [...pool.values()].flat();
  return { matched, added, removed };
}

/**
 * The new snapshot: live findings in file order; a finding whose key is in the old snapshot keeps its verdict
 * and reason (its severity is updated); one that only moved to another line (same rule, file and excerpt,
 * taken in order) keeps them too; any other is a new row with verdict `?`.
 */
export function merge(live: LiveFinding[], snapshot: Row[]): { rows: Row[]; added: Row[]; removed: Row[]; moved: number } {
  const { matched, added, removed } = compare(live, snapshot);
  const out = new Map<LiveFinding, Row>();
  for (const m of matched) out.set(m.live, { ...m.live.row, verdict: m.row.verdict, reason: m.row.reason });
  const loose = new Map<string, Row[]>();
  for (const r of removed) {
    const k = `${r.rule}\t${r.file}\t${r.excerpt}`;
    const l = loose.get(k);
    if (l) l.push(r);
    else loose.set(k, [r]);
  }
  const fresh: Row[] = [];
  let moved = 0;
  for (const a of added) {
    const old = loose.get(`${a.row.rule}\t${a.row.file}\t${a.row.excerpt}`)?.shift();
    if (old) {
      moved++;
      out.set(a, { ...a.row, verdict: old.verdict, reason: old.reason });
    } else {
      const row = { ...a.row };
      fresh.push(row);
      out.set(a, row);
    }
  }
  const gone = [...loose.values()].flat();
  return { rows: live.map((l) => out.get(l)!), added: fresh, removed: gone, moved };
}

/** Counts per rule and verdict. */
export function countsByRule(rows: Row[]): Map<string, Record<Verdict, number>> {
  const m = new Map<string, Record<Verdict, number>>();
  for (const r of rows) {
    let c = m.get(r.rule);
    if (!c) m.set(r.rule, (c = { true: 0, false: 0, '?': 0 }));
    c[r.verdict]++;
  }
  return new Map([...m].sort((a, b) => a[0].localeCompare(b[0])));
}

export function countsTable(rows: Row[]): string {
  const lines = ['rule                  true  false      ?  total'];
  const tot: Record<Verdict, number> = { true: 0, false: 0, '?': 0 };
  for (const [rule, c] of countsByRule(rows)) {
    lines.push(`${rule.padEnd(20)} ${String(c.true).padStart(6)} ${String(c.false).padStart(6)} ${String(c['?']).padStart(6)} ${String(c.true + c.false + c['?']).padStart(6)}`);
    for (const v of ['true', 'false', '?'] as const) tot[v] += c[v];
  }
  lines.push(`${'all'.padEnd(20)} ${String(tot.true).padStart(6)} ${String(tot.false).padStart(6)} ${String(tot['?']).padStart(6)} ${String(tot.true + tot.false + tot['?']).padStart(6)}`);
  return lines.join('\n');
}

/** The finding in its line, marked with ⟦ ⟧, for reading and judging. */
export function context(l: LiveFinding, width = 40): string {
  const { text } = l.report;
  const { offset, endOffset } = l.finding;
  const [ls, le] = lineBounds(text, offset);
  const a = Math.max(ls, offset - width);
  const b = Math.min(Math.max(le, endOffset), endOffset + width);
  return norm(`${text.slice(a, offset)}⟦${text.slice(offset, endOffset)}⟧${text.slice(endOffset, b)}`);
}
