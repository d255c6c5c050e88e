/**
 * One ChartJSNodeCanvas for every canvas size, drawing on one reused canvas
 * per size.
 *
 * - Each ChartJSNodeCanvas loads its own copy of Chart.js, compiled and warmed
 *   up afresh (about 60 ms a copy): re-creating them per chart is the heap
 *   leak chartjs-node-canvas users report, and one per size made a deck with
 *   column charts pay twice. Its size only sizes the canvases it asks for,
 *   which we hand out at each chart's own size, and its white background, a
 *   fixed rectangle drawn under the chart: made as large as the largest
 *   medium, it covers every one.
 * - @napi-rs/canvas keeps some native memory for every text operation, more
 *   on a fresh canvas (what chartjs-node-canvas makes per chart) than on a
 *   reused one: measured +14 MB per 100 charts with fresh canvases, about
 *   +10 MB with one reused canvas per size. The rest is inside the native
 *   text drawing and is not freed by GC or clearAllCache().
 * - package.json maps `canvas` to @napi-rs/canvas (node-canvas needs Cairo
 *   headers to build and fails here). We call chartjs-node-canvas's
 *   renderChart and read the pixels ourselves: its renderToBuffer relies on a
 *   callback toBuffer @napi-rs/canvas lacks, and Skia's PNG encoder takes
 *   about twice the CPU of png.ts.
 */
import { createRequire } from 'node:module';
import type { ChartConfiguration } from 'chart.js';
import type { ChartJSNodeCanvas as ChartJSNodeCanvasType } from 'chartjs-node-canvas';
import { scanlines, type Scanlines } from './png.js';
import { MEDIA } from './sizes.js';
import { loadingCanvas } from '../fonts/index.js';

const require = createRequire(import.meta.url);

interface ReusableCanvas {
  width: number;
  height: number;
}

/** chartjs-node-canvas's own canvas factory, an instance field it calls once per render. */
interface CanvasFactory {
  _createCanvas: (width: number, height: number, type?: string) => ReusableCanvas;
}

/** The background rectangle every chart is drawn over: the largest medium in each direction. */
const BACKGROUND = {
  width: Math.max(...Object.values(MEDIA).map((m) => m.widthPt)),
  height: Math.max(...Object.values(MEDIA).map((m) => m.heightPt)),
};

/** Loaded on the first chart drawn: a build whose charts all come from the cache never loads Chart.js. */
let renderer: ChartJSNodeCanvasType | undefined;
/** The size the next canvas is handed out at (drawScanlines sets it). */
let nextSize = { width: 0, height: 0 };
const canvasBySize = new Map<string, ReusableCanvas>();
let canvasRequests = 0;

function rendererFor(width: number, height: number): ChartJSNodeCanvasType {
  if (width > BACKGROUND.width || height > BACKGROUND.height) throw new Error(`chart size ${width}×${height} is larger than its background (${BACKGROUND.width}×${BACKGROUND.height})`);
  nextSize = { width, height };
  if (!renderer) {
    const { ChartJSNodeCanvas } = require('chartjs-node-canvas') as typeof import('chartjs-node-canvas');
    // White, not transparent: slides and pages may have tinted backgrounds.
    renderer = loadingCanvas(() => new ChartJSNodeCanvas({ ...BACKGROUND, backgroundColour: '#FFFFFF' }));
    const internals = renderer as unknown as CanvasFactory;
    const create = internals._createCanvas;
    internals._createCanvas = (_width, _height, type) => {
      canvasRequests++;
      const { width: w, height: h } = nextSize;
      let canvas = canvasBySize.get(`${w}x${h}`);
      if (!canvas) {
        canvas = create(w, h, type);
        canvasBySize.set(`${w}x${h}`, canvas);
      }
      // Chart.js reads its layout size from the canvas; setting it also clears the bitmap and the context state.
      canvas.width = w;
      canvas.height = h;
      return canvas;
    };
  }
  return renderer;
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

/**
 * Free the reused canvases' pixels (up to 7 MB each) after a chart stage; the
 * next chart sizes its canvas again (renderChart sets width and height anyway).
 */
export function shrinkCanvases(): void {
  for (const canvas of canvasBySize.values()) {
    canvas.width = 0;
    canvas.height = 0;
  }
}

/** Chart.js copies loaded, canvases made and canvases asked for (a test checks they are reused). */
export function rendererStats(): { renderers: number; canvasesCreated: number; canvasRequests: number } {
  return { renderers: renderer ? 1 : 0, canvasesCreated: canvasBySize.size, canvasRequests };
}

/** How many Chart.js copies are loaded: one at most. */
export function rendererCount(): number {
  return renderer ? 1 : 0;
}
