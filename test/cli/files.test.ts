// Issue 13, the files the CLI reads and writes: --fix writes only the file it read (#1), through links, keeping
// owner, mode and hard links, never into a read-only file (#3); walks stay in their root (#2); -o and
// --cache-location never replace a document or a foreign file (#7); only regular files are read, up to a cap
// (#14, #19); long names (#26), links and FIFOs (#27) and a full disk (#29) get honest messages.
// Everything runs the built CLI on real files in a temp directory.
import { afterEach, describe, expect, it } from 'vitest';
import { spawnSync, execFileSync } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  existsSync,
  linkSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { CLI, cleanup, ERROR_REPORT, json, tempDir, write, type Run } from './helpers';
import { fsErrorText, readRegularFile } from '../../node/safe-fs';

const INJECT = join(__dirname, 'fixtures', 'inject-fs.cjs');
const FIXED = ERROR_REPORT.replace('1、', '1.').replace('2、', '2.');
const isRoot = process.getuid?.() === 0;
const NOBODY = 65534;

/** Runs the built CLI with a time limit (a hang is a failure, not a stuck test), optionally as another user. */
function cli(args: string[], opts: { cwd: string; env?: Record<string, string>; uid?: number; timeout?: number }): Run {
  const env: Record<string, string> = { ...(process.env as Record<string, string>) };
  delete env.FORCE_COLOR;
  delete env.REPORT_LINT_DEBUG;
  delete env.NODE_OPTIONS;
  Object.assign(env, opts.env);
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd: opts.cwd,
    env,
    encoding: 'utf8',
    timeout: opts.timeout ?? 30_000,
    ...(opts.uid !== undefined ? { uid: opts.uid, gid: opts.uid } : {}),
  });
  if (r.error) throw r.error;
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const inject = (file: string, action: string) => ({ NODE_OPTIONS: `--require ${INJECT}`, RL_INJECT_FILE: file, RL_INJECT_ACTION: action });

let dirs: string[] = [];
function temp(): string {
  const d = tempDir();
  dirs.push(d);
  return d;
}
afterEach(() => {
  for (const d of dirs) cleanup(d);
  dirs = [];
});

const tmpLeft = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.tmp'));

describe('#1 --fix writes only the file it read', () => {
  it('a paragraph appended while the file is checked is kept: nothing written, and it says so', () => {
    const d = temp();
    const a = write(d, 'a.txt', ERROR_REPORT);
    const r = cli(['--fix', 'a.txt'], { cwd: d, env: inject(a, 'append') });
    expect(r.code).toBe(2);
    const now = readFileSync(a, 'utf8');
    expect(now).toContain('这一段是检查期间新增的。');
    expect(now.startsWith(ERROR_REPORT)).toBe(true);
    expect(r.stderr).toContain('文件在检查期间被修改');
    expect(r.stdout).toContain('检查了 1 个文件');
    expect(r.stderr).not.toMatch(/权限|permission/i);
    expect(tmpLeft(d)).toEqual([]);
  });

  it('a file deleted while it is checked is not re-created', () => {
    const d = temp();
    const a = write(d, 'a.txt', ERROR_REPORT);
    const r = cli(['--fix', '--lang', 'en', 'a.txt'], { cwd: d, env: inject(a, 'delete') });
    expect(r.code).toBe(2);
    expect(existsSync(a)).toBe(false);
    expect(r.stderr).toContain('the file was deleted while it was being checked');
    expect(tmpLeft(d)).toEqual([]);
  });

  it('without interference the same run fixes the file (the injection itself changes nothing)', () => {
    const d = temp();
    const a = write(d, 'a.txt', ERROR_REPORT);
    const r = cli(['--fix', 'a.txt'], { cwd: d, env: inject(join(d, 'other.txt'), 'append') });
    expect(r.code).toBe(0);
    expect(readFileSync(a, 'utf8')).toBe(FIXED);
  });
});

