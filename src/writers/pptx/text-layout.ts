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
const isSpace = (ch: string) => (classOf(ch) & IS.space) !== 0;
const isCjk = (ch: string) => (classOf(ch) & IS.cjk) !== 0;

const ASCII_PUNCT = /^[!-\/:-@[-`{-~]$/;

/**
 * Glyphs one by one, so a caller that needs only the first lines reads only
 * their text (line breaking stays linear however long the paragraph).
 */
function* glyphStream(parts: StyledText[]): Generator<Glyph> {
  const latin = (c: string) => isWordChar(c) && (classOf(c) & IS.alnum) !== 0;
  let at = 0;
  let prev = '';
  // One glyph is held back: ASCII punctuation next to CJK takes the Asian font in LibreOffice, up to a full em.
  let held: { g: Glyph; size: number; before: string } | undefined;
  const release = (next: string): Glyph => {
    const { g, size, before } = held!;
    if ((classOf(g.ch) & IS.asciiPunct) !== 0 && (isCjk(before) || isCjk(next))) g.width = Math.max(g.width, size);
    return g;
  };
  for (const p of parts) {
    for (const ch of p.text) {
      let width = charWidth(ch, !!p.bold) * p.sizePt;
      if ((isCjk(prev) && latin(ch)) || (latin(prev) && isCjk(ch))) width += AUTOSPACE_EM * p.sizePt;
      if (held) yield release(ch);
      held = { g: { ch, at, width }, size: p.sizePt, before: prev };
      at += ch.length;
      prev = ch;
    }
  }
  if (held) yield release('');
}

function glyphsOf(parts: StyledText[]): Glyph[] {
  return [...glyphStream(parts)];
}

const isWordChar = (ch: string) => (classOf(ch) & (IS.space | IS.breakAround)) === 0;

/** May a line break between a and b? */
export function canBreakBetween(a: string, b: string): boolean {
  if (isSpace(b)) return false;
  if (NO_START.has(b) || NO_END.has(a)) return false;
  if (a === b && UNSPLIT.has(a)) return false;
  if (isSpace(a)) return true;
  return !(isWordChar(a) && isWordChar(b));
}

/** Runs of glyphs between break opportunities, one by one. */
function* segmentStream(glyphs: Iterable<Glyph>): Generator<Glyph[]> {
  let seg: Glyph[] = [];
  let prev: Glyph | undefined;
  for (const g of glyphs) {
    if (prev && canBreakBetween(prev.ch, g.ch)) {
      yield seg;
      seg = [];
    }
    seg.push(g);
    prev = g;
  }
  if (seg.length) yield seg;
}

/** Width of the widest piece that cannot be broken (a word, a number), points. */
export function longestUnbreakable(parts: StyledText[]): number {
  let max = 0;
  for (const seg of segmentStream(glyphStream(parts))) {
    const w = seg.filter((g) => !isSpace(g.ch)).reduce((n, g) => n + g.width, 0);
    if (w > max) max = w;
  }
  return max;
}

/** Glyphs with their total width and the width of their trailing spaces (what a line end does not show). */
class GlyphRun {
  glyphs: Glyph[] = [];
  total = 0;
  trailing = 0;

  static of(glyphs: Glyph[]): GlyphRun {
    const r = new GlyphRun();
    for (const g of glyphs) r.push(g);
    return r;
  }

  push(g: Glyph): void {
    this.glyphs.push(g);
    this.total += g.width;
    this.trailing = isSpace(g.ch) ? this.trailing + g.width : 0;
  }

  /** Width without trailing spaces. */
  get ink(): number {
    return this.total - this.trailing;
  }

  /** Ink width if `more` were appended. */
  inkWith(more: GlyphRun): number {
    const allSpace = more.trailing === more.total;
    return this.total + more.total - (allSpace ? this.trailing + more.total : more.trailing);
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
  const full = () => lines.length >= maxLines;
  const flush = () => {
    const gs = line.glyphs;
    if (gs.length === 0 || full()) return;
    const last = gs[gs.length - 1];
    lines.push({ text: gs.map((g) => g.ch).join(''), widthPt: line.ink, start: gs[0].at, end: last.at + last.ch.length });
    line = new GlyphRun();
  };
  for (const glyphs of segmentStream(glyphStream(parts))) {
    if (full()) break;
    const s = GlyphRun.of(glyphs);
    if (line.inkWith(s) <= widthPt) {
      for (const g of glyphs) line.push(g);
      continue;
    }
    flush();
    if (s.ink <= widthPt) {
      line = s;
      continue;
    }
    // Too wide for any line: cut between characters, still keeping kinsoku where the line allows.
    for (const g of glyphs) {
      if (line.glyphs.length > 0 && line.inkWith(GlyphRun.of([g])) > widthPt) {
        const kept = [...line.glyphs];
        const carry: Glyph[] = [];
        while (kept.length > 1 && (NO_START.has(carry[0]?.ch ?? g.ch) || NO_END.has(kept[kept.length - 1].ch))) carry.unshift(kept.pop()!);
        line = GlyphRun.of(kept);
        flush();
        if (full()) break;
        line = GlyphRun.of(carry);
      }
      line.push(g);
    }
  }
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
