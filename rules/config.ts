// `.reportlintrc.json`: parsing (JSON with comments), a JSON schema generated from the rule metadata,
// validation with messages that name the file and the bad key. No file-system access here.
import { parse as parseJsonc, printParseErrorCode, visit, type ParseError } from 'jsonc-parser';
import Ajv, { type ErrorObject } from 'ajv';
import type { GlobalSettings, Msg, Rule, SeveritySetting } from './types';
import { didYouMean } from './lib/did-you-mean';

export const CONFIG_FILENAME = '.reportlintrc.json';
export const SEVERITIES: SeveritySetting[] = ['off', 'info', 'warning', 'error'];

export type RuleSetting = SeveritySetting | [SeveritySetting] | [SeveritySetting, Record<string, unknown>];

/** What a `.reportlintrc.json` may hold. */
export interface ConfigFile {
  $schema?: string;
  /** The report year (summary year of a work report, the year of a government report); overrides the inferred one. */
  year?: number;
  /** Documents longer than this many characters (UTF-16 code units of the decoded text) are skipped. */
  maxSize?: number;
  rules?: Record<string, RuleSetting>;
}

export interface RuleConfig {
  severity?: SeveritySetting;
  options?: Record<string, unknown>;
}

export interface ResolvedConfig {
  rules: Record<string, RuleConfig>;
  settings: GlobalSettings;
}

export const DEFAULT_MAX_SIZE = 5 * 1024 * 1024;

export function emptyConfig(): ResolvedConfig {
  return { rules: {}, settings: {} };
}

export class ConfigError extends Error {
  /** The problems in English (the error's message). */
  readonly problems: string[];
  /** The problems in both languages (a plain string is the same in both). */
  readonly messages: Msg[];
  constructor(
    readonly file: string,
    problems: (string | Msg)[],
  ) {
    const messages = problems.map((p) => (typeof p === 'string' ? { zh: p, en: p } : p));
    super(`${file}: ${messages.map((m) => m.en).join('; ')}`);
    this.problems = messages.map((m) => m.en);
    this.messages = messages;
    this.name = 'ConfigError';
  }
}

export function configSchema(rules: Rule[]): Record<string, unknown> {
  const ruleProps: Record<string, unknown> = {};
  for (const r of rules) {
    const sev = { enum: SEVERITIES, description: `${r.meta.description.en} (${r.meta.description.zh}). Default: ${r.meta.severity}.` };
    ruleProps[r.meta.id] = {
      description: sev.description,
      oneOf: [
        sev,
        {
          type: 'array',
          minItems: 1,
          maxItems: 2,
          items: [sev, r.meta.optionsSchema ?? { type: 'object', additionalProperties: false, properties: {} }],
          additionalItems: false,
        },
      ],
    };
  }
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'report-lint configuration (.reportlintrc.json)',
    type: 'object',
    additionalProperties: false,
    properties: {
      $schema: { type: 'string' },
      year: {
        type: 'integer',
        minimum: 1900,
        maximum: 2199,
        description: 'The report year: the summary year of a work report, the year of a government report. Overrides the year read from the title.',
      },
      maxSize: {
        type: 'integer',
        minimum: 1,
        description: 'Documents longer than this many characters (UTF-16 code units of the decoded text, whatever the file encoding) are skipped, in the editor and the CLI alike (default 5,242,880).',
      },
      rules: { type: 'object', additionalProperties: false, properties: ruleProps, description: 'Per-rule severity: "off" | "info" | "warning" | "error", or [severity, options].' },
    },
  };
}

const validators = new WeakMap<Rule[], ReturnType<Ajv['compile']>>();

function validatorFor(rules: Rule[]) {
  let v = validators.get(rules);
  if (!v) {
    const schema = JSON.parse(JSON.stringify(configSchema(rules)));
    const ajv = new Ajv({ allErrors: true, strict: false });
    v = ajv.compile(schema);
    validators.set(rules, v);
  }
  return v;
}

/** The value at an Ajv instance path (`/rules/heading-marker`). */
function valueAt(raw: unknown, instancePath: string): unknown {
  let v = raw;
  for (const k of instancePath.split('/').filter(Boolean)) {
    const key = k.replace(/~1/g, '/').replace(/~0/g, '~');
    v = v !== null && typeof v === 'object' && Object.prototype.hasOwnProperty.call(v, key) ? (v as Record<string, unknown>)[key] : undefined;
  }
  return v;
}

/** The keys a schema object allows at an instance path (for "did you mean"). */
function knownKeys(schema: Record<string, unknown>, instancePath: string): string[] {
  let s: Record<string, unknown> | undefined = schema;
  for (const k of instancePath.split('/').filter(Boolean)) s = (s?.properties as Record<string, Record<string, unknown>> | undefined)?.[k];
  return Object.keys((s?.properties as Record<string, unknown>) ?? {});
}