describe('#2 a directory walk never leaves its root', () => {
  it('does not follow a link to a directory outside, nor a link to /, and skips a file link that leads out', () => {
    const d = temp();
    const outside = write(d, 'outside/far.txt', ERROR_REPORT);
    const own = write(d, 'tree/own.txt', ERROR_REPORT);
    symlinkSync('../outside', join(d, 'tree', 'ext'));
    symlinkSync('/', join(d, 'tree', 'root'));
    symlinkSync('../outside/far.txt', join(d, 'tree', 'far-link.txt'));
    const started = Date.now();
    const r = cli(['--fix', '--format', 'json', 'tree'], { cwd: d, timeout: 20_000 });
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(r.code).toBe(0);
    expect(readFileSync(own, 'utf8')).toBe(FIXED);
    expect(readFileSync(outside, 'utf8')).toBe(ERROR_REPORT);
    const files = json(r).map((e) => e.file).sort();
    expect(files).toEqual(['tree/far-link.txt', 'tree/own.txt']);
    expect(json(r).find((e) => e.file === 'tree/far-link.txt')!.skipped).toMatch(/符号链接指向“tree”之外/);
  });

  it('a link inside the tree to a file inside it is followed, and the file is linted once', () => {
    const d = temp();
    write(d, 'tree/own.txt', ERROR_REPORT);
    symlinkSync('own.txt', join(d, 'tree', 'alias.txt'));
    const r = cli(['--format', 'json', 'tree'], { cwd: d });
    expect(json(r).map((e) => e.file)).toEqual(['tree/own.txt']);
  });
});

