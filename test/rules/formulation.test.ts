import rule from '../../rules/rules/formulation';
import { FORMULATIONS } from '../../rules/data/formulations';
import { inFormulation } from '../../rules/lib/formulations';
import { buildDocument } from '../../rules/model/document';
import { lintWith, testRule } from '../helpers/rule-tester';
import { describe, expect, it } from 'vitest';

const TITLE23 = '城建局2023年工作总结及2024年工作思路\n';

testRule(rule, {
  valid: [
    '局党组深刻领悟“两个确立”的决定性意义，增强“四个意识”、坚定“四个自信”、做到“两个维护”。',
    '完整、准确、全面贯彻创新、协调、绿色、开放、共享的新发展理念。',
    '坚持创新发展、协调发展、绿色发展、开放发展、共享发展。',
    '统筹推进经济建设、政治建设、文化建设、社会建设、生态文明建设“五位一体”总体布局。',
    '扎实做好“六稳”工作、全面落实“六保”任务，兜牢基层“三保”底线。',
    '围绕稳就业、稳金融、稳外贸、稳外资、稳投资、稳预期，出台支持政策12条。',
    '牢固树立绿水青山就是金山银山的理念。',
    // ordinary numbered phrases that look like names of the pack: not quoted, or not after a verb of the name
    '着力加强领导班子四个自身建设。',
    '加强“四个自身”建设。',
    '坚持“两个确保”，做到“两个维护”。',
    '重点抓好四个方面的工作，落实“三个一批”项目。',
    '聚焦“四个方面”，推动园区提质增效。',
    // a list that is not the formulation: different members, or several changed
    '推进产业、人才、文化、生态、组织等方面建设。',
    '坚持创新、合作、绿色、开放、包容的理念。',
    // the old wording is not reported when the year is unknown
    '坚定“三个自信”，增强政治定力。',
    // nor before the change (a report of 2015)
    { text: '坚定“三个自信”，增强政治定力。', year: 2015 },
    // a text that tells the change quotes the old principal contradiction on purpose
    { text: '我国社会主要矛盾已经从人民日益增长的物质文化需要同落后的社会生产之间的矛盾转化为新的矛盾。', year: 2023 },
    // the old first member of 四个全面 was right until the change
    { text: '协调推进全面建成小康社会、全面深化改革、全面依法治国、全面从严治党。', year: 2019 },
  ],
  invalid: [
    {
      text: '增强“四个意识”、坚定“四个自身”、做到“两个维护”。',
      errors: [{ text: '身', message: /“四个自身”应为“四个自信”/, severity: 'error' }],
      output: '增强“四个意识”、坚定“四个自信”、做到“两个维护”。',
    },
    {
      text: '要增强“四个意思”，提高政治站位。',
      errors: [{ text: '思', message: /四个意识/ }],
      output: '要增强“四个意识”，提高政治站位。',
    },
    {
      text: '全体干部要增强“五个意识”，做到令行禁止。',
      errors: [{ text: '五', message: /有4项/ }],
      output: '全体干部要增强“四个意识”，做到令行禁止。',
    },
    {
      text: '完整、准确、全面贯彻创新、协调、绿色、开发、共享的新发展理念。',
      errors: [{ text: '发', message: /“开发”应为“开放”/ }],
      output: '完整、准确、全面贯彻创新、协调、绿色、开放、共享的新发展理念。',
    },
    {
      text: '坚持创新、协调、绿色、共享的新发展理念。',
      errors: [{ text: '创新、协调、绿色、共享的新发展理念', message: /缺少“开放”/ }],
      output: '坚持创新、协调、绿色、开放、共享的新发展理念。',
    },
    {
      text: '扎实做好稳就业、稳金融、稳外贸、稳外资、稳投资、稳预其工作。',
      errors: [{ text: '其', message: /“稳预其”应为“稳预期”/ }],
      output: '扎实做好稳就业、稳金融、稳外贸、稳外资、稳投资、稳预期工作。',
    },
    {
      text: '坚持创新、协调、绿色、开放、共享四大发展理念。',
      errors: [{ text: '四', message: /有5项/ }],
      output: '坚持创新、协调、绿色、开放、共享五大发展理念。',
    },
    {
      text: '深入学习贯彻习近平新时代中国特色社会注义思想。',
      errors: [{ text: '注', message: /习近平新时代中国特色社会主义思想/ }],
      output: '深入学习贯彻习近平新时代中国特色社会主义思想。',
    },
    {
      text: '牢固树立青山绿水就是金山银山的理念。',
      errors: [{ text: '青山绿水就是金山银山' }],
      output: '牢固树立绿水青山就是金山银山的理念。',
    },
    { text: TITLE23 + '一、2023年工作总结\n坚定“三个自信”，增强政治定力。', errors: [{ text: '三个自信', message: /2016年7月改为“四个自信”/ }] },
    { text: '坚定“三个自信”，增强政治定力。', year: 2018, errors: [{ text: '三个自信', message: /2018年的报告/ }] },
    {
      text: TITLE23 + '一、2023年工作总结\n协调推进全面建成小康社会、全面深化改革、全面依法治国、全面从严治党。',
      errors: [{ text: '全面建成小康社会', message: /全面建设社会主义现代化国家/ }],
    },
  ],
});

