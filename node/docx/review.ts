// The reviewed copy of a .docx: one Word comment (批注) per finding, anchored on exactly the text it concerns
// (runs split where needed, each half keeping its formatting), author "report-lint", with the message and the
// suggested fix; optionally the fixes as tracked changes (修订) the writer accepts or rejects. Only the main
// document, the comments part, the document's relationships and [Content_Types].xml change: every other part is
// copied byte for byte. Existing comments and revisions are kept (new ids start after every id in use).
import type { Document, Element, Node } from '@xmldom/xmldom';
import { writeFileSync } from 'node:fs';
import { basename, dirname, extname, join, posix } from 'node:path';
import { messageText, selectFixes } from '../../rules/engine';
import type { Finding, Lang, TextEdit } from '../../rules/types';
import { describeParagraph } from './locate';
import { paragraphAt, readDocxText, type DocxParagraph, type DocxPiece, type DocxText } from './read';
import { child, children, elements, isEl, parseXml, serializeXml, CT, REL, W } from './xml';
import { writeZip } from './zip';

export const REVIEW_AUTHOR = 'report-lint';
const XML_NS = 'http://www.w3.org/XML/1998/namespace';
const COMMENTS_TYPE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments';
const COMMENTS_CT = 'application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml';

export interface ReviewOptions {
  lang: Lang;
  /** Fixes as tracked changes (w:ins / w:del), not only as comments. */
  trackChanges?: boolean;
  /** The date written on comments and revisions (default now). */
  date?: Date;
}

export interface ReviewResult {
  data: Buffer;
  comments: number;
  /** Fixes written as tracked changes. */
  revisions: number;
}

/** A place between nodes of the document: insert before `before` in `parent` (at the end when null). */
interface Slot {
  parent: Node;
  before: Node | null;
}

/** The run (w:r) a run child belongs to. */
const runOf = (n: Node): Element => n.parentNode as Element;

const ours = (e: Node | null | undefined, local: 'del' | 'ins'): e is Element => isEl(e, local) && e.getAttributeNS(W, 'author') === REVIEW_AUTHOR;

/** What comment markers go around: the run, or the tracked change this review wrapped it in. */
function unitOf(r: Element): Element {
  const parent = r.parentNode;
  return ours(parent, 'del') || ours(parent, 'ins') ? (parent as Element) : r;
}

class Editor {
  constructor(
    readonly doc: Document,
    readonly d: DocxText,
  ) {}

  el(name: string, attrs: Record<string, string> = {}): Element {
    const e = this.doc.createElementNS(W, `w:${name}`);
    for (const [k, v] of Object.entries(attrs)) e.setAttributeNS(W, `w:${k}`, v);
    return e;
  }

  textEl(name: 't' | 'delText', text: string): Element {
    const t = this.el(name);
    t.setAttributeNS(XML_NS, 'xml:space', 'preserve');
    t.appendChild(this.doc.createTextNode(text));
    return t;
  }

  /** Splits run `r` so that `node` (one of its children) starts a run of its own: the new run gets a copy of rPr. */
  private splitRunBefore(node: Node): void {
    const r = runOf(node);
    let prevContent = false;
    for (let n = node.previousSibling; n; n = n.previousSibling) if (n.nodeType === 1 && !isEl(n, 'rPr')) prevContent = true;
    if (!prevContent) return;
    const r2 = r.cloneNode(false) as Element;
    const rPr = child(r, 'rPr');
    if (rPr) r2.appendChild(rPr.cloneNode(true));
    for (let n: Node | null = node; n; ) {
      const next: Node | null = n.nextSibling;
      r2.appendChild(n);
      n = next;
    }
    r.parentNode!.insertBefore(r2, r.nextSibling);
  }

