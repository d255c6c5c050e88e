import { render, setLanguage } from '../../src/i18n/index.js';
import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { createRequire } from 'node:module';
import { loadImage } from '@napi-rs/canvas';
import { MEDIA, renderCharts, rendererCount, rendererStats, pixelSize } from '../../src/charts/index.js';
import { defaultTheme } from '../../src/model/default-theme.js';
import { ChartError } from '../../src/errors.js';
import type { ChartSpec } from '../../src/model/chart.js';
import type { ChartMedium } from '../../src/model/rendered.js';
import { allKinds, column, line } from './specs.js';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function ihdr(png: Buffer): { width: number; height: number; bitDepth: number; colorType: number } {
  expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
  expect(png.toString('latin1', 12, 16)).toBe('IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20), bitDepth: png[24], colorType: png[25] };
}

/** RGBA pixels of a PNG, decoded by Skia. */
async function pixels(png: Buffer): Promise<{ data: Uint8ClampedArray; width: number; height: number }> {
  const img = await loadImage(png);
  const { createCanvas } = await import('@napi-rs/canvas');
  const c = createCanvas(img.width, img.height);
  const ctx = c.getContext('2d');
  ctx.drawImage(img, 0, 0);
  return { data: ctx.getImageData(0, 0, img.width, img.height).data, width: img.width, height: img.height };
}

function countColour(data: Uint8ClampedArray, hex: string): number {
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16));
  let n = 0;
  for (let i = 0; i < data.length; i += 4) if (data[i] === r && data[i + 1] === g && data[i + 2] === b) n++;
  return n;
}

const media: ChartMedium[] = ['slide', 'page'];


// These tests read the library's messages in English (the CLI's default, Chinese, is tested in test/cli).
beforeAll(() => setLanguage('en'));
afterAll(() => setLanguage('zh-CN'));

describe('renderCharts', () => {
  const { result, warnings } = renderCharts(allKinds, defaultTheme);

  it('renders every chart kind for both media', () => {
    expect([...result.keys()]).toEqual(allKinds.map((s) => s.id));
    expect(warnings).toEqual([]);
  });

  for (const spec of allKinds) {
    for (const medium of media) {
      it(`${spec.kind} (${medium}) is a valid PNG of the medium's pixel size, on white, in the theme's primary colour`, async () => {
        const img = result.get(spec.id)![medium]!;
        const size = pixelSize(medium);
        expect(ihdr(img.png)).toMatchObject({ width: size.widthPx, height: size.heightPx, bitDepth: 8 });
        expect(img).toMatchObject(size);
        const px = await pixels(img.png);
        expect([px.width, px.height]).toEqual([size.widthPx, size.heightPx]);
        // Opaque white corner: not transparent.
        expect(Array.from(px.data.subarray(0, 4))).toEqual([255, 255, 255, 255]);
        expect(countColour(px.data, defaultTheme.colors.series[0])).toBeGreaterThan(1000);
      });
    }
  }

  it('keeps everything inside the margins, so nothing is clipped at the edge (all media)', async () => {
    const all = renderCharts(allKinds, defaultTheme, { media: ['slide', 'column', 'page'] }).result;
    for (const spec of allKinds) {
      for (const medium of ['slide', 'column', 'page'] as const) {
        const { data, width, height } = await pixels(all.get(spec.id)![medium]!.png);
        const border = Math.floor((MEDIA[medium].type.margin * MEDIA[medium].scale) / 2);
        const inked: string[] = [];
        for (let y = 0; y < height; y++) {
          for (let x = 0; x < width; x++) {
            if (x >= border && x < width - border && y >= border && y < height - border) continue;
            const i = (y * width + x) * 4;
            if (data[i] < 250 || data[i + 1] < 250 || data[i + 2] < 250) inked.push(`${x},${y}`);
          }
        }
        expect(inked.slice(0, 3), `${spec.id} (${medium})`).toEqual([]);
      }
    }
  });

  it('renders slide charts wider than an HD projector and report figures at 250 dpi or more', () => {
    // Issue 18's floors: 1920 px is the projector's width, 250 dpi is print quality.
    expect(pixelSize('slide').widthPx).toBeGreaterThanOrEqual(1920);
    expect(pixelSize('column').widthPx / pixelSize('column').widthIn).toBeGreaterThanOrEqual(pixelSize('slide').widthPx / pixelSize('slide').widthIn);
    const page = pixelSize('page');
    expect(page.widthPx / page.widthIn).toBeGreaterThanOrEqual(250);
    expect(page.heightPx / page.heightIn).toBeGreaterThanOrEqual(250);
    expect(pixelSize('slide').widthIn).toBeCloseTo(11.67, 1);
    expect(pixelSize('page').widthIn).toBeCloseTo(6.14, 1);
  });

  it('gives identical bytes for the same spec and theme', () => {
    const again = renderCharts(allKinds, defaultTheme).result;
    for (const spec of allKinds) {
      for (const medium of media) expect(again.get(spec.id)![medium]!.png.equals(result.get(spec.id)![medium]!.png)).toBe(true);
    }
  });

  it('reuses one renderer (one Chart.js) for every size, and one canvas per canvas size', () => {
    const before = rendererStats().canvasRequests;
    renderCharts([column, line], defaultTheme, { media: ['slide', 'column', 'page'] });
    expect(rendererCount()).toBe(1);
    // Guards the hook into chartjs-node-canvas's canvas factory: it must still be called, and reuse.
    expect(rendererStats().canvasRequests - before).toBe(6);
    // One canvas per medium (slide, column, page), however many charts.
    expect(rendererStats().canvasesCreated).toBe(Object.keys(MEDIA).length);
  });

  it('draws each chart the same whatever was drawn on the shared canvas before', () => {
    const alone = renderCharts([line], defaultTheme, { media: ['page'] }).result.get(line.id)!.page!.png;
    renderCharts([allKinds[4]], defaultTheme, { media: ['page'] });
    const after = renderCharts([line], defaultTheme, { media: ['page'] }).result.get(line.id)!.page!.png;
    expect(after.equals(alone)).toBe(true);
  });

  it('draws with the theme palette', async () => {
    const blue = { ...defaultTheme, colors: { ...defaultTheme.colors, series: ['1F4E79', '2E75B6'] } };
    const png = renderCharts([column], blue, { media: ['page'] }).result.get(column.id)!.page!.png;
    const px = await pixels(png);
    expect(countColour(px.data, '1F4E79')).toBeGreaterThan(1000);
    expect(countColour(px.data, defaultTheme.colors.series[0])).toBe(0);
  });

  it('renders only the media asked for', () => {
    const r = renderCharts([column], defaultTheme, { media: ['page'] }).result.get(column.id)!;
    expect(Object.keys(r)).toEqual(['page']);
  });
});

