// `npm start`'s demo: lints examples/ with built-in defaults, prints findings and the summary, exits 0
// because the linter ran (the samples do have error findings: report-lint itself exits 1 on them).
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { CLI, ROOT, SEEDS } from './helpers';

describe('scripts/demo.mjs', () => {
  it('prints the findings and summary of the five samples and exits 0', () => {
    const r = spawnSync(process.execPath, [join(ROOT, 'scripts/demo.mjs')], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(r.status).toBe(0);
    for (const s of SEEDS) expect(r.stdout).toContain(`examples/${s}`);
    expect(r.stdout).toMatch(/检查了 5 个文件，共 \d+ 个问题/);
    expect(r.stdout).toContain('report-lint ran (exit 1');
    // the end of the output (what stays on screen) counts by rule, errors first: the placeholders are not
    // buried under the punctuation warnings
    const tail = r.stdout.trimEnd().split('\n').slice(-20).join('\n');
    expect(tail).toMatch(/ {2}按规则：\n {4}placeholder +\d+ 个错误 +草稿中未填写的占位符\n/);
    expect(tail).toMatch(/\n {4}punctuation-width +\d+ 个警告 /);
    const direct = spawnSync(process.execPath, [CLI, '--no-config-lookup', 'examples'], { cwd: ROOT, encoding: 'utf8' });
    expect(direct.status).toBe(1);
  });
});
