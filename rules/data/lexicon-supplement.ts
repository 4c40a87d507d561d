// Words of current reports that jieba's dictionary (2013) lacks, written here: without them, the statistical typo
// check takes them for misspellings of an older word (疫后 → 以后). Each with a frequency class (see lexicon.ts).
export const SUPPLEMENT_WORDS: [word: string, cls: number][] = [
  ['疫后', 10],
  ['疫点', 8],
  ['初显', 10],
  ['初显成效', 8],
  ['互享', 8],
  // 国家发展和改革委员会 and a party committee's 全面深化改革委员会, in nearly every report: without them their last
  // character is an orphan (jieba has 改委 only inside longer words) and 改委 reads as 改为
  ['发改委', 9],
  ['深改委', 8],
  // expo names (X博会): known words, below the class offered as corrections (lexicon.ts COMPLETION_MIN_CLASS)
  ['食博会', 4],
  ['菜博会', 4],
  ['农博会', 4],
  ['药博会', 4],
  ['茶博会', 4],
  ['陶博会', 4],
];
