// placeholder: values, names and notes left unfilled in a draft (X亿元, xxxx年, ××, 【待补充】, TODO).
// Detection lives in the report model (rules/model/placeholders.ts) so that the number, unit and punctuation
// rules can leave placeholder characters alone; this rule only reports the spans.
import type { Rule } from '../types';
import type { ReportDocument } from '../model/document';
import { placeholderPhraseEnd, type PlaceholderSpan } from '../model/placeholders';
import { msg } from '../util';
import { CATEGORY } from '../categories';

/** [\u4e00-\u9fff%％‰] */
function isContextChar(c: number): boolean {
  return (c >= 0x4e00 && c <= 0x9fff) || c === 0x25 || c === 0xff05 || c === 0x2030;
}

/** The span with the unit or measure word after it (X亿元, X个), else up to three characters (X生态园), for a message
 *  the writer recognises. */
function contextOf(doc: ReportDocument, p: PlaceholderSpan): string {
  if (p.form === 'x-latin' && p.word) return p.word;
  let end = placeholderPhraseEnd(doc.prose, p.endOffset);
  if (end > p.endOffset) return doc.text.slice(p.offset, end);
  const limit = Math.min(doc.prose.length, p.endOffset + 3);
  while (end < limit && isContextChar(doc.prose.charCodeAt(end))) end++;
  return doc.text.slice(p.offset, end);
}

/** `ctx`: contextOf(doc, p), which the caller needs too. */
function messageFor(p: PlaceholderSpan, ctx: string): { zh: string; en: string } {
  const t = p.text;
  if (p.kind === 'redacted-name') {
    const who = p.word ?? t;
    return msg(
      `“${who}”像是隐去的姓名；如果是待填写的占位符，请补全`,
      `"${who}" looks like a redacted name; if it is a placeholder, fill it in`,
    );
  }
  switch (p.form) {
    case 'note':
      return msg(`待补充标记“${t}”未处理`, `the note "${t}" is still in the draft`);
    case 'todo':
      return msg(`待办标记“${t}”未处理`, `the marker "${t}" is still in the draft`);
    case 'question':
      return msg(`占位符“${ctx}”中的“${t}”未填写`, `placeholder "${t}" left in the draft`);
    default: {
      const zh = ctx === t ? `占位符“${t}”未填写` : `占位符“${ctx}”中的“${t}”未填写`;
      const en = ctx === t ? `placeholder "${t}" left in the draft` : `placeholder "${t}" (in "${ctx}") left in the draft`;
      if (p.form === 'x-latin' && p.word) {
        // A Latin-looking token may be a real name; the allowlist is the way out (the editor's quick fix adds
        // it; on the command line the hint in the message is all there is).
        return msg(
          `${zh}；如“${p.word}”是正式名称，请在 placeholder 规则的 allow 选项中加入“${p.word}”`,
          `${en}; if "${p.word}" is a real name, add "${p.word}" to the placeholder rule's allow option`,
        );
      }
      return msg(zh, en);
    }
  }
}

