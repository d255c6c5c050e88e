import { describe, expect, it } from 'vitest';
import {
  chineseNumeral,
  formatFigure,
  formatGrowth,
  formatIncrease,
  formatMovement,
  formatPercent,
  formatPointChange,
  formatQuantity,
  formatRank,
  scaleNumber,
} from '../../src/format/numbers.js';
import { compareIso, formatChineseDate } from '../../src/format/dates.js';
import { knownBy } from '../../src/facts/periods.js';

describe('万/亿 scaling', () => {
  it.each([
    [9999, '个', '9999个'],
    [10000, '个', '1万个'],
    [12345678, '元', '1235万元'],
    [37800, '个', '3.78万个'],
    [46000, '个', '4.6万个'],
    [160000, '家', '16万家'],
    [12000, 'P', '1.2万P'],
    [400000000000, '元', '4000亿元'],
    [450000000, '元', '4.5亿元'],
    [56.1e12, '元', '56.1万亿元'],
    [0.5, '', '0.5'],
    [1.3, '', '1.3'],
    [-12345, '个', '-1.23万个'],
    [-5, '个', '-5个'],
    [95, '%', '95%'],
    [100000, '%', '100000%'],
  ])('%d %s → %s', (value, unit, expected) => {
    expect(formatQuantity(value, unit)).toBe(expected);
  });

  it('never uses 千 or 百万 as units and never groups digits', () => {
    for (const v of [1000, 5000, 999999, 1e6, 3.5e6, 1e7]) {
      const s = formatQuantity(v, '个');
      expect(s).not.toMatch(/[千百]|,/);
    }
  });

  it('splits number and scale for KPI cards', () => {
    expect(scaleNumber(46000, '个')).toEqual({ number: '4.6', scale: '万' });
    expect(scaleNumber(95, '%')).toEqual({ number: '95', scale: '' });
  });
});

describe('qualifiers', () => {
  it.each([
    [160000, '家', 'more-than', 'default', '超16万家'],
    [800, '家', 'more-than', 'yu', '800余家'],
    [5000, '家', 'more-than', 'duo', '5000多家'],
    [1000, '家', 'at-least', 'default', '1000家以上'],
    [300, '人', 'about', 'default', '约300人'],
    [20, '%', 'about', 'zuoyou', '20%左右'],
    [1.3, '', 'less-than', 'default', '小于1.3'],
    [50000, '家', 'exact', 'default', '5万家'],
  ] as const)('%d%s %s/%s → %s', (v, unit, q, style, expected) => {
    expect(formatFigure(v, unit, q, style)).toBe(expected);
  });

  it('a target is written like any figure: 1000家以上', () => {
    expect(formatFigure(1000, '家', 'at-least')).toBe('1000家以上');
  });
});

describe('changes', () => {
  it('growth as a rate below 100% and in 倍 above', () => {
    expect(formatGrowth(12000, 46000)).toBe('增长2.8倍');
    expect(formatGrowth(100, 126.6)).toBe('增长26.6%');
    expect(formatGrowth(100, 80)).toBe('下降20%');
    expect(() => formatGrowth(0, 5)).toThrow(RangeError);
  });
  it('rates change in 个百分点, not %', () => {
    expect(formatPointChange(21.6, 44)).toBe('提高22.4个百分点');
    expect(formatPointChange(30, 29.5)).toBe('下降0.5个百分点');
  });
  it('increases are scaled', () => {
    expect(formatIncrease(37800, 46000, '个')).toBe('增加8200个');
    expect(formatIncrease(12000, 46000, '个')).toBe('增加3.4万个');
  });
  it('ranks and movements', () => {
    expect(formatRank(23)).toBe('第23位');
    expect(formatRank(1, 7)).toBe('连续七年位居第一');
    expect(formatRank(6, 3)).toBe('连续三年位列第6');
    expect(formatMovement(6)).toBe('上升6位');
    expect(formatMovement(-2)).toBe('下降2位');
    expect(chineseNumeral(14)).toBe('十四');
    expect(chineseNumeral(23)).toBe('二十三');
    expect(formatPercent(26.6)).toBe('26.6%');
  });
});

describe('dates', () => {
  it('writes dates without zero padding', () => {
    expect(formatChineseDate('2025-03-20')).toBe('2025年3月20日');
    expect(formatChineseDate('2025-03')).toBe('2025年3月');
    expect(formatChineseDate('2025')).toBe('2025年');
    expect(formatChineseDate('2025-03-20', 'month')).toBe('2025年3月');
  });
  it('compares partial dates', () => {
    expect(compareIso('2024', '2024-06')).toBe(-1);
    expect(compareIso('2024-06-30', '2024-06')).toBe(1);
    expect(knownBy('2024-06-30', '2024-06')).toBe(true);
    expect(knownBy('2024-07', '2024-06')).toBe(false);
  });
});
