// Inputs and large runs: directories, globs, ignore files, --ext, --stdin, --print-config, --no-inline-config,
// --output, --cache (unchanged files not re-linted), --shard (every file in exactly one shard), worker threads.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { availableParallelism } from 'node:os';
import iconv from 'iconv-lite';
import { CLI, cleanup, CLEAN_REPORT, ERROR_REPORT, json, run, SEEDS, seedText, strip, tempDir, write } from './helpers';

let dir: string;
beforeAll(() => {
  dir = tempDir();
  write(dir, 'reports/a.md', ERROR_REPORT);
  write(dir, 'reports/b.markdown', ERROR_REPORT);
  write(dir, 'reports/c.txt', ERROR_REPORT);
  write(dir, 'reports/notes.rst', ERROR_REPORT);
  write(dir, 'reports/drafts/d.md', ERROR_REPORT);
  write(dir, 'reports/old-2019.md', ERROR_REPORT);
  write(dir, 'reports/deep/er/e.TXT', ERROR_REPORT);
  write(dir, 'node_modules/pkg/readme.md', ERROR_REPORT);
  write(dir, '.gitignore', 'drafts/\n');
  write(dir, '.reportlintignore', '# old reports are frozen\nold-*.md\n');
});
afterAll(() => cleanup(dir));

const files = (args: string[], cwd = dir) => json(run(['--format', 'json', ...args], { cwd })).map((e) => e.file);

