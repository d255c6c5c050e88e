/**
 * The final package: XML fixes applied, document properties written from the
 * model (core dates from the build timestamp; DataHash and AsOf as custom
 * properties), and zipped once with fixed entry dates and a stable entry
 * order, so the same input gives the same bytes.
 */
import JSZip from 'jszip';
import type { DocumentMeta } from '../../model/document.js';
import type { ChartSpec } from '../../model/chart.js';
import { finalizeNativeCharts } from './native-chart.js';
import { zipPackage } from '../zip.js';
import { sanitizeText } from '../../util/sanitize.js';
import { escapeXml } from '../xml.js';
import { dropMissingOverrides, fixNotes, fixPart, fixPresentationOrder, fixTheme, type DeckFonts, type ThemeColours } from './postprocess.js';

export interface PackageInput {
  meta: DocumentMeta;
  fonts: DeckFonts;
  colours: ThemeColours;
  /** Speaker notes per slide, in slide order. */
  notes: string[][];
  /** Seconds since the epoch. */
  timestamp: number;
  /** Native charts by their graphic frame's name (chart-<id>). */
  charts?: Map<string, ChartSpec>;
  /** Pictures by the number their stand-in carries (imageStandIn). */
  images?: Buffer[];
}

const STAND_IN = 'gen-report picture ';

/**
 * What pptxgenjs is given for picture `n` instead of the PNG: it would take
 * the PNG as base64, decode it in JavaScript and checksum it into a zip that
 * is read back here, for bytes that pass through unchanged. finalizePackage
 * puts the PNG in the stand-in's place.
 */
export function imageStandIn(n: number): Buffer {
  return Buffer.from(`${STAND_IN}${n}`, 'latin1');
}

function realImage(part: Buffer, images: Buffer[]): Buffer {
  if (part.length > 40 || part.toString('latin1', 0, STAND_IN.length) !== STAND_IN) return part;
  const image = images[Number(part.toString('latin1', STAND_IN.length))];
  if (!image) throw new Error(`picture stand-in without its picture: ${part.toString('latin1')}`);
  return image;
}

const CUSTOM_TYPE = 'application/vnd.openxmlformats-officedocument.custom-properties+xml';
const CUSTOM_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties';
/** fmtid every custom property uses (the "user defined" property set). */
const USER_DEFINED = '{D5CDD505-2E9C-101B-9397-08002B2CF9AE}';

function isoSeconds(ts: number): string {
  return new Date(ts * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

const clean = (s: string) => escapeXml(sanitizeText(s));

export function coreXml(meta: DocumentMeta, timestamp: number): string {
  const when = isoSeconds(timestamp);
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${clean(meta.title)}</dc:title>` +
    (meta.subtitle ? `<dc:subject>${clean(meta.subtitle)}</dc:subject>` : '') +
    `<dc:creator>${clean(meta.issuer)}</dc:creator>` +
    `<cp:lastModifiedBy>${clean(meta.issuer)}</cp:lastModifiedBy>` +
    '<cp:revision>1</cp:revision>' +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${when}</dcterms:modified>` +
    '</cp:coreProperties>'
  );
}

/** Custom properties: where the numbers came from (data snapshot hash, as-of date, template). */
export function customXml(meta: DocumentMeta): string {
  const props: Array<[string, string]> = [
    ['DataHash', meta.dataHash],
    ['AsOf', meta.asOf],
    ['Template', meta.templateName],
  ];
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">' +
    props.map(([name, value], i) => `<property fmtid="${USER_DEFINED}" pid="${i + 2}" name="${name}"><vt:lpwstr>${clean(value)}</vt:lpwstr></property>`).join('') +
    '</Properties>'
  );
}

