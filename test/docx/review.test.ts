// The reviewed copy (report-lint --review): comments anchored on exactly the finding's text, read back by
// LibreOffice; tracked changes that accept to --fix's text and reject to the original; other parts untouched.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lint } from '../../rules/engine';
import { messageText } from '../../rules/engine';
import { readDocxText } from '../../node/docx/read';
import { readZip } from '../../node/docx/zip';
import { cleanup, ROOT, run, tempDir, write } from '../cli/helpers';
import { buildDocx, p } from './build';
import { convert, printWithComments, readOdt, skipLibreOffice, skipPrint } from './libreoffice';

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000001e221bc330000000049454e44ae426082', 'hex');

const NUMBERING =
  '<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="(%1)"/><w:suff w:val="nothing"/></w:lvl></w:abstractNum>' +
  '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>';

const bodyXml =
  p('关于2024年工作的报告') +
  '<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>总体情况</w:t></w:r></w:p>' +
  // the comma sits in a bold run that goes on after it: the split keeps both halves bold
  p('<w:r><w:rPr><w:b/></w:rPr><w:t>全年完成投资X亿元,增</w:t></w:r>', '<w:r><w:t>长8%。</w:t></w:r>') +
  // a comment and an insertion by people, kept as they are
  p('<w:commentRangeStart w:id="0"/>', '产值增长5%', '<w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r>', '<w:ins w:id="1" w:author="Alice" w:date="2024-01-01T00:00:00Z"><w:r><w:t>，利润增长3%</w:t></w:r></w:ins>', '。') +
  p('各县培育1-2个特色产业,', '打造示范镇。');

const COMMENTS = '<w:comment w:id="0" w:author="张三" w:date="2024-01-01T00:00:00Z" w:initials="ZS"><w:p><w:r><w:t>请核实</w:t></w:r></w:p></w:comment>';

let dir: string;
let original: Buffer;
beforeAll(async () => {
  dir = tempDir();
  original = await buildDocx({ body: bodyXml, numbering: NUMBERING, comments: COMMENTS, extra: { 'word/media/image1.png': PNG, 'docProps/custom.xml': Buffer.from('<?xml version="1.0"?><x/>') } });
});
afterAll(() => cleanup(dir));

async function parts(buf: Buffer): Promise<Map<string, Buffer>> {
  return new Map((await readZip(buf)).entries.map((e) => [e.name, e.data]));
}

