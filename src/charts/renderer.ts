/**
 * One ChartJSNodeCanvas per canvas size, created on first use and kept:
 * each instance loads its own copy of Chart.js, and re-creating them per
 * chart is the heap leak chartjs-node-canvas users report.
 *
 * package.json maps `canvas` to @napi-rs/canvas (node-canvas needs Cairo
 * headers to build and fails here). With that override only the synchronous
 * renderToBufferSync works: the callback form of toBuffer that the async
 * renderToBuffer relies on does not exist in @napi-rs/canvas.
 */
import { createRequire } from 'node:module';
import type { ChartConfiguration, Plugin } from 'chart.js';
import type { ChartJSNodeCanvas as ChartJSNodeCanvasType } from 'chartjs-node-canvas';

const require = createRequire(import.meta.url);
const { ChartJSNodeCanvas } = require('chartjs-node-canvas') as typeof import('chartjs-node-canvas');

const renderers = new Map<string, ChartJSNodeCanvasType>();

function rendererFor(width: number, height: number): ChartJSNodeCanvasType {
  const key = `${width}x${height}`;
  let r = renderers.get(key);
  if (!r) {
    // White, not transparent: slides and pages may have tinted backgrounds.
    r = new ChartJSNodeCanvas({ width, height, backgroundColour: '#FFFFFF' });
    renderers.set(key, r);
  }
  return r;
}

/**
 * Each render gets a fresh canvas whose ~10 MB of pixels live outside the JS
 * heap, where the garbage collector does not see them: hundreds pile up
 * before a collection. Shrinking the canvas once the PNG is out frees them now.
 */
const releaseCanvas: Plugin = {
  id: 'genReportReleaseCanvas',
  beforeDestroy(chart) {
    const canvas = chart.canvas as unknown as { width: number; height: number } | null;
    if (canvas) {
      canvas.width = 1;
      canvas.height = 1;
    }
  },
};

/** Render a configuration on a `width` × `height` layout canvas (device pixels = size × devicePixelRatio). */
export function renderPng(config: ChartConfiguration, width: number, height: number): Buffer {
  const withRelease = { ...config, plugins: [...(config.plugins ?? []), releaseCanvas] };
  return rendererFor(width, height).renderToBufferSync(withRelease, 'image/png');
}

/** How many renderer instances exist (a test checks they are reused). */
export function rendererCount(): number {
  return renderers.size;
}
