// Term files of the terms rule (rules/terms-files.ts): what a host reads is parsed, checked and merged after the
// inline entries; what is wrong names the file and never quotes its content.
import { describe, expect, it } from 'vitest';
import rule, { TERMS_LIMITS } from '../../rules/rules/terms';
import { applyTermFiles, parseTermFile, termFileNames, termFilePathProblem, TERMS_FILE_CAP } from '../../rules/terms-files';
import { parseConfig, type ResolvedConfig } from '../../rules/config';
import { allRules } from '../../rules/all-rules';
import { lint } from '../../rules/engine';
import type { Msg } from '../../rules/types';

function config(options: Record<string, unknown>): ResolvedConfig {
  return parseConfig(JSON.stringify({ rules: { terms: ['warning', options] } }), '.reportlintrc.json', allRules);
}

const problemsOf = (r: ReturnType<typeof parseTermFile>): Msg[] => ('problems' in r ? r.problems : []);

describe('term files: the files option', () => {
  it('is accepted by the config schema, and refused when it is not a list of paths', () => {
    expect(termFileNames(config({ files: ['terms.json', 'sub/more.txt'] }))).toEqual(['terms.json', 'sub/more.txt']);
    expect(() => config({ files: 'terms.json' })).toThrow(/files/);
    expect(() => config({ files: [''] })).toThrow(/files/);
    expect(() => config({ files: Array.from({ length: TERMS_LIMITS.files + 1 }, (_, i) => `t${i}.json`) })).toThrow(/files/);
  });

  it('paths stay in the config file folder: no absolute path, drive, URI, home or ".."', () => {
    for (const ok of ['terms.json', './terms.json', 'shared/terms.txt', 'a\\b.JSONC']) expect(termFilePathProblem(ok), ok).toBeUndefined();
    for (const bad of ['/etc/passwd', '\\\\server\\share\\t.json', 'C:\\terms.json', 'c:terms.json', 'file:///etc/t.json', '~/t.json', '../t.json', 'a/../../t.json', 'a\\..\\t.json', ' ', 'a\u0000.json'])
      expect(termFilePathProblem(bad), bad).toBeDefined();
    expect(termFilePathProblem('terms.yaml')?.en).toMatch(/\.json .*\.txt/);
    expect(termFilePathProblem('../t.json')?.zh).toMatch(/“\.\.”/);
  });
});

describe('term files: parsing', () => {
  it('reads JSON with comments and trailing commas, and a BOM', () => {
    const r = parseTermFile('t.json', '\ufeff// 本单位用语\n{ "$schema": "x", "replace": [{ "from": "区管委会", "to": "区管理委员会", "message": "用全称", },], "forbid": [{ "word": "内部资料" }] }');
    expect(r).toEqual({ replace: [{ from: '区管委会', to: '区管理委员会', message: '用全称' }], forbid: [{ word: '内部资料' }] });
  });

  it('reads the plain-text form: "from => to | message", "word | message", "word", # comments', () => {
    const text = '# 本单位用语\r\n\r\n区管委会 => 区管理委员会 | 对外行文用全称\r\n  网格员=>网格管理员\n内部资料 | 对外报告不得出现\n绝密\n   # 缩进的注释\n';
    expect(parseTermFile('t.txt', text)).toEqual({
      replace: [
        { from: '区管委会', to: '区管理委员会', message: '对外行文用全称' },
        { from: '网格员', to: '网格管理员' },
      ],
      forbid: [{ word: '内部资料', message: '对外报告不得出现' }, { word: '绝密' }],
    });
  });

  it('invalid JSON: the line and the parser code, never the text', () => {
    const secret = 'root:x:0:0:root:/root:/bin/bash\nsecret-token-123\n';
    const p = problemsOf(parseTermFile('passwd.json', secret));
    expect(p).toHaveLength(1);
    expect(p[0].en).toMatch(/^term file "passwd\.json": invalid JSON at line 1: /);
    expect(p[0].zh).toMatch(/^术语文件“passwd\.json”：第 1 行的 JSON 无效/);
    for (const m of p) expect(m.en + m.zh).not.toMatch(/root|secret|bash/);
  });

  it('wrong shapes say where and which key, and quote a key only when it is a near miss of a known one', () => {
    const p = problemsOf(
      parseTermFile('t.json', JSON.stringify({ replase: [], api_token_xyz: 1, replace: [{ form: '甲', to: '乙' }, 'x', { from: '长'.repeat(65), to: '乙' }], forbid: {} })),
    ).map((m) => m.en);
    expect(p).toEqual([
      'term file "t.json": unknown key "replase": did you mean "replace"?',
      'term file "t.json": unknown key (only replace and forbid are read)',
      'term file "t.json": replace[0]: unknown key "form": did you mean "from"?',
      'term file "t.json": replace[0]: "from" must be a string of 1–64 characters',
      'term file "t.json": replace[1] must be a JSON object',
    ]);
    expect(problemsOf(parseTermFile('t.json', '[1, 2]'))[0].en).toMatch(/must hold a JSON object/);
    expect(problemsOf(parseTermFile('t.json', '{ "forbid": {} }'))[0].en).toMatch(/"forbid" must be an array/);
    expect(problemsOf(parseTermFile('t.json', '{ "forbid": [{ "word": "甲", "message": 3 }] }'))[0].en).toMatch(/forbid\[0\]: "message" must be a string/);
  });

  it('"__proto__" in a term file adds nothing (the parser assigns it as a prototype: only own keys are read)', () => {
    expect(parseTermFile('t.json', '{ "__proto__": { "forbid": [{ "word": "甲" }] } }')).toEqual({ replace: [], forbid: [] });
    const r = parseTermFile('t.json', '{ "forbid": [{ "__proto__": { "word": "甲" } }] }');
    expect('problems' in r && r.problems[0].en).toBe('term file "t.json": forbid[0]: "word" must be a string of 1–64 characters');
  });

  it('text form problems name the line, not its text', () => {
    const p = problemsOf(parseTermFile('t.txt', `甲 => 乙\n => 乙\n${'长'.repeat(65)}\n丙 => 丁 => 戊\n己 | ${'说'.repeat(301)}\n`)).map((m) => m.en);
    expect(p).toEqual([
      'term file "t.txt": line 2: the word must have 1–64 characters',
      'term file "t.txt": line 3: the word must have 1–64 characters',
      'term file "t.txt": line 4: the replacement after "=>" must have at most 64 characters, and a line only one "=>"',
      'term file "t.txt": line 5: the message must have at most 300 characters',
    ]);
  });

  it('is bounded: a text over the cap is refused unparsed, more entries than the limit are refused', () => {
    expect(problemsOf(parseTermFile('t.txt', '甲\n'.repeat(TERMS_FILE_CAP / 2 + 1)))[0].en).toMatch(/too large/);
    const many = Array.from({ length: TERMS_LIMITS.entries + 1 }, (_, i) => ({ word: `词${i}` }));
    expect(problemsOf(parseTermFile('t.json', JSON.stringify({ forbid: many })))[0].en).toMatch(/"forbid" has 2001 entries, more than 2000/);
    expect(problemsOf(parseTermFile('t.txt', many.map((e) => e.word).join('\n')))[0].en).toMatch(/more than 2000 entries/);
  });
});

