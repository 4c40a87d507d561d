// cjk-spacing: no space between Chinese and digits, Latin or unit words in 公文 (the opposite of "pangu" spacing).
import type { Rule } from '../types';
import { msg } from '../util';
import { isDigit, isHan, isLatinLetter, MAX_FINDINGS } from '../lib/cjk-text';
import { CATEGORY } from '../categories';

const SPACES_RE = /[ \u00a0]+/g;
// not the global SPACES_RE: its test() would move lastIndex, which a document stopped at the cap left behind
const HAS_SPACE_RE = /[ \u00a0]/;
/** A field label that starts the next column of a web page's info table: `… 发布日期: 2024-01-31`. */
const LABEL_RE = /^[\u3400-\u9fff]{1,8}[:：]/;
/** Unit and measure words that belong to the number before them: `2024 年`, `10 亿元`, `8 所`. */
const UNIT_RE = /^(?:周年|平方|公里|公顷|千米|千克|[年月日时分秒亿万千百元角个家项人名位次件条套台辆所户座栋间亩吨米倍岁届期批张篇部种类份本股笔宗余多号版章节点度])/;
/** Marks of running text: a block without any is a title or a column head, not a sentence. */
const SENTENCE_MARK_RE = /[，。；！？、,;!?]/;
const CLAUSE_SPLIT_RE = /[，。；：！？,;:!?]/;
const HAN_SPACE_HAN_RE = /[\u3400-\u9fff][ \u00a0][\u3400-\u9fff]/;

/** Full-width digits (０-９) are digits too: `投入６０ 亿元` is spaced like `60 亿元`. */
function isAnyDigit(c: number): boolean {
  return isDigit(c) || (c >= 0xff10 && c <= 0xff19);
}

function isAlnumSide(c: number): boolean {
  return isAnyDigit(c) || isLatinLetter(c);
}

