// Issue 13 #12: a push-mode client (Neovim) with debounceMs 0 sending edits faster than a lint takes. The server
// coalesces: memory stays bounded, it publishes far fewer times than there are edits, and what it publishes last
// is right for the last version.
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lint } from '../../rules/engine';
import { LspClient, SEED_000, SEED_001, fileUri, seed } from './client';

const ws = mkdtempSync(join(tmpdir(), 'rl-lsp-load-'));
let client: LspClient | undefined;

afterAll(async () => {
  await client?.stop();
  rmSync(ws, { recursive: true, force: true });
});

function peakRss(pid: number): number {
  return Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) * 1024;
}

describe('2,000 quick edits of a 200 kB report, debounceMs 0 (#12)', () => {
  it('are coalesced: bounded memory, few publishes, the last version right', async () => {
    let text = '';
    while (Buffer.byteLength(text) < 200_000) text += seed(SEED_000) + '\n' + seed(SEED_001) + '\n';
    client = await LspClient.start({ pull: false, settings: { debounceMs: 0 } });
    const uri = fileUri(join(ws, 'big.txt'));
    await client.open(uri, text);
    await client.diagnosticsFor(uri, 1, 60_000);
    const before = client.published.filter((p) => p.uri === uri).length;
    const doc = () => client!.docs.get(uri)!;
    let last = 1;
    for (let i = 0; i < 2000; i++) {
      // typing and deleting all over the document, as an editor sends it
      const at = (i * 7919) % (doc().getText().length - 1);
      const pos = doc().positionAt(at);
      last = await client.change(uri, [i % 3 === 2 ? { range: { start: pos, end: doc().positionAt(at + 1) }, text: '' } : { range: { start: pos, end: pos }, text: i % 2 ? '，' : '年' }]);
    }
    const ds = await client.diagnosticsFor(uri, last, 120_000);
    const publishes = client.published.filter((p) => p.uri === uri).length - before;
    expect(publishes).toBeLessThan(200);
    // the diagnostics are those of the final text
    const final = doc();
    const expected = lint(final.getText(), { filename: join(ws, 'big.txt'), format: 'text' }).findings;
    expect(ds.length).toBe(expected.length);
    expect(ds.map((d) => [d.code, final.offsetAt(d.range.start), final.offsetAt(d.range.end)])).toEqual(expected.map((f) => [f.ruleId, f.offset, f.endOffset]));
    expect(peakRss(client.proc.pid!)).toBeLessThan(1024 * 1024 * 1024);
  }, 240_000);
});
