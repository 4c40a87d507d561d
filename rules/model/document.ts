// The report model: what every rule reads. Built once per document version.
import { firstAtOrAfter, LineIndex, overlapsSpan } from './lines';
import { buildProse, formatForFilename, isBlankOrMask, type Block, type Directive, type SourceFormat } from './prose';
import { inlineMarkerAt, inlineMarkers, inlineTitleBlank, isCnNumeralCode, readMarkers, type OrdinalMarker, type OrdinalType } from './headings';
import { newHeading, structureHeadings, type PartKind } from './structure';
import {
  bareSectionKind,
  classifySection,
  findDateline,
  findTitle,
  isNotesLabel,
  mayBeBareSection,
  mayBeNotesLabel,
  sectionYearOf,
  type Dateline,
  type ReportKind,
  type SectionKind,
  type Title,
} from './title';
import { ENUMERATION_KEYS, findEnumerations, type Enumeration } from './enumerations';
import { findPlaceholders, PLACEHOLDER_CHARS, type PlaceholderSpan } from './placeholders';
import { expectedYear, timeFrameAt, type TimeFrame } from './time-frame';
import { headingRunAfter } from './heading-runs';
import { looksLikeGovernmentReport, weighYears, type ReportYears, type SectionFrame, type SectionYear } from './report-years';

export type { ReportYears, YearEvidence } from './report-years';

export interface Heading {
  /** Index in doc.headings (document order). */
  index: number;
  block: Block;
  /** The ordinal marker; undefined for a Markdown `#` heading without one. */
  marker?: OrdinalMarker;
  /** Markdown `#` depth when the heading is one. */
  mdDepth?: number;
  /**
   * Nesting rank: ordinal level 1–5 (B.3.8), or a Markdown heading without an ordinal (ranked above every
   * ordinal: depth − 10). A run that restarts inside a sibling gets the sibling's rank + 0.5.
   */
  rank: number;
  /** The heading's own text: after the marker, up to the first 。 when body text follows. */
  textOffset: number;
  textEndOffset: number;
  text: string;
  kind: SectionKind;
  /** The year the heading names (`一、2023年工作总结`, `对2018年政府工作的建议`). */
  year?: number;
  yearOffset?: number;
  yearEndOffset?: number;
  parent?: Heading;
  children: Heading[];
  /** Set on the first heading of a run that starts again at 一 inside its previous sibling (seed 000). */
  restartOf?: Heading;
  /** End of the section this heading opens (start of the next heading of equal or higher rank). */
  sectionEnd: number;
  /** A label that opens a part after the body, numbered afresh (`附件1`, `名词解释`, `相关报道`); see structure.ts. */
  part?: PartKind;
  /** A section title on a line of its own, without an ordinal, after which the numbering starts again. */
  bare?: true;
  /**
   * A heading run into the paragraph before it (`…全线贯通。（五）城乡面貌…`): the value its run misses, found right
   * after a sentence end inside the section between its neighbours. Its `block` starts at the marker.
   */
  inline?: true;
}

/** A heading marker inside a line, after a sentence end, that the headings around it say is a heading. */
export interface InlineHeading {
  marker: OrdinalMarker;
  /** Present when it fills a gap of a run of headings (and is in the tree). */
  heading?: Heading;
  /**
   * In a block that lost its line breaks (a run of such markers, 一、 then 二、…), the blank that ends a short title
   * (`一、2023年工作回顾 2023年是…`): it stands for the paragraph break.
   */
  titleBlank?: number;
}

export interface Sentence {
  start: number;
  end: number;
  block: Block;
  /** The heading its block opens, if any. */
  heading?: Heading;
}

export interface SectionContext {
  /** Innermost heading first. */
  headings: Heading[];
  /** Nearest kind that is not 'other' up the tree. */
  kind: SectionKind;
  /** Nearest year named up the tree. */
  year?: number;
  /** The heading that gave the kind. */
  kindHeading?: Heading;
}

