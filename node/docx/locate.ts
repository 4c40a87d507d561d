// Where a finding is, in words a Word user can follow: 第5段, 表1第2行第3列, 页眉, 脚注2, and a short excerpt.
import type { Lang } from '../../rules/types';
import { paragraphAt, type DocxParagraph, type DocxText } from './read';

export function describeParagraph(p: DocxParagraph, lang: Lang): string {
  const zh = lang !== 'en';
  switch (p.area) {
    case 'body':
      return zh ? `第${p.n}段` : `paragraph ${p.n}`;
    case 'table':
      return zh ? `表${p.n}第${p.row}行第${p.col}列` : `table ${p.n}, row ${p.row}, cell ${p.col}`;
    case 'textbox':
      return zh ? '文本框' : 'text box';
    case 'footnote':
      return zh ? `脚注${p.n}` : `footnote ${p.n}`;
    case 'endnote':
      return zh ? `尾注${p.n}` : `endnote ${p.n}`;
    case 'header':
      return zh ? '页眉' : 'header';
    case 'footer':
      return zh ? '页脚' : 'footer';
  }
}

const CONTEXT = 8;

/** The finding's text with a few characters either side, within its paragraph; … where cut. */
export function excerptAt(text: string, p: DocxParagraph, offset: number, endOffset: number): string {
  const from = Math.max(p.start, offset - CONTEXT);
  const to = Math.min(p.end, Math.max(endOffset, offset) + CONTEXT, offset + 40);
  const s = text.slice(from, to).replace(/\s+/g, ' ');
  return (from > p.start ? '…' : '') + s + (to < p.end ? '…' : '');
}

export interface DocxLocation {
  location: string;
  excerpt: string;
}

/** A locator for one document's findings (offsets of DocxText.text). */
export function docxLocator(d: Pick<DocxText, 'paragraphs' | 'text'>, lang: Lang): (offset: number, endOffset: number) => DocxLocation | undefined {
  return (offset, endOffset) => {
    const p = paragraphAt(d, offset);
    if (!p) return undefined;
    return { location: describeParagraph(p, lang), excerpt: excerptAt(d.text, p, offset, endOffset) };
  };
}
