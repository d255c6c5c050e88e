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

export type QualifierStyle = 'default' | 'yu' | 'duo' | 'tupo' | 'yishang' | 'zuoyou' | 'none';

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
      if (style === 'tupo') return `突破${n}${unit}`;
      return `超${n}${unit}`;
    case 'at-least':
      return `${n}${unit}以上`;
    case 'less-than':
      return `小于${n}${unit}`;
    case 'nearly':
      return `近${n}${unit}`;
    case 'about':
      if (style === 'zuoyou') return `${n}${unit}左右`;
      return `约${n}${unit}`;
    case 'magnitude':
      return `${n}${unit}`;
  }
}

const ORDER_WORDS: Array<[number, string]> = [
  [1e12, '万亿'],
  [1e11, '千亿'],
  [1e10, '百亿'],
  [1e9, '十亿'],
  [1e8, '亿'],
  [1e7, '千万'],
  [1e6, '百万'],
  [1e5, '十万'],
  [1e4, '万'],
  [1e3, '千'],
  [1e2, '百'],
];

/**
 * An order of magnitude as Chinese prints it: 1e11 元 → 千亿级, 1e4 升 → 万升级.
 * Money drops its unit (千亿级产业, not 千亿元级); the value's power of ten is the order.
 */
export function formatMagnitude(value: number, unit: string): string {
  const order = ORDER_WORDS.find(([size]) => Math.abs(value) >= size);
  if (!order) return `${formatQuantity(value, unit)}级`;
  return `${order[1]}${unit === '元' ? '' : unit}级`;
}

export function formatFigure(value: number, unit: string, qualifier: Qualifier = 'exact', style: QualifierStyle = 'default'): string {
  if (qualifier === 'magnitude' && style !== 'none') return formatMagnitude(value, unit);
  return withQualifier(scaleNumber(value, unit), unit, qualifier, style);
}

/** Which side of the true value a printed figure may lie: 超 → above, 近/小于 → below, 约 → either. */
export type Side = 'exact' | 'above' | 'below' | 'either';

export function sideOf(q: Qualifier): Side {
  if (q === 'exact') return 'exact';
  if (q === 'more-than' || q === 'at-least') return 'above';
  if (q === 'less-than' || q === 'nearly') return 'below';
  return 'either';
}

/**
 * What a change computed from the printed ends can claim. If the true start
 * lies above its printed value (超1.2万), the computed change is an upper
 * bound; if the true end lies above (超16万), a lower bound; when the two
 * push in opposite directions nothing can be said.
 */
export function changeBound(from: Qualifier, to: Qualifier): 'exact' | 'upper' | 'lower' | 'about' | 'unknown' {
  const a = sideOf(from);
  const b = sideOf(to);
  if (a === 'either' || b === 'either') return 'about';
  // A start above its printed value shrinks the change; an end above it grows it.
  const dirs = new Set<string>();
  if (a === 'above') dirs.add('upper');
  if (a === 'below') dirs.add('lower');
  if (b === 'above') dirs.add('lower');
  if (b === 'below') dirs.add('upper');
  if (dirs.size === 0) return 'exact';
  if (dirs.size === 2) return 'unknown';
  return [...dirs][0] as 'upper' | 'lower';
}

/** Round a bound outwards so it stays a bound: an upper bound up, a lower one down. */
function outward(x: number, decimals: number, bound: 'upper' | 'lower' | 'exact' | 'about'): string {
  const f = 10 ** decimals;
  const scaled = Number((x * f).toPrecision(12));
  const r = bound === 'upper' ? Math.ceil(scaled) : bound === 'lower' ? Math.floor(scaled) : Math.round(scaled);
  return trimZeros((r / f).toFixed(decimals));
}

/** Bound words around a number: 不到2.9倍 (upper), 超2.8倍 (lower), 约2.8倍, 2.8倍. */
function bounded(number: string, unit: string, bound: 'upper' | 'lower' | 'exact' | 'about'): string {
  if (bound === 'upper') return `不到${number}${unit}`;
  if (bound === 'lower') return `超${number}${unit}`;
  if (bound === 'about') return `约${number}${unit}`;
  return `${number}${unit}`;
}

/**
 * Growth between two printed figures, hedged by what their qualifiers allow:
 * 超1.2万 → 4.6万 is 增长不到2.9倍 (the true multiple is below 2.83).
 * Throws when the qualifiers leave the direction open.
 */
export function formatBoundedGrowth(from: number, to: number, qFrom: Qualifier, qTo: Qualifier): string {
  if (from === 0) throw new RangeError('growth from zero is undefined');
  const bound = changeBound(qFrom, qTo);
  if (bound === 'unknown') throw new RangeError('the printed ends are qualified in opposite directions (超 … 近, or 超 at both ends); no bound on the change can be stated');
  const rate = (to - from) / Math.abs(from);
  const verb = rate >= 0 ? '增长' : '下降';
  // A falling value flips which side is the bound on its size.
  const b = rate < 0 && (bound === 'upper' || bound === 'lower') ? (bound === 'upper' ? 'lower' : 'upper') : bound;
  const abs = Math.abs(rate);
  if (rate >= 1) return `${verb}${bounded(outward(abs, 1, b), '倍', b)}`;
  return `${verb}${bounded(outward(abs * 100, 1, b), '%', b)}`;
}

/** A change of a rate or share, or of a count, hedged the same way. */
export function formatBoundedChange(from: number, to: number, unit: string, qFrom: Qualifier, qTo: Qualifier): string {
  const bound = changeBound(qFrom, qTo);
  if (bound === 'unknown') throw new RangeError('the printed ends are qualified in opposite directions; no bound on the change can be stated');
  const d = to - from;
  const b = d < 0 && (bound === 'upper' || bound === 'lower') ? (bound === 'upper' ? 'lower' : 'upper') : bound;
  if (unit === '%') return `${d >= 0 ? '提高' : '下降'}${bounded(outward(Math.abs(d), 1, b), '个百分点', b)}`;
  const s = scaleNumber(Math.abs(d), unit);
  return `${d >= 0 ? '增加' : '减少'}${bounded(`${s.number}${s.scale}`, unit, b)}`;
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
