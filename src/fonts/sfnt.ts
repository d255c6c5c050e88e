/**
 * Just enough of the OpenType (sfnt) format to know which characters a font
 * file covers and how wide their glyphs are: the table directory, `cmap`
 * formats 4 and 12, `head` and `hmtx`. Works for CFF (.otf) and TrueType
 * outlines alike, and for collections (.ttc), without a font library.
 */
import { readFileSync } from 'node:fs';

export interface FontFace {
  /** Unicode code point -> glyph id (glyph 0, .notdef, is never stored). */
  cmap: Map<number, number>;
  unitsPerEm: number;
  /** Advance width of a glyph in font units. */
  advance(glyphId: number): number;
}

type Tables = Map<string, { offset: number; length: number }>;

function tableDirectory(buf: Buffer, at: number): Tables {
  const numTables = buf.readUInt16BE(at + 4);
  const tables: Tables = new Map();
  for (let i = 0; i < numTables; i++) {
    const rec = at + 12 + i * 16;
    tables.set(buf.toString('latin1', rec, rec + 4), { offset: buf.readUInt32BE(rec + 8), length: buf.readUInt32BE(rec + 12) });
  }
  return tables;
}

function readFormat4(buf: Buffer, at: number, out: Map<number, number>): void {
  const segCount = buf.readUInt16BE(at + 6) / 2;
  const ends = at + 14;
  const starts = ends + segCount * 2 + 2;
  const deltas = starts + segCount * 2;
  const rangeOffsets = deltas + segCount * 2;
  for (let i = 0; i < segCount; i++) {
    const end = buf.readUInt16BE(ends + i * 2);
    const start = buf.readUInt16BE(starts + i * 2);
    const delta = buf.readUInt16BE(deltas + i * 2);
    const rangeOffsetAt = rangeOffsets + i * 2;
    const rangeOffset = buf.readUInt16BE(rangeOffsetAt);
    for (let c = start; c <= end && c !== 0xffff; c++) {
      let glyph: number;
      if (rangeOffset === 0) {
        glyph = (c + delta) & 0xffff;
      } else {
        // idRangeOffset is relative to its own position in the file.
        glyph = buf.readUInt16BE(rangeOffsetAt + rangeOffset + (c - start) * 2);
        if (glyph !== 0) glyph = (glyph + delta) & 0xffff;
      }
      if (glyph !== 0) out.set(c, glyph);
    }
  }
}

function readFormat12(buf: Buffer, at: number, out: Map<number, number>): void {
  const numGroups = buf.readUInt32BE(at + 12);
  for (let i = 0; i < numGroups; i++) {
    const g = at + 16 + i * 12;
    const start = buf.readUInt32BE(g);
    const end = buf.readUInt32BE(g + 4);
    const firstGlyph = buf.readUInt32BE(g + 8);
    for (let c = start; c <= end; c++) if (firstGlyph + (c - start) !== 0) out.set(c, firstGlyph + (c - start));
  }
}

function isUnicodeEncoding(platform: number, encoding: number): boolean {
  return platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10));
}

function readFace(buf: Buffer, at: number, file: string): FontFace {
  const tables = tableDirectory(buf, at);
  const cmapT = tables.get('cmap');
  const head = tables.get('head');
  const hhea = tables.get('hhea');
  const hmtx = tables.get('hmtx');
  if (!cmapT || !head || !hhea || !hmtx) throw new Error(`${file}: not an OpenType font (missing cmap/head/hhea/hmtx)`);

  const cmap = new Map<number, number>();
  const numSubtables = buf.readUInt16BE(cmapT.offset + 2);
  for (let i = 0; i < numSubtables; i++) {
    const rec = cmapT.offset + 4 + i * 8;
    if (!isUnicodeEncoding(buf.readUInt16BE(rec), buf.readUInt16BE(rec + 2))) continue;
    const sub = cmapT.offset + buf.readUInt32BE(rec + 4);
    const format = buf.readUInt16BE(sub);
    // Union of every Unicode subtable; a format 12 table is a superset of its format 4 twin.
    if (format === 4) readFormat4(buf, sub, cmap);
    else if (format === 12) readFormat12(buf, sub, cmap);
  }

  const unitsPerEm = buf.readUInt16BE(head.offset + 18);
  const numHMetrics = buf.readUInt16BE(hhea.offset + 34);
  const advance = (glyphId: number): number =>
    buf.readUInt16BE(hmtx.offset + Math.min(glyphId, numHMetrics - 1) * 4);
  return { cmap, unitsPerEm, advance };
}

/** Every face in a font file (one, or several for a .ttc collection). */
export function readFontFaces(file: string): FontFace[] {
  const buf = readFileSync(file);
  const tag = buf.toString('latin1', 0, 4);
  if (tag === 'ttcf') {
    const n = buf.readUInt32BE(8);
    return Array.from({ length: n }, (_, i) => readFace(buf, buf.readUInt32BE(12 + i * 4), file));
  }
  if (tag === 'OTTO' || tag === 'true' || buf.readUInt32BE(0) === 0x00010000) return [readFace(buf, 0, file)];
  throw new Error(`${file}: not an OpenType/TrueType font or collection`);
}
