/**
 * Charts drawn in worker threads are the same bytes as charts drawn in the
 * main thread, and the number of workers is bounded by cores, by charts and
 * by free memory. Runs the compiled code (dist/, built by `npm test`): the
 * worker is a compiled file.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/fixtures.js';
import { column } from './specs.js';

const dist = (file: string) => import(pathToFileURL(path.join(repoRoot, 'dist', file)).href);

describe('charts in worker threads', () => {
  it('bounds the workers by cores, by charts to draw and by free memory', async () => {
    const { workerCount } = await dist('charts/parallel.js');
    const GB = 2 ** 30;
    expect(workerCount(100, 2, 16 * GB)).toBe(2);
    expect(workerCount(100, 16, 16 * GB)).toBe(16);
    expect(workerCount(8, 16, 16 * GB), 'few charts: not worth a worker each').toBe(1);
    expect(workerCount(100, 16, 1 * GB), 'memory bounds it').toBe(2);
    expect(workerCount(100, 16, 0.4 * GB)).toBe(0);
  });

  it('draws the same PNG bytes in workers as in the main thread', async () => {
    const { renderChartsParallel, workerCount } = await dist('charts/parallel.js');
    const { renderCharts } = await dist('charts/index.js');
    const { defaultTheme } = await dist('model/default-theme.js');
    const specs = Array.from({ length: 12 }, (_, i) => ({ ...column, id: `c${i}`, title: `${column.title}${i}`, datasets: [{ ...column.datasets[0], data: column.datasets[0].data.map((v) => (v ?? 0) + i) }] }));
    const inline = renderCharts(specs, defaultTheme, { media: ['slide'] }).result;
    const parallel = (await renderChartsParallel(specs, defaultTheme, { media: ['slide'] })).result;
    expect(workerCount(specs.length, 2)).toBe(2);
    for (const s of specs) expect(parallel.get(s.id).slide.png.equals(inline.get(s.id).slide.png), s.id).toBe(true);
  }, 120_000);
});