function addCustomPart(contentTypes: string, rels: string): { contentTypes: string; rels: string } {
  const ct = contentTypes.includes('/docProps/custom.xml')
    ? contentTypes
    : contentTypes.replace('</Types>', `<Override PartName="/docProps/custom.xml" ContentType="${CUSTOM_TYPE}"/></Types>`);
  let r = rels;
  if (!r.includes(CUSTOM_REL)) {
    const ids = [...r.matchAll(/Id="rId(\d+)"/g)].map((m) => Number(m[1]));
    const next = Math.max(0, ...ids) + 1;
    r = r.replace('</Relationships>', `<Relationship Id="rId${next}" Type="${CUSTOM_REL}" Target="docProps/custom.xml"/></Relationships>`);
  }
  return { contentTypes: ct, rels: r };
}

const TEXT_PART = /^ppt\/(slides|slideLayouts|slideMasters|notesSlides|notesMasters)\/[^/]+\.xml$|^ppt\/presentation\.xml$/;

/** Entry order: content types and package rels first (what readers look for), then by path. */
function entryOrder(a: string, b: string): number {
  const rank = (n: string) => (n === '[Content_Types].xml' ? 0 : n === '_rels/.rels' ? 1 : 2);
  return rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0);
}

/**
 * A text part's XML. A part pptxgenjs gave JSZip as a string is read from the
 * promise JSZip keeps it in (its `_data`): `async('string')` pipes it through
 * JSZip's chunked worker, an event-loop turn and a UTF-8 round trip per part
 * (about 20 ms a deck). Anything else is read the documented way.
 */
export async function partText(entry: JSZip.JSZipObject): Promise<string> {
  const internal = entry as unknown as { _data?: unknown; _dataBinary?: boolean };
  if (internal._dataBinary === false && typeof (internal._data as Promise<unknown> | undefined)?.then === 'function') {
    const data = await internal._data;
    if (typeof data === 'string') return data;
  }
  return entry.async('string');
}

/**
 * pptxgenjs hands back its parts (see capture.ts), or else a stored
 * (uncompressed) zip of them: they are read out, fixed as text, and zipped
 * once (../zip.ts).
 */
export async function finalizePackage(raw: JSZip | Buffer, input: PackageInput): Promise<Buffer> {
  const src = Buffer.isBuffer(raw) ? await JSZip.loadAsync(raw) : raw;
  const files = new Map<string, Buffer | string>();
  for (const [name, entry] of Object.entries(src.files)) {
    if (entry.dir) continue;
    files.set(name, /\.(xml|rels)$/.test(name) ? await partText(entry) : realImage(await entry.async('nodebuffer'), input.images ?? []));
  }
  const text = (name: string) => {
    const v = files.get(name);
    if (typeof v !== 'string') throw new Error(`package part missing: ${name}`);
    return v;
  };
  for (const [name, v] of files) {
    if (typeof v !== 'string') continue;
    let xml = v;
    const notes = /^ppt\/notesSlides\/notesSlide(\d+)\.xml$/.exec(name);
    if (notes) xml = fixNotes(xml, input.notes[Number(notes[1]) - 1] ?? [], input.fonts);
    if (TEXT_PART.test(name)) xml = fixPart(xml, input.fonts, input.colours.primary);
    if (/^ppt\/theme\/theme\d+\.xml$/.test(name)) xml = fixTheme(xml, input.fonts, input.colours);
    if (name === 'ppt/presentation.xml') xml = fixPresentationOrder(xml);
    files.set(name, xml);
  }
  if (input.charts?.size) await finalizeNativeCharts(files, input.charts, input.fonts, input.timestamp);
  files.set('docProps/core.xml', coreXml(input.meta, input.timestamp));
  files.set('docProps/custom.xml', customXml(input.meta));
  const { contentTypes, rels } = addCustomPart(text('[Content_Types].xml'), text('_rels/.rels'));
  files.set('[Content_Types].xml', dropMissingOverrides(contentTypes, new Set(files.keys())));
  files.set('_rels/.rels', rels);

  // Chart PNGs are compressed already: stored, not deflated again.
  return zipPackage(
    [...files.keys()].sort(entryOrder).map((name) => ({ name, data: files.get(name)!, compress: typeof files.get(name) === 'string' })),
    input.timestamp,
  );
}
