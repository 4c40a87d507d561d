// The Neovim snippet of docs/language-server.md (the same one is in README.md and docs/editor.md), run as a
// user would in Debian's Neovim 0.7.2: `nvim --headless -u snippet.lua report.txt`, with a Lua loop that waits
// for the server's diagnostics and writes their count to a file. scripts/nvim-setup.sh installs Debian's neovim
// (idempotent); without nvim and without the right to install it, the test is skipped and says so.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ERROR_REPORT, ROOT } from './helpers';

/** The first ```lua block after the line that introduces the plugin-less setup in docs/language-server.md. */
function documentedSnippet(): string {
  const doc = readFileSync(join(ROOT, 'docs', 'language-server.md'), 'utf8');
  const at = doc.indexOf('Without nvim-lspconfig');
  const m = /```lua\n([\s\S]*?)```/.exec(doc.slice(at));
  if (at < 0 || !m) throw new Error('docs/language-server.md has no plain-Neovim snippet');
  return m[1];
}

let nvim: string | undefined;
let why = '';
let tmp: string;
beforeAll(() => {
  const setup = spawnSync('bash', [join(ROOT, 'scripts', 'nvim-setup.sh')], { encoding: 'utf8' });
  if (setup.status === 0) nvim = spawnSync('bash', ['-c', 'command -v nvim'], { encoding: 'utf8' }).stdout.trim() || undefined;
  else why = `scripts/nvim-setup.sh exited ${setup.status}: ${setup.stderr.trim()}`;
  tmp = mkdtempSync(join(tmpdir(), 'report-lint-nvim-'));
}, 600_000);
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('Neovim (Debian 0.7.2) with the documented snippet', () => {
  it('README.md and docs/editor.md show the same snippet, and it uses no 0.8-only API', () => {
    const snippet = documentedSnippet();
    expect(readFileSync(join(ROOT, 'README.md'), 'utf8')).toContain(snippet);
    expect(readFileSync(join(ROOT, 'docs', 'editor.md'), 'utf8')).toContain(snippet);
    expect(snippet).not.toMatch(/vim\.fs\.|vim\.lsp\.start\(/);
  });

  it('gets the server diagnostics for a .txt report, headless', (ctx) => {
    if (!nvim) {
      console.warn(`neovim test skipped: nvim is not installed and could not be installed (${why})`);
      ctx.skip();
      return;
    }
    const version = spawnSync(nvim, ['--version'], { encoding: 'utf8' }).stdout.split('\n')[0];
    // the documented server command on PATH: the checkout's bin (built dist/), as an install puts it there
    const binDir = join(tmp, 'bin');
    mkdirSync(binDir, { recursive: true });
    if (!existsSync(join(binDir, 'report-lint-language-server'))) symlinkSync(join(ROOT, 'bin', 'report-lint-language-server.js'), join(binDir, 'report-lint-language-server'));
    const project = join(tmp, 'project');
    mkdirSync(join(project, '.git'), { recursive: true });
    writeFileSync(join(project, 'report.txt'), ERROR_REPORT);
    const out = join(tmp, 'count.txt');
    writeFileSync(join(tmp, 'snippet.lua'), documentedSnippet());
    // waits up to 20 s for diagnostics in the current buffer, then writes "<count> <filetype> <first message>"
    writeFileSync(
      join(tmp, 'wait.lua'),
      `local deadline = vim.loop.now() + 20000
local function poll()
  local ds = vim.diagnostic.get(0)
  if #ds > 0 or vim.loop.now() > deadline then
    local f = io.open(${JSON.stringify(out)}, 'w')
    f:write(#ds .. ' ' .. vim.bo.filetype .. ' ' .. (ds[1] and ds[1].message or ''))
    f:close()
    vim.cmd('qa!')
  else
    vim.defer_fn(poll, 100)
  end
end
vim.defer_fn(poll, 100)
`,
    );
    const r = spawnSync(nvim, ['--headless', '-u', join(tmp, 'snippet.lua'), 'report.txt', '-c', `luafile ${join(tmp, 'wait.lua')}`], {
      cwd: project,
      encoding: 'utf8',
      timeout: 60_000,
      env: { ...process.env, PATH: `${binDir}:${process.env.PATH}`, HOME: tmp, XDG_CONFIG_HOME: join(tmp, 'config'), XDG_DATA_HOME: join(tmp, 'data'), XDG_STATE_HOME: join(tmp, 'state') },
    });
    expect(existsSync(out), `${version}: no result file; nvim exit ${r.status}\n${r.stdout}\n${r.stderr}`).toBe(true);
    const [count, filetype, ...message] = readFileSync(out, 'utf8').split(' ');
    expect(filetype).toBe('text');
    // ERROR_REPORT has two heading-marker errors (1、 2、)
    expect(Number(count), `${version}: ${r.stderr}`).toBe(2);
    expect(message.join(' ')).toContain('阿拉伯数字序号后用下脚点');
  }, 90_000);
});
