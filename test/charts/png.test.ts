/**
 * The PNG encoder (src/charts/png.ts): decoded by Skia, its files give back
 * exactly the pixels drawn, as Skia's own encoder does; the same pixels give
 * the same bytes, in this thread or on the libuv pool.
 */
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import { encodePng, encodePngAsync, scanlines } from '../../src/charts/png.js';
import { FONT_FAMILY, registerFonts } from '../../src/fonts/index.js';

async function decode(png: Buffer): Promise<{ data: Uint8ClampedArray; width: number; height: number }> {
  const img = await loadImage(png);
  const c = createCanvas(img.width, img.height);
  c.getContext('2d').drawImage(img, 0, 0);
  return { data: c.getContext('2d').getImageData(0, 0, img.width, img.height).data, width: img.width, height: img.height };
}

/** An opaque canvas with anti-aliased text, a diagonal line and flat fills; the width is not a multiple of 4. */
function drawing(width = 203, height = 61) {
  registerFonts();
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#FFFFFF';
  ctx.fillRect(0, 0, width, height);
  ctx.fillStyle = '#C00000';
  ctx.fillRect(5, 5, 40, 50);
  ctx.strokeStyle = '#1F4E79';
  ctx.lineWidth = 2.5;
  ctx.beginPath();
  ctx.moveTo(50, 55);
  ctx.lineTo(width - 1, 3);
  ctx.stroke();
  ctx.fillStyle = '#333333';
  ctx.font = `14px "${FONT_FAMILY}"`;
  ctx.fillText('青岛5G基站 4.6万个', 52, 30);
  return canvas;
}

describe('PNG encoding', () => {
  it('writes opaque pixels as RGB that decode to exactly what Skia encodes', async () => {
    const canvas = drawing();
    const lines = scanlines(canvas.data(), canvas.width, canvas.height);
    expect(lines.colorType).toBe(2);
    const ours = encodePng(lines);
    expect(ours.readUInt32BE(16)).toBe(203);
    expect(ours.readUInt32BE(20)).toBe(61);
    expect(ours[25]).toBe(2);
    // Both row filters occur: "up" for rows equal to the one above, "none" for the rest.
    const idatLength = ours.readUInt32BE(33);
    expect(ours.toString('latin1', 37, 41)).toBe('IDAT');
    const raw = inflateSync(ours.subarray(41, 41 + idatLength));
    const filters = Array.from({ length: 61 }, (_, y) => raw[y * (203 * 3 + 1)]);
    expect(new Set(filters)).toEqual(new Set([0, 2]));
    const mine = await decode(ours);
    const skia = await decode(canvas.encodeSync('png'));
    expect(mine.width).toBe(skia.width);
    expect(Buffer.from(mine.data).equals(Buffer.from(skia.data))).toBe(true);
    // Not a blank image: the red fill and some anti-aliased grey are there.
    const red = Array.from(mine.data.subarray((10 * 203 + 10) * 4, (10 * 203 + 10) * 4 + 4));
    expect(red).toEqual([0xc0, 0, 0, 255]);
  });

  it('gives the same bytes in this thread and on the thread pool, and on every call', async () => {
    const canvas = drawing(2100, 40);
    const lines = () => scanlines(canvas.data(), canvas.width, canvas.height);
    const sync = encodePng(lines());
    // Scanline buffers are reused after encoding: several at once in flight must not share one.
    const pooled = await Promise.all([encodePngAsync(lines()), encodePngAsync(lines()), encodePngAsync(lines())]);
    for (const png of pooled) expect(png.equals(sync)).toBe(true);
    expect(encodePng(lines()).equals(sync)).toBe(true);
  });

  it('writes translucent pixels as RGBA with straight (not premultiplied) alpha', async () => {
    const canvas = createCanvas(9, 3);
    const ctx = canvas.getContext('2d');
    ctx.fillStyle = 'rgba(200, 100, 50, 0.5)';
    ctx.fillRect(0, 0, 9, 3);
    const lines = scanlines(canvas.data(), 9, 3);
    expect(lines.colorType).toBe(6);
    const { data } = await decode(encodePng(lines));
    const skia = await decode(canvas.encodeSync('png'));
    for (let i = 0; i < data.length; i++) expect(Math.abs(data[i] - skia.data[i])).toBeLessThanOrEqual(1);
    expect(data[3]).toBeGreaterThan(120);
    expect(data[3]).toBeLessThan(135);
  });

  it('rejects a pixel buffer of the wrong size', () => {
    expect(() => scanlines(Buffer.alloc(10), 2, 2)).toThrow(/2 × 2 RGBA/);
  });
});
