// Counts that are fixed formulations (四个意识, 两个维护 …): their number is part of the name, their members are
// cited loosely, and a wrong count there is a 规范表述 error, not a count-consistency one.
//
// count-consistency also asks the formulation pack (rules/lib/formulations.ts inFormulation) where the document
// writes one of its formulations; this list covers the numbered names the pack does not hold (三个代表, 八项规定 …)
// and is checked on the count's own words before any document scan.

const FORMULATIONS = [
  '四个意识', '四个自信', '两个维护', '两个确立', '四个全面', '五位一体', '两个毫不动摇', '三个代表',
  '两个一百年', '八项规定', '三严三实', '两学一做', '四个服从', '五大发展理念', '四个伟大', '两个大局',
  '三大攻坚战', '四个最严', '两个务必', '四个统筹', '六稳', '六保', '三去一降一补', '两个结合',
  '四下基层', '三个务必', '五个必由之路', '三新一高', '十个明确', '十四个坚持', '十三个方面成就',
].map((s) => s.replace(/^两/, '二'));

const normalize = (s: string): string => s.replace(/[“”"‘’]/g, '').replace(/^两/, '二');

/** True when `text` (a count and what follows it, e.g. `四个意识明显增强`) opens with a fixed formulation. */
export function isFormulationCount(text: string): boolean {
  const t = normalize(text);
  return FORMULATIONS.some((f) => t.startsWith(f));
}
