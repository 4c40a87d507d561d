// Editing `.reportlintrc.json` for the editor's "add to allow list": the smallest text edit that adds one entry to a
// rule's `allow` option, keeping the file's comments, order and formatting (jsonc-parser's modify). No file access.
import { applyEdits, modify, parse, type FormattingOptions, type ParseError } from 'jsonc-parser';
import type { Severity, SeveritySetting } from './types';

export class ConfigEditError extends Error {}

/** The config text with `value` added to `rules[ruleId][1].allow` (unchanged when it is there already). */
export function addToAllowList(text: string | undefined, ruleId: string, value: string, severity: Severity): string {
  let src = text ?? '';
  if (src.charCodeAt(0) === 0xfeff) src = src.slice(1);
  if (!src.trim()) src = '{}\n';
  const errors: ParseError[] = [];
  const root = parse(src, errors, { allowTrailingComma: true, disallowComments: false });
  if (errors.length) throw new ConfigEditError('not valid JSON');
  if (!root || typeof root !== 'object' || Array.isArray(root)) throw new ConfigEditError('does not hold a JSON object');
  const eol = src.includes('\r\n') ? '\r\n' : '\n';
  const indent = /^([ \t]+)"/m.exec(src)?.[1];
  const formattingOptions: FormattingOptions = { insertSpaces: !indent?.startsWith('\t'), tabSize: indent && !indent.startsWith('\t') ? indent.length : 2, eol };
  const rules = (root as { rules?: unknown }).rules;
  if (rules !== undefined && (rules === null || typeof rules !== 'object' || Array.isArray(rules))) throw new ConfigEditError('"rules" is not an object');
  const current = (rules as Record<string, unknown> | undefined)?.[ruleId];
  const options = Array.isArray(current) ? current[1] : undefined;
  let edits;
  if (options && typeof options === 'object' && !Array.isArray(options)) {
    const allow = (options as { allow?: unknown }).allow;
    if (Array.isArray(allow)) {
      if (allow.includes(value)) return src;
      edits = modify(src, ['rules', ruleId, 1, 'allow', allow.length], value, { isArrayInsertion: true, formattingOptions });
    } else edits = modify(src, ['rules', ruleId, 1, 'allow'], [value], { formattingOptions });
  } else {
    const configured = typeof current === 'string' ? current : Array.isArray(current) && typeof current[0] === 'string' ? current[0] : undefined;
    const sev = (configured ?? severity) as SeveritySetting;
    edits = modify(src, ['rules', ruleId], [sev, { allow: [value] }], { formattingOptions });
  }
  const out = applyEdits(src, edits);
  return out.endsWith('\n') ? out : out + eol;
}
