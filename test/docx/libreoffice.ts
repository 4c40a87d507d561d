// LibreOffice (Debian's headless Writer, installed by scripts/libreoffice-setup.sh) as an independent reader of
// the reviewed copies: convert to .odt, then read comments and tracked changes back from its content.xml.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Element, Node } from '@xmldom/xmldom';
import { readZip } from '../../node/docx/zip';
import { elements, parseXml } from '../../node/docx/xml';

export const haveSoffice = spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status === 0;
/** Skip only where LibreOffice is missing AND this is not CI (CI must have it: the test setup installs it). */
export const skipLibreOffice = !haveSoffice && !process.env.CI;
if (skipLibreOffice) console.warn('skipping the LibreOffice checks of reviewed .docx copies: soffice is not installed (run bash scripts/libreoffice-setup.sh)');

/** Debian's python3 with python3-uno (the setup installs it): drives LibreOffice to print with comments. */
const PYTHON = '/usr/bin/python3';
export const havePyUno = haveSoffice && spawnSync(PYTHON, ['-c', 'import uno'], { encoding: 'utf8' }).status === 0;
export const skipPrint = !havePyUno && !process.env.CI;
if (haveSoffice && skipPrint) console.warn('skipping the picture of a reviewed page: python3-uno is not installed (run bash scripts/libreoffice-setup.sh)');

/** Prints `file` to the PDF `pdf` with its comments in the right margin, as Writer shows them. */
export function printWithComments(file: string, pdf: string): void {
  const script = join(dirname(fileURLToPath(import.meta.url)), 'print-with-comments.py');
  const r = spawnSync(PYTHON, [script, file, pdf], { encoding: 'utf8', timeout: 150_000 });
  if (r.status !== 0) throw new Error(`printing with comments failed (${r.status}): ${r.stderr}`);
}

// one private profile per test process: concurrent soffice runs must not share one
const profile = mkdtempSync(join(tmpdir(), 'report-lint-lo-'));

/** Converts `file` with soffice into `outDir`; returns the output path. */
export function convert(file: string, to: string, outDir: string): string {
  const r = spawnSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', to, '--outdir', outDir, file], { encoding: 'utf8', timeout: 120_000 });
  if (r.status !== 0) throw new Error(`soffice failed (${r.status}): ${r.stderr}`);
  const ext = to.split(':')[0];
  return join(outDir, basename(file).replace(/\.[^.]+$/, `.${ext}`));
}

const TEXT = 'urn:oasis:names:tc:opendocument:xmlns:text:1.0';
const OFFICE = 'urn:oasis:names:tc:opendocument:xmlns:office:1.0';
const DC = 'http://purl.org/dc/elements/1.1/';

export interface OdtComment {
  author: string;
  text: string;
  anchored: string;
}

export interface OdtContent {
  comments: OdtComment[];
  /** Paragraph texts with all tracked changes accepted, and with all rejected. */
  accepted: string[];
  rejected: string[];
  /** Authors of the tracked changes, by kind. */
  changes: { kind: 'insertion' | 'deletion'; author: string }[];
}

const is = (n: Node, ns: string, local: string): boolean => n.nodeType === 1 && (n as Element).namespaceURI === ns && (n as Element).localName === local;

/** `author`: whose tracked changes are accepted or rejected (the others' are taken as shown). */
export async function readOdt(path: string, author = 'report-lint'): Promise<OdtContent> {
  const { entries } = await readZip(readFileSync(path), { want: (n) => n === 'content.xml' });
  const doc = parseXml(entries[0].data.toString('utf8'), 'content.xml');
  const body = doc.getElementsByTagNameNS(OFFICE, 'text')[0];
  // tracked changes: id → kind and, for a deletion, the deleted text
  const regions = new Map<string, { kind: 'insertion' | 'deletion'; deleted: string; author: string }>();
  const changes: OdtContent['changes'] = [];
  for (const region of Array.from(doc.getElementsByTagNameNS(TEXT, 'changed-region'))) {
    const id = region.getAttributeNS(TEXT, 'id') || region.getAttribute('xml:id') || '';
    const kindEl = elements(region)[0];
    const kind = kindEl.localName as 'insertion' | 'deletion';
    const author = kindEl.getElementsByTagNameNS(DC, 'creator')[0]?.textContent ?? '';
    const deleted = Array.from(kindEl.getElementsByTagNameNS(TEXT, 'p')).map((p) => p.textContent ?? '').join('');
    regions.set(id, { kind, deleted, author });
    changes.push({ kind, author });
  }
  const comments: OdtComment[] = [];
  const open = new Map<string, OdtComment>();
  const accepted: string[] = [];
  const rejected: string[] = [];
  let inInsertion = 0;
  const walk = (n: Node, acc: { a: string; r: string }) => {
    for (let c = n.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 3) {
        const s = c.nodeValue ?? '';
        acc.a += s;
        if (!inInsertion) acc.r += s;
        for (const cm of open.values()) cm.anchored += s;
        continue;
      }
      if (c.nodeType !== 1) continue;
      const e = c as Element;
      if (is(e, OFFICE, 'annotation')) {
        const cm: OdtComment = {
          author: e.getElementsByTagNameNS(DC, 'creator')[0]?.textContent ?? '',
          text: Array.from(e.getElementsByTagNameNS(TEXT, 'p')).map((p) => p.textContent ?? '').join('\n'),
          anchored: '',
        };
        comments.push(cm);
        const name = e.getAttributeNS(OFFICE, 'name');
        if (name) open.set(name, cm);
      } else if (is(e, OFFICE, 'annotation-end')) open.delete(e.getAttributeNS(OFFICE, 'name') ?? '');
      else if (is(e, TEXT, 'change-start')) {
        const r = regions.get(e.getAttributeNS(TEXT, 'change-id') ?? '');
        if (r?.kind === 'insertion' && r.author === author) inInsertion++;
      } else if (is(e, TEXT, 'change-end')) {
        const r = regions.get(e.getAttributeNS(TEXT, 'change-id') ?? '');
        if (r?.kind === 'insertion' && r.author === author) inInsertion--;
      } else if (is(e, TEXT, 'change')) {
        const r = regions.get(e.getAttributeNS(TEXT, 'change-id') ?? '');
        if (r?.kind === 'deletion' && r.author === author) acc.r += r.deleted;
      } else if (is(e, TEXT, 's')) {
        const s = ' '.repeat(Number(e.getAttributeNS(TEXT, 'c') || 1));
        acc.a += s;
        if (!inInsertion) acc.r += s;
      } else if (is(e, TEXT, 'tab')) {
        acc.a += '\t';
        if (!inInsertion) acc.r += '\t';
      } else if (is(e, TEXT, 'tracked-changes') || is(e, TEXT, 'note') || is(e, TEXT, 'number')) continue;
      else if (is(e, TEXT, 'p') || is(e, TEXT, 'h')) {
        const inner = { a: '', r: '' };
        walk(e, inner);
        accepted.push(inner.a);
        rejected.push(inner.r);
      } else walk(e, acc);
    }
  };
  walk(body, { a: '', r: '' });
  return { comments, accepted, rejected, changes };
}
