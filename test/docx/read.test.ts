// The .docx reader on documents built in the test: each construct read as Word shows it, in reading order.
import { describe, expect, it } from 'vitest';
import { readDocxText } from '../../node/docx/read';
import { docxLocator } from '../../node/docx/locate';
import { buildDocx, numbered, numbering, p } from './build';

const read = async (parts: Parameters<typeof buildDocx>[0]) => readDocxText(await buildDocx(parts));

describe('.docx reader', () => {
  it('a table with merged cells: each cell once, by row, located by table, row and column', async () => {
    const cell = (t: string, pr = '') => `<w:tc><w:tcPr>${pr}</w:tcPr>${p(t)}</w:tc>`;
    const d = await read({
      body:
        p('前言') +
        '<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>' +
        `<w:tr>${cell('指标', '<w:vMerge w:val="restart"/>')}${cell('2023年', '<w:gridSpan w:val="2"/>')}</w:tr>` +
        `<w:tr>${cell('', '<w:vMerge/>')}${cell('上半年')}${cell('下半年')}</w:tr>` +
        '</w:tbl>' +
        p('后记'),
    });
    expect(d.text).toBe('前言\n指标\n2023年\n上半年\n下半年\n后记');
    const at = docxLocator(d, 'zh');
    expect(at(d.text.indexOf('下半年'), d.text.indexOf('下半年') + 3)).toEqual({ location: '表1第2行第3列', excerpt: '下半年' });
    expect(at(d.text.indexOf('2023'), d.text.indexOf('2023') + 4)!.location).toBe('表1第1行第2列');
    expect(at(d.text.indexOf('后记'), d.text.indexOf('后记') + 2)!.location).toBe('第2段');
    expect(docxLocator(d, 'en')(d.text.indexOf('上半年'), d.text.indexOf('上半年') + 1)!.location).toBe('table 1, row 2, cell 2');
  });

  it('header, footer, footnote, endnote and a text box: read, after the body, and located', async () => {
    const d = await read({
      body:
        p('正文第一段', '<w:r><w:footnoteReference w:id="1"/></w:r>', '，继续', '<w:r><w:endnoteReference w:id="1"/></w:r>') +
        p(
          '图示',
          '<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic><a:graphicData><wps:wsp><wps:txbx><w:txbxContent>' +
            p('文本框里的话') +
            '</w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>' +
            p('文本框里的话') +
            '</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>',
        ) +
        p('第三段'),
      footnotes:
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote><w:footnote w:id="1">' + p('<w:r><w:footnoteRef/></w:r>', '脚注的文字') + '</w:footnote>',
      endnotes: '<w:endnote w:id="1">' + p('尾注的文字') + '</w:endnote>',
      header: p('某某市人民政府文件'),
      footer: p('第', '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>', '页'),
    });
    expect(d.text.split('\n')).toEqual(['正文第一段，继续', '图示', '文本框里的话', '第三段', '脚注的文字', '尾注的文字', '某某市人民政府文件', '第1页']);
    const at = docxLocator(d, 'zh');
    const loc = (s: string) => at(d.text.indexOf(s), d.text.indexOf(s) + s.length)!.location;
    expect([loc('继续'), loc('图示'), loc('文本框'), loc('第三段'), loc('脚注'), loc('尾注'), loc('某某市'), loc('第1页')]).toEqual([
      '第1段', '第2段', '文本框', '第3段', '脚注1', '尾注1', '页眉', '页脚',
    ]);
  });

  it('fields read as shown (result, not code); simple fields too', async () => {
    const d = await read({
      body:
        p('截至', '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> DATE \\@ "yyyy年M月d日" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>2024年1月5日</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>', '。') +
        p('见', '<w:fldSimple w:instr=" REF _Ref1 "><w:r><w:t>第三部分</w:t></w:r></w:fldSimple>'),
    });
    expect(d.text).toBe('截至2024年1月5日。\n见第三部分');
    // a broken field (w:begin, no w:separate or w:end) hides its code, not the rest of the document
    const broken = await read({ body: p('甲', '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>') + p('乙丙') + p('丁') });
    expect(broken.text).toBe('甲\n乙丙\n丁');
    expect(d.paragraphs[0].pieces.find((x) => x.kind === 'field')).toBeDefined();
  });

  it('an inserted revision is read, a deleted one is not; hidden text (direct or by style) is not', async () => {
    const d = await read({
      styles: '<w:style w:type="character" w:styleId="Secret"><w:name w:val="Secret"/><w:rPr><w:vanish/></w:rPr></w:style>',
      body:
        p('全年', '<w:del w:id="1" w:author="A"><w:r><w:delText>增长5%</w:delText></w:r></w:del>', '<w:ins w:id="2" w:author="A"><w:r><w:t>增长6%</w:t></w:r></w:ins>', '。') +
        p('公开', '<w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏的字</w:t></w:r>', '<w:r><w:rPr><w:rStyle w:val="Secret"/></w:rPr><w:t>样式隐藏</w:t></w:r>', '<w:r><w:rPr><w:vanish w:val="0"/></w:rPr><w:t>可见</w:t></w:r>'),
    });
    expect(d.text).toBe('全年增长6%。\n公开可见');
  });

  it('Word numbering rendered as shown: chineseCounting, （%1）, decimal, start, a restart; marked as numbering', async () => {
    const d = await read({
      numbering:
        numbering(
          [
            { fmt: 'chineseCounting', text: '%1、', suff: 'nothing' },
            { fmt: 'chineseCounting', text: '（%2）', suff: 'nothing' },
            { fmt: 'decimal', text: '%3.', start: 3, suff: 'space' },
          ],
          [{ id: 1 }, { id: 2, start: 5 }],
        ),
      body:
        numbered(1, 0, '总体要求') +
        numbered(1, 1, '指导思想') +
        numbered(1, 1, '主要目标') +
        numbered(1, 2, '第三级') +
        numbered(1, 2, '又一条') +
        numbered(1, 0, '重点任务') +
        numbered(1, 1, '稳增长') +
        numbered(2, 0, '重新编号') +
        numbered(2, 0, '接着编号'),
    });
    expect(d.text.split('\n')).toEqual([
      '一、总体要求', '（一）指导思想', '（二）主要目标', '3. 第三级', '4. 又一条', '二、重点任务', '（一）稳增长', '五、重新编号', '六、接着编号',
    ]);
    const first = d.paragraphs[0].pieces[0];
    expect(first).toMatchObject({ kind: 'numbering', start: 0, end: 2 });
    expect(d.paragraphs[0].pieces[1]).toMatchObject({ kind: 'text', start: 2, end: 6 });
  });

  it('numbering by paragraph style, tens in Chinese counting, a tab suffix', async () => {
    const items = Array.from({ length: 12 }, (_, i) => `<w:p><w:pPr><w:pStyle w:val="H1"/></w:pPr><w:r><w:t>第${i + 1}项</w:t></w:r></w:p>`).join('');
    const d = await read({
      numbering: numbering([{ fmt: 'chineseCounting', text: '%1、' }], [{ id: 7 }]),
      styles: '<w:style w:type="paragraph" w:styleId="H1"><w:pPr><w:numPr><w:numId w:val="7"/></w:numPr></w:pPr></w:style>',
      body: items,
    });
    const lines = d.text.split('\n');
    expect(lines[0]).toBe('一、\t第1项');
    expect(lines[9]).toBe('十、\t第10项');
    expect(lines[10]).toBe('十一、\t第11项');
  });

  it('an encrypted file, a .docm and a broken zip are refused with a reason', async () => {
    await expect(readDocxText(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]))).rejects.toThrow(/encrypted/);
    await expect(readDocxText(Buffer.from('PK\u0003\u0004 not a zip'))).rejects.toThrow(/^not a readable \.docx/);
    const docm = await buildDocx({ body: p('x'), mainType: 'application/vnd.ms-word.document.macroEnabled.main+xml' });
    await expect(readDocxText(docm)).rejects.toThrow(/macro-enabled/);
  });
});
