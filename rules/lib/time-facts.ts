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
    // 十一届三中全会, December 1978.
    { names: ['改革开放'], year: 1978, label: { zh: '改革开放', en: 'reform and opening-up' } },
    { names: ['建军', '中国人民解放军建军', '人民军队建军'], year: 1927, label: { zh: '建军', en: "the founding of the People's Liberation Army" } },
    // 1945-09-03 (Victory Day, decided by the NPC Standing Committee in 2014).
    { names: ['抗日战争胜利', '抗战胜利', '世界反法西斯战争胜利', '中国人民抗日战争胜利'], year: 1945, label: { zh: '抗日战争胜利', en: 'the victory in the War of Resistance' } },
    // 1997-07-01 and 1999-12-20: the handovers.
    { names: ['香港回归', '香港回归祖国'], year: 1997, label: { zh: '香港回归', en: "Hong Kong's return" } },
    { names: ['澳门回归', '澳门回归祖国'], year: 1999, label: { zh: '澳门回归', en: "Macao's return" } },
    // The autonomous regions, by the founding dates on their governments' sites (nmg.gov.cn: 1947-05-01;
    // xinjiang.gov.cn: 1955-10-01; gxzf.gov.cn: 1958-03-15; nx.gov.cn: 1958-10-25; xizang.gov.cn: 1965-09-01).
    // The national reports of 2015, 2017 and 2018 (corpus) celebrate them so: 西藏 50 and 新疆 60 in 2015,
    // 内蒙古 70 in 2017, 广西 and 宁夏 60 in 2018. A bare `自治区成立` names no region and is not checked.
    { names: ['内蒙古自治区成立'], year: 1947, label: { zh: '内蒙古自治区成立', en: 'the founding of Inner Mongolia Autonomous Region' } },
    { names: ['新疆维吾尔自治区成立'], year: 1955, label: { zh: '新疆维吾尔自治区成立', en: 'the founding of Xinjiang Uygur Autonomous Region' } },
    { names: ['广西壮族自治区成立'], year: 1958, label: { zh: '广西壮族自治区成立', en: 'the founding of Guangxi Zhuang Autonomous Region' } },
    { names: ['宁夏回族自治区成立'], year: 1958, label: { zh: '宁夏回族自治区成立', en: 'the founding of Ningxia Hui Autonomous Region' } },
    { names: ['西藏自治区成立'], year: 1965, label: { zh: '西藏自治区成立', en: 'the founding of Tibet Autonomous Region' } },
    // 西藏民主改革 1959 (林芝 2024: 民主改革65周年), 西藏和平解放 1951-05-23 (17-article agreement).
    { names: ['西藏民主改革'], year: 1959, label: { zh: '西藏民主改革', en: 'the democratic reform in Tibet' } },
    { names: ['西藏和平解放'], year: 1951, label: { zh: '西藏和平解放', en: 'the peaceful liberation of Tibet' } },
    // The Long March ended in October 1936 (national report 2017: 长征胜利80周年 in the review of 2016).
    { names: ['中国工农红军长征胜利', '红军长征胜利', '长征胜利'], year: 1936, label: { zh: '红军长征胜利', en: 'the end of the Long March' } },
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

/**
 * The first year of each National People's Congress since the fifth (npc.gov.cn: 第五届 1978, then every five
 * years); its N-th session meets in year first + N − 1, in March, where the government report is delivered.
 */
export const NPC_TERMS: { ordinal: number; first: number }[] = [5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15].map((n) => ({ ordinal: n, first: 1978 + 5 * (n - 5) }));

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
