// typo-variant: the non-recommended forms of 《第一批异形词整理表》 (交待 → 交代); both are in use, the table
// recommends one, so this is a hint with its fix.
import { CATEGORY } from '../categories';
import type { Rule } from '../types';
import { msg } from '../util';
import { VARIANT_ENTRIES, YIXINGCI, type TypoEntry } from '../data/typo-lists';
import { PhraseIndex, sharedPhraseIndex } from '../lib/phrase-index';
import { checkList } from '../lib/typo-list-rule';
import { ALLOW_SCHEMA } from '../lib/typo-scope';

// searched with the other phrase lists in one pass over the prose (made on first use)
const index = sharedPhraseIndex(() => new PhraseIndex(VARIANT_ENTRIES));

const rule: Rule = {
  meta: {
    id: 'typo-variant',
    category: CATEGORY.wording,
    description: msg('异形词：使用《第一批异形词整理表》的推荐词形', 'Variant forms: use the form recommended by the first table of variant words'),
    severity: 'info',
    tags: ['typo', 'wording'],
    fixable: true,
    clause: YIXINGCI,
    docs: {
      why: msg(
        `${YIXINGCI}为一批同音、同义而书写形式不同的词规定了推荐词形，出版物和公文应使用推荐词形。` +
          `本规则收录该表中的 ${VARIANT_ENTRIES.length} 组（在本项目中逐条录入，只收该表的词），如“交待”→“交代”、“宏扬”→“弘扬”、“直接了当”→“直截了当”，以提示（info）报告并给出修改。` +
          '非推荐词形与正文中两个相邻词连写相同的组（如“定单”与“确定单位”、“展转”与“发展转型”）不收，以免误报。' +
          '书名号《》中的标题不检查。单位需要保留某个写法时，把它加入选项 allow，例如 "rules": { "typo-variant": ["info", { "allow": ["交待"] }] }；' +
          '每条结果的 allow 字段 给出该写法，供编辑器“加入允许列表”操作使用。',
        `${YIXINGCI} fixes a recommended form for groups of words that sound and mean the same but are written differently; publications and official documents use the recommended form. ` +
          `This rule holds ${VARIANT_ENTRIES.length} groups of that table, entered here one by one (only words of that table), e.g. 交待 → 交代, 宏扬 → 弘扬, 直接了当 → 直截了当, reported as info with the fix. ` +
          'Groups whose non-recommended form also occurs as two neighbouring words in running text (定单 in 确定单位, 展转 in 发展转型) are left out. ' +
          'Titles in 《》 are not checked. To keep a form, add it to the allow option, e.g. "rules": { "typo-variant": ["info", { "allow": ["交待"] }] }; ' +
          'each finding\'s allow holds that form, for an editor\'s "add to allow list" action.',
      ),
      examples: [
        { wrong: '认真交待问题，主动接受组织审查。', right: '认真交代问题，主动接受组织审查。' },
        { wrong: '大力宏扬新时代劳模精神。', right: '大力弘扬新时代劳模精神。' },
        { wrong: '提交待审议的议案共12件。', note: msg('不报告：“提交”与“待审议”。', 'Not reported: 提交 followed by 待审议.') },
      ],
    },
    optionsSchema: ALLOW_SCHEMA as unknown as Record<string, unknown>,
    defaultOptions: { allow: [] },
  },
  check(ctx) {
    checkList(ctx, index, (e) =>
      msg(`异形词：“${e.wrong}”宜用推荐词形“${e.right}”（${YIXINGCI}）`, `variant form: "${e.wrong}" → recommended "${e.right}" (${YIXINGCI})`),
    );
  },
};
export default rule;
