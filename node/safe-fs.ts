// Reading and writing the user's files without losing a byte (issue 13): only regular files are read, never more
// than a cap; a fix is written only if the file is still what was read, through symlinks to the target, keeping
// its owner, mode and hard links, and never into a file without owner write permission. Every error says what
// it is, in the user's language, with advice for that cause only.
import {
  accessSync,
  closeSync,
  constants,
  fchmodSync,
  fchownSync,
  fstatSync,
  fsyncSync,
  ftruncateSync,
  lstatSync,
  openSync,
  readlinkSync,
  readSync,
  realpathSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
  type Stats,
} from 'node:fs';
import { randomBytes } from 'node:crypto';
import { dirname, join } from 'node:path';

export type MsgLang = 'zh' | 'en';

const say = (lang: MsgLang, zh: string, en: string) => (lang === 'en' ? en : zh);

/** What a non-regular file is, in words. */
export function kindOf(st: Stats, lang: MsgLang): string {
  if (st.isDirectory()) return say(lang, '目录', 'a directory');
  if (st.isFIFO()) return say(lang, '命名管道（FIFO）', 'a FIFO (named pipe)');
  if (st.isCharacterDevice()) return say(lang, '字符设备', 'a character device');
  if (st.isBlockDevice()) return say(lang, '块设备', 'a block device');
  if (st.isSocket()) return say(lang, '套接字', 'a socket');
  if (st.isSymbolicLink()) return say(lang, '符号链接', 'a symbolic link');
  return say(lang, '普通文件', 'a regular file');
}

/** Where a symbolic link points, when `path` is one ("" otherwise). */
function linkTarget(path: string): string {
  try {
    return lstatSync(path).isSymbolicLink() ? readlinkSync(path) : '';
  } catch {
    return '';
  }
}

/**
 * Why `path` cannot be opened, as what it is: a dangling link or a link loop is not "no such file".
 * `err` is the error the open (or stat) gave.
 */
export function describeOpenError(path: string, err: NodeJS.ErrnoException, lang: MsgLang): string {
  const target = linkTarget(path);
  if (err.code === 'ELOOP') return say(lang, '循环的符号链接（或链接层数过多，ELOOP）', 'a symbolic link loop (or too many levels of links, ELOOP)');
  if (err.code === 'ENOENT' && target) {
    return say(lang, `失效的符号链接：它指向的“${target}”不存在`, `a dangling symbolic link: its target "${target}" does not exist`);
  }
  return fsErrorText(err, lang);
}

/** An errno in words, with the advice that fits that cause (and only it). */
export function fsErrorText(err: NodeJS.ErrnoException, lang: MsgLang): string {
  const code = err.code ?? '';
  switch (code) {
    case 'ENOENT':
      return say(lang, '文件不存在（ENOENT）；请检查路径', 'no such file (ENOENT); check the path');
    case 'EACCES':
    case 'EPERM':
      return say(lang, `没有权限（${code}）；请检查你是否有权读写该文件及其所在目录`, `permission denied (${code}); check that you may read and write the file and its directory`);
    case 'ENOSPC':
      return say(lang, '磁盘已满（ENOSPC）；请腾出磁盘空间后重试', 'no space left on the device (ENOSPC); free some disk space and run again');
    case 'EDQUOT':
      return say(lang, '超出磁盘配额（EDQUOT）；请腾出空间或请管理员调整配额', 'disk quota exceeded (EDQUOT); free some space or ask for a larger quota');
    case 'EROFS':
      return say(lang, '文件系统是只读的（EROFS）；无法写入', 'the file system is read-only (EROFS)');
    case 'ENAMETOOLONG':
      return say(lang, '文件名或路径过长（ENAMETOOLONG）；请缩短文件名或路径', 'the file name or path is too long (ENAMETOOLONG); shorten it');
    case 'ELOOP':
      return say(lang, '路径中有循环的符号链接（ELOOP）', 'a symbolic link loop in the path (ELOOP)');
    case 'EISDIR':
      return say(lang, '这是一个目录（EISDIR）', 'it is a directory (EISDIR)');
    case 'ENOTDIR':
      return say(lang, '路径中的某一部分不是目录（ENOTDIR）；请检查路径', 'a part of the path is not a directory (ENOTDIR); check the path');
    case 'EIO':
      return say(lang, '输入输出错误（EIO）；磁盘或网络文件系统可能有故障', 'input/output error (EIO); the disk or network file system may be failing');
    case 'EMFILE':
    case 'ENFILE':
      return say(lang, `打开的文件过多（${code}）；请减少 --concurrency 或提高文件数限制`, `too many open files (${code}); lower --concurrency or raise the open-file limit`);
    case 'EBUSY':
    case 'ETXTBSY':
      return say(lang, `文件正被占用（${code}）；请关闭占用它的程序后重试`, `the file is busy (${code}); close the program using it and run again`);
    case 'EXDEV':
      return say(lang, '临时文件与目标不在同一文件系统（EXDEV）', 'the temporary file and the target are on different file systems (EXDEV)');
    default:
      return code ? `${code}: ${err.message}` : err.message;
  }
}

