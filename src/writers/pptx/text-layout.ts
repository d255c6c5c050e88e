/**
 * Line breaking with real font metrics, so the planner knows how many lines
 * a text takes before PowerPoint sees it (its shrink-on-overflow is applied
 * only after an edit, so it cannot be relied on).
 *
 * CJK breaks between any two characters, Latin only at spaces; kinsoku
 * (GB/T 15834): closing punctuation never starts a line, opening brackets
 * never end one, —— and …… never split, a number never breaks.
 */
import { measureTextWidth } from '../../fonts/index.js';

export interface StyledText {
  text: string;
  sizePt: number;
  bold?: boolean;
}

export interface LaidLine {
  /** Text of the line, trailing spaces included. */
  text: string;
  widthPt: number;
  /** Offsets (UTF-16) into the concatenated text of the paragraph. */
  start: number;
  end: number;
}

/**
 * Share of a box's width the planner fills. The deck is shown in Microsoft
 * YaHei + Arial but measured with Noto Sans SC; their CJK advances are equal,
 * Latin differs by a few per cent, so leave that much room.
 */
export const WIDTH_BUDGET = 0.93;

/**
 * Latin set in a substitute font (LibreOffice without Arial falls back to the
 * wider DejaVu Sans) runs up to ~12% wider than measured; count it so.
 */
const LATIN_FACTOR = 1.12;
/** Space LibreOffice and WPS add between CJK and Latin letters or digits (autospace), in em. */
const AUTOSPACE_EM = 0.25;

/** Line pitch as a multiple of the font size (exact spacing is written, so renderers agree). */
export const LINE_PITCH = { body: 1.3, heading: 1.2, number: 1.1 } as const;

const NO_START = new Set([...'。，、；：？！）》」』】〕〉〗”’．，,.;:!?)]}%％‰℃・·']);
const NO_END = new Set([...'（《「『【〔〈〖“‘([{']);
const UNSPLIT = new Set(['—', '…']);

/** Characters around which a line may break (ideographs, kana, hangul, CJK and general punctuation, emoji). */
const BREAK_AROUND = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u2010-\u205E\u2E80-\u303F\uFE30-\uFE4F\uFF00-\uFFEF\p{Extended_Pictographic}]/u;
const SPACE = /\s/u;
const PICTOGRAPH = /\p{Extended_Pictographic}/u;

const widthCache = new Map<string, number>();

/** Advance of one character at 1 pt, never under-estimated for glyphs the bundled font lacks. */
export function charWidth(ch: string, bold: boolean): number {
  const key = (bold ? 'b' : 'r') + ch;
  let w = widthCache.get(key);
  if (w === undefined) {
    w = measureTextWidth(ch, 1, bold);
    const cp = ch.codePointAt(0)!;
    // A glyph the subset lacks may measure as zero; PowerPoint will draw it from some fallback font.
    if (PICTOGRAPH.test(ch)) w = Math.max(w, 1.25);
    else if (cp > 0x7f && !SPACE.test(ch) && w < 0.3) w = 1;
    else if (isWordChar(ch)) w *= LATIN_FACTOR;
    widthCache.set(key, w);
  }
  return w;
}

/** Width in points of styled text laid on one line. */
export function measureStyled(parts: StyledText[]): number {
  return glyphsOf(parts).reduce((w, g) => w + g.width, 0);
}

interface Glyph {
  ch: string;
  /** UTF-16 offset in the paragraph text. */
  at: number;
  width: number;
}

const ALNUM = /[\p{L}\p{N}]/u;
const isCjk = (ch: string) => BREAK_AROUND.test(ch) && !PICTOGRAPH.test(ch) && /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u.test(ch);

