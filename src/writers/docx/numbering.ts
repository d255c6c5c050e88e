/**
 * Heading numbers written as text (一、 （一） 1.), as officials type them:
 * they survive copy-paste into WPS and show in the TOC without list fields.
 */

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 99 → 九十九; beyond that Arabic digits. */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) return String(n);
  if (n < 10) return DIGITS[n];
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : DIGITS[tens]}十${ones ? DIGITS[ones] : ''}`;
}

export function headingPrefix(level: 1 | 2 | 3, n: number): string {
  if (level === 1) return `${chineseNumeral(n)}、`;
  if (level === 2) return `（${chineseNumeral(n)}）`;
  return `${n}.`;
}

/** A title the template already numbered keeps its own number. */
const NUMBERED = /^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|\d+[.．、]|[（(]\d+[）)])/;

export function hasOwnNumber(title: string): boolean {
  return NUMBERED.test(title);
}

/** Counters for 一、/（一）/1.; a higher level restarts the lower ones. */
export class HeadingCounter {
  private counts: [number, number, number] = [0, 0, 0];

  next(level: 1 | 2 | 3): number {
    const i = level - 1;
    this.counts[i] += 1;
    for (let j = i + 1; j < 3; j++) this.counts[j] = 0;
    return this.counts[i];
  }
}
