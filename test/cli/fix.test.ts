// --fix and --fix-dry-run on copies of the seeds: only reported spans change, fixing twice equals once,
// files keep their encoding (UTF-8 BOM, UTF-16, GB18030) and line endings; .docx is refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { diffChars } from 'diff';
import iconv from 'iconv-lite';
import { cleanup, ERROR_REPORT, json, run, SEEDS, seedText, tempDir, write, type JsonEntry } from './helpers';
import { gb18030Bytes } from '../helpers/gb18030';

let dir: string;
let before: JsonEntry[];
beforeAll(() => {
  dir = tempDir({ seeds: true });
  before = json(run(['--format', 'json', '.'], { cwd: dir }));
});
afterAll(() => cleanup(dir));

/** Every changed character of `after` relative to `orig` lies inside one of the ranges. */
function changesInside(orig: string, after: string, ranges: [number, number][]): string[] {
  const bad: string[] = [];
  let pos = 0;
  for (const part of diffChars(orig, after)) {
    if (part.added) {
      if (!ranges.some(([a, b]) => a <= pos && pos <= b)) bad.push(`inserted ${JSON.stringify(part.value)} at ${pos}`);
    } else if (part.removed) {
      // each removed character inside some reported range (adjacent findings may share one diff part)
      for (let i = pos; i < pos + part.value.length; i++) {
        if (!ranges.some(([a, b]) => a <= i && i < b)) bad.push(`removed ${JSON.stringify(part.value)} at ${pos}: ${i} is outside every range`);
      }
      pos += part.value.length;
    } else pos += part.value.length;
  }
  return bad;
}