describe('formulation: the pack', () => {
  it('names a source and a year for every entry, and members agree with their count', () => {
    for (const f of FORMULATIONS) {
      expect(f.source.length, f.id).toBeGreaterThan(4);
      expect(f.since, f.id).toBeGreaterThanOrEqual(2012);
      if (f.members && f.count !== undefined) expect(f.members.length, f.id).toBe(f.count);
    }
  });

  it('offers the old wording only as a suggestion', () => {
    const fs = lintWith(rule, { text: '坚定“三个自信”，增强政治定力。', year: 2020 });
    expect(fs).toHaveLength(1);
    expect(fs[0].fix).toBeUndefined();
    expect(fs[0].suggestions?.[0].edits[0].text).toBe('四个自信');
  });
});

describe('formulation: inFormulation for the consistency rules', () => {
  it('says a count inside a formulation is the formulation\'s, and one outside is not', () => {
    const text = '增强“四个意识”，完成重点项目四个。坚持创新、协调、绿色、开放、共享的新发展理念。';
    const doc = buildDocument(text, { filename: 'a.txt' });
    const at = (s: string) => [text.indexOf(s), text.indexOf(s) + s.length] as const;
    expect(inFormulation(doc, ...at('四个意识'))).toBe(true);
    expect(inFormulation(doc, ...at('四个。'))).toBe(false);
    expect(inFormulation(doc, ...at('绿色'))).toBe(true);
  });
});

testRule(rule, {
  valid: [
    // another term that shares all but the last character of a wording, and runs on (十七大's 核心价值体系)
    '建设社会主义核心价值体系，巩固全党全国人民团结奋斗的共同思想基础。',
  ],
  invalid: [
    { text: '培育和践行社会主义核心价值关。', errors: [{ text: '关', message: /社会主义核心价值观/ }], output: '培育和践行社会主义核心价值观。' },
  ],
});

describe('formulation: a unit\'s own wording', () => {
  it('leaves a coinage in allow alone, and offers it for the "add to allow list" action', () => {
    const text = '全体干部要增强“五个意识”，做到令行禁止。';
    expect(lintWith(rule, { text })[0].allow).toBe('五个意识');
    expect(lintWith(rule, { text, options: { allow: ['五个意识'] } })).toEqual([]);
  });

  it('does not check a quoted title', () => {
    expect(lintWith(rule, { text: '学习《论坚定“三个自信”》一书。', year: 2020 })).toEqual([]);
  });
});
