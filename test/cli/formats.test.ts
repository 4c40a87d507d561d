// Output formats of the built CLI on the five seed reports: the JSON contract, SARIF against the 2.1.0
// schema, GitHub workflow commands, JUnit XML, and the stylish summary.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { cleanup, json, run, SEEDS, seedText, tempDir, write, type JsonEntry } from './helpers';
import { ROOT } from './helpers';

let dir: string;
let entries: JsonEntry[];
let jsonCode: number | null;

beforeAll(() => {
  dir = tempDir({ seeds: true });
  const r = run(['--format', 'json', '.'], { cwd: dir });
  jsonCode = r.code;
  entries = json(r);
});
afterAll(() => cleanup(dir));

/** 1-based line and column of a UTF-16 offset, counting \n, \r\n and \r as line ends. */
function position(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset; i++) {
    const c = text[i];
    if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) {
      line++;
      start = i + 1;
    }
  }
  return { line, column: offset - start + 1 };
}

describe('--format json (the public contract)', () => {
  it('prints one array with one entry per file, in file order, with the path as given', () => {
    expect(entries.map((e) => e.file)).toEqual(SEEDS);
    expect(jsonCode).toBe(1); // the seeds have error findings (heading markers)
  });

  it('has exactly the contract fields, with 1-based positions that match the offsets in the text', () => {
    let total = 0;
    for (const e of entries) {
      expect(Object.keys(e).sort()).toEqual(e.skipped === undefined ? ['diagnostics', 'file', 'placeholders'] : ['diagnostics', 'file', 'placeholders', 'skipped']);
      expect(typeof e.placeholders).toBe('number');
      const text = seedText(e.file);
      for (const d of e.diagnostics) {
        total++;
        const keys = Object.keys(d);
        for (const k of ['rule', 'severity', 'message', 'line', 'column', 'endLine', 'endColumn', 'offset', 'endOffset']) expect(keys).toContain(k);
        for (const k of keys) expect(['rule', 'severity', 'message', 'line', 'column', 'endLine', 'endColumn', 'offset', 'endOffset', 'fix', 'suggestions']).toContain(k);
        expect(['error', 'warning', 'info']).toContain(d.severity);
        expect(d.message.length).toBeGreaterThan(0);
        expect(d.line).toBeGreaterThanOrEqual(1);
        expect(d.column).toBeGreaterThanOrEqual(1);
        expect(d.offset).toBeLessThanOrEqual(d.endOffset);
        expect(d.endOffset).toBeLessThanOrEqual(text.length);
        expect(position(text, d.offset)).toEqual({ line: d.line, column: d.column });
        expect(position(text, d.endOffset)).toEqual({ line: d.endLine, column: d.endColumn });
        if ('fix' in d) {
          expect(d.fix!.edits.length).toBeGreaterThan(0);
          for (const ed of d.fix!.edits) {
            expect(Object.keys(ed).sort()).toEqual(['endOffset', 'offset', 'text']);
            expect(ed.offset).toBeGreaterThanOrEqual(d.offset);
            expect(ed.endOffset).toBeLessThanOrEqual(d.endOffset);
          }
        }
        if ('suggestions' in d) {
          expect(d.suggestions!.length).toBeGreaterThan(0);
          for (const s of d.suggestions!) expect(typeof s.title).toBe('string');
        }
      }
    }
    expect(total).toBeGreaterThan(20);
  });

  it('reports the heading-marker findings of seed 004 at the half-width brackets, with a fix', () => {
    const e = entries.find((x) => x.file.startsWith('004_'))!;
    const text = seedText(e.file);
    const hm = e.diagnostics.filter((d) => d.rule === 'heading-marker');
    expect(hm.length).toBeGreaterThan(5);
    for (const d of hm) {
      expect(text.slice(d.offset, d.endOffset)).toMatch(/^\([一二三四五六七八九十]+\)$/);
      expect(d.fix).toBeDefined();
    }
  });

  it('messages are Chinese by default and English with --lang en', () => {
    const en = json(run(['--format', 'json', '--lang', 'en', SEEDS[4]], { cwd: dir }));
    const zh = entries.find((x) => x.file === SEEDS[4])!;
    expect(zh.diagnostics[0].message).toMatch(/[\u4e00-\u9fff]/);
    expect(en[0].diagnostics.length).toBe(zh.diagnostics.length);
    en[0].diagnostics.forEach((d, i) => {
      expect(d.message).toMatch(/[A-Za-z]{3,} [A-Za-z]{2,}/);
      expect(d.message).not.toBe(zh.diagnostics[i].message);
    });
  });

  it('--quiet drops everything but errors', () => {
    const w = json(run(['--format', 'json', '--quiet', '--rule', 'heading-marker:warning', SEEDS[4]], { cwd: dir }));
    const all = json(run(['--format', 'json', '--rule', 'heading-marker:warning', SEEDS[4]], { cwd: dir }));
    expect(all[0].diagnostics.some((d) => d.rule === 'heading-marker' && d.severity === 'warning')).toBe(true);
    expect(w[0].diagnostics.every((d) => d.severity === 'error')).toBe(true);
    expect(w[0].diagnostics.some((d) => d.rule === 'heading-marker')).toBe(false);
  });
});

