/**
 * Identical bytes for identical input. docx numbers bookmarks and drawings
 * from module-wide counters (so a second build in the same process gets new
 * ids), gives some relationships nanoid ids, and stamps core.xml with the
 * wall clock. All of that is rewritten in the compiled parts, which are then
 * zipped once in a fixed order with a fixed date.
 */
import { Packer } from 'docx';
import { zipPackage } from '../zip.js';

/** DOS zip dates cannot go before 1980 or after 2107. */
const ZIP_MIN = Date.UTC(1980, 0, 1, 12);
const ZIP_MAX = Date.UTC(2107, 11, 31);

export function isoSeconds(timestamp: number): string {
  return new Date(timestamp * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Renumber ids in order of first appearance; `pattern` captures (prefix)(id), ending at the id. */
function renumber(xml: string, pattern: RegExp, start = 1): string {
  const map = new Map<string, number>();
  return xml.replace(pattern, (_whole, prefix: string, id: string) => {
    let next = map.get(id);
    if (next === undefined) {
      next = start + map.size;
      map.set(id, next);
    }
    return `${prefix}${next}`;
  });
}

/** Bookmark names (_Toc12 → _Toc1) and ids, drawing ids: counters of this build, not of the process. */
export function normaliseDocumentXml(xml: string): string {
  // Only where a bookmark is named or referred to, never in text that happens to read "_Toc5".
  let out = renumber(xml, /((?:w:name="|w:anchor="|PAGEREF )_Toc)(\d+)/g);
  out = renumber(out, /(<w:bookmark(?:Start|End)\b[^>]*?\bw:id=")(\d+)/g, 0);
  out = renumber(out, /(<wp:docPr\b[^>]*?\bid=")(\d+)/g);
  return out;
}

/** Relationship ids that are not rIdN (nanoid) → rIdN, in every part that names them. */
function normaliseRelationshipIds(files: Map<string, string>): void {
  for (const [relsPath, rels] of files) {
    const m = /^(.*)_rels\/([^/]+)\.rels$/.exec(relsPath);
    if (!m) continue;
    const partPath = `${m[1]}${m[2]}`;
    const used = new Set([...rels.matchAll(/\bId="rId(\d+)"/g)].map((x) => Number(x[1])));
    let next = Math.max(0, ...used) + 1;
    const odd = [...rels.matchAll(/\bId="([^"]+)"/g)].map((x) => x[1]).filter((id) => !/^rId\d+$/.test(id));
    if (odd.length === 0) continue;
    let newRels = rels;
    let part = files.get(partPath);
    for (const id of odd) {
      const to = `rId${next++}`;
      newRels = newRels.split(`Id="${id}"`).join(`Id="${to}"`);
      if (part !== undefined) part = part.split(`"${id}"`).join(`"${to}"`);
    }
    files.set(relsPath, newRels);
    if (part !== undefined) files.set(partPath, part);
  }
}

export function normaliseCoreXml(xml: string, timestamp: number): string {
  const iso = isoSeconds(timestamp);
  return xml
    .replace(/(<dcterms:created\b[^>]*>)[^<]*(<\/dcterms:created>)/, `$1${iso}$2`)
    .replace(/(<dcterms:modified\b[^>]*>)[^<]*(<\/dcterms:modified>)/, `$1${iso}$2`);
}

const FIRST = ['[Content_Types].xml', '_rels/.rels'];

function order(a: string, b: string): number {
  const ia = FIRST.indexOf(a);
  const ib = FIRST.indexOf(b);
  if (ia !== -1 || ib !== -1) return (ia === -1 ? 99 : ia) - (ib === -1 ? 99 : ib);
  return a < b ? -1 : a > b ? 1 : 0;
}

type PartData = string | Uint8Array | ArrayBuffer;

/** The compiler Packer zips with: its parts as path → text or bytes, before any zip. */
interface DocxCompiler {
  compile(file: unknown, prettify: undefined, overrides: unknown[]): Map<string, PartData>;
}

/**
 * The document's parts as docx compiles them, without the zip Packer would
 * make of them (unzipped again here, that cost a second inflate and deflate
 * of every part). Undefined when this docx version keeps its compiler elsewhere.
 */
export function compiledParts(document: unknown): Map<string, PartData> | undefined {
  const compiler = (Packer as unknown as { compiler?: DocxCompiler }).compiler;
  return typeof compiler?.compile === 'function' ? compiler.compile(document, undefined, []) : undefined;
}

/** The parts of a finished package (the fallback when the compiler is out of reach). */
async function unzipParts(input: Buffer): Promise<Map<string, PartData>> {
  const { default: JSZip } = await import('jszip');
  const zip = await JSZip.loadAsync(input);
  const parts = new Map<string, PartData>();
  for (const name of Object.keys(zip.files)) {
    if (!zip.files[name].dir) parts.set(name, await zip.files[name].async('uint8array'));
  }
  return parts;
}

/** Rewrite the docx parts deterministically and zip them once; `fillDocument` first puts raw XML blocks in (raw-xml.ts). */
export async function packageParts(parts: Map<string, PartData>, timestamp: number, fillDocument: (xml: string) => string = (xml) => xml): Promise<Buffer> {
  const names = [...parts.keys()].sort(order);
  const text = new Map<string, string>();
  const binary = new Map<string, Buffer>();
  const decoder = new TextDecoder();
  for (const name of names) {
    const data = parts.get(name)!;
    const bytes = typeof data === 'string' ? undefined : data instanceof ArrayBuffer ? new Uint8Array(data) : data;
    if (/\.(xml|rels)$/.test(name)) text.set(name, bytes ? decoder.decode(bytes) : (data as string));
    else binary.set(name, bytes ? Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) : Buffer.from(data as string, 'utf8'));
  }
  normaliseRelationshipIds(text);
  for (const [name, xml] of text) {
    if (name === 'word/document.xml') text.set(name, normaliseDocumentXml(fillDocument(xml)));
    if (name === 'docProps/core.xml') text.set(name, normaliseCoreXml(xml, timestamp));
  }
  const clamped = Math.min(ZIP_MAX, Math.max(ZIP_MIN, timestamp * 1000)) / 1000;
  // Images are compressed already: storing them saves the time deflate would spend for nothing.
  return zipPackage(
    names.map((name) => (text.has(name) ? { name, data: text.get(name)!, compress: true } : { name, data: binary.get(name)!, compress: false })),
    clamped,
  );
}

/** The document as deterministic docx bytes. */
export async function packDocument(document: unknown, timestamp: number, fillDocument?: (xml: string) => string): Promise<Buffer> {
  const parts = compiledParts(document) ?? (await unzipParts(await Packer.toBuffer(document as Parameters<typeof Packer.toBuffer>[0])));
  return packageParts(parts, timestamp, fillDocument);
}
