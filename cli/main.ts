// report-lint: the command line. Files in, formatted findings and exit codes out; every decision about what
// is wrong lives in rules/. Exit codes: 0 no error finding, 1 error findings or --max-warnings exceeded,
// 2 the tool failed (bad arguments, bad config, missing or unreadable file, nothing matched).
import { parseArgs } from 'node:util';
import { availableParallelism } from 'node:os';
import { closeSync, existsSync, lstatSync, openSync, readFileSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { dirname, extname, join, relative, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { setFlagsFromString } from 'node:v8';
import { ConfigError, DEFAULT_MAX_SIZE, SEVERITIES, emptyConfig, mergeConfigs, type ResolvedConfig } from '../rules/config';
import type { Lang, Msg, SeveritySetting } from '../rules/types';
import { allRules } from '../rules/all-rules';
import { findConfigFile, loadConfigFile } from '../node/config-files';
import { configuredDocsBase, VERSION } from '../node/project';
import { collectFiles, DEFAULT_EXTENSIONS, gitRoot, inShard, parseShard, UsageError } from './collect';
import { FORMATS, sanitize, formatGithub, formatJson, formatJunit, formatSarif, formatStylish, type Format, type FormatContext } from './formats';
import { lintJob, sha1, type FileReport, type Job, type JsonSink, type Mode } from './lint-file';
import { ChunkWriter } from './chunk-writer';
import { LintCache } from './cache';
import { describeOpenError, readRegularFile, readRegularHead } from '../node/safe-fs';
import { cliLang, helpText, pick, plural, reasonText } from './messages';
import { didYouMean } from '../rules/lib/did-you-mean';
import { ENCODING_NAMES, type ExplicitEncoding } from '../node/encoding';
import { maxBytesFor } from '../node/files';

// A run lasts a second or two, and V8 spent about as much CPU compiling the engine (on background threads that share
// the cores with the linting) as the linting itself: less inlining makes smaller optimized code, compiled sooner.
// Measured on the bench's 1,000 reports (2 CPUs): wall time −7 %, CPU −12 %, the main thread's own time unchanged;
// the engine bench in-process was faster too. Process-wide, before anything is optimized; the worker threads share it.
setFlagsFromString('--max-inlined-bytecode-size-cumulative=300');

class Failure extends Error {
  readonly text: Msg;
  constructor(text: Msg) {
    super(text.en);
    this.text = text;
  }
}

const maybe = (near: string | undefined, zh: (n: string) => string, en: (n: string) => string) => (near ? { zh: zh(near), en: en(near) } : { zh: '', en: '' });

const isSeverity = (s: string): s is SeveritySetting => (SEVERITIES as string[]).includes(s);

function parseRuleOverrides(values: string[]): ResolvedConfig {
  const known = new Set(allRules.map((r) => r.meta.id));
  const out = emptyConfig();
  for (const v of values) {
    const i = v.lastIndexOf(':');
    const id = i > 0 ? v.slice(0, i).trim() : '';
    const sev = i > 0 ? v.slice(i + 1).trim() : '';
    if (!id || !isSeverity(sev)) {
      const near = maybe(id && sev ? didYouMean(sev, SEVERITIES) : undefined, (n) => `是不是 --rule ${id}:${n}？`, (n) => ` Did you mean --rule ${id}:${n}?`);
      throw new UsageError({
        zh: `--rule "${v}" 无效：应写作 --rule 规则:级别，级别为 ${SEVERITIES.join('、')} 之一。${near.zh}`,
        en: `--rule "${v}" is not valid: use --rule RULE-ID:SEVERITY with SEVERITY one of ${SEVERITIES.join(', ')}.${near.en}`,
      });
    }
    if (!known.has(id)) {
      const near = maybe(didYouMean(id, [...known]), (n) => `是不是“${n}”？`, (n) => ` Did you mean "${n}"?`);
      throw new UsageError({
        zh: `--rule "${v}"：没有规则“${id}”。${near.zh}已有的规则：${[...known].sort().join(', ')}`,
        en: `--rule "${v}": there is no rule "${id}".${near.en} Known rules: ${[...known].sort().join(', ')}`,
      });
    }
    out.rules[id] = { severity: sev };
  }
  return out;
}

interface ConfigResolver {
  /** The config for a file and the config file it comes from. Throws ConfigError. */
  forFile(abs: string): { config: ResolvedConfig; file?: string };
}

function configResolver(opts: { explicit?: string; lookup: boolean; overrides: ResolvedConfig; lang: Lang }): ConfigResolver {
  const loaded = new Map<string, ResolvedConfig>();
  const dirs = new Map<string, string | undefined>();
  const load = (file: string) => {
    let c = loaded.get(file);
    if (!c) {
      c = loadConfigFile(file, allRules, opts.lang);
      loaded.set(file, c);
    }
    return c;
  };
  const explicitConfig = opts.explicit ? load(resolve(opts.explicit)) : undefined;
  return {
    forFile(abs) {
      let file: string | undefined;
      if (opts.explicit) file = resolve(opts.explicit);
      else if (opts.lookup) {
        const dir = dirname(abs);
        if (!dirs.has(dir)) dirs.set(dir, findConfigFile(dir));
        file = dirs.get(dir);
      }
      const base = explicitConfig ?? (file ? load(file) : undefined);
      return { config: mergeConfigs(base, opts.overrides), file };
    },
  };
}

/** The configuration as it applies: every rule with its effective severity and options. */
function printableConfig(config: ResolvedConfig, file: string | undefined): unknown {
  const rules: Record<string, unknown> = {};
  for (const r of [...allRules].sort((a, b) => a.meta.id.localeCompare(b.meta.id))) {
    const rc = config.rules[r.meta.id];
    const options = { ...(r.meta.defaultOptions ?? {}), ...(rc?.options ?? {}) };
    rules[r.meta.id] = Object.keys(options).length ? [rc?.severity ?? r.meta.severity, options] : rc?.severity ?? r.meta.severity;
  }
  return { configFile: file ?? null, year: config.settings.year ?? null, maxSize: config.settings.maxSize ?? DEFAULT_MAX_SIZE, rules };
}

function readStdin(): Promise<Buffer> {
  return new Promise((res, rej) => {
    const chunks: Buffer[] = [];
    process.stdin.on('data', (c: Buffer) => chunks.push(c));
    process.stdin.on('end', () => res(Buffer.concat(chunks)));
    process.stdin.on('error', rej);
  });
}

function progress(total: number): { tick(): void; done(): void } {
  const on = process.stderr.isTTY && !process.env.CI && total >= 20;
  let n = 0;
  let last = 0;
  const draw = () => {
    const w = 30;
    const filled = Math.round((n / total) * w);
    process.stderr.write(`\r[${'#'.repeat(filled)}${'.'.repeat(w - filled)}] ${n}/${total}`);
  };
  return {
    tick() {
      n++;
      if (!on) return;
      const now = Date.now();
      if (now - last > 80 || n === total) {
        last = now;
        draw();
      }
    },
    done() {
      if (on) process.stderr.write('\r' + ' '.repeat(50) + '\r');
    },
  };
}

/** Files per thread, by default: below this a worker thread costs more than it saves. */
const FILES_PER_THREAD = 1500;

const debug = (process.env.REPORT_LINT_DEBUG ?? '').split(',');
const debugCache = debug.includes('cache') || debug.includes('*');
const debugThreads = debug.includes('threads') || debug.includes('*');

/**
 * Lints jobs on `threads` threads: threads − 1 workers plus the main thread, all taking jobs from one queue
 * (the main thread has its code loaded and warm already; a worker costs a bundle load and a JIT warm-up).
 * Results come back in job order.
 */
async function runInWorkers(jobs: Job[], threads: number, tick: () => void): Promise<FileReport[]> {
  const workerFile = join(__dirname, 'worker.js');
  const results: FileReport[] = new Array(jobs.length);
  let next = 0;
  let doneCount = 0;
  const workers: Worker[] = [];
  let failure: Error | undefined;
  let resolveAll!: () => void;
  const allDone = new Promise<void>((res) => (resolveAll = res));
  const completed = () => {
    tick();
    if (++doneCount === jobs.length) resolveAll();
  };
  const fail = (e: Error) => {
    failure ??= e;
    resolveAll();
  };
  const perThread = new Array<number>(threads).fill(0);
  const feed = (w: Worker) => {
    if (next < jobs.length && !failure) {
      const id = next++;
      w.postMessage({ id, job: jobs[id] });
    }
  };
  for (let t = 0; t < threads - 1; t++) {
    const w = new Worker(workerFile);
    workers.push(w);
    w.on('message', (m: { id: number; report?: FileReport; failure?: string }) => {
      if (m.failure) return fail(new Error(`linting ${jobs[m.id].display} failed: ${m.failure}`));
      results[m.id] = m.report!;
      perThread[t + 1]++;
      feed(w);
      completed();
    });
    w.on('error', fail);
    // two jobs in flight per worker so that none waits for its next message
    feed(w);
    feed(w);
  }
  // The main thread's share; it yields after each file so that worker messages are handled.
  while (next < jobs.length && !failure) {
    const id = next++;
    results[id] = await lintJob(jobs[id]);
    perThread[0]++;
    completed();
    await new Promise<void>((r) => setImmediate(r));
  }
  await allDone;
  await Promise.all(workers.map((w) => w.terminate()));
  if (failure) throw failure;
  if (debugThreads) perThread.forEach((n, i) => process.stderr.write(`report-lint: thread ${i} linted ${n} files\n`));
  return results;
}

/** The long option names, for "did you mean" (kept in step with parseArgs' options below). */
const OPTION_NAMES = ['help', 'version', 'format', 'output', 'ext', 'config', 'no-config-lookup', 'rule', 'no-inline-config', 'no-ignore', 'print-config', 'stdin', 'stdin-filename', 'fix', 'fix-dry-run', 'review', 'track-changes', 'quiet', 'max-warnings', 'lang', 'cache', 'cache-location', 'shard', 'concurrency', 'encoding'];

/** A parseArgs error in words, with the nearest option for an unknown one. */
function argsError(e: Error & { code?: string }): Msg {
  const first = e.message.split('\n')[0];
  const unknown = /^Unknown option '(-{1,2})([^'=]+)/.exec(first);
  if (unknown) {
    const opt = unknown[1] + unknown[2];
    const near = unknown[1] === '--' ? didYouMean(unknown[2], OPTION_NAMES) : undefined;
    return {
      zh: `未知选项 ${opt}。${near ? `是不是 --${near}？` : ''}运行 report-lint --help 查看全部选项。`,
      en: `unknown option ${opt}.${near ? ` Did you mean --${near}?` : ''} Run report-lint --help for the options.`,
    };
  }
  const missing = /^Option '(.+?)' argument missing/.exec(first);
  if (missing) return { zh: `选项 ${missing[1]} 缺少取值。运行 report-lint --help 查看用法。`, en: `option ${missing[1]} needs a value. Run report-lint --help for the options.` };
  return { zh: `命令行参数有误：${first}。运行 report-lint --help 查看全部选项。`, en: `${first}. Run report-lint --help for the options.` };
}

