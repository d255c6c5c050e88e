import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseChineseNumber, parsePrinted, parsePrintedDate } from '../../src/facts/figures.js';

/** Write n in Chinese numerals the usual way (零 for gaps, 十 not 一十 at the start). */
function toChinese(n: number): string {
  const d = '零一二三四五六七八九';
  const section = (x: number): string => {
    let out = '';
    let zero = false;
    for (const [u, name] of [[1000, '千'], [100, '百'], [10, '十'], [1, '']] as const) {
      const digit = Math.floor(x / u) % 10;
      if (digit === 0) {
        zero = out !== '';
        continue;
      }
      if (zero) out += '零';
      zero = false;
      out += d[digit] + name;
    }
    return out;
  };
  if (n === 0) return '零';
  const yi = Math.floor(n / 1e8);
  const wan = Math.floor((n % 1e8) / 1e4);
  const rest = n % 1e4;
  let out = '';
  if (yi) out += section(yi) + '亿';
  if (wan) out += (yi && wan < 1000 ? '零' : '') + section(wan) + '万';
  if (rest) out += ((yi || wan) && rest < 1000 ? '零' : '') + section(rest);
  return out.replace(/^一十/, '十');
}

describe('parsePrinted', () => {
  it.each([
    ['3.78万个', 37800, 'exact', '个'],
    ['超16万家', 160000, 'more-than', '家'],
    ['超过1.2万个', 12000, 'more-than', '个'],
    ['小于1.3', 1.3, 'less-than', ''],
    ['800余家', 800, 'more-than', '家'],
    ['5000多家', 5000, 'more-than', '家'],
    ['两万多个', 20000, 'more-than', '个'],
    ['超百万家', 1000000, 'more-than', '家'],
    ['突破千亿元', 100000000000, 'more-than', '元'],
    ['4000亿元', 400000000000, 'exact', '元'],
    ['56.1万亿元', 56100000000000, 'exact', '元'],
    ['1.2万P', 12000, 'exact', 'P'],
    ['95%以上', 95, 'at-least', '%'],
    ['3000家以上', 3000, 'at-least', '家'],
    ['上千', 1000, 'at-least', ''],
    ['近30%', 30, 'nearly', '%'],
    ['20%左右', 20, 'about', '%'],
    ['千亿级', 100000000000, 'magnitude', ''],
    ['超九成', 90, 'more-than', '%'],
    ['4.2个百分点', 4.2, 'exact', '个百分点'],
    ['全覆盖', 100, 'exact', '%'],
    ['2分40秒', 160, 'exact', '秒'],
    ['第23', 23, 'exact', ''],
    ['连续七年', 7, 'exact', '年'],
  ])('%s → %d (%s, unit %s)', (printed, value, qualifier, unit) => {
    expect(parsePrinted(printed)).toMatchObject({ value, qualifier, unit });
  });

  it('leaves text without a number alone', () => {
    expect(parsePrinted('全国首批')).toBeUndefined();
  });

  it('reads any Arabic figure with 万 or 亿 as base units', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 99999 }), fc.integer({ min: 0, max: 99 }), fc.constantFrom(['万', 1e4], ['亿', 1e8]), (whole, cents, [word, scale]) => {
        const text = cents ? `${whole}.${String(cents).padStart(2, '0')}` : String(whole);
        const parsed = parsePrinted(`${text}${word}个`)!;
        expect(parsed.unit).toBe('个');
        // Integer arithmetic, so the expectation itself has no rounding error.
        expect(parsed.value).toBe((whole * 100 + cents) * (scale / 100));
      }),
    );
  });
});

describe('parseChineseNumber', () => {
  it('reads back any number written in Chinese numerals', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 999_999_999 }), (n) => {
        expect(parseChineseNumber(toChinese(n))).toBe(n);
      }),
    );
  });

  it('reads 两 as two and 千亿 as a hundred billion', () => {
    expect(parseChineseNumber('两万')).toBe(20000);
    expect(parseChineseNumber('千亿')).toBe(1e11);
  });
});

describe('parsePrintedDate', () => {
  it('reads year, month and day where printed', () => {
    expect(parsePrintedDate('2020年6月')).toEqual({ year: 2020, month: 6, day: undefined });
    expect(parsePrintedDate('3月5日')).toEqual({ year: undefined, month: 3, day: 5 });
  });

  it('does not take a reporting year (年度) for a date', () => {
    expect(parsePrintedDate('2025年度')).toBeUndefined();
  });
});
