// The rule documentation pages (docs/rules/<id>.md and the index), generated from the rule metadata so that
// they never drift from it. Written by scripts/generate.ts on `npm run build`; checked by test/docs.test.ts.
import type { Rule } from '../rules/types';

export const DOCS_DIR = 'docs/rules';
const HEADER = '<!-- Generated from the rule metadata by scripts/generate.ts (npm run build). Do not edit by hand. -->';

function fence(body: string, lang = 'text'): string {
  const longest = Math.max(2, ...[...body.matchAll(/`+/g)].map((m) => m[0].length));
  const f = '`'.repeat(longest + 1);
  return `${f}${lang}\n${body}\n${f}`;
}

function cell(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

const severityZh = { error: '错误', warning: '警告', info: '提示' } as const;

export function ruleDocPage(rule: Rule): string {
  const m = rule.meta;
  const out: string[] = [HEADER, '', `# ${m.id}`, '', m.description.zh, '', `*${m.description.en}*`, ''];
  out.push(
    '| | |',
    '| --- | --- |',
    `| 默认级别 / Default severity | ${severityZh[m.severity]} / \`${m.severity}\` |`,
    `| 自动修复 / Fixable | ${m.fixable ? '是 / yes (quick fix, `report-lint --fix`, fix all)' : '否 / no'} |`,
    `| 依据 / Standard | ${cell(m.clause || '—')} |`,
    `| 类别 / Category | ${m.category.name.zh} / ${m.category.name.en} |`,
    `| 标签 / Tags | ${m.tags.length ? m.tags.map((t) => `\`${t}\``).join(', ') : '—'} |`,
    '',
    '## 为什么 / Why',
    '',
    m.docs.why.zh,
    '',
    m.docs.why.en,
    '',
    '## 示例 / Examples',
    '',
  );
  if (m.docs.examples.length === 0) out.push('—', '');
  m.docs.examples.forEach((ex, i) => {
    if (m.docs.examples.length > 1) out.push(`### ${i + 1}`, '');
    out.push('错误 / Wrong:', '', fence(ex.wrong), '');
    if (ex.right !== undefined) out.push('正确 / Right:', '', fence(ex.right), '');
    if (ex.note) out.push(`> ${ex.note.zh}`, '>', `> ${ex.note.en}`, '');
  });
  out.push('## 配置 / Configuration', '', '`.reportlintrc.json`:', '');
  const sample: Record<string, unknown> = { rules: { [m.id]: m.severity === 'error' ? 'warning' : 'error' } };
  out.push(fence(JSON.stringify(sample, null, 2), 'json'), '');
  out.push('关闭 / Turn off: `"' + m.id + '": "off"`.', '');
  if (m.optionsSchema) {
    out.push('### 选项 / Options', '', 'Schema (the second item of `[severity, options]`):', '', fence(JSON.stringify(m.optionsSchema, null, 2), 'json'), '');
    if (m.defaultOptions) out.push('Defaults:', '', fence(JSON.stringify(m.defaultOptions, null, 2), 'json'), '');
  }
  out.push(
    '## 行内停用 / Inline disabling',
    '',
    'Markdown:',
    '',
    fence(`本行文字 <!-- report-lint-disable-line ${m.id} -->\n<!-- report-lint-disable ${m.id} -->\n（以下不检查 / not checked below）\n<!-- report-lint-enable ${m.id} -->`, 'markdown'),
    '',
    'Plain text / 纯文本:',
    '',
    fence(`report-lint-disable-next-line ${m.id}\n下一行文字 / the next line`),
    '',
  );
  return out.join('\n');
}

export function rulesIndex(rules: Rule[]): string {
  const out: string[] = [HEADER, '', '# report-lint rules / 规则', ''];
  out.push(`${rules.length} rules. Severity and fixability are the defaults; every rule can be configured in \`.reportlintrc.json\` or the editor settings.`, '');
  out.push('| 规则 / Rule | 说明 | Description | 默认级别 / Severity | 可修复 / Fixable | 依据 / Standard |', '| --- | --- | --- | --- | --- | --- |');
  for (const r of [...rules].sort((a, b) => a.meta.id.localeCompare(b.meta.id))) {
    const m = r.meta;
    out.push(`| [${m.id}](${m.id}.md) | ${cell(m.description.zh)} | ${cell(m.description.en)} | ${m.severity} | ${m.fixable ? 'yes' : 'no'} | ${cell(m.clause || '—')} |`);
  }
  out.push('');
  return out.join('\n');
}

/** Every generated file: path (relative to the repository root) → content. */
export function ruleDocFiles(rules: Rule[]): Map<string, string> {
  const files = new Map<string, string>();
  for (const r of rules) files.set(`${DOCS_DIR}/${r.meta.id}.md`, ruleDocPage(r));
  files.set(`${DOCS_DIR}/README.md`, rulesIndex(rules));
  return files;
}
