// The terms rule's term files in the CLI: read next to the config, merged after its inline entries, a file that
// cannot be used is a config error (exit 2, naming the file, never quoting it), and a changed file invalidates --cache.
import { afterEach, describe, expect, it } from 'vitest';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanup, run, tempDir, write } from './helpers';

const TEXT = '区管委会召开会议。全区网格员共320名。本报告为内部资料，绝密。\n';
const CONFIG = (files: string[], extra: Record<string, unknown> = {}) => JSON.stringify({ rules: { terms: ['warning', { files, ...extra }] } });

interface Diag {
  rule: string;
  message: string;
}
const termsOf = (stdout: string): string[] =>
  (JSON.parse(stdout) as { diagnostics: Diag[] }[]).flatMap((f) => f.diagnostics.filter((d) => d.rule === 'terms').map((d) => d.message));

let dir = '';
afterEach(() => {
  if (dir) cleanup(dir);
  dir = '';
});

describe('term files in the CLI', () => {
  it('JSON and plain-text term files next to the config apply, after the inline entries; --fix applies their replacements', () => {
    dir = tempDir();
    write(dir, '.reportlintrc.json', CONFIG(['terms/unit.json', 'terms/more.txt'], { forbid: [{ word: '绝密' }] }));
    write(dir, 'terms/unit.json', '// 本单位用语\n{ "replace": [{ "from": "区管委会", "to": "区管理委员会", "message": "用全称" }] }\n');
    write(dir, 'terms/more.txt', '# 本单位用语\n网格员 => 网格管理员 | 规范称谓\n内部资料 | 对外报告不得出现\n');
    write(dir, 'docs/a.txt', TEXT);
    const r = run(['--format', 'json', 'docs/a.txt'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(termsOf(r.stdout)).toEqual(['“区管委会”应为“区管理委员会”：用全称', '“网格员”应为“网格管理员”：规范称谓', '禁用词“内部资料”：对外报告不得出现', '禁用词“绝密”']);
    const f = run(['--fix', 'docs/a.txt'], { cwd: dir });
    expect(f.code).toBe(0);
    expect(run(['--format', 'json', 'docs/a.txt'], { cwd: dir }).stdout).not.toContain('区管委会');
  });

  it('paths are relative to the config that names them (--config elsewhere)', () => {
    dir = tempDir();
    write(dir, 'shared/rc.json', CONFIG(['t.txt']));
    write(dir, 'shared/t.txt', '内部资料\n');
    write(dir, 'a.txt', TEXT);
    const r = run(['--config', 'shared/rc.json', '--format', 'json', 'a.txt'], { cwd: dir });
    expect(termsOf(r.stdout)).toEqual(['禁用词“内部资料”']);
  });

  it('a missing term file is a config error naming it (zh by default, en with --lang en); nothing is linted', () => {
    dir = tempDir();
    write(dir, '.reportlintrc.json', CONFIG(['unit-terms.json']));
    write(dir, 'a.txt', TEXT);
    const zh = run(['a.txt'], { cwd: dir });
    expect(zh.code).toBe(2);
    expect(zh.stdout).toBe('');
    expect(zh.stderr).toContain('.reportlintrc.json 有误');
    expect(zh.stderr).toContain('术语文件“unit-terms.json”：无法读取');
    const en = run(['--lang', 'en', 'a.txt'], { cwd: dir });
    expect(en.code).toBe(2);
    expect(en.stderr).toContain('term file "unit-terms.json": cannot read it');
    expect(en.stderr).toContain('Nothing was linted');
  });

  it('invalid JSON, wrong shapes, not UTF-8, too large: each a config error naming the file', () => {
    dir = tempDir();
    write(dir, '.reportlintrc.json', CONFIG(['a.json', 'b.json', 'c.txt', 'd.txt']));
    write(dir, 'a.json', '{ "replace": [ }');
    write(dir, 'b.json', '{ "forbid": [{ "wrod": "甲" }] }');
    write(dir, 'c.txt', Buffer.from([0xc4, 0xda, 0xb2, 0xbf, 0x0a])); // 内部 in GBK
    write(dir, 'd.txt', '甲\n'.repeat(600_000));
    write(dir, 'x.txt', TEXT);
    const r = run(['--lang', 'en', 'x.txt'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('term file "a.json": invalid JSON at line 1');
    expect(r.stderr).toContain('term file "b.json": forbid[0]: unknown key "wrod": did you mean "word"?');
    expect(r.stderr).toContain('term file "c.txt": not UTF-8 text: save it as UTF-8');
    expect(r.stderr).toMatch(/term file "d\.txt": cannot be read: too large \(\d+ bytes, limit 1048576\)/);
  });

  it('a config naming a file outside its folder gets an error, never its content (path, "..", or a link)', () => {
    dir = tempDir();
    const outside = tempDir();
    try {
      write(outside, 'secret.txt', 'secret-token-123\n');
      write(outside, 'secret.json', '{ "forbid": [{ "word": "secret-token-123" }] }');
      mkdirSync(join(dir, 'repo'));
      symlinkSync(join(outside, 'secret.txt'), join(dir, 'repo', 'link.txt'));
      write(dir, 'repo/.reportlintrc.json', CONFIG([join(outside, 'secret.json'), '../secret.txt', 'link.txt', '/etc/passwd']));
      write(dir, 'repo/a.txt', 'secret-token-123\n');
      const r = run(['--lang', 'en', 'a.txt'], { cwd: join(dir, 'repo') });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/must be relative to the config file's folder/);
      expect(r.stderr).toContain('term file "../secret.txt": the path may not contain ".."');
      expect(r.stderr).toContain('term file "link.txt": it leads (through a symbolic link) outside the config file\'s folder: not read');
      expect(r.stderr).toContain('term file "/etc/passwd"');
      expect(r.stderr + r.stdout).not.toContain('secret-token-123');
    } finally {
      cleanup(outside);
    }
  });

  it('--cache: a changed term file lints again with the new entries; an unchanged one is a cache hit', () => {
    dir = tempDir();
    write(dir, '.reportlintrc.json', CONFIG(['t.txt']));
    write(dir, 't.txt', '内部资料\n');
    write(dir, 'a.txt', TEXT);
    const env = { REPORT_LINT_DEBUG: 'cache' };
    const first = run(['--cache', '--format', 'json', 'a.txt'], { cwd: dir, env });
    expect(first.stderr).toContain('linted a.txt');
    expect(termsOf(first.stdout)).toEqual(['禁用词“内部资料”']);
    const again = run(['--cache', '--format', 'json', 'a.txt'], { cwd: dir, env });
    expect(again.stderr).toContain('cached a.txt');
    writeFileSync(join(dir, 't.txt'), '内部资料 | 对外报告不得出现\n');
    const changed = run(['--cache', '--format', 'json', 'a.txt'], { cwd: dir, env });
    expect(changed.stderr).toContain('linted a.txt');
    expect(termsOf(changed.stdout)).toEqual(['禁用词“内部资料”：对外报告不得出现']);
  });
});
