// What a decoding can be trusted for. Lint reads a guess; --fix writes only what it can write back byte for byte
// outside the fixed spans: GB18030 byte structure (which bytes form one character), UTF-16 without a byte order
// mark, UTF-8 cut off in its last character, and the GB18030 write-back that splices re-encoded spans into the
// original bytes.

type IconvLite = typeof import('iconv-lite');
let iconvCache: IconvLite | undefined;
export function iconv(): IconvLite {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (iconvCache ??= require('iconv-lite') as IconvLite);
}

/** Encodings --encoding accepts, by the names people use for them. */
export const ENCODING_NAMES: Record<string, ExplicitEncoding> = {
  utf8: 'utf8',
  'utf-8': 'utf8',
  utf16le: 'utf16le',
  'utf-16le': 'utf16le',
  utf16be: 'utf16be',
  'utf-16be': 'utf16be',
  gb18030: 'gb18030',
  gbk: 'gb18030',
  gb2312: 'gb18030',
  cp936: 'gb18030',
};
export type ExplicitEncoding = 'utf8' | 'utf16le' | 'utf16be' | 'gb18030';

/** Length in bytes of the GB18030 character starting at `i` (1, 2 or 4); CP936's single byte 0x80 (€) is 1. */
function gbUnit(buf: Uint8Array, i: number): number {
  const b = buf[i];
  if (b < 0x81 || b === 0xff) return 1;
  const b2 = buf[i + 1];
  if (b2 >= 0x30 && b2 <= 0x39) return 4;
  return 2;
}

export interface GbStats {
  /** Two-byte characters. */
  pairs: number;
  /** Of these, GB2312 characters (lead A1–F7, trail A1–FE): nearly all of a real GBK report, a third of random bytes. */
  gb2312: number;
}

export function gbStats(buf: Uint8Array): GbStats {
  let pairs = 0;
  let gb2312 = 0;
  const n = Math.min(buf.length, 1 << 20);
  for (let i = 0; i < n; ) {
    const u = gbUnit(buf, i);
    if (u === 2) {
      pairs++;
      const a = buf[i];
      const t = buf[i + 1];
      if (a >= 0xa1 && a <= 0xf7 && t >= 0xa1 && t <= 0xfe) gb2312++;
    }
    i += u;
  }
  return { pairs, gb2312 };
}

/** Share of two-byte characters that are GB2312 (1 when there are none). */
export function gb2312Share(s: GbStats): number {
  return s.pairs === 0 ? 1 : s.gb2312 / s.pairs;
}

/**
 * UTF-8 whose only fault is its last character, cut off (a truncated copy): the text with U+FFFD for the cut
 * character, or undefined when the bytes are not that.
 */
export function truncatedUtf8(buf: Uint8Array): string | undefined {
  const n = buf.length;
  // the last lead byte within the final 3 bytes
  for (let k = 1; k <= 3 && k <= n; k++) {
    const b = buf[n - k];
    if (b >= 0x80 && b < 0xc0) continue; // a continuation byte
    const need = b >= 0xf0 && b <= 0xf4 ? 4 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xc2 && b < 0xe0 ? 2 : 0;
    if (need <= k) return undefined; // complete or not a lead byte: some other fault
    try {
      return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(buf.subarray(0, n - k)) + '\ufffd';
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/** The share of characters that are text (printable, CJK, punctuation, tab and line breaks). */
function textShare(text: string): number {
  const n = Math.min(text.length, 65536);
  if (n === 0) return 0;
  let ok = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 0x20 && c < 0x7f) || c === 9 || c === 10 || c === 13 || (c >= 0xa0 && c <= 0x4ff) || (c >= 0x2000 && c <= 0x27bf) || (c >= 0x3000 && c <= 0x30ff) || (c >= 0x3400 && c <= 0x9fff) || (c >= 0xff00 && c <= 0xffef)) ok++;
  }
  return ok / n;
}

/**
 * UTF-16 without a byte order mark (called for bytes with NULs): bytes that decode as UTF-16 into text, without
 * U+0000. Random bytes fail (lone surrogates, control characters, unassigned ranges); so does the other byte order
 * of real text (a line break 0A 00 read backwards is U+0A00).
 */
export function utf16WithoutBom(buf: Uint8Array): { text: string; le: boolean } | undefined {
  if (buf.length < 4 || buf.length % 2 !== 0) return undefined;
  const n = Math.min(buf.length, 65536);
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i++) if (buf[i] === 0) (i % 2 ? oddNul++ : evenNul++);
  // ASCII and line breaks put their NUL in the high byte: try that byte order first
  for (const le of oddNul >= evenNul ? [true, false] : [false, true]) {
    let text: string;
    try {
      text = new TextDecoder(le ? 'utf-16le' : 'utf-16be', { fatal: true, ignoreBOM: true }).decode(buf);
    } catch {
      continue;
    }
    if (!text.includes('\u0000') && textShare(text) >= 0.95) return { text, le };
  }
  return undefined;
}

/**
 * GB18030 bytes of `output`, a fixed version of `text` (decoded from `orig`), with every character outside the fixed
 * spans kept as its original bytes: a character whose bytes do not round-trip (CP936's 0x80 for €, which encodes as
 * A2 E3; 4-byte codes of characters that have another code) is copied from `orig`, the rest is re-encoded (GB18030
 * has no shift state, so a character's bytes do not depend on its neighbours). Undefined when the fixes moved or
 * made such a character, so that its bytes cannot be placed.
 */
export function spliceGb18030(orig: Buffer, text: string, output: string): Buffer | undefined {
  const enc = iconv().encode(text, 'gb18030');
  if (enc.equals(orig)) return iconv().encode(output, 'gb18030');
  // the characters whose bytes differ: walk the original and the re-encoded bytes character by character
  const odd: { at: number; ch: string; bytes: Buffer }[] = [];
  let i = 0;
  let j = 0;
  let k = 0;
  while (k < text.length) {
    const cp = text.codePointAt(k)!;
    const len = cp > 0xffff ? 2 : 1;
    if (i >= orig.length || j >= enc.length) return undefined;
    const ui = gbUnit(orig, i);
    const uj = gbUnit(enc, j);
    if (ui !== uj || !orig.subarray(i, i + ui).equals(enc.subarray(j, j + uj))) odd.push({ at: k, ch: text.slice(k, k + len), bytes: orig.subarray(i, i + ui) });
    i += ui;
    j += uj;
    k += len;
  }
  if (i !== orig.length || j !== enc.length) return undefined;
  // each odd character keeps its place in order: the output has as many of each as the text had
  const count = (s: string, ch: string) => s.split(ch).length - 1;
  for (const ch of new Set(odd.map((o) => o.ch))) if (count(output, ch) !== count(text, ch)) return undefined;
  const pieces: Buffer[] = [];
  let from = 0;
  // per character: where the walks through the text and the output are (the same occurrence in both)
  const walk = new Map<string, { t: number; o: number }>();
  for (const x of odd) {
    const w = walk.get(x.ch) ?? { t: -1, o: -1 };
    while (w.t < x.at) {
      w.t = text.indexOf(x.ch, w.t + 1);
      w.o = output.indexOf(x.ch, w.o + 1);
    }
    walk.set(x.ch, w);
    if (w.t !== x.at || w.o < from) return undefined;
    pieces.push(iconv().encode(output.slice(from, w.o), 'gb18030'), x.bytes);
    from = w.o + x.ch.length;
  }
  pieces.push(iconv().encode(output.slice(from), 'gb18030'));
  return Buffer.concat(pieces);
}
