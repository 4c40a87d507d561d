// `.reportlintrc.json`: parsing (JSON with comments), a JSON schema generated from the rule metadata,
// validation with messages that name the file and the bad key. No file-system access here.
import { parse as parseJsonc, printParseErrorCode, visit, type ParseError } from 'jsonc-parser';
import Ajv, { type ErrorObject } from 'ajv';
import type { GlobalSettings, Rule, SeveritySetting } from './types';

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
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(`${file}: ${problems.join('; ')}`);
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

function describe(e: ErrorObject): string | undefined {
  const path = e.instancePath.replace(/^\//, '').split('/').filter(Boolean).join('.');
  const where = path || '(top level)';
  switch (e.keyword) {
    case 'additionalProperties': {
      const key = (e.params as { additionalProperty: string }).additionalProperty;
      return `unknown key "${path ? path + '.' : ''}${key}"`;
    }
    case 'enum':
      return `"${where}" must be one of ${(e.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'oneOf':
      return undefined; // the branch errors say more
    default:
      return `"${where}" ${e.message}`;
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
    throw new ConfigError(file, [`invalid JSON at line ${line}: ${printParseErrorCode(e.error)}`]);
  }
  if (raw === undefined || raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new ConfigError(file, ['the file must hold a JSON object']);
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
function forbiddenKeys(text: string): string[] {
  const problems: string[] = [];
  visit(
    text,
    {
      onObjectProperty(property, _offset, _length, startLine, _startCharacter, pathSupplier) {
        if (!FORBIDDEN_KEYS.has(property)) return;
        const where = [...pathSupplier(), property].join('.');
        problems.push(`key "${where}" (line ${startLine + 1}) is not allowed: "${property}" is never a setting; remove it`);
      },
    },
    { allowTrailingComma: true, disallowComments: false },
  );
  return problems.slice(0, 5);
}

function validated(raw: object, file: string, rules: Rule[]): ResolvedConfig {
  const validate = validatorFor(rules);
  if (!validate(raw)) {
    const problems = [...new Set((validate.errors ?? []).map(describe).filter((s): s is string => !!s))];
    // An unknown rule id is the most useful thing to say first.
    problems.sort((a, b) => Number(b.startsWith('unknown')) - Number(a.startsWith('unknown')));
    throw new ConfigError(file, problems.length ? problems.slice(0, 5) : ['invalid configuration']);
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