describe('#3 --fix keeps the file it writes', () => {
  it('writes through a symbolic link to its target; the link stays a link', () => {
    const d = temp();
    const target = write(d, 'real/target.txt', ERROR_REPORT);
    symlinkSync('real/target.txt', join(d, 'link.txt'));
    const r = cli(['--fix', 'link.txt'], { cwd: d });
    expect(r.code).toBe(0);
    expect(lstatSync(join(d, 'link.txt')).isSymbolicLink()).toBe(true);
    expect(readFileSync(target, 'utf8')).toBe(FIXED);
    expect(tmpLeft(d)).toEqual([]);
    expect(tmpLeft(join(d, 'real'))).toEqual([]);
  });

  it('hard links stay one file', () => {
    const d = temp();
    const a = write(d, 'a.txt', ERROR_REPORT);
    linkSync(a, join(d, 'b.txt'));
    const ino = statSync(a).ino;
    const r = cli(['--fix', 'a.txt'], { cwd: d });
    expect(r.code).toBe(0);
    expect(statSync(a).ino).toBe(ino);
    expect(statSync(join(d, 'b.txt')).ino).toBe(ino);
    expect(statSync(a).nlink).toBe(2);
    expect(readFileSync(join(d, 'b.txt'), 'utf8')).toBe(FIXED);
  });

  it('keeps mode, and (run by root) owner and group', () => {
    const d = temp();
    const a = write(d, 'a.txt', ERROR_REPORT);
    chmodSync(a, 0o640);
    if (isRoot) chownSync(a, NOBODY, NOBODY);
    const r = cli(['--fix', 'a.txt'], { cwd: d });
    expect(r.code).toBe(0);
    expect(readFileSync(a, 'utf8')).toBe(FIXED);
    const st = statSync(a);
    expect(st.mode & 0o7777).toBe(0o640);
    if (isRoot) expect([st.uid, st.gid]).toEqual([NOBODY, NOBODY]);
  });

  it('never rewrites a file without owner write permission (0444), even as root', () => {
    const d = temp();
    const a = write(d, 'a.txt', ERROR_REPORT);
    chmodSync(a, 0o444);
    const r = cli(['--fix', 'a.txt'], { cwd: d });
    expect(r.code).toBe(2);
    expect(readFileSync(a, 'utf8')).toBe(ERROR_REPORT);
    expect(statSync(a).mode & 0o777).toBe(0o444);
    expect(r.stderr).toContain('文件是只读的（权限 0444');
    // the file was checked: its findings (of the text as it is) are shown and counted
    expect(r.stdout).toContain('检查了 1 个文件，共 2 个问题（2 个错误');
    expect(cli(['--fix', '--lang', 'en', 'a.txt'], { cwd: d }).stderr).toContain('the file is read-only (mode 0444');
  });

  // CI runs as root: the CLI is run as `nobody` here. Not root: the test user is unprivileged already.
  it('as an unprivileged user: neither a 0444 file of theirs nor a file they may not write is replaced', () => {
    const d = temp();
    chmodSync(d, 0o777);
    const uid = isRoot ? NOBODY : undefined;
    const mine = write(d, 'mine.txt', ERROR_REPORT);
    chmodSync(mine, 0o444);
    if (isRoot) chownSync(mine, NOBODY, NOBODY);
    const r1 = cli(['--fix', 'mine.txt'], { cwd: d, uid });
    expect(r1.code).toBe(2);
    expect(readFileSync(mine, 'utf8')).toBe(ERROR_REPORT);
    expect(r1.stderr).toContain('文件是只读的');
    if (!isRoot) return console.log('not root: the file of another user cannot be made, that half is skipped');
    // root's file, writable by root only, in a directory anyone may write: a rename would replace it
    const theirs = write(d, 'theirs.txt', ERROR_REPORT);
    chmodSync(theirs, 0o644);
    const r2 = cli(['--fix', 'theirs.txt'], { cwd: d, uid });
    expect(r2.code).toBe(2);
    expect(readFileSync(theirs, 'utf8')).toBe(ERROR_REPORT);
    expect(statSync(theirs).uid).toBe(0);
    expect(r2.stderr).toContain('没有权限（EACCES）');
    // and a file they own and may write is fixed, and stays theirs
    const ok = write(d, 'ok.txt', ERROR_REPORT);
    chownSync(ok, NOBODY, NOBODY);
    const r3 = cli(['--fix', 'ok.txt'], { cwd: d, uid });
    expect(r3.code).toBe(0);
    expect(readFileSync(ok, 'utf8')).toBe(FIXED);
    expect(statSync(ok).uid).toBe(NOBODY);
    // their file in root's group: a copy could not get that group back, so the file itself is written
    const group = write(d, 'group.txt', ERROR_REPORT);
    chownSync(group, NOBODY, 0);
    chmodSync(group, 0o664);
    const ino = statSync(group).ino;
    expect(cli(['--fix', 'group.txt'], { cwd: d, uid }).code).toBe(0);
    expect(readFileSync(group, 'utf8')).toBe(FIXED);
    expect([statSync(group).uid, statSync(group).gid, statSync(group).ino, statSync(group).mode & 0o777]).toEqual([NOBODY, 0, ino, 0o664]);
    // their writable file in a directory they may not write: no temporary file there, the file itself is written
    const locked = join(d, 'locked');
    const inLocked = write(d, 'locked/x.txt', ERROR_REPORT);
    chownSync(inLocked, NOBODY, NOBODY);
    chmodSync(locked, 0o755);
    expect(cli(['--fix', 'locked/x.txt'], { cwd: d, uid }).code).toBe(0);
    expect(readFileSync(inLocked, 'utf8')).toBe(FIXED);
    expect(tmpLeft(d)).toEqual([]);
  });
});

