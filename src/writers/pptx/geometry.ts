/** The slide grid, in inches (16:9, 13.333 × 7.5 in). */
import type { Box } from './plan-types.js';

export const SLIDE_W = 13.333;
export const SLIDE_H = 7.5;

/** Left and right margin of every content slide. */
export const MARGIN_X = 0.6;
export const CONTENT_W = SLIDE_W - 2 * MARGIN_X;

/** Content slide chrome. */
export const CHROME = {
  topStrip: { x: 0, y: 0, w: SLIDE_W, h: 0.08 },
  titleBar: { x: MARGIN_X, y: 0.44, w: 0.09, h: 0.5 },
  title: { x: MARGIN_X + 0.25, y: 0.3, w: CONTENT_W - 0.25, h: 0.78 },
  rule: { x: MARGIN_X, y: 1.16, w: CONTENT_W, h: 0.015 },
  ruleAccent: { x: MARGIN_X, y: 1.145, w: 1.5, h: 0.045 },
  footerRule: { x: MARGIN_X, y: 6.96, w: CONTENT_W, h: 0.01 },
  footer: { x: MARGIN_X, y: 7.0, w: CONTENT_W - 1.2, h: 0.32 },
  pageNumber: { x: SLIDE_W - MARGIN_X - 1.0, y: 7.0, w: 1.0, h: 0.32 },
} satisfies Record<string, Box>;

/** Where content goes; the source line takes the space under it. */
export const CONTENT_TOP = 1.42;
export const CONTENT_BOTTOM = 6.5;
/** The source line sits on the footer rule, growing upwards when it needs two lines. */
export const SOURCE_BOTTOM = 6.9;
export const SOURCE_LINE_MAX = 2;

/** Vertical gap between blocks in a flow. */
export const BLOCK_GAP = 0.25;

export const PT_PER_IN = 72;
export const ptToIn = (pt: number) => pt / PT_PER_IN;
export const inToPt = (inch: number) => inch * PT_PER_IN;

/** Round to 1/1000 in, so plans compare stably and EMU conversion is exact enough. */
export const r3 = (v: number) => Math.round(v * 1000) / 1000;

export function box(x: number, y: number, w: number, h: number): Box {
  return { x: r3(x), y: r3(y), w: r3(w), h: r3(h) };
}

export function insideSlide(b: Box): boolean {
  const eps = 1e-6;
  return b.x >= -eps && b.y >= -eps && b.w >= 0 && b.h >= 0 && b.x + b.w <= SLIDE_W + eps && b.y + b.h <= SLIDE_H + eps;
}

export function overlaps(a: Box, b: Box): boolean {
  const eps = 1e-3;
  return a.x + a.w > b.x + eps && b.x + b.w > a.x + eps && a.y + a.h > b.y + eps && b.y + b.h > a.y + eps;
}
