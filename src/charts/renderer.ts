/**
 * One ChartJSNodeCanvas per canvas size, created on first use and kept, each
 * drawing on one canvas it reuses.
 *
 * - Each ChartJSNodeCanvas loads its own copy of Chart.js: re-creating them
 *   per chart is the heap leak chartjs-node-canvas users report.
 * - @napi-rs/canvas keeps some native memory for every text operation, more
 *   on a fresh canvas (what chartjs-node-canvas makes per chart) than on a
 *   reused one: measured +14 MB per 100 charts with fresh canvases, about
 *   +10 MB with one reused canvas per size. The rest is inside the native
 *   text drawing and is not freed by GC or clearAllCache().
 * - package.json maps `canvas` to @napi-rs/canvas (node-canvas needs Cairo
 *   headers to build and fails here). We call chartjs-node-canvas's
 *   renderChart and read the pixels ourselves: its renderToBuffer relies on a
 *   callback toBuffer @napi-rs/canvas lacks, and Skia's PNG encoder is 5×
 *   slower than png.ts.
 */
import { createRequire } from 'node:module';
import type { ChartConfiguration } from 'chart.js';
import type { ChartJSNodeCanvas as ChartJSNodeCanvasType } from 'chartjs-node-canvas';
import { encodePng, scanlines, type Scanlines } from './png.js';

const require = createRequire(import.meta.url);
/** Chart.js and its canvas glue load on the first chart drawn: a build whose charts all come from the cache never loads them. */
let chartJsNodeCanvas: typeof import('chartjs-node-canvas') | undefined;

interface ReusableCanvas {
  width: number;
  height: number;
}

/** chartjs-node-canvas's own canvas factory, an instance field it calls once per render. */
interface CanvasFactory {
  _createCanvas: (width: number, height: number, type?: string) => ReusableCanvas;
}

const renderers = new Map<string, ChartJSNodeCanvasType>();
let canvasesCreated = 0;
let canvasRequests = 0;

function rendererFor(width: number, height: number): ChartJSNodeCanvasType {
  const key = `${width}x${height}`;
  let r = renderers.get(key);
  if (!r) {
    // White, not transparent: slides and pages may have tinted backgrounds.
    chartJsNodeCanvas ??= require('chartjs-node-canvas') as typeof import('chartjs-node-canvas');
    r = new chartJsNodeCanvas.ChartJSNodeCanvas({ width, height, backgroundColour: '#FFFFFF' });
    const internals = r as unknown as CanvasFactory;
    const create = internals._createCanvas;
    let canvas: ReusableCanvas | undefined;
    internals._createCanvas = (w, h, type) => {
      canvasRequests++;
      if (!canvas) {
        canvas = create(w, h, type);
        canvasesCreated++;
      }
      // Chart.js reads its layout size from the canvas; setting it also clears the bitmap and the context state.
      canvas.width = w;
      canvas.height = h;
      return canvas;
    };
    renderers.set(key, r);
  }
  return r;
}

interface DrawnChart {
  canvas: ReusableCanvas & { data(): Buffer };
  destroy(): void;
}

/**
 * Draw a configuration on a `width` × `height` layout canvas (device pixels
 * = size × devicePixelRatio) and return its pixels as PNG scanlines, for
 * encodePng / encodePngAsync.
 *
 * The pixel copy `canvas.data()` makes lives in native memory that
 * @napi-rs/canvas frees from a finalizer, and finalizers only run when the
 * event loop turns: a caller drawing many charts must yield between them
 * (renderChartsParallel and the chart worker do), or memory grows by one
 * canvas (~7 MB) per chart until it does.
 */
export function drawScanlines(config: ChartConfiguration, width: number, height: number): Scanlines {
  const chart = (rendererFor(width, height) as unknown as { renderChart(c: ChartConfiguration): DrawnChart }).renderChart(config);
  try {
    const { canvas } = chart;
    return scanlines(canvas.data(), canvas.width, canvas.height);
  } finally {
    chart.destroy();
  }
}

/** Draw and encode in this thread. */
export function renderPng(config: ChartConfiguration, width: number, height: number): Buffer {
  return encodePng(drawScanlines(config, width, height));
}

/** Renderer instances and canvases made so far, and canvases asked for (a test checks they are reused). */
export function rendererStats(): { renderers: number; canvasesCreated: number; canvasRequests: number } {
  return { renderers: renderers.size, canvasesCreated, canvasRequests };
}

/** How many renderer instances exist. */
export function rendererCount(): number {
  return renderers.size;
}
