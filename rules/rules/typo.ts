// typo: 错别字 from a curated list (forms that are never right), and pairs of words decided by what follows them
// (截止/截至 before a time, 必需/必须 before a verb, 做出/作出 before an abstract object).
import { CATEGORY } from '../categories';
import type { Rule } from '../types';
import { msg } from '../util';
import { CONTEXT_ENTRIES, TYPO_ENTRIES, XIANDAI, type TypoEntry } from '../data/typo-lists';
import { PhraseIndex, sharedPhraseIndex } from '../lib/phrase-index';
import { checkList } from '../lib/typo-list-rule';
import { ALLOW_SCHEMA } from '../lib/typo-scope';

// searched with the other phrase lists in one pass over the prose (made on first use)
const index = sharedPhraseIndex(() => new PhraseIndex([...TYPO_ENTRIES, ...CONTEXT_ENTRIES]));

const rule: Rule = {
  meta: {
    id: 'typo',
    category: CATEGORY.wording,
    description: msg('错别字（词表中从不正确的写法，及按上下文区分的词）', 'Misspelt words (a curated list of forms that are never right, and context-decided pairs)'),
    severity: 'error',
    tags: ['typo', 'wording'],
    fixable: true,
    clause: `${XIANDAI}`,
    docs: {
      why: msg(
        '错别字是读者最先看到、也最损害报告公信力的差错。本规则只查两类确定的错误，每条都给出修改：' +
          `一是本项目编写的错别字词表（${TYPO_ENTRIES.length} 条，如“再接再励”“迫不急待”“按步就班”“布署”），每条的正确写法是${XIANDAI}的词条，错误写法不是词典词条，在任何正文中都不正确；` +
          '二是两个都是词、由上下文决定的写法，只在确定的语境里检查：“截止”后面紧跟时间（“截止2024年底”“截止目前”）应为“截至”（“截至”是“截止到某个时候”，“截止”后面不带时间）；' +
          '“必需”后面紧跟动词或副词（“必需坚持”“必需严格”）应为“必须”（“必需”是动词，带名词：“必需的物资”“必需品”）；' +
          '“做出”后面紧跟抽象宾语（“做出决定”“做出贡献”“做出部署”）应为“作出”（依词典“作”“做”条的用法说明）。' +
          '书名号《》中的标题不检查。单位确有特殊写法（专名、照录的引文）时，把该写法加入选项 allow，例如 .reportlintrc.json 中 ' +
          '"rules": { "typo": ["error", { "allow": ["布署"] }] }：落在 allow 中某个词的出现范围内的写法不再报告。' +
          '每条结果的 allow 字段 给出可加入 allow 的写法，供编辑器“加入允许列表”操作使用。',
        'Misspellings are what a reader sees first. This rule checks two kinds of certain errors and fixes each: ' +
          `a list written for this project (${TYPO_ENTRIES.length} entries such as 再接再励, 迫不急待, 按步就班, 布署) whose right form is an entry of ${XIANDAI} and whose wrong form is no word there, so it is never right; ` +
          'and pairs where both forms are words, checked only in precise contexts: 截止 directly before a time (截止2024年底, 截止目前) should be 截至; ' +
          '必需 directly before a verb or an adverb (必需坚持) should be 必须; 做出 before an abstract object (做出决定, 做出贡献, 做出部署) should be 作出 (the dictionary\'s usage note on 作 and 做). ' +
          'Titles in 《》 are not checked. A unit\'s own forms (names, quotations) go in the allow option, e.g. in .reportlintrc.json ' +
          '"rules": { "typo": ["error", { "allow": ["布署"] }] }: a form inside an occurrence of an allowed word is not reported. ' +
          'Each finding\'s allow holds the string to add, for an editor\'s "add to allow list" action.',
      ),
      examples: [
        { wrong: '全区上下要再接再励，确保全年目标任务圆满完成。', right: '全区上下要再接再厉，确保全年目标任务圆满完成。' },
        { wrong: '按照市委统一布署，扎实开展安全生产大检查。', right: '按照市委统一部署，扎实开展安全生产大检查。' },
        { wrong: '截止2024年底，园区累计入驻企业326家。', right: '截至2024年底，园区累计入驻企业326家。' },
        { wrong: '项目申报截止日期为6月30日。', note: msg('不报告：“截止日期”后面不是时间宾语。', 'Not reported: 截止 is not followed by a time here.') },
        { wrong: '各部门必需严格落实安全生产责任制。', right: '各部门必须严格落实安全生产责任制。' },
        { wrong: '储备防汛必需的物资。', note: msg('不报告：“必需”带名词。', 'Not reported: 必需 takes a noun.') },
        { wrong: '区委做出部署，全面推进城市更新。', right: '区委作出部署，全面推进城市更新。' },
      ],
    },
    optionsSchema: ALLOW_SCHEMA as unknown as Record<string, unknown>,
    defaultOptions: { allow: [] },
  },
  check(ctx) {
    checkList(ctx, index, (e) =>
      msg(`错别字：“${e.wrong}”应为“${e.right}”（${e.source}）`, `misspelling: "${e.wrong}" should be "${e.right}" (${e.source})`),
    );
  },
};
export default rule;
