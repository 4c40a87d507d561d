// typo-suspect: the statistical typo check (rules/lib/typo-detect.ts): a character that fits no word around it and,
// replaced by a confusable one, completes a frequent word. A fix when only one replacement fits, else suggestions.
import { CATEGORY } from '../categories';
import type { Rule, Suggestion } from '../types';
import { charTable, msg } from '../util';
import { scanSuspects, scanSuspectsByLine } from '../lib/typo-detect';
import { ALLOW_SCHEMA, typoExclusions } from '../lib/typo-scope';

const SENTENCE_END = charTable('。！？；!?;\n\r');
// A character right before one of these starts a place name (邗江, 忻城县): names are not corrected.
const TOPONYM_SUFFIX = charTable('江河湖山城县区市镇乡村州岛港湾');
// 阳 and 州 end many city names (益阳, 扬州) but also words (阳光): counted for local names only
const NAME_END = charTable('阳州');
const isHanCode = (c: number): boolean => c >= 0x4e00 && c <= 0x9fff;

/** Characters that start a place name this document names at least three times (益 of 益阳: 在益, 来益). */
function localNameChars(prose: string): Set<number> {
  const counts = new Uint8Array(0x10000);
  const out = new Set<number>();
  for (let i = 1; i < prose.length; i++) {
    const c = prose.charCodeAt(i);
    if (!TOPONYM_SUFFIX[c] && !NAME_END[c]) continue;
    const p = prose.charCodeAt(i - 1);
    if (isHanCode(p) && ++counts[p] === 3) out.add(p);
    if (counts[p] === 255) counts[p] = 254;
  }
  return out;
}