  /** Makes offset `at` of paragraph `p` a run boundary (splitting a w:t and its run when it falls inside one). */
  boundary(p: DocxParagraph, at: number): void {
    const i = p.pieces.findIndex((x) => x.start <= at && at < x.end);
    if (i < 0) return;
    const piece = p.pieces[i];
    if (!piece.t) return;
    if (piece.start === at) {
      this.splitRunBefore(piece.t);
      return;
    }
    if (piece.kind === 'numbering') return;
    // split the w:t: the tail becomes a w:t of its own, then a run of its own
    const t = piece.t;
    const cut = piece.tOffset! + (at - piece.start);
    const s = t.textContent ?? '';
    while (t.firstChild) t.removeChild(t.firstChild);
    t.appendChild(this.doc.createTextNode(s.slice(0, cut)));
    if (!t.hasAttributeNS(XML_NS, 'space')) t.setAttributeNS(XML_NS, 'xml:space', 'preserve');
    const t2 = this.textEl(t.localName === 'delText' ? 'delText' : 't', s.slice(cut));
    t.parentNode!.insertBefore(t2, t.nextSibling);
    p.pieces.splice(i, 1, { ...piece, end: at }, { start: at, end: piece.end, kind: piece.kind, t: t2, tOffset: 0 });
    // the first piece's w:t keeps offset 0 of its (shortened) text; later pieces of the same t do not exist
    p.pieces[i].tOffset = piece.tOffset;
    this.splitRunBefore(t2);
  }

  /** The slot before the run that starts at `at` (after pPr when the text there comes from numbering). */
  startSlot(p: DocxParagraph, at: number): Slot {
    const piece = p.pieces.find((x) => x.t && x.start >= at && x.end > at);
    if (!piece || at < (p.pieces.find((x) => x.kind !== 'numbering')?.start ?? at)) return this.paragraphStart(p);
    const u = unitOf(runOf(piece.t!));
    return { parent: u.parentNode!, before: u };
  }

  /** The slot after the run that ends at `at`. */
  endSlot(p: DocxParagraph, at: number): Slot {
    let piece: DocxPiece | undefined;
    for (const x of p.pieces) if (x.t && x.end <= at && x.kind !== 'numbering') piece = x;
    if (!piece) return this.paragraphStart(p);
    const u = unitOf(runOf(piece.t!));
    // a replacement is a deletion and the insertion after it: the comment covers both
    const last = ours(u, 'del') && ours(u.nextSibling, 'ins') ? (u.nextSibling as Element) : u;
    return { parent: last.parentNode!, before: last.nextSibling };
  }

  paragraphStart(p: DocxParagraph): Slot {
    const pPr = child(p.p, 'pPr');
    return { parent: p.p, before: pPr ? pPr.nextSibling : p.p.firstChild };
  }

  paragraphEnd(p: DocxParagraph): Slot {
    return { parent: p.p, before: null };
  }

  insert(slot: Slot, n: Node): void {
    slot.parent.insertBefore(n, slot.before);
  }
}

function maxId(docs: Iterable<Document>): number {
  let max = 0;
  for (const doc of docs) {
    const walk = (n: Node) => {
      for (const e of elements(n)) {
        const id = Number(e.getAttributeNS(W, 'id'));
        if (Number.isFinite(id) && id > max) max = id;
        walk(e);
      }
    };
    walk(doc);
  }
  return max;
}

function describeEdit(f: Finding, lang: Lang, d: DocxText): string {
  const zh = lang !== 'en';
  const q = (s: string) => (zh ? `“${s}”` : `"${s}"`);
  const one = (e: TextEdit) => {
    const old = d.text.slice(e.offset, e.endOffset);
    if (!e.text) return zh ? `删除${q(old)}` : `delete ${q(old)}`;
    if (!old) return zh ? `插入${q(e.text)}` : `insert ${q(e.text)}`;
    return zh ? `${q(old)}改为${q(e.text)}` : `${q(old)} → ${q(e.text)}`;
  };
  if (f.fix?.edits.length) return (zh ? '建议修改：' : 'Suggested fix: ') + f.fix.edits.map(one).join(zh ? '；' : '; ');
  if (f.suggestions?.length) return (zh ? '可考虑：' : 'Consider: ') + f.suggestions.map((s) => messageText(s.title, lang)).join(zh ? '；' : '; ');
  return '';
}

