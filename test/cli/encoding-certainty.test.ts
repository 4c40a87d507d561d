// Issue 13 #4, #5, #28, #31: --fix writes a file back only when its decoding is certain, and then changes no byte
// outside the fixed spans; UTF-16 without a byte order mark is text; random bytes are skipped with a reason.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import iconv from 'iconv-lite';
import { cleanup, json, run, SEEDS, seedText, strip, tempDir, write } from './helpers';

let dir: string;
beforeAll(() => {
  dir = tempDir();
});
afterAll(() => cleanup(dir));

const read = (name: string) => readFileSync(join(dir, name));
/** A report with one fixable finding: a half-width comma between Chinese characters. */
const FIXABLE = '关于2023年工作的总结\n\n一、主要工作\n\n全年完成了各项工作,推进有力。\n';
const FIXED = FIXABLE.replace(',', '，');

describe('GB18030 write-back keeps the bytes outside the fixed spans (#4)', () => {
  // bytes that decode but do not re-encode as themselves: CP936's single-byte € (0x80, canonical A2 E3), A3 A0
  // (U+3000, canonical A1 A1), and a 4-byte code iconv-lite reads as U+10000 (canonical 90 30 81 30)
  const odd = [Buffer.from([0x80]), Buffer.from([0xa3, 0xa0]), Buffer.from([0x84, 0x31, 0xa5, 0x30])];
  const head = iconv.encode('关于2023年工作的总结\n\n一、主要工作\n\n价格', 'gbk');
  const mid = iconv.encode('元。\n\n全年完成了各项工作', 'gbk');
  const tail = iconv.encode('推进有力。\n\n二、下一步打算\n\n继续', 'gbk');
  const original = Buffer.concat([head, odd[0], mid, Buffer.from(','), tail, odd[1], odd[2], Buffer.from('\n')]);
  const expected = Buffer.concat([head, odd[0], mid, Buffer.from([0xa3, 0xac]), tail, odd[1], odd[2], Buffer.from('\n')]);

  it('the file really does not round-trip through iconv-lite', () => {
    expect(iconv.encode(iconv.decode(original, 'gb18030'), 'gb18030').equals(original)).toBe(false);
  });

  it('without --encoding: --fix and --fix-dry-run leave it and say why, naming --encoding', () => {
    write(dir, 'cp936.txt', original);
    const fix = run(['--fix', 'cp936.txt'], { cwd: dir });
    expect(read('cp936.txt').equals(original)).toBe(true);
    expect(fix.stderr).toMatch(/未写入修复.*--encoding gb18030/);
    const en = run(['--fix', '--lang', 'en', 'cp936.txt'], { cwd: dir });
    expect(en.stderr).toMatch(/fixes not written.*--encoding gb18030/);
    const dry = run(['--fix-dry-run', 'cp936.txt'], { cwd: dir });
    expect(dry.stdout).toBe('');
    expect(dry.stderr).toMatch(/--encoding gb18030/);
    expect(read('cp936.txt').equals(original)).toBe(true);
  });

  it('with --encoding gbk: only the fixed comma is re-encoded; every other byte is as it was', () => {
    write(dir, 'cp936b.txt', original);
    const dry = run(['--fix-dry-run', '--encoding', 'gbk', 'cp936b.txt'], { cwd: dir });
    expect(dry.stdout).toMatch(/全年完成了各项工作\[-,-\]\{\+，\+\}推进有力。/);
    const fix = run(['--fix', '--encoding', 'gbk', 'cp936b.txt'], { cwd: dir });
    expect(fix.stderr).toBe('');
    expect(read('cp936b.txt').toString('hex')).toBe(expected.toString('hex'));
    // and fixing again changes nothing
    run(['--fix', '--encoding', 'gbk', 'cp936b.txt'], { cwd: dir });
    expect(read('cp936b.txt').equals(expected)).toBe(true);
  });

  it('a GBK file that round-trips is still fixed without any option', () => {
    write(dir, 'gbk.txt', iconv.encode(FIXABLE, 'gbk'));
    run(['--fix', 'gbk.txt'], { cwd: dir });
    expect(read('gbk.txt').equals(iconv.encode(FIXED, 'gbk'))).toBe(true);
  });
});

