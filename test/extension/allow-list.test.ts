// "Add to allow list" edits .reportlintrc.json in place: comments, order and formatting kept, one entry added,
// the result still a valid config that the engine reads.
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../rules/config';
import { addToAllowList, ConfigEditError } from '../../rules/config-edit';
import { allRules } from '../../rules/all-rules';
import { lint } from '../../rules/engine';

const read = (text: string) => parseConfig(text, '.reportlintrc.json', allRules);

describe('addToAllowList (rules/config-edit.ts)', () => {
  it('creates the rule entry with its default severity in a new (empty) file', () => {
    const out = addToAllowList(undefined, 'placeholder', 'X光机', 'error');
    expect(read(out).rules.placeholder).toEqual({ severity: 'error', options: { allow: ['X光机'] } });
    expect(out.endsWith('\n')).toBe(true);
  });

  it('keeps comments and other keys, and the severity already configured', () => {
    const text = '// 本项目的设置\n{\n  "year": 2023, // 报告年份\n  "rules": {\n    /* 标点另行检查 */\n    "cjk-spacing": "off",\n    "placeholder": "warning"\n  }\n}\n';
    const out = addToAllowList(text, 'placeholder', 'DNX', 'error');
    for (const kept of ['// 本项目的设置', '// 报告年份', '/* 标点另行检查 */', '"cjk-spacing": "off"']) expect(out).toContain(kept);
    const c = read(out);
    expect(c.rules.placeholder).toEqual({ severity: 'warning', options: { allow: ['DNX'] } });
    expect(c.settings.year).toBe(2023);
  });

  it('appends to an existing allow list, once', () => {
    const text = '{\n  "rules": {\n    "placeholder": ["error", { "allow": ["X光机"] }] // 设备名称\n  }\n}\n';
    const out = addToAllowList(text, 'placeholder', 'DNX', 'error');
    expect(out).toContain('// 设备名称');
    expect(read(out).rules.placeholder.options).toEqual({ allow: ['X光机', 'DNX'] });
    expect(addToAllowList(out, 'placeholder', 'DNX', 'error')).toBe(out);
  });

  it('adds the allow key to options that lack it, and keeps CRLF line ends', () => {
    const text = '{\r\n  "rules": {\r\n    "placeholder": ["error", {}]\r\n  }\r\n}\r\n';
    const out = addToAllowList(text, 'placeholder', 'X亿元', 'error');
    expect(read(out).rules.placeholder.options).toEqual({ allow: ['X亿元'] });
    expect(out.replace(/\r\n/g, '')).not.toContain('\n');
  });

  it('refuses a file that is not a JSON object rather than overwrite it', () => {
    expect(() => addToAllowList('{ "rules": ', 'placeholder', 'X', 'error')).toThrow(ConfigEditError);
    expect(() => addToAllowList('[1, 2]', 'placeholder', 'X', 'error')).toThrow(ConfigEditError);
    expect(() => addToAllowList('{ "rules": [] }', 'placeholder', 'X', 'error')).toThrow(ConfigEditError);
  });

  it('the entry silences exactly that placeholder when the engine reads the config', () => {
    const report = '某区2023年工作总结\n\n一、工作回顾\n\n全年投资X亿元，引进X个项目。\n';
    const config = read(addToAllowList(undefined, 'placeholder', 'X亿元', 'error'));
    const ph = (c?: ReturnType<typeof read>) => lint(report, { format: 'text', config: c }).findings.filter((f) => f.ruleId === 'placeholder');
    expect(ph().length).toBe(2);
    expect(ph(config).map((f) => report.slice(f.offset, f.endOffset + 3))).toEqual(['X个项目']);
  });
});