export interface ReportDocument {
  text: string;
  /** The text with non-prose masked (see prose.ts); same length and offsets as text. */
  prose: string;
  format: SourceFormat;
  filename?: string;
  lines: LineIndex;
  blocks: Block[];
  directives: Directive[];
  title?: Title;
  dateline?: Dateline;
  kind: ReportKind;
  years: ReportYears;
  /** Every heading in document order. */
  headings: Heading[];
  /** Top-level headings. */
  roots: Heading[];
  /** Heading opened by each block, by block index. */
  headingOfBlock: (Heading | undefined)[];
  sentences: Sentence[];
  enumerations: Enumeration[];
  placeholders: PlaceholderSpan[];
  /** Heading markers run into a paragraph (see InlineHeading), in document order. */
  inlineHeadings: InlineHeading[];
  sectionAt(offset: number): SectionContext;
  /** True when [start, end) overlaps a placeholder. */
  overlapsPlaceholder(start: number, end: number): boolean;
  /** Which part of the report an offset is in (summary, plan, multi-year review) and the year that part is about. */
  timeFrameAt(offset: number): TimeFrame;
  /** The year a summary / plan section should name (undefined when the report's years are unknown). */
  expectedYear(kind: 'summary' | 'plan'): number | undefined;
  /**
   * The run of sibling headings (values 1, 2, 3 …) that opens right after the paragraph ending at `offset`
   * (`做好以下五个方面工作：` before `（一）…（五）`); see heading-runs.ts.
   */
  headingRunAfter(offset: number): Heading[] | undefined;
}

export interface BuildOptions {
  filename?: string;
  format?: SourceFormat;
  /** A configured report year (the summary year of a work report, the year of a government report). */
  year?: number;
  /** Extra placeholder allowlist entries (words that look like placeholders but are real). */
  placeholderAllow?: string[];
}

// A sentence ends at a run of [。！？!?] and the closing quotes and brackets after it ([”’」』）)]*).
const isSentenceEnd = (c: number): boolean => c === 0x3002 || c === 0xff1f || c === 0xff01 || c === 0x3f || c === 0x21;
const isCloser = (c: number): boolean => c === 0x201d || c === 0x2019 || c === 0x300d || c === 0x300f || c === 0xff09 || c === 0x29;

/** Does [start, end) hold anything but blanks and masks? */
function hasText(prose: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (!isBlankOrMask(prose.charCodeAt(i))) return true;
  return false;
}

// What three scanners start from, found in one pass over the prose (a loop each, or indexOf per character, cost
// more): sentence ends, placeholder candidates (placeholders.ts), enumeration keys (enumerations.ts).
const SENTENCE_MARK = 1;
const PLACEHOLDER_MARK = 2;
const ENUMERATION_MARK = 4;
const MARK_CLASS = new Uint8Array(0x10000);
for (const ch of '。！？!?') MARK_CLASS[ch.charCodeAt(0)] |= SENTENCE_MARK;
for (const ch of PLACEHOLDER_CHARS) MARK_CLASS[ch.charCodeAt(0)] |= PLACEHOLDER_MARK;
for (const ch of ENUMERATION_KEYS) MARK_CLASS[ch.charCodeAt(0)] |= ENUMERATION_MARK;

interface ProseMarks {
  /** Offsets of every [。！？!?], ascending. */
  sentenceEnds: number[];
  placeholderCandidates: number[];
  enumerationKeys: number[];
}

function proseMarks(prose: string): ProseMarks {
  const marks: ProseMarks = { sentenceEnds: [], placeholderCandidates: [], enumerationKeys: [] };
  for (let i = 0; i < prose.length; i++) {
    const f = MARK_CLASS[prose.charCodeAt(i)];
    if (f === 0) continue;
    if (f & SENTENCE_MARK) marks.sentenceEnds.push(i);
    if (f & PLACEHOLDER_MARK) marks.placeholderCandidates.push(i);
    if (f & ENUMERATION_MARK) marks.enumerationKeys.push(i);
  }
  return marks;
}

/**
 * Splits a block at its sentence ends (`marks`: ProseMarks.sentenceEnds). `from`: where the previous block's marks
 * ended (blocks come in document order: this one's first mark is found from there, without a search). Returns the
 * index after its own marks.
 */