describe('--fix writes only when the decoding is certain (#5)', () => {
  it('a short UTF-8 file with its last character cut off is read as UTF-8, and --fix leaves it', () => {
    // short: its bytes cut off decode as GB18030 without a replacement character, and that mojibake has a fix
    const full = Buffer.from('目标任务,年报告全年成效');
    const cut = full.subarray(0, full.length - 1);
    expect(iconv.decode(cut, 'gb18030')).not.toContain('\ufffd');
    write(dir, 'cut.txt', cut);
    const lint = json(run(['--format', 'json', 'cut.txt'], { cwd: dir }))[0];
    expect(lint.skipped).toBeUndefined();
    // read as UTF-8: the comma is the 5th character (as GB18030 mojibake it would be the 6th)
    expect(lint.diagnostics.map((d) => [d.rule, d.column])).toContainEqual(['punctuation-width', 5]);
    const fix = run(['--fix', 'cut.txt'], { cwd: dir });
    expect(read('cut.txt').equals(cut)).toBe(true);
    expect(fix.stderr).toMatch(/未写入修复.*最后一个字符不完整.*--encoding/);
    const dry = run(['--fix-dry-run', '--lang', 'en', 'cut.txt'], { cwd: dir });
    expect(dry.stdout).toBe('');
    expect(dry.stderr).toMatch(/last character cut off.*--encoding/);
  });

  it('Windows-1252 English (don\\x92t) is not rewritten as GB18030 mojibake; the reason names --encoding', () => {
    const cp1252 = Buffer.from('I don\x92t know, it\x92s, fine. We\x92re here, and there.\n', 'latin1');
    write(dir, 'cp1252.txt', cp1252);
    const r = run(['--fix', '--format', 'json', 'cp1252.txt'], { cwd: dir });
    expect(read('cp1252.txt').equals(cp1252)).toBe(true);
    expect(json(r)[0].skipped).toMatch(/--encoding/);
    expect(run(['--fix-dry-run', 'cp1252.txt'], { cwd: dir }).stdout).toBe('');
  });

  it('--encoding names the decoding: bytes not valid in it are skipped with the reason', () => {
    write(dir, 'gbk-named-utf8.txt', iconv.encode(FIXABLE, 'gbk'));
    const r = json(run(['--format', 'json', '--encoding', 'utf8', 'gbk-named-utf8.txt'], { cwd: dir }))[0];
    expect(r.skipped).toMatch(/not valid utf8 \(--encoding utf8\)/);
    write(dir, 'u8.txt', FIXABLE);
    expect(run(['--encoding', 'latin9', 'u8.txt'], { cwd: dir }).code).toBe(2);
  });
});

describe('UTF-16 without a byte order mark (#28)', () => {
  const text = seedText(SEEDS[4]);
  const le = Buffer.from(text, 'utf16le');
  const be = Buffer.from(text, 'utf16le').swap16();

  it('is linted like the UTF-8 original, in both byte orders, not skipped as binary', () => {
    write(dir, 'a-u8.txt', text);
    write(dir, 'b-le.txt', le);
    write(dir, 'c-be.txt', be);
    const r = json(run(['--format', 'json', 'a-u8.txt', 'b-le.txt', 'c-be.txt'], { cwd: dir }));
    expect(r[0].diagnostics.length).toBeGreaterThan(5);
    expect(strip(r[1])).toEqual(strip(r[0]));
    expect(strip(r[2])).toEqual(strip(r[0]));
  });

  it('--fix leaves it (the encoding is a guess) and names --encoding utf16le; with it, writes UTF-16LE without BOM', () => {
    const t = FIXABLE;
    write(dir, 'fix-le.txt', Buffer.from(t, 'utf16le'));
    const r = run(['--fix', 'fix-le.txt'], { cwd: dir });
    expect(read('fix-le.txt').equals(Buffer.from(t, 'utf16le'))).toBe(true);
    expect(r.stderr).toMatch(/UTF-16.*--encoding utf16le/);
    run(['--fix', '--encoding', 'utf16le', 'fix-le.txt'], { cwd: dir });
    expect(read('fix-le.txt').equals(Buffer.from(FIXED, 'utf16le'))).toBe(true);
    write(dir, 'fix-be.txt', Buffer.from(t, 'utf16le').swap16());
    expect(run(['--fix', 'fix-be.txt'], { cwd: dir }).stderr).toMatch(/--encoding utf16be/);
    run(['--fix', '--encoding', 'utf16be', 'fix-be.txt'], { cwd: dir });
    expect(read('fix-be.txt').equals(Buffer.from(FIXED, 'utf16le').swap16())).toBe(true);
  });
});

describe('random bytes named .txt (#31)', () => {
  it('20 kB of random bytes, in several shapes, are skipped with a reason (file and stdin)', () => {
    const shapes: Record<string, (b: number) => number> = {
      raw: (b) => b,
      'no NUL': (b) => b || 1,
      'high bytes only': (b) => 0x81 + (b % 0x7e),
      'no control characters': (b) => (b < 0x20 ? 0x20 + b : b),
    };
    for (let seed = 0; seed < 3; seed++) {
      const names = Object.keys(shapes).map((name) => `random-${seed}-${name.replace(/ /g, '-')}.txt`);
      const bytes = Object.values(shapes).map((f) => Buffer.from(randomBytes(20000).map(f)));
      names.forEach((n, i) => write(dir, n, bytes[i]));
      const r = json(run(['--format', 'json', ...names], { cwd: dir }));
      expect(r.length).toBe(names.length);
      for (const e of r) {
        expect(e.skipped, e.file).toMatch(/binary|undecodable/);
        expect(e.diagnostics, e.file).toEqual([]);
      }
      const s = json(run(['--format', 'json', '--stdin'], { cwd: dir, input: bytes[seed % bytes.length] }))[0];
      expect(s.skipped).toMatch(/binary|undecodable/);
    }
  });
});
