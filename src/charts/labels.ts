/**
 * Data-label sizing decided before drawing: side-by-side column labels must
 * fit the width their bar gets. They shrink together (one size per chart) down
 * to a floor; below it only the first series, the subject, keeps its labels,
 * and the chart stage reports that as a warning.
 */
import type { ChartSpec } from '../model/chart.js';
import type { ChartMedium } from '../model/rendered.js';
import { measureTextWidth } from '../fonts/index.js';
import { MEDIA } from './sizes.js';
import { axisOf, drawOf } from './roles.js';

/** Smallest data label: slides are read from across a room. */
const MIN_LABEL: Record<ChartMedium, number> = { slide: 12, column: 12, page: 8 };

export interface LabelPlan {
  size: number;
  labelled: boolean[];
  /** Labels of these series were left out for lack of room. */
  dropped: string[];
}

/** Column-slot geometry shared with config.ts: share of a category the bars take. */
export function categoryPercentage(spec: ChartSpec, bars: number): number {
  return bars > 1 && spec.kind !== 'stacked' ? 0.72 : 0.6;
}

export function labelPlan(spec: ChartSpec, medium: ChartMedium, family: string): LabelPlan {
  const t = MEDIA[medium].type;
  const all = spec.datasets.map(() => true);
  const barIdx = spec.datasets.map((d, i) => (drawOf(spec, d, i) === 'bar' ? i : -1)).filter((i) => i >= 0);
  // Only side-by-side vertical bars with labels outside compete for width.
  const sideBySide = (spec.kind === 'column' || (spec.kind === 'combo' && barIdx.length > 1)) && barIdx.length > 0;
  if (!sideBySide) return { size: t.dataLabel, labelled: all, dropped: [] };

  const hasRight = spec.datasets.some((d, i) => axisOf(spec, d, i) === 'right');
  const plotWidth = MEDIA[medium].widthPt - 2 * t.margin - (hasRight ? 2 : 1) * (t.tick * 2.6 + 6);
  const perCategory = plotWidth / Math.max(1, spec.labels.length);
  const widest = (idx: number[]) =>
    Math.max(0, ...idx.flatMap((i) => spec.datasets[i].dataLabels.map((l) => (l ? measureTextWidth(l, t.dataLabel, true, family) : 0))));

  // One series: a label may use the whole category. Several: each bar's share of it.
  const slot = barIdx.length === 1 ? perCategory - 4 : (perCategory * categoryPercentage(spec, barIdx.length)) / barIdx.length - 2;
  const w = widest(barIdx);
  const size = w <= slot ? t.dataLabel : (t.dataLabel * slot) / w;
  if (size >= MIN_LABEL[medium] || barIdx.length === 1) return { size: Math.max(size, MIN_LABEL[medium]), labelled: all, dropped: [] };

  const first = barIdx[0];
  const firstSize = Math.min(t.dataLabel, (t.dataLabel * (perCategory - 4)) / Math.max(1, widest([first])));
  const labelled = spec.datasets.map((_, i) => i === first || !barIdx.includes(i));
  return {
    size: Math.max(firstSize, MIN_LABEL[medium]),
    labelled,
    dropped: barIdx.filter((i) => i !== first).map((i) => spec.datasets[i].label),
  };
}

/**
 * labelPlan's dropped series, measuring only when it can drop any: when two
 * or more bar series share a category (then `measure` first readies the fonts).
 */
export function droppedLabels(spec: ChartSpec, medium: ChartMedium, family: string, measure: () => void): string[] {
  const bars = spec.datasets.filter((d, i) => drawOf(spec, d, i) === 'bar').length;
  if (bars < 2 || (spec.kind !== 'column' && spec.kind !== 'combo')) return [];
  measure();
  return labelPlan(spec, medium, family).dropped;
}
