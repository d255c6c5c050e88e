/**
 * Our PNG encoder (src/charts/png.ts) keeps every pixel Skia's encoder keeps:
 * the same drawing encoded both ways decodes to identical RGBA, for real
 * charts of every kind and for a canvas with transparency. Its files stay
 * about Skia's size (Up filter only: bar charts smaller, line charts a little larger).
 */
import { inflateSync } from 'node:zlib';
import { createRequire } from 'node:module';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import { encodePng } from '../../src/charts/png.js';
import { buildConfig } from '../../src/charts/config.js';
import { MEDIA } from '../../src/charts/sizes.js';
import { renderChartImage } from '../../src/charts/index.js';
import { fontStack } from '../../src/fonts/index.js';
import { defaultTheme } from '../../src/model/default-theme.js';
import type { ChartMedium } from '../../src/model/rendered.js';
import { allKinds } from './specs.js';

/** RGBA pixels of a PNG, decoded by Skia. */
async function decode(png: Buffer): Promise<{ data: Uint8ClampedArray; width: number; height: number }> {
  const img = await loadImage(png);
  const c = createCanvas(img.width, img.height);
  const ctx = c.getContext('2d');
  ctx.drawImage(img, 0, 0);
  return { data: ctx.getImageData(0, 0, img.width, img.height).data, width: img.width, height: img.height };
}

/** How many bytes differ between two pixel arrays. */
function differing(a: Uint8ClampedArray, b: Uint8ClampedArray): number {
  expect(a.length).toBe(b.length);
  let n = 0;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) n++;
  return n;
}

describe('PNG encoding', () => {
  it('an opaque drawing: RGB, identical pixels to Skia, and a zlib stream that inflates to the filtered rows', async () => {
    const canvas = createCanvas(300, 120);
    const ctx = canvas.getContext('2d');
    ctx.fillStyle = '#FFFFFF';
    ctx.fillRect(0, 0, 300, 120);
    ctx.fillStyle = '#C00000';
    ctx.beginPath();
    ctx.arc(60, 60, 41.3, 0, Math.PI * 2);
    ctx.fill();
    ctx.strokeStyle = 'rgba(0, 80, 160, 0.5)';
    ctx.lineWidth = 3.5;
    ctx.beginPath();
    ctx.moveTo(10, 110);
    ctx.lineTo(290, 7);
    ctx.stroke();
    const ours = encodePng(canvas.data(), canvas.width, canvas.height);
    expect(ours[25], 'colour type RGB').toBe(2);
    const idatLength = ours.readUInt32BE(33);
    expect(ours.toString('latin1', 37, 41)).toBe('IDAT');
    expect(inflateSync(ours.subarray(41, 41 + idatLength)).length).toBe((300 * 3 + 1) * 120);
    const skia = canvas.toBuffer('image/png');
    expect(differing((await decode(ours)).data, (await decode(skia)).data)).toBe(0);
  });

  it('a drawing with transparency keeps its alpha (RGBA) and its pixels', async () => {
    const canvas = createCanvas(200, 80);
    const ctx = canvas.getContext('2d');
    ctx.fillStyle = 'rgba(0, 128, 255, 1)';
    ctx.fillRect(10, 10, 80, 60);
    ctx.fillStyle = '#00AA00';
    ctx.fillRect(120, 10, 60, 60);
    const ours = encodePng(canvas.data(), canvas.width, canvas.height);
    expect(ours[25], 'colour type RGBA').toBe(6);
    expect(differing((await decode(ours)).data, (await decode(canvas.toBuffer('image/png'))).data)).toBe(0);
  });

  it.each(['slide', 'page'] as ChartMedium[])('every chart kind on %s: the same pixels as Skia encodes, in a file of about its size', async (medium) => {
    const stack = fontStack();
    const require = createRequire(import.meta.url);
    const { ChartJSNodeCanvas } = require('chartjs-node-canvas') as typeof import('chartjs-node-canvas');
    const m = MEDIA[medium];
    const skiaRenderer = new ChartJSNodeCanvas({ width: m.widthPt, height: m.heightPt, backgroundColour: '#FFFFFF' });
    for (const spec of allKinds) {
      const ours = renderChartImage(spec, defaultTheme, medium).png;
      const skia = skiaRenderer.renderToBufferSync(buildConfig({ spec, theme: defaultTheme, medium, family: stack.family }), 'image/png');
      const [a, b] = [await decode(ours), await decode(skia)];
      expect([a.width, a.height]).toEqual([b.width, b.height]);
      expect(differing(a.data, b.data), spec.id).toBe(0);
      expect(ours.length, spec.id).toBeLessThan(skia.length * 1.15);
    }
  }, 120_000);
});