export async function main(argv: string[]): Promise<number> {
  const ui = cliLang(argv);
  let values;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
        format: { type: 'string', short: 'f' },
        output: { type: 'string', short: 'o' },
        ext: { type: 'string', multiple: true },
        config: { type: 'string', short: 'c' },
        'no-config-lookup': { type: 'boolean' },
        rule: { type: 'string', multiple: true },
        'no-inline-config': { type: 'boolean' },
        'no-ignore': { type: 'boolean' },
        'print-config': { type: 'string' },
        stdin: { type: 'boolean' },
        'stdin-filename': { type: 'string' },
        fix: { type: 'boolean' },
        'fix-dry-run': { type: 'boolean' },
        review: { type: 'boolean' },
        'track-changes': { type: 'boolean' },
        quiet: { type: 'boolean' },
        'max-warnings': { type: 'string' },
        lang: { type: 'string' },
        cache: { type: 'boolean' },
        'cache-location': { type: 'string' },
        shard: { type: 'string' },
        concurrency: { type: 'string' },
        encoding: { type: 'string' },
      },
    }));
  } catch (e) {
    throw new UsageError(argsError(e as Error));
  }
  if (values.help) {
    process.stdout.write(helpText(ui));
    return 0;
  }
  if (values.version) {
    process.stdout.write(`${VERSION}\n`);
    return 0;
  }
  const cwd = process.cwd();
  const format = (values.format ?? 'stylish') as Format;
  if (!FORMATS.includes(format)) {
    const near = maybe(didYouMean(values.format ?? '', FORMATS), (n) => `是不是 ${n}？`, (n) => ` Did you mean ${n}?`);
    throw new UsageError({ zh: `未知的输出格式 --format "${values.format}"，应为 ${FORMATS.join('、')} 之一。${near.zh}`, en: `--format "${values.format}" is not known: use one of ${FORMATS.join(', ')}.${near.en}` });
  }
  const lang = (values.lang ?? process.env.REPORT_LINT_LANG ?? 'zh') as Lang;
  if (lang !== 'zh' && lang !== 'en') {
    const src = values.lang !== undefined ? `--lang "${values.lang}"` : `REPORT_LINT_LANG="${process.env.REPORT_LINT_LANG}"`;
    throw new UsageError({ zh: `${src} 无效：应为 zh 或 en`, en: `${src} is not known: use zh or en` });
  }
  let maxWarnings: number | undefined;
  if (values['max-warnings'] !== undefined) {
    maxWarnings = Number(values['max-warnings']);
    if (!/^\d+$/.test(values['max-warnings'])) throw new UsageError({ zh: `--max-warnings "${values['max-warnings']}" 应为不小于 0 的整数`, en: `--max-warnings "${values['max-warnings']}" is not a whole number ≥ 0` });
  }
  let concurrency: number | undefined;
  if (values.concurrency !== undefined) {
    if (!/^\d+$/.test(values.concurrency) || Number(values.concurrency) < 1) throw new UsageError({ zh: `--concurrency "${values.concurrency}" 应为不小于 1 的整数`, en: `--concurrency "${values.concurrency}" is not a whole number ≥ 1` });
    concurrency = Number(values.concurrency);
  }
  if (values.fix && values['fix-dry-run']) throw new UsageError({ zh: '--fix 和 --fix-dry-run 只能用一个', en: 'use either --fix or --fix-dry-run, not both' });
  if (values.stdin && values.fix) throw new UsageError({ zh: '--fix 不能写回标准输入：用 --fix-dry-run 查看将做的修改', en: '--fix cannot write back to standard input: use --fix-dry-run to see the changes it would make' });
  if (values.stdin && positionals.length) throw new UsageError({ zh: '--stdin 从标准输入读取一份报告：不要同时写出文件名', en: '--stdin reads one report from standard input: do not name files as well' });
  if (values.review && (values.fix || values['fix-dry-run'])) throw new UsageError({ zh: '--review 为每个 .docx 写出审阅副本：不要与 --fix/--fix-dry-run 同用', en: '--review writes a reviewed copy of each .docx: use it without --fix/--fix-dry-run' });
  if (values.review && values.stdin) throw new UsageError({ zh: '--review 把审阅副本写在 .docx 旁边：请写出文件名，不要用 --stdin', en: '--review writes the reviewed copy beside the .docx: name the file, not --stdin' });
  if (values['track-changes'] && !values.review) throw new UsageError({ zh: '--track-changes 只能与 --review 一起用', en: '--track-changes only makes sense with --review' });
  if (values['stdin-filename'] && !values.stdin) throw new UsageError({ zh: '--stdin-filename 只能与 --stdin 一起用', en: '--stdin-filename only makes sense with --stdin' });
  const extensions = [...DEFAULT_EXTENSIONS];
  for (const list of values.ext ?? []) {
    for (const e of list.split(',').map((s) => s.trim().replace(/^\./, '')).filter(Boolean)) {
      if (!/^[A-Za-z0-9_-]+$/.test(e)) throw new UsageError({ zh: `--ext "${e}" 不是文件扩展名`, en: `--ext "${e}" is not a file extension` });
      if (!extensions.includes(e.toLowerCase())) extensions.push(e.toLowerCase());
    }
  }
  // --review is about .docx files: directories are searched for them too
  if (values.review && !extensions.includes('docx')) extensions.push('docx');
  let encoding: ExplicitEncoding | undefined;
  if (values.encoding !== undefined) {
    encoding = ENCODING_NAMES[values.encoding.toLowerCase()];
    if (!encoding) throw new UsageError({
      zh: `不认识的编码 --encoding "${values.encoding}"：请用 utf8、utf16le、utf16be、gb18030（gbk）之一`,
      en: `--encoding "${values.encoding}" is not known: use one of utf8, utf16le, utf16be, gb18030 (gbk)`,
    });
  }
  const shard = values.shard !== undefined ? parseShard(values.shard) : undefined;
  const mode: Mode = values.fix ? 'fix' : values['fix-dry-run'] ? 'fix-dry-run' : 'lint';

  const overrides = parseRuleOverrides(values.rule ?? []);
  const configs = configResolver({ explicit: values.config, lookup: !values['no-config-lookup'], overrides, lang });

  if (values['print-config'] !== undefined) {
    const abs = resolve(cwd, values['print-config']);
    const { config, file } = configs.forFile(abs);
    process.stdout.write(JSON.stringify(printableConfig(config, file), null, 2) + '\n');
    return 0;
  }

  const toFile = values.output !== undefined;
  const colorWanted = process.env.FORCE_COLOR ? process.env.FORCE_COLOR !== '0' : !process.env.NO_COLOR && !toFile && process.stdout.isTTY === true;
  const color = format === 'stylish' && colorWanted && mode !== 'fix-dry-run';

  // ---- the jobs ----
  const useCache = !!values.cache && mode === 'lint' && !values.review;
  const base = {
    lang,
    inlineConfig: !values['no-inline-config'],
    mode,
    hash: useCache,
    ...(values.review ? { review: { trackChanges: !!values['track-changes'], quiet: !!values.quiet } } : {}),
    encoding,
    // The cache stores diagnostics; otherwise a json report is rendered where each file is linted.
    ...(format === 'json' && !useCache ? { renderJson: { quiet: !!values.quiet } } : {}),
    // stylish likewise: each file's lines are made where it is linted, and only they are kept
    ...(format === 'stylish' && !useCache ? { renderStylish: { quiet: !!values.quiet, color } } : {}),
    ...(format === 'sarif' && !useCache ? { renderSarif: { quiet: !!values.quiet, root: gitRoot(cwd) ?? cwd } } : {}),
  };
  const jobs: Job[] = [];
  const absOf = new Map<string, string>();
  if (values.stdin) {
    const display = values['stdin-filename'] ?? '<stdin>';
    const abs = resolve(cwd, values['stdin-filename'] ?? 'stdin.txt');
    const { config } = configs.forFile(abs);
    absOf.set(display, abs);
    jobs.push({ ...base, display, config, maxSize: config.settings.maxSize ?? DEFAULT_MAX_SIZE, stdin: await readStdin() });
  } else {
    if (positionals.length === 0) {
      throw new UsageError({
        zh: '没有给出文件。用法：report-lint 文件|目录|通配符...（或 --stdin）；详见 report-lint --help',
        en: 'no files given. Usage: report-lint FILE|DIR|GLOB... (or --stdin); see report-lint --help',
      });
    }
    const collected = collectFiles(positionals, { cwd, extensions, useIgnoreFiles: !values['no-ignore'], lang });
    for (const note of collected.notes) process.stderr.write(lang === 'en' ? `report-lint: warning: ${note}\n` : `report-lint: 警告：${note}\n`);
    let files = collected.files;
    if (files.length === 0) {
      throw new UsageError({
        zh: `没有匹配的文件：${collected.empty.map((e) => `"${e}"`).join('、')}（扩展名：${extensions.join('、')}）。请检查路径，用 --ext 增加扩展名，或检查 .gitignore/.reportlintignore。`,
        en: `no files matched ${collected.empty.map((e) => `"${e}"`).join(', ')} (extensions: ${extensions.join(', ')}). Check the paths, add extensions with --ext, or check .gitignore/.reportlintignore.`,
      });
    }
    if (shard) {
      const root = gitRoot(cwd) ?? cwd;
      files = files.filter((f) => inShard(resolveRel(root, f.abs), shard));
    }
    for (const f of files) {
      const { config } = configs.forFile(f.abs);
      absOf.set(f.display, f.abs);
      jobs.push({ ...base, path: f.abs, display: f.display, config, maxSize: config.settings.maxSize ?? DEFAULT_MAX_SIZE, ...(f.skip !== undefined ? { skip: f.skip } : {}) });
    }
    if (values.output !== undefined) refuseOutputThatIsAnInput(resolve(cwd, values.output), values.output, collected.files, lang);
  }

  // ---- lint ----
  const cacheLocation = resolve(cwd, values['cache-location'] ?? '.reportlint-cache');
  if (useCache) refuseForeignCache(cacheLocation, values['cache-location'] ?? '.reportlint-cache', lang);
  const cache = useCache ? new LintCache(cacheLocation) : undefined;
  const reports: (FileReport | undefined)[] = new Array(jobs.length);
  const todo: number[] = [];
  const keys: string[] = [];
  if (cache) {
    let build = VERSION;
    try {
      build += sha1(readFileSync(__filename));
    } catch {
      /* not bundled: the version alone */
    }
    jobs.forEach((job, i) => {
      keys[i] = sha1(JSON.stringify([build, job.config, job.lang, job.inlineConfig, extname(job.display).toLowerCase(), job.encoding ?? null]));
      let hit: FileReport | undefined;
      try {
        // bounded, regular files only (a link to /dev/zero is not hashed forever): anything else is linted, and skipped there
        const read = job.path && job.skip === undefined ? readRegularFile(job.path, maxBytesFor(job.maxSize), lang) : undefined;
        hit = read && 'bytes' in read ? cache.get(job.path!, sha1(read.bytes), keys[i]) : undefined;
      } catch {
        hit = undefined;
      }
      if (hit) {
        reports[i] = { ...hit, file: job.display };
        if (debugCache) process.stderr.write(`report-lint: cached ${sanitize(job.display)}\n`);
      } else todo.push(i);
    });
  } else jobs.forEach((_, i) => todo.push(i));

  const bar = progress(todo.length);
  // A worker costs a bundle load and a JIT warm-up (about 0.5 s of CPU before it lints at full speed), and it
  // shares the cores the main thread's compiler and garbage collector run on: measured on 2 CPUs, 1,000 files
  // took longer on two threads than on one, 4,000 files 12% less.
  // --concurrency is an upper bound too: never more threads than CPUs (more only share the cores and each costs
  // a warm-up and its own heap: 64 threads on 64 small files took 800 MB and ten times longer) or than files.
  const threads = concurrency !== undefined
    ? Math.max(1, Math.min(concurrency, availableParallelism(), todo.length))
    : Math.max(1, Math.min(availableParallelism(), 8, Math.floor(todo.length / FILES_PER_THREAD)));
  if (debugThreads) process.stderr.write(`report-lint: ${threads} thread${threads === 1 ? '' : 's'} for ${todo.length} files (--concurrency ${concurrency ?? 'default'}, ${availableParallelism()} CPUs)\n`);
  const useWorkers = threads > 1 && todo.length > 1 && existsSync(join(__dirname, 'worker.js'));
  let results: FileReport[];
  let sink: JsonSink | undefined;
  if (useWorkers) {
    results = await runInWorkers(
      todo.map((i) => jobs[i]),
      Math.min(threads, todo.length),
      () => bar.tick(),
    );
  } else {
    // One thread, the json format: the entries go straight into the output, in order (see JsonSink); to standard
    // output they are written as they come (a run that fails half-way exits 2, its output cut short).
    if (base.renderJson) {
      const streamed = mode !== 'fix-dry-run' && values.output === undefined;
      sink = { writer: streamed ? new ChunkWriter(0, writeStdout) : new ChunkWriter(Math.min(todo.length * 32 * 1024, 64 << 20)), entries: 0 };
      sink.writer.ascii('[');
    }
    results = [];
    for (const i of todo) {
      results.push(await lintJob(jobs[i], sink));
      bar.tick();
    }
  }
  bar.done();
  todo.forEach((i, k) => {
    const r = results[k];
    reports[i] = r;
    if (debugCache) process.stderr.write(`report-lint: linted ${sanitize(r.file)}\n`);
    if (cache && r.hash && !r.error && jobs[i].path) cache.set(jobs[i].path!, r.hash, keys[i], r);
  });
  if (cache) {
    try {
      cache.save();
    } catch (e) {
      const m = (e as Error).message;
      process.stderr.write(ui === 'zh' ? `report-lint: 警告：无法写入缓存 ${cache.location}：${m}\n` : `report-lint: warning: cannot write the cache ${cache.location}: ${m}\n`);
    }
  }

  // ---- report ----
  let failed = false;
  const all = reports as FileReport[];
  for (const r of all) {
    if (r.error) {
      failed = true;
      // the error says what happened and the advice for that cause (node/safe-fs.ts fsErrorText)
      process.stderr.write(`report-lint: ${sanitize(reasonText(r.error, ui))}\n`);
    }
    if (r.writeError) {
      // not written; its findings (of the text as read) are reported with the others
      failed = true;
      process.stderr.write(`report-lint: ${sanitize(r.writeError)}\n`);
    }
    for (const ie of r.internalErrors ?? []) {
      process.stderr.write(ui === 'zh' ? `report-lint: 检查 ${sanitize(r.file)} 时出现内部错误：${sanitize(ie)}。请报告此问题；其他规则的结果照常显示。\n` : `report-lint: internal error in ${sanitize(r.file)}: ${sanitize(ie)}. Please report it; the other rules' findings are shown.\n`);
    }
    if (r.fixRefused) process.stderr.write(`report-lint: ${sanitize(reasonText(r.fixRefused, ui))}\n`);
    // a second --fix may be needed: said on stderr whatever the format
    for (const l of r.limits ?? []) if (mode !== 'lint' && l.kind === 'fix-passes') process.stderr.write(`report-lint: ${sanitize(r.file)}: ${sanitize(l.message)}\n`);
    if (r.reviewError) {
      failed = true;
      process.stderr.write(`report-lint: ${sanitize(reasonText(r.reviewError, ui))}\n`);
    }
    if (r.reviewed) {
      const { path, comments, revisions } = r.reviewed;
      const rel = sanitize(relative(cwd, path) || path);
      process.stderr.write(
        ui === 'en'
          ? `report-lint: wrote ${rel} (${comments} comment${comments === 1 ? '' : 's'}${values['track-changes'] ? `, ${revisions} fix${revisions === 1 ? '' : 'es'} as tracked changes` : ''})\n`
          : `report-lint: 已写出 ${rel}（${comments} 条批注${values['track-changes'] ? `，${revisions} 处修订` : ''}）\n`,
      );
    }
  }
  if (values.review && !all.some((r) => r.reviewed || r.reviewError)) {
    process.stderr.write(ui === 'en' ? 'report-lint: --review: no .docx file was reviewed\n' : 'report-lint: --review：没有可审阅的 .docx 文件\n');
  }
  const shown = all.filter((r) => !r.error);
  let errors = 0;
  let warnings = 0;
  for (const r of shown) {
    if (r.counts) {
      errors += r.counts.errors;
      warnings += r.counts.warnings;
      continue;
    }
    for (const d of r.diagnostics) {
      if (d.severity === 'error') errors++;
      else if (d.severity === 'warning') warnings++;
    }
  }
  // a file rendered where it was linted (r.rendered) has applied --quiet already
  const visible = values.quiet ? shown.map((r) => (r.rendered ? r : { ...r, diagnostics: r.diagnostics.filter((d) => d.severity === 'error') })) : shown;
  const ctx: FormatContext = {
    lang,
    color,
    version: VERSION,
    docsBase: configuredDocsBase(),
    root: gitRoot(cwd) ?? cwd,
    cwd,
    rules: allRules.map((r) => r.meta).sort((a, b) => a.id.localeCompare(b.id)),
    absPath: (d) => absOf.get(d) ?? resolve(cwd, d),
  };
  const text =
    format === 'json' ? (sink ? (sink.writer.ascii(']\n'), sink.writer.take()) : formatJson(visible))
    : format === 'sarif' ? formatSarif(visible, ctx)
    : format === 'github' ? formatGithub(visible, ctx)
    : format === 'junit' ? formatJunit(visible, lang)
    : formatStylish(visible, ctx);

  if (mode === 'fix-dry-run') {
    // The diff is the output; the report goes to --output, or to stderr.
    process.stdout.write(visible.map((r) => r.diff ?? '').join(''));
    if (toFile) writeOutput(values.output!, text);
    else writeAll(process.stderr, text);
  } else if (toFile) writeOutput(values.output!, text);
  else writeAll(process.stdout, text);

  if (failed) return 2;
  if (errors > 0) return 1;
  if (maxWarnings !== undefined && warnings > maxWarnings) {
    process.stderr.write(ui === 'zh' ? `report-lint: ${warnings} 个警告，多于 --max-warnings ${maxWarnings}。\n` : `report-lint: ${plural(warnings, 'warning')}, more than --max-warnings ${maxWarnings}.\n`);
    return 1;
  }
  return 0;
}

