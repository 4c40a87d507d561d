// formulation: 规范表述 off by a character, a member or a count, and old wordings replaced by newer ones (only when
// the report's year is known and after the change). The pack is rules/data/formulations.ts.
import { CATEGORY } from '../categories';
import { FORMULATIONS, type Formulation } from '../data/formulations';
import { effectiveYear, scanFormulations } from '../lib/formulations';
import type { ReportDocument } from '../model/document';
import type { Rule } from '../types';
import { msg } from '../util';
import { ALLOW_SCHEMA, typoExclusions } from '../lib/typo-scope';

const SOURCES = [...new Set(FORMULATIONS.flatMap((f) => f.source.split('；')))];

function label(f: Formulation): string {
  return f.names[0] ? `“${f.names[0]}”` : (f.wordings?.[0] ? `“${f.wordings[0]}”` : f.id);
}

/** Members joined as the documents write them (long members that hold a 顿号 are joined with a comma). */
function listOf(f: Formulation): string {
  return f.members ? f.members.join(f.members.some((m) => m.includes('、')) ? '，' : '、') : '';
}

// What the pack covers, for the rule's page: each entry with its members and the year it took effect.
const COVERS = FORMULATIONS.map((f) => `${f.names[0] ?? f.wordings![0]}（${f.members ? listOf(f) + '；' : ''}${f.since}年）`).join('；');

/** The year the report is written for (its own year for a government report, the summary year otherwise). */
function reportYear(doc: ReportDocument): number | undefined {
  if (doc.years.source === 'none') return undefined;
  return doc.years.report ?? doc.years.summary ?? (doc.years.plan !== undefined ? doc.years.plan - 1 : undefined);
}

