// Issue 13 #13: `.reportlintrc.json` is data from the workspace; what its placeholder allowlist can cost is bounded.
import { afterAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanup, run, tempDir } from './helpers';

const dir = tempDir();
afterAll(() => cleanup(dir));

describe('a hostile placeholder allowlist', () => {
  it('50 growing runs of X over 1 MB of X: the CLI finishes quickly', () => {
    const allow = Array.from({ length: 50 }, (_, i) => 'X'.repeat(i + 1));
    writeFileSync(join(dir, '.reportlintrc.json'), JSON.stringify({ rules: { placeholder: ['warning', { allow }] } }));
    writeFileSync(join(dir, 'x.txt'), 'X'.repeat(1 << 20));
    const t0 = Date.now();
    const r = run(['--format', 'json', 'x.txt'], { cwd: dir });
    expect(Date.now() - t0).toBeLessThan(20_000);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('"placeholder"');
  });

  it('an allowlist over the bound is a config error naming the rule, not a slow run', () => {
    const allow = Array.from({ length: 1001 }, (_, i) => `X${i}`);
    writeFileSync(join(dir, '.reportlintrc.json'), JSON.stringify({ rules: { placeholder: ['warning', { allow }] } }));
    writeFileSync(join(dir, 'y.txt'), '一、工作总结\n');
    const r = run(['y.txt'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/placeholder/);
  });
});