function describe(e: ErrorObject, raw: unknown, schema: Record<string, unknown>): Msg | undefined {
  const path = e.instancePath.replace(/^\//, '').split('/').filter(Boolean).join('.');
  const where = path || '(top level)';
  switch (e.keyword) {
    case 'additionalProperties': {
      const key = (e.params as { additionalProperty: string }).additionalProperty;
      const full = `${path ? path + '.' : ''}${key}`;
      const near = didYouMean(key, knownKeys(schema, e.instancePath));
      const what = path === 'rules' ? { zh: '没有规则', en: 'there is no rule' } : { zh: '未知的键', en: 'unknown key' };
      return {
        zh: `${what.zh}“${full}”${near ? `，是不是“${path ? path + '.' : ''}${near}”？` : ''}`,
        en: `unknown key "${full}"${path === 'rules' ? ' (there is no such rule)' : ''}${near ? `: did you mean "${path ? path + '.' : ''}${near}"?` : ''}`,
      };
    }
    case 'enum': {
      const allowed = (e.params as { allowedValues: unknown[] }).allowedValues;
      const value = valueAt(raw, e.instancePath);
      const near = typeof value === 'string' ? didYouMean(value, allowed.map(String)) : undefined;
      const list = allowed.map((v) => JSON.stringify(v)).join(', ');
      return {
        zh: `“${where}”的值${JSON.stringify(value)}无效，应为 ${list} 之一${near ? `，是不是 "${near}"？` : ''}`,
        en: `"${where}" must be one of ${list}${value !== undefined ? ` (not ${JSON.stringify(value)})` : ''}${near ? `: did you mean "${near}"?` : ''}`,
      };
    }
    case 'oneOf':
      return undefined; // the branch errors say more
    default:
      return { zh: `“${where}”：${e.message}`, en: `"${where}" ${e.message}` };
  }
}

/** Parses and validates a config file's text. Throws ConfigError naming the file and the bad key. */
export function parseConfig(text: string, file: string, rules: Rule[]): ResolvedConfig {
  const errors: ParseError[] = [];
  const raw = parseJsonc(text, errors, { allowTrailingComma: true, disallowComments: false });
  if (errors.length) {
    const e = errors[0];
    const before = text.slice(0, e.offset);
    const line = before.split(/\r\n|\r|\n/).length;
    throw new ConfigError(file, [{ zh: `第 ${line} 行的 JSON 无效：${printParseErrorCode(e.error)}`, en: `invalid JSON at line ${line}: ${printParseErrorCode(e.error)}` }]);
  }
  if (raw === undefined || raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new ConfigError(file, [{ zh: '文件内容应为一个 JSON 对象', en: 'the file must hold a JSON object' }]);
  }
  const forbidden = forbiddenKeys(text);
  if (forbidden.length) throw new ConfigError(file, forbidden);
  return validated(raw, file, rules);
}

/**
 * Keys that name JavaScript object machinery (`__proto__`, `constructor`, `prototype`): a parser that builds
 * objects by assignment turns `"__proto__": {…}` into the object's prototype, invisible to the schema and
 * inherited by every lookup. No setting has such a name; the file is refused.
 */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
function forbiddenKeys(text: string): Msg[] {
  const problems: Msg[] = [];
  visit(
    text,
    {
      onObjectProperty(property, _offset, _length, startLine, _startCharacter, pathSupplier) {
        if (!FORBIDDEN_KEYS.has(property)) return;
        const where = [...pathSupplier(), property].join('.');
        problems.push({
          zh: `不允许的键 "${where}"（第 ${startLine + 1} 行）："${property}" 不是任何设置，请删除`,
          en: `key "${where}" (line ${startLine + 1}) is not allowed: "${property}" is never a setting; remove it`,
        });
      },
    },
    { allowTrailingComma: true, disallowComments: false },
  );
  return problems.slice(0, 5);
}

function validated(raw: object, file: string, rules: Rule[]): ResolvedConfig {
  const validate = validatorFor(rules);
  if (!validate(raw)) {
    const errors = validate.errors ?? [];
    // A rule's setting is a severity or an array: with a bad severity, "must be array" from the other branch is noise.
    const enumAt = new Set(errors.filter((e) => e.keyword === 'enum').map((e) => e.instancePath));
    const schema = configSchema(rules);
    const seen = new Set<string>();
    const problems: Msg[] = [];
    for (const e of errors) {
      if (e.keyword === 'type' && enumAt.has(e.instancePath)) continue;
      const m = describe(e, raw, schema);
      if (m && !seen.has(m.en)) {
        seen.add(m.en);
        problems.push(m);
      }
    }
    // An unknown rule id is the most useful thing to say first.
    problems.sort((a, b) => Number(b.en.startsWith('unknown')) - Number(a.en.startsWith('unknown')));
    throw new ConfigError(file, problems.length ? problems.slice(0, 5) : [{ zh: '配置无效', en: 'invalid configuration' }]);
  }
  return resolveConfig(raw as ConfigFile);
}

export function resolveConfig(file: ConfigFile): ResolvedConfig {
  const rules: Record<string, RuleConfig> = {};
  for (const [id, setting] of Object.entries(file.rules ?? {})) {
    if (typeof setting === 'string') rules[id] = { severity: setting };
    else rules[id] = { severity: setting[0], options: setting[1] };
  }
  const settings: GlobalSettings = {};
  // own keys only: an inherited value never takes effect
  if (Object.hasOwn(file, 'year') && file.year !== undefined) settings.year = file.year;
  if (Object.hasOwn(file, 'maxSize') && file.maxSize !== undefined) settings.maxSize = file.maxSize;
  return { rules, settings };
}

/** Later configs override earlier ones (defaults < file < editor settings < command line). */
export function mergeConfigs(...configs: (ResolvedConfig | undefined)[]): ResolvedConfig {
  const out = emptyConfig();
  for (const c of configs) {
    if (!c) continue;
    for (const [id, rc] of Object.entries(c.rules)) {
      const prev = out.rules[id] ?? {};
      out.rules[id] = {
        severity: rc.severity ?? prev.severity,
        options: rc.options ? { ...(prev.options ?? {}), ...rc.options } : prev.options,
      };
    }
    Object.assign(out.settings, c.settings);
  }
  return out;
}
