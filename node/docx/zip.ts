// The zip container of a .docx: read with yauzl (central directory, declared sizes, encryption flag, sizes
// checked while inflating), written with yazl. Both bounded: a zip bomb is refused, never inflated into the heap.
import type { Entry, ZipFile } from 'yauzl';

/** Uncompressed bytes a .docx may inflate to (all the parts read, together). */
export const DOCX_MAX_UNCOMPRESSED = 128 * 1024 * 1024;
/** More entries than any real document has: a central directory of millions of entries is refused too. */
const MAX_ENTRIES = 10000;

/** A reason to skip the file, worded for the user. */
export class DocxError extends Error {}

export interface ZipEntry {
  name: string;
  data: Buffer;
  /** Compression method as stored (0 stored, 8 deflated), kept when writing the copy. */
  compressed: boolean;
}

export interface ReadZipOptions {
  /** Parts to inflate (default: all). Those left out are listed without being inflated. */
  want?: (name: string) => boolean;
  maxUncompressed?: number;
}

function lazyYauzl(): typeof import('yauzl') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('yauzl') as typeof import('yauzl');
}

function openZip(buf: Buffer): Promise<ZipFile> {
  return new Promise((resolve, reject) => {
    lazyYauzl().fromBuffer(buf, { lazyEntries: true, validateEntrySizes: true, strictFileNames: false, decodeStrings: true }, (err, zip) =>
      err ? reject(new DocxError(`not a readable .docx (${err.message})`)) : resolve(zip),
    );
  });
}

function listEntries(zip: ZipFile): Promise<Entry[]> {
  return new Promise((resolve, reject) => {
    const out: Entry[] = [];
    zip.on('entry', (e: Entry) => {
      out.push(e);
      if (out.length > MAX_ENTRIES) {
        zip.close();
        reject(new DocxError(`not a readable .docx (more than ${MAX_ENTRIES} parts)`));
        return;
      }
      zip.readEntry();
    });
    zip.on('end', () => resolve(out));
    zip.on('error', (err: Error) => reject(new DocxError(`not a readable .docx (${err.message})`)));
    zip.readEntry();
  });
}

/** Inflates one entry, counting the bytes as they come: stops as soon as the budget is spent. */
function inflate(zip: ZipFile, entry: Entry, budget: { left: number; limit: number }): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (err, stream) => {
      if (err) return reject(new DocxError(`not a readable .docx (${entry.fileName}: ${err.message})`));
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => {
        budget.left -= c.length;
        if (budget.left < 0) {
          stream.destroy();
          reject(tooLarge(budget.limit));
          return;
        }
        chunks.push(c);
      });
      // yauzl checks the inflated size against the declared one (validateEntrySizes): a part that lies is an error
      stream.on('error', (e: Error) => reject(e instanceof DocxError ? e : new DocxError(`not a readable .docx (${entry.fileName}: ${e.message})`)));
      stream.on('end', () => resolve(Buffer.concat(chunks)));
    });
  });
}

const tooLarge = (limit: number) =>
  new DocxError(`too large once uncompressed (more than ${Math.round(limit / 1024 / 1024)} MB; a damaged file or a zip bomb)`);

/**
 * The parts of a zip, in their stored order. Throws DocxError (the reason to skip the file) when it is not a zip,
 * is encrypted, or would inflate past the bound: declared sizes are checked before inflating anything, and the
 * inflated bytes are counted as they come (a part whose declared size lies is caught too).
 */
export async function readZip(buf: Buffer, opts: ReadZipOptions = {}): Promise<{ entries: ZipEntry[]; names: string[] }> {
  const limit = opts.maxUncompressed ?? DOCX_MAX_UNCOMPRESSED;
  const zip = await openZip(buf);
  try {
    const all = await listEntries(zip);
    const wanted = all.filter((e) => !e.fileName.endsWith('/') && (!opts.want || opts.want(e.fileName)));
    for (const e of wanted) if (e.isEncrypted()) throw new DocxError('encrypted (password-protected): save it without a password to check it');
    let declared = 0;
    for (const e of wanted) declared += e.uncompressedSize;
    if (declared > limit) throw tooLarge(limit);
    const budget = { left: limit, limit };
    const entries: ZipEntry[] = [];
    for (const e of wanted) entries.push({ name: e.fileName, data: await inflate(zip, e, budget), compressed: e.compressionMethod !== 0 });
    return { entries, names: all.map((e) => e.fileName) };
  } finally {
    zip.close();
  }
}

/** A zip of the given parts, in the given order (deflated unless the original part was stored). */
export function writeZip(entries: ZipEntry[]): Promise<Buffer> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const yazl = require('yazl') as typeof import('yazl');
  const zip = new yazl.ZipFile();
  // a fixed date: the copy of the same input is the same bytes
  const mtime = new Date(1980, 0, 1, 0, 0, 0);
  for (const e of entries) zip.addBuffer(e.data, e.name, { compress: e.compressed, mtime, forceDosTimestamp: true });
  zip.end();
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', (c: Buffer) => chunks.push(c));
    zip.outputStream.on('error', reject);
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
  });
}
