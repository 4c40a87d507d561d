// Decoding: GBK/GB18030 detected and giving the findings of the UTF-8 original, UTF-16 with BOM, .docx
// paragraphs, and files that are skipped with their reason (binary, undecodable, too large, .doc/.wps).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { cleanup, json, run, SEEDS, seedText, strip, tempDir, write } from './helpers';
import { CORPUS, itCorpus } from '../helpers/fixtures';
import { GB18030_REPORT, gb18030Bytes } from '../helpers/gb18030';

let dir: string;
beforeAll(() => {
  dir = tempDir();
});
afterAll(() => cleanup(dir));

const SEED_001 = SEEDS.find((s) => s.startsWith('001_'))!;
const SEED_000 = SEEDS.find((s) => s.startsWith('000_'))!;

describe('GBK and GB18030', () => {
  it('seed 001 encoded as GBK gives the same findings as its UTF-8 original', () => {
    const text = seedText(SEED_001);
    const gbk = iconv.encode(text, 'gbk');
    expect(iconv.decode(gbk, 'gbk')).toBe(text); // 001 is representable in GBK
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(gbk)).toThrow(); // so it really is not UTF-8
    write(dir, 'utf8.txt', text);
    write(dir, 'gbk.txt', gbk);
    const [g, u] = json(run(['--format', 'json', 'utf8.txt', 'gbk.txt'], { cwd: dir }));
    expect(g.file).toBe('gbk.txt');
    expect(u.diagnostics.length).toBeGreaterThan(5);
    expect(strip(g)).toEqual(strip(u));
  });

  it('seed 000 has characters GBK lacks (why 001 is the GBK test)', () => {
    const text = seedText(SEED_000);
    expect(iconv.decode(iconv.encode(text, 'gbk'), 'gbk')).not.toBe(text);
  });

  it('a GB18030 report (with characters GBK lacks, CRLF) gives the findings of its UTF-8 version', () => {
    const bytes = gb18030Bytes();
    expect(iconv.decode(iconv.encode(GB18030_REPORT, 'gbk'), 'gbk')).not.toBe(GB18030_REPORT); // GBK is not enough
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    write(dir, 'report.gb.txt', bytes);
    write(dir, 'report.u8.txt', GB18030_REPORT);
    const r = json(run(['--format', 'json', 'report.gb.txt', 'report.u8.txt'], { cwd: dir }));
    expect(r.map((e) => e.file)).toEqual(['report.gb.txt', 'report.u8.txt']);
    expect(r[0].skipped).toBeUndefined();
    expect(r[1].diagnostics.length).toBeGreaterThan(3);
    expect(strip(r[0])).toEqual(strip(r[1]));
  });

  itCorpus('the two GB18030 corpus reports give the findings of their UTF-8 versions', () => {
    for (const name of ['gwr_national_2010', 'gwr_hailar_district_2012']) {
      write(dir, `${name}.gb.txt`, readFileSync(join(CORPUS, 'gb18030', `${name}.gb18030.txt`)));
      write(dir, `${name}.u8.txt`, readFileSync(join(CORPUS, `${name}.txt`)));
      const r = json(run(['--format', 'json', `${name}.gb.txt`, `${name}.u8.txt`], { cwd: dir }));
      expect(r.map((e) => e.file)).toEqual([`${name}.gb.txt`, `${name}.u8.txt`]);
      expect(r[0].skipped).toBeUndefined();
      expect(r[1].diagnostics.length, name).toBeGreaterThan(0);
      expect(strip(r[0]), name).toEqual(strip(r[1]));
    }
  });
});

describe('UTF-16 and UTF-8 with BOM', () => {
  it('UTF-16LE, UTF-16BE and UTF-8 with BOM give the findings of plain UTF-8', () => {
    const text = seedText(SEEDS[4]);
    const be = Buffer.from(text, 'utf16le');
    be.swap16();
    write(dir, 'a-plain.txt', text);
    write(dir, 'b-le.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    write(dir, 'c-be.txt', Buffer.concat([Buffer.from([0xfe, 0xff]), be]));
    write(dir, 'd-bom.txt', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]));
    const r = json(run(['--format', 'json', 'a-plain.txt', 'b-le.txt', 'c-be.txt', 'd-bom.txt'], { cwd: dir }));
    expect(r[0].diagnostics.length).toBeGreaterThan(5);
    for (const e of r.slice(1)) expect(strip(e), e.file).toEqual(strip(r[0]));
  });
});