const rule: Rule = {
  meta: {
    id: 'cjk-spacing',
    description: msg('汉字与数字、西文之间不加空格', 'No space between Chinese and digits or Latin'),
    severity: 'warning',
    tags: ['spacing'],
    category: CATEGORY.punctuation,
    fixable: true,
    clause: '公文 house style; GB 3101 practice (no space before a Chinese unit word)',
    docs: {
      why: msg(
        '公文排版中汉字与阿拉伯数字、西文字母、单位词之间不留空格（增长5%、2024年、10亿元、5G工厂）。通用的中文排版工具（“盘古之白”）会插入这些空格，与公文习惯相反。字距拉开的标题（政 府 工 作 报 告）、网页信息栏里用空格分隔的字段、报纸栏目标题（数说 2023——）和全角空格缩进不报告。按其他排版规范写作的文档可在配置中关闭本规则：{"rules": {"cjk-spacing": "off"}}。',
        'Official documents put no space between Chinese and Arabic digits, Latin letters or unit words (增长5%, 2024年, 10亿元, 5G工厂). Generic CJK tools ("pangu" spacing) insert exactly these spaces. Letter-spaced titles (政 府 工 作 报 告), fields separated by spaces in a web page\'s info bar, newspaper column titles (数说 2023——) and full-width indentation are left alone. Documents that follow another house style turn the rule off in the configuration: {"rules": {"cjk-spacing": "off"}}.',
      ),
      examples: [
        { wrong: '地区生产总值达到 287.9亿元', right: '地区生产总值达到287.9亿元' },
        { wrong: '规上工业总产值同比增长 16.9%', right: '规上工业总产值同比增长16.9%' },
        { wrong: '2024 年是新中国成立75周年', right: '2024年是新中国成立75周年' },
        { wrong: '研发投入强度达到27.77 %', right: '研发投入强度达到27.77%' },
        { wrong: '建成 5G 工厂12家', right: '建成5G工厂12家' },
        { wrong: '政 府 工 作 报 告', note: msg('字距拉开的标题，不报告', 'a letter-spaced title: not reported') },
        { wrong: '数说 2023—— 中国式现代化武进新实践成效初显', note: msg('栏目标题，不报告', 'a column title: not reported') },
      ],
    },
  },
  check({ doc, report }) {
    const p = doc.prose;
    let count = 0;
    // In a report that lost its line breaks, the blank after an inline heading's short title stands for the
    // paragraph break (`一、2023年工作回顾 2023年是…`): removing it would glue the title to the body.
    let titleBlanks: Set<number> | undefined;
    for (const h of doc.inlineHeadings) if (h.titleBlank !== undefined) (titleBlanks ??= new Set()).add(h.titleBlank);
    doc.blocks.forEach((b, bi) => {
      if (count >= MAX_FINDINGS) return;
      const s = p.slice(b.start, b.end);
      if (!HAS_SPACE_RE.test(s)) return;
      // A block without sentence marks that is not an ordinal heading or a list item is a title or a column head: spaces
      // there separate words (`数说 2023——`); only a space inside a number and its unit is still wrong.
      let titleLike = false;
      // Clauses that space Chinese words apart use spaces as separators (letter-spaced titles, info bars,
      // bylines): every space in them is layout, not "pangu" spacing. Both are worked out at the first space
      // between Chinese and a digit or Latin: most blocks have none.
      let separatorClause: [number, number][] | undefined;
      let sc = 0;
      SPACES_RE.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = SPACES_RE.exec(s))) {
        // two or more spaces lay out columns
        if (m[0].length > 1) continue;
        const at = b.start + m.index;
        const end = at + m[0].length;
        if (at === b.start || end === b.end) continue;
        if (titleBlanks?.has(at)) continue;
        const l = p.charCodeAt(at - 1);
        const r = p.charCodeAt(end);
        const hanNum = isHan(l) && isAlnumSide(r);
        const numHan = (isAlnumSide(l) || l === 0x25 || l === 0x2030 || l === 0xff05) && isHan(r);
        // `27.77 %`: a percent sign belongs to its number like a unit word (GB/T 15835 4.1.1: 34.05%)
        const numPercent = isAnyDigit(l) && (r === 0x25 || r === 0xff05 || r === 0x2030);
        if (!hanNum && !numHan && !numPercent) continue;
        if (!separatorClause) {
          titleLike = !doc.headingOfBlock[bi]?.marker && b.source !== 'listItem' && !SENTENCE_MARK_RE.test(s);
          separatorClause = [];
          let cs = 0;
          for (const piece of s.split(CLAUSE_SPLIT_RE)) {
            if (HAN_SPACE_HAN_RE.test(piece)) separatorClause.push([b.start + cs, b.start + cs + piece.length]);
            cs += piece.length + 1;
          }
        }
        while (sc < separatorClause.length && separatorClause[sc][1] < at) sc++;
        if (sc < separatorClause.length && separatorClause[sc][0] <= at) continue;
        if (numHan && LABEL_RE.test(p.slice(end, end + 9))) continue;
        const unit = numPercent || (numHan && (isAnyDigit(l) || l === 0x25 || l === 0x2030 || l === 0xff05) && UNIT_RE.test(p.slice(end, end + 2)));
        if (titleLike && !unit) continue;
        if (doc.overlapsPlaceholder(at, end)) continue;
        const what = hanNum
          ? isAnyDigit(r)
            ? msg('汉字与数字', 'Chinese and a digit')
            : msg('汉字与西文', 'Chinese and Latin')
          : numPercent
            ? msg('数字与百分号', 'a number and its percent sign')
            : unit
              ? msg('数字与单位', 'a number and its unit')
              : isAnyDigit(l) || l === 0x25 || l === 0x2030 || l === 0xff05
                ? msg('数字与汉字', 'a digit and Chinese')
                : msg('西文与汉字', 'Latin and Chinese');
        if (count++ >= MAX_FINDINGS) return;
        report({
          offset: at,
          endOffset: end,
          message: msg(`公文中${what.zh}之间不加空格`, `no space between ${what.en} in an official document`),
          fix: { edits: [{ offset: at, endOffset: end, text: '' }] },
        });
      }
    });
  },
};
export default rule;