describe('--fix', () => {
  it('changes only reported spans, and a second --fix changes nothing', () => {
    const fixable = before.filter((e) => e.diagnostics.some((d) => d.fix)).map((e) => e.file);
    expect(fixable.length).toBeGreaterThanOrEqual(3);
    const r = run(['--format', 'json', '--fix', '.'], { cwd: dir });
    expect([0, 1]).toContain(r.code);
    const after = json(r);
    let changed = 0;
    for (const name of SEEDS) {
      const orig = seedText(name);
      const fixed = readFileSync(join(dir, name), 'utf8');
      const entry = before.find((e) => e.file === name)!;
      if (fixed !== orig) changed++;
      const ranges = entry.diagnostics.map((d) => [d.offset, d.endOffset] as [number, number]);
      expect(changesInside(orig, fixed, ranges), name).toEqual([]);
      // what is left is reported against the fixed text
      const left = after.find((e) => e.file === name)!;
      for (const d of left.diagnostics) expect(d.endOffset).toBeLessThanOrEqual(fixed.length);
      expect(left.diagnostics.filter((d) => d.fix).length, name).toBe(0);
    }
    expect(changed).toBe(fixable.length);
    const once = SEEDS.map((s) => readFileSync(join(dir, s), 'utf8'));
    const again = run(['--fix', '.'], { cwd: dir });
    expect([0, 1]).toContain(again.code);
    expect(SEEDS.map((s) => readFileSync(join(dir, s), 'utf8'))).toEqual(once);
    // no temp files left behind
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('--fix-dry-run lists each change with a little context, says 将修复 (not 已修复), writes nothing; the changes give the --fix result', () => {
    const d = tempDir({ seeds: true });
    try {
      const r = run(['--fix-dry-run', '.'], { cwd: d });
      expect([0, 1]).toContain(r.code);
      for (const s of SEEDS) expect(readFileSync(join(d, s), 'utf8')).toBe(seedText(s));
      const listed = parseChanges(r.stdout);
      expect(listed.size).toBeGreaterThanOrEqual(3);
      // the findings go to stderr when the changes are on stdout; nothing says it was fixed
      expect(r.stderr).toContain('检查了 5 个文件');
      expect(r.stderr).toMatch(/可修复 \d+ 处（试运行，未写入文件）/);
      expect(r.stdout + r.stderr).not.toContain('已修复');
      // no line is a whole paragraph: at most 20 characters of context on each side of the changes it shows
      for (const [, changes] of listed) {
        for (const c of changes) expect(c.before.length - c.oldParts.join('').length).toBeLessThanOrEqual(2 * 20 + 2 * 20 * (c.oldParts.length - 1) + 2);
      }
      run(['--fix', '.'], { cwd: d });
      for (const s of SEEDS) {
        const fixed = readFileSync(join(d, s), 'utf8');
        const changes = listed.get(s);
        if (!changes) expect(fixed).toBe(seedText(s));
        else expect(applyListed(seedText(s), changes), s).toBe(fixed);
      }
    } finally {
      cleanup(d);
    }
  });

  it('keeps GB18030 encoding and CRLF line endings', () => {
    const d = tempDir();
    try {
      const name = 'report.gb18030.txt';
      const bytes = gb18030Bytes();
      write(d, name, bytes);
      const orig = iconv.decode(bytes, 'gb18030');
      const crlf = orig.split('\r\n').length;
      expect(crlf).toBeGreaterThan(10);
      const first = json(run(['--format', 'json', name], { cwd: d }))[0];
      expect(first.diagnostics.some((x) => x.fix)).toBe(true);
      run(['--fix', name], { cwd: d });
      const out = readFileSync(join(d, name));
      expect(() => new TextDecoder('utf-8', { fatal: true }).decode(out)).toThrow();
      const text = iconv.decode(out, 'gb18030');
      expect(text).not.toBe(orig);
      expect(text.split('\r\n').length).toBe(crlf);
      expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
      expect(changesInside(orig, text, first.diagnostics.map((x) => [x.offset, x.endOffset]))).toEqual([]);
    } finally {
      cleanup(d);
    }
  });

  it('keeps a UTF-8 byte order mark and UTF-16LE', () => {
    const d = tempDir();
    try {
      write(d, 'bom.txt', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(ERROR_REPORT.replace(/\n/g, '\r\n'))]));
      write(d, 'u16.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(ERROR_REPORT, 'utf16le')]));
      run(['--fix', 'bom.txt', 'u16.txt'], { cwd: d });
      const bom = readFileSync(join(d, 'bom.txt'));
      expect([...bom.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const t = bom.subarray(3).toString('utf8');
      expect(t).toContain('1.加强组织领导。\r\n');
      expect(t).not.toContain('1、');
      const u16 = readFileSync(join(d, 'u16.txt'));
      expect([...u16.subarray(0, 2)]).toEqual([0xff, 0xfe]);
      expect(u16.subarray(2).toString('utf16le')).toBe(ERROR_REPORT.replace('1、', '1.').replace('2、', '2.'));
    } finally {
      cleanup(d);
    }
  });

  it('refuses to write a .docx and says so; --stdin --fix is a usage error', async () => {
    const d = tempDir();
    try {
      const { Document, Packer, Paragraph } = await import('docx');
      const doc = new Document({ sections: [{ children: ERROR_REPORT.split('\n').filter(Boolean).map((t) => new Paragraph(t)) }] });
      const buf = await Packer.toBuffer(doc);
      write(d, 'r.docx', buf);
      const r = run(['--fix', 'r.docx'], { cwd: d });
      expect(r.stderr).toContain('--fix 不能写入 .docx 文件（"r.docx"）');
      expect(readFileSync(join(d, 'r.docx')).equals(buf)).toBe(true);
      expect(r.code).toBe(1); // its heading-marker errors are still reported
      const s = run(['--stdin', '--fix'], { cwd: d, input: ERROR_REPORT });
      expect(s.code).toBe(2);
      expect(s.stderr).toContain('--fix-dry-run');
    } finally {
      cleanup(d);
    }
  });
});

interface Listed {
  line: number;
  column: number;
  /** the excerpt before and after the change (elision marks kept, ⏎ unescaped) */
  before: string;
  after: string;
  oldParts: string[];
}

/** `--fix-dry-run` output: `FILE：将修复 N 处…` then `  LINE:COL  …ctx[-old-]{+new+}ctx…` lines. */
function parseChanges(out: string): Map<string, Listed[]> {
  const files = new Map<string, Listed[]>();
  let cur: Listed[] | undefined;
  for (const l of out.split('\n')) {
    const head = /^(.+)：将修复 \d+ 处（试运行，未写入文件）$/.exec(l);
    if (head) {
      files.set(head[1], (cur = []));
      continue;
    }
    const m = /^ {2}(\d+):(\d+) {2}(.*)$/.exec(l);
    if (!m) continue;
    const body = m[3].replace(/⏎/g, '\n');
    const oldParts: string[] = [];
    const before = body.replace(/\{\+(.*?)\+\}/g, '').replace(/\[-(.*?)-\]/g, (_, x: string) => (oldParts.push(x), x));
    const after = body.replace(/\[-(.*?)-\]/g, '').replace(/\{\+(.*?)\+\}/g, '$1');
    cur!.push({ line: Number(m[1]), column: Number(m[2]), before, after, oldParts });
  }
  return files;
}

/** Applies listed changes: each excerpt is found at its position (its first change at LINE:COL). */
function applyListed(text: string, changes: Listed[]): string {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  const edits: { at: number; old: string; text: string }[] = [];
  for (const c of changes) {
    const first = lineStarts[c.line - 1] + c.column - 1;
    // the first change's offset in the excerpt: where before and after stop agreeing from the left
    let k = 0;
    while (k < c.before.length && k < c.after.length && c.before[k] === c.after[k]) k++;
    let found = false;
    for (const lead of [1, 0]) for (const tail of [1, 0]) {
      if (found) break;
      if ((lead && !c.before.startsWith('…')) || (tail && !c.before.endsWith('…'))) continue;
      const old = c.before.slice(lead, c.before.length - tail);
      const neu = c.after.slice(lead, c.after.length - tail);
      const at = first - (Math.min(k, c.before.length) - lead);
      if (text.slice(at, at + old.length) === old) {
        edits.push({ at, old, text: neu });
        found = true;
      }
    }
    if (!found) throw new Error(`change at ${c.line}:${c.column} does not match the text: ${c.before}`);
  }
  edits.sort((a, b) => b.at - a.at);
  let out = text;
  for (const e of edits) out = out.slice(0, e.at) + e.text + out.slice(e.at + e.old.length);
  return out;
}
