// End to end in a real VS Code: the packaged report-lint.vsix installed into code-server 4.100.3 (VS Code 1.100),
// driven through Debian's Chromium with playwright-core, the way a writer uses it: open seed 001, read the Problems
// panel through its filter box, apply quick fixes and "fix all", check the file on disk, look at the status bar.
// Needs `bash scripts/e2e-setup.sh` and `npm run package` first (`npm run test:e2e` does both).
// Screenshots go to test-results/e2e/.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserServer, type Page } from 'playwright-core';
import { buildDocx, p as para } from '../docx/build';
import { lint } from '../../rules/engine';
import { allRules } from '../../rules/all-rules';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const cache = process.env.REPORT_LINT_E2E_CACHE ?? join(homedir(), '.cache', 'report-lint-e2e');
const codeServerBin = process.env.REPORT_LINT_CODE_SERVER ?? join(cache, 'code-server', 'node_modules', '.bin', 'code-server');
const vsix = process.env.REPORT_LINT_VSIX ?? join(root, 'report-lint.vsix');
const chromiumBin = process.env.REPORT_LINT_CHROMIUM ?? '/usr/bin/chromium';
const shots = join(root, 'test-results', 'e2e');
const SEED = '001_2083e9362e9f1629.txt';
const seedText = readFileSync(join(root, 'examples', SEED), 'utf8');
const CHROMIUM_FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync'];

/** Rules present in this build: the placeholder and number-range assertions apply once those rules exist. */
const hasRule = (id: string) => existsSync(join(root, 'rules', 'rules', `${id}.ts`));

// ---------- processes ----------

interface Server {
  proc: ChildProcess;
  port: number;
  log: () => string;
}

function killTree(proc: ChildProcess | undefined): void {
  if (!proc?.pid || proc.exitCode !== null || proc.signalCode !== null) return;
  // Started detached, so the pid is also its process group: this ends code-server's extension host and helpers too.
  try {
    process.kill(-proc.pid, 'SIGTERM');
  } catch {
    try {
      proc.kill('SIGTERM');
    } catch {
      /* already gone */
    }
  }
}

async function waitExit(proc: ChildProcess, ms: number): Promise<void> {
  if (proc.exitCode !== null || proc.signalCode !== null) return;
  await new Promise<void>((resolve) => {
    const timer = setTimeout(() => {
      try {
        if (proc.pid) process.kill(-proc.pid, 'SIGKILL');
      } catch {
        /* gone */
      }
      resolve();
    }, ms);
    proc.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

function startCodeServer(userDir: string, extDir: string, workspace: string): Promise<Server> {
  const proc = spawn(
    codeServerBin,
    ['--auth', 'none', '--bind-addr', '127.0.0.1:0', '--disable-telemetry', '--disable-update-check',
      '--user-data-dir', userDir, '--extensions-dir', extDir, workspace],
    { detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NODE_ENV: undefined } },
  );
  let out = '';
  return new Promise<Server>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`code-server did not report its port within 60 s. Output:\n${out}`)), 60_000);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const m = /HTTP server listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ proc, port: Number(m[1]), log: () => out });
      }
    };
    proc.stdout!.on('data', onData);
    proc.stderr!.on('data', onData);
    proc.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`code-server exited (${code}) before listening. Output:\n${out}`));
    });
  });
}

// ---------- the workbench ----------

const isMac = false;
const mod = isMac ? 'Meta' : 'Control';

async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: join(shots, `${name}.png`) });
}

async function quickInput(page: Page, keys: string, text: string): Promise<void> {
  await page.keyboard.press(keys);
  const input = page.locator('.quick-input-widget input.input');
  await input.waitFor({ state: 'visible', timeout: 15_000 });
  await input.fill(text);
}

async function runCommand(page: Page, title: string): Promise<void> {
  await quickInput(page, 'F1', `>${title}`);
  const row = page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first();
  await row.waitFor({ state: 'visible', timeout: 15_000 }).catch(async () => {
    const rows = await page.locator('.quick-input-list .monaco-list-row').allInnerTexts();
    throw new Error(`command "${title}" not found in the Command Palette; it shows: ${JSON.stringify(rows)}`);
  });
  await row.click();
}

async function openFile(page: Page, name: string): Promise<void> {
  await quickInput(page, `${mod}+P`, name);
  const row = page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first();
  await row.waitFor({ state: 'visible', timeout: 30_000 });
  await page.keyboard.press('Enter');
  await page.locator('.editor-instance .monaco-editor .view-lines', { hasText: '工作总结' }).first().waitFor({ timeout: 30_000 });
}

/** The workspace check's progress notification has closed (it lingers a moment after the result), for a clear shot. */
async function progressGone(page: Page): Promise<void> {
  await page.locator('.notification-toast', { hasText: /检查整个工作区|checking the whole workspace/ }).first().waitFor({ state: 'hidden', timeout: 15_000 });
}

async function goTo(page: Page, line: number, column: number): Promise<void> {
  await quickInput(page, `${mod}+G`, `:${line}:${column}`);
  await page.keyboard.press('Enter');
  await page.waitForTimeout(300);
}

