// Diagnostics kept from one publish to the next (server/convert.ts reuseUnchanged) and written once by the stdio
// encoder (server/stable-json.ts, server/json-encoder.ts): after every kind of edit, what goes on the wire is exactly
// the JSON of a fresh lint's diagnostics, and a one-character edit keeps nearly all of them.
import { describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver';
import { lint } from '../../rules/engine';
import { reuseUnchanged, toDiagnostic } from '../../server/convert';
import { asciiJson, JsonEncoder } from '../../server/json-encoder';
import { isStable, markStable } from '../../server/stable-json';
import { SEED_000, SEED_001, seed } from './client';

const href = (id: string) => `command:report-lint.openRuleDocs?${encodeURIComponent(JSON.stringify([id]))}`;

function diagnosticsOf(text: string, version: number, withData: boolean): Diagnostic[] {
  const doc = TextDocument.create('file:///tmp/r.txt', 'plaintext', version, text);
  return lint(text, { filename: 'r.txt' }).findings.map((f) => toDiagnostic(doc, f, 'zh', href, withData));
}

const publish = (version: number, diagnostics: Diagnostic[]) => ({ jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri: 'file:///tmp/r.txt', version, diagnostics } });

describe('diagnostics kept across edits', () => {
  const start = [seed(SEED_000), seed(SEED_001)].join('\n\n');
  const mid = start.indexOf('\n', start.length >> 1);
  // typing, a new line, a deletion, a heading ordinal changed (messages elsewhere change), a new finding
  const edits: ((t: string) => string)[] = [
    (t) => t.slice(0, mid) + '字' + t.slice(mid),
    (t) => t.slice(0, mid) + '年' + t.slice(mid),
    (t) => t.slice(0, 40) + '\n' + t.slice(40),
    (t) => t.slice(0, mid - 3) + t.slice(mid),
    (t) => t.replace('二、', '三、'),
    (t) => t.slice(0, mid) + '增长X%,' + t.slice(mid),
    (t) => t,
  ];

  for (const withData of [false, true]) {
    it(`after each edit, the JSON of a fresh lint's diagnostics, and the stdio bytes of its JSON.stringify (data: ${withData})`, () => {
      let text = start;
      let version = 1;
      let kept = opened(diagnosticsOf(text, version, withData));
      const enc = new JsonEncoder();
      const reused: number[] = [];
      for (const edit of edits) {
        text = edit(text);
        version++;
        const fresh = diagnosticsOf(text, version, withData);
        const expected = JSON.stringify(fresh);
        const next = reuseUnchanged(kept, diagnosticsOf(text, version, withData));
        expect(JSON.stringify(next)).toBe(expected);
        expect(next.every((d) => isStable(d) && Object.isFrozen(d) && Object.isFrozen(d.range.start))).toBe(true);
        reused.push(next.filter((d) => kept.includes(d)).length / next.length);
        // twice: the second time every diagnostic's bytes come from the encoder's memory
        for (let k = 0; k < 2; k++) expect(enc.encode(publish(version, next)).toString('latin1')).toBe(asciiJson(JSON.stringify(publish(version, fresh))));
        kept = next;
      }
      // without data, typing keeps nearly all and the same text all; data names the version, so nothing is kept
      if (withData) expect(Math.max(...reused)).toBe(0);
      else {
        expect(reused[0]).toBeGreaterThan(0.95);
        expect(reused.at(-1)).toBe(1);
      }
    });
  }

  it('marking freezes into objects already frozen (a shallow freeze leaves their insides open)', () => {
    const edit = { offset: 0, endOffset: 1, text: '，' };
    const d = markStable({ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, message: 'm', data: { fix: Object.freeze([edit]) } });
    expect(isStable(d) && Object.isFrozen(edit)).toBe(true);
  });

  it('a kept diagnostic cannot be changed (it is frozen all through)', () => {
    const [d] = reuseUnchanged([], diagnosticsOf(start, 1, true).filter((x) => x.data && (x.data as { fix?: unknown }).fix));
    expect(() => {
      (d.range.start as { line: number }).line = 99;
    }).toThrow(TypeError);
    expect(() => {
      ((d.data as { fix: { text: string }[] }).fix[0] as { text: string }).text = 'x';
    }).toThrow(TypeError);
  });
});

/** The first publish after opening: kept as made (marked stable from the first edit on, kept ones included). */
function opened(ds: Diagnostic[]): Diagnostic[] {
  const first = reuseUnchanged(undefined, ds);
  expect(first.some((d) => isStable(d) || Object.isFrozen(d))).toBe(false);
  return first;
}