describe('#7 the report never replaces a document, the cache never replaces a foreign file', () => {
  it('--fix a.txt -o a.txt is refused, also through another name of the same file', () => {
    const d = temp();
    const a = write(d, 'a.txt', ERROR_REPORT);
    const r = cli(['--fix', 'a.txt', '-o', 'a.txt'], { cwd: d });
    expect(r.code).toBe(2);
    expect(readFileSync(a, 'utf8')).toBe(ERROR_REPORT);
    expect(r.stderr).toContain('输出文件“a.txt”也是被检查的文件');
    symlinkSync('a.txt', join(d, 'alias'));
    const r2 = cli(['--lang', 'en', 'a.txt', '-o', 'alias'], { cwd: d });
    expect(r2.code).toBe(2);
    expect(r2.stderr).toContain('the output file "alias" is one of the files being checked');
    expect(readFileSync(a, 'utf8')).toBe(ERROR_REPORT);
    // another output file is fine
    expect(cli(['a.txt', '-o', 'report.txt'], { cwd: d }).code).toBe(1);
    expect(readFileSync(join(d, 'report.txt'), 'utf8')).toContain('a.txt');
  });

  it('--cache-location on an existing file that is not a cache is refused and left as it is', () => {
    const d = temp();
    write(d, 'a.txt', ERROR_REPORT);
    const notes = write(d, 'notes.md', '# my notes\n\nkeep me\n');
    const r = cli(['--cache', '--cache-location', 'notes.md', 'a.txt'], { cwd: d });
    expect(r.code).toBe(2);
    expect(readFileSync(notes, 'utf8')).toBe('# my notes\n\nkeep me\n');
    expect(r.stderr).toContain('不是 report-lint 的缓存文件');
    expect(r.stdout).toBe('');
    mkdirSync(join(d, 'cachedir'));
    const r2 = cli(['--lang', 'en', '--cache', '--cache-location', 'cachedir', 'a.txt'], { cwd: d });
    expect(r2.code).toBe(2);
    expect(r2.stderr).toContain('--cache-location "cachedir" exists and is not a regular file: a directory');
    // a new location, and then the cache written there, are used
    expect(cli(['--cache', '--cache-location', 'c.json', 'a.txt'], { cwd: d }).code).toBe(1);
    expect(cli(['--cache', '--cache-location', 'c.json', 'a.txt'], { cwd: d }).code).toBe(1);
    expect(JSON.parse(readFileSync(join(d, 'c.json'), 'utf8')).format).toBe('report-lint-cache/1');
  });
});

describe('#14 #19 only regular files are read, and never more than a cap', () => {
  it('a .txt or .md that is a link to /dev/urandom or /dev/zero, or a FIFO, is skipped with what it is', () => {
    const d = temp();
    symlinkSync('/dev/urandom', join(d, 'random.txt'));
    symlinkSync('/dev/zero', join(d, 'zero.md'));
    execFileSync('mkfifo', [join(d, 'pipe.txt')]);
    write(d, 'a.txt', ERROR_REPORT);
    const r = cli(['--format', 'json', 'random.txt', 'zero.md', 'pipe.txt', 'a.txt'], { cwd: d, timeout: 20_000 });
    expect(r.code).toBe(1);
    const by = Object.fromEntries(json(r).map((e) => [e.file, e]));
    expect(by['random.txt'].skipped).toBe('不是普通文件：是字符设备（符号链接，指向“/dev/urandom”）');
    expect(by['zero.md'].skipped).toBe('不是普通文件：是字符设备（符号链接，指向“/dev/zero”）');
    expect(by['pipe.txt'].skipped).toBe('不是普通文件：是命名管道（FIFO）');
    expect(by['a.txt'].diagnostics.length).toBeGreaterThan(0);
    // found by a walk: the FIFO is skipped the same way, the links lead out of the tree
    const w = cli(['--lang', 'en', '--format', 'json', '.'], { cwd: d, timeout: 20_000 });
    const wb = Object.fromEntries(json(w).map((e) => [e.file, e]));
    expect(wb['pipe.txt'].skipped).toBe('not a regular file: a FIFO (named pipe)');
    expect(wb['random.txt'].skipped).toBe('a symbolic link to "/dev/urandom", outside ".": not followed');
  });

  it('the size cap holds while reading: a file whose size stat does not tell (/proc) is not read past it', () => {
    const d = temp();
    symlinkSync('/proc/self/maps', join(d, 'maps.txt'));
    write(d, '.reportlintrc.json', '{ "maxSize": 100 }');
    const r = cli(['--format', 'json', 'maps.txt'], { cwd: d });
    expect(r.code).toBe(0);
    // maxSize counts characters; no encoding takes more than 4 bytes for one, so the byte cap is 4 × 100 + 3
    expect(json(r)[0].skipped).toBe('too large (404 bytes, over the limit of 100 characters)');
    // the reader itself: a stat size of 0, and content past the cap
    expect(statSync('/proc/self/maps').size).toBe(0);
    expect(readRegularFile('/proc/self/maps', 10, 'en')).toEqual({ skipped: 'too large (11 bytes, limit 10)' });
  });

  it('a .gitignore or .reportlintignore that is a link to /dev/zero or a FIFO is not read: a warning, and the run goes on', () => {
    const d = temp();
    symlinkSync('/dev/zero', join(d, '.gitignore'));
    execFileSync('mkfifo', [join(d, '.reportlintignore')]);
    write(d, 'a.txt', ERROR_REPORT);
    const r = cli(['--format', 'json', '.'], { cwd: d, timeout: 20_000 });
    expect(r.code).toBe(1);
    expect(json(r).map((e) => e.file)).toEqual(['a.txt']);
    expect(r.stderr).toContain(`忽略文件“${join(d, '.gitignore')}”未被使用：不是普通文件：是字符设备`);
    expect(r.stderr).toContain(`忽略文件“${join(d, '.reportlintignore')}”未被使用：不是普通文件：是命名管道（FIFO）`);
  });

  it('--config /dev/zero or a FIFO: a clear error at once, exit 2', () => {
    const d = temp();
    write(d, 'a.txt', ERROR_REPORT);
    execFileSync('mkfifo', [join(d, 'fifo.json')]);
    const z = cli(['--config', '/dev/zero', 'a.txt'], { cwd: d, timeout: 20_000 });
    expect(z.code).toBe(2);
    expect(z.stderr).toContain('不能用作配置文件：不是普通文件：是字符设备');
    const f = cli(['--lang', 'en', '--config', 'fifo.json', 'a.txt'], { cwd: d, timeout: 20_000 });
    expect(f.code).toBe(2);
    expect(f.stderr).toContain('cannot be used as a config file: not a regular file: a FIFO (named pipe)');
  });
});

