// Reading a .docx as the writer sees it: body paragraphs and tables (merged cells once), text boxes after the
// paragraph that holds them, then footnotes, endnotes, headers and footers. Automatic numbering rendered,
// field results as shown, inserted revisions read, deleted revisions, field codes and hidden text left out.
// The text is one line per paragraph; the position map says where each piece of it came from, so that a finding
// can be located ("第5段", "表1第2行第3列"), anchored as a Word comment, or fixed as a tracked change.
import type { Document, Element, Node } from '@xmldom/xmldom';
import { posix } from 'node:path';
import { readZip, DocxError, type ZipEntry } from './zip';
import { Numbering } from './numbering';
import { attr, child, children, elements, isEl, onOff, parseXml, CT, MC, REL, W } from './xml';

export type DocxArea = 'body' | 'table' | 'textbox' | 'footnote' | 'endnote' | 'header' | 'footer';

/** A piece of a paragraph's text. `text` pieces map one to one onto a w:t element's characters. */
export interface DocxPiece {
  start: number;
  end: number;
  kind: 'text' | 'numbering' | 'field' | 'other';
  /** The w:t (kind text) this piece is the text of, from character `tOffset` on. */
  t?: Element;
  tOffset?: number;
}

export interface DocxParagraph {
  /** Offsets of the paragraph's text in DocxText.text (end excludes the line break). */
  start: number;
  end: number;
  p: Element;
  part: string;
  area: DocxArea;
  /** 1-based: body paragraph number (non-empty paragraphs outside tables), table number, note number, ... */
  n: number;
  row?: number;
  col?: number;
  pieces: DocxPiece[];
}

export interface DocxText {
  text: string;
  paragraphs: DocxParagraph[];
  /** Every part of the zip, in stored order (for the reviewed copy). */
  entries: ZipEntry[];
  /** Parsed XML parts by name (the document, notes, headers, footers, styles). */
  xml: Map<string, Document>;
  mainPart: string;
}

const dec = new TextDecoder('utf-8');

function partText(entries: Map<string, ZipEntry>, name: string): string | undefined {
  const e = entries.get(name);
  if (!e) return undefined;
  // XML parts are UTF-8 (or UTF-16 with a BOM)
  const b = e.data;
  if (b.length >= 2 && b[0] === 0xff && b[1] === 0xfe) return new TextDecoder('utf-16le').decode(b.subarray(2));
  if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) return new TextDecoder('utf-16be').decode(b.subarray(2));
  return dec.decode(b);
}

function relsOf(entries: Map<string, ZipEntry>, part: string): { id: string; type: string; target: string; external: boolean }[] {
  const dir = posix.dirname(part);
  const name = `${dir === '.' ? '' : dir + '/'}_rels/${posix.basename(part)}.rels`;
  const xml = partText(entries, name);
  if (xml === undefined) return [];
  const doc = parseXml(xml, name);
  return children(doc.documentElement!, 'Relationship', REL).map((r) => {
    const target = r.getAttribute('Target') ?? '';
    const external = r.getAttribute('TargetMode') === 'External';
    const resolved = external ? target : target.startsWith('/') ? target.slice(1) : posix.normalize(posix.join(dir, target));
    return { id: r.getAttribute('Id') ?? '', type: r.getAttribute('Type') ?? '', target: resolved, external };
  });
}

const relType = (t: string, kind: string) => t.endsWith(`/${kind}`);

interface Styles {
  /** Paragraph style id → numPr (after basedOn). */
  numPr(styleId: string | undefined): { numId?: string; ilvl?: number } | undefined;
  /** Character style id → hidden (w:vanish, after basedOn). */
  hidden(styleId: string | undefined): boolean;
}

function readStyles(doc: Document | undefined): Styles {
  const byId = new Map<string, Element>();
  if (doc?.documentElement) for (const s of children(doc.documentElement, 'style')) byId.set(attr(s, 'styleId') ?? '', s);
  const chain = (id: string | undefined): Element[] => {
    const out: Element[] = [];
    while (id && byId.has(id) && out.length < 20) {
      const s = byId.get(id)!;
      out.push(s);
      const b = child(s, 'basedOn');
      id = b ? attr(b, 'val') : undefined;
    }
    return out;
  };
  return {
    numPr(id) {
      for (const s of chain(id)) {
        const np = child(child(s, 'pPr') ?? s, 'numPr');
        if (np && child(s, 'pPr')) {
          const n = child(np, 'numId');
          const l = child(np, 'ilvl');
          return { numId: n ? attr(n, 'val') : undefined, ilvl: l ? Number(attr(l, 'val') ?? 0) : undefined };
        }
      }
      return undefined;
    },
    hidden(id) {
      for (const s of chain(id)) {
        const rPr = child(s, 'rPr');
        const v = rPr && child(rPr, 'vanish');
        if (v) return onOff(v);
      }
      return false;
    },
  };
}