/** The reviewed copy of `buf` with `findings` (offsets in the text readDocx gave for the same bytes). */
export async function reviewDocx(buf: Buffer, findings: Finding[], opts: ReviewOptions): Promise<ReviewResult> {
  const d = await readDocxText(buf, { all: true });
  const doc = d.xml.get(d.mainPart)!;
  const ed = new Editor(doc, d);
  const zh = opts.lang !== 'en';
  const date = (opts.date ?? new Date()).toISOString().replace(/\.\d+Z$/, 'Z');
  let nextId = maxId(d.xml.values()) + 1;

  // comments.xml: the existing one, or a new one (with its relationship and content type)
  const rels = relsPath(d.mainPart);
  let commentsPart = findComments(d, rels);
  const newComments = !commentsPart;
  commentsPart ??= posix.join(posix.dirname(d.mainPart), 'comments.xml');
  const comments =
    d.xml.get(commentsPart) ??
    parseXml(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:comments xmlns:w="${W}"/>`, commentsPart);

  // the fixes that become tracked changes: one pass of whole, non-overlapping fixes (as --fix's first pass),
  // on text that the document's runs hold (not numbering, field results or other parts)
  const tracked = new Set<Finding>();
  if (opts.trackChanges) {
    const ok = findings.filter((f) => f.fix?.edits.length && f.fix.edits.every((e) => editable(d, e)));
    const chosen = new Set(selectFixes(ok.map((f) => f.fix!)).edits);
    for (const f of ok) if (f.fix!.edits.every((e) => chosen.has(e))) tracked.add(f);
  }

  // 1. every boundary a comment or a tracked change needs becomes a run boundary
  const anchors = findings.map((f) => anchorOf(d, f));
  for (const a of anchors) {
    if (a.p.part !== d.mainPart) continue;
    ed.boundary(a.p, a.start);
    ed.boundary(a.p, a.end);
  }
  for (const f of tracked) for (const e of f.fix!.edits) {
    const p = paragraphAt(d, e.offset)!;
    ed.boundary(p, e.offset);
    ed.boundary(p, e.endOffset);
  }

  // 2. the tracked changes: the runs of [offset, endOffset) into a w:del (w:t → w:delText), the new text in a w:ins
  let revisions = 0;
  for (const f of tracked) {
    for (const e of f.fix!.edits) {
      const p = paragraphAt(d, e.offset)!;
      const runs = runsIn(p, e.offset, e.endOffset);
      const rPrFrom = runs[0] ?? runBefore(p, e.offset);
      const slot = runs.length ? { parent: runs[0].parentNode!, before: runs[0] as Node | null } : ed.startSlot(p, e.offset);
      if (runs.length) {
        const del = ed.el('del', { id: String(nextId++), author: REVIEW_AUTHOR, date });
        ed.insert(slot, del);
        for (const r of runs) {
          for (const t of children(r, 't')) {
            const dt = ed.textEl('delText', t.textContent ?? '');
            r.replaceChild(dt, t);
            for (const x of p.pieces) if (x.t === t) x.t = dt;
          }
          del.appendChild(r);
        }
        slot.before = del.nextSibling;
      }
      if (e.text) {
        const ins = ed.el('ins', { id: String(nextId++), author: REVIEW_AUTHOR, date });
        const r = ed.el('r');
        const rPr = rPrFrom && child(rPrFrom, 'rPr');
        if (rPr) r.appendChild(rPr.cloneNode(true));
        r.appendChild(ed.textEl('t', e.text));
        ins.appendChild(r);
        ed.insert(slot, ins);
      }
    }
    revisions++;
  }

  // 3. the comments: range markers around the anchored runs, the reference run after the end, the text in comments.xml
  const root = comments.documentElement!;
  findings.forEach((f, i) => {
    const a = anchors[i];
    const id = String(nextId++);
    const where = describeParagraph(a.p, opts.lang);
    let start: Slot;
    let end: Slot;
    let prefix = '';
    if (a.p.part !== d.mainPart) {
      // Word anchors no comment in a header, footer or note: the comment goes on the first paragraph, saying where
      const first = d.paragraphs.find((x) => x.part === d.mainPart) ?? a.p;
      start = ed.paragraphStart(first);
      end = ed.paragraphEnd(first);
      prefix = zh ? `【${where}：“${d.text.slice(a.start, a.end)}”】` : `[${where}: "${d.text.slice(a.start, a.end)}"] `;
    } else if (a.numbering) {
      // the ordinal comes from Word's automatic numbering: there is no run to anchor on, the paragraph is the anchor
      start = ed.paragraphStart(a.p);
      end = ed.paragraphEnd(a.p);
      prefix = zh ? `【自动编号“${d.text.slice(a.start, a.end)}”】` : `[automatic numbering "${d.text.slice(a.start, a.end)}"] `;
    } else if (!a.p.pieces.some((x) => x.t && x.kind !== 'numbering' && x.start < a.end && x.end > a.start)) {
      // only a tab or a break: no run text to anchor on, the paragraph is the anchor
      start = ed.paragraphStart(a.p);
      end = ed.paragraphEnd(a.p);
    } else {
      start = ed.startSlot(a.p, a.start);
      end = ed.endSlot(a.p, a.end);
    }
    ed.insert(start, ed.el('commentRangeStart', { id }));
    const rangeEnd = ed.el('commentRangeEnd', { id });
    ed.insert(end, rangeEnd);
    const ref = ed.el('r');
    ref.appendChild(ed.el('commentReference', { id }));
    rangeEnd.parentNode!.insertBefore(ref, rangeEnd.nextSibling);

    const c = comments.createElementNS(W, 'w:comment');
    c.setAttributeNS(W, 'w:id', id);
    c.setAttributeNS(W, 'w:author', REVIEW_AUTHOR);
    c.setAttributeNS(W, 'w:date', date);
    c.setAttributeNS(W, 'w:initials', 'RL');
    const fix = describeEdit(f, opts.lang, d);
    const lines = [`${prefix}${messageText(f.message, opts.lang)}${zh ? `（${f.ruleId}）` : ` (${f.ruleId})`}`, ...(fix ? [fix + (f.fix && !tracked.has(f) && opts.trackChanges ? (zh ? '（未作为修订写入）' : ' (not written as a tracked change)') : '')] : [])];
    for (const line of lines) {
      const p = comments.createElementNS(W, 'w:p');
      const r = comments.createElementNS(W, 'w:r');
      const t = comments.createElementNS(W, 'w:t');
      t.setAttributeNS(XML_NS, 'xml:space', 'preserve');
      t.appendChild(comments.createTextNode(line));
      r.appendChild(t);
      p.appendChild(r);
      c.appendChild(p);
    }
    root.appendChild(c);
  });

  // 4. the parts that changed; everything else byte for byte
  const changed = new Map<string, Buffer>();
  changed.set(d.mainPart, xmlBytes(doc));
  changed.set(commentsPart, xmlBytes(comments));
  if (newComments) {
    const relsDoc = d.xml.get(rels) ?? parseXml(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${REL}"/>`, rels);
    const ids = new Set(children(relsDoc.documentElement!, 'Relationship', REL).map((r) => r.getAttribute('Id')));
    let n = 1;
    while (ids.has(`rIdRL${n}`)) n++;
    const rel = relsDoc.createElementNS(REL, 'Relationship');
    rel.setAttribute('Id', `rIdRL${n}`);
    rel.setAttribute('Type', COMMENTS_TYPE);
    rel.setAttribute('Target', posix.relative(posix.dirname(d.mainPart), commentsPart));
    relsDoc.documentElement!.appendChild(rel);
    changed.set(rels, xmlBytes(relsDoc));
    const types = d.xml.get('[Content_Types].xml')!;
    const o = types.createElementNS(CT, 'Override');
    o.setAttribute('PartName', `/${commentsPart}`);
    o.setAttribute('ContentType', COMMENTS_CT);
    types.documentElement!.appendChild(o);
    changed.set('[Content_Types].xml', xmlBytes(types));
  }
  const out = d.entries.map((e) => (changed.has(e.name) ? { ...e, data: changed.get(e.name)! } : e));
  for (const [name, data] of changed) if (!d.entries.some((e) => e.name === name)) out.push({ name, data, compressed: true });
  return { data: await writeZip(out), comments: findings.length, revisions };
}