export interface ReadRegular {
  bytes: Buffer;
  /** The stat of the file as it was read (fstat of the open descriptor). */
  stat: Stats;
}

/**
 * Reads a regular file, at most `cap` bytes: never blocks on a FIFO (opened non-blocking, then refused), never reads
 * a device, and stops reading at the cap even when the size stat gave was wrong or the file grows. Returns `skipped`
 * with the reason for anything that is not to be read; throws the open error (ENOENT, EACCES, ELOOP…).
 */
export function readRegularFile(path: string, cap: number, lang: MsgLang): ReadRegular | { skipped: string } {
  const fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOCTTY);
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) {
      const target = linkTarget(path);
      const via = target ? say(lang, `（符号链接，指向“${target}”）`, ` (a symbolic link to "${target}")`) : '';
      return { skipped: say(lang, `不是普通文件：是${kindOf(stat, lang)}${via}`, `not a regular file: ${kindOf(stat, lang)}${via}`) };
    }
    if (stat.size > cap) return { skipped: tooLarge(stat.size, cap, lang) };
    // size + 1: a file that grew since the stat is seen to be larger than it said
    let buf = Buffer.allocUnsafe(Math.min(stat.size, cap) + 1);
    let n = 0;
    for (;;) {
      if (n === buf.length) {
        if (n > cap) return { skipped: tooLarge(n, cap, lang) };
        const bigger = Buffer.allocUnsafe(Math.min(Math.max(buf.length * 2, 64 * 1024), cap + 1));
        buf.copy(bigger, 0, 0, n);
        buf = bigger;
      }
      const got = readSync(fd, buf, n, buf.length - n, null);
      if (got === 0) break;
      n += got;
    }
    return { bytes: buf.subarray(0, n), stat };
  } finally {
    closeSync(fd);
  }
}

// the wording of the existing size skip (engine and CLI), in both languages
function tooLarge(size: number, cap: number, _lang: MsgLang): string {
  return `too large (${size} bytes, limit ${cap})`;
}

/** Why a fix was not written: the file is as it was, and the message says why. */
export class FixNotWritten extends Error {
  constructor(
    message: string,
    readonly code?: string,
  ) {
    super(message);
    this.name = 'FixNotWritten';
  }
}

/** A short temporary name: a long file name plus a suffix would exceed NAME_MAX (255 bytes). */
function tempName(dir: string): string {
  return join(dir, `.rl-${process.pid.toString(36)}-${randomBytes(4).toString('hex')}.tmp`);
}

const sameFile = (a: Stats, b: Stats) => a.dev === b.dev && a.ino === b.ino && a.size === b.size && a.mtimeMs === b.mtimeMs;

/**
 * Writes `data` (the fixed text) over the file that was read as `read`, or refuses with a FixNotWritten saying
 * why; the file is then as it was. Guarantees:
 * - the file is written only if it is still the file that was read: same device and inode, size, modification
 *   time and bytes (checked before the write, and the stat again just before the rename); a deleted file is not
 *   re-created;
 * - a symbolic link is written through: its target gets the new bytes, the link stays a link;
 * - a file without owner write permission (e.g. 0444) is never written, even by root, and an unprivileged user
 *   never replaces a file they may not write (a rename needs only the directory's permission);
 * - owner, group and mode are kept; a file with several hard links is written in place, so the links stay one
 *   file; otherwise a temporary file in the same directory (short name) is renamed over the target, so a crash
 *   or a full disk leaves the original whole.
 */
