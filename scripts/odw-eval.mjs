// Precision and recall of the typo rules on ../shared/corpus/typos-odw/odw.train by the SIGHAN-15 definitions
// (sentence level): a sentence's detection is right only when the flagged positions equal the wrong ones, its
// correction only when the proposed characters are right too. Precision = right / sentences flagged; recall =
// right / sentences with errors. The odd lines (1-based) are for tuning, the even lines are reported apart.
// Used by scripts/bench/typos-odw.mjs and test/corpus/typos-odw.test.ts; `lint` is the engine's lint function.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const TYPO_RULES = ['typo', 'typo-variant', 'typo-suspect'];

export function odwPath(root) {
  const corpus = process.env.REPORT_LINT_CORPUS ? process.env.REPORT_LINT_CORPUS : join(root, '../shared/corpus');
  return join(corpus, 'typos-odw/odw.train');
}

export function readOdw(path) {
  if (!existsSync(path)) return undefined;
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l, i) => {
      const [n, wrong, right] = l.split('\t');
      return { line: i + 1, errors: Number(n), wrong, right };
    });
}

/** The positions a finding flags and the characters it proposes there (fix, else its first suggestion). */
function flagged(text, f) {
  const edits = f.fix?.edits ?? f.suggestions?.[0]?.edits ?? [];
  const out = new Map();
  for (const e of edits) {
    const old = text.slice(e.offset, e.endOffset);
    if (old.length === e.text.length) {
      for (let k = 0; k < old.length; k++) if (old[k] !== e.text[k]) out.set(e.offset + k, e.text[k]);
    } else for (let k = e.offset; k < e.endOffset; k++) out.set(k, '?');
  }
  if (out.size === 0) for (let k = f.offset; k < f.endOffset; k++) out.set(k, '?');
  return out;
}

function emptyStats() {
  return { sentences: 0, withErrors: 0, clean: 0, flagged: 0, cleanFlagged: 0, detRight: 0, corRight: 0 };
}

/** Evaluates `lint` (the engine's) with the given rules on the sentences; returns stats for odd and even lines. */
export function evaluateOdw(sentences, lint, rules) {
  const stats = { odd: emptyStats(), even: emptyStats(), all: emptyStats(), misses: [], falseAlarms: [] };
  for (const s of sentences) {
    const gold = new Map();
    if (s.wrong.length === s.right.length) for (let k = 0; k < s.wrong.length; k++) if (s.wrong[k] !== s.right[k]) gold.set(k, s.right[k]);
    const found = new Map();
    for (const f of lint(s.wrong, { filename: 'odw.txt', rules }).findings) for (const [k, c] of flagged(s.wrong, f)) found.set(k, c);
    const hasErr = gold.size > 0;
    const detRight = hasErr && found.size === gold.size && [...gold.keys()].every((k) => found.has(k));
    const corRight = detRight && [...gold].every(([k, c]) => found.get(k) === c);
    for (const st of [s.line % 2 ? stats.odd : stats.even, stats.all]) {
      st.sentences++;
      if (hasErr) st.withErrors++;
      else st.clean++;
      if (found.size) st.flagged++;
      if (found.size && !hasErr) st.cleanFlagged++;
      if (detRight) st.detRight++;
      if (corRight) st.corRight++;
    }
    if (found.size && !detRight) stats.falseAlarms.push({ line: s.line, wrong: s.wrong, right: s.right, found: [...found] });
    if (hasErr && !detRight) stats.misses.push(s.line);
  }
  return stats;
}

export function figures(st) {
  const pct = (a, b) => (b ? (100 * a) / b : 0);
  return {
    detectionPrecision: pct(st.detRight, st.flagged),
    detectionRecall: pct(st.detRight, st.withErrors),
    correctionPrecision: pct(st.corRight, st.flagged),
    correctionRecall: pct(st.corRight, st.withErrors),
    cleanLineRate: pct(st.cleanFlagged, st.clean),
  };
}

export function formatFigures(name, st) {
  const f = figures(st);
  const p = (x) => x.toFixed(1).padStart(5) + ' %';
  return (
    `${name.padEnd(5)} ${String(st.sentences).padStart(4)} sentences (${st.withErrors} with errors, ${st.clean} clean): ` +
    `detection P ${p(f.detectionPrecision)} R ${p(f.detectionRecall)}; correction P ${p(f.correctionPrecision)} R ${p(f.correctionRecall)}; ` +
    `clean lines flagged ${st.cleanFlagged}/${st.clean} = ${f.cleanLineRate.toFixed(2)} %`
  );
}
