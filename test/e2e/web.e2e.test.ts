// VS Code for the Web, end to end: the packaged report-lint.vsix in code-server 4.100.3 with the extension forced
// into the browser's web-worker extension host (`remote.extensionKind`: ["web"], which code-server's workbench
// honours), so that it runs from its `browser` entry (dist/browser-client.js) and its language server in a web
// worker (dist/browser-server.js), as on vscode.dev. Proves that no process runs the Node server, that findings
// appear in Problems for seed 001 with the folder's .reportlintrc.json applied (read through workspace.fs), and takes
// screenshots of Problems, hover, quick fixes and the overview in zh and en (test-results/e2e/web-*.png).
// Needs `bash scripts/e2e-setup.sh` and `npm run package` first (`npm run test:e2e` does both).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserServer, type Page } from 'playwright-core';
import { lint } from '../../rules/engine';
import { parseConfig } from '../../rules/config';
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
const EXTENSION_ID = 'report-lint.report-lint';
/** The folder's config: a rule turned off, so that the count in Problems shows whether the worker got the file. */
const CONFIG = '{\n  // read by the extension through workspace.fs and handed to the web-worker server\n  "rules": { "metric-unit": "off" }\n}\n';

interface Server {
  proc: ChildProcess;
  port: number;
  log: () => string;
}