/** Paragraphs of a part, with what the reader needs to walk them. */
class Reader {
  text = '';
  paragraphs: DocxParagraph[] = [];
  bodyN = 0;
  tableN = 0;
  /** Open fields: true once past w:separate (the result is shown), false in the field code. */
  fields: boolean[] = [];

  constructor(
    readonly numbering: Numbering,
    readonly styles: Styles,
  ) {}

  block(container: Node, part: string, area: DocxArea, table?: { n: number; row: number; col: number }): void {
    for (const e of elements(container)) {
      if (isEl(e, 'p')) this.paragraph(e, part, area, table);
      else if (isEl(e, 'tbl')) this.table(e, part, area === 'body' ? 'table' : area);
      else if (isEl(e, 'sdt')) {
        const c = child(e, 'sdtContent');
        if (c) this.block(c, part, area, table);
      } else if (isEl(e, 'customXml') || isEl(e, 'ins') || isEl(e, 'moveTo')) this.block(e, part, area, table);
      else if (isEl(e, 'AlternateContent', MC)) {
        const choice = child(e, 'Choice', MC);
        if (choice) this.block(choice, part, area, table);
      }
    }
  }

  table(tbl: Element, part: string, area: DocxArea): void {
    const n = area === 'table' ? ++this.tableN : this.tableN || 1;
    let row = 0;
    for (const tr of this.rows(tbl)) {
      row++;
      let col = 0;
      for (const tc of this.cells(tr)) {
        const tcPr = child(tc, 'tcPr');
        const span = Number((tcPr && child(tcPr, 'gridSpan') && attr(child(tcPr, 'gridSpan')!, 'val')) ?? 1) || 1;
        col++;
        const vm = tcPr && child(tcPr, 'vMerge');
        // a vertically merged cell's continuation: Word shows the first cell's text once
        if (!(vm && attr(vm, 'val') !== 'restart')) this.block(tc, part, area === 'table' ? 'table' : area, { n, row, col });
        col += span - 1;
      }
    }
  }

  private rows(tbl: Element): Element[] {
    const out: Element[] = [];
    for (const e of elements(tbl)) {
      if (isEl(e, 'tr')) out.push(e);
      else if (isEl(e, 'sdt') || isEl(e, 'customXml')) out.push(...this.rows(child(e, 'sdtContent') ?? e));
    }
    return out;
  }

  private cells(tr: Element): Element[] {
    const out: Element[] = [];
    for (const e of elements(tr)) {
      if (isEl(e, 'tc')) out.push(e);
      else if (isEl(e, 'sdt') || isEl(e, 'customXml')) out.push(...this.cells(child(e, 'sdtContent') ?? e));
    }
    return out;
  }

  paragraph(p: Element, part: string, area: DocxArea, table?: { n: number; row: number; col: number }): void {
    if (this.paragraphs.length) this.text += '\n';
    const start = this.text.length;
    const para: DocxParagraph = { start, end: start, p, part, area, n: 0, pieces: [] };
    if (table) Object.assign(para, { n: table.n, row: table.row, col: table.col });
    this.paragraphs.push(para);
    const label = this.label(p);
    if (label) this.push(para, label, 'numbering');
    const boxes: Element[] = [];
    this.inline(p, para, boxes);
    // a field code never spans paragraphs: one still open here is broken (no w:separate), and showing its text
    // loses nothing, where hiding it would hide the rest of the document
    for (let i = 0; i < this.fields.length; i++) this.fields[i] = true;
    para.end = this.text.length;
    if (area === 'body' && para.end > para.start) para.n = ++this.bodyN;
    else if (area === 'body') para.n = this.bodyN + 1;
    for (const box of boxes) this.block(box, part, 'textbox');
  }

  private label(p: Element): string {
    const pPr = child(p, 'pPr');
    if (!pPr) return '';
    const np = child(pPr, 'numPr');
    const ps = child(pPr, 'pStyle');
    const fromStyle = this.styles.numPr(ps ? attr(ps, 'val') : undefined);
    const numIdEl = np && child(np, 'numId');
    const ilvlEl = np && child(np, 'ilvl');
    const numId = (numIdEl && attr(numIdEl, 'val')) ?? fromStyle?.numId;
    const ilvl = ilvlEl ? Number(attr(ilvlEl, 'val') ?? 0) : (fromStyle?.ilvl ?? 0);
    if (!numId) return '';
    // a paragraph whose mark is deleted as a revision, or hidden, is not numbered on the page
    const rPr = child(pPr, 'rPr');
    if (rPr && (child(rPr, 'del') || onOff(child(rPr, 'vanish')))) return '';
    return this.numbering.label(numId, ilvl);
  }