describe('#26 a 250-byte file name', () => {
  it('is fixed (a short temporary name), and the summary counts it', () => {
    const d = temp();
    const name = `${'报'.repeat(80)}${'a'.repeat(6)}.txt`; // 80 × 3 + 6 + 4 = 250 bytes
    expect(Buffer.byteLength(name)).toBe(250);
    const a = write(d, name, ERROR_REPORT);
    const r = cli(['--fix', name], { cwd: d });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(readFileSync(a, 'utf8')).toBe(FIXED);
    expect(r.stdout).toContain('检查了 1 个文件');
    expect(r.stdout).toContain('已修复 2 处');
    expect(tmpLeft(d)).toEqual([]);
  });

  it('a name over NAME_MAX on the command line is called too long, not missing', () => {
    const d = temp();
    const r = cli(['--lang', 'en', `${'a'.repeat(256)}.txt`], { cwd: d });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('the file name or path is too long (ENAMETOOLONG); shorten it');
    expect(r.stderr).not.toMatch(/permission|no such file/);
  });

  it('a name too long is called that, not a permission problem', () => {
    const e = Object.assign(new Error('x'), { code: 'ENAMETOOLONG' });
    expect(fsErrorText(e, 'zh')).toBe('文件名或路径过长（ENAMETOOLONG）；请缩短文件名或路径');
    expect(fsErrorText(e, 'en')).not.toMatch(/permission/);
  });
});

describe('#27 a link loop, a dangling link or a FIFO is reported as what it is', () => {
  it('named on the command line', () => {
    const d = temp();
    symlinkSync('loop.txt', join(d, 'loop.txt'));
    symlinkSync('missing.txt', join(d, 'dangling.txt'));
    execFileSync('mkfifo', [join(d, 'pipe.txt')]);
    const loop = cli(['loop.txt'], { cwd: d });
    expect(loop.code).toBe(2);
    expect(loop.stderr).toContain('无法读取“loop.txt”：循环的符号链接（或链接层数过多，ELOOP）');
    expect(loop.stderr).not.toContain('no such file');
    const dangling = cli(['--lang', 'en', 'dangling.txt'], { cwd: d });
    expect(dangling.code).toBe(2);
    expect(dangling.stderr).toContain('cannot read "dangling.txt": a dangling symbolic link: its target "missing.txt" does not exist');
    const pipe = cli(['--format', 'json', 'pipe.txt'], { cwd: d, timeout: 20_000 });
    expect(pipe.code).toBe(0);
    expect(json(pipe)[0].skipped).toBe('不是普通文件：是命名管道（FIFO）');
  });

  it('found by a walk: skipped with the reason, the rest linted', () => {
    const d = temp();
    symlinkSync('loop.txt', join(d, 'loop.txt'));
    symlinkSync('missing.txt', join(d, 'dangling.txt'));
    write(d, 'a.txt', ERROR_REPORT);
    const r = cli(['--format', 'json', '.'], { cwd: d });
    expect(r.code).toBe(1);
    const by = Object.fromEntries(json(r).map((e) => [e.file, e]));
    expect(by['loop.txt'].skipped).toBe('循环的符号链接（或链接层数过多，ELOOP）');
    expect(by['dangling.txt'].skipped).toBe('失效的符号链接：它指向的“missing.txt”不存在');
    expect(by['a.txt'].diagnostics.length).toBeGreaterThan(0);
  });
});