/**
 * `-o FILE` where FILE is one of the inputs (the same file, by device and inode: a link or another name too) would
 * replace the document with the report: refused before anything is linted.
 */
function refuseOutputThatIsAnInput(outAbs: string, given: string, files: { abs: string }[], lang: Lang): void {
  let out;
  try {
    out = statSync(outAbs);
  } catch {
    return; // not there yet: not an input
  }
  for (const f of files) {
    let st;
    try {
      st = statSync(f.abs);
    } catch {
      continue;
    }
    if (st.dev === out.dev && st.ino === out.ino) {
      throw new UsageError(
        lang === 'en'
          ? `the output file "${given}" is one of the files being checked: writing the report would replace it. Choose another --output file.`
          : `输出文件“${given}”也是被检查的文件：写入报告会覆盖它。请用 --output 指定另一个文件。`,
      );
    }
  }
}

/** The start of every cache file report-lint writes (cli/cache.ts: `{"format":"report-lint-cache/…`). */
const CACHE_HEAD = /^\s*\{\s*"format"\s*:\s*"report-lint-cache\//;

/**
 * `--cache` replaces the file at the cache location when it saves: refused before anything is linted when that is a
 * file of the user's (not empty, and not a report-lint cache) or anything but a regular file.
 */
function refuseForeignCache(abs: string, given: string, lang: Lang): void {
  let head;
  try {
    head = readRegularHead(abs, 64, lang);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'ENOENT' && !lstatExists(abs)) return; // no cache yet
    head = { skipped: describeOpenError(abs, err, lang) };
  }
  if ('bytes' in head && (head.bytes.length === 0 || CACHE_HEAD.test(head.bytes.toString('latin1')))) return;
  const skipped = 'bytes' in head ? undefined : head.skipped;
  const what = lang === 'en' ? skipped ?? 'not a report-lint cache' : skipped !== undefined ? `不能用作缓存文件（${skipped}）` : '不是 report-lint 的缓存文件';
  throw new UsageError(
    lang === 'en'
      ? `--cache-location "${given}" exists and is ${what}: saving the cache would replace it, so nothing was linted. Choose another --cache-location, or remove that file if it is not needed.`
      : `--cache-location 指定的“${given}”已存在，但${what}：保存缓存会覆盖它，因此没有检查任何文件。请用 --cache-location 指定另一个位置，或在确认不再需要后删除该文件。`,
  );
}

