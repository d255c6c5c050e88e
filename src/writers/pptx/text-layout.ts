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

const regularWidths = new Map<string, number>();
const boldWidths = new Map<string, number>();

/** Advance of one character at 1 pt, never under-estimated for glyphs the bundled font lacks. */
export function charWidth(ch: string, bold: boolean): number {
  const cache = bold ? boldWidths : regularWidths;
  let w = cache.get(ch);
  if (w === undefined) {
    w = measureTextWidth(ch, 1, bold);
    const cp = ch.codePointAt(0)!;
    // A glyph the subset lacks may measure as zero; PowerPoint will draw it from some fallback font.
    if (PICTOGRAPH.test(ch)) w = Math.max(w, 1.25);
    else if (cp > 0x7f && !SPACE.test(ch) && w < 0.3) w = 1;
    else if (isWordChar(ch)) w *= LATIN_FACTOR;
    cache.set(ch, w);
  }
  return w;
}

/** Width in points of styled text laid on one line. */
export function measureStyled(parts: StyledText[]): number {
  let w = 0;
  forEachGlyph(parts, (_ch, _at, width) => {
    w += width;
    return false;
  });
  return w;
}

const ALNUM = /[\p{L}\p{N}]/u;
const CJK_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

/** Character classes, as bits; looked up once per distinct character (Unicode regexes per glyph dominated long texts). */
const IS = { space: 1, breakAround: 2, pictograph: 4, cjk: 8, alnum: 16, asciiPunct: 32 } as const;
const classCache = new Map<string, number>();
function classOf(ch: string): number {
  let c = classCache.get(ch);
  if (c === undefined) {
    c =
      (SPACE.test(ch) ? IS.space : 0) |
      (BREAK_AROUND.test(ch) ? IS.breakAround : 0) |
      (PICTOGRAPH.test(ch) ? IS.pictograph : 0) |
      (BREAK_AROUND.test(ch) && !PICTOGRAPH.test(ch) && CJK_SCRIPT.test(ch) ? IS.cjk : 0) |
      (ALNUM.test(ch) ? IS.alnum : 0) |
      (ASCII_PUNCT.test(ch) ? IS.asciiPunct : 0);
    classCache.set(ch, c);
  }
  return c;
}