describe('--format sarif', () => {
  it('links each rule to its page only when REPORT_LINT_DOCS_BASE_URL names an http(s) site', () => {
    const withBase = JSON.parse(run(['--format', 'sarif', SEEDS[4]], { cwd: dir, env: { REPORT_LINT_DOCS_BASE_URL: 'https://docs.example.org/rl/rules' } }).stdout);
    const rules = withBase.runs[0].tool.driver.rules;
    expect(rules.find((x: { id: string }) => x.id === 'placeholder').helpUri).toBe('https://docs.example.org/rl/rules/placeholder.md');
    const bad = JSON.parse(run(['--format', 'sarif', SEEDS[4]], { cwd: dir, env: { REPORT_LINT_DOCS_BASE_URL: 'javascript:alert(1)//' } }).stdout);
    expect(bad.runs[0].tool.driver.rules.every((x: { helpUri?: string }) => x.helpUri === undefined)).toBe(true);
  });

  it('is valid against the SARIF 2.1.0 schema and points at repository-relative files', () => {
    mkdirSeedsSub();
    const r = run(['--format', 'sarif', '.'], { cwd: dir });
    expect(r.code).toBe(1);
    const sarif = JSON.parse(r.stdout);
    const schema = JSON.parse(readFileSync(join(ROOT, 'node_modules/@microsoft/sarif-matcher-utils/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));
    // The shipped schema is draft-04 (`id`); its keywords are otherwise draft-07 compatible.
    delete schema.$schema;
    schema.$id = schema.id;
    delete schema.id;
    // unicodeRegExp off: one of the schema's patterns is not valid with the u flag.
    const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
    ajv.addFormat('uri', (s: string) => {
      try {
        new URL(s);
        return true;
      } catch {
        return false;
      }
    });
    ajv.addFormat('uri-reference', (s: string) => {
      try {
        new URL(s, 'file:///base/');
        return !/\s/.test(s);
      } catch {
        return false;
      }
    });
    ajv.addFormat('date-time', (s: string) => !Number.isNaN(Date.parse(s)));
    const validate = ajv.compile(schema);
    const ok = validate(sarif);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);

    const run0 = sarif.runs[0];
    expect(run0.columnKind).toBe('utf16CodeUnits');
    const ruleIds = run0.tool.driver.rules.map((x: { id: string }) => x.id);
    expect(ruleIds).toContain('heading-marker');
    // No docs site configured: no helpUri (a link that goes nowhere is worse than none; the docs ship in docs/rules/).
    expect(run0.tool.driver.informationUri).toBeUndefined();
    for (const rule of run0.tool.driver.rules) {
      expect(rule.helpUri).toBeUndefined();
      expect(rule.shortDescription.text.length).toBeGreaterThan(0);
      expect(rule.fullDescription.text.length).toBeGreaterThan(0);
      expect(['error', 'warning', 'note']).toContain(rule.defaultConfiguration.level);
    }
    const total = entries.reduce((n, e) => n + e.diagnostics.length, 0);
    // the seeds plus the copy in sub/
    expect(run0.results.length).toBe(total + entries.find((e) => e.file === SEEDS[4])!.diagnostics.length);
    const uris = new Set(run0.results.map((x: any) => x.locations[0].physicalLocation.artifactLocation.uri));
    expect(uris).toContain('sub/copy-004.txt');
    expect(uris).toContain(SEEDS[0]);
    const first = run0.results.find((x: any) => x.locations[0].physicalLocation.artifactLocation.uri === SEEDS[4]);
    const d = entries.find((e) => e.file === SEEDS[4])!.diagnostics[0];
    expect(first.ruleId).toBe(d.rule);
    expect(first.locations[0].physicalLocation.region).toMatchObject({ startLine: d.line, startColumn: d.column, endLine: d.endLine, endColumn: d.endColumn });
    expect(ruleIds[first.ruleIndex]).toBe(first.ruleId);
  });
});

function mkdirSeedsSub(): void {
  write(dir, 'sub/copy-004.txt', seedText(SEEDS[4]));
}

describe('--format github', () => {
  it('prints one workflow command per finding with escaped properties and message', () => {
    const r = run(['--format', 'github', SEEDS[4]], { cwd: dir });
    expect(r.code).toBe(1);
    const lines = r.stdout.trim().split('\n');
    const e = entries.find((x) => x.file === SEEDS[4])!;
    expect(lines.length).toBe(e.diagnostics.length);
    const d = e.diagnostics[0];
    expect(lines[0]).toBe(`::error file=${SEEDS[4]},line=${d.line},col=${d.column},endLine=${d.endLine},endColumn=${d.endColumn},title=${d.rule}::${d.message}`);
  });

  it('escapes %, newlines, commas and colons', () => {
    const d = tempDir();
    try {
      write(d, 'a,b:c%.txt', '关于2023年工作的总结\n\n一、主要工作\n\n1、加强组织领导。\n');
      const r = run(['--format', 'github', 'a,b:c%.txt'], { cwd: d });
      expect(r.stdout).toContain('file=a%2Cb%3Ac%25.txt,line=5,col=1');
    } finally {
      cleanup(d);
    }
  });
});

describe('--format junit', () => {
  it('prints one testsuite per file and one failing testcase per error or warning', () => {
    const r = run(['--format', 'junit', '--output', 'report.xml', ...SEEDS], { cwd: dir });
    expect(r.stdout).toBe('');
    const xml = readFileSync(join(dir, 'report.xml'), 'utf8');
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    const suites = [...xml.matchAll(/<testsuite name="([^"]*)" tests="(\d+)" failures="(\d+)"/g)];
    expect(suites.map((m) => m[1])).toEqual(SEEDS);
    for (const m of suites) {
      const e = entries.find((x) => x.file === m[1])!;
      const failing = e.diagnostics.filter((d) => d.severity !== 'info').length;
      expect(Number(m[3])).toBe(failing);
    }
    // well-formed enough: every opened testsuite/testcase closes, no raw & or < in attributes
    expect((xml.match(/<testsuite /g) ?? []).length).toBe((xml.match(/<\/testsuite>/g) ?? []).length);
    expect(xml).not.toMatch(/&(?!amp;|lt;|gt;|quot;|apos;)/);
    expect(xml.trim().endsWith('</testsuites>')).toBe(true);
  });
});

describe('--format stylish (default)', () => {
  it('groups findings by file as line:column severity message rule, with a summary and no colour when piped', () => {
    const r = run([SEEDS[4], SEEDS[2]], { cwd: dir });
    expect(r.code).toBe(1);
    const e = entries.find((x) => x.file === SEEDS[4])!;
    expect(r.stdout).toContain(`${SEEDS[4]}\n`);
    const d = e.diagnostics[0];
    expect(r.stdout).toMatch(new RegExp(`\\n  ${d.line}:${d.column}\\s+错误\\s+.+\\s+${d.rule}\\n`));
    expect(r.stdout).not.toContain('\u001b[');
    const errors = e.diagnostics.filter((x) => x.severity === 'error').length + entries.find((x) => x.file === SEEDS[2])!.diagnostics.filter((x) => x.severity === 'error').length;
    expect(r.stdout).toContain(`检查了 2 个文件`);
    expect(r.stdout).toContain(`（${errors} 个错误，`);
    expect(r.stdout).toMatch(/剩余占位符：\d+ 处/);
  });

  it('colours only when forced (FORCE_COLOR) and never with NO_COLOR', () => {
    expect(run([SEEDS[4]], { cwd: dir, env: { FORCE_COLOR: '1' } }).stdout).toContain('\u001b[31m');
    expect(run([SEEDS[4]], { cwd: dir, env: { NO_COLOR: '1' } }).stdout).not.toContain('\u001b[');
  });

  it('lists skipped files and placeholders left in English with --lang en', () => {
    write(dir, 'zz-binary.txt', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x08, 0x00]));
    const r = run(['--lang', 'en', SEEDS[4], 'zz-binary.txt'], { cwd: dir });
    expect(r.stdout).toMatch(/2 files checked, \d+ problems \(\d+ errors?, \d+ warnings?, \d+ info\)/);
    expect(r.stdout).toMatch(/\d+ placeholders? left/);
    expect(r.stdout).toContain('1 file skipped:\n    zz-binary.txt: binary content (NUL bytes)');
  });
});
