/**
 * Identical bytes for identical input. docx numbers bookmarks and drawings
 * from module-wide counters (so a second build in the same process gets new
 * ids), gives some relationships nanoid ids, and stamps core.xml with the
 * wall clock; the zip stamps every entry with it too. All of that is
 * rewritten here, and the package re-zipped in a fixed order with a fixed date.
 */
import JSZip from 'jszip';

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

/** Rewrite the docx package deterministically. */
export async function normalisePackage(input: Buffer, timestamp: number): Promise<Buffer> {
  const zip = await JSZip.loadAsync(input);
  const names = Object.keys(zip.files).filter((n) => !zip.files[n].dir).sort(order);
  const text = new Map<string, string>();
  const binary = new Map<string, Uint8Array>();
  for (const name of names) {
    if (/\.(xml|rels)$/.test(name)) text.set(name, await zip.files[name].async('string'));
    else binary.set(name, await zip.files[name].async('uint8array'));
  }
  normaliseRelationshipIds(text);
  for (const [name, xml] of text) {
    if (name === 'word/document.xml') text.set(name, normaliseDocumentXml(xml));
    if (name === 'docProps/core.xml') text.set(name, normaliseCoreXml(xml, timestamp));
  }

  const date = new Date(Math.min(ZIP_MAX, Math.max(ZIP_MIN, timestamp * 1000)));
  const out = new JSZip();
  for (const name of names) {
    // Images are compressed already: storing them saves the time deflate would spend for nothing.
    const compression = text.has(name) ? 'DEFLATE' : 'STORE';
    out.file(name, text.get(name) ?? binary.get(name) ?? '', { date, createFolders: false, unixPermissions: 0o644, compression });
  }
  return out.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 }, platform: 'UNIX' });
}
