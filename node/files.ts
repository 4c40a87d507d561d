// Reading report files from disk: encoding detection and decoding (UTF-8 with or without BOM, UTF-16 with
// BOM, GB18030/GBK), .docx paragraphs, and writing text back in the encoding it came in.
// iconv-lite and the .docx reader are loaded only when a file needs them: CLI start-up time matters.
import type { Stats } from 'node:fs';
import { readRegularFile, type MsgLang } from './safe-fs';
import { extname } from 'node:path';
import { gb2312Share, gbStats, iconv, truncatedUtf8, utf16WithoutBom, type ExplicitEncoding } from './encoding';

export type TextEncoding = 'utf8' | 'utf8-bom' | 'utf16le' | 'utf16be' | 'utf16le-nobom' | 'utf16be-nobom' | 'gb18030';

/**
 * Why a decoding is a guess that --fix must not write back: UTF-16 without a byte order mark, UTF-8 cut off in its
 * last character, GB18030 that does not read like Chinese text, or GB18030 whose bytes would not round-trip.
 */
export type Uncertain = 'utf16-no-bom' | 'utf8-truncated' | 'gb18030-guess' | 'gb18030-roundtrip';

export interface DecodedFile {
  /** The decoded text (BOM removed, line endings as in the file). */
  text: string;
  encoding: TextEncoding | 'docx';
  /** Set when the encoding was guessed: the text can be linted, not written back. */
  uncertain?: Uncertain;
  /** The encoding was named (--encoding). */
  explicit?: boolean;
  /** Set when the file is not to be linted. */
  skipped?: undefined;
  /** A .docx: where each piece of the text came from. */
  docx?: import('./docx/read').DocxText;
}

export interface SkippedFile {
  skipped: string;
}

export type ReadResult = DecodedFile | SkippedFile;

/** Extensions that are recognised but cannot be read: the user must convert them. */
export const CONVERT_TO_DOCX = new Set(['.doc', '.wps']);

export interface DecodeOptions {
  /** --encoding: files without a byte order mark are decoded as this, strictly. */
  encoding?: ExplicitEncoding;
}

function hasNul(buf: Uint8Array, from = 0): boolean {
  const n = Math.min(buf.length, from + 65536);
  // a native search (memchr), not a loop over bytes in JavaScript
  return from < n && buf.subarray(from, n).indexOf(0) >= 0;
}

const utf8Fatal = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function strictUtf8(buf: Uint8Array): string | undefined {
  try {
    return utf8Fatal.decode(buf);
  } catch {
    return undefined;
  }
}

/**
 * Share of characters that occur in Chinese text (ASCII, CJK, CJK and full-width punctuation, Latin-1,
 * Greek/Cyrillic, circled numbers, box drawing): a GB18030 decode of binary data scores low.
 */
function textLikeShare(text: string): number {
  const n = Math.min(text.length, 65536);
  if (n === 0) return 1;
  let ok = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (
      (c >= 0x20 && c < 0x7f) ||
      c === 9 || c === 10 || c === 13 ||
      (c >= 0xa0 && c <= 0x4ff) ||
      (c >= 0x2000 && c <= 0x27bf) ||
      (c >= 0x3000 && c <= 0x30ff) ||
      (c >= 0x3400 && c <= 0x9fff) ||
      (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0xfe30 && c <= 0xfe4f) ||
      (c >= 0xff00 && c <= 0xffef)
    )
      ok++;
  }
  return ok / n;
}

/**
 * Decodes the bytes of a text file. Binary or undecodable content is reported as skipped; a decoding that is a
 * guess (see Uncertain) is linted but marked, so that --fix does not write it back.
 */