const rule: Rule = {
  meta: {
    id: 'formulation',
    category: CATEGORY.wording,
    description: msg('规范表述有误（字、成员或数目不符，或已被新表述取代）', 'Set political/policy wording off by a character, a member or a count, or replaced by a newer wording'),
    severity: 'error',
    tags: ['wording', 'formulation'],
    fixable: true,
    clause: '党和国家文件中的规范表述',
    docs: {
      why: msg(
        '“四个意识”“四个自信”“两个维护”“两个确立”“五位一体”“四个全面”、新发展理念（创新、协调、绿色、开放、共享）、“六稳”“六保”之类的规范表述，' +
          '写错一个字、换掉或漏掉一项、数目与成员不符，都是公文中最严重的差错。本规则依据项目内编写的规范表述数据包（' +
          `${FORMULATIONS.length} 条，每条写明出处文件和生效年份，成员按原文顺序），检查：` +
          '一、带数字的简称数目不对（坚定“三个意识”）或错一个字（坚定“四个自身”），只在引号内且前有该表述的常用动词（增强、坚定、做到、深刻领悟等）或与其他简称并列时报告；' +
          '二、用顿号列出的成员与规范表述只差一项：某一项错一个字（创新、协调、绿色、开发、共享），或漏掉一项且列表后写明了表述名称（创新、协调、绿色、共享的新发展理念）；' +
          '三、长的固定表述错一个字（习近平新时代中国特色社会主义思想、以国内大循环为主体、国内国际双循环相互促进的新发展格局等）；' +
          '四、已被新表述取代的旧表述（如“三个自信”于2016年7月扩展为“四个自信”，“四个全面”的第一项于2020年10月由“全面建成小康社会”改为“全面建设社会主义现代化国家”），' +
          '只在报告年度已知且在改动生效之后时报告（年内的改动从下一年度的报告起算），年度不明时不报告，并只作建议。' +
          '修改确定时给出修改，否则只作建议。数据包收录：' +
          COVERS +
          '。数据来源：' +
          SOURCES.join('；') +
          '。书名号《》中的标题照录，不检查。单位有意使用的写法（本单位自己的提法）加入选项 allow，例如 .reportlintrc.json 中 "rules": { "formulation": ["error", { "allow": ["三个意识"] }] }；' +
          '单位自己的规范用语、禁用词，用 terms 规则在 .reportlintrc.json 中配置。',
        'Set formulations such as 四个意识, 四个自信, 两个维护, 两个确立, 五位一体, 四个全面, the new development philosophy (创新、协调、绿色、开放、共享), 六稳 and 六保 ' +
          `must be exact. The rule checks them against a pack written for this project (${FORMULATIONS.length} entries, each naming its source document and the year it took effect, members in the official order): ` +
          'a numbered name with a wrong count or a misspelt word (in quotes, after one of its usual verbs or next to another name of the pack); ' +
          'a 、-list of members with one member one character off, or one missing when the list names the formulation; a long fixed wording with one character changed; ' +
          'and an old wording replaced by a newer one, reported (as a suggestion) only when the report\'s year is known and at or after the change (a change during a year counts from the next year\'s reports), never when it is unknown. ' +
          'Fixes are given when certain, suggestions otherwise. Titles in 《》 are not checked. A unit\'s own coinages go in the allow option (e.g. "rules": { "formulation": ["error", { "allow": ["三个意识"] }] }); its own terms and forbidden words go in the terms rule in .reportlintrc.json.',
      ),
      examples: [
        { wrong: '（2023年工作总结中）增强“四个意识”、坚定“三个自信”、做到“两个维护”。', right: '增强“四个意识”、坚定“四个自信”、做到“两个维护”。', note: msg('“三个自信”已于2016年7月扩展为“四个自信”：报告年度在2017年以后时作为建议报告，年度不明时不报告', '三个自信 became 四个自信 in July 2016: suggested for reports of 2017 on, never when the year is unknown') },
        { wrong: '增强“四个意识”、坚定“四个自身”、做到“两个维护”。', right: '增强“四个意识”、坚定“四个自信”、做到“两个维护”。' },
        { wrong: '完整、准确、全面贯彻创新、协调、绿色、开发、共享的新发展理念。', right: '完整、准确、全面贯彻创新、协调、绿色、开放、共享的新发展理念。' },
        { wrong: '坚持创新、协调、绿色、共享的新发展理念。', right: '坚持创新、协调、绿色、开放、共享的新发展理念。' },
        { wrong: '统筹做好“六稳”“六保”工作。', note: msg('不报告：简称正确', 'Not reported: the names are right') },
      ],
    },
  },
  check({ doc, options, report }) {
    const { issues } = scanFormulations(doc);
    if (issues.length === 0) return;
    const year = reportYear(doc);
    // 《titles》 are quoted as they are; a unit's own coinages go in allow
    const skip = typoExclusions(doc, options.allow as string[] | undefined);
    for (const is of issues) {
      if (doc.overlapsPlaceholder(is.offset, is.endOffset) || skip.covers(is.offset, is.endOffset)) continue;
      const src = is.f.source;
      switch (is.kind) {
        case 'count':
        case 'name':
        case 'wording':
        case 'member': {
          const what =
            is.kind === 'count'
              ? msg(`${label(is.f)}有${is.f.count}项（${listOf(is.f)}），“${is.found}”数目不对，应为“${is.right}”`, `${is.f.names[0]} has ${is.f.count} members (${listOf(is.f)}): "${is.found}" should be "${is.right}"`)
              : is.kind === 'member'
                ? msg(`${label(is.f)}的“${is.found}”应为“${is.right}”（${listOf(is.f)}）`, `in ${is.f.names[0] ?? is.f.id}, "${is.found}" should be "${is.right}" (${listOf(is.f)})`)
                : msg(`规范表述“${is.found}”应为“${is.right}”`, `the set wording "${is.found}" should be "${is.right}"`);
          report({
            offset: is.offset,
            endOffset: is.endOffset,
            message: msg(`${what.zh}（${src}）`, `${what.en} (${src})`),
            fix: { edits: [{ offset: is.offset, endOffset: is.endOffset, text: is.fixText }] },
            allow: is.found,
          });
          break;
        }
        case 'missing': {
          const m = msg(
            `${label(is.f)}有${is.f.count ?? is.f.members!.length}项（${listOf(is.f)}），此处缺少“${is.missing}”（${src}）`,
            `${is.f.names[0]} has ${is.f.members!.length} members (${listOf(is.f)}): "${is.missing}" is missing here (${src})`,
          );
          const edit = is.insertAt !== undefined && is.insert ? [{ offset: is.insertAt, endOffset: is.insertAt, text: is.insert }] : undefined;
          // the place to insert is certain only when the list runs in the official order (it does: it matched so)
          report({ offset: is.offset, endOffset: is.endOffset, message: m, fix: edit ? { edits: edit } : undefined });
          break;
        }
        case 'superseded': {
          const c = is.change;
          if (year === undefined || year < effectiveYear(c)) break;
          report({
            offset: is.offset,
            endOffset: is.endOffset,
            message: msg(
              `“${c.old}”已于${c.year}年${c.month}月改为“${c.now}”（${c.source}），${year}年的报告应使用新表述`,
              `"${c.old}" was replaced by "${c.now}" in ${c.year}-${String(c.month).padStart(2, '0')} (${c.source}); a report of ${year} should use the new wording`,
            ),
            suggestions: [{ title: msg(`改为“${c.now}”`, `Replace with "${c.now}"`), edits: [{ offset: is.offset, endOffset: is.endOffset, text: c.now }] }],
            allow: c.old,
          });
          break;
        }
      }
    }
  },
};
export default rule;