describe('term files: merged into the rule options', () => {
  const inline = config({ files: ['a.json', 'b.txt', 'missing.json', 'bad.json'], replace: [{ from: '区管委会', to: '区管理委员会' }], forbid: [{ word: '绝密' }] });
  const merged = applyTermFiles(inline, [
    { name: 'a.json', text: '{ "replace": [{ "from": "区管委会", "to": "区委员会" }, { "from": "网格员", "to": "网格管理员", "message": "规范称谓" }] }' },
    { name: 'b.txt', text: '内部资料 | 对外报告不得出现\n' },
    { name: 'missing.json', error: { zh: '无法读取：文件不存在', en: 'cannot read it: no such file' } },
    { name: 'bad.json', text: '{ "replace": 1 }' },
  ]);

  it('inline entries first, then each file in order; broken files add nothing and say why', () => {
    expect(merged.config.rules.terms.options?.replace).toEqual([
      { from: '区管委会', to: '区管理委员会' },
      { from: '区管委会', to: '区委员会' },
      { from: '网格员', to: '网格管理员', message: '规范称谓' },
    ]);
    expect(merged.config.rules.terms.options?.forbid).toEqual([{ word: '绝密' }, { word: '内部资料', message: '对外报告不得出现' }]);
    expect(merged.problems.map((m) => m.en)).toEqual(['term file "missing.json": cannot read it: no such file', 'term file "bad.json": "replace" must be an array']);
    // the config it came from is left as it was (a cached parse is reused)
    expect(inline.rules.terms.options?.forbid).toEqual([{ word: '绝密' }]);
  });

  it('the rule applies them: the inline pair wins over a file entry for the same word', () => {
    const r = lint('区管委会召开会议。全区网格员共320名。本报告为内部资料，绝密。', { filename: 'a.txt', rules: [rule], config: merged.config });
    expect(r.findings.map((f) => f.message.zh)).toEqual([
      '“区管委会”应为“区管理委员会”',
      '“网格员”应为“网格管理员”：规范称谓',
      '禁用词“内部资料”：对外报告不得出现',
      '禁用词“绝密”',
    ]);
  });

  it('more entries than the limit in all: said, and those beyond are ignored by the rule', () => {
    const half = Array.from({ length: TERMS_LIMITS.entries / 2 + 1 }, (_, i) => `词${i}`).join('\n');
    const r = applyTermFiles(config({ files: ['a.txt', 'b.txt'] }), [
      { name: 'a.txt', text: half },
      { name: 'b.txt', text: half.replace(/词/g, '语') },
    ]);
    expect(r.problems.map((m) => m.en)).toEqual(['2002 term entries in all (with the config file\'s own), more than 2000: those beyond are ignored']);
  });

  it('a config without term files is returned as it is', () => {
    const c = config({ forbid: [{ word: '绝密' }] });
    expect(applyTermFiles(c, [])).toEqual({ config: c, problems: [] });
  });
});
