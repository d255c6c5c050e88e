/**
 * The number reader against the number printer: every value
 * src/format/numbers.ts prints (万/亿/万亿, 个百分点, Chinese numerals, 成,
 * 级, qualifier words) reads back to the same value, unit and qualifier.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { chineseNumeral, formatFigure, formatMagnitude, formatPointChange, formatQuantity, type QualifierStyle } from '../../src/format/numbers.js';
import { findFigures } from '../../src/extract/figures.js';
import { readNumber } from '../../src/extract/numbers.js';
import type { Qualifier } from '../../src/facts/schema.js';

/** The one figure a printed string holds. */
function readOne(printed: string) {
  const found = findFigures(printed);
  expect(found, printed).toHaveLength(1);
  return found[0];
}

const UNITS = ['个', '家', '项', '元', '吨', '亩', '平方米', 'P', '人'];
/**
 * Values formatQuantity prints without rounding: a number of at most four
 * significant digits and two decimals, times 1, 万, 亿 or 万亿.
 */
const value = fc
  .tuple(fc.integer({ min: 1, max: 9999 }), fc.integer({ min: 0, max: 2 }), fc.constantFrom(1, 1e4, 1e8, 1e12))
  .map(([m, d, scale]) => ({ shown: m / 10 ** d, scale }))
  .filter(({ shown, scale }) => shown >= 1 && (scale === 1 || shown < 1e4))
  .map(({ shown, scale }) => Number((shown * scale).toPrecision(12)))
  .filter((v) => v < 1e15);

describe('number reader round trips', () => {
  it('万, 亿 and 万亿 with a unit: value → printed → value', () => {
    fc.assert(
      fc.property(value, fc.constantFrom(...UNITS), (v, unit) => {
        const printed = formatQuantity(v, unit);
        const m = readOne(`共有${printed}。`);
        expect(m.value, printed).toBe(v);
        expect(m.unit, printed).toBe(unit);
        expect(m.printed).toBe(printed);
      }),
      { numRuns: 500 },
    );
  });

  it('percentages and 个百分点', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9999 }), (tenths) => {
        const x = tenths / 10;
        const pct = readOne(`占比${formatQuantity(x, '%')}。`);
        expect([pct.value, pct.unit]).toEqual([x, '%']);
        const pts = readOne(`高出${formatQuantity(x, '个百分点')}。`);
        expect([pts.value, pts.unit]).toEqual([x, '个百分点']);
      }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 1, max: 1000 }), (a, d) => {
        const printed = formatPointChange(a / 10, (a + d) / 10);
        const m = readOne(printed);
        expect([m.value, m.unit], printed).toEqual([d / 10, '个百分点']);
      }),
    );
  });

  it('Chinese numerals: counts, 连续N年 and 成', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 99 }), (n) => {
        const word = chineseNumeral(n);
        expect(readNumber(word)).toBe(n);
        const count = readOne(`收到${word}份。`);
        expect([count.value, count.unit]).toEqual([n, '份']);
        const streak = readOne(`连续${word}年位居榜首。`);
        expect([streak.kind, streak.rank, streak.consecutive]).toEqual(['rank', 1, n]);
      }),
    );
    for (let n = 1; n <= 9; n++) {
      const m = readOne(`超${chineseNumeral(n)}成`);
      expect([m.value, m.unit, m.qualifier]).toEqual([n * 10, '%', 'more-than']);
    }
  });

  it('orders of magnitude: formatMagnitude → 级 → the power of ten', () => {
    // Money drops its unit (千亿级产业), so a bare 级 reads as 元 from 亿 up; smaller bare orders stay unitless.
    for (let k = 2; k <= 12; k++) {
      for (const unit of k >= 8 ? ['元', '升', '吨'] : ['升', '吨']) {
        const printed = formatMagnitude(10 ** k, unit);
        const m = readOne(`形成${printed}规模。`);
        expect([m.value, m.unit, m.qualifier], printed).toEqual([10 ** k, unit, 'magnitude']);
      }
    }
  });

  it('qualifier words: every form formatFigure prints reads back to its qualifier', () => {
    const forms: Array<[Qualifier, QualifierStyle]> = [
      ['exact', 'default'],
      ['more-than', 'default'],
      ['more-than', 'yu'],
      ['more-than', 'duo'],
      ['more-than', 'tupo'],
      ['at-least', 'default'],
      ['less-than', 'default'],
      ['nearly', 'default'],
      ['about', 'default'],
      ['about', 'zuoyou'],
    ];
    fc.assert(
      fc.property(value, fc.constantFrom(...UNITS, '%'), fc.constantFrom(...forms), (v, unit, [q, style]) => {
        const printed = formatFigure(v, unit, q, style);
        const m = readOne(`有${printed}。`);
        expect([m.value, m.unit, m.qualifier], printed).toEqual([v, unit, q]);
      }),
      { numRuns: 500 },
    );
  });
});
