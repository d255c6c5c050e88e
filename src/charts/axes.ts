/**
 * Value-axis ranges Chart.js cannot choose well on its own: ranks (1 at the
 * top), combo charts (bars low, line high, ticks on a shared grid) and the
 * hidden value axis of a bar ranking (room for the bar-end labels).
 */
import type { Scale } from 'chart.js';
import type { ChartSpec } from '../model/chart.js';
import { axisOf, drawOf } from './roles.js';

const NICE = [1, 2, 2.5, 5, 10];

/** Smallest "round" step ≥ x (1, 2, 2.5, 5 × 10ⁿ). */
export function niceCeil(x: number): number {
  if (x <= 0) return 1;
  const mag = 10 ** Math.floor(Math.log10(x));
  const n = x / mag;
  return (NICE.find((v) => v >= n - 1e-9) ?? 10) * mag;
}

function values(spec: ChartSpec, pick: (i: number) => boolean): number[] {
  return spec.datasets.flatMap((d, i) => (pick(i) ? d.data.filter((v): v is number => v != null) : []));
}

/** Whole-rank tick step (1, 2, 5, 10, 20, 50…) giving at most six ticks. */
function rankStep(worst: number): number {
  if (worst <= 6) return 1;
  for (let mag = 1; ; mag *= 10) for (const s of [1, 2, 5]) if (worst / (s * mag) <= 5) return s * mag;
}

/** Ranks: 1 at the top/left, room above rank 1 for its label, ticks at 1 and round steps. */
export function rankAxis(spec: ChartSpec, side: 'left' | 'right', bars: boolean) {
  const worst = Math.max(1, ...values(spec, (i) => axisOf(spec, spec.datasets[i], i) === side));
  const step = rankStep(worst);
  return {
    reverse: true,
    min: 1 - Math.max(0.5, worst * 0.15),
    // Room below the last place for its dot and label.
    max: bars ? worst + 1 : worst + Math.max(0.6, worst * 0.12),
    afterBuildTicks: (scale: Scale) => {
      const ticks = [{ value: 1 }];
      for (let v = step; v <= worst; v += step) if (v > 1) ticks.push({ value: v });
      scale.ticks = ticks;
    },
  };
}

/**
 * Combo charts: both axes from zero with the same number of intervals (one
 * grid serves both), bars kept in the lower ~60% and the line near the top,
 * so line, points and labels do not sit on the bars.
 */
export function comboRanges(spec: ChartSpec): { left?: { min: number; max: number; step: number }; right?: { min: number; max: number; step: number } } {
  const bars = values(spec, (i) => drawOf(spec, spec.datasets[i], i) === 'bar' && axisOf(spec, spec.datasets[i], i) === 'left');
  const line = values(spec, (i) => axisOf(spec, spec.datasets[i], i) === 'right');
  if (!bars.length || !line.length || [...bars, ...line].some((v) => v < 0)) return {};
  const targets = [Math.max(...bars) / 0.6, Math.max(...line) / 0.9];
  // The interval count (4–6) that wastes least height on both axes together.
  let best = { k: 5, waste: Infinity };
  for (const k of [4, 5, 6]) {
    const waste = targets.reduce((w, tg) => w * ((niceCeil(tg / k) * k) / tg), 1);
    if (waste < best.waste - 1e-9) best = { k, waste };
  }
  const range = (target: number) => {
    const step = niceCeil(target / best.k);
    return { min: 0, max: step * best.k, step };
  };
  return { left: range(targets[0]), right: range(targets[1]) };
}

/**
 * The hidden value axis of a bar ranking: after layout, stretch the range so
 * the longest bar leaves `labelRoom` points for its label inside the plot.
 */
export function fitHiddenAxis(spec: ChartSpec, labelRoom: number) {
  const data = values(spec, () => true);
  return (scale: Scale) => {
    const width = scale.width;
    if (!(width > labelRoom)) return;
    const share = labelRoom / (width - labelRoom);
    if (spec.reverseValueAxis) {
      // Reversed: first place ends at the right, so the room goes below rank 1.
      const span = scale.max - 1;
      scale.min = 1 - span * share;
    } else {
      const lo = Math.min(0, ...data);
      const hi = Math.max(0, ...data);
      scale.min = lo;
      scale.max = hi + (hi - lo) * share;
    }
  };
}
