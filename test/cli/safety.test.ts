// Issue 13 ("never lose a byte"), the CLI side: a corrupt cache, prototype keys in the config, the bound on
// --concurrency, control characters in what is printed, limits that were hit, the size limit's unit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { cleanup, CLEAN_REPORT, ERROR_REPORT, json, run, tempDir, write } from './helpers';

let dir: string;
beforeAll(() => {
  dir = tempDir();
});
afterAll(() => cleanup(dir));

describe('a corrupt cache (#15)', () => {
  it('entries of the right header but the wrong shape are ignored: the files are linted again, no crash', () => {
    const d = tempDir();
    try {
      const abs = write(d, 'r.txt', ERROR_REPORT);
      const good = run(['--format', 'json', '--cache', 'r.txt'], { cwd: d });
      expect(good.code).toBe(1);
      const cache = JSON.parse(readFileSync(join(d, '.reportlint-cache'), 'utf8'));
      const entry = cache.files[abs];
      expect(entry.report.diagnostics.length).toBeGreaterThan(0);
      const corruptions: unknown[] = [
        { ...entry.report, diagnostics: 5 },
        { ...entry.report, diagnostics: null },
        { ...entry.report, diagnostics: [null] },
        { ...entry.report, diagnostics: [{ rule: 'x' }] },
        { ...entry.report, placeholders: 'many' },
        null,
        'report',
      ];
      for (const report of corruptions) {
        for (const format of ['stylish', 'json', 'github', 'junit', 'sarif']) {
          // (each run replaces the bad entry with a good one)
          write(d, '.reportlint-cache', JSON.stringify({ ...cache, files: { [abs]: { ...entry, report } } }));
          const r = run(['--format', format, '--cache', 'r.txt'], { cwd: d, env: { REPORT_LINT_DEBUG: 'cache' } });
          expect(r.stderr, `${JSON.stringify(report)} ${format}`).not.toMatch(/internal error|not iterable/);
          expect(r.code, JSON.stringify(report)).toBe(1);
          expect(r.stderr).toMatch(/^report-lint: linted r\.txt$/m);
        }
        const again = json(run(['--format', 'json', 'r.txt'], { cwd: d }));
        expect(again[0].diagnostics.length).toBe(entry.report.diagnostics.length);
      }
      // files as an array, and a "__proto__" path: ignored
      write(d, '.reportlint-cache', JSON.stringify({ format: 'report-lint-cache/1', files: [entry] }));
      expect(run(['--format', 'json', '--cache', 'r.txt'], { cwd: d }).code).toBe(1);
    } finally {
      cleanup(d);
    }
  });
});

describe('prototype keys in .reportlintrc.json (#30)', () => {
  const cases: [string, string][] = [
    ['top level', '{ "__proto__": { "year": 2019 } }'],
    ['in rules', '{ "rules": { "__proto__": { "heading-marker": "off" } } }'],
    ['in options', '{ "rules": { "placeholder": ["error", { "constructor": { "prototype": {} } }] } }'],
    ['prototype', '{ "prototype": 1 }'],
  ];
  for (const [name, config] of cases) {
    it(`is a config error naming the key (${name}), and nothing is linted`, () => {
      const d = tempDir();
      try {
        write(d, '.reportlintrc.json', config);
        write(d, 'r.txt', ERROR_REPORT);
        const r = run(['--format', 'json', 'r.txt'], { cwd: d });
        expect(r.code).toBe(2);
        expect(r.stdout).toBe('');
        expect(r.stderr).toMatch(/配置文件 .* 有误/);
        expect(r.stderr).toMatch(/"(__proto__|constructor|prototype)"/);
        expect(r.stderr).toMatch(/不允许的键/);
      } finally {
        cleanup(d);
      }
    });
  }

  it('a "__proto__" year never takes effect (--print-config fails rather than show it)', () => {
    const d = tempDir();
    try {
      write(d, '.reportlintrc.json', '{ "__proto__": { "year": 2019 } }');
      const r = run(['--print-config', 'r.txt'], { cwd: d });
      expect(r.code).toBe(2);
      expect(r.stdout).not.toMatch(/2019/);
    } finally {
      cleanup(d);
    }
  });
});

describe('--concurrency is bounded (#25)', () => {
  it('asks for 64 threads on 6 files: gets no more than the CPUs and the files', () => {
    for (let i = 0; i < 6; i++) write(dir, `conc/${i}.txt`, ERROR_REPORT);
    const r = run(['--format', 'json', '--concurrency', '64', 'conc'], { cwd: dir, env: { REPORT_LINT_DEBUG: 'threads' } });
    expect(r.code).toBe(1);
    expect(json(r).length).toBe(6);
    const threads = [...r.stderr.matchAll(/^report-lint: thread (\d+) linted (\d+) files$/gm)];
    const expected = Math.min(64, availableParallelism(), 6);
    // one thread runs without workers, and prints no per-thread lines
    expect(threads.length === 0 ? 1 : threads.length).toBe(expected);
    expect(r.stderr).toMatch(new RegExp(`^report-lint: ${expected} threads? for 6 files`, 'm'));
  });

  it('--concurrency 1 on 2 files stays one thread', () => {
    write(dir, 'conc1/a.txt', CLEAN_REPORT);
    write(dir, 'conc1/b.txt', CLEAN_REPORT);
    const r = run(['--format', 'json', '--concurrency', '1', 'conc1'], { cwd: dir, env: { REPORT_LINT_DEBUG: 'threads' } });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^report-lint: 1 thread for 2 files/m);
  });
});

