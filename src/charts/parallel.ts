/**
 * The chart stage for many charts: the same checks and cache as
 * renderCharts, with the drawing spread over threads. Chart drawing and PNG
 * encoding are CPU-bound, so a large deck's charts go as fast as the cores
 * allow. This thread draws too, beside `drawers - 1` worker threads: on two
 * cores one worker and this thread keep both busy at one worker's memory.
 * Drawers are bounded by the cores and by free memory; workers end with the
 * stage (which also returns the native memory @napi-rs/canvas keeps per text
 * draw). A few charts, or a run from the TypeScript sources (no compiled
 * worker file), are drawn in this thread alone.
 */
import { existsSync } from 'node:fs';
import os from 'node:os';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ChartSpec } from '../model/chart.js';
import type { Theme } from '../model/theme.js';
import type { StageResult } from '../model/document.js';
import type { RenderedCharts, RenderedImage } from '../model/rendered.js';
import type { FontStack } from '../fonts/index.js';
import { ChartError, type Problem } from '../errors.js';
import { collectCharts, drawChartScanlines, planCharts, type ChartJob, type RenderChartsOptions } from './index.js';
import { encodePngAsync } from './png.js';
import { pixelSize } from './sizes.js';

/** Below this many charts per drawing thread, starting a worker (it loads Chart.js and the fonts) costs more than it saves. */
const MIN_CHARTS_PER_WORKER = 6;
/** What one drawing thread may take: its own heap, Chart.js, canvases of up to 2100 × 880 px. */
const WORKER_MEMORY_BYTES = 200 * 2 ** 20;
/** Left free for the main thread's writers and the rest of the machine. */
const RESERVED_MEMORY_BYTES = 512 * 2 ** 20;
/** PNGs this thread has deflating on the libuv pool while it draws the next: each holds ~5 MB of scanlines. */
const MAX_ENCODING = 2;

const workerFile = fileURLToPath(new URL('./chart-worker.js', import.meta.url));

/**
 * How many threads draw `toDraw` charts (this one included): at most one per
 * core, per MIN_CHARTS_PER_WORKER charts, and per WORKER_MEMORY_BYTES of free memory.
 */
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

/** Jobs handed out one at a time to whichever thread is free; stops handing out after a failure. */
class JobQueue {
  private next = 0;
  failed = false;
  constructor(readonly jobs: ChartJob[]) {}
  take(): number | undefined {
    return !this.failed && this.next < this.jobs.length ? this.next++ : undefined;
  }
}

/** Workers draw from the queue until it is empty; resolves when every job they took is back. */
function drawInWorkers(queue: JobQueue, theme: Theme, workers: number, drawn: Map<ChartJob, RenderedImage>, pool: Worker[]): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    let busy = 0;
    const fail = (e: unknown) => {
      queue.failed = true;
      reject(e);
    };
    const feed = (w: Worker) => {
      const id = queue.take();
      if (id === undefined) {
        if (busy === 0) resolve();
        return;
      }
      busy++;
      const { spec, medium } = queue.jobs[id];
      w.postMessage({ id, spec, theme, medium });
    };
    for (let i = 0; i < workers; i++) {
      const w = new Worker(workerFile);
      pool.push(w);
      w.on('message', (reply: DrawReply) => {
        busy--;
        if (!reply.image) return fail(reply.problems ? new ChartError(reply.problems) : new Error(reply.message));
        const png = Buffer.from(reply.image.png.buffer, reply.image.png.byteOffset, reply.image.png.byteLength);
        drawn.set(queue.jobs[reply.id], { ...reply.image, png });
        feed(w);
      });
      w.on('error', fail);
      feed(w);
    }
  });
}

/**
 * Draw in this thread, each PNG deflated on the libuv pool while the next
 * chart is drawn. The event loop turns after every chart: it lets
 * @napi-rs/canvas free its pixel copy (see drawScanlines) and the workers' replies in.
 */
async function drawHere(queue: JobQueue, theme: Theme, stack: FontStack, drawn: Map<ChartJob, RenderedImage>): Promise<void> {
  const encoding: Array<Promise<void>> = [];
  for (let id = queue.take(); id !== undefined; id = queue.take()) {
    const job = queue.jobs[id];
    let lines;
    try {
      lines = drawChartScanlines(job.spec, theme, job.medium, stack);
    } catch (e) {
      queue.failed = true;
      throw e;
    }
    const encoded = encodePngAsync(lines).then((png) => void drawn.set(job, { png, ...pixelSize(job.medium) }));
    encoded.catch(() => {}); // awaited below; not an unhandled rejection while the next chart is drawn
    encoding.push(encoded);
    if (encoding.length >= MAX_ENCODING) await encoding.shift();
    await nextTurn();
  }
  await Promise.all(encoding);
}

/** renderCharts, with the charts that are not in the cache drawn in parallel when there are enough of them. */
export async function renderChartsParallel(specs: ChartSpec[], theme: Theme, options: RenderChartsOptions = {}): Promise<StageResult<RenderedCharts>> {
  const { jobs, warnings, stack } = planCharts(specs, theme, options);
  const toDraw = jobs.filter((j) => !j.image);
  const drawers = existsSync(workerFile) ? workerCount(toDraw.length) : 0;
  const queue = new JobQueue(toDraw);
  const drawn = new Map<ChartJob, RenderedImage>();
  const pool: Worker[] = [];
  try {
    // Workers first: they load Chart.js and the fonts while this thread draws.
    const workers = drawers >= 2 ? drawInWorkers(queue, theme, drawers - 1, drawn, pool) : undefined;
    await Promise.all([workers, drawHere(queue, theme, stack, drawn)]);
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
  return { result: collectCharts(jobs, options.cache, drawn), warnings };
}
