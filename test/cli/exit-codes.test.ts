// Exit codes of the built CLI: 0 no error finding, 1 error findings or --max-warnings exceeded,
// 2 the tool failed (bad config naming the file and key, missing file, bad arguments, nothing matched).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, CLEAN_REPORT, ERROR_REPORT, json, run, tempDir, write } from './helpers';

let dir: string;
beforeAll(() => {
  dir = tempDir();
  write(dir, 'clean.txt', CLEAN_REPORT);
  write(dir, 'bad.txt', ERROR_REPORT);
});
afterAll(() => cleanup(dir));

describe('exit codes', () => {
  it('0 when there is no error finding', () => {
    const r = run(['--format', 'json', 'clean.txt'], { cwd: dir });
    expect(json(r)[0].diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(r.code).toBe(0);
  });

  it('1 when there is an error finding', () => {
    const r = run(['--format', 'json', 'bad.txt'], { cwd: dir });
    const errors = json(r)[0].diagnostics.filter((d) => d.severity === 'error');
    expect(errors.map((d) => d.rule)).toContain('heading-marker');
    expect(r.code).toBe(1);
  });

  it('0 with warnings only, 1 when they exceed --max-warnings', () => {
    const args = ['--format', 'json', '--rule', 'heading-marker:warning', 'bad.txt'];
    const r = run(args, { cwd: dir });
    const diags = json(r)[0].diagnostics;
    const warnings = diags.filter((d) => d.severity === 'warning').length;
    expect(warnings).toBeGreaterThanOrEqual(2);
    if (diags.some((d) => d.severity === 'error')) throw new Error('bad.txt should have warnings only here: ' + JSON.stringify(diags));
    expect(r.code).toBe(0);
    expect(run([...args, '--max-warnings', String(warnings)], { cwd: dir }).code).toBe(0);
    const over = run([...args, '--max-warnings', String(warnings - 1)], { cwd: dir });
    expect(over.code).toBe(1);
    expect(over.stderr).toContain('--max-warnings');
  });

  it('2 for a bad config: names the file and the bad key, lints nothing', () => {
    const d = tempDir();
    try {
      write(d, 'reports/bad.txt', ERROR_REPORT);
      const cfg = write(d, '.reportlintrc.json', '{\n  // comments are allowed\n  "rules": { "heading-markr": "off" }\n}\n');
      const r = run(['--format', 'json', 'reports'], { cwd: d });
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain(cfg);
      expect(r.stderr).toContain('heading-markr');
      const sev = write(d, 'other.json', '{ "rules": { "heading-marker": "fatal" } }');
      const r2 = run(['--config', 'other.json', 'reports'], { cwd: d });
      expect(r2.code).toBe(2);
      expect(r2.stderr).toContain(sev);
      expect(r2.stderr).toContain('heading-marker');
      const r3 = run(['--config', 'missing.json', 'reports'], { cwd: d });
      expect(r3.code).toBe(2);
      expect(r3.stderr).toContain('missing.json');
    } finally {
      cleanup(d);
    }
  });

  it('2 for a missing file, naming it', () => {
    const r = run(['clean.txt', 'no-such-report.md'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('"no-such-report.md"');
    expect(r.stdout).toBe('');
  });

  it('2 for bad arguments, with what to do', () => {
    for (const args of [['--bogus', 'clean.txt'], ['--format', 'xml', 'clean.txt'], ['--rule', 'heading-marker', 'clean.txt'], ['--rule', 'no-such-rule:error', 'clean.txt'], ['--max-warnings', 'many', 'clean.txt'], ['--shard', '3/2', 'clean.txt'], ['--lang', 'fr', 'clean.txt'], []]) {
      const r = run(args, { cwd: dir });
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toMatch(/^report-lint: .+/);
    }
    expect(run(['--rule', 'no-such-rule:error', 'clean.txt'], { cwd: dir }).stderr).toContain('no-such-rule');
  });

  it('2 when a directory or glob matches no file', () => {
    const d = tempDir();
    try {
      write(d, 'empty/readme.pdf', 'x');
      const r = run(['empty', '"*.md"'.slice(1, -1)], { cwd: d });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('没有匹配的文件');
      expect(r.stderr).toContain('"empty"');
      expect(run(['--lang', 'en', 'empty'], { cwd: d }).stderr).toContain('no files matched');
    } finally {
      cleanup(d);
    }
  });

  it('a skipped file does not change the exit code', () => {
    write(dir, 'binary.txt', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00, 0x00]));
    const r = run(['--format', 'json', 'clean.txt', 'binary.txt'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(json(r)[0]).toMatchObject({ file: 'binary.txt', skipped: 'binary content (NUL bytes)', diagnostics: [], placeholders: 0 });
  });

  it('--help and --version exit 0', () => {
    const h = run(['--help'], { cwd: dir });
    expect(h.code).toBe(0);
    expect(h.stdout).toContain('用法：report-lint');
    expect(run(['--help', '--lang', 'en'], { cwd: dir }).stdout).toContain('Usage: report-lint');
    const v = run(['--version'], { cwd: dir });
    expect(v.code).toBe(0);
    expect(v.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });
});
