/**
 * Just enough of the OpenType (sfnt) format to know which characters a font
 * file covers and how wide their glyphs are: the table directory, `cmap`
 * formats 4 and 12, `head` and `hmtx`. Works for CFF (.otf) and TrueType
 * outlines alike, and for collections (.ttc), without a font library.
 */
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';

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

/** Code points a font file maps to a glyph, as sorted, disjoint, non-adjacent ranges. */
export interface Coverage {
  has(codePoint: number): boolean;
  /** Inclusive range bounds, ascending. */
  starts: Uint32Array;
  ends: Uint32Array;
}

/**
 * Inclusive code point ranges, kept sorted and merged as they are added.
 * cmap subtables list their ranges in ascending order, so adding is O(1);
 * a range out of order (a malformed table) is merged in place.
 */
class Ranges {
  starts: number[] = [];
  ends: number[] = [];

  add(start: number, end: number): void {
    const last = this.ends.length - 1;
    if (last < 0 || start > this.ends[last] + 1) {
      if (last >= 0 && start < this.starts[last]) return this.insert(start, end);
      this.starts.push(start);
      this.ends.push(end);
    } else if (start >= this.starts[last]) {
      if (end > this.ends[last]) this.ends[last] = end;
    } else {
      this.insert(start, end);
    }
  }

  /** Slow path: re-merge everything with the new range. */
  private insert(start: number, end: number): void {
    const pairs = this.starts.map((s, i) => [s, this.ends[i]]);
    pairs.push([start, end]);
    pairs.sort((x, y) => x[0] - y[0]);
    this.starts = [];
    this.ends = [];
    for (const [s, e] of pairs) this.add(s, e);
  }

  /** Every range of `other` added (both sorted: a linear merge). */
  union(other: Ranges): Ranges {
    const out = new Ranges();
    let i = 0;
    let j = 0;
    while (i < this.starts.length || j < other.starts.length) {
      if (j >= other.starts.length || (i < this.starts.length && this.starts[i] <= other.starts[j])) {
        out.add(this.starts[i], this.ends[i]);
        i++;
      } else {
        out.add(other.starts[j], other.ends[j]);
        j++;
      }
    }
    return out;
  }

  coverage(): Coverage {
    const st = Uint32Array.from(this.starts);
    const en = Uint32Array.from(this.ends);
    return {
      starts: st,
      ends: en,
      has(cp: number): boolean {
        let lo = 0;
        let hi = st.length - 1;
        while (lo <= hi) {
          const mid = (lo + hi) >> 1;
          if (cp < st[mid]) hi = mid - 1;
          else if (cp > en[mid]) lo = mid + 1;
          else return true;
        }
        return false;
      },
    };
  }
}

const u16 = (b: Buffer, at: number): number => (b[at] << 8) | b[at + 1];
const u32 = (b: Buffer, at: number): number => ((b[at] << 24) | (b[at + 1] << 16) | (b[at + 2] << 8) | b[at + 3]) >>> 0;

/** Format 4 segments as ranges of code points with a glyph other than 0. */
function format4Ranges(buf: Buffer, at: number): Ranges {
  const out = new Ranges();
  const segCount = u16(buf, at + 6) / 2;
  const ends = at + 14;
  const starts = ends + segCount * 2 + 2;
  const deltas = starts + segCount * 2;
  const rangeOffsets = deltas + segCount * 2;
  for (let i = 0; i < segCount; i++) {
    const end = Math.min(u16(buf, ends + i * 2), 0xfffe);
    const start = u16(buf, starts + i * 2);
    const delta = u16(buf, deltas + i * 2);
    const rangeOffsetAt = rangeOffsets + i * 2;
    const rangeOffset = u16(buf, rangeOffsetAt);
    if (start > end) continue;
    if (rangeOffset === 0) {
      // glyph = (c + delta) mod 65536: 0 (.notdef) for at most one c.
      const zero = (0x10000 - delta) & 0xffff;
      if (zero < start || zero > end) out.add(start, end);
      else {
        if (zero > start) out.add(start, zero - 1);
        if (zero < end) out.add(zero + 1, end);
      }
      continue;
    }
    // As readFormat4: idRangeOffset is relative to its own position in the file.
    const glyphs = rangeOffsetAt + rangeOffset - start * 2;
    let runStart = -1;
    for (let c = start; c <= end; c++) {
      const glyph = (buf[glyphs + c * 2] << 8) | buf[glyphs + c * 2 + 1];
      const mapped = glyph !== 0 && ((glyph + delta) & 0xffff) !== 0;
      if (mapped) {
        if (runStart < 0) runStart = c;
      } else if (runStart >= 0) {
        out.add(runStart, c - 1);
        runStart = -1;
      }
    }
    if (runStart >= 0) out.add(runStart, end);
  }
  return out;
}

