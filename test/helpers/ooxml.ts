/**
 * Test helpers for OOXML packages (pptx, docx): unzip, and a small strict
 * XML parser. No XML library is installed, and a lenient parser would hide
 * exactly the malformed parts these tests look for, so this one rejects
 * anything that is not well-formed XML 1.0 (bad characters, unbalanced or
 * mismatched tags, bad references, duplicate attributes, stray text).
 *
 *   const parts = await readZip(buf);              // Map<path, Buffer>
 *   const root = parseXml(parts.get('ppt/slides/slide1.xml')!.toString('utf8'));
 *   findAll(root, 'a:t').map(textContent);
 */
import JSZip from 'jszip';

export interface XmlElement {
  /** Qualified name as written, e.g. "a:rPr". */
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
}
export type XmlNode = XmlElement | string;

/** Every file of a zip (directories left out), by path. */
export async function readZip(buf: Buffer | Uint8Array): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(buf);
  const out = new Map<string, Buffer>();
  for (const [name, entry] of Object.entries(zip.files)) {
    if (!entry.dir) out.set(name, await entry.async('nodebuffer'));
  }
  return out;
}

/** True for the parts that hold XML (.xml and .rels). */
export function isXmlPart(name: string): boolean {
  return name.endsWith('.xml') || name.endsWith('.rels');
}

export class XmlSyntaxError extends Error {}

// XML 1.0 Char production, checked over the whole document.
const ILLEGAL_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/u;
const NAME = /^[A-Za-z_:\p{L}][-\w.:\p{L}\p{N}]*$/u;

function legalCodePoint(cp: number): boolean {
  return cp === 0x9 || cp === 0xa || cp === 0xd || (cp >= 0x20 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) || (cp >= 0x10000 && cp <= 0x10ffff);
}

/** Replace references in text or an attribute value; throws on a bare '&' or an unknown entity. */
function decode(raw: string, where: number): string {
  return raw.replace(/&([^;&\s]*);?/g, (m, body: string) => {
    if (!m.endsWith(';')) throw new XmlSyntaxError(`bare '&' at ${where}`);
    const named: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
    if (body in named) return named[body];
    const num = /^#x([0-9a-fA-F]+)$/.exec(body) ?? /^#([0-9]+)$/.exec(body);
    if (!num) throw new XmlSyntaxError(`unknown entity &${body}; at ${where}`);
    const cp = parseInt(num[1], body.startsWith('#x') ? 16 : 10);
    if (!legalCodePoint(cp)) throw new XmlSyntaxError(`reference to illegal character &${body}; at ${where}`);
    return String.fromCodePoint(cp);
  });
}

/** Parse a whole XML document strictly; returns the root element. */
export function parseXml(text: string): XmlElement {
  const bad = ILLEGAL_CHAR.exec(text);
  if (bad) throw new XmlSyntaxError(`illegal character U+${bad[0].charCodeAt(0).toString(16)} at ${bad.index}`);
  let i = text.startsWith('\uFEFF') ? 1 : 0;
  if (text.startsWith('<?xml', i)) {
    const end = text.indexOf('?>', i);
    if (end < 0) throw new XmlSyntaxError('unterminated XML declaration');
    i = end + 2;
  }
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  const fail = (msg: string): never => {
    throw new XmlSyntaxError(`${msg} at ${i}`);
  };
  while (i < text.length) {
    const lt = text.indexOf('<', i);
    const chunk = text.slice(i, lt < 0 ? text.length : lt);
    if (chunk) {
      if (stack.length === 0) {
        if (chunk.trim()) fail('text outside the root element');
      } else {
        if (chunk.includes(']]>')) fail("']]>' in text");
        stack[stack.length - 1].children.push(decode(chunk, i));
      }
    }
    if (lt < 0) break;
    i = lt;
    if (text.startsWith('<!--', i)) {
      const end = text.indexOf('-->', i + 4);
      if (end < 0) fail('unterminated comment');
      if (text.slice(i + 4, end).includes('--')) fail("'--' in comment");
      i = end + 3;
    } else if (text.startsWith('<![CDATA[', i)) {
      if (stack.length === 0) fail('CDATA outside the root element');
      const end = text.indexOf(']]>', i);
      if (end < 0) fail('unterminated CDATA');
      stack[stack.length - 1].children.push(text.slice(i + 9, end));
      i = end + 3;
    } else if (text.startsWith('<?', i)) {
      const end = text.indexOf('?>', i);
      if (end < 0) fail('unterminated processing instruction');
      if (/^<\?xml[\s?]/i.test(text.slice(i, i + 6))) fail('XML declaration not at the start');
      i = end + 2;
    } else if (text.startsWith('<!', i)) {
      fail('DOCTYPE or other declaration (not expected in OOXML)');
    } else if (text.startsWith('</', i)) {
      const end = text.indexOf('>', i);
      if (end < 0) fail('unterminated end tag');
      const name = text.slice(i + 2, end).trim();
      const open = stack.pop();
      if (!open) fail(`end tag </${name}> without a start tag`);
      if (open!.name !== name) fail(`end tag </${name}> does not match <${open!.name}>`);
      i = end + 1;
    } else {
      i = parseStartTag(text, i, stack, (el) => {
        if (stack.length === 0) {
          if (root) fail('second root element');
          root = el;
        } else stack[stack.length - 1].children.push(el);
      });
    }
  }
  if (stack.length) throw new XmlSyntaxError(`unclosed element <${stack[stack.length - 1].name}>`);
  if (!root) throw new XmlSyntaxError('no root element');
  return root;
}

