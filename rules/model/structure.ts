// Parts of a report whose numbering starts afresh, read from lines without an ordinal:
// - part labels after the body: appendices (`附件1`, `附件：…`, `附表`), notes and glossaries (`名词解释`, `注释：`),
//   and the chrome of a web page (`相关报道`, `打印 下载`, `责任编辑：`, copyright lines);
// - section titles on a line of their own (`2024年工作安排`, `持之以恒加强政府自身建设`) where the numbering
//   starts again after them: the city reports put their top level so, and number each part from （一）.
// Both become headings without a marker, ranked above what they hold, so that the tree (and every rule reading it)
// sees the runs as separate.
import { firstAtOrAfter } from './lines';
import { isBlankOrMask, type Block } from './prose';
import { classifySection, sectionYearOf } from './title';
import type { Heading } from './document';

export type PartKind = 'appendix' | 'notes' | 'chrome';

/** Rank of a part label: above every heading, Markdown ones included. */
export const PART_RANK = -100;

// matched on the line with its blanks taken out
// `附件1`, `附件2重点项目清单`, `附表`, `附件：名词解释`; a number or a colon before any title, no sentence in it
const APPENDIX_RE = /^(?:附件|附表)(?:[0-9０-９一二三四五六七八九十]{1,3}(?:[：:].{0,40}|[^。！？；，,]{0,40})|[：:].{0,40})?$/;
const NOTES_RE = /^(?:名词解释|名词注释|注释|注解|附注|备注|注)(?:[（(][^）)]{0,20}[）)])?[：:]?$/;
// the frame of a web page around the report: a label or a row of buttons on a line of its own, or a footer line
const CHROME_RE =
  /^(?:【?(?:相关报道|相关新闻|相关链接|相关阅读|相关文章|延伸阅读|推荐阅读)】?[：:]?|(?:【|】|打印|关闭|下载|收藏|分享到?|本页|窗口|本信息公开文件|[\s\u3000：:|])+)$|^(?:(?:责任编辑|主办单位|承办单位|网站标识码)[：:]|扫一扫|版权所有|Copyright|©)/i;

/** What part a line opens, if it is a part label. */
export function partLabelKind(line: string): PartKind | undefined {
  const t = line.trim();
  if (!t || t.length > 60) return undefined;
  const c = t.replace(/[\s\u3000\uFFFC]+/g, '');
  if (NOTES_RE.test(c)) return 'notes';
  if (APPENDIX_RE.test(c) && !/[。！？]/.test(c)) return 'appendix';
  if (CHROME_RE.test(t)) return 'chrome';
  return undefined;
}

const PART_FIRST = new Set([...'附名注备相延推责主承网【打关下收分扫版Cc©'].map((c) => c.charCodeAt(0)));

const isCjk = (c: number): boolean => c >= 0x4e00 && c <= 0x9fff;
// a sentence inside, or a line that goes on (a lead-in ending in ：, a clause ending in ，)
const NOT_BARE = /[。！？!?；;]|[，,、：:]$/;
const ENDS_UNIT = /[。！？!?；;：:”’」』）)]$/;

/**
 * A title on a line of its own: short, no sentence in it, mostly Chinese, after a line that ends its sentence (a
 * hard-wrapped page breaks lines anywhere: `面水质全部达到Ⅰ类，全市PM2.5` is no title).
 */
function isBareTitle(prose: string, blocks: Block[], k: number): boolean {
  const b = blocks[k];
  const t = prose.slice(b.start, b.end).trim();
  if (t.length < 2 || t.length > 60 || NOT_BARE.test(t)) return false;
  let cjk = 0;
  for (let i = 0; i < t.length && cjk < 2; i++) if (isCjk(t.charCodeAt(i))) cjk++;
  if (cjk < 2) return false;
  // not after a heading line: a wrapped heading (`（二）城乡建设成效明显，新建道路` ⏎ `十二公里`) reads the same
  if (k === 0) return true;
  const prev = prose.slice(blocks[k - 1].start, blocks[k - 1].end).trimEnd();
  return ENDS_UNIT.test(prev);
}

/** The fields a heading is made with; the others start empty (the tree walks fill them in). */
export type HeadingInit = Pick<Heading, 'index' | 'block' | 'marker' | 'mdDepth' | 'rank' | 'textOffset' | 'textEndOffset' | 'text' | 'kind' | 'sectionEnd' | 'part' | 'bare' | 'inline'>;