function xmlBytes(doc: Document): Buffer {
  let s = serializeXml(doc);
  if (!s.startsWith('<?xml')) s = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${s}`;
  return Buffer.from(s, 'utf8');
}

function relsPath(part: string): string {
  const dir = posix.dirname(part);
  return `${dir === '.' ? '' : dir + '/'}_rels/${posix.basename(part)}.rels`;
}

function findComments(d: DocxText, rels: string): string | undefined {
  const relsDoc = relsDocOf(d, rels);
  if (!relsDoc?.documentElement) return undefined;
  const r = children(relsDoc.documentElement, 'Relationship', REL).find((x) => x.getAttribute('Type') === COMMENTS_TYPE);
  if (!r) return undefined;
  const name = posix.normalize(posix.join(posix.dirname(d.mainPart), r.getAttribute('Target') ?? ''));
  relsDocOf(d, name);
  return name;
}

/** Parses a part the reader did not (relationships, comments) into d.xml. */
function relsDocOf(d: DocxText, name: string): Document | undefined {
  if (d.xml.has(name)) return d.xml.get(name);
  const e = d.entries.find((x) => x.name === name);
  if (!e) return undefined;
  const doc = parseXml(new TextDecoder().decode(e.data), name);
  d.xml.set(name, doc);
  return doc;
}

/** Whether an edit touches only run text of the main document (no numbering, field result or other part). */
function editable(d: DocxText, e: TextEdit): boolean {
  const p = paragraphAt(d, e.offset);
  if (!p || p.part !== d.mainPart || e.endOffset > p.end) return false;
  const lo = e.offset;
  const hi = Math.max(e.endOffset, e.offset + 1);
  // the characters it replaces (or, for an insertion, the one after it — or before it at the paragraph's end)
  const probeLo = e.endOffset === e.offset && e.offset === p.end ? lo - 1 : lo;
  const probeHi = e.endOffset === e.offset && e.offset === p.end ? lo : hi;
  for (let o = probeLo; o < probeHi; o++) {
    const x = p.pieces.find((q) => q.start <= o && o < q.end);
    if (!x || x.kind !== 'text') return false;
    // a run inside an existing revision or a container other than the paragraph/hyperlink is left to a comment
    const parent = runOf(x.t!).parentNode;
    if (!(isEl(parent, 'p') || isEl(parent, 'hyperlink'))) return false;
  }
  return true;
}

interface Anchor {
  p: DocxParagraph;
  start: number;
  end: number;
  /** The whole range is text of Word's automatic numbering. */
  numbering: boolean;
}

function anchorOf(d: DocxText, f: Finding): Anchor {
  const p = paragraphAt(d, f.offset)!;
  let start = Math.max(f.offset, p.start);
  let end = Math.min(Math.max(f.endOffset, f.offset), p.end);
  // an empty range (a missing character): the character before it, or after it
  if (end === start) {
    if (start > p.start) start--;
    else if (end < p.end) end++;
  }
  const numbering = p.pieces.some((x) => x.kind === 'numbering' && x.start <= start && end <= x.end);
  return { p, start, end, numbering };
}

/** The runs that hold exactly [from, to) of the paragraph (boundaries already split). */
function runsIn(p: DocxParagraph, from: number, to: number): Element[] {
  const out: Element[] = [];
  for (const x of p.pieces) {
    if (!x.t || x.start < from || x.end > to || x.start === x.end) continue;
    const r = runOf(x.t);
    if (!out.includes(r)) out.push(r);
  }
  return out;
}

function runBefore(p: DocxParagraph, at: number): Element | undefined {
  let r: Element | undefined;
  for (const x of p.pieces) if (x.t && x.end <= at) r = runOf(x.t);
  return r;
}

/**
 * Writes the reviewed copy beside the input as `<name>.reviewed.docx`; never over an existing file: when that name
 * is taken, `<name>.reviewed-2.docx`, `-3`… (created exclusively, so two runs at once do not overwrite each other).
 * Returns the path written.
 */
export function writeReviewedCopy(input: string, data: Buffer): string {
  const dir = dirname(input);
  const stem = basename(input, extname(input));
  for (let n = 1; n < 1000; n++) {
    const path = join(dir, `${stem}.reviewed${n === 1 ? '' : `-${n}`}.docx`);
    try {
      writeFileSync(path, data, { flag: 'wx' });
      return path;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
  }
  throw new Error(`${stem}.reviewed.docx and 998 numbered copies exist already`);
}
