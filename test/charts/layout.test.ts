import { describe, expect, it } from 'vitest';
import { comboRanges, niceCeil, rankAxis } from '../../src/charts/axes.js';
import { formatTick, readableOnWhite, luminance, wrapText } from '../../src/charts/style.js';
import { droppedLabels, labelPlan } from '../../src/charts/labels.js';
import { fontStack, measureTextWidth } from '../../src/fonts/index.js';
import type { ChartSpec } from '../../src/model/chart.js';
import { allKinds, column, combo, hbar } from './specs.js';

const family = fontStack([]).family;

describe('axes', () => {
  it('rounds steps up to 1, 2, 2.5 or 5 × 10ⁿ', () => {
    expect([0.54, 2.18, 3, 7, 12, 0.09].map(niceCeil)).toEqual([1, 2.5, 5, 10, 20, 0.1]);
  });

  it('puts combo bars below 60% and the line near the top, on one shared grid', () => {
    const { left, right } = comboRanges(combo);
    expect(left && right).toBeTruthy();
    expect((left!.max - left!.min) / left!.step).toBe((right!.max - right!.min) / right!.step);
    expect(1.62 / left!.max).toBeLessThanOrEqual(0.6);
    expect(9.8 / right!.max).toBeLessThanOrEqual(0.9);
    expect(8.2 / right!.max).toBeGreaterThan(1.62 / left!.max);
  });

  it('runs ranks from 1 at the top with whole-number ticks', () => {
    const axis = rankAxis(hbar, 'left', true);
    expect(axis.reverse).toBe(true);
    expect(axis.max).toBe(10); // worst rank 9, bars grow from one past it
    const scale = { ticks: [] as Array<{ value: number }> };
    axis.afterBuildTicks(scale as never);
    expect(scale.ticks.map((t) => t.value)).toEqual([1, 2, 4, 6, 8]);
  });

  it('writes ticks without separators, with one scale word per axis', () => {
    expect(formatTick(12000, 40000)).toBe('1.2万');
    expect(formatTick(0, 40000)).toBe('0');
    expect(formatTick(2500, 4000)).toBe('2500');
    expect(formatTick(0.30000000000000004, 1)).toBe('0.3');
    expect(formatTick(300000000, 5e8)).toBe('3亿');
  });
});

describe('text', () => {
  it('wraps Chinese between characters but keeps Latin runs and closing punctuation whole', () => {
    const lines = wrapText('卡奥斯COSMOPlat工业互联网平台（海尔），2024年', 80, 12, family);
    expect(lines.join('')).toBe('卡奥斯COSMOPlat工业互联网平台（海尔），2024年');
    expect(lines.some((l) => l.includes('COSMOPlat'))).toBe(true);
    expect(lines.some((l) => l.includes('2024年'))).toBe(true);
    expect(lines.every((l) => !/^[，。）]/.test(l))).toBe(true);
    for (const l of lines) expect(measureTextWidth(l, 12, false, family)).toBeLessThanOrEqual(80 + 12);
  });

  it('balances a wrapped title so the last line is not an orphan', () => {
    const title = '青岛与副省级城市工业互联网平台数量对比（按年度统计，含国家级和省级平台）';
    const greedy = wrapText(title, 300, 12, family, true);
    const balanced = wrapText(title, 300, 12, family, true, true);
    expect(balanced).toHaveLength(greedy.length);
    const widths = balanced.map((l) => measureTextWidth(l, 12, true, family));
    expect(Math.min(...widths) / Math.max(...widths)).toBeGreaterThan(0.6);
  });

  it('darkens light series colours for text on white and keeps dark ones', () => {
    expect(readableOnWhite('C00000')).toBe('#C00000');
    const gold = readableOnWhite('C9A227');
    expect(1.05 / (luminance(gold) + 0.05)).toBeGreaterThanOrEqual(4.5);
  });
});

describe('labelPlan', () => {
  it('keeps full-size labels where they fit', () => {
    expect(labelPlan(column, 'slide', family)).toEqual({ size: 13, labelled: [true], dropped: [] });
  });

  it('drops the second series\' labels when side-by-side columns are too narrow, never going below the floor', () => {
    const years = ['2020年', '2021年', '2022年', '2023年', '2024年', '2025年', '2026年', '2027年'];
    const ds = (label: string) => ({ label, data: years.map(() => 1), dataLabels: years.map(() => '12.34万'), unit: '万' });
    const spec: ChartSpec = { ...column, labels: years, datasets: [ds('青岛'), ds('济南')] };
    const plan = labelPlan(spec, 'page', family);
    expect(plan.labelled).toEqual([true, false]);
    expect(plan.dropped).toEqual(['济南']);
    expect(plan.size).toBeGreaterThanOrEqual(8);
  });

  it('droppedLabels agrees with labelPlan, and readies the fonts only when it has to measure', () => {
    const years = ['2020年', '2021年', '2022年', '2023年', '2024年', '2025年', '2026年', '2027年'];
    const ds = (label: string) => ({ label, data: years.map(() => 1), dataLabels: years.map(() => '12.34万'), unit: '万' });
    const crowded: ChartSpec = { ...column, labels: years, datasets: [ds('青岛'), ds('济南')] };
    for (const spec of [...allKinds, crowded]) {
      for (const medium of ['slide', 'column', 'page'] as const) {
        let measured = 0;
        const dropped = droppedLabels(spec, medium, family, () => measured++);
        expect(dropped, `${spec.id} ${medium}`).toEqual(labelPlan(spec, medium, family).dropped);
        if (spec.kind === 'column' && spec.datasets.length === 1) expect(measured, `${spec.id}: one series never drops labels`).toBe(0);
      }
    }
    expect(droppedLabels(crowded, 'page', family, () => {})).toEqual(['济南']);
  });
});
