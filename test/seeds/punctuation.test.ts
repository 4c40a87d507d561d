// The punctuation-width and punctuation-pairs rows of SEED-FINDINGS.md (and cjk-spacing's traps), as tests on
// the sample reports in examples/.
import { describe, expect, it } from 'vitest';
import { diffChars } from 'diff';
import { fixText, lint } from '../../rules/engine';
import { allRules } from '../../rules/all-rules';
import type { Finding } from '../../rules/types';
import { lineOf, SEEDS, seed, seedPath, type SeedId } from '../helpers/fixtures';

const MY_RULES = ['punctuation-width', 'punctuation-pairs', 'cjk-spacing'];
const rules = allRules.filter((r) => MY_RULES.includes(r.meta.id));
const ids = Object.keys(SEEDS) as SeedId[];

function run(id: SeedId) {
  const text = seed(id);
  const r = lint(text, { filename: seedPath(id), rules });
  expect(r.internalErrors).toEqual([]);
  return { text, findings: r.findings, doc: r.doc! };
}

const isHan = (c: string | undefined) => c !== undefined && /[\u4e00-\u9fff]/.test(c);
const covers = (fs: Finding[], offset: number) => fs.find((f) => f.offset <= offset && offset < f.endOffset);

describe('seed punctuation', () => {
  it('001 line 73: the lone "燃眉之急 quote is reported by punctuation-pairs, with no fix', () => {
    const { text, findings } = run('001');
    const pairs = findings.filter((f) => f.ruleId === 'punctuation-pairs');
    expect(pairs).toHaveLength(1);
    const f = pairs[0];
    expect(lineOf(text, f.offset)).toBe(73);
    expect(text.slice(f.offset, f.endOffset + 4)).toBe('"燃眉之急');
    expect(f.fix).toBeUndefined();
    expect(f.severity).toBe('error');
    // line 73 has 11 straight quotes; punctuation-width converts the other 10 and leaves this one
    const line73 = text.split('\n')[72];
    expect(line73.split('"').length - 1).toBe(11);
    expect(findings.some((g) => g.ruleId === 'punctuation-width' && g.offset === f.offset)).toBe(false);
  });

  it('001: fix-all converts every paired straight quote and leaves only the lone one', () => {
    const text = seed('001');
    const before = text.split('"').length - 1;
    expect(before).toBeGreaterThan(50);
    const out = fixText(text, { filename: seedPath('001'), rules }).output;
    const left = [...out.matchAll(/"/g)].map((m) => m.index!);
    expect(left).toHaveLength(1);
    expect(out.slice(left[0], left[0] + 5)).toBe('"燃眉之急');
    expect(lineOf(out, left[0])).toBe(73);
    // opening and closing quotes alternate, as they should
    expect(out.split('“').length).toBe(out.split('”').length);
    expect(out).toContain('完成2022年度“亩均论英雄”企业绩效评价');
    expect(out).toContain('加快落实国家、省市“规定动作”，切实帮助广大企业解决"燃眉之急，解决痛点难点问题。');
  });

  for (const id of ids) {
    it(`${id}: every half-width , ; : ( ) ! next to a Chinese character is reported with a fix (not heading ordinals)`, () => {
      const { text, findings, doc } = run(id);
      const width = findings.filter((f) => f.ruleId === 'punctuation-width');
      const markerAt = (o: number) => doc.headings.some((h) => h.marker && h.marker.offset <= o && o < h.marker.endOffset);
      let expected = 0;
      for (const m of text.matchAll(/[,;:()!]/g)) {
        const o = m.index!;
        if (markerAt(o)) {
          expect(covers(width, o), `ordinal at line ${lineOf(text, o)}`).toBeUndefined();
          continue;
        }
        let l = o - 1;
        while (text[l] === ' ') l--;
        let r = o + 1;
        while (text[r] === ' ') r++;
        if (!isHan(text[l]) && !isHan(text[r])) continue;
        expected++;
        const f = covers(width, o);
        expect(f, `"${text.slice(o - 6, o + 6)}" at line ${lineOf(text, o)}`).toBeDefined();
        expect(f!.fix).toBeDefined();
      }
      expect(expected).toBeGreaterThan(id === '002' ? 50 : 100);
    });
  }

  it('000, 001, 004: the (一)…(八) heading ordinals are not punctuation-width findings', () => {
    for (const id of ['000', '001', '004'] as SeedId[]) {
      const { text, findings } = run(id);
      const ordinalLines = text.split('\n').map((l, i) => [l, i + 1] as const).filter(([l]) => /^\([一二三四五六七八]\)/.test(l));
      expect(ordinalLines.length).toBeGreaterThanOrEqual(3);
      for (const [, n] of ordinalLines) {
        const start = text.split('\n').slice(0, n - 1).join('\n').length + (n > 1 ? 1 : 0);
        expect(findings.filter((f) => f.offset >= start && f.offset < start + 3)).toEqual([]);
      }
    }
  });

  it('000 line 15: the colon after a Chinese label in web-page junk is reported', () => {
    const { text, findings } = run('000');
    const f = findings.find((g) => lineOf(text, g.offset) === 15);
    expect(f?.ruleId).toBe('punctuation-width');
    expect(text.slice(f!.offset, f!.endOffset)).toBe(':');
    expect(f!.fix!.edits[0].text).toBe('：');
  });

  it('002 lines 48, 52, 66: (近)零碳 is a punctuation-width finding (two brackets each)', () => {
    const { text, findings } = run('002');
    for (const n of [48, 52, 66]) {
      const fs = findings.filter((f) => lineOf(text, f.offset) === n && /[()]/.test(text.slice(f.offset, f.endOffset)));
      expect(fs.map((f) => text.slice(f.offset, f.endOffset + 1))).toEqual(['(近', ')零']);
      expect(fs.every((f) => f.ruleId === 'punctuation-width' && f.fix)).toBe(true);
    }
  });

  it('002 and 003 (news pages) get nothing but punctuation-width findings; the wrapped quotes of 002 pair up', () => {
    for (const id of ['002', '003'] as SeedId[]) {
      const { findings } = run(id);
      expect(findings.length).toBeGreaterThan(0);
      expect(findings.filter((f) => f.ruleId !== 'punctuation-width')).toEqual([]);
    }
    // 9→11, 15→17, 60→62, 82→84: a quote opened on one line closes two lines later
    const text = seed('002');
    const lines = text.split('\n');
    for (const [a, b] of [[9, 11], [15, 17], [60, 62], [82, 84]]) {
      const opened = lines[a - 1].split('“').length - lines[a - 1].split('”').length;
      expect(opened, `line ${a}`).toBeGreaterThan(0);
      expect(lines[b - 1].split('”').length - lines[b - 1].split('“').length, `line ${b}`).toBeGreaterThan(0);
    }
  });

  it('traps: no finding of these rules on 数说 2023——, bylines, PM2.5, 5G工厂, 220kV, WORLD', () => {
    const traps: [SeedId, number][] = [['003', 37], ['003', 39], ['003', 55], ['003', 25], ['003', 29], ['002', 50], ['002', 25], ['000', 65]];
    for (const [id, n] of traps) {
      const { text, findings } = run(id);
      const on = findings.filter((f) => lineOf(text, f.offset) === n && f.ruleId !== 'punctuation-width');
      expect(on, `${id}:${n}`).toEqual([]);
    }
    // cjk-spacing reports nothing on any seed (their spaces are junk columns, column titles and bylines)
    for (const id of ids) expect(run(id).findings.filter((f) => f.ruleId === 'cjk-spacing')).toEqual([]);
    // 000 line 35 `220kV、110kV`: nothing at all
    const s0 = run('000');
    const l35 = s0.text.split('\n')[34];
    expect(l35).toContain('220kV、110kV');
    expect(s0.findings.filter((f) => lineOf(s0.text, f.offset) === 35 && /kV/.test(s0.text.slice(f.offset - 3, f.endOffset + 3)))).toEqual([]);
  });

  for (const id of ids) {
    it(`${id}: fix-all leaves nothing fixable, changes only reported ranges, and is idempotent`, () => {
      const { text, findings } = run(id);
      const opts = { filename: seedPath(id), rules };
      const once = fixText(text, opts);
      expect(once.result.findings.filter((f) => f.fix)).toEqual([]);
      expect(fixText(once.output, opts).output).toBe(once.output);
      // every changed character lies inside a range reported on the original text
      const inside = (a: number, b: number) => findings.some((f) => f.fix && f.offset <= a && b <= f.endOffset);
      let pos = 0;
      let changes = 0;
      for (const part of diffChars(text, once.output)) {
        if (part.removed) {
          // adjacent edits (`""` → `”“`) come as one part: each removed character must be inside a finding
          for (let k = 0; k < part.value.length; k++) {
            expect(inside(pos + k, pos + k + 1), `removed "${part.value}" at line ${lineOf(text, pos)}`).toBe(true);
          }
          pos += part.value.length;
          changes++;
        } else if (part.added) {
          expect(inside(pos, pos), `added "${part.value}" at line ${lineOf(text, pos)}`).toBe(true);
          changes++;
        } else pos += part.value.length;
      }
      expect(changes).toBeGreaterThan(0);
      // what is left for these rules is the lone quote of 001 and nothing else
      const left = once.result.findings;
      if (id === '001') expect(left.map((f) => f.ruleId)).toEqual(['punctuation-pairs']);
      else expect(left).toEqual([]);
    });
  }
});