describe('control characters never reach the terminal (#10)', () => {
  // ESC c resets a terminal, ESC [2J clears it, BEL rings; a file may be named with them too
  const name = 'r\u001b[31mred\u0007\u009b.md';
  const text = '关于2023年工作的总结\n\n一、主要工作\n\n全年完成了各项工作【待补充\u001bc数据】。\n\n1、加强领导。\n';
  const raw = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;

  it('stylish, github and junit print them as visible \\xNN, in messages and file names; json keeps the text', () => {
    const d = tempDir();
    try {
      write(d, name, text);
      const j = json(run(['--format', 'json', name], { cwd: d }))[0];
      expect(j.file).toBe(name);
      expect(j.diagnostics.some((x) => x.message.includes('\u001bc'))).toBe(true);
      for (const format of ['stylish', 'github', 'junit']) {
        for (const lang of ['zh', 'en']) {
          const r = run(['--format', format, '--lang', lang, name], { cwd: d });
          expect(r.code, format).toBe(1);
          expect(r.stdout, format).not.toMatch(raw);
          expect(r.stdout, format).toContain('\\x1b');
          expect(r.stdout, format).toContain('\\x07');
        }
      }
      expect(run(['--format', 'stylish', name], { cwd: d }).stdout).toContain('【待补充\\x1bc数据】');
      // a --fix-dry-run diff names the file printably; the report on stderr too
      const dry = run(['--fix-dry-run', name], { cwd: d });
      expect(dry.stdout).toMatch(/^r\\x1b\[31mred\\x07\\x9b\.md：将修复/m);
      expect(dry.stderr).not.toMatch(raw);
      // messages on stderr: a file that cannot be read, named on the command line
      const missing = run(['--format', 'json', 'gone\u001bc.txt'], { cwd: d });
      expect(missing.code).toBe(2);
      expect(missing.stderr).not.toMatch(raw);
      expect(missing.stderr).toContain('gone\\x1bc.txt');
    } finally {
      cleanup(d);
    }
  });
});

describe('limits that were hit are said, in every format (#21)', () => {
  // 6,000 half-width commas between Chinese characters: punctuation-width stops at 5,000 findings
  const many = '关于2023年工作的总结\n\n一、主要工作\n\n' + '推进工作,落实任务。\n'.repeat(6000);
  // 60,000: --fix fixes 5,000 a pass and stops after 10 passes with 10,000 left
  const tooMany = '关于2023年工作的总结\n\n一、主要工作\n\n' + '推进工作,落实任务。\n'.repeat(60000);

  it('lint: json gets an additive "limits" entry; stylish, github, junit and sarif say it (zh and en)', () => {
    write(dir, 'many.txt', many);
    const j = json(run(['--format', 'json', 'many.txt'], { cwd: dir }))[0] as ReturnType<typeof json>[0] & { limits?: { kind: string; rule?: string; limit: number; message: string }[] };
    expect(j.diagnostics.filter((d) => d.rule === 'punctuation-width').length).toBe(5000);
    expect(j.limits).toEqual([{ kind: 'findings', rule: 'punctuation-width', limit: 5000, message: expect.stringMatching(/punctuation-width.*5000.*上限/) }]);
    const en = run(['--format', 'stylish', '--lang', 'en', 'many.txt'], { cwd: dir });
    expect(en.stdout).toMatch(/rule punctuation-width stopped at 5000 findings.*there may be more/);
    expect(run(['--format', 'stylish', 'many.txt'], { cwd: dir }).stdout).toMatch(/规则 punctuation-width 每个文件最多报告 5000 个问题，已达上限/);
    expect(run(['--format', 'github', 'many.txt'], { cwd: dir }).stdout).toMatch(/^::warning file=many\.txt,title=report-lint%3A limit reached::规则 punctuation-width/m);
    expect(run(['--format', 'junit', 'many.txt'], { cwd: dir }).stdout).toMatch(/<system-err>规则 punctuation-width[^<]*<\/system-err>\n  <\/testsuite>/);
    const sarif = JSON.parse(run(['--format', 'sarif', 'many.txt'], { cwd: dir }).stdout);
    const notes = sarif.runs[0].invocations[0].toolExecutionNotifications;
    expect(notes).toContainEqual(expect.objectContaining({ level: 'warning', properties: { limit: { kind: 'findings', limit: 5000, rule: 'punctuation-width' } } }));
    // a file under the limits has none
    write(dir, 'few.txt', ERROR_REPORT);
    expect(json(run(['--format', 'json', 'few.txt'], { cwd: dir }))[0]).not.toHaveProperty('limits');
  });

  it('--fix that stops after 10 passes says so and asks for a second --fix, which fixes the rest', () => {
    write(dir, 'too-many.txt', tooMany);
    const first = run(['--fix', '--format', 'json', 'too-many.txt'], { cwd: dir });
    const e = json(first)[0] as ReturnType<typeof json>[0] & { limits?: { kind: string; limit: number }[] };
    expect(e.limits?.map((l) => [l.kind, l.limit])).toContainEqual(['fix-passes', 10]);
    expect(first.stderr).toMatch(/too-many\.txt: --fix 已达 10 轮修复的上限.*请再运行一次 --fix/);
    const after = readFileSync(join(dir, 'too-many.txt'), 'utf8');
    expect(after.split(',').length - 1).toBe(10000);
    const second = run(['--fix', '--lang', 'en', 'too-many.txt'], { cwd: dir });
    expect(second.stderr).not.toMatch(/passes/);
    expect(second.stdout).toMatch(/10000 fixes applied/);
    expect(readFileSync(join(dir, 'too-many.txt'), 'utf8')).toBe(tooMany.replace(/,/g, '，'));
  });
});

describe('the size limit counts characters, in the CLI as in the language server (#20)', () => {
  const unit = '全年完成了各项工作任务，推进有力。\n'; // 18 characters, 52 bytes in UTF-8

  it('a 2,000,000-character report (6 MB of UTF-8) is linted, not skipped; one over 5,242,880 characters is skipped', () => {
    const d = tempDir();
    try {
      const text = '关于2023年工作的总结\n\n一、主要工作\n\n' + unit.repeat(Math.ceil(2_000_000 / unit.length));
      expect(text.length).toBeGreaterThanOrEqual(2_000_000);
      expect(Buffer.byteLength(text)).toBeGreaterThan(5 * 1024 * 1024);
      write(d, 'two-million.txt', text);
      const r = json(run(['--format', 'json', 'two-million.txt'], { cwd: d }))[0];
      expect(r.skipped).toBeUndefined();
      // ASCII: 5,242,881 characters in as many bytes (under 4 × the limit): read, and skipped by its characters
      write(d, 'over.txt', 'a'.repeat(5 * 1024 * 1024 + 1));
      const over = json(run(['--format', 'json', 'over.txt'], { cwd: d }))[0];
      expect(over.skipped).toBe('too large (5242881 characters, limit 5242880)');
    } finally {
      cleanup(d);
    }
  });

  it('with maxSize 1000: the same documents are linted or skipped by the CLI and the server', async () => {
    const { LspClient, fileUri } = await import('../lsp/client');
    const d = tempDir();
    const client = await LspClient.start({ pull: true, rootPath: d });
    try {
      write(d, '.reportlintrc.json', '{ "maxSize": 1000 }');
      const head = '关于2023年工作的总结\n\n一、主要工作\n\n1、加强领导。\n\n';
      const under = head + unit.repeat(Math.floor((1000 - head.length) / unit.length)); // ≤ 1,000 characters, ~2,900 bytes
      const over = under + unit;
      expect(under.length).toBeLessThanOrEqual(1000);
      expect(Buffer.byteLength(under)).toBeGreaterThan(1000);
      expect(over.length).toBeGreaterThan(1000);
      write(d, 'under.txt', under);
      write(d, 'over.txt', over);
      const cli = Object.fromEntries(json(run(['--format', 'json', 'under.txt', 'over.txt'], { cwd: d })).map((e) => [e.file, e]));
      expect(cli['under.txt'].skipped).toBeUndefined();
      expect(cli['under.txt'].diagnostics.length).toBeGreaterThan(0);
      expect(cli['over.txt'].skipped).toBe(`too large (${over.length} characters, limit 1000)`);
      // more bytes than any encoding needs for 1,000 characters: not even read
      write(d, 'huge.txt', under.repeat(3));
      const huge = json(run(['--format', 'json', 'huge.txt'], { cwd: d }))[0];
      expect(huge.skipped).toBe(`too large (${Buffer.byteLength(under.repeat(3))} bytes, over the limit of 1000 characters)`);
      const underUri = fileUri(join(d, 'under.txt'));
      await client.open(underUri, under);
      const pulled = await client.pull(underUri);
      expect(pulled.items?.length).toBe(cli['under.txt'].diagnostics.length);
      const overUri = fileUri(join(d, 'over.txt'));
      await client.open(overUri, over);
      expect((await client.pull(overUri)).items ?? []).toEqual([]);
      await client.waitFor(() => client.shown.find((m) => m.message.includes('over.txt') && m.message.includes(`too large (${over.length} characters, limit 1000)`)), 'the skipped message');
    } finally {
      await client.stop();
      cleanup(d);
    }
  });
});