function splitSentences(prose: string, marks: number[], b: Block, heading: Heading | undefined, out: Sentence[], from: number): number {
  const end = b.end;
  let start = b.start;
  let k = from;
  if (k > 0 && marks[k - 1] >= start) k = firstAtOrAfter(marks, start);
  else while (k < marks.length && marks[k] < start) k++;
  for (; k < marks.length && marks[k] < end; k++) {
    if (marks[k] < start) continue; // part of the run just read
    let i = marks[k] + 1;
    while (i < end && isSentenceEnd(prose.charCodeAt(i))) i++;
    while (i < end && isCloser(prose.charCodeAt(i))) i++;
    if (hasText(prose, start, i)) out.push({ start, end: i, block: b, heading });
    start = i;
  }
  if (start < end && hasText(prose, start, end)) out.push({ start, end, block: b, heading });
  return k;
}

const byBlockStart = (a: Heading, b: Heading): number => a.block.start - b.block.start;

/** Is `hs` in order of block start? */
function inBlockOrder(hs: Heading[]): boolean {
  for (let i = 1; i < hs.length; i++) if (byBlockStart(hs[i - 1], hs[i]) > 0) return false;
  return true;
}

/**
 * `[...a, ...b]` stably sorted by block start: a merge when both are in order (they are: no sort with a callback
 * per comparison), a sort otherwise. On equal starts a's heading comes first, as in the stable sort.
 */
function mergeByStart(a: Heading[], b: Heading[]): Heading[] {
  if (!inBlockOrder(a) || !inBlockOrder(b)) return [...a, ...b].sort(byBlockStart);
  const out: Heading[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) out.push(byBlockStart(b[j], a[i]) < 0 ? b[j++] : a[i++]);
  while (i < a.length) out.push(a[i++]);
  while (j < b.length) out.push(b[j++]);
  return out;
}

/** Index of the block that holds `offset` (blocks in document order). */
function blockAt(blocks: Block[], offset: number): number {
  let lo = 0;
  let hi = blocks.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (blocks[mid].start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * Headings run into the paragraph before them (a lost line break): where a run of sibling headings skips exactly one
 * value (（四） then （六）) and the section between the two holds that value's marker of the same type right after a
 * sentence end, and only one, that marker is the missing heading. Its block starts at the marker.
 */
function gapHeadings(prose: string, blocks: Block[], tree: Heading[], lines: LineIndex): Heading[] {
  const out: Heading[] = [];
  // the last heading of each ordinal type, by the type's level (a marker's level is its type's: ORDINAL_LEVEL)
  const last: (Heading | undefined)[] = [undefined, undefined, undefined, undefined, undefined, undefined];
  for (const h of tree) {
    const m = h.marker;
    // a title line, a Markdown heading, a part: the runs start afresh
    if (!m) {
      last.fill(undefined);
      continue;
    }
    // a heading closes the runs of the levels below it
    for (let l = m.level + 1; l < last.length; l++) last[l] = undefined;
    const prev = last[m.level];
    last[m.level] = h;
    if (!prev || m.value !== prev.marker!.value + 2) continue;
    const found = inlineMarkers(prose, prev.marker!.endOffset, h.block.start).filter((x) => x.type === m.type && x.value === m.value - 1);
    if (found.length !== 1) continue;
    const im = found[0];
    const b = blocks[blockAt(blocks, im.offset)];
    const block: Block = { start: im.offset, end: b.end, line: lines.position(im.offset).line, source: b.source, mdDepth: b.mdDepth };
    let textOffset = im.endOffset;
    while (textOffset < b.end && isBlankOrMask(prose.charCodeAt(textOffset))) textOffset++;
    let textEnd = textOffset;
    while (textEnd < b.end && prose.charCodeAt(textEnd) !== 0x3002) textEnd++;
    while (textEnd > textOffset && isBlankOrMask(prose.charCodeAt(textEnd - 1))) textEnd--;
    const htext = prose.slice(textOffset, textEnd);
    const g = newHeading({ index: 0, block, marker: im, rank: im.level, textOffset, textEndOffset: textEnd, text: htext, kind: classifySection(htext), sectionEnd: prose.length, inline: true });
    const sy = sectionYearOf(htext, textOffset);
    if (sy) {
      g.year = sy.year;
      g.yearOffset = sy.offset;
      g.yearEndOffset = sy.endOffset;
    }
    out.push(g);
  }
  return out;
}

/**
 * Blocks that lost their line breaks (a whole report on one line): markers after sentence ends that make a run of
 * their own type, 1, 2, … (at least two), are headings; a short title of theirs ends at a blank (inlineTitleBlank).
 * `sentenceEnds`: every [。！？!?] offset, ascending; `taken`: markers already read as gap headings.
 */
function runInlineHeadings(prose: string, blocks: Block[], sentenceEnds: number[], taken: Set<number>): InlineHeading[] {
  const out: InlineHeading[] = [];
  let k = 0;
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i];
    if (b.source === 'listItem') continue;
    while (k < sentenceEnds.length && sentenceEnds[k] < b.start) k++;
    // made only for a block that holds an inline marker: most hold none
    let byType: Map<OrdinalType, OrdinalMarker[]> | undefined;
    for (; k < sentenceEnds.length && sentenceEnds[k] < b.end; k++) {
      const at = sentenceEnds[k];
      const c = at + 1 < prose.length ? prose.charCodeAt(at + 1) : -1; // in bounds: NaN deoptimized
      // most sentence ends are followed by text that opens no marker: no slicing for them
      if (c !== 0x20 && c !== 0x3000 && c !== 0x09 && c !== 0xa0 && !isMarkerOpen(c)) continue;
      // the marker right after this end (inlineMarkers from here, of which only this one was used)
      const m = inlineMarkerAt(prose, at, Math.min(b.end, at + 24));
      if (!m || taken.has(m.offset)) continue;
      byType ??= new Map();
      const run = byType.get(m.type) ?? [];
      if (m.value === (run.length ? run[run.length - 1].value : 0) + 1) run.push(m);
      byType.set(m.type, run);
    }
    if (!byType) continue;
    for (const run of byType.values()) {
      if (run.length < 2) continue;
      for (const m of run) {
        const blank = inlineTitleBlank(prose, m, b.end);
        out.push(blank === undefined ? { marker: m } : { marker: m, titleBlank: blank });
      }
    }
  }
  return out.sort((a, b) => a.marker.offset - b.marker.offset);
}
/** /[（(一二三四五六七八九十0-9０-９①-⑳]/ by code unit (NaN past the end: false). */
const isMarkerOpen = (c: number): boolean =>
  c === 0xff08 || c === 0x28 || (c >= 0x30 && c <= 0x39) || (c >= 0xff10 && c <= 0xff19) || (c >= 0x2460 && c <= 0x2473) || (c !== 0x767e && isCnNumeralCode(c)); // not 百