export function decodeBytes(buf: Uint8Array, opts: DecodeOptions = {}): ReadResult {
  if (buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) {
    const text = strictUtf8(buf.subarray(3));
    if (text === undefined) return { skipped: 'undecodable: UTF-8 byte order mark, but invalid UTF-8 after it' };
    return { text, encoding: 'utf8-bom' };
  }
  if (buf.length >= 2 && ((buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff))) {
    const le = buf[0] === 0xff;
    if ((buf.length - 2) % 2 !== 0) return { skipped: 'undecodable: UTF-16 byte order mark, but an odd number of bytes' };
    let text: string;
    try {
      text = new TextDecoder(le ? 'utf-16le' : 'utf-16be', { fatal: true, ignoreBOM: true }).decode(buf.subarray(2));
    } catch {
      return { skipped: `undecodable: invalid UTF-16${le ? 'LE' : 'BE'} after its byte order mark` };
    }
    return { text, encoding: le ? 'utf16le' : 'utf16be' };
  }
  if (opts.encoding) return decodeAs(buf, opts.encoding);
  if (hasNul(buf)) {
    const u16 = utf16WithoutBom(buf);
    if (u16) return { text: u16.text, encoding: u16.le ? 'utf16le-nobom' : 'utf16be-nobom', uncertain: 'utf16-no-bom' };
    return { skipped: 'binary content (NUL bytes)' };
  }
  const utf8 = strictUtf8(buf);
  if (utf8 !== undefined) return { text: utf8, encoding: 'utf8' };
  // a truncated copy: UTF-8 up to a last character cut off
  const cut = truncatedUtf8(buf);
  if (cut !== undefined) return { text: cut, encoding: 'utf8', uncertain: 'utf8-truncated' };
  // UTF-8 with a few broken bytes (a truncated copy, one bad byte) is damaged UTF-8, not GB18030: decoding
  // it as GB18030 would lint mojibake.
  const lossy = new TextDecoder('utf-8').decode(buf);
  let bad = 0;
  let firstBad = -1;
  let wide = 0;
  for (let i = 0; i < lossy.length; i++) {
    const c = lossy.charCodeAt(i);
    if (c === 0xfffd) {
      bad++;
      if (firstBad < 0) firstBad = i;
    } else if (c > 0x7f) wide++;
  }
  if (wide >= 20 && bad * 100 <= wide) {
    return { skipped: `undecodable: invalid UTF-8 (${bad} bad byte sequence${bad === 1 ? '' : 's'}, the first at character ${firstBad + 1}); re-save the file as UTF-8` };
  }
  // Not UTF-8: GBK/GB18030 is what Chinese offices save as "ANSI" text.
  const bytes = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
  const gb = iconv().decode(bytes, 'gb18030');
  // Chinese GBK text is nearly all GB2312 characters (over 99.9% in each corpus report); random high bytes have
  // about half, Windows-1252 or UTF-8 read as GB18030 few. (A GBK file of rarer characters: --encoding gbk.)
  const share = gb2312Share(gbStats(buf));
  if (!gb.includes('\ufffd') && textLikeShare(gb) >= 0.85 && share >= 0.8) {
    // certain enough to write back only when it reads as Chinese and every byte round-trips
    const uncertain = share < 0.95 ? 'gb18030-guess' : !iconv().encode(gb, 'gb18030').equals(bytes) ? 'gb18030-roundtrip' : undefined;
    return { text: gb, encoding: 'gb18030', ...(uncertain ? { uncertain } : {}) };
  }
  return { skipped: 'undecodable: not UTF-8, UTF-16 with a byte order mark, or GB18030/GBK text; if it is text, name its encoding with --encoding' };
}

/** Decodes as the encoding the user named; bytes that are not valid in it skip the file. */
function decodeAs(buf: Uint8Array, encoding: ExplicitEncoding): ReadResult {
  const invalid = { skipped: `undecodable: not valid ${encoding} (--encoding ${encoding})` };
  switch (encoding) {
    case 'utf8': {
      const text = strictUtf8(buf);
      return text === undefined ? invalid : { text, encoding: 'utf8', explicit: true };
    }
    case 'utf16le':
    case 'utf16be': {
      if (buf.length % 2 !== 0) return invalid;
      try {
        const text = new TextDecoder(encoding === 'utf16le' ? 'utf-16le' : 'utf-16be', { fatal: true, ignoreBOM: true }).decode(buf);
        return { text, encoding: encoding === 'utf16le' ? 'utf16le-nobom' : 'utf16be-nobom', explicit: true };
      } catch {
        return invalid;
      }
    }
    case 'gb18030': {
      const text = iconv().decode(Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength), 'gb18030');
      return text.includes('\ufffd') ? invalid : { text, encoding: 'gb18030', explicit: true };
    }
  }
}

