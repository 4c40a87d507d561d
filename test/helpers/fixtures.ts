// Paths and loaders for the sample reports (examples/) and the real-report corpus. The corpus is data from
// outside the project: it is read from ../shared/corpus/ (relative to the repo root; REPORT_LINT_CORPUS
// overrides it) and never copied into the repository. Without it, the tests that need it are skipped by
// name, with the reason in the name and one note on the console.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, it } from 'vitest';

export const ROOT = resolve(__dirname, '../..');
export const EXAMPLES = join(ROOT, 'examples');
export const CORPUS = process.env.REPORT_LINT_CORPUS ? resolve(process.env.REPORT_LINT_CORPUS) : join(ROOT, '../shared/corpus');
/** The 143 city reports of 2024 (plain text). */
export const CITIES = join(CORPUS, 'cities-2024/txt');

/** True when the corpus folder holds its reports (a fresh clone without ../shared has none). */
export const hasCorpus = existsSync(join(CORPUS, 'gwr_national_2018.txt')) && existsSync(CITIES);
/** Why corpus tests are skipped: appended to their names. */
export const NO_CORPUS = `(${relative(ROOT, CORPUS) || CORPUS} not found)`;

let noted = false;
function note(): void {
  if (hasCorpus || noted) return;
  noted = true;
  console.warn(`report-lint tests: corpus ${CORPUS} not found; the tests that read it are skipped ${NO_CORPUS}. Set REPORT_LINT_CORPUS to its folder.`);
}

/** `describe` for tests that read the corpus: skipped, with the reason in its name, when there is none. */
export function describeCorpus(name: string, fn: () => void): void {
  note();
  if (hasCorpus) describe(name, fn);
  else describe.skip(`${name} ${NO_CORPUS}`, fn);
}

/** `it` for a test that reads the corpus: skipped, with the reason in its name, when there is none. */
export function itCorpus(name: string, fn: () => void | Promise<void>, timeout?: number): void {
  note();
  if (hasCorpus) it(name, fn, timeout);
  else it.skip(`${name} ${NO_CORPUS}`, fn);
}

export const SEEDS = {
  '000': '000_14fc8861097ac680.txt',
  '001': '001_2083e9362e9f1629.txt',
  '002': '002_8b4cbb1f94b06b7f.txt',
  '003': '003_39d5448f27f5b36c.txt',
  '004': '004_5295ecfae469fdd1.txt',
} as const;

export type SeedId = keyof typeof SEEDS;

export function seedPath(id: SeedId): string {
  return join(EXAMPLES, SEEDS[id]);
}

export function seed(id: SeedId): string {
  return readFileSync(seedPath(id), 'utf8');
}

/** The 24 national and district reports (none without the corpus). */
export function corpusFiles(): string[] {
  if (!hasCorpus) return [];
  return readdirSync(CORPUS)
    .filter((f) => /^gwr_.*\.txt$/.test(f))
    .sort();
}

export function corpus(name: string): string {
  return readFileSync(join(CORPUS, name), 'utf8');
}

/** The 143 city reports (none without the corpus). */
export function cityFiles(): string[] {
  if (!hasCorpus) return [];
  return readdirSync(CITIES)
    .filter((f) => f.endsWith('.txt'))
    .sort();
}

export function city(name: string): string {
  return readFileSync(join(CITIES, name), 'utf8');
}

/**
 * The 167 corpus reports, the 24 national and district ones then the 143 cities, named as the snapshot names them
 * (`gwr_….txt`, `cities-2024/….txt`); none without the corpus.
 */
export function corpusReports(): { name: string; path: string; text: string }[] {
  return [
    ...corpusFiles().map((f) => ({ name: f, path: join(CORPUS, f), text: corpus(f) })),
    ...cityFiles().map((f) => ({ name: `cities-2024/${f}`, path: join(CITIES, f), text: city(f) })),
  ];
}

/** 1-based line of an offset. */
export function lineOf(text: string, offset: number): number {
  return text.slice(0, offset).split(/\r\n|\r|\n/).length;
}
