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
 *   headers to build and fails here). With that override only the synchronous
 *   renderToBufferSync works: the callback form of toBuffer that the async
 *   renderToBuffer relies on does not exist in @napi-rs/canvas.
 */
import { createRequire } from 'node:module';
import type { ChartConfiguration } from 'chart.js';
import type { ChartJSNodeCanvas as ChartJSNodeCanvasType } from 'chartjs-node-canvas';

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

/**
 * Render a configuration on a `width` × `height` layout canvas (device pixels
 * = size × devicePixelRatio), encoded by Skia. Reading the pixels back to
 * deflate them with node's zlib was twice as fast, but every pixel read in
 * @napi-rs/canvas 1.1 (`canvas.data()`, `getImageData`) keeps its copy in
 * native memory for good: 100 charts grew the process to 950 MB.
 */
export function renderPng(config: ChartConfiguration, width: number, height: number): Buffer {
  return rendererFor(width, height).renderToBufferSync(config, 'image/png');
}

/** Renderer instances and canvases made so far, and canvases asked for (a test checks they are reused). */
export function rendererStats(): { renderers: number; canvasesCreated: number; canvasRequests: number } {
  return { renderers: renderers.size, canvasesCreated, canvasRequests };
}

/** How many renderer instances exist. */
export function rendererCount(): number {
  return renderers.size;
}
