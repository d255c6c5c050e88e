/**
 * A chart-drawing worker thread (parallel.ts): draws the specs it is sent and
 * posts each PNG back. Same code and fonts as the main thread, so the same
 * spec gives the same bytes wherever it is drawn.
 */
import { parentPort } from 'node:worker_threads';
import { drawChart } from './index.js';
import { StageError } from '../errors.js';
import type { ChartSpec } from '../model/chart.js';
import type { Theme } from '../model/theme.js';
import type { ChartMedium } from '../model/rendered.js';

export interface DrawRequest {
  id: number;
  spec: ChartSpec;
  theme: Theme;
  medium: ChartMedium;
}

parentPort?.on('message', (job: DrawRequest) => {
  try {
    const image = drawChart(job.spec, job.theme, job.medium);
    const png = new Uint8Array(image.png.buffer, image.png.byteOffset, image.png.byteLength).slice();
    parentPort!.postMessage({ id: job.id, image: { ...image, png } }, [png.buffer]);
  } catch (e) {
    // A ChartError's problems are plain data (catalogue ids and parameters): they cross the thread as they are.
    parentPort!.postMessage({ id: job.id, problems: e instanceof StageError ? e.problems : undefined, message: e instanceof Error ? e.message : String(e) });
  }
});
