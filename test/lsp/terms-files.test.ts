// The terms rule's term files in the Node language server: read next to the .reportlintrc.json that names them,
// watched like it, re-read when they change; a broken one is one message naming it, and the rest of the config applies.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { LspClient, fileUri } from './client';

const TEXT = '区管委会召开会议。全区网格员共320名，全年投资X亿元。本报告为内部资料，绝密。\n';

let client: LspClient;
let ws: string;
let uri: string;

// the message without the clause the server appends ("…（本单位用语规范（…））")
const terms = (ds: Diagnostic[]) => ds.filter((d) => d.code === 'terms').map((d) => d.message.replace(/ ?[（(]本单位用语规范.*$/, ''));
async function pullTerms(): Promise<string[]> {
  const r = await client.pull(uri);
  expect(r.kind).toBe('full');
  return terms(r.items!);
}
/** Writes a file with a modification time that differs from the last one even on a coarse clock. */
let tick = 0;
function writeLater(path: string, text: string): void {
  writeFileSync(path, text);
  const t = new Date(Date.now() + ++tick * 2000);
  utimesSync(path, t, t);
}

beforeAll(async () => {
  ws = mkdtempSync(join(tmpdir(), 'rl-lsp-terms-'));
  writeFileSync(join(ws, '.reportlintrc.json'), JSON.stringify({ rules: { terms: ['warning', { files: ['unit-terms.txt'], forbid: [{ word: '绝密' }] }] } }));
  writeFileSync(join(ws, 'unit-terms.txt'), '区管委会 => 区管理委员会 | 用全称\n');
  writeFileSync(join(ws, 'report.txt'), TEXT);
  uri = fileUri(join(ws, 'report.txt'));
  client = await LspClient.start({ pull: true, rootPath: ws });
  await client.open(uri, TEXT);
});

afterAll(async () => {
  await client?.stop();
  rmSync(ws, { recursive: true, force: true });
});

describe('term files in the language server', () => {
  it('applies the term file after the inline entries, and watches it', async () => {
    expect(await pullTerms()).toEqual(['“区管委会”应为“区管理委员会”：用全称', '禁用词“绝密”']);
    const reg = await client.waitFor(
      () => client.registrations.find((r) => r.method === 'workspace/didChangeWatchedFiles' && JSON.stringify(r.registerOptions).includes('unit-terms.txt')),
      'a watcher for the term file',
    );
    expect(reg.registerOptions).toEqual({ watchers: [{ globPattern: '**/unit-terms.txt' }] });
  });

  it('a changed term file is read again: on the watcher event (with a refresh), and on the next check without one', async () => {
    const refreshes = client.refreshes;
    writeLater(join(ws, 'unit-terms.txt'), '区管委会 => 区管理委员会 | 用全称\n网格员 => 网格管理员\n');
    await client.notify_('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(join(ws, 'unit-terms.txt')), type: 2 }] });
    await client.waitFor(() => client.refreshes > refreshes, 'diagnostic refresh');
    expect(await pullTerms()).toEqual(['“区管委会”应为“区管理委员会”：用全称', '“网格员”应为“网格管理员”', '禁用词“绝密”']);
    // no event (a client that does not watch): the file's stat is part of the config's identity
    writeLater(join(ws, 'unit-terms.txt'), '内部资料 | 对外报告不得出现\n');
    await client.change(uri, [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: '\n' }]);
    expect(await pullTerms()).toEqual(['禁用词“内部资料”：对外报告不得出现', '禁用词“绝密”']);
  });

  it('a broken term file: one message naming it (in the UI language); the inline entries and the other rules go on', async () => {
    client.settings = { language: 'en' };
    await client.notify_('workspace/didChangeConfiguration', { settings: null });
    const before = client.shown.length;
    writeLater(join(ws, 'unit-terms.txt'), `${'长'.repeat(70)}\n`);
    await client.notify_('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(join(ws, 'unit-terms.txt')), type: 2 }] });
    const r = await client.pull(uri);
    expect(terms(r.items!)).toEqual(['forbidden word "绝密"']);
    expect(r.items!.some((d) => d.code === 'placeholder')).toBe(true);
    await client.pull(uri);
    const shown = client.shown.slice(before);
    expect(shown.length).toBe(1);
    expect(shown[0].type).toBe(1);
    expect(shown[0].message).toContain('.reportlintrc.json');
    expect(shown[0].message).toContain('term file "unit-terms.txt": line 1: the word must have 1–64 characters');
    expect(shown[0].message).not.toContain('长长长');
  });

  it('a missing term file says so; creating it makes it apply', async () => {
    rmSync(join(ws, 'unit-terms.txt'));
    await client.notify_('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(join(ws, 'unit-terms.txt')), type: 3 }] });
    const before = client.shown.length;
    expect(await pullTerms()).toEqual(['forbidden word "绝密"']);
    await client.waitFor(() => client.shown.slice(before).find((m) => m.message.includes('term file "unit-terms.txt": cannot read it')), 'the missing-file message');
    writeLater(join(ws, 'unit-terms.txt'), '网格员 => 网格管理员\n');
    await client.notify_('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(join(ws, 'unit-terms.txt')), type: 1 }] });
    expect(await pullTerms()).toEqual(['"网格员" should be "网格管理员"', 'forbidden word "绝密"']);
  });
});
