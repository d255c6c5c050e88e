/**
 * Advance widths of single characters read from a font file's own tables,
 * without a canvas: only the table directory, `cmap`, `head`, `hhea` and
 * `hmtx` are read (a few tens of KB of a multi-MB file), and characters are
 * looked up on demand instead of building the whole character map.
 *
 * Widths come out exactly as Skia (through FreeType) measures one character
 * at 100 px: FreeType scales the advance to 16.16 fixed-point pixels with its
 * own integer rounding, and test/fonts/advances.test.ts compares every
 * character of the bundled faces with @napi-rs/canvas's measureText.
 */
import { closeSync, openSync, readSync } from 'node:fs';

function readAt(fd: number, offset: number, length: number): Buffer {
  const buf = Buffer.alloc(length);
  let done = 0;
  while (done < length) {
    const n = readSync(fd, buf, done, length - done, offset + done);
    if (n === 0) throw new Error('unexpected end of font file');
    done += n;
  }
  return buf;
}

type Lookup = (cp: number) => number;

/** Format 12 (full Unicode) groups, binary searched. */
function format12(cmap: Buffer, at: number): Lookup {
  const groups = cmap.readUInt32BE(at + 12);
  return (cp) => {
    let lo = 0;
    let hi = groups - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const g = at + 16 + mid * 12;
      if (cp < cmap.readUInt32BE(g)) hi = mid - 1;
      else if (cp > cmap.readUInt32BE(g + 4)) lo = mid + 1;
      else return cmap.readUInt32BE(g + 8) + (cp - cmap.readUInt32BE(g));
    }
    return 0;
  };
}

/** Format 4 (BMP) segments, binary searched on their end codes. */
function format4(cmap: Buffer, at: number): Lookup {
  const segCount = cmap.readUInt16BE(at + 6) / 2;
  const ends = at + 14;
  const starts = ends + segCount * 2 + 2;
  const deltas = starts + segCount * 2;
  const rangeOffsets = deltas + segCount * 2;
  return (cp) => {
    if (cp > 0xfffe) return 0;
    let lo = 0;
    let hi = segCount - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cmap.readUInt16BE(ends + mid * 2) < cp) lo = mid + 1;
      else hi = mid;
    }
    const start = cmap.readUInt16BE(starts + lo * 2);
    if (cp < start || cp > cmap.readUInt16BE(ends + lo * 2)) return 0;
    const delta = cmap.readUInt16BE(deltas + lo * 2);
    const rangeOffsetAt = rangeOffsets + lo * 2;
    const rangeOffset = cmap.readUInt16BE(rangeOffsetAt);
    if (rangeOffset === 0) return (cp + delta) & 0xffff;
    // idRangeOffset is relative to its own position in the table.
    const glyph = cmap.readUInt16BE(rangeOffsetAt + rangeOffset + (cp - start) * 2);
    return glyph === 0 ? 0 : (glyph + delta) & 0xffff;
  };
}

export interface AdvanceTable {
  /** Advance of one code point in em, as canvas measures it; undefined when the face has no glyph for it. */
  em(cp: number): number | undefined;
}

/**
 * The advance table of a single-face .otf/.ttf (collections are not needed:
 * only the bundled fonts are measured this way).
 */
export function readAdvanceTable(file: string): AdvanceTable {
  const fd = openSync(file, 'r');
  try {
    const head = readAt(fd, 0, 12);
    const numTables = head.readUInt16BE(4);
    const dir = readAt(fd, 12, numTables * 16);
    const tables = new Map<string, { offset: number; length: number }>();
    for (let i = 0; i < numTables; i++) {
      const rec = i * 16;
      tables.set(dir.toString('latin1', rec, rec + 4), { offset: dir.readUInt32BE(rec + 8), length: dir.readUInt32BE(rec + 12) });
    }
    const table = (tag: string): Buffer => {
      const t = tables.get(tag);
      if (!t) throw new Error(`${file}: no ${tag} table`);
      return readAt(fd, t.offset, t.length);
    };
    const cmap = table('cmap');
    const unitsPerEm = table('head').readUInt16BE(18);
    const numHMetrics = table('hhea').readUInt16BE(34);
    const hmtx = table('hmtx');

    // The character map FreeType and HarfBuzz pick: the full-Unicode (format 12) one first.
    let lookup: Lookup | undefined;
    let bmp: Lookup | undefined;
    for (let i = 0; i < cmap.readUInt16BE(2); i++) {
      const rec = 4 + i * 8;
      const platform = cmap.readUInt16BE(rec);
      const encoding = cmap.readUInt16BE(rec + 2);
      if (!(platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10)))) continue;
      const sub = cmap.readUInt32BE(rec + 4);
      const format = cmap.readUInt16BE(sub);
      if (format === 12) lookup ??= format12(cmap, sub);
      else if (format === 4) bmp ??= format4(cmap, sub);
    }
    const glyphOf = lookup ?? bmp;
    if (!glyphOf) throw new Error(`${file}: no Unicode character map`);

    // FreeType at 100 px: x_scale = FT_DivFix(100 × 64, unitsPerEm); advance = FT_MulDiv(units, x_scale, 64) in 16.16 pixels.
    const xScale = Math.floor((6400 * 65536 + (unitsPerEm >> 1)) / unitsPerEm);
    return {
      em(cp) {
        const glyph = glyphOf(cp);
        if (glyph === 0) return undefined;
        const units = hmtx.readUInt16BE(Math.min(glyph, numHMetrics - 1) * 4);
        return Math.floor((units * xScale + 32) / 64) / 65536 / 100;
      },
    };
  } finally {
    closeSync(fd);
  }
}