export function writeFixedFile(path: string, data: Buffer, read: ReadRegular, lang: MsgLang): void {
  let target: string;
  let now: Stats;
  try {
    target = realpathSync(path);
    now = statSync(target);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'ENOENT') throw new FixNotWritten(say(lang, '文件在检查期间被删除；未写入修复，也没有重新创建它', 'the file was deleted while it was being checked; the fixes were not written and the file was not re-created'), 'deleted');
    throw new FixNotWritten(describeOpenError(path, err, lang), err.code);
  }
  const changed = () =>
    new FixNotWritten(say(lang, '文件在检查期间被修改；未写入修复，文件保持原样，请重新运行', 'the file changed while it was being checked; the fixes were not written and the file was left as it is: run again'), 'changed');
  if (!now.isFile() || !sameFile(now, read.stat)) throw changed();
  if ((now.mode & 0o200) === 0) {
    throw new FixNotWritten(
      say(lang, `文件是只读的（权限 ${(now.mode & 0o777).toString(8).padStart(4, '0')}，所有者不可写）；未写入修复`, `the file is read-only (mode ${(now.mode & 0o777).toString(8).padStart(4, '0')}, no owner write permission); the fixes were not written`),
      'readonly',
    );
  }
  try {
    accessSync(target, constants.W_OK);
  } catch (e) {
    throw new FixNotWritten(fsErrorText(e as NodeJS.ErrnoException, lang), (e as NodeJS.ErrnoException).code);
  }
  // the bytes, not only the stat: a same-size edit within the clock's resolution keeps size and mtime
  let again: ReadRegular | { skipped: string };
  try {
    again = readRegularFile(target, read.bytes.length, lang);
  } catch {
    throw changed();
  }
  if (!('bytes' in again) || !again.bytes.equals(read.bytes) || !sameFile(again.stat, read.stat)) throw changed();

  const uid = process.getuid?.() ?? -1;
  const gid = process.getgid?.() ?? -1;
  if (now.nlink > 1) return writeInPlace(target, data, read, lang, changed);
  const tmp = tempName(dirname(target));
  let fd: number;
  try {
    fd = openSync(tmp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o600);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    // a directory we may not write, holding a file we may: write the file itself
    if (err.code === 'EACCES' || err.code === 'EPERM') return writeInPlace(target, data, read, lang, changed);
    throw new FixNotWritten(fsErrorText(err, lang), err.code);
  }
  let renamed = false;
  try {
    try {
      for (let at = 0; at < data.length; ) at += writeSync(fd, data, at, data.length - at);
      if (uid >= 0 && (now.uid !== uid || now.gid !== gid)) fchownSync(fd, now.uid, now.gid);
      // after the chown, which clears set-id bits
      fchmodSync(fd, now.mode & 0o7777);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    // the check again, just before the rename: a change in the last milliseconds is not written over
    let last: Stats;
    try {
      last = statSync(target);
    } catch {
      throw changed();
    }
    if (!sameFile(last, read.stat)) throw changed();
    renameSync(tmp, target);
    renamed = true;
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (!renamed) {
      try {
        unlinkSync(tmp);
      } catch {
        /* already gone */
      }
    }
    if (err instanceof FixNotWritten) throw err;
    // an unprivileged user cannot give the copy the file's owner: write the file itself, which keeps it
    if ((err.code === 'EPERM' || err.code === 'EINVAL') && err.syscall === 'fchown') return writeInPlace(target, data, read, lang, changed);
    throw new FixNotWritten(`${fsErrorText(err, lang)}${say(lang, '；文件保持原样', '; the file was left unchanged')}`, err.code);
  }
}

/**
 * Writes into the file itself (hard links, or no way to keep the owner with a copy). The file is opened, checked
 * against what was read, overwritten and truncated; if a write fails half-way the original bytes are put back.
 */
function writeInPlace(target: string, data: Buffer, read: ReadRegular, lang: MsgLang, changed: () => FixNotWritten): void {
  let fd: number;
  try {
    fd = openSync(target, constants.O_WRONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (e) {
    throw new FixNotWritten(fsErrorText(e as NodeJS.ErrnoException, lang), (e as NodeJS.ErrnoException).code);
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile() || !sameFile(st, read.stat)) throw changed();
    try {
      writeAllAt(fd, data);
      ftruncateSync(fd, data.length);
      fsyncSync(fd);
    } catch (e) {
      const err = e as NodeJS.ErrnoException;
      let restored = true;
      try {
        writeAllAt(fd, read.bytes);
        ftruncateSync(fd, read.bytes.length);
        fsyncSync(fd);
      } catch {
        restored = false;
      }
      throw new FixNotWritten(
        `${fsErrorText(err, lang)}${restored ? say(lang, '；已恢复文件原内容', '; the original content was put back') : say(lang, '；恢复原内容也失败了，文件可能已损坏', '; putting the original content back failed too: the file may be damaged')}`,
        err.code,
      );
    }
  } finally {
    closeSync(fd);
  }
}

function writeAllAt(fd: number, data: Buffer): void {
  for (let at = 0; at < data.length; ) at += writeSync(fd, data, at, data.length - at, at);
}

/**
 * The first `n` bytes of a regular file (fewer if it is shorter), without blocking on a FIFO or reading a device;
 * `skipped` says what it is otherwise. Throws the open error.
 */
export function readRegularHead(path: string, n: number, lang: MsgLang): ReadRegular | { skipped: string } {
  const fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOCTTY);
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) return { skipped: say(lang, `不是普通文件：是${kindOf(stat, lang)}`, `not a regular file: ${kindOf(stat, lang)}`) };
    const buf = Buffer.alloc(n);
    let got = 0;
    for (let r = -1; got < n && r !== 0; got += r) r = readSync(fd, buf, got, n - got, null);
    return { bytes: buf.subarray(0, got), stat };
  } finally {
    closeSync(fd);
  }
}