function parseStartTag(text: string, start: number, stack: XmlElement[], attach: (el: XmlElement) => void): number {
  let i = start + 1;
  const nameMatch = /^[^\s/>]+/.exec(text.slice(i, i + 200));
  if (!nameMatch || !NAME.test(nameMatch[0])) throw new XmlSyntaxError(`bad element name at ${start}`);
  const el: XmlElement = { name: nameMatch[0], attrs: {}, children: [] };
  i += nameMatch[0].length;
  for (;;) {
    const ws = /^\s*/.exec(text.slice(i, i + 100))![0].length;
    i += ws;
    if (text.startsWith('/>', i)) {
      attach(el);
      return i + 2;
    }
    if (text[i] === '>') {
      attach(el);
      stack.push(el);
      return i + 1;
    }
    if (ws === 0) throw new XmlSyntaxError(`expected whitespace before attribute at ${i}`);
    const m = /^([^\s=/>]+)\s*=\s*(["'])/.exec(text.slice(i, i + 300));
    if (!m || !NAME.test(m[1])) throw new XmlSyntaxError(`bad attribute at ${i}`);
    const quote = m[2];
    const valueStart = i + m[0].length;
    const valueEnd = text.indexOf(quote, valueStart);
    if (valueEnd < 0) throw new XmlSyntaxError(`unterminated attribute value at ${i}`);
    const raw = text.slice(valueStart, valueEnd);
    if (raw.includes('<')) throw new XmlSyntaxError(`'<' in attribute value at ${valueStart}`);
    if (m[1] in el.attrs) throw new XmlSyntaxError(`duplicate attribute ${m[1]} at ${i}`);
    el.attrs[m[1]] = decode(raw, valueStart);
    i = valueEnd + 1;
  }
}

/** Every descendant element (and the root itself) with this qualified name, in document order. */
export function findAll(root: XmlElement, name: string): XmlElement[] {
  const out: XmlElement[] = [];
  const walk = (el: XmlElement) => {
    if (el.name === name) out.push(el);
    for (const c of el.children) if (typeof c !== 'string') walk(c);
  };
  walk(root);
  return out;
}

export function findFirst(root: XmlElement, name: string): XmlElement | undefined {
  return findAll(root, name)[0];
}

/** Child elements, optionally only those with this name. */
export function childElements(el: XmlElement, name?: string): XmlElement[] {
  return el.children.filter((c): c is XmlElement => typeof c !== 'string' && (!name || c.name === name));
}

/** Concatenated text of an element and its descendants. */
export function textContent(el: XmlElement): string {
  return el.children.map((c) => (typeof c === 'string' ? c : textContent(c))).join('');
}