const rule: Rule = {
  meta: {
    id: 'typo-suspect',
    category: CATEGORY.wording,
    description: msg('疑似错别字（与前后字不成词，换成音近或形近字即成常用词）', 'Suspected misspelt character (fits no word; a sound- or look-alike one makes a common word)'),
    severity: 'warning',
    tags: ['typo', 'statistical'],
    fixable: true,
    clause: '词频统计：jieba 词典（@node-rs/jieba，MIT）与 pinyin-pro 读音（MIT）',
    docs: {
      why: msg(
        '词表查不到的错别字靠统计发现：一个字与前后的字都不构成词典中的词（在它所在的位置，没有一个词典中的词同时包含它和左边或右边的字：“规化”两字虽在“正规化”中相邻，但“建设规化编制”里没有“正规化”，“化”仍是孤立的字），' +
          '而把它换成读音相同的字或形近字后，能与相邻的字组成一个常用词（“招商引姿”→“招商引资”，“身体健糠”→“身体健康”），原来的字串又不是词，就报告为疑似错别字（warning）。' +
          '只有一个替换字符合时给出修改，有多个时只给出建议，由作者选择。' +
          '判断依据是替换后前后几个字的分词词频得分提高的幅度（18 比特以上）；两个相邻的字都孤立、前一字也不常单用时（“建设规化”的“规化”），把后一字换掉后成为很常用的词，门槛按这个词的词频降低（“规划”只需 15 比特）。' +
          '数据：词和词频来自 npm 包 @node-rs/jieba 所带的 jieba 词典 dict.txt（MIT 许可），取 1～4 字、词频不低于 5 的词；' +
          '字的读音来自 npm 包 pinyin-pro（MIT 许可）；二者在构建时由 scripts/typo-data.mjs 生成紧凑的数据文件 rules/data/lexicon.generated.ts（命令行和 Node 语言服务器从随程序安装的 dist/lexicon.json 读取同一份数据，网页版内嵌），首次使用时载入一次，不联网。' +
          'jieba 词典（2013 年）没有的少数新词由本项目补充（rules/data/lexicon-supplement.ts，如“疫后”“初显成效”和“食博会”一类展会简称）。' +
          '形近字是本项目按字形编写的一小组（rules/data/look-alike.ts），没有可用的、许可兼容的部件数据，其余只用同音字（读音相近而不同音的字，如 zh/z、-ng/-n，在 odw.train 的调试行上降低了精确率，未采用）。' +
          '“的”“在”“和”这类单用极多的字不作为嫌疑字；书名号《》中的标题、引号“”中不超过30字的名称和口号、地名（后接江、河、城、县、区、市等的字）、本报告多次提到的本地地名的首字都不检查；' +
          '同一个字串在本报告中出现两次以上时视为本报告的用词（品牌、本地说法），不报告；' +
          'typo、typo-variant 词表中的写法由那两条规则报告，这里不重复；' +
          '一句中另有不成词的生僻字（人名、乱码）时整句不报告。' +
          '在 odw.train（1,720 句公文，SIGHAN-15 句级标准）上测得：偶数行检测精确率约 95%，无错句误报 0%，召回率约 4%——宁缺毋滥，只报告把握大的字；放宽门槛可把召回率提高到约 9%，但会在真实报告里误报新词，未采用。' +
          '人名、地名、企业名等专名可能被误认，单位可把它们加入选项 allow，例如 .reportlintrc.json 中 "rules": { "typo-suspect": ["warning", { "allow": ["张晓鸣", "金帆"] }] }：' +
          '落在 allow 中某个词的出现范围内的字不再报告。每条结果的 allow 字段给出被判为不成词的那个字串，供编辑器“加入允许列表”操作使用。',
        'Misspellings no list holds are found statistically: a character that forms no word of the dictionary with its neighbours ' +
          '(no word of the dictionary covers it and the character before or after it at this place: 规化 occur side by side in 正规化, but 建设规化编制 holds no 正规化, so 化 is still an orphan there), and that, replaced by a character ' +
          'with the same reading or a similar shape, completes a common word with them while the string as written is no word ' +
          '(招商引姿 → 招商引资, 身体健糠 → 身体健康), is reported as a suspected misspelling (warning). The correction is a fix when only one replacement fits, otherwise suggestions. ' +
          'What decides is how much the replacement raises the word-frequency score of the best segmentation of the few characters around it (18 bits or more); when two neighbouring characters are both orphans and the first is no common word of its own (规化 of 建设规化), a replacement of the second that makes a very frequent word needs less, by that word\'s frequency (规划: 15 bits). ' +
          'Data: words and frequencies from jieba\'s dictionary dict.txt as shipped in the npm package @node-rs/jieba (MIT), words of 1–4 characters with frequency at least 5; ' +
          'readings from the npm package pinyin-pro (MIT); scripts/typo-data.mjs derives the compact rules/data/lexicon.generated.ts from them at build time (the CLI and the Node language server read the same data from the installed dist/lexicon.json, the web build carries it inline), loaded once on first use, no network access. ' +
          'A few current words the 2013 dictionary lacks are added here (rules/data/lexicon-supplement.ts: 疫后, 初显成效, expo names such as 食博会). ' +
          'Look-alike characters are a small set written here by shape (rules/data/look-alike.ts): no component data under a compatible licence was available, so otherwise only sound-alike characters are used (similar but different readings, zh/z or -ng/-n, lowered precision on the tuning lines and are not used). ' +
          'Very frequent one-character words (的, 在, 和) are never suspects; titles in 《》, quoted terms of up to 30 characters (names, slogans), place names (a character before 江, 河, 城, 县, 区, 市…) and the first character of a place this report names often are not checked; ' +
          'a string the report writes twice or more is taken for its own word (a brand, a local term) and not reported; ' +
          'forms of the typo and typo-variant lists are left to those rules (one defect, one finding); ' +
          'a sentence with another rare character that fits no word (a name, garbled text) is not reported. ' +
          'Measured on odw.train (1,720 sentences of official documents, SIGHAN-15 sentence level): about 95 % detection precision on the even lines, no clean line flagged, about 4 % recall: it reports only what it is sure of; looser thresholds reach about 9 % recall but flag new words in real reports and are not used. ' +
          'Names of people, places and companies may be taken for misspellings: add them to the allow option, e.g. "rules": { "typo-suspect": ["warning", { "allow": ["张晓鸣"] }] }; ' +
          'each finding\'s allow holds the string found to be no word, for an editor\'s "add to allow list" action.',
      ),
      examples: [
        { wrong: '园区基础设施不断完善，招商引姿成效明显。', right: '园区基础设施不断完善，招商引资成效明显。' },
        { wrong: '全年旅游收入同比增涨15%。', right: '全年旅游收入同比增长15%。' },
        { wrong: '坚持统筹兼故，推动城乡区域协调发展。', right: '坚持统筹兼顾，推动城乡区域协调发展。' },
        { wrong: '加快推进园区建设规化编制工作。', right: '加快推进园区建设规划编制工作。' },
      ],
    },
    optionsSchema: ALLOW_SCHEMA as unknown as Record<string, unknown>,
    defaultOptions: { allow: [] },
  },
  check(ctx) {
    const { doc } = ctx;
    const prose = doc.prose;
    let excl: ReturnType<typeof typoExclusions> | undefined;
    let local: Set<number> | undefined;
    const skip = (i: number): boolean => {
      if (TOPONYM_SUFFIX[prose.charCodeAt(i + 1)]) return true;
      if ((local ??= localNameChars(prose)).has(prose.charCodeAt(i))) return true;
      return (excl ??= typoExclusions(doc, ctx.options.allow as string[] | undefined, true)).covers(i, i + 1);
    };
    const suspects = ctx.memo ? scanSuspectsByLine(prose, SENTENCE_END, skip, ctx.memo) : scanSuspects(prose, 0, prose.length, SENTENCE_END, skip);
    for (const s of suspects) {
        const written = s.written;
        const wordStart = s.replacements[0].wordOffset;
        if ((excl ??= typoExclusions(doc, ctx.options.allow as string[] | undefined, true)).covers(wordStart, wordStart + written.length)) continue;
        // a string the report writes more than once is its own word (民宿, 深汕), not a slip of the keys
        if (prose.indexOf(written, prose.indexOf(written) + 1) >= 0) continue;
        const edit = (c: string) => ({ offset: s.offset, endOffset: s.offset + 1, text: c });

        if (s.replacements.length === 1) {
          const r = s.replacements[0];
          ctx.report({
            offset: s.offset,
            endOffset: s.offset + 1,
            message: msg(`疑似错别字：“${written}”不成词，“${s.char}”可能应为“${r.char}”（${r.word}）`, `suspected misspelling: "${written}" is no word; "${s.char}" may be "${r.char}" (${r.word})`),
            fix: { edits: [edit(r.char)] },
            allow: written,
          });
        } else {
          const suggestions: Suggestion[] = s.replacements.slice(0, 5).map((r) => ({
            title: msg(`改为“${r.char}”（${r.word}）`, `change to "${r.char}" (${r.word})`),
            edits: [edit(r.char)],
          }));
          const list = s.replacements.slice(0, 5).map((r) => `“${r.char}”（${r.word}）`).join('、');
          ctx.report({
            offset: s.offset,
            endOffset: s.offset + 1,
            message: msg(`疑似错别字：“${written}”不成词，“${s.char}”可能应为${list}`, `suspected misspelling: "${written}" is no word; "${s.char}" may be one of ${s.replacements.slice(0, 5).map((r) => r.char).join(', ')}`),
            suggestions,
            allow: written,
          });
        }
    }
  },
};
export default rule;