describe('inputs', () => {
  it('walks directories for .md/.markdown/.txt, respecting .gitignore and .reportlintignore, skipping node_modules', () => {
    expect(files(['reports'])).toEqual(['reports/a.md', 'reports/b.markdown', 'reports/c.txt', 'reports/deep/er/e.TXT']);
    expect(files(['.'])).toEqual(['reports/a.md', 'reports/b.markdown', 'reports/c.txt', 'reports/deep/er/e.TXT']);
    expect(files(['--no-ignore', 'reports'])).toEqual(['reports/a.md', 'reports/b.markdown', 'reports/c.txt', 'reports/deep/er/e.TXT', 'reports/drafts/d.md', 'reports/old-2019.md']);
  });

  it('--ext adds extensions; a file named on the command line is always linted', () => {
    expect(files(['--ext', 'rst', 'reports'])).toContain('reports/notes.rst');
    expect(files(['reports/drafts/d.md', 'reports/notes.rst'])).toEqual(['reports/drafts/d.md', 'reports/notes.rst']);
  });

  it('expands globs (quoted, not by the shell) and applies the ignore files to them', () => {
    expect(files(['reports/**/*.md'])).toEqual(['reports/a.md']);
    expect(files(['reports/*.{md,txt}', 'reports/c.txt'])).toEqual(['reports/a.md', 'reports/c.txt']);
  });

  it('the ignore files of the repository root apply when run from a subdirectory', () => {
    expect(files(['.'], join(dir, 'reports'))).toEqual(['a.md', 'b.markdown', 'c.txt', 'deep/er/e.TXT']);
  });

  it('--stdin with --stdin-filename: named, decoded (GBK too), Markdown by its extension', () => {
    const r = json(run(['--format', 'json', '--stdin', '--stdin-filename', 'reports/x.txt'], { cwd: dir, input: iconv.encode(ERROR_REPORT, 'gbk') }));
    const f = json(run(['--format', 'json', 'reports/c.txt'], { cwd: dir }));
    expect(r[0].file).toBe('reports/x.txt');
    expect(strip(r[0])).toEqual(strip(f[0]));
    const anon = json(run(['--format', 'json', '--stdin'], { cwd: dir, input: ERROR_REPORT }));
    expect(anon[0].file).toBe('<stdin>');
    expect(anon[0].diagnostics.length).toBe(f[0].diagnostics.length);
    // Markdown syntax is not prose: the same ordinal inside a code block is no heading
    const md = '关于2023年工作的总结\n\n一、主要工作\n\n```\n1、加强组织领导。\n```\n';
    const m = json(run(['--format', 'json', '--stdin', '--stdin-filename', 'm.md'], { cwd: dir, input: md }));
    const t = json(run(['--format', 'json', '--stdin', '--stdin-filename', 'm.txt'], { cwd: dir, input: md }));
    expect(m[0].diagnostics.filter((d) => d.rule === 'heading-marker')).toEqual([]);
    expect(t[0].diagnostics.filter((d) => d.rule === 'heading-marker').length).toBe(1);
    const dry = run(['--stdin', '--fix-dry-run', '--stdin-filename', 'x.txt'], { cwd: dir, input: ERROR_REPORT });
    expect(dry.stdout).toContain('  5:2  1[-、-]{+.+}加强组织领导。\n');
  });

  it('--print-config prints the configuration that applies to a file', () => {
    write(dir, 'cfg/.reportlintrc.json', '{ "year": 2023, "rules": { "heading-marker": "warning" } }');
    const r = run(['--print-config', 'cfg/any.txt', '--rule', 'heading-sequence:off'], { cwd: dir });
    expect(r.code).toBe(0);
    const c = JSON.parse(r.stdout);
    expect(c.configFile).toBe(join(dir, 'cfg/.reportlintrc.json'));
    expect(c.year).toBe(2023);
    expect(c.rules['heading-marker']).toBe('warning');
    expect(c.rules['heading-sequence']).toBe('off');
    expect(c.maxSize).toBe(5 * 1024 * 1024);
    const none = JSON.parse(run(['--print-config', 'reports/a.md'], { cwd: dir }).stdout);
    expect(none.configFile).toBeNull();
    // the nearest config applies when linting too, and --no-config-lookup ignores it
    write(dir, 'cfg/r.txt', ERROR_REPORT);
    const sev = (args: string[]) => json(run(['--format', 'json', ...args, 'cfg/r.txt'], { cwd: dir }))[0].diagnostics.find((d) => d.rule === 'heading-marker')!.severity;
    expect(sev([])).toBe('warning');
    expect(sev(['--no-config-lookup'])).toBe('error');
    expect(sev(['--rule', 'heading-marker:info'])).toBe('info');
  });

  it('--no-inline-config ignores report-lint-disable lines', () => {
    write(dir, 'inline.txt', ERROR_REPORT.replace('一、主要工作\n', '一、主要工作\nreport-lint-disable heading-marker\n'));
    const hm = (args: string[]) => json(run(['--format', 'json', ...args, 'inline.txt'], { cwd: dir }))[0].diagnostics.filter((d) => d.rule === 'heading-marker').length;
    expect(hm([])).toBe(0);
    expect(hm(['--no-inline-config'])).toBe(2);
  });

  it('--output writes the report to a file', () => {
    const r = run(['--format', 'json', '--output', 'out.json', 'reports/a.md'], { cwd: dir });
    expect(r.stdout).toBe('');
    expect(r.code).toBe(1);
    expect(JSON.parse(readFileSync(join(dir, 'out.json'), 'utf8'))[0].file).toBe('reports/a.md');
    const bad = run(['--output', 'no/such/dir/out.txt', 'reports/a.md'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('no/such/dir/out.txt');
  });
});

describe('large runs', () => {
  let big: string;
  const N = 45;
  beforeAll(() => {
    big = tempDir();
    for (let i = 0; i < N; i++) {
      const seed = SEEDS[i % SEEDS.length];
      write(big, `r/${String(i).padStart(2, '0')}-${seed}`, seedText(seed));
    }
    write(big, 'r/clean.txt', CLEAN_REPORT);
  });
  afterAll(() => cleanup(big));

  it('worker threads give the same output, in the same order, as one thread', () => {
    const one = run(['--format', 'json', '--concurrency', '1', 'r'], { cwd: big });
    const two = run(['--format', 'json', '--concurrency', '2', 'r'], { cwd: big });
    const three = run(['--format', 'json', '--concurrency', '3', 'r'], { cwd: big, env: { REPORT_LINT_DEBUG: 'threads' } });
    expect(json(one).length).toBe(N + 1);
    expect(two.stdout).toBe(one.stdout);
    expect(three.stdout).toBe(one.stdout);
    expect(three.code).toBe(one.code);
    // the work really was shared: the main thread and the workers (no more threads than CPUs) each linted some files
    const counts = [...three.stderr.matchAll(/^report-lint: thread (\d+) linted (\d+) files$/gm)].map((m) => Number(m[2]));
    expect(counts.length).toBe(Math.min(3, availableParallelism()));
    for (const c of counts) expect(c).toBeGreaterThan(0);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(N + 1);
  });

  it('json streamed to a slow pipe is whole: the same bytes as written to a file', () => {
    // 46 reports give a few MB of json, streamed in 256 kB pieces; `sleep` keeps the pipe full, so pieces queue
    const piped = spawnSync('sh', ['-c', `"${process.execPath}" "${CLI}" --format json --concurrency 1 r | (sleep 1; cat)`], { cwd: big, maxBuffer: 64 << 20 });
    const toFile = run(['--format', 'json', '--concurrency', '1', '-o', 'out.json', 'r'], { cwd: big });
    const file = readFileSync(join(big, 'out.json'));
    expect(toFile.code).toBe(1);
    expect(file.length).toBeGreaterThan(1 << 20);
    expect(Buffer.compare(piped.stdout, file)).toBe(0);
    expect(json({ code: 1, stdout: file.toString('utf8'), stderr: '' }).length).toBe(N + 1);
  });

  it('--shard i/n puts every file in exactly one shard, deterministically', () => {
    const all = files(['r'], big);
    const seen: string[] = [];
    for (let i = 1; i <= 3; i++) {
      const part = files(['--shard', `${i}/3`, 'r'], big);
      if (i === 1) expect(files(['--shard', '1/3', 'r'], big)).toEqual(part);
      expect(part.length).toBeGreaterThan(0);
      seen.push(...part);
    }
    expect(seen.sort()).toEqual([...all].sort());
    expect(new Set(seen).size).toBe(all.length);
    expect(files(['--shard', '1/1', 'r'], big)).toEqual(all);
  });

  it('--cache: unchanged files are not re-linted; changed content or config is', () => {
    const env = { REPORT_LINT_DEBUG: 'cache' };
    const linted = (stderr: string) => [...stderr.matchAll(/^report-lint: linted (.+)$/gm)].map((m) => m[1]).sort();
    const cached = (stderr: string) => [...stderr.matchAll(/^report-lint: cached (.+)$/gm)].map((m) => m[1]).sort();
    const plain = run(['--format', 'json', 'r'], { cwd: big });
    const first = run(['--format', 'json', '--cache', 'r'], { cwd: big, env });
    expect(existsSync(join(big, '.reportlint-cache'))).toBe(true);
    expect(linted(first.stderr).length).toBe(N + 1);
    expect(first.stdout).toBe(plain.stdout);
    const second = run(['--format', 'json', '--cache', 'r'], { cwd: big, env });
    expect(linted(second.stderr)).toEqual([]);
    expect(cached(second.stderr).length).toBe(N + 1);
    expect(second.stdout).toBe(plain.stdout);
    expect(second.code).toBe(plain.code);
    // change one file: only it is linted again, and its new findings are reported
    write(big, 'r/clean.txt', ERROR_REPORT);
    const third = run(['--format', 'json', '--cache', 'r'], { cwd: big, env });
    expect(linted(third.stderr)).toEqual(['r/clean.txt']);
    expect(json(third).find((e) => e.file === 'r/clean.txt')!.diagnostics.length).toBeGreaterThan(0);
    // another config: everything is linted again
    const fourth = run(['--format', 'json', '--cache', '--rule', 'heading-marker:off', 'r'], { cwd: big, env });
    expect(linted(fourth.stderr).length).toBe(N + 1);
    expect(json(fourth).flatMap((e) => e.diagnostics).some((d) => d.rule === 'heading-marker')).toBe(false);
    // --cache-location, and a corrupt (here truncated) cache is ignored, not an error; a file that is not a cache is
    // never replaced (test/cli/files.test.ts)
    write(big, 'my-cache.json', '{"format":"report-lint-cache/1","files":{"/x":{"ha');
    const fifth = run(['--format', 'json', '--cache', '--cache-location', 'my-cache.json', 'r'], { cwd: big, env });
    expect(fifth.code).toBe(1);
    expect(linted(fifth.stderr).length).toBe(N + 1);
    expect(JSON.parse(readFileSync(join(big, 'my-cache.json'), 'utf8')).format).toBe('report-lint-cache/1');
  });

  // `script` gives the CLI a terminal; the progress bar is drawn there, and never when CI is set or output is piped.
  it.skipIf(!existsSync('/usr/bin/script'))('draws a progress bar on a terminal only, and not in CI', () => {
    const cmd = `${JSON.stringify(process.execPath)} ${JSON.stringify(CLI)} --format json --output out.json r`;
    const tty = (ci: string) => spawnSync('/usr/bin/script', ['-qec', cmd, '/dev/null'], { cwd: big, encoding: 'utf8', env: { ...process.env, CI: ci, NO_COLOR: '1' } }).stdout;
    expect(tty('')).toMatch(new RegExp(`\\[#+\\] ${N + 1}/${N + 1}`));
    expect(tty('true')).not.toContain(`/${N + 1}`);
    expect(run(['--format', 'json', '--output', 'out.json', 'r'], { cwd: big, env: { CI: '' } }).stderr).toBe('');
  });
});
