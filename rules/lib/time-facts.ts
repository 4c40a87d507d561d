// Dated facts a year check can rely on (STANDARDS.md "Time facts"). One table: add a row to extend.

export interface Anniversary {
  /** Words that name the event, immediately before `N周年` (after an optional 成立/召开 etc.). */
  names: string[];
  year: number;
  label: { zh: string; en: string };
}

export interface FiveYearPlan {
  /** The ordinal as written inside 十…五 (`十四五` → 14). */
  ordinal: number;
  first: number;
  last: number;
}

export interface Congress {
  /** The ordinal (`十九大` → 19). */
  ordinal: number;
  year: number;
  month: number;
}

export const TIME_FACTS = {
  anniversaries: [
    { names: ['建党', '中国共产党成立', '党的成立', '建党成立'], year: 1921, label: { zh: '中国共产党成立', en: 'the founding of the CPC' } },
    { names: ['新中国成立', '中华人民共和国成立', '建国', '共和国成立'], year: 1949, label: { zh: '新中国成立', en: "the founding of the People's Republic" } },
    { names: ['改革开放'], year: 1978, label: { zh: '改革开放', en: 'reform and opening-up' } },
    { names: ['建军', '中国人民解放军建军', '人民军队建军'], year: 1927, label: { zh: '建军', en: "the founding of the People's Liberation Army" } },
    { names: ['抗日战争胜利', '抗战胜利', '世界反法西斯战争胜利'], year: 1945, label: { zh: '抗日战争胜利', en: 'the victory in the War of Resistance' } },
    { names: ['香港回归', '香港回归祖国'], year: 1997, label: { zh: '香港回归', en: "Hong Kong's return" } },
    { names: ['澳门回归', '澳门回归祖国'], year: 1999, label: { zh: '澳门回归', en: "Macao's return" } },
  ] as Anniversary[],
  fiveYearPlans: [
    { ordinal: 10, first: 2001, last: 2005 },
    { ordinal: 11, first: 2006, last: 2010 },
    { ordinal: 12, first: 2011, last: 2015 },
    { ordinal: 13, first: 2016, last: 2020 },
    { ordinal: 14, first: 2021, last: 2025 },
    { ordinal: 15, first: 2026, last: 2030 },
    { ordinal: 16, first: 2031, last: 2035 },
  ] as FiveYearPlan[],
  congresses: [
    { ordinal: 16, year: 2002, month: 11 },
    { ordinal: 17, year: 2007, month: 10 },
    { ordinal: 18, year: 2012, month: 11 },
    { ordinal: 19, year: 2017, month: 10 },
    { ordinal: 20, year: 2022, month: 10 },
  ] as Congress[],
};

export function fiveYearPlan(ordinal: number): FiveYearPlan | undefined {
  return TIME_FACTS.fiveYearPlans.find((p) => p.ordinal === ordinal);
}

export function congress(ordinal: number): Congress | undefined {
  return TIME_FACTS.congresses.find((c) => c.ordinal === ordinal);
}

/** The congress that was the latest one during a given year (a congress in October counts from the next year). */
export function currentCongressFor(year: number): Congress | undefined {
  let cur: Congress | undefined;
  for (const c of TIME_FACTS.congresses) if (c.year < year) cur = c;
  return cur;
}