  private push(para: DocxParagraph, s: string, kind: DocxPiece['kind'], t?: Element, tOffset?: number): void {
    if (!s) return;
    const start = this.text.length;
    this.text += s;
    para.pieces.push({ start, end: this.text.length, kind, t, tOffset });
  }

  private visible(): boolean {
    for (const f of this.fields) if (!f) return false;
    return true;
  }

  private inline(node: Node, para: DocxParagraph, boxes: Element[]): void {
    for (const e of elements(node)) {
      if (e.namespaceURI === MC && e.localName === 'AlternateContent') {
        const choice = child(e, 'Choice', MC);
        if (choice) this.inline(choice, para, boxes);
        continue;
      }
      if (e.namespaceURI !== W) continue;
      switch (e.localName) {
        case 'r':
          this.run(e, para, boxes);
          break;
        case 'ins':
        case 'moveTo':
        case 'hyperlink':
        case 'smartTag':
        case 'customXml':
        case 'fldSimple':
        case 'dir':
        case 'bdo':
          this.inline(e, para, boxes);
          break;
        case 'sdt': {
          const c = child(e, 'sdtContent');
          if (c) this.inline(c, para, boxes);
          break;
        }
        // w:del, w:moveFrom (deleted revisions), w:pPr, bookmarks, proofing marks: not shown
      }
    }
  }

  private run(r: Element, para: DocxParagraph, boxes: Element[]): void {
    const rPr = child(r, 'rPr');
    const rs = rPr && child(rPr, 'rStyle');
    const hidden = (rPr && onOff(child(rPr, 'vanish'))) || this.styles.hidden(rs ? attr(rs, 'val') : undefined);
    for (const e of elements(r)) {
      if (e.namespaceURI === MC && e.localName === 'AlternateContent') {
        const choice = child(e, 'Choice', MC);
        if (choice) for (const b of descendants(choice, 'txbxContent')) boxes.push(b);
        continue;
      }
      if (e.namespaceURI !== W) continue;
      switch (e.localName) {
        case 'fldChar': {
          const type = attr(e, 'fldCharType');
          if (type === 'begin') this.fields.push(false);
          else if (type === 'separate' && this.fields.length) this.fields[this.fields.length - 1] = true;
          else if (type === 'end') this.fields.pop();
          break;
        }
        case 't':
          if (!hidden && this.visible()) this.push(para, e.textContent ?? '', this.fields.length ? 'field' : 'text', e, 0);
          break;
        case 'tab':
        case 'ptab':
          if (!hidden && this.visible()) this.push(para, '\t', 'other');
          break;
        case 'br':
        case 'cr': {
          const type = attr(e, 'type');
          if (!hidden && this.visible() && type !== 'page' && type !== 'column') this.push(para, '\n', 'other');
          break;
        }
        case 'noBreakHyphen':
          if (!hidden && this.visible()) this.push(para, '-', 'other');
          break;
        case 'sym': {
          const c = attr(e, 'char');
          const code = c ? parseInt(c, 16) : NaN;
          // Symbol-font characters are stored in the private use area (F0xx): the glyph is the low byte's
          if (!hidden && this.visible() && Number.isFinite(code)) this.push(para, String.fromCharCode(code >= 0xf000 && code <= 0xf0ff ? code - 0xf000 : code), 'other');
          break;
        }
        case 'drawing':
        case 'pict':
        case 'object':
          if (!hidden) for (const b of descendants(e, 'txbxContent')) boxes.push(b);
          break;
        // w:delText, w:instrText, footnote/endnote reference marks, w:rPr: not read
      }
    }
  }
}

function descendants(root: Element, local: string): Element[] {
  const out: Element[] = [];
  const walk = (n: Node) => {
    for (const e of elements(n)) {
      if (isEl(e, local)) out.push(e);
      else if (isEl(e, 'Fallback', MC)) continue;
      else walk(e);
    }
  };
  walk(root);
  return out;
}

/** Parts read besides the main document. */
const WANTED = /^(\[Content_Types\]\.xml|_rels\/\.rels|word\/.*\.xml|word\/_rels\/.*\.rels)$/i;

/**
 * Reads a .docx. `all` inflates every part (for the reviewed copy); otherwise only the XML parts that hold text.
 * Throws DocxError with the reason to skip the file.
 */
