/**
 * Numbers the way Chinese official texts write them (GB/T 15835): Arabic
 * digits, scaled with 万/亿/万亿 only (never 千/百万), no thousands
 * separators, rate changes in 个百分点, qualifiers 超/余/以上/约/左右.
 * Shared by the template helpers and the chart data labels.
 */
import type { Qualifier } from '../facts/schema.js';
import { msg, MessageRangeError } from '../i18n/index.js';
import { LIMITS } from '../limits.js';

export interface Scaled {
  /** Digits, e.g. "3.78". */
  number: string;
  /** Scale word, e.g. "万", or "". */
  scale: string;
}

/** Units that are never scaled (a 95% share is not 0.0095万%). */
const UNSCALED_UNITS = new Set(['%', '个百分点', '倍', '年', '位', '名']);

const SCALES: Array<[number, string]> = [
  [1e12, '万亿'],
  [1e8, '亿'],
  [1e4, '万'],
];

/** Trim a fixed-decimal string: "3.780" → "3.78", "16.00" → "16". */
function trimZeros(s: string): string {
  return s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s;
}

/**
 * Round to `decimals` at most, keeping at least four significant digits and
 * never fewer than the integer part, so 1234.5678万 → 1235万 and 3.78万 → 3.78万.
 */
function roundSensibly(x: number, maxDecimals: number): string {
  const abs = Math.abs(x);
  const intDigits = abs >= 1 ? Math.floor(Math.log10(abs)) + 1 : 1;
  const decimals = Math.max(0, Math.min(maxDecimals, 4 - intDigits));
  // Decimal rounding through toFixed can be off for x.xx5; use an epsilon nudge.
  const factor = 10 ** decimals;
  const rounded = Math.round((x + Math.sign(x) * Number.EPSILON * abs) * factor) / factor;
  return trimZeros(rounded.toFixed(decimals));
}

/**
 * No figure of a city's economy reaches a thousand trillion (China's GDP is
 * about 1.3e14 元); beyond it a value is a typo, and JavaScript would print it
 * in exponent notation.
 */
export const MAX_FIGURE = LIMITS.figureMagnitude;

/** Refuse what cannot be written as a Chinese figure: NaN, Infinity, absurd magnitudes. */
export function assertFigure(value: number): void {
  if (!Number.isFinite(value)) throw new MessageRangeError(msg('format.not-finite', { value: String(value) }));
  if (Math.abs(value) >= MAX_FIGURE) throw new MessageRangeError(msg('format.too-large', { value: String(value) }));
}

export function scaleNumber(value: number, unit = '', maxDecimals = 2): Scaled {
  assertFigure(value);
  if (!UNSCALED_UNITS.has(unit)) {
    for (const [size, word] of SCALES) {
      if (Math.abs(value) >= size) return { number: roundSensibly(value / size, maxDecimals), scale: word };
    }
  }
  // Below 万: integers as they are (9999), fractions to at most two decimals.
  if (Number.isInteger(value)) return { number: String(value), scale: '' };
  return { number: trimZeros(value.toFixed(maxDecimals)), scale: '' };
}

/** "3.78万个", "4000亿元", "95%", "1.2万P". */
export function formatQuantity(value: number, unit = '', maxDecimals = 2): string {
  const s = scaleNumber(value, unit, maxDecimals);
  return `${s.number}${s.scale}${unit}`;
}

export type QualifierStyle = 'default' | 'yu' | 'duo' | 'yishang' | 'zuoyou' | 'none';

/**
 * Put the qualifier where Chinese puts it: 超16万家, 800余家, 约300人,
 * 50个以上, 40左右, 小于1.3. `style` picks among the forms a qualifier allows.
 */
export function withQualifier(scaled: Scaled, unit: string, qualifier: Qualifier, style: QualifierStyle = 'default'): string {
  const n = `${scaled.number}${scaled.scale}`;
  if (style === 'none') return `${n}${unit}`;
  switch (qualifier) {
    case 'exact':
      return `${n}${unit}`;
    case 'more-than':
      if (style === 'yu') return `${n}余${unit}`;
      if (style === 'duo') return `${n}多${unit}`;
      return `超${n}${unit}`;
    case 'at-least':
      return `${n}${unit}以上`;
    case 'less-than':
      return `小于${n}${unit}`;
    case 'about':
      if (style === 'zuoyou') return `${n}${unit}左右`;
      return `约${n}${unit}`;
  }
}

export function formatFigure(value: number, unit: string, qualifier: Qualifier = 'exact', style: QualifierStyle = 'default'): string {
  return withQualifier(scaleNumber(value, unit), unit, qualifier, style);
}

/** "12.5%" from a ratio given in percent units. */
export function formatPercent(valueInPercent: number, decimals = 1): string {
  assertFigure(valueInPercent);
  return `${trimZeros(valueInPercent.toFixed(decimals))}%`;
}

/** Growth between two values: "增长2.8倍" for ≥ 100%, else "增长35.2%"; "下降…" when negative. */
export function formatGrowth(from: number, to: number): string {
  if (from === 0) throw new MessageRangeError(msg('format.growth-from-zero'));
  const rate = (to - from) / Math.abs(from);
  assertFigure(rate);
  const verb = rate >= 0 ? '增长' : '下降';
  const abs = Math.abs(rate);
  if (rate >= 1) return `${verb}${trimZeros(abs.toFixed(1))}倍`;
  return `${verb}${formatPercent(abs * 100)}`;
}

/** A change of a rate or share: "提高3个百分点" / "下降0.5个百分点". */
export function formatPointChange(fromPercent: number, toPercent: number): string {
  const d = toPercent - fromPercent;
  assertFigure(d);
  const verb = d >= 0 ? '提高' : '下降';
  return `${verb}${trimZeros(Math.abs(d).toFixed(1))}个百分点`;
}

/** Difference in a count, scaled: "增加3.4万个". */
export function formatIncrease(from: number, to: number, unit: string): string {
  const d = to - from;
  return `${d >= 0 ? '增加' : '减少'}${formatQuantity(Math.abs(d), unit)}`;
}

const CHINESE_DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1–99 in Chinese numerals, for fixed expressions (连续七年, 第十四个五年规划). */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 99) throw new MessageRangeError(msg('format.numeral-range', { value: String(n) }));
  if (n < 10) return CHINESE_DIGITS[n];
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : CHINESE_DIGITS[tens]}十${ones ? CHINESE_DIGITS[ones] : ''}`;
}

/** 第1位 / 第23位; 连续七年位居第一 / 连续三年位列第6 when consecutive ≥ 2. */
export function formatRank(rank: number, consecutive?: number): string {
  if (consecutive && consecutive >= 2) return `连续${chineseNumeral(consecutive)}年${rank === 1 ? '位居第一' : `位列第${rank}`}`;
  return `第${rank}位`;
}

/** 上升6位 / 下降2位 / 持平. */
export function formatMovement(places: number): string {
  if (places === 0) return '位次持平';
  return places > 0 ? `上升${places}位` : `下降${-places}位`;
}

/**
 * The qualifier form a source printed (800余家 → yu, 5000多家 → duo), so a
 * chart label reads like the text and the article rather than 超800.
 */
export function qualifierStyleOf(printed: string | undefined): QualifierStyle {
  if (!printed) return 'default';
  if (/\d余/u.test(printed)) return 'yu';
  if (/\d多/u.test(printed)) return 'duo';
  if (/左右/u.test(printed)) return 'zuoyou';
  return 'default';
}
