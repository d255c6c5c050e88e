import type { ChartOutput } from './chart.js';
/** Charts rendered once by the chart stage and shared by every writer. */
export interface RenderedImage {
  png: Buffer;
  /** Pixel size of the PNG. */
  widthPx: number;
  heightPx: number;
  /** Intended display size in inches (the PNG is rendered at 2x or more). */
  widthIn: number;
  heightIn: number;
}

/** slide: the full content area; column: one of two columns on a slide; page: A4 text width. */
export type ChartMedium = 'slide' | 'column' | 'page';

/** chart id -> rendered image per medium. */
export type RenderedCharts = Map<string, Partial<Record<ChartMedium, RenderedImage>>>;

/** Options every writer takes. */
export interface WriterOptions {
  /** Seconds since epoch used for every timestamp in the package (SOURCE_DATE_EPOCH). */
  timestamp: number;
  /** Native (editable) charts or pictures, for charts whose definition does not say; default image. */
  charts?: ChartOutput;
}
