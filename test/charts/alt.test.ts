import { describe, expect, it } from 'vitest';
import { describeChart, withUnit } from '../../src/charts/alt.js';
import { column, combo, doughnut, hbar, line, stacked } from './specs.js';

describe('describeChart', () => {
  it('names the kind, title and unit, every category with its labelled value, notes and source', () => {
    expect(describeChart(column)).toBe(
      '柱形图：青岛5G基站累计开通数（单位：万个）。2020年：1.2万个；2024年：3.78万个；2025年：4.6万个。' +
        '注：2020年数据口径为已开通基站，与其他年份不可直接比较。数据来源：青岛市通信管理局；截至2025年12月。',
    );
  });

  it('names each series of a multi-series chart and says where a point is missing', () => {
    const alt = describeChart(line);
    expect(alt).toMatch(/^折线图：工业互联网产业规模（单位：亿元）。/);
    expect(alt).toContain('产业规模：2020年：1200亿元；2021年：1560亿元；2022年：无数据；');
    expect(alt).toContain('带动增加值：2020年：600亿元；');
  });

  it('gives both axes of a combo chart and how each series is drawn', () => {
    const alt = describeChart(combo);
    expect(alt).toMatch(/^柱形与折线组合图：数字经济核心产业增加值及占GDP比重（左轴单位：万亿元，右轴单位：%）。/);
    expect(alt).toContain('增加值（柱形）：2021年：1.18万亿元；');
    expect(alt).toContain('占GDP比重（折线）：2021年：8.2%；');
  });

  it('reads ranks as ranks', () => {
    expect(describeChart(hbar)).toBe(
      '条形图：2024年双跨平台评价排名（单位：位次）。位次数字越小排名越靠前。卡奥斯COSMOPlat：第1位；根云：第3位；柠檬豆：第9位。数据来源：工业和信息化部。',
    );
  });

  it('describes shares and stacks', () => {
    expect(describeChart(doughnut)).toContain('环形图：平台服务企业行业分布。家电：32%；机械装备：24%；');
    expect(describeChart(stacked)).toContain('堆积柱形图：工业互联网试点示范项目数（单位：个）。国家级：2022年：8个；');
  });
});

describe('withUnit', () => {
  it.each([
    ['3.78万', '万个', '3.78万个'],
    ['3.78万', '个', '3.78万个'],
    ['超16万', '万家', '超16万家'],
    ['50以上', '个', '50个以上'],
    ['约300', '人', '约300人'],
    ['45.2%', '%', '45.2%'],
    ['第1位', '位次', '第1位'],
    ['12', '', '12'],
  ])('%s + %s → %s', (label, unit, expected) => {
    expect(withUnit(label, unit)).toBe(expected);
  });
});
