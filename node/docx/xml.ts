// Small helpers over @xmldom/xmldom for WordprocessingML: elements by namespace and local name.
import type { Document, Element, Node } from '@xmldom/xmldom';

export const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
export const MC = 'http://schemas.openxmlformats.org/markup-compatibility/2006';
export const REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
export const CT = 'http://schemas.openxmlformats.org/package/2006/content-types';
export const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

const ELEMENT = 1;

export function isEl(n: Node | null | undefined, local?: string, ns = W): n is Element {
  return !!n && n.nodeType === ELEMENT && (local === undefined || ((n as Element).localName === local && (n as Element).namespaceURI === ns));
}

export function elements(parent: Node): Element[] {
  const out: Element[] = [];
  for (let n = parent.firstChild; n; n = n.nextSibling) if (n.nodeType === ELEMENT) out.push(n as Element);
  return out;
}

export function children(parent: Node, local: string, ns = W): Element[] {
  return elements(parent).filter((e) => e.localName === local && e.namespaceURI === ns);
}

export function child(parent: Node, local: string, ns = W): Element | undefined {
  for (let n = parent.firstChild; n; n = n.nextSibling) if (isEl(n, local, ns)) return n;
  return undefined;
}

/** A w: attribute (WordprocessingML attributes are namespaced). */
export function attr(e: Element, local: string, ns = W): string | undefined {
  const v = e.getAttributeNS(ns, local);
  return v === null || v === '' && !e.hasAttributeNS(ns, local) ? undefined : v;
}

/** An on/off property (w:b, w:vanish): present and not val="false|0|off". */
export function onOff(e: Element | undefined): boolean {
  if (!e) return false;
  const v = attr(e, 'val');
  return v === undefined || !(v === 'false' || v === '0' || v === 'off');
}

type DomParserCtor = typeof import('@xmldom/xmldom').DOMParser;
let parserCtor: DomParserCtor | undefined;

/** Parses an XML part; throws on malformed XML (the caller turns it into a reason to skip). */
export function parseXml(xml: string, part: string): Document {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  parserCtor ??= (require('@xmldom/xmldom') as typeof import('@xmldom/xmldom')).DOMParser;
  const errors: string[] = [];
  const doc = new parserCtor({
    onError: (level: string, msg: string) => {
      if (level !== 'warning') errors.push(msg);
    },
  }).parseFromString(xml, 'text/xml');
  if (errors.length || !doc.documentElement) throw new Error(`invalid XML in ${part}: ${(errors[0] ?? 'no root element').split('\n')[0]}`);
  return doc;
}

export function serializeXml(doc: Document): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { XMLSerializer } = require('@xmldom/xmldom') as typeof import('@xmldom/xmldom');
  return new XMLSerializer().serializeToString(doc);
}