describe('skipped files', () => {
  it('binary, undecodable, too large, .doc and .wps are skipped with their reason; the exit code is that of the rest', () => {
    const d = tempDir();
    try {
      write(d, 'ok.txt', '关于2023年工作的总结\n\n一、主要工作\n\n全年完成了各项工作任务。\n');
      write(d, 'image.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d])); // a PNG header
      // no NUL, not UTF-8, and bytes GB18030 cannot decode (0x80 and 0xFF are never lead bytes)
      write(d, 'garbage.txt', Buffer.from([0x41, 0x80, 0xff, 0x80, 0xff, 0x42, 0x81, 0x20, 0xff]));
      // good UTF-8 with one stray byte: damaged UTF-8, not GB18030 mojibake
      const seed = Buffer.from(seedText(SEEDS[1]));
      const at = seed.indexOf(0x0a, 600); // between two characters
      write(d, 'damaged.txt', Buffer.concat([seed.subarray(0, at), Buffer.from([0xff]), seed.subarray(at)]));
      write(d, 'old.doc', Buffer.from('not really a doc'));
      write(d, 'old.wps', Buffer.from('not really a wps'));
      const big = '关于2023年工作的总结\n\n一、主要工作\n\n' + '全年完成了各项工作任务。\n'.repeat(100);
      write(d, 'big.txt', big);
      write(d, 'sub/.reportlintrc.json', '{ "maxSize": 1000 }');
      write(d, 'sub/big.txt', big);
      const r = run(['--format', 'json', 'ok.txt', 'image.txt', 'garbage.txt', 'damaged.txt', 'old.doc', 'old.wps', 'big.txt', 'sub/big.txt'], { cwd: d });
      expect(r.code).toBe(0);
      const by = Object.fromEntries(json(r).map((e) => [e.file, e]));
      expect(by['ok.txt'].skipped).toBeUndefined();
      expect(by['image.txt']).toEqual({ file: 'image.txt', diagnostics: [], placeholders: 0, skipped: 'binary content (NUL bytes)' });
      expect(by['garbage.txt'].skipped).toMatch(/^undecodable/);
      expect(by['damaged.txt'].skipped).toMatch(/^undecodable: invalid UTF-8 \(1 bad byte sequence, the first at character \d+\)/);
      expect(by['old.doc'].skipped).toBe('.doc is not supported: convert to .docx');
      expect(by['old.wps'].skipped).toBe('.wps is not supported: convert to .docx');
      expect(by['big.txt'].skipped).toBeUndefined();
      // maxSize counts characters (test/cli/safety.test.ts has the cases where the bytes alone decide)
      expect(by['sub/big.txt'].skipped).toBe(`too large (${big.length} characters, limit 1000)`);
      const s = run(['ok.txt', 'image.txt', 'old.doc'], { cwd: d });
      expect(s.stdout).toContain('跳过 2 个文件');
      expect(s.stdout).toContain('image.txt：二进制内容（含 NUL 字节）');
    } finally {
      cleanup(d);
    }
  });
});

describe('.docx', () => {
  it('a .docx made from seed 001 gives its placeholder findings, located by paragraph', async () => {
    const { Document, Packer, Paragraph } = await import('docx');
    const paragraphs = seedText(SEED_001).split(/\r?\n/).filter((l) => l.trim() !== '');
    const doc = new Document({ sections: [{ children: paragraphs.map((t) => new Paragraph(t)) }] });
    write(dir, 'seed001.docx', await Packer.toBuffer(doc));
    write(dir, 'seed001-paragraphs.txt', paragraphs.join('\n'));
    // .docx is not a default extension: named files are always linted, directories need --ext
    const named = json(run(['--format', 'json', 'seed001.docx', 'seed001-paragraphs.txt'], { cwd: dir }));
    const x = named.find((e) => e.file === 'seed001.docx')!;
    const t = named.find((e) => e.file === 'seed001-paragraphs.txt')!;
    expect(x.skipped).toBeUndefined();
    const ph = x.diagnostics.filter((d) => d.rule === 'placeholder');
    expect(ph.length).toBeGreaterThan(10);
    expect(x.placeholders).toBeGreaterThan(10);
    expect(x.placeholders).toBe(t.placeholders);
    // the .docx findings add where they are in Word's terms (no empty paragraphs here: 第N段 is line N)
    expect(ph.map(({ location, excerpt, ...rest }) => rest)).toEqual(t.diagnostics.filter((d) => d.rule === 'placeholder'));
    for (const d of ph) expect(d.location).toBe(`第${d.line}段`);
    for (const d of ph) expect(paragraphs[d.line - 1]).toContain(d.excerpt!.replace(/…/g, ''));
    // line = paragraph number, column = character in it
    for (const d of ph) expect(paragraphs[d.line - 1].slice(d.column - 1, d.endColumn - 1)).toMatch(/[Xx]/);
    expect(x.diagnostics.some((d) => d.rule === 'heading-marker')).toBe(true);

    const walked = json(run(['--format', 'json', '--ext', 'docx', '.'], { cwd: dir }));
    expect(walked.map((e) => e.file)).toContain('seed001.docx');
    const plain = json(run(['--format', 'json', '.'], { cwd: dir }));
    expect(plain.map((e) => e.file)).not.toContain('seed001.docx');
  });

  it('a broken .docx is skipped with its reason', () => {
    write(dir, 'broken.docx', Buffer.from('PK\u0003\u0004 not a zip'));
    const [e] = json(run(['--format', 'json', 'broken.docx'], { cwd: dir }));
    expect(e.skipped).toMatch(/^not a readable \.docx/);
  });
});