const rule: Rule = {
  meta: {
    id: 'placeholder',
    description: msg('草稿中未填写的占位符', 'Placeholders left in a draft'),
    severity: 'error',
    tags: ['placeholder', 'draft'],
    category: CATEGORY.placeholder,
    fixable: false,
    clause: '公文写作规范：定稿不得保留占位符',
    docs: {
      why: msg(
        '报告常由上年报告或范文改写，未知的数字先写成“X”“xx”“××”“○○”或“【待补充】”。带着“同比增长X%”印发的报告是最严重的差错。' +
          '本规则逐个报告占位符（“xxx.xx”是一个，“x-xx月”是两个），不提供自动修复（没有正确的值可填）。' +
          '根据上下文判断：拉丁词和缩写（LED、PCR、Windows XP、iPhone X）、X光、X射线、X轴、X型、PM2.5、220kV、“2×35万千瓦”里的乘号、报纸署名标记“□ 记者”都不报告；' +
          '“张××”“李某某”这类隐去的姓名只作提示（info）。' +
          '确实是正式名称而被误报的词，加入选项 allow，例如 .reportlintrc.json 中 "rules": { "placeholder": ["error", { "allow": ["X光机", "DNX"] }] }：' +
          '占位符落在 allow 中某个词的出现范围内时不再报告，数字、单位、标点规则也照常检查这些字符。',
        'Reports are drafted from last year\'s copy or a template, with unknown figures written as X, xx, ××, ○○ or 【待补充】; ' +
          'a report that goes out saying 同比增长X% is the worst mistake it can make. The rule reports each placeholder once ' +
          '(xxx.xx is one, x-xx月 two) and offers no fix, since there is no right value to put in. It reads the context: ' +
          'Latin words and acronyms (LED, PCR, Windows XP, iPhone X), X光, X射线, X轴, X型, PM2.5, 220kV, the multiplication ' +
          'sign in 2×35万千瓦 and a newspaper byline mark (□ 记者) are not reported; a redacted name such as 张×× or 李某某 is ' +
          'info only. Words that are real names but look like placeholders go in the allow option, e.g. in .reportlintrc.json ' +
          '"rules": { "placeholder": ["error", { "allow": ["X光机", "DNX"] }] }: a placeholder inside an occurrence of an ' +
          'allowed word is not reported, and the number, unit and punctuation rules check those characters as usual.',
      ),
      examples: [
        { wrong: '1-9月，实现规上工业总产值X亿元，同比增长X%。', right: '1—9月，实现规上工业总产值386.5亿元，同比增长12.3%。' },
        { wrong: 'xxxx年，xx工业园区管委会在市委、市政府的坚强领导下……', right: '2018年，樟树工业园区管委会在市委、市政府的坚强领导下……' },
        { wrong: '今年x-xx月，园区实现主营业务收入xxx.xx亿元。', right: '今年1—10月，园区实现主营业务收入305.62亿元。' },
        { wrong: '积极引进世界X强、行业领军企业。', right: '积极引进世界500强、行业领军企业。' },
        { wrong: '全年完成固定资产投资【待补充】亿元。', right: '全年完成固定资产投资42.6亿元。' },
        {
          wrong: '医院新购置X光机两台。',
          note: msg('不报告：X光是专有名词。', 'Not reported: X光 (X-ray) is a term.'),
        },
        {
          wrong: '电力系统三期、DNX给水管安装等项目扎实推进。',
          right: '电力系统三期、DN800给水管安装等项目扎实推进。',
          note: msg('DN 后的 X 是管径。', 'The X after DN is the pipe diameter.'),
        },
      ],
    },
    optionsSchema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        allow: {
          type: 'array',
          // bounded: the config comes from the workspace (model/placeholders.ts MAX_ALLOW_WORDS, MAX_ALLOW_WORD_LENGTH)
          maxItems: 1000,
          items: { type: 'string', minLength: 1, maxLength: 100 },
          description: 'Words that look like placeholders but are real (e.g. "X光机", "DNX"); a placeholder inside an occurrence of one is not reported. At most 1000 words of at most 100 characters.',
        },
      },
    },
    defaultOptions: { allow: [] },
  },
  check({ doc, report }) {
    // The allowlist is applied by the model (the engine passes this rule's `allow` as placeholderAllow).
    for (const p of doc.placeholders) {
      const ctx = contextOf(doc, p);
      const message = messageFor(p, ctx);
      // What the writer accepts with "add to allow list": the word the placeholder is in (DNX, X光机, X亿元), never
      // the bare X, which would silence every placeholder.
      const allow = p.kind === 'redacted-name' ? (p.word ?? p.text) : ctx;
      if (p.kind === 'redacted-name') report({ offset: p.offset, endOffset: p.endOffset, message, severity: 'info', allow });
      else report({ offset: p.offset, endOffset: p.endOffset, message, allow });
    }
  },
};
export default rule;
