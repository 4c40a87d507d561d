// Builds small .docx files in the tests from WordprocessingML snippets, zipped with yazl (as the product writes).
import { writeZip } from '../../node/docx/zip';

export const NS =
  'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" ' +
  'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" ' +
  'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" ' +
  'xmlns:v="urn:schemas-microsoft-com:vml"';

const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const RT = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

export interface DocxParts {
  /** Inner XML of w:body (a w:sectPr is added with the header/footer references). */
  body: string;
  numbering?: string;
  styles?: string;
  footnotes?: string;
  endnotes?: string;
  header?: string;
  footer?: string;
  comments?: string;
  /** The main part's content type (default a .docx's). */
  mainType?: string;
  /** Extra parts copied as they are (e.g. an image). */
  extra?: Record<string, Buffer>;
}

/** `<w:p>` with one run per string. */
export const p = (...runs: string[]) => `<w:p>${runs.map((r) => (r.startsWith('<') ? r : `<w:r><w:t xml:space="preserve">${r}</w:t></w:r>`)).join('')}</w:p>`;

export async function buildDocx(parts: DocxParts): Promise<Buffer> {
  const rels: string[] = [];
  const types: string[] = [];
  const entries: { name: string; data: Buffer; compressed: boolean }[] = [];
  const add = (name: string, xml: string) => entries.push({ name, data: Buffer.from(HEAD + xml), compressed: true });
  const part = (id: string, type: string, file: string, ct: string, root: string, inner: string) => {
    rels.push(`<Relationship Id="${id}" Type="${RT}/${type}" Target="${file}"/>`);
    types.push(`<Override PartName="/word/${file}" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.${ct}+xml"/>`);
    add(`word/${file}`, `<w:${root} ${NS}>${inner}</w:${root}>`);
  };
  if (parts.styles) part('rIdS', 'styles', 'styles.xml', 'styles', 'styles', parts.styles);
  if (parts.numbering) part('rIdN', 'numbering', 'numbering.xml', 'numbering', 'numbering', parts.numbering);
  if (parts.footnotes) part('rIdF', 'footnotes', 'footnotes.xml', 'footnotes', 'footnotes', parts.footnotes);
  if (parts.endnotes) part('rIdE', 'endnotes', 'endnotes.xml', 'endnotes', 'endnotes', parts.endnotes);
  if (parts.header) part('rIdH', 'header', 'header1.xml', 'header', 'hdr', parts.header);
  if (parts.footer) part('rIdFt', 'footer', 'footer1.xml', 'footer', 'ftr', parts.footer);
  if (parts.comments) part('rIdC', 'comments', 'comments.xml', 'comments', 'comments', parts.comments);
  const sect = `<w:sectPr>${parts.header ? '<w:headerReference w:type="default" r:id="rIdH"/>' : ''}${parts.footer ? '<w:footerReference w:type="default" r:id="rIdFt"/>' : ''}<w:pgSz w:w="11906" w:h="16838"/></w:sectPr>`;
  add('word/document.xml', `<w:document ${NS}><w:body>${parts.body}${sect}</w:body></w:document>`);
  add('word/_rels/document.xml.rels', `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join('')}</Relationships>`);
  add('_rels/.rels', `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${RT}/officeDocument" Target="word/document.xml"/></Relationships>`);
  for (const [name, data] of Object.entries(parts.extra ?? {})) entries.push({ name, data, compressed: false });
  add(
    '[Content_Types].xml',
    `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/><Override PartName="/word/document.xml" ContentType="${parts.mainType ?? 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml'}"/>${types.join('')}</Types>`,
  );
  // [Content_Types].xml first, as Word writes it
  entries.unshift(entries.pop()!);
  return writeZip(entries);
}

/** An abstract numbering with one level per entry, and w:num instances (id → abstract id, optional start override). */
export function numbering(levels: { fmt: string; text: string; start?: number; suff?: string }[], nums: { id: number; start?: number }[]): string {
  const lvls = levels
    .map((l, i) => `<w:lvl w:ilvl="${i}"><w:start w:val="${l.start ?? 1}"/><w:numFmt w:val="${l.fmt}"/><w:lvlText w:val="${l.text}"/>${l.suff ? `<w:suff w:val="${l.suff}"/>` : ''}</w:lvl>`)
    .join('');
  const ns = nums
    .map((n) => `<w:num w:numId="${n.id}"><w:abstractNumId w:val="0"/>${n.start !== undefined ? `<w:lvlOverride w:ilvl="0"><w:startOverride w:val="${n.start}"/></w:lvlOverride>` : ''}</w:num>`)
    .join('');
  return `<w:abstractNum w:abstractNumId="0">${lvls}</w:abstractNum>${ns}`;
}

export const numbered = (numId: number, ilvl: number, text: string) =>
  `<w:p><w:pPr><w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${numId}"/></w:numPr></w:pPr><w:r><w:t>${text}</w:t></w:r></w:p>`;

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

// three levels as seed 001 writes them: 一、 / (一) / 1.
const LEVELS: [RegExp, number][] = [
  [/^[一二三四五六七八九十]+、/, 0],
  [/^\([一二三四五六七八九十]+\)/, 1],
  [/^[0-9]+\./, 2],
];
export const NUMBERING =
  '<w:abstractNum w:abstractNumId="0">' +
  '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/><w:suff w:val="nothing"/></w:lvl>' +
  '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="(%2)"/><w:suff w:val="nothing"/></w:lvl>' +
  '<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/><w:suff w:val="nothing"/></w:lvl>' +
  '</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>';

/** One paragraph per line; lines starting with 一、 / (一) / 1. get that ordinal from Word's numbering (NUMBERING). */
export function numberedBody(text: string): { body: string; numbered: number } {
  let numbered = 0;
  const body = text
    .split('\n')
    .map((line) => {
      for (const [re, lvl] of LEVELS) {
        const m = re.exec(line);
        if (!m) continue;
        numbered++;
        return `<w:p><w:pPr><w:numPr><w:ilvl w:val="${lvl}"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t xml:space="preserve">${esc(line.slice(m[0].length))}</w:t></w:r></w:p>`;
      }
      return `<w:p><w:r><w:t xml:space="preserve">${esc(line)}</w:t></w:r></w:p>`;
    })
    .join('');
  return { body, numbered };
}
