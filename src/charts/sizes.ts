/**
 * Chart sizes and type sizes per medium.
 *
 * Layout units are points (1/72 in), so a font size here is the size the
 * reader sees when the image is placed at `widthIn` × `heightIn`; the PNG is
 * drawn at `scale` device pixels per point.
 *
 * - slide: the content area of a 13.33 × 7.5 in (16:9) slide under the title,
 *   11.67 × 4.89 in; ×2.5 gives 2100 × 880 px (180 dpi): wider than the
 *   1920 px of an HD projector, so the chart is never upscaled on screen.
 * - page: the A4 text width of a 156 mm type area, 6.14 × 3.69 in; ×3.5
 *   gives 1547 × 931 px (252 dpi), above the 250 dpi print needs.
 * Every pixel costs drawing and encoding time, so no more than that; the
 * scales are exact in binary so Chart.js's canvas size equals pixelSize().
 */
import type { ChartMedium } from '../model/rendered.js';

export interface Typography {
  title: number;
  /** Axis tick labels and category labels. */
  tick: number;
  /** Data labels on bars and points. */
  dataLabel: number;
  legend: number;
  /** Axis unit titles ("单位：万个"). */
  axisTitle: number;
  /** Source note and footnotes under the chart. */
  note: number;
  /** Outer margin around everything. */
  margin: number;
}

export interface MediumSize {
  /** Layout size in points. */
  widthPt: number;
  heightPt: number;
  /** Device pixels per point. */
  scale: number;
  type: Typography;
}

export const MEDIA: Record<ChartMedium, MediumSize> = {
  // Slides are read from across a room: nothing below 12 pt.
  slide: {
    widthPt: 840,
    heightPt: 352,
    scale: 2.5,
    type: { title: 18, tick: 13, dataLabel: 13, legend: 13, axisTitle: 12, note: 12, margin: 8 },
  },
  // One of two columns on a slide: same type sizes as a full-width slide chart.
  column: {
    widthPt: 400,
    heightPt: 340,
    scale: 2.5,
    type: { title: 18, tick: 13, dataLabel: 13, legend: 13, axisTitle: 12, note: 12, margin: 8 },
  },
  // Figures in an A4 report use 五号 (10.5 pt) text, notes a size smaller.
  page: {
    widthPt: 442,
    heightPt: 266,
    scale: 3.5,
    type: { title: 12, tick: 10.5, dataLabel: 10.5, legend: 10.5, axisTitle: 9.5, note: 9, margin: 4 },
  },
};

export function pixelSize(medium: ChartMedium): { widthPx: number; heightPx: number; widthIn: number; heightIn: number } {
  const m = MEDIA[medium];
  return {
    widthPx: m.widthPt * m.scale,
    heightPx: m.heightPt * m.scale,
    widthIn: m.widthPt / 72,
    heightIn: m.heightPt / 72,
  };
}