/** Encodes text back into the encoding it was read in (byte order marks kept). */
export function encodeText(text: string, encoding: TextEncoding): Buffer {
  switch (encoding) {
    case 'utf8':
      return Buffer.from(text, 'utf8');
    case 'utf8-bom':
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    case 'utf16le':
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    case 'utf16be': {
      const b = Buffer.from(text, 'utf16le');
      b.swap16();
      return Buffer.concat([Buffer.from([0xfe, 0xff]), b]);
    }
    case 'utf16le-nobom':
      return Buffer.from(text, 'utf16le');
    case 'utf16be-nobom':
      return Buffer.from(text, 'utf16le').swap16();
    case 'gb18030':
      return iconv().encode(text, 'gb18030');
  }
}

/**
 * The text of a .docx as the writer sees it (node/docx/read.ts): one line per paragraph, with the position map
 * (`docx`) that locates findings and anchors review comments. A file that cannot be read is skipped with its reason.
 */
export async function readDocx(buf: Buffer, opts: { all?: boolean } = {}): Promise<ReadResult> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { readDocxText } = require('./docx/read') as typeof import('./docx/read');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { DocxError } = require('./docx/zip') as typeof import('./docx/zip');
  try {
    const docx = await readDocxText(buf, opts);
    return { text: docx.text, encoding: 'docx', docx };
  } catch (e) {
    if (e instanceof DocxError) return { skipped: e.message };
    return { skipped: `not a readable .docx (${e instanceof Error ? e.message.split('\n')[0] : String(e)})` };
  }
}

/**
 * The most bytes a text of `maxChars` characters (UTF-16 units, the unit of the maxSize setting) can take on disk:
 * 2 per unit in UTF-16, 3 in UTF-8 (4 bytes make 2 units), up to 4 in GB18030 (its four-byte codes of BMP
 * characters), plus a byte order mark. A larger file is over the limit whatever its encoding and is not read; a
 * smaller one is decoded, and the engine compares its characters with the limit, as the language server does.
 */
export function maxBytesFor(maxChars: number): number {
  return 4 * maxChars + 3;
}

export interface ReadOptions {
  /** Files larger than this many bytes are skipped; the cap holds while reading (a device or a growing file). */
  maxBytes: number;
  /** Language of the skip reasons that name what a non-regular file is. */
  lang?: MsgLang;
  /** The size limit in characters (maxSize) that maxBytes was derived from, for the message. */
  maxChars?: number;
  /** --encoding. */
  encoding?: ExplicitEncoding;
}

/**
 * Reads and decodes one file. Only a regular file is read (a FIFO, a device, a link to one is skipped with what it
 * is). Throws only when the file cannot be opened at all (missing, no permission, a dangling link or a loop).
 */
export async function readReportFile(path: string, opts: ReadOptions): Promise<ReadResult & { bytes?: Buffer; stat?: Stats }> {
  const ext = extname(path).toLowerCase();
  if (CONVERT_TO_DOCX.has(ext)) return { skipped: `${ext} is not supported: convert to .docx` };
  const read = readRegularFile(path, opts.maxBytes, opts.lang ?? 'zh');
  if (!('bytes' in read)) {
    // over the byte cap: say it against the limit the user set, in characters
    const big = /^too large \((\d+) bytes, limit \d+\)$/.exec(read.skipped);
    if (big && opts.maxChars !== undefined) return { skipped: `too large (${big[1]} bytes, over the limit of ${opts.maxChars} characters)` };
    return read;
  }
  const buf = read.bytes;
  if (ext === '.docm') return { skipped: 'a macro-enabled document (.docm) is not read: save it as a .docx' };
  if (ext === '.docx') return { ...(await readDocx(buf)), bytes: buf, stat: read.stat };
  return { ...decodeBytes(buf, { encoding: opts.encoding }), bytes: buf, stat: read.stat };
}