const ASCII_PUNCT = /^[!-\/:-@[-`{-~]$/;

const isCjkClass = (c: number) => (c & IS.cjk) !== 0;
const isLatinClass = (c: number) => (c & (IS.space | IS.breakAround)) === 0 && (c & IS.alnum) !== 0;

/** Receives glyphs in order; returns true to stop. */
type GlyphSink = (ch: string, at: number, width: number, cls: number) => boolean;

/**
 * Glyphs one by one (character, UTF-16 offset in the paragraph text, width in
 * points, class bits), so a caller that needs only the first lines reads only
 * their text: line breaking stays linear however long the paragraph.
 */
function forEachGlyph(parts: StyledText[], sink: GlyphSink): void {
  let at = 0;
  let prevClass = 0;
  // One glyph is held back: ASCII punctuation next to CJK takes the Asian font in LibreOffice, up to a full em.
  let holding = false;
  let heldCh = '';
  let heldAt = 0;
  let heldWidth = 0;
  let heldSize = 0;
  let heldClass = 0;
  let heldBefore = 0;
  for (const p of parts) {
    const bold = !!p.bold;
    const size = p.sizePt;
    for (const ch of p.text) {
      const cls = classOf(ch);
      let width = charWidth(ch, bold) * size;
      if ((isCjkClass(prevClass) && isLatinClass(cls)) || (isLatinClass(prevClass) && isCjkClass(cls))) width += AUTOSPACE_EM * size;
      if (holding) {
        if ((heldClass & IS.asciiPunct) !== 0 && (isCjkClass(heldBefore) || isCjkClass(cls))) heldWidth = Math.max(heldWidth, heldSize);
        if (sink(heldCh, heldAt, heldWidth, heldClass)) return;
      }
      holding = true;
      heldCh = ch;
      heldAt = at;
      heldWidth = width;
      heldSize = size;
      heldClass = cls;
      heldBefore = prevClass;
      at += ch.length;
      prevClass = cls;
    }
  }
  if (holding) {
    if ((heldClass & IS.asciiPunct) !== 0 && isCjkClass(heldBefore)) heldWidth = Math.max(heldWidth, heldSize);
    sink(heldCh, heldAt, heldWidth, heldClass);
  }
}

const isWordChar = (ch: string) => (classOf(ch) & (IS.space | IS.breakAround)) === 0;

/** May a line break between a and b? */
export function canBreakBetween(a: string, b: string): boolean {
  return canBreak(a, classOf(a), b, classOf(b));
}

function canBreak(a: string, aClass: number, b: string, bClass: number): boolean {
  if ((bClass & IS.space) !== 0) return false;
  if (NO_START.has(b) || NO_END.has(a)) return false;
  if (a === b && UNSPLIT.has(a)) return false;
  if ((aClass & IS.space) !== 0) return true;
  const word = IS.space | IS.breakAround;
  return !((aClass & word) === 0 && (bClass & word) === 0);
}

/** Width of the widest piece that cannot be broken (a word, a number), points. */
export function longestUnbreakable(parts: StyledText[]): number {
  let max = 0;
  let w = 0;
  let any = false;
  let prevCh = '';
  let prevClass = 0;
  forEachGlyph(parts, (ch, _at, width, cls) => {
    if (any && canBreak(prevCh, prevClass, ch, cls)) {
      if (w > max) max = w;
      w = 0;
    }
    if ((cls & IS.space) === 0) w += width;
    any = true;
    prevCh = ch;
    prevClass = cls;
    return false;
  });
  if (any && w > max) max = w;
  return max;
}

/** Ink width of a run of glyphs (total, trailing spaces) if `more` were appended: trailing spaces do not show at a line end. */
function inkWith(total: number, trailing: number, moreTotal: number, moreTrailing: number): number {
  const allSpace = moreTrailing === moreTotal;
  return total + moreTotal - (allSpace ? trailing + moreTotal : moreTrailing);
}

/** Glyphs of a line or a segment, in parallel arrays, with their total width and the width of their trailing spaces. */
class GlyphRun {
  ch: string[] = [];
  at: number[] = [];
  width: number[] = [];
  cls: number[] = [];
  total = 0;
  trailing = 0;

  get length(): number {
    return this.ch.length;
  }

  push(ch: string, at: number, width: number, cls: number): void {
    this.ch.push(ch);
    this.at.push(at);
    this.width.push(width);
    this.cls.push(cls);
    this.total += width;
    this.trailing = (cls & IS.space) !== 0 ? this.trailing + width : 0;
  }

  /** Glyphs [from, to) as a run of their own, widths summed afresh. */
  slice(from: number, to: number): GlyphRun {
    const r = new GlyphRun();
    for (let i = from; i < to; i++) r.push(this.ch[i], this.at[i], this.width[i], this.cls[i]);
    return r;
  }

  /** Width without trailing spaces. */
  get ink(): number {
    return this.total - this.trailing;
  }
}

/**
 * Greedy line breaking of one paragraph into lines no wider than `widthPt`
 * (the caller applies WIDTH_BUDGET). A segment wider than a whole line is cut
 * between characters. Returns at least one line (empty for empty text).
 * With `maxLines`, stops after that many lines: work in proportion to the
 * lines returned, not to the paragraph.
 */
export function breakLines(parts: StyledText[], widthPt: number, maxLines = Infinity): LaidLine[] {
  const key = memoKey(parts, widthPt, maxLines);
  if (key === undefined) return layOut(parts, widthPt, maxLines);
  let lines = laidOut.get(key);
  if (!lines) {
    if (laidOut.size >= MAX_MEMO_ENTRIES) laidOut.clear();
    lines = layOut(parts, widthPt, maxLines);
    laidOut.set(key, lines);
  }
  return lines.slice();
}

/**
 * The planner asks the same question many times (a title at each size it
 * tries, a paragraph in each arrangement of a slide): about two in three
 * breakLines calls in the default deck repeat an earlier one. Short texts
 * only, so the keys stay small; the answer depends on nothing else.
 */
const laidOut = new Map<string, LaidLine[]>();
const MAX_MEMO_ENTRIES = 5000;
const MAX_MEMO_TEXT = 2000;

function memoKey(parts: StyledText[], widthPt: number, maxLines: number): string | undefined {
  let key = `${widthPt}|${maxLines}`;
  let length = 0;
  for (const p of parts) {
    length += p.text.length;
    if (length > MAX_MEMO_TEXT) return undefined;
    key += `|${p.sizePt},${p.bold ? 1 : 0},${p.text.length}:${p.text}`;
  }
  return key;
}

function layOut(parts: StyledText[], widthPt: number, maxLines: number): LaidLine[] {
  const lines: LaidLine[] = [];
  let line = new GlyphRun();
  let seg = new GlyphRun();
  const full = () => lines.length >= maxLines;
  const flush = () => {
    const n = line.length;
    if (n === 0 || full()) return;
    lines.push({ text: line.ch.join(''), widthPt: line.ink, start: line.at[0], end: line.at[n - 1] + line.ch[n - 1].length });
    line = new GlyphRun();
  };
  // One segment (glyphs between break opportunities) onto the lines.
  const place = (s: GlyphRun) => {
    if (inkWith(line.total, line.trailing, s.total, s.trailing) <= widthPt) {
      for (let i = 0; i < s.length; i++) line.push(s.ch[i], s.at[i], s.width[i], s.cls[i]);
      return;
    }
    flush();
    if (s.ink <= widthPt) {
      line = s;
      return;
    }
    // Too wide for any line: cut between characters, still keeping kinsoku where the line allows.
    for (let i = 0; i < s.length; i++) {
      const ch = s.ch[i];
      const width = s.width[i];
      const cls = s.cls[i];
      if (line.length > 0 && inkWith(line.total, line.trailing, 0 + width, (cls & IS.space) !== 0 ? 0 + width : 0) > widthPt) {
        // Glyphs [0, kept) stay; the rest carry over to the next line.
        let kept = line.length;
        while (kept > 1 && (NO_START.has(kept < line.length ? line.ch[kept] : ch) || NO_END.has(line.ch[kept - 1]))) kept--;
        const carry = line.slice(kept, line.length);
        line = line.slice(0, kept);
        flush();
        if (full()) return;
        line = carry;
      }
      line.push(ch, s.at[i], width, cls);
    }
  };
  let prevCh = '';
  let prevClass = 0;
  forEachGlyph(parts, (ch, at, width, cls) => {
    if (seg.length > 0 && canBreak(prevCh, prevClass, ch, cls)) {
      if (full()) return true;
      place(seg);
      seg = new GlyphRun();
      if (full()) return true;
    }
    seg.push(ch, at, width, cls);
    prevCh = ch;
    prevClass = cls;
    return false;
  });
  if (seg.length > 0 && !full()) place(seg);
  flush();
  return lines.length ? lines : [{ text: '', widthPt: 0, start: 0, end: 0 }];
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
  const lines = breakLines(parts, widthPt, maxLines + 1);
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
    if (breakLines(trial, widthPt, maxLines + 1).length <= maxLines) return { parts: trial, truncated: true };
    cut -= 1;
    // Never cut a surrogate pair in half.
    const code = head.map((p) => p.text).join('').charCodeAt(cut);
    if (code >= 0xdc00 && code <= 0xdfff) cut -= 1;
  }
  return { parts: [...head, { text: ellipsis, sizePt: size, bold: last?.bold }], truncated: true };
}
