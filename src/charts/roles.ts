/** How each dataset is drawn and on which axis, defaults filled in. Dependency-free: alt.ts runs in the template stage. */
import type { ChartDataset, ChartSpec } from '../model/chart.js';

type Kind = Pick<ChartSpec, 'kind'>;

/** Bars or a line. Only combo charts mix; there a dataset's `draw` wins, else `axis` decides, else the first series is bars. */
export function drawOf(spec: Kind, d: ChartDataset, index: number): 'bar' | 'line' {
  // A rank chart draws dots: lineOf says so (no line between them).
  if (spec.kind !== 'combo') return spec.kind === 'line' || spec.kind === 'rank' ? 'line' : 'bar';
  if (d.draw) return d.draw;
  if (d.axis) return d.axis === 'right' ? 'line' : 'bar';
  return index === 0 ? 'bar' : 'line';
}

/** Which value axis a dataset uses: its own `axis`, else (combo) lines right and bars left. Only combo charts have a right axis. */
export function axisOf(spec: Kind, d: ChartDataset, index: number): 'left' | 'right' {
  if (spec.kind !== 'combo') return 'left';
  if (d.axis) return d.axis;
  return drawOf(spec, d, index) === 'line' ? 'right' : 'left';
}