describe('chart checks', () => {
  const bad = (patch: Partial<ChartSpec>): ChartSpec => ({ ...column, ...patch });

  it('rejects data and label arrays that do not match the categories', () => {
    const spec = bad({ datasets: [{ ...column.datasets[0], data: [1, 2] }] });
    expect(() => renderCharts([spec], defaultTheme)).toThrow(ChartError);
    expect(() => renderCharts([spec], defaultTheme)).toThrow(/g5-stations.*2 values for 3 categories/);
  });

  it('rejects duplicate chart ids and a doughnut with two series', () => {
    expect(() => renderCharts([column, column], defaultTheme)).toThrow(/used twice/);
    const two = { ...allKinds[4], datasets: [allKinds[4].datasets[0], allKinds[4].datasets[0]] };
    expect(() => renderCharts([two], defaultTheme)).toThrow(/doughnut shows one series/);
  });

  it('points errors at the template line when the spec has one', () => {
    const spec = bad({ loc: { file: 'templates/brief/slides.md.hbs', line: 42 }, labels: [] });
    try {
      renderCharts([spec], defaultTheme);
      expect.unreachable();
    } catch (e) {
      expect((e as ChartError).problems[0]).toMatchObject({ file: 'templates/brief/slides.md.hbs', line: 42 });
    }
  });

  it('warns about a chart without a source note, and still renders it', () => {
    const { result, warnings } = renderCharts([bad({ sourceNote: '' })], defaultTheme, { media: ['page'] });
    expect(result.get(column.id)?.page).toBeDefined();
    expect(warnings.map((w) => w.code)).toEqual(['chart-no-source']);
  });

  it('warns when grouped column labels cannot fit and labels only the first series', () => {
    const years = ['2020年', '2021年', '2022年', '2023年', '2024年', '2025年'];
    const series = (label: string) => ({ label, data: years.map((_, i) => 20.25 + i), dataLabels: years.map((_, i) => `${20.25 + i}万`), unit: '万家' });
    const crowded: ChartSpec = { ...column, id: 'crowded', labels: years, datasets: [series('青岛'), series('副省级城市平均')], footnotes: [] };
    const { warnings } = renderCharts([crowded], defaultTheme);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ code: 'chart-labels-dropped' });
    expect(render(warnings[0].message, 'en')).toMatch(/crowded.*\(page\).*副省级城市平均/);
  });
});

describe('canvas backend', () => {
  // node-canvas needs Cairo headers to build; package.json overrides `canvas` with @napi-rs/canvas.
  it('resolves chartjs-node-canvas\'s `canvas` to @napi-rs/canvas', () => {
    const require = createRequire(import.meta.url);
    const fromCjnc = createRequire(require.resolve('chartjs-node-canvas'));
    expect(fromCjnc('canvas/package.json').name).toBe('@napi-rs/canvas');
  });
});
