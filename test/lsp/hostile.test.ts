// Issue 13 ("never lose a byte"), language server part: what a careless client or a hostile workspace sends must
// neither mislead the server nor wedge it. Every test runs the built server as a real process.
import { afterAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic, Hover, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { fixText } from '../../rules/engine';
import { LspClient, SEED_000, fileUri, seed } from './client';

const text000 = seed(SEED_000);
const ws = mkdtempSync(join(tmpdir(), 'rl-lsp-hostile-'));
const clients: LspClient[] = [];

afterAll(async () => {
  await Promise.all(clients.map((c) => c.stop()));
  rmSync(ws, { recursive: true, force: true });
});

async function start(options: Parameters<typeof LspClient.start>[0]): Promise<LspClient> {
  const c = await LspClient.start(options);
  clients.push(c);
  return c;
}

const hm = (ds: Diagnostic[]) => ds.filter((d) => d.code === 'heading-marker');

function codeActions(c: LspClient, uri: string, d: Diagnostic, only?: string[]): Promise<CodeAction[]> {
  return c.request('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d], ...(only ? { only } : {}) } });
}

/** Sends new text under the version the document already has (#22), and mirrors it in the client's copy. */
async function resendSameVersion(c: LspClient, uri: string, text: string): Promise<void> {
  const doc = c.docs.get(uri)!;
  const version = c.version(uri);
  c.docs.set(uri, TextDocument.create(uri, doc.languageId, version, text));
  await c.notify_('textDocument/didChange', {
    textDocument: { uri, version },
    contentChanges: [{ range: { start: { line: 0, character: 0 }, end: doc.positionAt(doc.getText().length) }, text }],
  });
}

describe('docsBaseUrl (#9)', () => {
  it('takes only an http(s) URL: anything else falls back to the default and is logged', async () => {
    const c = await start({ pull: true, settings: { docsBaseUrl: 'command:workbench.action.terminal.new?%5B%5D' } });
    const uri = fileUri(join(ws, 'docs-cmd.txt'));
    await c.open(uri, text000);
    const d = hm((await c.pull(uri)).items!)[0];
    // the default: the page installed with the server
    const bundled = /^file:\/\/\/.*\/docs\/rules\/heading-marker\.md$/;
    expect(d.codeDescription!.href).toMatch(bundled);
    const h = await c.request<Hover>('textDocument/hover', { textDocument: { uri }, position: d.range.start });
    const md = (h.contents as { value: string }).value;
    expect(md).not.toContain('command:');
    expect(md).toContain(`](${d.codeDescription!.href})`);
    expect(c.logs.some((l) => l.message.includes('docsBaseUrl must be an http:// or https:// URL'))).toBe(true);
    for (const bad of ['javascript:alert(1)//', 'file:///etc/', 'https://user:pw@docs.test/', 'not a url']) {
      c.settings = { docsBaseUrl: bad };
      await c.notify_('workspace/didChangeConfiguration', { settings: null });
      const href = hm((await c.pull(uri)).items!)[0].codeDescription!.href;
      expect(href, bad).toMatch(bundled);
    }
  });

  it('escapes what could end the Markdown link in a hover', async () => {
    const c = await start({ pull: true, settings: { docsBaseUrl: 'https://docs.test/a b)[x](command:evil)<y>' } });
    const uri = fileUri(join(ws, 'docs-escape.txt'));
    await c.open(uri, text000);
    const d = hm((await c.pull(uri)).items!)[0];
    const href = d.codeDescription!.href;
    expect(href).toBe('https://docs.test/a%20b%29%5Bx%5D%28command:evil%29%3Cy%3E/heading-marker.md');
    const h = await c.request<Hover>('textDocument/hover', { textDocument: { uri }, position: d.range.start });
    const md = (h.contents as { value: string }).value;
    // exactly one link, whose destination is the whole escaped URL
    expect(md.match(/\]\(/g)!.length).toBe(1);
    expect(md).toContain(`](${href})`);
  });
});

describe('the same version with new text (#22)', () => {
  it('pull: lints the new text and offers fixes for it, not for the old one', async () => {
    const c = await start({ pull: true });
    const uri = fileUri(join(ws, 'same-version-pull.txt'));
    await c.open(uri, text000);
    expect(hm((await c.pull(uri)).items!).length).toBe(22);
    const fixed = text000.replace('(一)', '（一）');
    await resendSameVersion(c, uri, fixed);
    const ds = hm((await c.pull(uri)).items!);
    expect(ds.length).toBe(21);
    const doc = c.docs.get(uri)!;
    expect(ds.map((d) => doc.offsetAt(d.range.start))).not.toContain(text000.indexOf('(一)'));
    const fix = (await codeActions(c, uri, ds[0])).find((a) => a.isPreferred)!;
    const after = c.applyEdit(uri, fix.edit as WorkspaceEdit);
    expect(after.length).toBe(fixed.length);
    // the quick fix changed exactly the marker the new diagnostic points at
    const at = doc.offsetAt(ds[0].range.start);
    expect(after.slice(0, at)).toBe(fixed.slice(0, at));
    expect(after.slice(at)).not.toBe(fixed.slice(at));
  });

  it('push: publishes the findings of the new text', async () => {
    const c = await start({ pull: false, settings: { debounceMs: 0 } });
    const uri = fileUri(join(ws, 'same-version-push.txt'));
    await c.open(uri, text000);
    expect(hm(await c.diagnosticsFor(uri, 1)).length).toBe(22);
    const start0 = c.published.length;
    await resendSameVersion(c, uri, text000.replace('(一)', '（一）'));
    const p = await c.waitFor(() => c.published.slice(start0).find((x) => x.uri === uri), 'a new publish');
    expect(hm(p.diagnostics).length).toBe(21);
  });
});

describe('"disable rule" quick fixes keep the line ending (#24)', () => {
  for (const [name, eol] of [
    ['CR', '\r'],
    ['CRLF', '\r\n'],
  ] as const) {
    it(`insert ${name} into a ${name} document, for a line and for the file, .txt and .md`, async () => {
      const c = await start({ pull: true });
      const crText = text000.replace(/\r\n|\r|\n/g, eol);
      for (const [file, lang] of [
        ['eol.txt', 'plaintext'],
        ['eol.md', 'markdown'],
      ] as const) {
        const uri = fileUri(join(ws, `${name}-${file}`));
        await c.open(uri, crText, lang);
        const ds = (await c.pull(uri)).items!;
        expect(ds.length).toBeGreaterThan(0);
        const d = ds.find((x) => x.code === 'heading-marker' || x.code === 'heading-sequence') ?? ds[0];
        const actions = await codeActions(c, uri, d);
        const before = c.text(uri);
        const disables = actions.filter((a) => /^在本(行|文件)停用/.test(a.title));
        expect(disables.length).toBe(2);
        for (const a of disables) {
          const after = c.applyEdit(uri, a.edit as WorkspaceEdit);
          expect(after.length).toBeGreaterThan(before.length);
          // no line ending of another kind appears
          const others = eol === '\r' ? /\n/ : /\r(?!\n)|(?<!\r)\n/;
          expect(others.test(after), a.title).toBe(false);
        }
      }
    });
  }
});

describe('a hostile placeholder allowlist in .reportlintrc.json (#13)', () => {
  it('50 growing runs of X over 1 MB of X: the server answers quickly', async () => {
    const dir = join(ws, 'allow');
    mkdirSync(dir);
    const allow = Array.from({ length: 50 }, (_, i) => 'X'.repeat(i + 1));
    writeFileSync(join(dir, '.reportlintrc.json'), JSON.stringify({ rules: { placeholder: ['warning', { allow }] } }));
    const c = await start({ pull: true });
    const uri = fileUri(join(dir, 'x.txt'));
    await c.open(uri, 'X'.repeat(1 << 20));
    const t0 = Date.now();
    const items = (await c.pull(uri)).items!;
    expect(Date.now() - t0).toBeLessThan(20_000);
    expect(items.filter((d) => d.code === 'placeholder').length).toBe(1);
  }, 60_000);
});

describe('code actions on a 1 MB document for clients without codeAction/resolve (#17)', () => {
  let big = '';
  while (big.length < 1_000_000) big += text000 + '\n';

  async function timed<T>(p: Promise<T>): Promise<[T, number]> {
    const t0 = Date.now();
    const r = await p;
    return [r, Date.now() - t0];
  }

  it('with workspace/applyEdit: "fix all" is a command, computed only when run', async () => {
    const c = await start({ pull: true, applyEdit: true });
    expect(c.init.capabilities.executeCommandProvider?.commands).toEqual(['report-lint.server.fixAll']);
    const uri = fileUri(join(ws, 'big-command.txt'));
    await c.open(uri, big);
    const ds = hm((await c.pull(uri)).items!);
    expect(ds.length).toBeGreaterThan(100);
    for (const d of [ds[0], ds[50], ds.at(-1)!]) {
      const [actions, ms] = await timed(codeActions(c, uri, d));
      expect(ms).toBeLessThan(1500);
      expect(actions.find((a) => a.isPreferred)!.edit).toBeDefined();
      const all = actions.find((a) => a.title === '修复全部 heading-marker 问题')!;
      expect(all.edit).toBeUndefined();
      expect(all.command!.command).toBe('report-lint.server.fixAll');
    }
    const whole = { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } } as Diagnostic;
    const [[fixAll], ms] = await timed(c.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: whole.range, context: { diagnostics: [], only: ['source.fixAll'] } }));
    expect(ms).toBeLessThan(1500);
    expect(fixAll.kind).toBe('source.fixAll.report-lint');
    // run: the server computes the edit and asks the client to apply it, pinned to the version it was offered on
    await c.request('workspace/executeCommand', fixAll.command);
    const applied = await c.waitFor(() => c.appliedEdits.at(-1), 'workspace/applyEdit');
    const fixed = c.applyEdit(uri, applied.edit);
    expect(fixed).toBe(fixText(big, { filename: join(ws, 'big-command.txt') }).output);
    // offered on an older text: nothing is applied
    const n = c.appliedEdits.length;
    await c.change(uri, [{ range: whole.range, text: ' ' }]);
    await c.request('workspace/executeCommand', fixAll.command);
    expect(c.appliedEdits.length).toBe(n);
  }, 120_000);

  it('without it: the edits are computed once per text, not per request', async () => {
    const c = await start({ pull: true });
    const uri = fileUri(join(ws, 'big-eager.txt'));
    await c.open(uri, big);
    const ds = hm((await c.pull(uri)).items!);
    const [, first] = await timed(codeActions(c, uri, ds[0])); // computes "fix all heading-marker" (whole lints)
    for (const d of [ds[1], ds[60], ds.at(-1)!]) {
      const [actions, ms] = await timed(codeActions(c, uri, d));
      expect(ms).toBeLessThan(Math.max(first / 3, 50));
      expect(actions.find((a) => a.title === '修复全部 heading-marker 问题')!.edit).toBeDefined();
    }
  }, 120_000);
});
