// Paths and loaders for the sample reports (examples/) and the real-report corpus (test/fixtures/corpus/).
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const ROOT = resolve(__dirname, '../..');
export const EXAMPLES = join(ROOT, 'examples');
export const CORPUS = join(ROOT, 'test/fixtures/corpus');

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

export function corpusFiles(): string[] {
  return readdirSync(CORPUS)
    .filter((f) => /^gwr_.*\.txt$/.test(f))
    .sort();
}

export function corpus(name: string): string {
  return readFileSync(join(CORPUS, name), 'utf8');
}

/** 1-based line of an offset. */
export function lineOf(text: string, offset: number): number {
  return text.slice(0, offset).split(/\r\n|\r|\n/).length;
}
