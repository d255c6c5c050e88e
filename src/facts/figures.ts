/**
 * Read a printed Chinese figure ("3.78万个", "超16万家", "两万多个", "连续七年")
 * back into a number, the qualifier its wording implies and the unit word
 * that follows it, so the data can be checked against what the source says.
 */
import type { Qualifier } from './schema.js';

export interface ParsedFigure {
  /** The number in base units (万 and 亿 applied; 成 gives a percentage). */
  value: number;
  /** Qualifier implied by the wording; exact when there is none. */
  qualifier: Qualifier;
  /** What follows the number once qualifier words are removed: 个, 亿元 → 元, % ... */
  unit: string;
  /** Text before the number (连续, 第, 跃升 ...), for ranking checks. */
  before: string;
}

const DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const SMALL_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const BIG_UNITS: Record<string, number> = { 万: 1e4, 亿: 1e8 };

/** Chinese numerals such as 七, 二十三, 两万, 千亿, 百万. */
export function parseChineseNumber(s: string): number | undefined {
  if (!s || /[^零〇一二两三四五六七八九十百千万亿]/.test(s)) return undefined;
  let total = 0;
  let section = 0;
  let digit: number | undefined;
  for (const ch of s) {
    if (ch in DIGITS) {
      digit = DIGITS[ch];
    } else if (ch in SMALL_UNITS) {
      section += (digit ?? 1) * SMALL_UNITS[ch];
      digit = undefined;
    } else {
      // 万 or 亿 scales everything read so far in this section; 万亿 scales twice.
      const scaled = (section + (digit ?? 0) || 1) * BIG_UNITS[ch];
      if (ch === '亿' && total > 0 && section === 0 && digit === undefined) {
        total *= BIG_UNITS[ch];
      } else {
        total += scaled;
      }
      section = 0;
      digit = undefined;
    }
  }
  return total + section + (digit ?? 0);
}

const SCALE_WORDS: Array<[string, number]> = [
  ['万亿', 1e12],
  ['亿', 1e8],
  ['万', 1e4],
  ['千', 1e3],
  ['百', 1e2],
];

const PREFIX_QUALIFIERS: Array<[RegExp, Qualifier]> = [
  [/(超过|超|突破|逾|高于)$/, 'more-than'],
  [/(小于|不足|低于|不到)$/, 'less-than'],
  [/(接近|近)$/, 'nearly'],
  [/约$/, 'about'],
  [/^上$/, 'at-least'], // 上千
];

const SUFFIX_QUALIFIERS: Array<[RegExp, Qualifier]> = [
  [/^(余|多)/, 'more-than'],
  [/以上$/, 'at-least'],
  [/以下$/, 'less-than'],
  [/左右$/, 'about'],
  [/级$/, 'magnitude'],
];

/** Words that stand for a number without digits. */
const WORD_NUMBERS: Array<[RegExp, number, string]> = [
  [/全覆盖/, 100, '%'],
  [/唯一/, 1, ''],
  [/(榜首|首位|首次|第一位)/, 1, ''],
];

/**
 * Parse a printed figure. Returns undefined when it holds no number this
 * parser understands (the checks then leave it alone).
 */
export function parsePrinted(printed: string): ParsedFigure | undefined {
  const s = printed.replace(/\s+/g, '');
  // Durations: 2分40秒 → 160 秒.
  const dur = s.match(/(\d+)分(\d+)秒/);
  if (dur) return { value: Number(dur[1]) * 60 + Number(dur[2]), qualifier: 'exact', unit: '秒', before: s.slice(0, dur.index) };

  const m = s.match(/(\d+(?:\.\d+)?)(万亿|亿|万)?|([零〇一二两三四五六七八九十百千万亿]+)/);
  if (!m || m.index === undefined) {
    for (const [re, value, unit] of WORD_NUMBERS) {
      const w = s.match(re);
      if (w && w.index !== undefined) return { value, qualifier: 'exact', unit, before: s.slice(0, w.index) };
    }
    return undefined;
  }
  let value: number;
  if (m[1] !== undefined) {
    value = Number(m[1]) * (SCALE_WORDS.find(([w]) => w === m[2])?.[1] ?? 1);
  } else {
    const n = parseChineseNumber(m[3]);
    if (n === undefined) return undefined;
    value = n;
  }
  let before = s.slice(0, m.index);
  // A minus sign (ASCII, U+2212, full-width) or 负 right before the number: -1.2万个 is negative.
  const minus = /(^|[^\d])([-−－]|负)$/.exec(before);
  if (minus) {
    value = -value;
    before = before.slice(0, before.length - minus[2].length);
  }
  let rest = s.slice(m.index + m[0].length);
  let q: Qualifier = 'exact';
  for (const [re, qual] of PREFIX_QUALIFIERS) {
    if (re.test(before)) {
      q = qual;
      break;
    }
  }
  for (const [re, qual] of SUFFIX_QUALIFIERS) {
    if (re.test(rest)) {
      q = qual;
      rest = rest.replace(re, '');
    }
  }
  // 九成 → 90%; a Chinese numeral before 成 counts tenths.
  if (rest.startsWith('成')) {
    value *= 10;
    rest = '%' + rest.slice(1);
  }
  // Floating point: 1.2 * 1e4 must equal 12000 exactly for the comparison.
  value = Number(value.toPrecision(12));
  return { value, qualifier: q, unit: rest, before };
}

/** Equal up to floating-point noise. */
export function sameNumber(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

/** Year, month and day named in a printed date such as 2020年6月, 3月5日, 11月21日. */
export function parsePrintedDate(printed: string): { year?: number; month?: number; day?: number } | undefined {
  // 2025年度 names a reporting year, not the date of the event.
  if (/\d{4}年度/.test(printed)) return undefined;
  const year = printed.match(/(\d{4})年/)?.[1];
  const month = printed.match(/(\d{1,2})月/)?.[1];
  const day = printed.match(/(\d{1,2})日/)?.[1];
  if (!year && !month) return undefined;
  return {
    year: year ? Number(year) : undefined,
    month: month ? Number(month) : undefined,
    day: day ? Number(day) : undefined,
  };
}
