// The install that docs/language-server.md documents, done as written: `npm pack` in the built checkout, then
// `npm install -g` of the tarball into a temporary prefix (dependencies from the npm cache, or the registry).
// The installed bins must work: `report-lint --version`, linting a file, and the language server answering a
// tiny LSP exchange with diagnostics.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ERROR_REPORT, ROOT } from './helpers';

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string };
const TARBALL = `${pkg.name}-${pkg.version}.tgz`;
const doc = readFileSync(join(ROOT, 'docs', 'language-server.md'), 'utf8');

let tmp: string;
let prefix: string;
let installLog = '';
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'report-lint-install-'));
  prefix = join(tmp, 'prefix');
  const npm = (args: string[], cwd: string) => {
    const r = spawnSync('npm', args, { cwd, encoding: 'utf8', env: { ...process.env, npm_config_update_notifier: 'false' } });
    if (r.status !== 0) throw new Error(`npm ${args.join(' ')} failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
    return r.stdout + r.stderr;
  };
  npm(['pack', '--pack-destination', tmp, '--silent'], ROOT);
  installLog = npm(['install', '-g', '--prefix', prefix, join(tmp, TARBALL), '--no-audit', '--no-fund', '--prefer-offline'], tmp);
}, 240_000);
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('install from the repository, as docs/language-server.md says', () => {
  it('the docs give npm pack + npm install -g of the tarball, not the unpublished package name', () => {
    expect(doc).toContain('npm pack');
    expect(doc).toContain(`npm install -g ./${pkg.name}-${pkg.version}.tgz`);
    expect(doc).not.toMatch(/npm install -g report-lint\b/);
  });

  it('the tarball holds the bins and the built bundles, not the sources or tests', () => {
    const list = execFileSync('tar', ['tzf', join(tmp, TARBALL)], { encoding: 'utf8' }).split('\n');
    for (const f of ['bin/report-lint.js', 'bin/report-lint-language-server.js', 'dist/cli.js', 'dist/worker.js', 'dist/server.js', 'dist/lexicon.json', 'package.json', 'README.md']) expect(list).toContain(`package/${f}`);
    expect(list.filter((f) => /\.ts$|^package\/test\//.test(f))).toEqual([]);
    expect(installLog).not.toMatch(/EBADENGINE|npm (warn|WARN|ERR)/);
  });

  it('the installed report-lint runs: --version, and it lints a file (exit 1 on an error finding)', () => {
    const bin = join(prefix, 'bin', 'report-lint');
    expect(existsSync(bin)).toBe(true);
    expect(execFileSync(bin, ['--version'], { encoding: 'utf8' }).trim()).toBe(pkg.version);
    writeFileSync(join(tmp, 'r.txt'), ERROR_REPORT);
    const r = spawnSync(bin, ['--no-config-lookup', '--format', 'json', 'r.txt'], { cwd: tmp, encoding: 'utf8' });
    expect(r.status).toBe(1);
    const out = JSON.parse(r.stdout) as { diagnostics: { rule: string }[] }[];
    expect(out[0].diagnostics.map((d) => d.rule)).toContain('heading-marker');
    // the statistical typo check's word list is read from the installed dist/lexicon.json
    writeFileSync(join(tmp, 't.txt'), '坚持统筹兼故，推动城乡区域协调发展。\n');
    const t = spawnSync(bin, ['--no-config-lookup', '--format', 'json', 't.txt'], { cwd: tmp, encoding: 'utf8' });
    expect(JSON.parse(t.stdout)[0].diagnostics.map((d: { rule: string; message: string }) => `${d.rule} ${d.message}`)).toEqual([expect.stringMatching(/^typo-suspect .*统筹兼顾/)]);
  });

  it('the installed report-lint-language-server answers initialize and publishes diagnostics for an opened report', async () => {
    const bin = join(prefix, 'bin', 'report-lint-language-server');
    expect(execFileSync(bin, ['--version'], { encoding: 'utf8' }).trim()).toBe(pkg.version);
    const server = spawn(bin, ['--stdio'], { cwd: tmp, stdio: ['pipe', 'pipe', 'pipe'] });
    const send = (m: object) => {
      const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...m }), 'utf8');
      server.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
      server.stdin.write(body);
    };
    const messages: { id?: number; method?: string; params?: { diagnostics?: { message: string }[] }; result?: { capabilities?: object } }[] = [];
    let buf = Buffer.alloc(0);
    server.stdout.on('data', (chunk: Buffer) => {
      buf = Buffer.concat([buf, chunk]);
      for (;;) {
        const end = buf.indexOf('\r\n\r\n');
        if (end < 0) return;
        const len = Number(/Content-Length: (\d+)/i.exec(buf.subarray(0, end).toString())?.[1]);
        if (buf.length < end + 4 + len) return;
        const m = JSON.parse(buf.subarray(end + 4, end + 4 + len).toString('utf8'));
        buf = buf.subarray(end + 4 + len);
        // answer the server's requests (workspace/configuration, registrations) with nothing special
        if (m.method && m.id !== undefined) send({ id: m.id, result: m.method === 'workspace/configuration' ? (m.params?.items ?? []).map(() => null) : null });
        messages.push(m);
      }
    });
    const uri = pathToFileURL(join(tmp, 'r.txt')).href;
    try {
      send({ id: 1, method: 'initialize', params: { processId: process.pid, rootUri: pathToFileURL(tmp).href, capabilities: {}, initializationOptions: { settings: { language: 'zh', debounceMs: 0 } } } });
      send({ method: 'initialized', params: {} });
      send({ method: 'textDocument/didOpen', params: { textDocument: { uri, languageId: 'plaintext', version: 1, text: ERROR_REPORT } } });
      const t0 = Date.now();
      let published: { message: string }[] | undefined;
      while (Date.now() - t0 < 20_000 && !published) {
        await new Promise((r) => setTimeout(r, 50));
        published = messages.find((m) => m.method === 'textDocument/publishDiagnostics' && (m.params?.diagnostics?.length ?? 0) > 0)?.params?.diagnostics;
      }
      expect(messages.find((m) => m.id === 1)?.result?.capabilities).toBeDefined();
      expect(published?.map((d) => d.message).join('\n')).toContain('阿拉伯数字序号后用下脚点“.”，不用顿号“、”：“1、”（顿号）应为“1.”（下脚点）');
      send({ id: 2, method: 'shutdown' });
      send({ method: 'exit' });
    } finally {
      server.kill();
    }
  }, 30_000);
});
