/**
 * The chart stage for many charts: the same checks and cache as
 * renderCharts, with the drawing spread over worker threads. Chart drawing
 * and PNG encoding are CPU-bound and synchronous, so a large deck's charts
 * go as fast as the cores allow. Workers are bounded by the cores and by free
 * memory, and end with the stage (which also returns the native memory
 * @napi-rs/canvas keeps per text draw). A few charts, or a run from the
 * TypeScript sources (no compiled worker file), are drawn in this thread.
 */
import { existsSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ChartSpec } from '../model/chart.js';
import type { Theme } from '../model/theme.js';
import type { StageResult } from '../model/document.js';
import type { RenderedCharts, RenderedImage } from '../model/rendered.js';
import { ChartError, type Problem } from '../errors.js';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { collectCharts, drawChartScanlines, planCharts, type ChartJob, type RenderChartsOptions } from './index.js';
import type { FontStack } from '../fonts/index.js';
import { encodePngAsync } from './png.js';
import { pixelSize } from './sizes.js';

/** Below this many charts to draw, starting workers (each loads Chart.js and the fonts) costs more than it saves. */
const MIN_CHARTS_PER_WORKER = 6;
/** What one drawing worker may take: its own heap, Chart.js, canvases of up to 2100 × 880 px. */
const WORKER_MEMORY_BYTES = 200 * 2 ** 20;
/** Left free for the main thread's writers and the rest of the machine. */
const RESERVED_MEMORY_BYTES = 512 * 2 ** 20;

const workerFile = fileURLToPath(new URL('./chart-worker.js', import.meta.url));

/** How many workers for `toDraw` charts: at most one per core, per MIN_CHARTS_PER_WORKER charts, and per WORKER_MEMORY_BYTES of free memory. */
export function workerCount(toDraw: number, cores = os.availableParallelism?.() ?? os.cpus().length, freeBytes = os.freemem()): number {
  const byMemory = Math.floor((freeBytes - RESERVED_MEMORY_BYTES) / WORKER_MEMORY_BYTES);
  return Math.max(0, Math.min(cores, Math.floor(toDraw / MIN_CHARTS_PER_WORKER), byMemory));
}

interface DrawReply {
  id: number;
  image?: RenderedImage & { png: Uint8Array };
  problems?: Problem[];
  message?: string;
}

function drawInWorkers(jobs: ChartJob[], theme: Theme, workers: number): Promise<Map<ChartJob, RenderedImage>> {
  const drawn = new Map<ChartJob, RenderedImage>();
  let next = 0;
  const pool: Worker[] = [];
  return new Promise<Map<ChartJob, RenderedImage>>((resolve, reject) => {
    let failed = false;
    let pending = jobs.length;
    const fail = (e: unknown) => {
      if (failed) return;
      failed = true;
      reject(e);
    };
    const feed = (w: Worker) => {
      if (next >= jobs.length) return;
      const id = next++;
      const { spec, medium } = jobs[id];
      w.postMessage({ id, spec, theme, medium });
    };
    for (let i = 0; i < workers; i++) {
      const w = new Worker(workerFile);
      pool.push(w);
      w.on('message', (reply: DrawReply) => {
        if (reply.image) {
          const png = Buffer.from(reply.image.png.buffer, reply.image.png.byteOffset, reply.image.png.byteLength);
          drawn.set(jobs[reply.id], { ...reply.image, png });
        } else {
          fail(reply.problems ? new ChartError(reply.problems) : new Error(reply.message));
          return;
        }
        if (--pending === 0) resolve(drawn);
        else feed(w);
      });
      w.on('error', fail);
      feed(w);
    }
  }).finally(() => Promise.all(pool.map((w) => w.terminate())));
}

/** PNGs being deflated on the libuv pool while this thread draws: each holds ~5 MB of scanlines. */
const MAX_ENCODING = 3;

/**
 * Draw in this thread, each PNG deflated on the libuv pool while the next
 * chart is drawn. The event loop turns after every chart, which lets
 * @napi-rs/canvas free its pixel copy (see drawScanlines).
 */
async function drawHere(jobs: ChartJob[], theme: Theme, stack: FontStack): Promise<Map<ChartJob, RenderedImage>> {
  const drawn = new Map<ChartJob, RenderedImage>();
  const encoding: Array<Promise<void>> = [];
  for (const job of jobs) {
    const lines = drawChartScanlines(job.spec, theme, job.medium, stack);
    const encoded = encodePngAsync(lines).then((png) => void drawn.set(job, { png, ...pixelSize(job.medium) }));
    encoded.catch(() => {}); // awaited below; not an unhandled rejection while the next chart is drawn
    encoding.push(encoded);
    if (encoding.length >= MAX_ENCODING) await encoding.shift();
    await nextTurn();
  }
  await Promise.all(encoding);
  return drawn;
}

/** renderCharts, with the charts that are not in the cache drawn in parallel when there are enough of them. */
export async function renderChartsParallel(specs: ChartSpec[], theme: Theme, options: RenderChartsOptions = {}): Promise<StageResult<RenderedCharts>> {
  const { jobs, warnings, stack } = planCharts(specs, theme, options);
  const toDraw = jobs.filter((j) => !j.image);
  const workers = existsSync(workerFile) ? workerCount(toDraw.length) : 0;
  let drawn: Map<ChartJob, RenderedImage>;
  if (workers >= 2) {
    drawn = await drawInWorkers(toDraw, theme, workers);
  } else {
    drawn = await drawHere(toDraw, theme, stack);
  }
  return { result: collectCharts(jobs, options.cache, drawn), warnings };
}