/** A heading with every field in one literal, in one order: all headings share one object shape (the walks over them stay monomorphic). */
export function newHeading(h: HeadingInit): Heading {
  return {
    index: h.index,
    block: h.block,
    marker: h.marker,
    mdDepth: h.mdDepth,
    rank: h.rank,
    textOffset: h.textOffset,
    textEndOffset: h.textEndOffset,
    text: h.text,
    kind: h.kind,
    year: undefined,
    yearOffset: undefined,
    yearEndOffset: undefined,
    parent: undefined,
    children: [],
    restartOf: undefined,
    sectionEnd: h.sectionEnd,
    part: h.part,
    bare: h.bare,
    inline: h.inline,
  };
}

function unnumbered(prose: string, b: Block, rank: number, part?: PartKind): Heading {
  let start = b.start;
  while (start < b.end && isBlankOrMask(prose.charCodeAt(start))) start++;
  let end = b.end;
  while (end > start && isBlankOrMask(prose.charCodeAt(end - 1))) end--;
  const text = prose.slice(start, end);
  const h = newHeading({ index: 0, block: b, rank, textOffset: start, textEndOffset: end, text, kind: part ? 'other' : classifySection(text), sectionEnd: prose.length, part, bare: part ? undefined : true });
  if (!part) {
    const sy = sectionYearOf(text, start);
    if (sy) {
      h.year = sy.year;
      h.yearOffset = sy.offset;
      h.yearEndOffset = sy.endOffset;
    }
  }
  return h;
}

/**
 * The headings without a marker that split the report into parts (see the top of this file), in document order.
 * `tree`: the ordinal and Markdown headings, in document order; `firstOrdinal`: index of the first block with an
 * ordinal heading (part labels before the body are the page's header, not parts). Sets headingOfBlock for them.
 */
export function structureHeadings(prose: string, blocks: Block[], tree: Heading[], headingOfBlock: (Heading | undefined)[], firstOrdinal: number): Heading[] {
  if (firstOrdinal < 0) return [];
  const out: Heading[] = [];
  const starts: number[] = [];
  for (let i = firstOrdinal + 1; i < blocks.length; i++) {
    if (headingOfBlock[i]?.marker) continue;
    const b = blocks[i];
    let j = b.start;
    while (j < b.end && isBlankOrMask(prose.charCodeAt(j))) j++;
    if (j === b.end || !PART_FIRST.has(prose.charCodeAt(j)) || b.end - j > 60) continue;
    const kind = partLabelKind(prose.slice(j, b.end));
    if (!kind) continue;
    const h = headingOfBlock[i] ?? unnumbered(prose, b, PART_RANK, kind);
    // a Markdown `# 附件1` is one too
    h.rank = PART_RANK;
    h.part = kind;
    h.kind = 'other';
    if (!headingOfBlock[i]) out.push(h);
    headingOfBlock[i] = h;
    starts.push(b.start);
  }

  // Section titles on lines of their own, where the numbering starts again after them.
  let blockStarts: number[] | undefined;
  // the block that holds b's start (a heading run into a paragraph has a block of its own that starts inside one)
  const indexOf = (b: Block) => firstAtOrAfter((blockStarts ??= blocks.map((x) => x.start)), b.start + 1) - 1;
  // the last heading of each ordinal type, by the type's level (a marker's level is its type's: ORDINAL_LEVEL)
  const last: (Heading | undefined)[] = [undefined, undefined, undefined, undefined, undefined, undefined];
  let p = 0;
  for (const h of tree) {
    // a part starts every run afresh
    while (p < starts.length && starts[p] < h.block.start) {
      last.fill(undefined);
      p++;
    }
    const m = h.marker;
    if (!m) {
      last.fill(undefined);
      continue;
    }
    // a heading closes the runs of the levels below it
    for (let l = m.level + 1; l < last.length; l++) last[l] = undefined;
    const prev = last[m.level];
    last[m.level] = h;
    if (!prev || m.value !== 1) continue;
    const from = indexOf(prev.block) + 1;
    const to = indexOf(h.block);
    let pick = -1;
    for (let k = from; k < to; k++) {
      if (headingOfBlock[k] || !isBareTitle(prose, blocks, k)) continue;
      const kind = classifySection(prose.slice(blocks[k].start, blocks[k].end).trim());
      if (kind === 'summary' || kind === 'plan') {
        pick = k;
        break;
      }
      if (pick < 0) pick = k;
    }
    if (pick < 0) continue;
    const bare = unnumbered(prose, blocks[pick], m.level - 0.5);
    headingOfBlock[pick] = bare;
    out.push(bare);
    // the runs of the levels below start again under it (those of this level's type were closed above)
    for (let l = m.level + 1; l < last.length; l++) last[l] = undefined;
  }
  return out.sort((a, b) => a.block.start - b.block.start);
}