export function buildDocument(text: string, opts: BuildOptions = {}): ReportDocument {
  const format = opts.format ?? formatForFilename(opts.filename);
  const lines = new LineIndex(text);
  const { text: prose, blocks, directives } = buildProse(text, format, lines);

  // Headings.
  const headings: Heading[] = [];
  const headingOfBlock: (Heading | undefined)[] = new Array(blocks.length);
  // Markdown list items are lists, not report headings (`1. 项目` in a .md file).
  const markers = readMarkers(prose, blocks, (i) => blocks[i].source === 'listItem');
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i];
    if (b.source === 'listItem') continue;
    const marker = markers[i];
    // a section title on its own line without an ordinal (`2023年工作回顾`): a top-level heading
    const bare = !marker && !b.mdDepth && mayBeBareSection(prose, b.start, b.end) && bareSectionKind(prose.slice(b.start, b.end)) !== undefined;
    if (!marker && !b.mdDepth && !bare) continue;
    let textOffset = marker ? marker.endOffset : b.start;
    while (textOffset < b.end && isBlankOrMask(prose.charCodeAt(textOffset))) textOffset++;
    // The heading's own text ends at the first 。 or at the end of its line.
    // search the block only: indexOf over the rest of the document was O(n²) with many headings and no 。
    let textEnd = textOffset;
    while (textEnd < b.end) {
      const c = prose.charCodeAt(textEnd);
      if (c === 0x3002 || c === 10 || c === 13) break; // 。 \n \r
      textEnd++;
    }
    while (textEnd > textOffset && isBlankOrMask(prose.charCodeAt(textEnd - 1))) textEnd--;
    const htext = prose.slice(textOffset, textEnd);
    // The year that frames the section (`2023年工作总结`), not one inside its content.
    const sy = sectionYearOf(htext, textOffset);
    const h = newHeading({
      index: headings.length,
      block: b,
      marker,
      mdDepth: b.mdDepth,
      rank: marker ? marker.level : bare ? 0 : (b.mdDepth ?? 1) - 10,
      textOffset,
      textEndOffset: textEnd,
      text: htext,
      kind: classifySection(htext),
      sectionEnd: text.length,
      bare: bare ? true : undefined,
    });
    if (sy) {
      h.year = sy.year;
      h.yearOffset = sy.offset;
      h.yearEndOffset = sy.endOffset;
    }
    headings.push(h);
    headingOfBlock[i] = h;
  }

  // Title and years; the title's own block is not a heading of the tree.
  let firstOrdinal = -1;
  for (let i = 0; i < blocks.length && firstOrdinal < 0; i++) if (headingOfBlock[i]?.marker) firstOrdinal = i;
  const title = findTitle(prose, blocks, firstOrdinal);
  let tree = headings;
  if (title) {
    const titleBlocks = new Set(title.blocks);
    tree = headings.filter((h) => !titleBlocks.has(h.block));
    for (let i = 0; i < blocks.length; i++) if (titleBlocks.has(blocks[i])) headingOfBlock[i] = undefined;
    tree.forEach((h, i) => (h.index = i));
  }
  // Headings run into the paragraph before them, where a run misses exactly their value.
  const gaps = gapHeadings(prose, blocks, tree, lines);
  if (gaps.length) {
    tree = mergeByStart(tree, gaps);
    tree.forEach((h, i) => (h.index = i));
    headings.push(...gaps);
  }
  // Parts numbered afresh (appendices, notes, page chrome, section titles on lines of their own).
  const unnumbered = structureHeadings(prose, blocks, tree, headingOfBlock, firstOrdinal);
  // after top-level section titles without ordinals (`2024年工作安排`), another such title found by its restart
  // (`全面加强政府自身建设`) is their sibling, not a part of the one before it
  const firstBare = tree.find((h) => h.bare && h.rank === 0);
  if (firstBare) for (const u of unnumbered) if (u.bare && u.block.start > firstBare.block.start) u.rank = 0;
  if (unnumbered.length) {
    tree = mergeByStart(tree, unnumbered);
    tree.forEach((h, i) => (h.index = i));
    headings.push(...unnumbered);
  }
  const dateline = findDateline(prose, blocks, Math.max(0, firstOrdinal < 0 ? 40 : firstOrdinal));
  const kind: ReportKind = title?.kind ?? (dateline || looksLikeGovernmentReport(prose) ? 'government-report' : 'other');
  // Notes after the body (`注释：` then `1、…：是指…`) belong to no section.
  const notesIndex =
    firstOrdinal < 0 ? -1 : blocks.findIndex((b, i) => i > firstOrdinal && mayBeNotesLabel(prose, b.start, b.end) && isNotesLabel(prose.slice(b.start, b.end)));
  const notesStart = notesIndex < 0 ? text.length : blocks[notesIndex].start;
  for (const h of headings) {
    if (h.block.start < notesStart) continue;
    h.kind = 'other';
    // not `delete`: it would turn the heading into a dictionary
    h.year = undefined;
    h.yearOffset = undefined;
    h.yearEndOffset = undefined;
  }

  // Section tree by rank, with restarts nested under the sibling they restart in.
  const roots: Heading[] = [];
  const stack: Heading[] = [];
  const demoted = new Map<string, number>(); // ordinal type → rank its restarted run uses
  for (const h of tree) {
    // a new part or section numbers its runs afresh
    if ((h.part || h.bare) && demoted.size) demoted.clear();
    if (h.marker && demoted.has(h.marker.type)) h.rank = demoted.get(h.marker.type)!;
    while (stack.length && stack[stack.length - 1].rank >= h.rank) {
      const top = stack.pop()!;
      top.sectionEnd = h.block.start;
      // A restart: same rank, back at 1, previous sibling without children of its own.
      if (
        h.marker &&
        top.marker &&
        top.rank === h.rank &&
        top.marker.type === h.marker.type &&
        h.marker.value === 1 &&
        top.marker.value >= 2 &&
        top.children.length === 0 &&
        // a title line alone (`二、2024年工作打算`): a heading with its body in the same paragraph holds no sub-run
        !hasText(prose, top.textEndOffset + 1, top.block.end) &&
        !demoted.has(h.marker.type)
      ) {
        h.restartOf = top;
        h.rank = top.rank + 0.5;
        demoted.set(h.marker.type, h.rank);
        stack.push(top);
        break;
      }
    }
    const parent = stack[stack.length - 1];
    if (parent) {
      h.parent = parent;
      parent.children.push(h);
    } else roots.push(h);
    stack.push(h);
  }

  // The report's years, weighed from the title, the dateline and the outermost sections of a kind.
  const sectionYears: SectionYear[] = [];
  const outerKind = (h: Heading): boolean => {
    for (let p = h.parent; p; p = p.parent) if (p.kind !== 'other') return false;
    return true;
  };
  const outer = tree.filter((h) => (h.kind === 'summary' || h.kind === 'plan') && h.year !== undefined && h.yearOffset !== undefined && outerKind(h));
  // `一、2023年主要工作` before `二、2024年主要目标和重点工作`: the work done in 2023, a review
  for (let i = 0; i + 1 < outer.length; i++) {
    const h = outer[i];
    if (h.kind === 'plan' && /^(?:19|20)\d{2}年(?:主要|重点)工作$/.test(h.text) && outer.slice(i + 1).some((x) => x.kind === 'plan' && x.year === h.year! + 1)) h.kind = 'summary';
  }
  for (const h of outer) {
    sectionYears.push({ kind: h.kind as SectionYear['kind'], year: h.year!, offset: h.yearOffset!, endOffset: h.yearEndOffset!, start: h.block.start, end: h.sectionEnd });
  }
  const frames = tree
    .filter((h) => h.kind !== 'other' && outerKind(h))
    .map((h) => ({ kind: h.kind as SectionFrame['kind'], start: h.block.start, bodyStart: h.textEndOffset, end: h.sectionEnd }));
  const years = weighYears(title, dateline, kind, sectionYears, prose, opts.year, frames);

  // Sentences and enumerations.
  const sentences: Sentence[] = [];
  const marks = proseMarks(prose);
  for (let i = 0, k = 0; i < blocks.length; i++) k = splitSentences(prose, marks.sentenceEnds, blocks[i], headingOfBlock[i], sentences, k);
  const enumerations = findEnumerations(prose, blocks, headingOfBlock, marks.enumerationKeys);
  const placeholders = findPlaceholders(prose, blocks, opts.placeholderAllow ?? [], marks.placeholderCandidates);
  const runs = runInlineHeadings(prose, blocks, marks.sentenceEnds, new Set(gaps.map((h) => h.marker!.offset)));
  // runs are sorted already: a sort of them alone would change nothing
  const inlineHeadings: InlineHeading[] = gaps.length
    ? [...gaps.map((h) => ({ marker: h.marker!, heading: h })), ...runs].sort((a, b) => a.marker.offset - b.marker.offset)
    : runs;

  const headingStarts = tree.map((h) => h.block.start);
  const sectionAt = (offset: number): SectionContext => {
    if (offset >= notesStart) return { headings: [], kind: 'other' };
    // innermost heading whose section contains offset
    let lo = 0;
    let hi = headingStarts.length - 1;
    let idx = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (headingStarts[mid] <= offset) {
        idx = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    const chain: Heading[] = [];
    let h: Heading | undefined = idx >= 0 ? tree[idx] : undefined;
    while (h && offset >= h.sectionEnd) h = h.parent;
    for (let c = h; c; c = c.parent) chain.push(c);
    const kindHeading = chain.find((c) => c.kind !== 'other');
    const year = chain.find((c) => c.year !== undefined)?.year;
    return { headings: chain, kind: kindHeading?.kind ?? 'other', year, kindHeading };
  };

  const overlapsPlaceholder = (start: number, end: number): boolean => overlapsSpan(placeholders, start, end);

  const doc: ReportDocument = {
    text,
    prose,
    format,
    filename: opts.filename,
    lines,
    blocks,
    directives,
    title,
    dateline,
    kind,
    years,
    headings: tree,
    roots,
    headingOfBlock,
    sentences,
    enumerations,
    placeholders,
    inlineHeadings,
    sectionAt,
    overlapsPlaceholder,
    timeFrameAt: (offset) => timeFrameAt(doc, offset),
    expectedYear: (kind) => expectedYear(doc, kind),
    headingRunAfter: (offset) => headingRunAfter(prose, blocks, headingOfBlock, roots, offset),
  };
  return doc;
}