describe('#29 a full disk', () => {
  const check = (r: Run, file: string) => {
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('磁盘已满（ENOSPC）；请腾出磁盘空间后重试；文件保持原样');
    expect(r.stderr).not.toMatch(/权限|permission/i);
    expect(readFileSync(file, 'utf8')).toBe(ERROR_REPORT);
    expect(r.stdout).toContain('检查了 1 个文件，共 2 个问题');
  };

  it('says so, with advice for that and nothing about permissions; the file is left whole (injected ENOSPC)', () => {
    const d = temp();
    const a = write(d, 'a.txt', ERROR_REPORT);
    check(cli(['--fix', 'a.txt'], { cwd: d, env: inject(a, 'enospc') }), a);
    expect(tmpLeft(d)).toEqual([]);
    const en = cli(['--lang', 'en', '--fix', 'a.txt'], { cwd: d, env: inject(a, 'enospc') });
    expect(en.stderr).toContain('no space left on the device (ENOSPC); free some disk space and run again; the file was left unchanged');
  });

  it('a write into the file itself (hard links) that fails half-way puts the original bytes back', () => {
    const d = temp();
    const a = write(d, 'a.txt', ERROR_REPORT);
    linkSync(a, join(d, 'b.txt'));
    const r = cli(['--fix', 'a.txt'], { cwd: d, env: inject(a, 'enospc-partial') });
    expect(r.stderr).toContain('磁盘已满（ENOSPC）；请腾出磁盘空间后重试；已恢复文件原内容');
    expect(r.code).toBe(2);
    expect(readFileSync(join(d, 'b.txt'), 'utf8')).toBe(ERROR_REPORT);
    expect(statSync(a).nlink).toBe(2);
    // a temporary copy that fails half-way is removed; the original was never touched
    const c = write(d, 'c.txt', ERROR_REPORT);
    const r2 = cli(['--fix', 'c.txt'], { cwd: d, env: inject(c, 'enospc-partial') });
    expect(r2.stderr).toContain('磁盘已满（ENOSPC）；请腾出磁盘空间后重试；文件保持原样');
    expect(readFileSync(c, 'utf8')).toBe(ERROR_REPORT);
    expect(tmpLeft(d)).toEqual([]);
  });

  it('on a real full file system (a small tmpfs; needs root and mount)', (ctx) => {
    const d = temp();
    const mnt = join(d, 'mnt');
    mkdirSync(mnt);
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', mnt], { stdio: 'ignore' });
    } catch {
      console.log('cannot mount a tmpfs here: the injected ENOSPC test covers the message');
      return ctx.skip();
    }
    try {
      mkdirSync(join(mnt, '.git'));
      // the report, then the rest of the space filled: the temporary copy cannot be written
      const a = join(mnt, 'a.txt');
      writeFileSync(a, ERROR_REPORT);
      try {
        writeFileSync(join(mnt, 'fill'), Buffer.alloc(1 << 20));
      } catch {
        /* full */
      }
      check(cli(['--fix', 'a.txt'], { cwd: mnt }), a);
      expect(tmpLeft(mnt)).toEqual([]);
    } finally {
      execFileSync('umount', [mnt]);
    }
  });
});