export async function readDocxText(buf: Buffer, opts: { all?: boolean; maxUncompressed?: number } = {}): Promise<DocxText> {
  if (buf.length >= 4 && buf[0] === 0xd0 && buf[1] === 0xcf && buf[2] === 0x11 && buf[3] === 0xe0) {
    // An encrypted .docx is an OLE compound file (EncryptedPackage), so is an old .doc renamed
    throw new DocxError('encrypted (password-protected) or an old binary Word file: save it as a .docx without a password');
  }
  if (!(buf.length >= 4 && buf[0] === 0x50 && buf[1] === 0x4b)) throw new DocxError('not a readable .docx (not a zip file)');
  const { entries } = await readZip(buf, { want: opts.all ? undefined : (n) => WANTED.test(n), maxUncompressed: opts.maxUncompressed });
  const byName = new Map(entries.map((e) => [e.name, e]));
  const xml = new Map<string, Document>();
  const parse = (name: string): Document | undefined => {
    if (xml.has(name)) return xml.get(name);
    const s = partText(byName, name);
    if (s === undefined) return undefined;
    try {
      const d = parseXml(s, name);
      xml.set(name, d);
      return d;
    } catch (e) {
      throw new DocxError(`not a readable .docx (${(e as Error).message})`);
    }
  };

  let mainPart = 'word/document.xml';
  try {
    const main = relsOf(byName, '').find((r) => relType(r.type, 'officeDocument'));
    if (main) mainPart = main.target;
  } catch {
    /* a broken package relationship: the usual name */
  }
  const types = parse('[Content_Types].xml');
  if (types?.documentElement) {
    for (const o of children(types.documentElement, 'Override', CT)) {
      if ((o.getAttribute('PartName') ?? '').replace(/^\//, '') === mainPart && /macroEnabled/i.test(o.getAttribute('ContentType') ?? '')) {
        throw new DocxError('a macro-enabled document (.docm) is not read: save it as a .docx');
      }
    }
  }
  const doc = parse(mainPart);
  if (!doc) throw new DocxError(`not a readable .docx (no ${mainPart})`);
  const body = child(doc.documentElement!, 'body');
  if (!body) throw new DocxError(`not a readable .docx (no w:body in ${mainPart})`);

  let rels: ReturnType<typeof relsOf> = [];
  try {
    rels = relsOf(byName, mainPart);
  } catch {
    rels = [];
  }
  const target = (kind: string) => rels.find((r) => relType(r.type, kind) && !r.external)?.target;
  const styles = readStyles(safe(() => parse(target('styles') ?? '')));
  const numbering = new Numbering(safe(() => parse(target('numbering') ?? ''))?.documentElement ?? undefined);
  const reader = new Reader(numbering, styles);
  reader.block(body, mainPart, 'body');

  // Notes in the order of their references in the body, then any not referenced
  for (const [kind, area] of [['footnotes', 'footnote'], ['endnotes', 'endnote']] as const) {
    const name = target(kind);
    const notes = name ? safe(() => parse(name)) : undefined;
    if (!name || !notes?.documentElement) continue;
    let n = 0;
    for (const note of children(notes.documentElement, area)) {
      const type = attr(note, 'type');
      if (type && type !== 'normal') continue;
      n++;
      reader.fields = [];
      const first = reader.paragraphs.length;
      reader.block(note, name, area);
      for (let i = first; i < reader.paragraphs.length; i++) reader.paragraphs[i].n = n;
    }
  }
  // Headers and footers in the order the sections reference them, each part once
  const seen = new Set<string>();
  for (const kind of ['header', 'footer'] as const) {
    for (const ref of descendantsAll(body, `${kind}Reference`)) {
      const id = ref.getAttributeNS('http://schemas.openxmlformats.org/officeDocument/2006/relationships', 'id');
      const rel = rels.find((r) => r.id === id);
      if (!rel || seen.has(rel.target)) continue;
      seen.add(rel.target);
      const part = safe(() => parse(rel.target));
      if (!part?.documentElement) continue;
      reader.fields = [];
      const first = reader.paragraphs.length;
      reader.block(part.documentElement, rel.target, kind);
      for (let i = first; i < reader.paragraphs.length; i++) reader.paragraphs[i].n = seen.size;
    }
  }
  return { text: reader.text, paragraphs: reader.paragraphs, entries, xml, mainPart };
}

function safe<T>(f: () => T): T | undefined {
  try {
    return f();
  } catch {
    return undefined;
  }
}

function descendantsAll(root: Element, local: string): Element[] {
  const out: Element[] = [];
  const walk = (n: Node) => {
    for (const e of elements(n)) {
      if (isEl(e, local)) out.push(e);
      walk(e);
    }
  };
  walk(root);
  return out;
}

/** The paragraph an offset of the text is in (binary search). */
export function paragraphAt(d: Pick<DocxText, 'paragraphs'>, offset: number): DocxParagraph | undefined {
  const ps = d.paragraphs;
  let lo = 0;
  let hi = ps.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (ps[mid].start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return ps[lo];
}