function format12Ranges(buf: Buffer, at: number): Ranges {
  const out = new Ranges();
  const numGroups = u32(buf, at + 12);
  for (let i = 0; i < numGroups; i++) {
    const g = at + 16 + i * 12;
    const start = u32(buf, g);
    const end = u32(buf, g + 4);
    const first = u32(buf, g + 8) === 0 ? start + 1 : start; // glyph 0 is .notdef: not a glyph
    if (first <= end) out.add(first, end);
  }
  return out;
}

/** Bytes [offset, offset + length) of an open file. */
function readAt(fd: number, offset: number, length: number, file: string): Buffer {
  const buf = Buffer.alloc(length);
  const n = readSync(fd, buf, 0, length, offset);
  if (n !== length) throw new Error(`${file}: truncated font file`);
  return buf;
}

/**
 * What readFontFaces(file) would give as `cmap` keys (union over faces and
 * Unicode subtables, formats 4 and 12), reading only the table directories
 * and the cmap tables: a 3.5 MB CJK font costs about a millisecond instead
 * of building a map of every glyph.
 */
export function readCoverage(file: string): Coverage {
  const fd = openSync(file, 'r');
  try {
    const head = readAt(fd, 0, 12, file);
    const tag = head.toString('latin1', 0, 4);
    let faceOffsets: number[];
    if (tag === 'ttcf') {
      const n = head.readUInt32BE(8);
      const offsets = readAt(fd, 12, n * 4, file);
      faceOffsets = Array.from({ length: n }, (_, i) => offsets.readUInt32BE(i * 4));
    } else if (tag === 'OTTO' || tag === 'true' || head.readUInt32BE(0) === 0x00010000) {
      faceOffsets = [0];
    } else {
      throw new Error(`${file}: not an OpenType/TrueType font or collection`);
    }
    let ranges = new Ranges();
    const seenCmaps = new Set<number>();
    for (const at of faceOffsets) {
      const numTables = readAt(fd, at + 4, 2, file).readUInt16BE(0);
      const dir = readAt(fd, at + 12, numTables * 16, file);
      let cmapT: { offset: number; length: number } | undefined;
      const names = new Set<string>();
      for (let i = 0; i < numTables; i++) {
        const name = dir.toString('latin1', i * 16, i * 16 + 4);
        names.add(name);
        if (name === 'cmap') cmapT = { offset: dir.readUInt32BE(i * 16 + 8), length: dir.readUInt32BE(i * 16 + 12) };
      }
      if (!cmapT || !['head', 'hhea', 'hmtx'].every((t) => names.has(t))) throw new Error(`${file}: not an OpenType font (missing cmap/head/hhea/hmtx)`);
      // Faces of a collection often share one cmap table.
      if (seenCmaps.has(cmapT.offset)) continue;
      seenCmaps.add(cmapT.offset);
      const cmap = readAt(fd, cmapT.offset, cmapT.length, file);
      const numSubtables = cmap.readUInt16BE(2);
      const seenSubtables = new Set<number>();
      for (let i = 0; i < numSubtables; i++) {
        const rec = 4 + i * 8;
        if (!isUnicodeEncoding(cmap.readUInt16BE(rec), cmap.readUInt16BE(rec + 2))) continue;
        const sub = cmap.readUInt32BE(rec + 4);
        if (seenSubtables.has(sub)) continue; // platforms 0 and 3 usually share one subtable
        seenSubtables.add(sub);
        const format = cmap.readUInt16BE(sub);
        if (format === 4) ranges = ranges.union(format4Ranges(cmap, sub));
        else if (format === 12) ranges = ranges.union(format12Ranges(cmap, sub));
      }
    }
    return ranges.coverage();
  } finally {
    closeSync(fd);
  }
}
