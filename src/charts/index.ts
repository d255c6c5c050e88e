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
import { fontStack, type FontStack } from '../fonts/index.js';
import { buildConfig } from './config.js';
import { checkCoverage, checkSpec } from './validate.js';
import { renderPng } from './renderer.js';
import { ChartCache, chartKey } from './cache.js';
import { MEDIA, pixelSize } from './sizes.js';
import { labelPlan } from './labels.js';
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

function themeFonts(theme: Theme): FontStack {
  try {
    return fontStack(theme.fontFiles);
  } catch (e) {
    throw new ChartError([{ message: msg('chart.font-unreadable', { detail: (e as Error).message }), hint: msg('chart.font-unreadable-hint') }]);
  }
}

/** Draw one chart for one medium, without checks or cache. */
export function renderChartImage(spec: ChartSpec, theme: Theme, medium: ChartMedium, stack: FontStack = themeFonts(theme)): RenderedImage {
  const m = MEDIA[medium];
  try {
    const png = renderPng(buildConfig({ spec, theme, medium, family: stack.family }), m.widthPt, m.heightPt);
    renders++;
    return { png, ...pixelSize(medium) };
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

export function renderCharts(specs: ChartSpec[], theme: Theme, options: RenderChartsOptions = {}): StageResult<RenderedCharts> {
  const media = options.media ?? (['slide', 'page'] as const);
  const stack = themeFonts(theme);
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

  const result: RenderedCharts = new Map();
  for (const spec of specs) {
    const images: Partial<Record<ChartMedium, RenderedImage>> = {};
    for (const medium of media) {
      const dropped = labelPlan(spec, medium, stack.family).dropped;
      if (dropped.length) {
        warnings.push({
          ...(spec.loc ?? {}),
          code: 'chart-labels-dropped',
          message: msg('chart.labels-dropped', { id: spec.id, medium: msg(`chart.medium.${medium}`), series: dropped }),
        });
      }
      const key = options.cache ? chartKey(spec, theme, medium, stack.files) : '';
      let image = options.cache?.get(key, medium);
      if (!image) {
        image = renderChartImage(spec, theme, medium, stack);
        options.cache?.set(key, image);
      }
      images[medium] = image;
    }
    result.set(spec.id, images);
  }
  return { result, warnings };
}
