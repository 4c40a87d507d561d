// Issue 13 #4, #5, #28: the pieces behind "--fix writes back only what it can write byte for byte".
import { describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import iconv from 'iconv-lite';
import { gb2312Share, gbStats, spliceGb18030, truncatedUtf8, utf16WithoutBom } from '../../node/encoding';
import { decodeBytes } from '../../node/files';

const gbk = (s: string) => iconv.encode(s, 'gbk');
const EURO_CP936 = Buffer.from([0x80]);
const EURO_GB18030 = Buffer.from([0xa2, 0xe3]);

describe('spliceGb18030', () => {
  it('bytes that round-trip: the output re-encoded whole', () => {
    const orig = gbk('价格,元。');
    const text = iconv.decode(orig, 'gb18030');
    expect(spliceGb18030(orig, text, text.replace(',', '，'))!.equals(gbk('价格，元。'))).toBe(true);
  });

  it('keeps each € as the bytes it was written with (0x80 or A2 E3), with fixes on both sides of them', () => {
    const orig = Buffer.concat([gbk('甲,'), EURO_CP936, gbk('乙,'), EURO_GB18030, gbk('丙,'), EURO_CP936, gbk('丁,')]);
    const text = iconv.decode(orig, 'gb18030');
    expect(text).toBe('甲,€乙,€丙,€丁,');
    const out = spliceGb18030(orig, text, text.replace(/,/g, '，'))!;
    const want = Buffer.concat([gbk('甲，'), EURO_CP936, gbk('乙，'), EURO_GB18030, gbk('丙，'), EURO_CP936, gbk('丁，')]);
    expect(out.toString('hex')).toBe(want.toString('hex'));
  });

  it('a fix that adds or removes a character whose bytes do not round-trip cannot be placed: undefined', () => {
    const orig = Buffer.concat([gbk('甲'), EURO_CP936, gbk('乙')]);
    const text = iconv.decode(orig, 'gb18030');
    expect(spliceGb18030(orig, text, text.replace('€', ''))).toBeUndefined();
    expect(spliceGb18030(orig, text, text + '€')).toBeUndefined();
  });

  it('random edits of a text with odd bytes never change a byte outside them', () => {
    const parts = [gbk('第一段工作'), EURO_CP936, gbk('第二段,任务'), Buffer.from([0xa3, 0xa0]), gbk('第三段'), Buffer.from([0x84, 0x31, 0xa5, 0x30]), gbk('完')];
    const orig = Buffer.concat(parts);
    const text = iconv.decode(orig, 'gb18030');
    for (const [from, to] of [[',', '，'], ['第二段', '第2段'], ['完', '完。']]) {
      const out = spliceGb18030(orig, text, text.replace(from, to))!;
      expect(out).toBeDefined();
      // the odd bytes are all still there, in order
      let at = 0;
      for (const p of [parts[1], parts[3], parts[5]]) {
        const i = out.indexOf(p, at);
        expect(i).toBeGreaterThanOrEqual(at);
        at = i + p.length;
      }
      expect(iconv.decode(out, 'gb18030')).toBe(text.replace(from, to));
    }
  });
});

describe('what decodeBytes is certain of', () => {
  it('a GBK report that round-trips is certain; one with a CP936 € is not (gb18030-roundtrip)', () => {
    const r = decodeBytes(gbk('关于2023年工作的总结\n全年完成了各项工作。\n'));
    expect(r).toMatchObject({ encoding: 'gb18030' });
    expect(r).not.toHaveProperty('uncertain');
    const e = decodeBytes(Buffer.concat([gbk('关于2023年工作的总结\n价格'), EURO_CP936, gbk('元。\n')]));
    expect(e).toMatchObject({ encoding: 'gb18030', uncertain: 'gb18030-roundtrip' });
    expect(decodeBytes(Buffer.concat([gbk('价格'), EURO_CP936]), { encoding: 'gb18030' })).toMatchObject({ explicit: true });
  });

  it('Windows-1252 and random high bytes are not GB18030', () => {
    expect(decodeBytes(Buffer.from('I don\x92t know, it\x92s fine.\n', 'latin1'))).toHaveProperty('skipped');
    for (let i = 0; i < 5; i++) expect(decodeBytes(Buffer.from(randomBytes(20000).map((b) => 0x81 + (b % 0x7e))))).toHaveProperty('skipped');
  });

  it('GB2312 share: a real report near 1, random high bytes about a half', () => {
    expect(gb2312Share(gbStats(gbk('关于2023年工作的总结，全年完成了各项工作任务。')))).toBe(1);
    const r = gb2312Share(gbStats(Buffer.from(randomBytes(20000).map((b) => 0x81 + (b % 0x7e)))));
    expect(r).toBeGreaterThan(0.4);
    expect(r).toBeLessThan(0.65);
  });

  it('truncated UTF-8: only a last character cut off qualifies', () => {
    const b = Buffer.from('全年完成任务');
    expect(truncatedUtf8(b.subarray(0, b.length - 1))).toBe('全年完成任\ufffd');
    expect(truncatedUtf8(b.subarray(0, b.length - 2))).toBe('全年完成任\ufffd');
    expect(truncatedUtf8(b)).toBeUndefined(); // complete
    expect(truncatedUtf8(Buffer.concat([b.subarray(0, 4), b.subarray(6)]))).toBeUndefined(); // broken in the middle
    expect(decodeBytes(b.subarray(0, b.length - 1))).toMatchObject({ encoding: 'utf8', uncertain: 'utf8-truncated' });
  });

  it('UTF-16 without BOM: text in either byte order, never random bytes or a PNG', () => {
    const t = '关于2023年工作的总结\n一、主要工作\n';
    expect(utf16WithoutBom(Buffer.from(t, 'utf16le'))).toEqual({ text: t, le: true });
    expect(utf16WithoutBom(Buffer.from(t, 'utf16le').swap16())).toEqual({ text: t, le: false });
    for (let i = 0; i < 20; i++) expect(utf16WithoutBom(randomBytes(20000))).toBeUndefined();
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    expect(decodeBytes(png)).toEqual({ skipped: 'binary content (NUL bytes)' });
    expect(decodeBytes(Buffer.from(t, 'utf16le'))).toMatchObject({ text: t, encoding: 'utf16le-nobom', uncertain: 'utf16-no-bom' });
  });
});
