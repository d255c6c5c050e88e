/**
 * The number reader: a figure as Chinese prints it (3.78万, 56.1万亿, 两万,
 * 千亿, 九成) read back into a value in base units. The inverse of
 * src/format/numbers.ts, which prints values the same way; the property
 * tests round-trip between the two.
 */
import { parseChineseNumber } from '../facts/figures.js';

/** Digits with an optional decimal part and scale word: 3.78万, 4000亿, 11万亿. */
export const ARABIC_NUMBER = /(\d+(?:\.\d+)?)(万亿|亿|万)?/y;
/** A run of Chinese numeral characters: 七, 两万, 千亿, 二十三. */
export const CHINESE_NUMBER = /[零〇一二两三四五六七八九十百千万亿]+/y;

const SCALE: Record<string, number> = { 万亿: 1e12, 亿: 1e8, 万: 1e4 };

/** Floating point: 1.2 × 1e4 must be exactly 12000. */
export function clean(x: number): number {
  return Number(x.toPrecision(12));
}

/** Arabic digits with an optional 万/亿/万亿: "3.78万" → 37800. */
export function readArabic(digits: string, scale = ''): number {
  return clean(Number(digits) * (SCALE[scale] ?? 1));
}

/** A whole printed number, Arabic or Chinese: "3.78万" → 37800, "两万" → 20000, "千亿" → 1e11; undefined if it is not one. */
export function readNumber(s: string): number | undefined {
  const arabic = /^(\d+(?:\.\d+)?)(万亿|亿|万)?$/.exec(s);
  if (arabic) return readArabic(arabic[1], arabic[2]);
  const n = parseChineseNumber(s);
  return n === undefined ? undefined : clean(n);
}

/** 九成 → 90 (percent): a count of tenths. */
export function readTenths(s: string): number | undefined {
  const n = readNumber(s);
  return n === undefined ? undefined : clean(n * 10);
}

/** Last day of a month, for 截至8月底 → 2020-08-31. */
export function monthEnd(year: number, month: number): string {
  const day = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
