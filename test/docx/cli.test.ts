// The CLI on .docx files: Word locations in every format, the zip-bomb bound, --fix refused and not counted.
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, json, run, tempDir, write } from '../cli/helpers';
import { buildDocx, p } from './build';

let dir: string;
beforeAll(() => {
  dir = tempDir();
});
afterAll(() => cleanup(dir));

// a table cell and a body paragraph, each with a half-width comma (a fix) and a placeholder (no fix)
const body =
  p('关于2024年工作的报告') +
  p('一、工作回顾') +
  p('全年完成投资X亿元,增长8%。') +
  '<w:tbl><w:tr><w:tc>' + p('指标') + '</w:tc><w:tc>' + p('产值增长5%,利润增长3%') + '</w:tc></w:tr></w:tbl>';

/** A zip whose document.xml inflates to ~200 MB of spaces from a few hundred kB: yazl deflates a stream of them. */
async function zipBomb(): Promise<Buffer> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const yazl = require('yazl') as typeof import('yazl');
  const zip = new yazl.ZipFile();
  const chunk = Buffer.alloc(1 << 20, 0x20);
  let left = 200;
  const spaces = new Readable({ read() { this.push(left-- > 0 ? chunk : null); } });
  zip.addBuffer(Buffer.from('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'), '[Content_Types].xml');
  zip.addReadStream(spaces, 'word/document.xml');
  zip.end();
  const parts: Buffer[] = [];
  for await (const c of zip.outputStream) parts.push(c as Buffer);
  return Buffer.concat(parts);
}

describe('report-lint on .docx', () => {
  it('every format says where a finding is in Word terms, with an excerpt; JSON keeps its fields', async () => {
    write(dir, 'r.docx', await buildDocx({ body }));
    const [e] = json(run(['--format', 'json', 'r.docx'], { cwd: dir }));
    const comma = e.diagnostics.filter((d) => d.rule === 'punctuation-width');
    expect(comma.map((d) => [d.location, d.excerpt])).toEqual([
      ['第3段', '…年完成投资X亿元,增长8%。'],
      ['表1第1行第2列', '产值增长5%,利润增长3%'],
    ]);
    for (const d of comma) expect(Object.keys(d)).toEqual(['rule', 'severity', 'message', 'line', 'column', 'endLine', 'endColumn', 'offset', 'endOffset', 'fix', 'location', 'excerpt']);
    const stylish = run(['r.docx'], { cwd: dir }).stdout;
    expect(stylish).toMatch(/^ {2}第3段 +(错误|警告) .*「…年完成投资X亿元,增长8%。」/m);
    expect(stylish).toMatch(/^ {2}表1第1行第2列 +(错误|警告) /m);
    // --fix cannot write these fixes: the summary does not offer them
    expect(stylish).not.toContain('--fix');
    expect(run(['--format', 'github', 'r.docx'], { cwd: dir }).stdout).toContain('——表1第1行第2列「产值增长5%25,利润增长3%25」'); // (% escaped as workflow commands want)
    expect(run(['--format', 'junit', 'r.docx'], { cwd: dir }).stdout).toContain('<testcase name="表1第1行第2列 punctuation-width"');
    const sarif = JSON.parse(run(['--format', 'sarif', 'r.docx'], { cwd: dir }).stdout);
    expect(sarif.runs[0].results.map((r: { message: { text: string } }) => r.message.text).join('\n')).toContain('——第3段「…年完成投资X亿元,增长8%。」');
    const en = run(['--lang', 'en', 'r.docx'], { cwd: dir }).stdout;
    expect(en).toMatch(/^ {2}table 1, row 1, cell 2 +(error|warning) /m);
  });

  it('--fix on a .docx refuses and points to --review', async () => {
    write(dir, 'f.docx', await buildDocx({ body }));
    const r = run(['--fix', 'f.docx'], { cwd: dir });
    expect(r.stderr).toContain('用 --review 得到一份带批注的副本');
    expect(run(['--lang', 'en', '--fix', 'f.docx'], { cwd: dir }).stderr).toContain('use --review');
  });

  it('a zip bomb is skipped with its reason within a small heap, the other files still reported', async () => {
    const bomb = await zipBomb();
    expect(bomb.length).toBeLessThan(1_000_000);
    write(dir, 'bomb/bomb.docx', bomb);
    write(dir, 'bomb/ok.txt', '全年完成投资X亿元。\n');
    // the declared size is honest: refused before inflating. Then the same bomb declaring 1 kB: counted while inflating
    const lying = Buffer.from(bomb);
    const cd = lying.lastIndexOf(Buffer.from('word/document.xml')) - 46;
    expect(lying.readUInt32LE(cd)).toBe(0x02014b50);
    lying.writeUInt32LE(1024, cd + 24);
    write(dir, 'bomb/lying.docx', lying);
    const r = run(['--format', 'json', 'bomb/bomb.docx', 'bomb/lying.docx', 'bomb/ok.txt'], { cwd: dir, env: { NODE_OPTIONS: '--max-old-space-size=96' } });
    const by = Object.fromEntries(json(r).map((e) => [e.file, e]));
    expect(by['bomb/bomb.docx'].skipped).toMatch(/^too large once uncompressed/);
    expect(by['bomb/lying.docx'].skipped).toMatch(/^not a readable \.docx \(word\/document\.xml: too many bytes|^too large once uncompressed/);
    expect(by['bomb/ok.txt'].diagnostics.some((d) => d.rule === 'placeholder')).toBe(true);
  }, 60_000);
});
