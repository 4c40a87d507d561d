// What the command line says (issue 15): Chinese by default, English with --lang en or REPORT_LINT_LANG=en;
// "did you mean" for mistyped options, rule names and severities; English plurals; the summary by rule.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, ERROR_REPORT, run, tempDir, write } from './helpers';

let dir: string;
beforeAll(() => {
  dir = tempDir();
  write(dir, 'r.txt', ERROR_REPORT);
  // one half-width comma: one punctuation-width warning, nothing else
  write(dir, 'w.txt', '关于2023年工作的总结\n\n一、主要工作\n\n全年完成了各项工作任务,成效明显。\n');
});
afterAll(() => cleanup(dir));

describe('the command line speaks Chinese by default', () => {
  it('--help in Chinese; in English with --lang en or REPORT_LINT_LANG=en', () => {
    const zh = run(['--help'], { cwd: dir }).stdout;
    expect(zh).toContain('用法：report-lint [选项] 文件|目录|通配符...');
    expect(zh).toContain('退出码：0 没有错误级问题');
    expect(zh).not.toContain('Usage:');
    expect(run(['--help', '--lang', 'en'], { cwd: dir }).stdout).toContain('Usage: report-lint [options] FILE|DIR|GLOB...');
    expect(run(['--lang=en', '--help'], { cwd: dir }).stdout).toContain('Exit codes: 0 no error finding');
    expect(run(['--help'], { cwd: dir, env: { REPORT_LINT_LANG: 'en' } }).stdout).toContain('Usage: report-lint');
    // --lang wins over the environment
    expect(run(['--help', '--lang', 'zh'], { cwd: dir, env: { REPORT_LINT_LANG: 'en' } }).stdout).toContain('用法：');
  });

  it('a bad config in Chinese, with "did you mean" for a rule name (cjk-spaceing) and a severity ("warn")', () => {
    write(dir, 'cfg/.reportlintrc.json', '{ "rules": { "cjk-spaceing": "warning", "heading-marker": "warn" } }');
    write(dir, 'cfg/a.txt', ERROR_REPORT);
    const r = run(['cfg/a.txt'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('配置文件');
    expect(r.stderr).toContain('没有规则“rules.cjk-spaceing”，是不是“rules.cjk-spacing”？');
    expect(r.stderr).toContain('是不是 "warning"？');
    expect(r.stderr).toContain('未检查任何文件');
    // the other branch of a rule's setting (an array) is not reported for a bad severity
    expect(r.stderr).not.toContain('must be array');
    const en = run(['--lang', 'en', 'cfg/a.txt'], { cwd: dir });
    expect(en.stderr).toContain('unknown key "rules.cjk-spaceing" (there is no such rule): did you mean "rules.cjk-spacing"?');
    expect(en.stderr).toContain('"rules.heading-marker" must be one of "off", "info", "warning", "error" (not "warn"): did you mean "warning"?');
    // nothing close: no suggestion
    write(dir, 'cfg2/.reportlintrc.json', '{ "rules": { "zzzzzzzz": "off" } }');
    write(dir, 'cfg2/a.txt', ERROR_REPORT);
    expect(run(['--lang', 'en', 'cfg2/a.txt'], { cwd: dir }).stderr).not.toContain('did you mean');
  });

  it('"did you mean" for an unknown option (--formt), --rule names and severities, --format values', () => {
    const r = run(['--formt', 'json', 'r.txt'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('report-lint: 未知选项 --formt。是不是 --format？运行 report-lint --help 查看全部选项。\n');
    expect(run(['--lang', 'en', '--formt', 'json', 'r.txt'], { cwd: dir }).stderr).toBe('report-lint: unknown option --formt. Did you mean --format? Run report-lint --help for the options.\n');
    expect(run(['--rule', 'cjk-spaceing:off', 'r.txt'], { cwd: dir }).stderr).toContain('没有规则“cjk-spaceing”。是不是“cjk-spacing”？');
    expect(run(['--rule', 'cjk-spacing:warn', 'r.txt'], { cwd: dir }).stderr).toContain('是不是 --rule cjk-spacing:warning？');
    expect(run(['--lang', 'en', '--format', 'sarf', 'r.txt'], { cwd: dir }).stderr).toContain('Did you mean sarif?');
  });

  it('"no files matched" and a missing file in Chinese, English with --lang en', () => {
    write(dir, 'empty/readme.pdf', 'x');
    const r = run(['empty'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^report-lint: 没有匹配的文件："empty"（扩展名：md、markdown、txt）。/);
    expect(run(['--lang', 'en', 'empty'], { cwd: dir }).stderr).toMatch(/^report-lint: no files matched "empty"/);
    expect(run(['nowhere.txt'], { cwd: dir }).stderr).toMatch(/^report-lint: 找不到 "nowhere.txt"：没有这个文件或目录/);
  });

  it('skip reasons inside the Chinese summary are Chinese (the JSON keeps the English reason)', () => {
    write(dir, 'skip/image.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x00]));
    write(dir, 'skip/old.doc', 'x');
    write(dir, 'skip/ok.txt', ERROR_REPORT);
    const r = run(['skip/ok.txt', 'skip/image.txt', 'skip/old.doc'], { cwd: dir });
    expect(r.stdout).toContain('  已跳过：二进制内容（含 NUL 字节）');
    expect(r.stdout).toContain('  跳过 2 个文件：\n    skip/image.txt：二进制内容（含 NUL 字节）\n    skip/old.doc：不支持 .doc 文件：请转换为 .docx\n');
    expect(r.stdout).not.toMatch(/binary content|not supported/);
    const en = run(['--lang', 'en', 'skip/ok.txt', 'skip/image.txt'], { cwd: dir });
    expect(en.stdout).toContain('skip/image.txt: binary content (NUL bytes)');
  });

  it('English plurals: 1 warning, 1 file, 1 error; the --max-warnings note too', () => {
    const r = run(['--lang', 'en', '--max-warnings', '0', 'w.txt'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('1 file checked, 1 problem (0 errors, 1 warning, 0 info)');
    expect(r.stderr).toBe('report-lint: 1 warning, more than --max-warnings 0.\n');
    expect(run(['--max-warnings', '0', 'w.txt'], { cwd: dir }).stderr).toBe('report-lint: 1 个警告，多于 --max-warnings 0。\n');
    expect(run(['--lang', 'en', 'r.txt'], { cwd: dir }).stdout).toMatch(/1 file checked, 2 problems \(2 errors, 0 warnings, 0 info\)/);
  });
});

describe('the stylish summary counts by rule', () => {
  it('one line per rule, errors first, with its description', () => {
    write(dir, 'mixed.txt', '关于2023年工作的总结\n\n一、主要工作\n\n1、加强组织领导,完善工作机制,推进改革。\n\n2、园区实现产值X亿元。\n');
    const zh = run(['mixed.txt'], { cwd: dir }).stdout;
    const lines = zh.slice(zh.indexOf('  按规则：')).trimEnd().split('\n');
    expect(lines).toEqual([
      '  按规则：',
      '    heading-marker     2 个错误  标题序号后的标点和括号形式',
      '    placeholder        1 个错误  草稿中未填写的占位符',
      '    punctuation-width  2 个警告  中文里的标点用全角：，；：？！（）“”‘’',
    ]);
    const en = run(['--lang', 'en', 'mixed.txt'], { cwd: dir }).stdout;
    expect(en).toContain('  By rule:\n    heading-marker     2 errors    The mark and brackets of a heading ordinal\n    placeholder        1 error     Placeholders left in a draft\n');
    // --quiet counts what is shown
    expect(run(['--quiet', 'mixed.txt'], { cwd: dir }).stdout).not.toContain('punctuation-width');
  });

  it('the same counts when the files are rendered by worker threads', () => {
    for (let i = 0; i < 3; i++) write(dir, `many/m${i}.txt`, '关于2023年工作的总结\n\n一、主要工作\n\n1、加强组织领导,完善工作机制。\n');
    const one = run(['many'], { cwd: dir }).stdout;
    const three = run(['--concurrency', '3', 'many'], { cwd: dir }).stdout;
    expect(three).toContain('    heading-marker     3 个错误');
    expect(three).toContain('    punctuation-width  3 个警告');
    expect(three).toBe(one);
  });
});

describe('--fix-dry-run', () => {
  it('shows each change with 20 characters of context on each side, not the whole paragraph, and says 将修复/可修复', () => {
    const para = '园区坚持稳中求进工作总基调'.repeat(100);
    write(dir, 'long.txt', `关于2023年工作的总结\n\n${para},${para}。\n`);
    const r = run(['--fix-dry-run', 'long.txt'], { cwd: dir });
    expect(r.stdout).toBe(`long.txt：将修复 1 处（试运行，未写入文件）\n  3:1301  …${para.slice(-20)}[-,-]{+，+}${para.slice(0, 20)}…\n\n`);
    expect(r.stderr).toContain('可修复 1 处（试运行，未写入文件）');
    expect(r.stdout + r.stderr).not.toContain('已修复');
    const en = run(['--lang', 'en', '--fix-dry-run', 'long.txt'], { cwd: dir });
    expect(en.stdout.split('\n')[0]).toBe('long.txt: 1 fix would be applied (dry run, nothing written)');
    expect(en.stderr).toContain('1 fix would be applied (dry run, nothing written)');
  });

  it('changes close together share a line; line ends stop the context', () => {
    write(dir, 'near.txt', '关于2023年工作的总结\n\n加强组织领导,完善工作机制;推进改革。\n');
    const r = run(['--fix-dry-run', 'near.txt'], { cwd: dir });
    expect(r.stdout).toBe('near.txt：将修复 2 处（试运行，未写入文件）\n  3:7  加强组织领导[-,-]{+，+}完善工作机制[-;-]{+；+}推进改革。\n\n');
  });
});
