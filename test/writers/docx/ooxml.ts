/**
 * Test helpers: unzip a package and parse its XML strictly (well-formedness
 * and XML 1.0 characters), so a test fails on anything Word would refuse.
 */
import JSZip from 'jszip';

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
}
export type XmlNode = XmlElement | string;

const NAME = /^[A-Za-z_][\w.\-]*(?::[A-Za-z_][\w.\-]*)?$/;
// XML 1.0 Char, with surrogates allowed only in valid pairs.
const BAD_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function decode(raw: string, where: string): string {
  if (BAD_CHAR.test(raw)) throw new Error(`illegal XML character in ${where}: ${JSON.stringify(raw.slice(0, 80))}`);
  return raw.replace(/&([^;&\s]*);?/g, (m, name: string) => {
    if (!m.endsWith(';')) throw new Error(`bare & in ${where}`);
    const named: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
    if (name in named) return named[name];
    const cp = /^#x[0-9a-f]+$/i.test(name) ? parseInt(name.slice(2), 16) : /^#\d+$/.test(name) ? Number(name.slice(1)) : NaN;
    const ok = cp === 0x9 || cp === 0xa || cp === 0xd || (cp >= 0x20 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) || (cp >= 0x10000 && cp <= 0x10ffff);
    if (!ok) throw new Error(`bad entity &${name}; in ${where}`);
    return String.fromCodePoint(cp);
  });
}

/** Parse XML into a tree; throws on anything not well-formed. */
export function parseXml(xml: string): XmlElement {
  let i = xml.startsWith('\uFEFF') ? 1 : 0;
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  const top = () => stack[stack.length - 1];
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    const text = xml.slice(i, lt === -1 ? xml.length : lt);
    if (text) {
      if (text.includes('>') && /]]>/.test(text)) throw new Error('"]]>" in text');
      const decoded = decode(text, 'text');
      if (stack.length === 0) {
        if (decoded.trim()) throw new Error(`text outside the root: ${JSON.stringify(decoded.slice(0, 40))}`);
      } else top().children.push(decoded);
    }
    if (lt === -1) break;
    if (xml.startsWith('<?', lt)) {
      const end = xml.indexOf('?>', lt);
      if (end === -1) throw new Error('unclosed processing instruction');
      i = end + 2;
    } else if (xml.startsWith('<!--', lt)) {
      const end = xml.indexOf('-->', lt);
      if (end === -1) throw new Error('unclosed comment');
      i = end + 3;
    } else if (xml.startsWith('<![CDATA[', lt)) {
      const end = xml.indexOf(']]>', lt);
      if (end === -1 || stack.length === 0) throw new Error('bad CDATA');
      const data = xml.slice(lt + 9, end);
      if (BAD_CHAR.test(data)) throw new Error('illegal character in CDATA');
      top().children.push(data);
      i = end + 3;
    } else if (xml.startsWith('</', lt)) {
      const end = xml.indexOf('>', lt);
      const name = xml.slice(lt + 2, end).trim();
      const open = stack.pop();
      if (!open || open.name !== name) throw new Error(`</${name}> closes <${open?.name ?? 'nothing'}>`);
      i = end + 1;
    } else {
      const m = /^<([^\s/>]+)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>/.exec(xml.slice(lt, lt + 200_000));
      if (!m) throw new Error(`malformed tag at ${lt}: ${JSON.stringify(xml.slice(lt, lt + 60))}`);
      const [whole, name, attrText, selfClose] = m;
      if (!NAME.test(name)) throw new Error(`bad element name ${name}`);
      const attrs: Record<string, string> = {};
      for (const a of attrText.matchAll(/([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
        if (!NAME.test(a[1])) throw new Error(`bad attribute name ${a[1]}`);
        if (a[1] in attrs) throw new Error(`duplicate attribute ${a[1]} on ${name}`);
        attrs[a[1]] = decode(a[2] ?? a[3] ?? '', `attribute ${a[1]}`);
      }
      const el: XmlElement = { name, attrs, children: [] };
      if (stack.length > 0) top().children.push(el);
      else if (root) throw new Error('second root element');
      else root = el;
      if (!selfClose) stack.push(el);
      i = lt + whole.length;
    }
  }
  if (stack.length > 0) throw new Error(`unclosed <${top().name}>`);
  if (!root) throw new Error('no root element');
  return root;
}

export function findAll(node: XmlElement, name: string): XmlElement[] {
  const out: XmlElement[] = [];
  const walk = (n: XmlElement) => {
    for (const c of n.children) {
      if (typeof c === 'string') continue;
      if (c.name === name) out.push(c);
      walk(c);
    }
  };
  walk(node);
  return out;
}

export function find(node: XmlElement, name: string): XmlElement | undefined {
  return findAll(node, name)[0];
}

/** Text of all w:t in a subtree, in order. */
export function textOf(node: XmlElement): string {
  return findAll(node, 'w:t')
    .map((t) => t.children.filter((c): c is string => typeof c === 'string').join(''))
    .join('');
}

/** Paragraphs (w:p) with their style id and text. */
export function paragraphs(body: XmlElement): Array<{ style?: string; text: string; el: XmlElement }> {
  return findAll(body, 'w:p').map((p) => ({ style: find(p, 'w:pStyle')?.attrs['w:val'], text: textOf(p), el: p }));
}

export interface Package {
  zip: JSZip;
  names: string[];
  text(name: string): Promise<string>;
  xml(name: string): Promise<XmlElement>;
}

export async function openPackage(buffer: Buffer): Promise<Package> {
  const zip = await JSZip.loadAsync(buffer);
  const names = Object.keys(zip.files).filter((n) => !zip.files[n].dir);
  const text = async (name: string) => {
    const f = zip.file(name);
    if (!f) throw new Error(`no part ${name} in package (${names.join(', ')})`);
    return f.async('string');
  };
  return { zip, names, text, xml: async (name) => parseXml(await text(name)) };
}
