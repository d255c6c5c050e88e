import { describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ChartCache, chartKey, renderCharts, renderCount } from '../../src/charts/index.js';
import { PNG_ENCODING } from '../../src/charts/png.js';
import { bundledFontFiles } from '../../src/fonts/index.js';
import { defaultTheme } from '../../src/model/default-theme.js';
import { allKinds, column, line } from './specs.js';

describe('ChartCache', () => {
  it('renders each chart once; a second run with unchanged specs is all hits', () => {
    const cache = new ChartCache();
    const before = renderCount();
    const first = renderCharts(allKinds, defaultTheme, { cache }).result;
    expect(cache).toMatchObject({ hits: 0, misses: 12 });
    expect(renderCount() - before).toBe(12);

    const second = renderCharts(allKinds, defaultTheme, { cache }).result;
    expect(cache).toMatchObject({ hits: 12, misses: 12 });
    expect(renderCount() - before).toBe(12);
    expect(second.get(column.id)!.slide).toBe(first.get(column.id)!.slide);
  });

  it('re-renders only the chart whose data changed', () => {
    const cache = new ChartCache();
    renderCharts(allKinds, defaultTheme, { cache, media: ['page'] });
    const changed = { ...column, datasets: [{ ...column.datasets[0], data: [1.2, 3.78, 4.7], dataLabels: ['1.2万', '3.78万', '4.7万'] }] };
    const before = renderCount();
    renderCharts([changed, ...allKinds.slice(1)], defaultTheme, { cache, media: ['page'] });
    expect(renderCount() - before).toBe(1);
    expect(cache).toMatchObject({ hits: 5, misses: 7 });
  });

  it('ignores alt text and source location, but not the theme', () => {
    const cache = new ChartCache();
    renderCharts([column], defaultTheme, { cache, media: ['page'] });
    renderCharts([{ ...column, alt: '另一段替代文字', loc: { file: 'x.hbs', line: 3 } }], defaultTheme, { cache, media: ['page'] });
    expect(cache).toMatchObject({ hits: 1, misses: 1 });
    const gold = { ...defaultTheme, colors: { ...defaultTheme.colors, series: ['C9A227'] } };
    renderCharts([column], gold, { cache, media: ['page'] });
    expect(cache).toMatchObject({ hits: 1, misses: 2 });
  });

  it('keeps PNGs in a directory across cache instances (runs)', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'charts-cache-'));
    try {
      const first = renderCharts([column, line], defaultTheme, { cache: new ChartCache({ dir }) }).result;
      expect(readdirSync(dir).filter((f) => f.endsWith('.png'))).toHaveLength(4);
      const cache = new ChartCache({ dir });
      const before = renderCount();
      const second = renderCharts([column, line], defaultTheme, { cache }).result;
      expect(renderCount()).toBe(before);
      expect(cache).toMatchObject({ hits: 4, misses: 0 });
      expect(second.get(line.id)!.page!.png.equals(first.get(line.id)!.page!.png)).toBe(true);
      expect(second.get(line.id)!.page).toMatchObject({ widthPx: 1547, heightPx: 931 });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('holds at most maxEntries images in memory', () => {
    const cache = new ChartCache({ maxEntries: 3 });
    renderCharts(allKinds, defaultTheme, { cache, media: ['page'] });
    expect(cache.size).toBe(3);
  });

  it('keys the PNG encoding too, so images encoded another way are never mixed in', () => {
    const key = chartKey(column, defaultTheme, 'slide', bundledFontFiles);
    expect(chartKey(column, defaultTheme, 'slide', bundledFontFiles, PNG_ENCODING)).toBe(key);
    expect(chartKey(column, defaultTheme, 'slide', bundledFontFiles, `${PNG_ENCODING}-other`)).not.toBe(key);
    // zlib's version decides the bytes as much as the level does.
    expect(PNG_ENCODING).toContain(process.versions.zlib);
  });
});
