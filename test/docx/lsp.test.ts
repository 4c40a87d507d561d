// The language server's reportLint/checkDocx (the VS Code command "检查 Word 文档"): findings on the text read,
// located in Word's terms, and the reviewed copy written beside the .docx.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { LspClient, fileUri } from '../lsp/client';
import { buildDocx, p } from './build';

let client: LspClient;
let ws: string;
beforeAll(async () => {
  ws = mkdtempSync(join(tmpdir(), 'report-lint-docx-lsp-'));
  client = await LspClient.start({ pull: true, rootPath: ws });
});
afterAll(async () => {
  await client?.stop();
  rmSync(ws, { recursive: true, force: true });
});

describe('reportLint/checkDocx', () => {
  it('returns the text and its findings (第N段 / table cell in the message) and writes the reviewed copy', async () => {
    const file = join(ws, '报告.docx');
    writeFileSync(file, await buildDocx({ body: p('关于2024年工作的报告') + p('全年完成投资X亿元,增长8%。') + '<w:tbl><w:tr><w:tc>' + p('利润增长3%,') + '</w:tc></w:tr></w:tbl>' }));
    const r = await client.request<{ text: string; diagnostics: Diagnostic[]; reviewed: string; comments: number }>('reportLint/checkDocx', { uri: fileUri(file) });
    expect(r.text.split('\n')).toEqual(['关于2024年工作的报告', '全年完成投资X亿元,增长8%。', '利润增长3%,']);
    const comma = r.diagnostics.filter((d) => d.code === 'punctuation-width');
    expect(comma.map((d) => [d.range.start.line, d.range.start.character])).toEqual([[1, 9], [2, 6]]);
    expect(comma[0].message).toMatch(/^第2段：/);
    expect(comma[1].message).toMatch(/^表1第1行第1列：/);
    expect(r.reviewed).toBe(join(ws, '报告.reviewed.docx'));
    expect(existsSync(r.reviewed)).toBe(true);
    expect(r.comments).toBe(r.diagnostics.length);
    // a broken file: skipped with its reason, the server keeps serving
    writeFileSync(join(ws, 'bad.docx'), 'PK\u0003\u0004 nonsense');
    const bad = await client.request<{ skipped?: string }>('reportLint/checkDocx', { uri: fileUri(join(ws, 'bad.docx')) });
    expect(bad.skipped).toMatch(/^not a readable \.docx/);
  });
});
