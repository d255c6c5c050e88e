/**
 * DOCX-specific test helpers on top of the shared strict parser in
 * test/helpers/ooxml.ts: open a package, the text of w:t runs, paragraphs.
 */
import JSZip from 'jszip';
import { findAll, findFirst, parseXml, type XmlElement } from '../../helpers/ooxml.js';

export { findAll, parseXml, type XmlElement };
export const find = findFirst;

/** Text of all w:t in a subtree, in order (field codes and deleted text left out). */
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