const ASCII_PUNCT = /^[!-\/:-@[-`{-~]$/;

function glyphsOf(parts: StyledText[]): Glyph[] {
  const out: Glyph[] = [];
  const sizes: number[] = [];
  let at = 0;
  let prev = '';
  for (const p of parts) {
    for (const ch of p.text) {
      let width = charWidth(ch, !!p.bold) * p.sizePt;
      const latin = (c: string) => isWordChar(c) && ALNUM.test(c);
      if ((isCjk(prev) && latin(ch)) || (latin(prev) && isCjk(ch))) width += AUTOSPACE_EM * p.sizePt;
      out.push({ ch, at, width });
      sizes.push(p.sizePt);
      at += ch.length;
      prev = ch;
    }
  }
  // ASCII punctuation between CJK characters takes the Asian font in LibreOffice, up to a full em.
  out.forEach((g, k) => {
    if (ASCII_PUNCT.test(g.ch) && (isCjk(out[k - 1]?.ch ?? '') || isCjk(out[k + 1]?.ch ?? ''))) g.width = Math.max(g.width, sizes[k]);
  });
  return out;
}

const isWordChar = (ch: string) => !SPACE.test(ch) && !BREAK_AROUND.test(ch);

/** May a line break between a and b? */
export function canBreakBetween(a: string, b: string): boolean {
  if (SPACE.test(b)) return false;
  if (NO_START.has(b) || NO_END.has(a)) return false;
  if (a === b && UNSPLIT.has(a)) return false;
  if (SPACE.test(a)) return true;
  return !(isWordChar(a) && isWordChar(b));
}

/** Runs of glyphs between break opportunities. */
function segmentsOf(glyphs: Glyph[]): Glyph[][] {
  const segs: Glyph[][] = [];
  let seg: Glyph[] = [];
  for (let k = 0; k < glyphs.length; k++) {
    if (k > 0 && canBreakBetween(glyphs[k - 1].ch, glyphs[k].ch)) {
      segs.push(seg);
      seg = [];
    }
    seg.push(glyphs[k]);
  }
  if (seg.length) segs.push(seg);
  return segs;
}

/** Width of the widest piece that cannot be broken (a word, a number), points. */
export function longestUnbreakable(parts: StyledText[]): number {
  let max = 0;
  for (const seg of segmentsOf(glyphsOf(parts))) {
    const w = seg.filter((g) => !SPACE.test(g.ch)).reduce((n, g) => n + g.width, 0);
    if (w > max) max = w;
  }
  return max;
}

/**
 * Greedy line breaking of one paragraph into lines no wider than `widthPt`
 * (the caller applies WIDTH_BUDGET). A segment wider than a whole line is cut
 * between characters. Returns at least one line (empty for empty text).
 */
export function breakLines(parts: StyledText[], widthPt: number): LaidLine[] {
  const glyphs = glyphsOf(parts);
  const full = parts.map((p) => p.text).join('');
  if (glyphs.length === 0) return [{ text: '', widthPt: 0, start: 0, end: 0 }];
  const segs = segmentsOf(glyphs);

  const lines: LaidLine[] = [];
  let line: Glyph[] = [];
  const inkWidth = (gs: Glyph[]) => {
    let end = gs.length;
    while (end > 0 && SPACE.test(gs[end - 1].ch)) end--;
    let w = 0;
    for (let k = 0; k < end; k++) w += gs[k].width;
    return w;
  };
  const flush = () => {
    if (line.length === 0) return;
    const start = line[0].at;
    const last = line[line.length - 1];
    lines.push({ text: full.slice(start, last.at + last.ch.length), widthPt: inkWidth(line), start, end: last.at + last.ch.length });
    line = [];
  };
  for (const s of segs) {
    if (inkWidth([...line, ...s]) <= widthPt) {
      line.push(...s);
      continue;
    }
    flush();
    if (inkWidth(s) <= widthPt) {
      line.push(...s);
      continue;
    }
    // Too wide for any line: cut between characters, still keeping kinsoku where the line allows.
    for (const g of s) {
      if (line.length > 0 && inkWidth([...line, g]) > widthPt) {
        const carry: Glyph[] = [];
        while (line.length > 1 && (NO_START.has(carry[0]?.ch ?? g.ch) || NO_END.has(line[line.length - 1].ch))) carry.unshift(line.pop()!);
        flush();
        line.push(...carry);
      }
      line.push(g);
    }
  }
  flush();
  return lines;
}

/** Cut styled parts at a UTF-16 offset of their concatenation: [before, after]. */
export function splitStyled<T extends { text: string }>(parts: T[], offset: number): [T[], T[]] {
  const head: T[] = [];
  const tail: T[] = [];
  let at = 0;
  for (const p of parts) {
    const end = at + p.text.length;
    if (end <= offset) head.push(p);
    else if (at >= offset) tail.push(p);
    else {
      head.push({ ...p, text: p.text.slice(0, offset - at) });
      tail.push({ ...p, text: p.text.slice(offset - at) });
    }
    at = end;
  }
  return [head, tail];
}

/**
 * Shorten one line of text to fit `widthPt` with a trailing ellipsis. Only
 * for single-line labels that cannot continue elsewhere (a title); the caller
 * reports it as a warning.
 */
export function truncateToWidth(parts: StyledText[], widthPt: number, maxLines: number): { parts: StyledText[]; truncated: boolean } {
  const lines = breakLines(parts, widthPt);
  if (lines.length <= maxLines) return { parts, truncated: false };
  const ellipsis = '…';
  let cut = lines[maxLines - 1].end;
  let [head] = splitStyled(parts, cut);
  const last = head[head.length - 1];
  const size = last?.sizePt ?? parts[0].sizePt;
  // Drop characters until the ellipsis fits on the last allowed line.
  while (cut > lines[maxLines - 1].start) {
    [head] = splitStyled(parts, cut);
    const trial = [...head, { text: ellipsis, sizePt: size, bold: last?.bold }];
    if (breakLines(trial, widthPt).length <= maxLines) return { parts: trial, truncated: true };
    cut -= 1;
    // Never cut a surrogate pair in half.
    const code = (parts.map((p) => p.text).join('')).charCodeAt(cut);
    if (code >= 0xdc00 && code <= 0xdfff) cut -= 1;
  }
  return { parts: [...head, { text: ellipsis, sizePt: size, bold: last?.bold }], truncated: true };
}
