/** Reads a generated deck back: slides in order with their layout, notes and parsed XML. */
import path from 'node:path';
import JSZip from 'jszip';
import { childElements, findAll, findFirst, isXmlPart, parseXml, readZip, textContent, type XmlElement } from '../../helpers/ooxml.js';

export interface ReadSlide {
  number: number;
  xml: XmlElement;
  layoutName: string;
  layout: XmlElement;
  notes?: XmlElement;
  /** Media parts the slide links to, by relationship id. */
  media: Map<string, Buffer>;
}

export interface ReadDeck {
  parts: Map<string, Buffer>;
  /** Every XML part, parsed (parsing throws on anything malformed). */
  xml: Map<string, XmlElement>;
  slides: ReadSlide[];
  slideSize: { cx: number; cy: number };
}

function rels(parts: Map<string, Buffer>, part: string): Map<string, { type: string; target: string }> {
  const relPath = path.posix.join(path.posix.dirname(part), '_rels', path.posix.basename(part) + '.rels');
  const out = new Map<string, { type: string; target: string }>();
  const buf = parts.get(relPath);
  if (!buf) return out;
  for (const r of findAll(parseXml(buf.toString('utf8')), 'Relationship')) {
    out.set(r.attrs.Id, { type: r.attrs.Type, target: path.posix.normalize(path.posix.join(path.posix.dirname(part), r.attrs.Target)) });
  }
  return out;
}

export async function readDeck(buf: Buffer): Promise<ReadDeck> {
  const parts = await readZip(buf);
  const xml = new Map<string, XmlElement>();
  for (const [name, data] of parts) if (isXmlPart(name)) xml.set(name, parseXml(data.toString('utf8')));
  const pres = xml.get('ppt/presentation.xml')!;
  const presRels = rels(parts, 'ppt/presentation.xml');
  const order = findAll(pres, 'p:sldId').map((s) => presRels.get(s.attrs['r:id'])!.target);
  const sz = findFirst(pres, 'p:sldSz')!;
  const slides = order.map((part, i): ReadSlide => {
    const r = [...rels(parts, part).entries()];
    const layoutPart = r.find(([, v]) => v.type.endsWith('/slideLayout'))![1].target;
    const notesPart = r.find(([, v]) => v.type.endsWith('/notesSlide'))?.[1].target;
    const layout = xml.get(layoutPart)!;
    const media = new Map(r.filter(([, v]) => v.type.endsWith('/image')).map(([id, v]) => [id, parts.get(v.target)!]));
    return { number: i + 1, xml: xml.get(part)!, layoutName: findFirst(layout, 'p:cSld')!.attrs.name, layout, notes: notesPart ? xml.get(notesPart) : undefined, media };
  });
  return { parts, xml, slides, slideSize: { cx: Number(sz.attrs.cx), cy: Number(sz.attrs.cy) } };
}

/** Text of the shape whose placeholder is of this type (e.g. the title). */
export function placeholderText(root: XmlElement, type: string): string | undefined {
  const sp = findAll(root, 'p:sp').find((s) => findAll(s, 'p:ph').some((ph) => ph.attrs.type === type));
  return sp ? paragraphsText(sp) : undefined;
}

/** Text of a shape by its name in the selection pane. */
export function shapeText(root: XmlElement, name: string): string | undefined {
  const sp = findAll(root, 'p:sp').find((s) => findFirst(s, 'p:cNvPr')?.attrs.name === name);
  return sp ? paragraphsText(sp) : undefined;
}

export function paragraphsText(el: XmlElement): string {
  return findAll(el, 'a:p')
    .map((p) => findAll(p, 'a:t').map(textContent).join(''))
    .join('\n');
}

/** The notes body placeholder's text. */
export function notesText(notes: XmlElement | undefined): string {
  return notes ? (placeholderText(notes, 'body') ?? '') : '';
}

/** Every box (a:off + a:ext in an xfrm) of a part's shapes, in EMU. */
export function boxes(root: XmlElement): Array<{ x: number; y: number; cx: number; cy: number }> {
  const out: Array<{ x: number; y: number; cx: number; cy: number }> = [];
  for (const xfrm of [...findAll(root, 'a:xfrm'), ...findAll(root, 'p:xfrm')]) {
    const off = childElements(xfrm, 'a:off')[0];
    const ext = childElements(xfrm, 'a:ext')[0];
    if (!off || !ext) continue;
    out.push({ x: Number(off.attrs.x), y: Number(off.attrs.y), cx: Number(ext.attrs.cx), cy: Number(ext.attrs.cy) });
  }
  return out;
}

/** Modification dates of the zip entries. */
export async function entryDates(buf: Buffer): Promise<Date[]> {
  const zip = await JSZip.loadAsync(buf);
  return Object.values(zip.files).map((f) => f.date);
}
