// The proofreading categories a rule belongs to (RuleMeta.category): what the editor's overview counts by.
// A new rule picks one of these (or declares its own): the overview lists it without any change elsewhere.
import type { RuleCategory } from './types';

export const CATEGORY = {
  placeholder: { id: 'placeholder', order: 10, name: { zh: '占位符', en: 'Placeholders' } },
  headings: { id: 'headings', order: 20, name: { zh: '标题序号', en: 'Headings and numbering' } },
  years: { id: 'years', order: 30, name: { zh: '年份与日期', en: 'Years and dates' } },
  numbers: { id: 'numbers', order: 40, name: { zh: '数字与单位', en: 'Numbers and units' } },
  punctuation: { id: 'punctuation', order: 50, name: { zh: '标点与空格', en: 'Punctuation and spacing' } },
  format: { id: 'format', order: 60, name: { zh: '公文格式', en: 'Document format' } },
  wording: { id: 'wording', order: 15, name: { zh: '错别字与规范表述', en: 'Misspellings and set wording' } },
} as const satisfies Record<string, RuleCategory>;
