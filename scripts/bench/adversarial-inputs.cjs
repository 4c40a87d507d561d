// Adversarial documents for the no-super-linear-time checks (issue 8), shared by scripts/bench/adversarial.mjs
// and test/robustness/adversarial.test.ts. Each builder returns a document of about n UTF-16 units.
'use strict';
const { readFileSync } = require('node:fs');
const { join } = require('node:path');

const seed = readFileSync(join(__dirname, '..', '..', 'examples', '000_14fc8861097ac680.txt'), 'utf8');
const fill = (unit) => (n) => unit.repeat(Math.ceil(n / unit.length)).slice(0, n);

/** Real report lines cut short: many short lines of prose and headings. */
function shortLines(n) {
  const lines = seed.split(/\r?\n/).map((l) => l.trim()).filter(Boolean).map((l) => l.slice(0, 9));
  const out = [];
  let len = 0;
  for (let i = 0; len < n; i++) {
    const l = lines[i % lines.length];
    out.push(l);
    len += l.length + 1;
  }
  return out.join('\n').slice(0, n);
}

const ADVERSARIAL = {
  'XXXX…': fill('X'),
  'x-x-x-…': fill('x-'),
  '一、一、…': fill('一、'),
  '（（（（…': fill('（'),
  '“““…': fill('“'),
  '1.1.1.…': fill('1.'),
  'one line, no newline': fill(seed.replace(/[\r\n]+/g, '')),
  'short lines (~100,000 at 1 MB)': shortLines,
  '1-1-1-…': fill('1-'),
  '"""…': fill('"'),
  '　　　…': fill('　'),
  '2023年2023年…': fill('2023年'),
  '一是一是…': fill('一是'),
  '((((…': fill('('),
  'headings only (一、（一）1.…)': fill('一、工作\n（一）X\n1.项目\n'),
  'seed report repeated': fill(seed + '\n'),
  'a@a@…': fill('a@'),
  '1,1,1,…': fill('1,'),
  'X%X%…': fill('X%'),
  '——…': fill('—'),
  '1～1～…': fill('1～'),
  'CR lines 一、\\r': fill('一、\r'),
  'emoji 😀😀…': fill('😀'),
  // found by test/robustness/regexes.test.ts, fixed: each was O(n²)
  'heading 一、a␣␣␣…b': (n) => '一、a' + ' '.repeat(Math.max(0, n - 4)) + 'b',
  'number 1.000…01千': (n) => '产值1.' + '0'.repeat(Math.max(0, n - 8)) + '1千亿元',
  'XXXX…X０': (n) => 'X'.repeat(Math.max(0, n - 1)) + '０',
  'e-mail-like 1.1.1…@': (n) => '1.'.repeat(Math.max(0, (n >> 1) - 1)) + '@',
};

/** Inputs on which the Markdown parser (remark-parse/micromark) itself is super-linear: .md only, kept small. */
const MARKDOWN_PARSER = {
  '*a*a*a…': fill('*a'),
  '> > > … (nesting)': fill('> '),
  '[[[[…': fill('['),
  // ordinary Markdown, but all in one paragraph (a pasted page without blank lines)
  '**加粗**文字。 (one paragraph)': fill('**加粗**文字。'),
  '[1]引文。 (one paragraph)': fill('[1]引文。'),
  '**加粗**文字。 (lines of one paragraph)': fill('**加粗**文字。\n'),
};

/**
 * Inputs where every line (or every other character) is a finding (140,000–525,000 findings at 1 MB): linear, but
 * their cost is the findings themselves, so their budget in the bench is 5 s rather than 1 s.
 */
const EVERY_LINE_A_FINDING = new Set(['headings only (一、（一）1.…)', 'CR lines 一、\\r', 'X%X%…']);

module.exports = { ADVERSARIAL, MARKDOWN_PARSER, EVERY_LINE_A_FINDING };
