// The engine's public API (also bundled as dist/engine.js for scripts and other tools).
export { lint, lintSteps, LintMemo, fixText, applyEdits, selectFixes, looksBinary, messageText, MAX_FIX_PASSES } from './engine';
export type { LintOptions, LintResult, FixResult, InternalError } from './engine';
export { parseConfig, resolveConfig, mergeConfigs, emptyConfig, configSchema, ConfigError, CONFIG_FILENAME, DEFAULT_MAX_SIZE } from './config';
export type { ResolvedConfig, ConfigFile, RuleConfig } from './config';
export { buildDocument } from './model/document';
export type { ReportDocument, Heading, SectionContext, Sentence } from './model/document';
export { allRules } from './all-rules';
export type * from './types';