function lstatExists(p: string): boolean {
  try {
    lstatSync(p);
    return true;
  } catch {
    return false;
  }
}

function resolveRel(root: string, abs: string): string {
  const rel = abs.startsWith(root + '/') ? abs.slice(root.length + 1) : abs;
  return rel.split('\\').join('/');
}

/** Writes to standard output; true when the bytes went out at once (files, and pipes and terminals on Linux), not queued. */
function writeStdout(piece: Uint8Array): boolean {
  process.stdout.write(piece);
  return process.stdout.writableLength === 0;
}

function writeAll(stream: NodeJS.WriteStream, text: string | Uint8Array[]): void {
  if (typeof text === 'string') stream.write(text);
  else for (const piece of text) stream.write(piece);
}

function writeOutput(file: string, text: string | Uint8Array[]): void {
  try {
    if (typeof text === 'string') writeFileSync(file, text);
    else {
      // piece by piece (256 kB each, see chunk-writer.ts), not joined: no copy, and one huge write() was slow
      const fd = openSync(file, 'w');
      try {
        for (const piece of text) {
          for (let at = 0; at < piece.length; ) at += writeSync(fd, piece, at, piece.length - at);
        }
      } finally {
        closeSync(fd);
      }
    }
  } catch (e) {
    const why = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    throw new Failure({
      zh: `无法把检查结果写入 "${file}"：${why}。请确认所在目录存在且可写。`,
      en: `cannot write the report to "${file}": ${why}. Check that its directory exists and is writable.`,
    });
  }
}

function run(): void {
  // `report-lint … | head`: a closed pipe is not a crash.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
  const ui = cliLang(process.argv.slice(2));
  const say = (zh: string, en: string) => process.stderr.write(ui === 'zh' ? `report-lint: ${zh}\n` : `report-lint: ${en}\n`);
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      if (e instanceof ConfigError) {
        const list = e.messages.map((p) => `  - ${sanitize(pick(p, ui))}`).join('\n');
        say(
          `配置文件 ${sanitize(e.file)} 有误：\n${list}\n请修改该文件（参见 schemas/reportlintrc.schema.json），或用 --config 指定其他配置文件。未检查任何文件。`,
          `bad configuration in ${sanitize(e.file)}:\n${list}\nFix the file (see schemas/reportlintrc.schema.json) or pass another with --config. Nothing was linted.`,
        );
      } else if (e instanceof UsageError || e instanceof Failure) {
        process.stderr.write(`report-lint: ${sanitize(pick(e.text, ui))}\n`);
      } else {
        const detail = e instanceof Error ? e.stack ?? e.message : String(e);
        say(`内部错误：${detail}\n请报告此问题。`, `internal error: ${detail}\nPlease report it.`);
      }
      process.exitCode = 2;
    },
  );
}

run();
