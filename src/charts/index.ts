/**
 * The chart stage: ChartSpecs → PNGs per medium, shared by every writer.
 *
 * Every spec is checked first (consistency, and every character in the chart
 * fonts), so a bad chart fails the run before any pixel is drawn. Rendering
 * is deterministic: animation off, fixed device pixel ratio, bundled fonts,
 * no timestamps, so the same spec and theme give the same PNG bytes.
 */
import type { ChartSpec } from '../model/chart.js';
import type { Theme } from '../model/theme.js';
import type { StageResult, Warning } from '../model/document.js';
import type { ChartMedium, RenderedCharts, RenderedImage } from '../model/rendered.js';
import { ChartError, type Problem } from '../errors.js';
import { fileCoverage, registerFontStack, resolveFontStack, type FontStack } from '../fonts/index.js';
import { buildConfig } from './config.js';
import { checkCoverage, checkSpec } from './validate.js';
import { drawScanlines } from './renderer.js';
import { encodePng, type Scanlines } from './png.js';
import { ChartCache, chartKey } from './cache.js';
import { MEDIA, pixelSize } from './sizes.js';
import { droppedLabels } from './labels.js';
import { msg } from '../i18n/index.js';

export { ChartCache, chartKey, RENDER_VERSION, type ChartCacheOptions } from './cache.js';
export { describeChart, withUnit } from './alt.js';
export { MEDIA, pixelSize, type MediumSize, type Typography } from './sizes.js';
export { checkCoverage, checkSpec, chartTexts } from './validate.js';
export { rendererCount, rendererStats } from './renderer.js';

export interface RenderChartsOptions {
  cache?: ChartCache;
  /** Media to render; default both. */
  media?: ChartMedium[];
}

let renders = 0;

/** Charts actually drawn in this process (cache hits excluded). */
export function renderCount(): number {
  return renders;
}

function fontError(e: unknown): ChartError {
  return new ChartError([{ message: msg('chart.font-unreadable', { detail: (e as Error).message }), hint: msg('chart.font-unreadable-hint') }]);
}

/**
 * The theme's font stack, every file read (its cmap) so an unreadable one
 * fails before any chart is planned. Registered with canvas only when
 * `register`: planning and cache hits do without it.
 */
function themeFonts(theme: Theme, register = true): FontStack {
  try {
    const stack = resolveFontStack(theme.fontFiles);
    for (const file of stack.files) fileCoverage(file);
    if (register) registerFontStack(stack);
    return stack;
  } catch (e) {
    throw fontError(e);
  }
}

/** Register the stack before drawing or measuring with it (idempotent). */
function readyFonts(stack: FontStack): void {
  try {
    registerFontStack(stack);
  } catch (e) {
    throw fontError(e);
  }
}

/** Draw and encode one chart for one medium, without checks, cache or counting (a worker draws, the main thread counts what it receives). */
export function drawChart(spec: ChartSpec, theme: Theme, medium: ChartMedium, stack: FontStack = themeFonts(theme)): RenderedImage {
  const lines = drawChartScanlines(spec, theme, medium, stack);
  return { png: encodePng(lines), ...pixelSize(medium) };
}

/** A chart's pixels, unencoded; a failure names the chart. */
export function drawChartScanlines(spec: ChartSpec, theme: Theme, medium: ChartMedium, stack: FontStack): Scanlines {
  readyFonts(stack);
  const m = MEDIA[medium];
  try {
    return drawScanlines(buildConfig({ spec, theme, medium, family: stack.family }), m.widthPt, m.heightPt);
  } catch (e) {
    throw new ChartError([
      {
        ...(spec.loc ?? {}),
        message: msg('chart.draw-failed', { id: spec.id, detail: (e as Error).message }),
        hint: msg('chart.draw-failed-hint'),
      },
    ]);
  }
}

/** One image a build needs: from the cache when `image` is set, else to be drawn. */
export interface ChartJob {
  spec: ChartSpec;
  medium: ChartMedium;
  key: string;
  image?: RenderedImage;
}

/**
 * Everything before drawing: every spec checked (a bad chart fails the run
 * before any pixel is drawn), label warnings, and per spec and medium the
 * cached image or a job to draw.
 */
export function planCharts(specs: ChartSpec[], theme: Theme, options: RenderChartsOptions = {}): { jobs: ChartJob[]; warnings: Warning[]; stack: FontStack } {
  const media = options.media ?? (['slide', 'page'] as const);
  const stack = themeFonts(theme, false);
  const problems: Problem[] = [];
  const warnings: Warning[] = [];
  const seen = new Set<string>();
  for (const spec of specs) {
    if (seen.has(spec.id)) problems.push({ ...(spec.loc ?? {}), message: msg('chart.id-twice', { id: spec.id }), hint: msg('chart.id-twice-hint') });
    seen.add(spec.id);
    const checked = checkSpec(spec);
    problems.push(...checked.problems, ...checkCoverage(spec, stack.files));
    warnings.push(...checked.warnings);
  }
  if (problems.length) throw new ChartError(problems);

  const jobs: ChartJob[] = [];
  for (const spec of specs) {
    for (const medium of media) {
      const dropped = droppedLabels(spec, medium, stack.family, () => readyFonts(stack));
      if (dropped.length) {
        warnings.push({
          ...(spec.loc ?? {}),
          code: 'chart-labels-dropped',
          message: msg('chart.labels-dropped', { id: spec.id, medium: msg(`chart.medium.${medium}`), series: dropped }),
        });
      }
      const key = options.cache ? chartKey(spec, theme, medium, stack.files) : '';
      jobs.push({ spec, medium, key, image: options.cache?.get(key, medium) });
    }
  }
  return { jobs, warnings, stack };
}

/** The drawn jobs as the chart stage's result (and into the cache). */
export function collectCharts(jobs: ChartJob[], cache: ChartCache | undefined, drawn: Map<ChartJob, RenderedImage>): RenderedCharts {
  const result: RenderedCharts = new Map();
  for (const job of jobs) {
    let image = job.image;
    if (!image) {
      image = drawn.get(job)!;
      renders++;
      cache?.set(job.key, image);
    }
    result.set(job.spec.id, { ...result.get(job.spec.id), [job.medium]: image });
  }
  return result;
}

export function renderCharts(specs: ChartSpec[], theme: Theme, options: RenderChartsOptions = {}): StageResult<RenderedCharts> {
  const { jobs, warnings, stack } = planCharts(specs, theme, options);
  const drawn = new Map<ChartJob, RenderedImage>();
  for (const job of jobs) if (!job.image) drawn.set(job, drawChart(job.spec, theme, job.medium, stack));
  return { result: collectCharts(jobs, options.cache, drawn), warnings };
}
