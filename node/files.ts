// Reading report files from disk: encoding detection and decoding (UTF-8 with or without BOM, UTF-16 with
// BOM, GB18030/GBK), .docx paragraphs, and writing text back in the encoding it came in.
// iconv-lite and the .docx reader are loaded only when a file needs them: CLI start-up time matters.
import type { Stats } from 'node:fs';
import { readRegularFile, type MsgLang } from './safe-fs';
import { extname } from 'node:path';

export type TextEncoding = 'utf8' | 'utf8-bom' | 'utf16le' | 'utf16be' | 'gb18030';

export interface DecodedFile {
  /** The decoded text (BOM removed, line endings as in the file). */
  text: string;
  encoding: TextEncoding | 'docx';
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

type IconvLite = typeof import('iconv-lite');
let iconvCache: IconvLite | undefined;
function iconv(): IconvLite {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (iconvCache ??= require('iconv-lite') as IconvLite);
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

/** Decodes the bytes of a text file. Binary or undecodable content is reported as skipped, never guessed. */
export function decodeBytes(buf: Uint8Array): ReadResult {
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
  if (hasNul(buf)) return { skipped: 'binary content (NUL bytes)' };
  const utf8 = strictUtf8(buf);
  if (utf8 !== undefined) return { text: utf8, encoding: 'utf8' };
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
  const gb = iconv().decode(Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength), 'gb18030');
  if (!gb.includes('\ufffd') && textLikeShare(gb) >= 0.85) return { text: gb, encoding: 'gb18030' };
  return { skipped: 'undecodable: not UTF-8, UTF-16 with a byte order mark, or GB18030/GBK text' };
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

export interface ReadOptions {
  /** Files larger than this many bytes are skipped; the cap holds while reading (a device or a growing file). */
  maxBytes: number;
  /** Language of the skip reasons that name what a non-regular file is. */
  lang?: MsgLang;
}

/**
 * Reads and decodes one file. Only a regular file is read (a FIFO, a device, a link to one is skipped with what it
 * is). Throws only when the file cannot be opened at all (missing, no permission, a dangling link or a loop).
 */
export async function readReportFile(path: string, opts: ReadOptions): Promise<ReadResult & { bytes?: Buffer; stat?: Stats }> {
  const ext = extname(path).toLowerCase();
  if (CONVERT_TO_DOCX.has(ext)) return { skipped: `${ext} is not supported: convert to .docx` };
  const read = readRegularFile(path, opts.maxBytes, opts.lang ?? 'zh');
  if (!('bytes' in read)) return read;
  const buf = read.bytes;
  if (ext === '.docm') return { skipped: 'a macro-enabled document (.docm) is not read: save it as a .docx' };
  if (ext === '.docx') return { ...(await readDocx(buf)), bytes: buf, stat: read.stat };
  return { ...decodeBytes(buf), bytes: buf, stat: read.stat };
}