/** Total problems the status bar shows (errors + warnings + infos). */
async function problemTotal(page: Page): Promise<number> {
  const label = (await page.locator('[id="status.problems"]').getAttribute('aria-label').catch(() => null)) ?? '';
  const text = (await page.locator('[id="status.problems"]').innerText().catch(() => '')) + ' ' + label;
  return [...text.matchAll(/\d+/g)].reduce((sum, m) => sum + Number(m[0]), 0) / (label ? 2 : 1);
}

async function filterProblems(page: Page, text: string): Promise<void> {
  const input = page.locator('.markers-panel-container .viewpane-filter input, .panel .viewpane-filter input').first();
  await input.waitFor({ state: 'visible', timeout: 15_000 });
  await input.click();
  await input.fill(text);
}

/**
* Waits until the Problems list is filtered to `needles[0]` (every finding row contains it), shows at least `min`
* such rows and one row containing every one of `needles`; returns the visible row texts.
*/
async function problemRows(page: Page, needles: string[], what: string, min = 1): Promise<string[]> {
  const rows = page.locator('.markers-panel .monaco-tl-contents');
  const deadline = Date.now() + 30_000;
  let texts: string[] = [];
  let refilterAt = Date.now() + 5_000;
  while (Date.now() < deadline) {
    texts = (await rows.allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
    const markers = texts.filter((t) => t.includes('[Ln '));
    // Filtered: every finding row is of the wanted rule (the file row is not a finding row).
    const filtered = markers.length > 0 && markers.every((t) => t.includes(needles[0]));
    if (filtered && markers.some((t) => needles.every((n) => t.includes(n))) && markers.length >= min) return texts;
    // A filter typed while the panel was still being laid out can be lost (seen once on a busy machine): type it again.
    if (!filtered && Date.now() > refilterAt) {
      const input = page.locator('.markers-panel-container .viewpane-filter input, .panel .viewpane-filter input').first();
      // every caller filters by the rule id it looks for (needles[0])
      const value = (await input.inputValue().catch(() => '')) || needles[0];
      await input.fill('').catch(() => undefined);
      await input.fill(value).catch(() => undefined);
      refilterAt = Date.now() + 5_000;
    }
    await page.waitForTimeout(500);
  }
  throw new Error(`Problems panel: no ${what} (a row containing ${JSON.stringify(needles)}, at least ${min} with ${JSON.stringify(needles[0])}). Visible rows: ${JSON.stringify(texts.slice(0, 15))}`);
}

/**
 * Ctrl+. at the cursor, then picks the action whose title matches `prefer` (else the first that is not a "disable"
 * action). The lightbulb shows first, as a user sees it; Ctrl+. is retried once if the menu came up empty while the
 * server was still busy with the previous edit.
 */
async function applyQuickFix(page: Page, prefer: RegExp): Promise<string> {
  await page.locator('.lightBulbWidget, .codicon-lightbulb, .codicon-lightbulb-autofix').first().waitFor({ state: 'attached', timeout: 10_000 }).catch(() => undefined);
  const items = page.locator('.action-widget .monaco-list-row.action');
  for (let attempt = 1; ; attempt++) {
    await page.keyboard.press(`${mod}+Period`);
    const shown = await items.first().waitFor({ state: 'visible', timeout: 7_000 }).then(() => true, () => false);
    if (shown) {
      if (attempt > 1) console.warn(`quick fix menu appeared on attempt ${attempt}`);
      break;
    }
    if (attempt === 2) throw new Error('Ctrl+. showed no code actions at the cursor (twice)');
    await page.keyboard.press('Escape');
    await page.waitForTimeout(1_000);
  }
  const titles = (await items.allInnerTexts()).map((t) => t.trim());
  let index = titles.findIndex((t) => prefer.test(t));
  if (index < 0) index = titles.findIndex((t) => !/disable|禁用|忽略|关闭|ignore/i.test(t));
  if (index < 0) throw new Error(`no quick fix to apply; the menu shows: ${JSON.stringify(titles)}`);
  // The menu's pointer block swallows clicks; choose with the keyboard as a user would (focus starts on the first).
  for (let i = 0; i < index; i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  return titles[index];
}

async function saveAndRead(page: Page, file: string, before: string, what: string): Promise<string> {
  // Edits may land a moment after the command returns (fix-all resolves its edit first): wait for the dirty tab.
  const dirty = page.locator('.tabs-container .tab.active.dirty');
  await dirty.waitFor({ state: 'attached', timeout: 15_000 }).catch(() => {
    throw new Error(`${what}: the document was not changed in the editor (its tab never became dirty)`);
  });
  await page.keyboard.press(`${mod}+S`);
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    const now = readFileSync(file, 'utf8');
    if (now !== before) return now;
    await page.waitForTimeout(250);
  }
  throw new Error(`${what}: the file on disk did not change after Ctrl+S`);
}

async function typeAt(page: Page, line: number, column: number, text: string): Promise<void> {
  await page.locator('.editor-instance .monaco-editor .view-lines').first().click();
  await goTo(page, line, column);
  await page.keyboard.type(text);
}

/** The first line (1-based) and column (1-based, UTF-16) where `needle` occurs at or after `fromLine`. */
function locate(text: string, needle: string | RegExp, fromLine = 1): { line: number; column: number; offset: number } {
  const lines = text.split('\n');
  let offset = 0;
  for (let i = 0; i < lines.length; i++) {
    if (i + 1 >= fromLine) {
      const col = typeof needle === 'string' ? lines[i].indexOf(needle) : lines[i].search(needle);
      if (col >= 0) return { line: i + 1, column: col + 1, offset: offset + col };
    }
    offset += lines[i].length + 1;
  }
  throw new Error(`test setup: ${String(needle)} not found in ${SEED}`);
}


/** Opens the quick-fix menu at the cursor (Ctrl+.) and returns its titles; the menu stays open. */
async function quickFixTitles(page: Page): Promise<string[]> {
  const items = page.locator('.action-widget .monaco-list-row.action');
  for (let attempt = 1; ; attempt++) {
    await page.keyboard.press(`${mod}+Period`);
    if (await items.first().waitFor({ state: 'visible', timeout: 7_000 }).then(() => true, () => false)) break;
    if (attempt === 2) throw new Error('Ctrl+. showed no code actions at the cursor (twice)');
    await page.keyboard.press('Escape');
    await page.waitForTimeout(1_000);
  }
  return (await items.allInnerTexts()).map((t) => t.trim());
}

/** Picks the open quick-fix menu's entry matching `re` with the keyboard (as a user would). */
async function chooseQuickFix(page: Page, titles: string[], re: RegExp): Promise<string> {
  const index = titles.findIndex((t) => re.test(t));
  if (index < 0) throw new Error(`no quick fix matching ${re}; the menu shows: ${JSON.stringify(titles)}`);
  for (let i = 0; i < index; i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  return titles[index];
}

/** Where the selection starts, as "line:column" (1-based), from the status bar; "no selection" without one. */
async function selectionStart(page: Page): Promise<string> {
  const m = /Ln (\d+), Col (\d+) \((\d+) selected\)/.exec(await page.locator('[id="status.editor.selection"]').innerText());
  return m ? `${m[1]}:${Number(m[2]) - Number(m[3])}` : 'no selection';
}

/** The placeholder count the status bar shows ("待补充 N" / "N placeholders"). */
async function placeholderCount(page: Page): Promise<number> {
  const item = page.locator('.statusbar-item', { hasText: /待补充|placeholders?\b/ }).first();
  const text = await item.innerText().catch(() => '');
  return Number(/(\d+)/.exec(text)?.[1] ?? NaN);
}

/** The editor tab labels. */
async function tabLabels(page: Page): Promise<string[]> {
  return (await page.locator('.tabs-container .tab .label-name').allInnerTexts()).map((t) => t.trim());
}

/**
 * Waits (up to 20 s) until a webview frame shows `text` (the Markdown preview renders a moment after its tab opens);
 * returns whether it did, for the screenshot to show the page.
 */
async function webviewShows(page: Page, text: string): Promise<boolean> {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    for (const f of page.frames()) {
      if (f === page.mainFrame()) continue;
      const body = await f.locator('body').innerText({ timeout: 500 }).catch(() => '');
      if (body.includes(text)) return true;
    }
    await page.waitForTimeout(500);
  }
  return false;
}

/** Closes the editor tab whose label contains `text` (middle click, as on any tab), waiting until it is gone. */
async function closeTab(page: Page, text: string): Promise<void> {
  const tab = page.locator('.tabs-container .tab', { hasText: text }).first();
  await tab.click({ button: 'middle' });
  await tab.waitFor({ state: 'detached', timeout: 10_000 });
}

/** The rows of the side bar's tree (the overview), as "label description" texts. */
async function sideBarRows(page: Page): Promise<string[]> {
  return (await page.locator('.part.sidebar .monaco-list-row').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
}

// ---------- the test ----------

describe('report-lint in a real VS Code (code-server + Chromium)', () => {
  let tmp: string;
  let userDir: string;
  let extDir: string;
  let workspace: string;
  let file: string;
  let server: Server | undefined;
  let browserServer: BrowserServer | undefined;
  let browser: Browser | undefined;
  let page: Page;

  async function stopAll(): Promise<void> {
    // Each step on its own: a failure in one must not leave the other process running.
    const browserProc = browserServer?.process();
    await browser?.close().catch(() => undefined);
    await browserServer?.close().catch(() => undefined);
    browser = undefined;
    browserServer = undefined;
    if (browserProc?.pid && browserProc.exitCode === null) {
      try {
        process.kill(browserProc.pid, 'SIGKILL');
      } catch {
        /* gone */
      }
    }
    if (server) {
      killTree(server.proc);
      await waitExit(server.proc, 10_000);
      server = undefined;
    }
  }

  /** The pid of our report-lint language server (the extension's dist/server.js in this run's extensions dir). */
  function serverPid(): number | undefined {
    const r = spawnSync('pgrep', ['-f', `${extDir}/.*/dist/server\\.js`], { encoding: 'utf8' });
    const pids = r.stdout.split('\n').filter(Boolean).map(Number);
    return pids.length === 1 ? pids[0] : undefined;
  }

  /** On failure: a screenshot of what the editor showed and code-server's log, before everything is stopped. */
  async function evidence(name: string): Promise<void> {
    if (page && !page.isClosed()) await shot(page, name).catch(() => undefined);
    if (server) console.error(`code-server output (last 4000 characters):\n${server.log().slice(-4000)}`);
  }

  async function launch(trust: boolean, language: 'zh' | 'en'): Promise<void> {
    await stopAll();
    writeFileSync(
      join(userDir, 'User', 'settings.json'),
      JSON.stringify(
        {
          'security.workspace.trust.enabled': trust,
          'workbench.startupEditor': 'none',
          'workbench.tips.enabled': false,
          'telemetry.telemetryLevel': 'off',
          'extensions.autoUpdate': false,
          'extensions.autoCheckUpdates': false,
          'extensions.ignoreRecommendations': true,
          'files.autoSave': 'off',
          'editor.quickSuggestions': { other: 'off', comments: 'off', strings: 'off' },
          'editor.wordBasedSuggestions': 'off',
          'reportLint.language': language,
          // .rst is reStructuredText, not one of the default languages: checked only through this glob.
          'reportLint.additionalFileGlobs': ['**/*.rst'],
        },
        null,
        2,
      ),
    );
    server = await startCodeServer(userDir, extDir, workspace);
    // launchServer (not launch) so that we know Chromium's pid and can stop it by pid.
    browserServer = await chromium.launchServer({ executablePath: chromiumBin, headless: true, args: CHROMIUM_FLAGS });
    browser = await chromium.connect(browserServer.wsEndpoint());
    page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    await page.goto(`http://127.0.0.1:${server.port}/?folder=${encodeURIComponent(workspace)}`);
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  }

  beforeAll(async () => {
    for (const [what, path] of [['code-server (run scripts/e2e-setup.sh)', codeServerBin], ['Chromium (run scripts/e2e-setup.sh)', chromiumBin],
    ['the packaged extension (run npm run package)', vsix]] as const) {
      if (!existsSync(path)) throw new Error(`missing ${what}: ${path}`);
    }
    tmp = mkdtempSync(join(tmpdir(), 'report-lint-e2e-'));
    userDir = join(tmp, 'user');
    extDir = join(tmp, 'extensions');
    workspace = join(tmp, 'workspace');
    mkdirSync(join(userDir, 'User'), { recursive: true });
    mkdirSync(workspace, { recursive: true });
    file = join(workspace, SEED);
    copyFileSync(join(root, 'examples', SEED), file);
    // a Word document for "Check Word document": a half-width comma in its second paragraph and in a table cell
    writeFileSync(
      join(workspace, '报告.docx'),
      await buildDocx({ body: para('关于2024年工作的报告') + para('全年完成投资12亿元,增长8%。') + '<w:tbl><w:tr><w:tc>' + para('利润增长3%,') + '</w:tc></w:tr></w:tbl>' }),
    );
    writeFileSync(join(workspace, 'notes.rst'), '生态园区2022年工作总结\n\n一、2022年工作总结\n\n(一)凝心聚力，招商引资后劲十足\n\n项目招引协同推进。\n');
    // A folder copied into the extensions dir by hand is ignored: install the .vsix the way a user does.
    const install = spawnSync(codeServerBin, ['--user-data-dir', userDir, '--extensions-dir', extDir, '--install-extension', vsix],
      { encoding: 'utf8', timeout: 120_000 });
    const installLog = `${install.stdout}\n${install.stderr}`;
    if (install.status !== 0 || !/successfully installed/i.test(installLog)) {
      throw new Error(`installing ${vsix} into code-server failed (exit ${install.status}):\n${installLog}`);
    }
  });

  afterAll(async () => {
    await stopAll();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  it('shows findings of seed 001 in Problems, applies quick fixes and fix-all, counts placeholders', async () => {
    try {
      await launch(false, 'zh');
      await openFile(page, SEED);

      // Diagnostics arrive (the extension activated on plaintext, started dist/server.js, pulled diagnostics).
      await expect.poll(() => problemTotal(page), { timeout: 60_000, message: 'status bar problem count never rose above 0' }).toBeGreaterThan(0);
      // Long paragraphs wrap by the extension's defaults for plaintext and markdown (the profile sets no wordWrap): a
      // wrapped line takes more than one row, and only its first row has a line number.
      const numbers = await page.locator('.editor-instance .margin-view-overlays .line-numbers').count();
      const rows = await page.locator('.editor-instance .view-lines .view-line').count();
      expect(numbers, 'line numbers rendered').toBeGreaterThan(5);
      expect(rows, `${rows} rows for ${numbers} lines: long paragraphs do not wrap`).toBeGreaterThan(numbers);

      await page.keyboard.press(`${mod}+Shift+M`);
      await filterProblems(page, 'heading-marker');
      // Seed 001 has nine `(一)`…`(六)` headings with half-width brackets.
      await problemRows(page, ['heading-marker', '[Ln 15'], 'heading-marker findings on the `(一)` headings (line 15 …)', 9);
      await shot(page, '01-problems-heading-marker');

      if (hasRule('placeholder')) {
        await filterProblems(page, 'placeholder');
        await problemRows(page, ['placeholder', '[Ln 11'], 'placeholder finding on line 11 (X亿元)');
        await shot(page, '02-problems-placeholder');
      }
      if (hasRule('number-range')) {
        await filterProblems(page, 'number-range');
        await problemRows(page, ['number-range', '[Ln 11'], 'number-range finding for `1-9月` on line 11');
        await shot(page, '03-problems-number-range');
      }

      // Placeholder count in the status bar (Chinese, as reportLint.language is "zh").
      const status = page.locator('.statusbar-item', { hasText: '待补充' }).first();
      await status.waitFor({ timeout: 30_000 }).catch(() => {
        throw new Error('status bar: no report-lint placeholder item ("待补充 N" / "无待补充")');
      });
      const statusText = await status.innerText();
      if (hasRule('placeholder')) {
        const n = Number(/待补充\s*(\d+)/.exec(statusText)?.[1] ?? 0);
        expect(n, `status bar says "${statusText}"`).toBeGreaterThan(100);
        // Go to next placeholder from the top: selects the first X run.
        await page.locator('.editor-instance .monaco-editor .view-lines').first().click();
        await goTo(page, 1, 1);
        await runCommand(page, 'report-lint: Go to next placeholder');
        const first = locate(seedText, /[Xx]/);
        // The status bar shows the cursor (the selection's end) and the selection's length.
        const selectionStart = async () => {
          const m = /Ln (\d+), Col (\d+) \((\d+) selected\)/.exec(await page.locator('[id="status.editor.selection"]').innerText());
          return m ? `${m[1]}:${Number(m[2]) - Number(m[3])}` : 'no selection';
        };
        await expect
          .poll(selectionStart, { timeout: 10_000, message: 'next placeholder did not select the first X run' })
          .toBe(`${first.line}:${first.column}`);
        await shot(page, '04-next-placeholder');
      }

      // Quick fix: heading-marker on line 15 `(一)` → `（一）`, exactly that span and nothing else.
      let before = readFileSync(file, 'utf8');
      const heading = locate(before, '(一)');
      await page.locator('.editor-instance .monaco-editor .view-lines').first().click();
      await goTo(page, heading.line, heading.column + 1);
      const headingFix = await applyQuickFix(page, /（一）|括号|bracket/i);
      let after = await saveAndRead(page, file, before, `quick fix "${headingFix}"`);
      expect(after, `quick fix "${headingFix}" should turn (一) on line ${heading.line} into （一） and change nothing else`).toBe(
        before.slice(0, heading.offset) + '（一）' + before.slice(heading.offset + 3),
      );
      await shot(page, '05-after-heading-fix');

      if (hasRule('number-range')) {
        before = after;
        const range = locate(before, '1-9月');
        await goTo(page, range.line, range.column + 1);
        const rangeFix = await applyQuickFix(page, /—|一字线|dash/i);
        after = await saveAndRead(page, file, before, `quick fix "${rangeFix}"`);
        expect(after, `quick fix "${rangeFix}" should turn 1-9月 on line ${range.line} into 1—9月 and change nothing else`).toBe(
          before.slice(0, range.offset) + '1—9月' + before.slice(range.offset + 4),
        );
        await shot(page, '06-after-range-fix');
      }

      // Fix all (the extension's command → source.fixAll.report-lint): every `(二)`… heading becomes `（二）`….
      before = after;
      expect(before).toMatch(/^\([一二三四五六七八九十]+\)/m);
      await runCommand(page, 'report-lint: Fix all auto-fixable problems');
      after = await saveAndRead(page, file, before, 'report-lint: Fix all');
      expect(after, 'fix-all left a half-width bracketed heading ordinal').not.toMatch(/^\([一二三四五六七八九十]+\)/m);
      expect(after).toMatch(/^（二）破难攻坚/m);
      // Nothing is lost: every line of the report is still there (fixes only change marks inside lines).
      expect(after.split('\n').length).toBe(before.split('\n').length);
      await filterProblems(page, 'heading-marker');
      await page.waitForTimeout(1500);
      await shot(page, '07-after-fix-all');
      const remaining = (await page.locator('.markers-panel .monaco-tl-contents').allInnerTexts()).filter((t) => /heading-marker/.test(t) && /\(\s*[一二三四五六七八九十]+\s*\)|半角|half-width|全角括号|full-width brackets/.test(t));
      expect(remaining, 'heading-marker bracket findings remain after fix-all').toEqual([]);

      // The server restarts on command and after a crash, and keeps checking as you type.
      const pid1 = serverPid();
      expect(pid1, 'no report-lint server process (dist/server.js) under the extensions dir').toBeDefined();
      await runCommand(page, 'report-lint: Restart language server');
      await expect.poll(serverPid, { timeout: 30_000, message: 'report-lint: Restart language server did not start a new server process' })
        .not.toBe(pid1);
      await expect.poll(serverPid, { timeout: 30_000 }).toBeDefined();
      await typeAt(page, 11, 1, '2023年1-3月，');
      await filterProblems(page, 'number-range');
      await problemRows(page, ['number-range', '[Ln 11, Col 6]'], 'number-range finding for `1-3月` typed after the restart');

      const pid2 = serverPid()!;
      process.kill(pid2, 'SIGKILL'); // a crash: languageclient's error handler starts a new server
      await expect.poll(serverPid, { timeout: 30_000, message: 'the server was not restarted after it crashed' }).not.toBe(pid2);
      await expect.poll(serverPid, { timeout: 30_000 }).toBeDefined();
      await typeAt(page, 15, 1, '4-6月');
      await problemRows(page, ['number-range', '[Ln 15, Col 1]'], 'number-range finding for `4-6月` typed after the server crashed and restarted');
      await shot(page, '09-after-crash-restart');

      // Word: "Check Word document" on the workspace's .docx → its text read-only, findings in Problems, the copy
      await runCommand(page, 'report-lint: Check Word document');
      const pick = page.locator('.quick-input-list .monaco-list-row', { hasText: '报告.docx' }).first();
      await pick.waitFor({ state: 'visible', timeout: 30_000 });
      await pick.click();
      await page.locator('.editor-instance .monaco-editor .view-lines', { hasText: '全年完成投资' }).first().waitFor({ timeout: 30_000 });
      await filterProblems(page, 'punctuation-width');
      await problemRows(page, ['punctuation-width', '第2段'], 'the .docx comma finding, located as 第2段');
      await problemRows(page, ['punctuation-width', '表1第1行第1列'], 'the .docx table-cell comma finding');
      await expect.poll(() => existsSync(join(workspace, '报告.reviewed.docx')), { timeout: 30_000, message: 'no 报告.reviewed.docx written' }).toBe(true);
      await shot(page, '10-check-word-document');
    } catch (err) {
      await evidence('failure-trusted');
      throw err;
    } finally {
      await stopAll();
    }
  });

  it('issue 15: names look-alike marks, opens the bundled rule docs, moves between placeholders, adds to the allow list, shows the overview (zh, then en)', async () => {
    const cfg = join(workspace, '.reportlintrc.json');
    try {
      copyFileSync(join(root, 'examples', SEED), file);
      rmSync(cfg, { force: true });
      await launch(false, 'zh');
      await openFile(page, SEED);
      await expect.poll(() => problemTotal(page), { timeout: 60_000, message: 'no diagnostics' }).toBeGreaterThan(0);
      await page.keyboard.press(`${mod}+Shift+M`);

      // Look-alike marks are told apart in words, not only by showing them (the font narrows "，" next to quotes).
      await filterProblems(page, 'punctuation-width');
      await problemRows(page, ['punctuation-width', '全角逗号', '半角逗号'], 'a punctuation-width finding that names 全角逗号 and 半角逗号');
      await shot(page, '11-problems-zh');

      // The hover explains the rule; its 规则说明 link opens the bundled page in the Markdown preview.
      const heading = locate(seedText, '(一)');
      await page.locator('.editor-instance .monaco-editor .view-lines').first().click();
      await goTo(page, heading.line, heading.column + 1);
      await page.keyboard.press(`${mod}+K`);
      await page.keyboard.press(`${mod}+I`);
      const hover = page.locator('.monaco-hover', { hasText: '规则说明' }).first();
      await hover.waitFor({ state: 'visible', timeout: 15_000 }).catch(() => {
        throw new Error('no hover with a 规则说明 link on the (一) heading');
      });
      expect(await hover.innerText()).toMatch(/heading-marker/);
      await shot(page, '12-hover-zh');
      await hover.locator('a', { hasText: '规则说明' }).first().click();
      const previewOf = (id: string) => async () => (await tabLabels(page)).some((t) => t.includes(`${id}.md`) && /preview/i.test(t));
      await expect.poll(previewOf('heading-marker'), { timeout: 20_000, message: 'the hover link did not open the heading-marker docs preview' }).toBe(true);
      await page.keyboard.press('Escape');
      // the page itself: its title and the Chinese description, rendered in the preview
      const described = (id: string) => allRules.find((r) => r.meta.id === id)!.meta.description.zh;
      expect(await webviewShows(page, described('heading-marker')), 'the preview did not render docs/rules/heading-marker.md').toBe(true);
      await shot(page, '13-rule-docs-from-hover');
      await closeTab(page, 'heading-marker.md');

      // The rule code in Problems is a link to the same bundled docs.
      await filterProblems(page, 'placeholder');
      await problemRows(page, ['placeholder', '[Ln 11'], 'placeholder finding on line 11');
      await page.locator('.markers-panel .monaco-tl-contents .monaco-link').first().click();
      await expect.poll(previewOf('placeholder'), { timeout: 20_000, message: 'the rule code in Problems did not open the placeholder docs preview' }).toBe(true);
      expect(await webviewShows(page, described('placeholder')), 'the preview did not render docs/rules/placeholder.md').toBe(true);
      await shot(page, '14-rule-docs-from-problems');
      await closeTab(page, 'placeholder.md');

      // Placeholder quick fixes: next / previous (also Ctrl+F8 / Ctrl+Shift+F8) and add to the allow list.
      const where = (offset: number) => {
        const before = seedText.slice(0, offset).split('\n');
        return `${before.length}:${before[before.length - 1].length + 1}`;
      };
      const open = (text: string, allow?: string[]) =>
        lint(text, { format: 'text', config: { rules: allow ? { placeholder: { options: { allow } } } : {}, settings: {} } }).findings
          .filter((f) => f.ruleId === 'placeholder' && f.severity !== 'info')
          .map((f) => f.offset);
      const placeholders = open(seedText);
      const xyy = locate(seedText, 'X亿元');
      const i = placeholders.indexOf(xyy.offset);
      expect(i, 'X亿元 is a placeholder').toBeGreaterThanOrEqual(0);
      await page.locator('.editor-instance .monaco-editor .view-lines').first().click();
      await goTo(page, xyy.line, xyy.column);
      let titles = await quickFixTitles(page);
      expect(titles).toEqual(expect.arrayContaining(['转到下一个占位符', '转到上一个占位符', '将“X亿元”加入 placeholder 的允许列表（.reportlintrc.json）']));
      await shot(page, '15-quick-fixes-zh');
      await chooseQuickFix(page, titles, /^转到下一个占位符$/);
      await expect.poll(() => selectionStart(page), { timeout: 10_000, message: 'the quick fix did not go to the next placeholder' }).toBe(where(placeholders[i + 1]));
      await page.keyboard.press(`${mod}+Shift+F8`);
      await expect.poll(() => selectionStart(page), { timeout: 10_000, message: 'Ctrl+Shift+F8 did not go back to the previous placeholder' }).toBe(where(placeholders[i]));
      await page.keyboard.press(`${mod}+F8`);
      await expect.poll(() => selectionStart(page), { timeout: 10_000, message: 'Ctrl+F8 did not go to the next placeholder' }).toBe(where(placeholders[i + 1]));

      const left = open(seedText, ['X亿元']);
      await expect.poll(() => placeholderCount(page), { timeout: 15_000 }).toBe(placeholders.length);
      await goTo(page, xyy.line, xyy.column);
      titles = await quickFixTitles(page);
      await chooseQuickFix(page, titles, /加入 placeholder 的允许列表/);
      await expect.poll(() => (existsSync(cfg) ? readFileSync(cfg, 'utf8') : ''), { timeout: 15_000, message: 'no .reportlintrc.json with X亿元 at the folder root' }).toContain('"X亿元"');
      expect(JSON.parse(readFileSync(cfg, 'utf8'))).toEqual({ rules: { placeholder: ['error', { allow: ['X亿元'] }] } });
      // the config reloads and those findings go, all of them, and only them
      await expect.poll(() => placeholderCount(page), { timeout: 30_000, message: 'the X亿元 placeholders did not disappear after the allow-list edit' }).toBe(left.length);
      expect(left.length).toBeLessThan(placeholders.length);
      await shot(page, '16-after-allow-list-zh');

      // The overview: counts by category for the open report and the workspace; a category opens its findings.
      await runCommand(page, 'report-lint: Check the whole workspace');
      await expect.poll(() => sideBarRows(page), { timeout: 60_000, message: 'the overview shows no 整个工作区 result' })
        .toEqual(expect.arrayContaining([expect.stringMatching(/^整个工作区\s*1 个文件 · \d+ 处$/)]));
      const rows = await sideBarRows(page);
      const phRow = rows.find((r) => /^占位符\s*\d+$/.test(r));
      expect(phRow, `overview rows: ${JSON.stringify(rows)}`).toBeDefined();
      expect(rows).toEqual(expect.arrayContaining([expect.stringMatching(/^标题序号\s*\d+$/), expect.stringMatching(/^标点与空格\s*\d+$/)]));
      await progressGone(page);
      await shot(page, '17-overview-zh');
      await page.locator('.part.sidebar .monaco-list-row', { hasText: /^占位符/ }).first().click();
      const firstFinding = page.locator('.part.sidebar .monaco-list-row', { hasText: '占位符“' }).first();
      await firstFinding.waitFor({ timeout: 15_000 });
      await shot(page, '17b-overview-zh-placeholders');
      await firstFinding.click();
      await expect.poll(() => selectionStart(page), { timeout: 10_000, message: 'the overview finding did not reveal the first placeholder' }).toBe(where(left[0]));

      // English by the setting ("reportLint.language": "en"): messages, hover, quick fixes and overview (the VS Code
      // interface stays English). A new editor session: code-server does not notice a settings.json written behind
      // its back (the live switch is covered by test/lsp/push.test.ts and the client's onDidChangeConfiguration).
      await launch(false, 'en');
      await openFile(page, SEED);
      await expect.poll(() => problemTotal(page), { timeout: 60_000, message: 'no diagnostics in English' }).toBeGreaterThan(0);
      await page.keyboard.press(`${mod}+Shift+M`);
      await filterProblems(page, 'punctuation-width');
      await problemRows(page, ['punctuation-width', 'full-width comma', 'half-width'], 'an English punctuation-width finding');
      await shot(page, '18-problems-en');
      await page.locator('.editor-instance .monaco-editor .view-lines').first().click();
      await goTo(page, heading.line, heading.column + 1);
      await page.keyboard.press(`${mod}+K`);
      await page.keyboard.press(`${mod}+I`);
      await page.locator('.monaco-hover', { hasText: 'Rule documentation' }).first().waitFor({ state: 'visible', timeout: 15_000 });
      await shot(page, '19-hover-en');
      await page.keyboard.press('Escape');
      const next = locate(seedText, 'X%', xyy.line);
      await goTo(page, next.line, next.column);
      titles = await quickFixTitles(page);
      expect(titles).toEqual(expect.arrayContaining(['Go to next placeholder', 'Go to previous placeholder']));
      await shot(page, '20-quick-fixes-en');
      await page.keyboard.press('Escape');
      await runCommand(page, 'report-lint: Check the whole workspace');
      await expect.poll(() => sideBarRows(page), { timeout: 60_000 }).toEqual(
        expect.arrayContaining([expect.stringMatching(/^Placeholders\s*\d+$/), expect.stringMatching(/^Whole workspace\s*1 file · \d+ findings$/)]),
      );
      await progressGone(page);
      await shot(page, '21-overview-en');
    } catch (err) {
      await evidence('failure-issue-15');
      throw err;
    } finally {
      await stopAll();
      rmSync(cfg, { force: true });
    }
  });

  it('works in Restricted Mode (workspace trust enabled, folder not trusted), in English, and for additionalFileGlobs', async () => {
    try {
      copyFileSync(join(root, 'examples', SEED), file);
      // English messages this time: the language setting reaches the server and the status bar.
      await launch(true, 'en');
      // The trust dialog: choose not to trust; the extension declares limited support, so it still runs.
      const noTrust = page.getByRole('button', { name: /don't trust|Don’t Trust|No, I don/i }).first();
      await noTrust.waitFor({ timeout: 30_000 }).catch(() => {
        throw new Error('workspace trust dialog did not appear although security.workspace.trust.enabled is true');
      });
      await noTrust.click();
      await expect.poll(() => page.locator('.monaco-workbench').innerText(), { timeout: 15_000 }).toMatch(/Restricted Mode/i);
      await openFile(page, SEED);
      await expect.poll(() => problemTotal(page), { timeout: 60_000, message: 'no diagnostics in Restricted Mode' }).toBeGreaterThan(0);
      await page.keyboard.press(`${mod}+Shift+M`);
      await filterProblems(page, 'heading-marker');
      await problemRows(page, ['heading-marker', '[Ln 15', 'full-width brackets'], 'English heading-marker finding in Restricted Mode');
      if (hasRule('placeholder')) {
        const status = page.locator('.statusbar-item', { hasText: /\d+ placeholders/ }).first();
        await status.waitFor({ timeout: 30_000 }).catch(() => {
          throw new Error('status bar: no English placeholder count ("N placeholders")');
        });
      }
      await shot(page, '08-restricted-mode');

      // Restricted Mode: the placeholder actions are there, "add to allow list" (it writes the workspace) is not.
      const xyy = locate(seedText, 'X亿元');
      await page.locator('.editor-instance .monaco-editor .view-lines').first().click();
      await goTo(page, xyy.line, xyy.column);
      const restrictedTitles = await quickFixTitles(page);
      expect(restrictedTitles).toContain('Go to next placeholder');
      expect(restrictedTitles.filter((t) => /allow list/i.test(t)), JSON.stringify(restrictedTitles)).toEqual([]);
      await shot(page, '22-restricted-no-allow-list');
      await page.keyboard.press('Escape');

      // reportLint.additionalFileGlobs: a reStructuredText file is checked too.
      await openFile(page, 'notes.rst');
      await filterProblems(page, 'heading-marker');
      const rstRows = await problemRows(page, ['heading-marker', '[Ln 5, Col 1]'], 'heading-marker finding on line 5 of notes.rst (matched by reportLint.additionalFileGlobs)');
      expect(rstRows.some((t) => t.startsWith('notes.rst')), `no notes.rst group in Problems: ${JSON.stringify(rstRows)}`).toBe(true);
      await shot(page, '10-additional-file-globs');
    } catch (err) {
      await evidence('failure-restricted');
      throw err;
    } finally {
      await stopAll();
    }
  });
});