describe('report-lint --review', () => {
  it('writes <name>.reviewed.docx beside the input, never over a file; --fix still refuses', async () => {
    write(dir, 'a/r.docx', original);
    const r1 = run(['--review', 'a/r.docx'], { cwd: dir });
    expect(r1.stderr).toMatch(/已写出 a\/r\.reviewed\.docx（\d+ 条批注）/);
    const r2 = run(['--review', 'a/r.docx'], { cwd: dir });
    expect(r2.stderr).toContain('a/r.reviewed-2.docx');
    expect(readFileSync(join(dir, 'a/r.docx')).equals(original)).toBe(true);
    expect(existsSync(join(dir, 'a/r.reviewed.docx')) && existsSync(join(dir, 'a/r.reviewed-2.docx'))).toBe(true);
    expect(run(['--review', '--fix', 'a/r.docx'], { cwd: dir }).code).toBe(2);
    expect(run(['--track-changes', 'a/r.docx'], { cwd: dir }).code).toBe(2);
  });

  it('changes only the document, the comments, the relationships and [Content_Types].xml', async () => {
    write(dir, 'b/r.docx', original);
    run(['--review', '--track-changes', 'b/r.docx'], { cwd: dir });
    const before = await parts(original);
    const after = await parts(readFileSync(join(dir, 'b/r.reviewed.docx')));
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    const changed = [...before.keys()].filter((k) => !before.get(k)!.equals(after.get(k)!)).sort();
    expect(changed).toEqual(['word/comments.xml', 'word/document.xml']);
    // without a comments part in the input: one is added, with its relationship and content type
    write(dir, 'b/plain.docx', await buildDocx({ body: bodyXml, extra: { 'word/media/image1.png': PNG } }));
    run(['--review', 'b/plain.docx'], { cwd: dir });
    const p0 = await parts(readFileSync(join(dir, 'b/plain.docx')));
    const p1 = await parts(readFileSync(join(dir, 'b/plain.reviewed.docx')));
    const changed2 = [...p1.keys()].filter((k) => !p0.get(k)?.equals(p1.get(k)!)).sort();
    expect(changed2).toEqual(['[Content_Types].xml', 'word/_rels/document.xml.rels', 'word/comments.xml', 'word/document.xml']);
    // and the copy reads back as the same text
    expect((await readDocxText(readFileSync(join(dir, 'b/plain.reviewed.docx')))).text).toBe((await readDocxText(readFileSync(join(dir, 'b/plain.docx')))).text);
  });

  it('splits runs at the finding, keeping their formatting', async () => {
    write(dir, 'c/r.docx', original);
    run(['--review', 'c/r.docx'], { cwd: dir });
    const xml = (await parts(readFileSync(join(dir, 'c/r.reviewed.docx')))).get('word/document.xml')!.toString('utf8');
    // "X" (a placeholder) and "," (a half-width comma) each a bold run of their own, between the comment's markers
    expect(xml).toMatch(/<w:r><w:rPr><w:b\/><\/w:rPr><w:t[^>]*>全年完成投资<\/w:t><\/w:r><w:commentRangeStart w:id="(\d+)"\/><w:r><w:rPr><w:b\/><\/w:rPr><w:t[^>]*>X<\/w:t><\/w:r><w:commentRangeEnd w:id="\1"\/><w:r><w:commentReference w:id="\1"\/><\/w:r>/);
    expect(xml).toMatch(/<w:t[^>]*>亿元<\/w:t><\/w:r><w:commentRangeStart w:id="(\d+)"\/><w:r><w:rPr><w:b\/><\/w:rPr><w:t[^>]*>,<\/w:t><\/w:r><w:commentRangeEnd w:id="\1"\/><w:r><w:commentReference w:id="\1"\/><\/w:r><w:r><w:rPr><w:b\/><\/w:rPr><w:t[^>]*>增<\/w:t><\/w:r><w:r><w:t>长8%。/);
  });

  it('a finding in a header, a note or a text box: commented (on the first paragraph when Word anchors none there), the text intact', async () => {
    const { reviewDocx } = await import('../../node/docx/review');
    const buf = await buildDocx({
      body:
        p('关于2024年工作的报告') +
        p('图', '<w:r><w:drawing><wps:txbx><w:txbxContent>' + p('框内1-2个,') + '</w:txbxContent></wps:txbx></w:drawing></w:r>') +
        p('正文', '<w:r><w:footnoteReference w:id="1"/></w:r>'),
      footnotes: '<w:footnote w:id="1">' + p('注释中的半角逗号,') + '</w:footnote>',
      header: p('某某局,文件'),
    });
    const d = await readDocxText(buf);
    const findings = lint(d.text, { format: 'text' }).findings;
    const where = (s: string) => findings.filter((f) => d.text.slice(f.offset, f.endOffset) === s || d.paragraphs.find((x) => x.start <= f.offset && f.offset <= x.end)!.area === s);
    expect(where('textbox').length).toBeGreaterThan(0);
    expect(where('footnote').length).toBeGreaterThan(0);
    expect(where('header').length).toBeGreaterThan(0);
    const r = await reviewDocx(buf, findings, { lang: 'zh', trackChanges: true });
    const after = await parts(r.data);
    const comments = after.get('word/comments.xml')!.toString('utf8');
    expect(comments.match(/<w:comment /g)).toHaveLength(findings.length);
    expect(comments).toContain('【脚注1：“,”】');
    expect(comments).toContain('【页眉：“,”】');
    // header and footnote parts untouched; the text box's comma fixed as a tracked change inside the box
    const before = await parts(buf);
    expect(after.get('word/header1.xml')!.equals(before.get('word/header1.xml')!)).toBe(true);
    expect(after.get('word/footnotes.xml')!.equals(before.get('word/footnotes.xml')!)).toBe(true);
    const reread = await readDocxText(r.data);
    expect(reread.text.split('\n')[2]).toBe('框内1～2个，');
    expect(reread.text.split('\n')[4]).toBe('注释中的半角逗号,');
  });

  describe.skipIf(skipLibreOffice)('read back by LibreOffice', () => {
    it('one comment per finding, by report-lint, with the message and fix, anchored on exactly its text; people\'s comments and revisions kept', async () => {
      const out = join(dir, 'lo1');
      mkdirSync(out, { recursive: true });
      write(dir, 'lo1/r.docx', original);
      run(['--review', 'lo1/r.docx'], { cwd: dir });
      const odt = await readOdt(convert(join(out, 'r.reviewed.docx'), 'odt', out));
      const d = await readDocxText(original);
      const findings = lint(d.text, { format: 'text' }).findings;
      expect(findings.length).toBeGreaterThanOrEqual(5);
      const ours = odt.comments.filter((c) => c.author === 'report-lint');
      expect(ours).toHaveLength(findings.length);
      const expected = findings.map((f) => {
        const para = d.paragraphs.find((x) => x.start <= f.offset && f.offset <= x.end)!;
        const numbering = para.pieces.some((x) => x.kind === 'numbering' && x.start <= f.offset && f.endOffset <= x.end);
        // an ordinal of Word's numbering has no run to anchor on: the paragraph is the anchor
        return { anchored: numbering ? d.text.slice(para.pieces[1].start, para.end) : d.text.slice(f.offset, f.endOffset), message: messageText(f.message, 'zh'), fix: f.fix };
      });
      for (const e of expected) {
        const c = ours.find((x) => x.anchored === e.anchored && x.text.startsWith(e.message) || x.text.includes(`】${e.message}`) && x.anchored === e.anchored);
        expect(c, `a comment "${e.message}" on "${e.anchored}"`).toBeDefined();
        if (e.fix) expect(c!.text).toContain('建议修改：');
      }
      const people = odt.comments.filter((c) => c.author === '张三');
      expect(people).toEqual([{ author: '张三', text: '请核实', anchored: '产值增长5%' }]);
      expect(odt.changes).toContainEqual({ kind: 'insertion', author: 'Alice' });
    }, 180_000);

    it('--track-changes: accepting all gives --fix\'s text on the text twin, rejecting all gives the original', async () => {
      const out = join(dir, 'lo2');
      mkdirSync(out, { recursive: true });
      write(dir, 'lo2/r.docx', original);
      const r = run(['--review', '--track-changes', 'lo2/r.docx'], { cwd: dir });
      expect(r.stderr).toMatch(/处修订/);
      const odt = await readOdt(convert(join(out, 'r.reviewed.docx'), 'odt', out));
      expect(odt.changes.filter((c) => c.author === 'report-lint').length).toBeGreaterThanOrEqual(3);
      const d = await readDocxText(original);
      const lines = d.text.split('\n');
      write(dir, 'lo2/twin.txt', d.text);
      run(['--fix', 'lo2/twin.txt'], { cwd: dir });
      const fixed = readFileSync(join(dir, 'lo2/twin.txt'), 'utf8').split('\n');
      // LibreOffice keeps the list label out of the paragraph text: compare without it
      const label = d.paragraphs[1].pieces[0];
      expect(label.kind).toBe('numbering');
      const noLabel = (ls: string[]) => ls.map((l, i) => (i === 1 ? l.slice(label.end - label.start) : l));
      expect(odt.rejected).toEqual(noLabel(lines));
      // the numbering's "(一)" is fixed in the twin, not in Word's numbering (a comment there): all else is --fix's text
      expect(fixed[1]).not.toBe(lines[1]);
      expect(odt.accepted[1]).toBe(noLabel(lines)[1]);
      expect(odt.accepted.filter((_, i) => i !== 1)).toEqual(fixed.filter((_, i) => i !== 1));
    }, 180_000);

    // The picture shows the page as a reader of the reviewed copy sees it: the tracked changes in the text and each
    // comment (message, suggested fix, author, date) in the right margin. LibreOffice 7.4's PDF export draws comments
    // only as note icons, so the copy is printed with Writer's "comments in margins" (print-with-comments.py).
    it.skipIf(skipPrint)('a picture of a reviewed page with its comments\' text in the margin, in test-results/', async () => {
      const out = join(ROOT, 'test-results');
      mkdirSync(out, { recursive: true });
      // a page of a work summary with a few findings with fixes and one without (typed ordinals: LibreOffice 7.4
      // draws Word list labels next to tracked changes with its own "original numbering" marks, which would confuse)
      const body = (
        [
          '生态园区2023年工作总结',
          '一、2023年工作回顾',
          '(一)招商引资',
          '1-9月,园区新签约项目12个,总投资X亿元。',
          '(二)园区建设',
          '完成标准厂房建设5万平方米,同比增长15%。',
        ].map((l) => p(l)).join('')
      );
      write(dir, 'pic/reviewed-page.docx', await buildDocx({ body }));
      const review = run(['--review', '--track-changes', 'pic/reviewed-page.docx'], { cwd: dir });
      const count = Number(/（(\d+) 条批注/.exec(review.stderr)?.[1]);
      expect(count).toBeGreaterThanOrEqual(5);
      const pdf = join(out, 'reviewed-page.pdf');
      printWithComments(join(dir, 'pic/reviewed-page.reviewed.docx'), pdf);
      const { spawnSync } = await import('node:child_process');
      // the words LibreOffice laid out on page 1, with their boxes (points)
      const bbox = spawnSync('pdftotext', ['-bbox', '-f', '1', '-l', '1', pdf, '-'], { encoding: 'utf8' });
      expect(bbox.status).toBe(0);
      const width = Number(/<page width="([\d.]+)"/.exec(bbox.stdout)?.[1]);
      const words = [...bbox.stdout.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)]
        .map((m) => ({ x0: +m[1], y0: +m[2], x1: +m[3], y1: +m[4], text: m[5] }));
      // one author line per comment, in the right margin beside the page, and the messages' text there
      const authors = words.filter((w) => w.text === 'report-lint');
      expect(authors).toHaveLength(count);
      for (const a of authors) expect(a.x0).toBeGreaterThan(width / 2);
      const margin = words.filter((w) => w.x0 > width / 2).map((w) => w.text).join('');
      expect(margin).toContain('未填写');
      expect(margin).toContain('建议修改');
      // the part of page 1 with text: the lines and the comments beside them
      const y0 = Math.min(...words.map((w) => w.y0)) - 8;
      const y1 = Math.max(...words.map((w) => w.y1)) + 8;
      const x0 = Math.min(...words.map((w) => w.x0)) - 8;
      const x1 = Math.max(...words.map((w) => w.x1)) + 8;
      const dpi = 150;
      const px = (pt: number) => String(Math.round((pt * dpi) / 72));
      const png = join(out, 'reviewed-page');
      const r = spawnSync('pdftoppm', ['-png', '-r', String(dpi), '-singlefile', '-f', '1', '-l', '1', '-x', px(x0), '-y', px(y0), '-W', px(x1 - x0), '-H', px(y1 - y0), pdf, png]);
      expect(r.status).toBe(0);
      expect(readFileSync(`${png}.png`).subarray(0, 8).equals(PNG.subarray(0, 8))).toBe(true);
    }, 180_000);
  });
});