function killTree(proc: ChildProcess | undefined): void {
  if (!proc?.pid || proc.exitCode !== null || proc.signalCode !== null) return;
  try {
    process.kill(-proc.pid, 'SIGTERM'); // started detached: its own process group
  } catch {
    /* already gone */
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

/** Every process under `pid` (children, grandchildren…), with its command line. */
function processTree(pid: number): { pid: number; args: string }[] {
  const ps = spawnSync('ps', ['-e', '-o', 'pid=,ppid=,args='], { encoding: 'utf8' }).stdout.split('\n');
  const rows = ps.map((l) => /^\s*(\d+)\s+(\d+)\s+(.*)$/.exec(l)).filter((m): m is RegExpExecArray => !!m)
    .map((m) => ({ pid: Number(m[1]), ppid: Number(m[2]), args: m[3] }));
  const out: { pid: number; args: string }[] = [];
  const todo = [pid];
  while (todo.length) {
    const p = todo.pop()!;
    for (const r of rows) if (r.ppid === p) {
      out.push({ pid: r.pid, args: r.args });
      todo.push(r.pid);
    }
  }
  return out;
}

const mod = 'Control';

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

async function openFile(page: Page, name: string): Promise<void> {
  await quickInput(page, `${mod}+P`, name);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().waitFor({ state: 'visible', timeout: 30_000 });
  await page.keyboard.press('Enter');
  await page.locator('.editor-instance .monaco-editor .view-lines', { hasText: '工作总结' }).first().waitFor({ timeout: 30_000 });
}

async function goTo(page: Page, line: number, column: number): Promise<void> {
  await page.locator('.editor-instance .monaco-editor .view-lines').first().click();
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

async function problemRows(page: Page, filter: string, needle: string): Promise<string[]> {
  const input = page.locator('.markers-panel-container .viewpane-filter input, .panel .viewpane-filter input').first();
  await input.waitFor({ state: 'visible', timeout: 15_000 });
  await input.fill(filter);
  const rows = page.locator('.markers-panel .monaco-tl-contents');
  let texts: string[] = [];
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    texts = (await rows.allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
    // filtered (every finding row is of the rule), and the row wanted is there
    const findings = texts.filter((t) => t.includes('[Ln '));
    if (findings.length && findings.every((t) => t.includes(filter)) && findings.some((t) => t.includes(needle))) return texts;
    await page.waitForTimeout(500);
  }
  throw new Error(`Problems: no row with ${JSON.stringify(needle)} for the filter ${JSON.stringify(filter)}; rows: ${JSON.stringify(texts.slice(0, 10))}`);
}

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

async function sideBarRows(page: Page): Promise<string[]> {
  return (await page.locator('.part.sidebar .monaco-list-row').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
}

/** The first line and column (1-based) of `needle` in the seed. */
function locate(needle: string): { line: number; column: number } {
  const lines = seedText.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const col = lines[i].indexOf(needle);
    if (col >= 0) return { line: i + 1, column: col + 1 };
  }
  throw new Error(`test setup: ${needle} not found in ${SEED}`);
}

describe('report-lint in VS Code for the Web (code-server, web-worker extension host)', () => {
  let tmp: string;
  let userDir: string;
  let extDir: string;
  let workspace: string;
  let server: Server | undefined;
  let browserServer: BrowserServer | undefined;
  let browser: Browser | undefined;
  let page: Page;

  async function stopAll(): Promise<void> {
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

  async function launch(language: 'zh' | 'en'): Promise<void> {
    await stopAll();
    writeFileSync(
      join(userDir, 'User', 'settings.json'),
      JSON.stringify({
        'security.workspace.trust.enabled': false,
        'workbench.startupEditor': 'none',
        'workbench.tips.enabled': false,
        'telemetry.telemetryLevel': 'off',
        'extensions.autoUpdate': false,
        'extensions.autoCheckUpdates': false,
        'extensions.ignoreRecommendations': true,
        'editor.quickSuggestions': { other: 'off', comments: 'off', strings: 'off' },
        // The extension runs in the browser's web-worker extension host, from its `browser` entry, as on vscode.dev.
        'remote.extensionKind': { [EXTENSION_ID]: ['web'] },
        'reportLint.language': language,
      }, null, 2),
    );
    server = await startCodeServer(userDir, extDir, workspace);
    browserServer = await chromium.launchServer({ executablePath: chromiumBin, headless: true, args: CHROMIUM_FLAGS });
    browser = await chromium.connect(browserServer.wsEndpoint());
    page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    await page.goto(`http://127.0.0.1:${server.port}/?folder=${encodeURIComponent(workspace)}`);
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  }

  beforeAll(() => {
    for (const [what, path] of [['code-server (run scripts/e2e-setup.sh)', codeServerBin], ['Chromium (run scripts/e2e-setup.sh)', chromiumBin],
      ['the packaged extension (run npm run package)', vsix]] as const) {
      if (!existsSync(path)) throw new Error(`missing ${what}: ${path}`);
    }
    tmp = mkdtempSync(join(tmpdir(), 'report-lint-web-e2e-'));
    userDir = join(tmp, 'user');
    extDir = join(tmp, 'extensions');
    workspace = join(tmp, 'workspace');
    mkdirSync(join(userDir, 'User'), { recursive: true });
    mkdirSync(workspace, { recursive: true });
    copyFileSync(join(root, 'examples', SEED), join(workspace, SEED));
    writeFileSync(join(workspace, '.reportlintrc.json'), CONFIG);
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

  it('runs with its language server in a web worker: no Node server process, findings in Problems, the config applied', async () => {
    // What Problems must count: seed 001 linted by the engine with the folder's config, and without it.
    const withConfig = lint(seedText, { format: 'text', config: parseConfig(CONFIG, '.reportlintrc.json', allRules), rules: allRules }).findings;
    const withoutConfig = lint(seedText, { format: 'text', rules: allRules }).findings;
    expect(withoutConfig.length, 'test setup: the config must change the count').toBeGreaterThan(withConfig.length);
    const heading = locate('(一)');
    try {
      for (const language of ['zh', 'en'] as const) {
        await launch(language);
        await openFile(page, SEED);
        await expect.poll(() => problemTotal(page), { timeout: 90_000, message: `Problems never showed the ${withConfig.length} findings of seed 001 with the folder's config` })
          .toBe(withConfig.length);

        // No process runs the Node server: neither dist/server.js nor report-lint-language-server anywhere under
        // code-server (its extension host included), nor anywhere from this run's extensions dir.
        const tree = processTree(server!.proc.pid!);
        expect(tree.length, 'code-server has child processes (its extension host)').toBeGreaterThan(0);
        expect(tree.filter((p) => /dist\/server\.js|report-lint-language-server/.test(p.args)), 'a Node report-lint server under code-server').toEqual([]);
        expect(spawnSync('pgrep', ['-f', `${extDir}/.*/dist/server\\.js`], { encoding: 'utf8' }).stdout.trim(), 'a Node report-lint server').toBe('');

        // Problems, in the language of the setting
        await page.keyboard.press(`${mod}+Shift+M`);
        await problemRows(page, 'placeholder', language === 'zh' ? '占位符' : 'laceholder');
        await shot(page, `web-problems-${language}`);

        // Hover on the (一) heading: the rule explained, with its docs link
        await goTo(page, heading.line, heading.column + 1);
        await page.keyboard.press(`${mod}+K`);
        await page.keyboard.press(`${mod}+I`);
        await page.locator('.monaco-hover', { hasText: language === 'zh' ? '规则说明' : 'Rule documentation' }).first().waitFor({ state: 'visible', timeout: 15_000 });
        await shot(page, `web-hover-${language}`);
        await page.keyboard.press('Escape');

        // Quick fixes on a placeholder: go to next / previous
        const xyy = locate('X亿元');
        await goTo(page, xyy.line, xyy.column);
        const titles = await quickFixTitles(page);
        expect(titles).toEqual(expect.arrayContaining(language === 'zh' ? ['转到下一个占位符', '转到上一个占位符'] : ['Go to next placeholder', 'Go to previous placeholder']));
        await shot(page, `web-quick-fixes-${language}`);
        await page.keyboard.press('Escape');

        // The overview of the open report, by category
        await page.locator('.activitybar .action-item a[aria-label^="report-lint"]').first().click();
        const placeholders = language === 'zh' ? /^占位符\s*\d+$/ : /^Placeholders\s*\d+$/;
        await expect.poll(() => sideBarRows(page), { timeout: 30_000, message: 'the overview shows no placeholder category' })
          .toEqual(expect.arrayContaining([expect.stringMatching(placeholders)]));
        // the workspace check needs the Node server's file walk: the overview says so instead of offering it
        const workspaceRow = language === 'zh' ? /^整个工作区\s*网页版中不可用$/ : /^Whole workspace\s*not in VS Code for the Web$/;
        expect(await sideBarRows(page)).toEqual(expect.arrayContaining([expect.stringMatching(workspaceRow)]));
        await shot(page, `web-overview-${language}`);
      }
    } catch (err) {
      if (page && !page.isClosed()) await shot(page, 'web-failure').catch(() => undefined);
      if (server) console.error(`code-server output (last 4000 characters):\n${server.log().slice(-4000)}`);
      throw err;
    } finally {
      await stopAll();
    }
  });
});
