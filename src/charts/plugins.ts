/**
 * Inline Chart.js plugins: preformatted data labels, axis units written
 * horizontally above the axes (Chinese reads badly rotated), and the source
 * note with footnotes under the chart.
 */
import type { Chart, ChartType, Plugin } from 'chart.js';
import type { ChartSpec } from '../model/chart.js';
import { fontString, textOn } from './style.js';

export interface LabelStyle {
  family: string;
  size: number;
  /** Colour of labels drawn outside shapes. */
  color: string;
  /** Near-black for labels on light fills. */
  dark: string;
  /** Gap between a shape and its label, in points. */
  gap: number;
}

type Ctx = CanvasRenderingContext2D;

/** Draw text with a white halo so it stays legible over grid lines and other series. */
function haloText(ctx: Ctx, text: string, x: number, y: number, color: string): void {
  ctx.save();
  ctx.lineWidth = 3;
  ctx.lineJoin = 'round';
  ctx.strokeStyle = '#FFFFFF';
  ctx.strokeText(text, x, y);
  ctx.fillStyle = color;
  ctx.fillText(text, x, y);
  ctx.restore();
}

interface BarProps { x: number; y: number; base: number; width: number; height: number }
interface ArcProps { x: number; y: number; startAngle: number; endAngle: number; innerRadius: number; outerRadius: number }

/**
 * Data labels from `dataLabels`, so the chart shows exactly the figure the
 * text prints. Bars in stacked and combo charts carry their label inside when
 * it fits; other labels sit just outside the bar end or point.
 */
export function dataLabelsPlugin(spec: ChartSpec, style: LabelStyle, hasLine: boolean): Plugin<ChartType> {
  return {
    id: 'genReportDataLabels',
    afterDatasetsDraw(chart: Chart) {
      const ctx = chart.ctx as unknown as Ctx;
      ctx.save();
      ctx.font = fontString(style.size, style.family, true);
      spec.datasets.forEach((ds, i) => {
        const meta = chart.getDatasetMeta(i);
        if (!chart.isDatasetVisible(i)) return;
        meta.data.forEach((el, j) => {
          const text = ds.dataLabels[j];
          const value = ds.data[j];
          if (text == null || text === '' || value == null) return;
          const w = ctx.measureText(text).width;
          if (meta.type === 'doughnut') {
            const a = el.getProps(['x', 'y', 'startAngle', 'endAngle', 'innerRadius', 'outerRadius'], true) as unknown as ArcProps;
            const r = (a.innerRadius + a.outerRadius) / 2;
            const mid = (a.startAngle + a.endAngle) / 2;
            // Only where the label fits inside the ring; the legend carries every value.
            if ((a.endAngle - a.startAngle) * r < w + 6 || a.outerRadius - a.innerRadius < style.size + 4) return;
            const segFill = String((el.options as { backgroundColor?: unknown }).backgroundColor);
            ctx.textAlign = 'center';
            ctx.textBaseline = 'middle';
            ctx.fillStyle = textOn(segFill, style.dark);
            ctx.fillText(text, a.x + Math.cos(mid) * r, a.y + Math.sin(mid) * r);
            return;
          }
          if (meta.type === 'line') {
            const p = el.getProps(['x', 'y'], true) as { x: number; y: number };
            const radius = Number((el.options as { radius?: number }).radius ?? 3);
            ctx.textAlign = 'center';
            ctx.textBaseline = value < 0 ? 'top' : 'bottom';
            const lineColor = String((el.options as { borderColor?: unknown }).borderColor ?? style.color);
            // Series colour ties the label to its line when lines and bars share the plot.
            haloText(ctx, text, p.x, p.y + (value < 0 ? 1 : -1) * (radius + style.gap), hasLine && spec.datasets.length > 1 ? lineColor : style.color);
            return;
          }
          const b = el.getProps(['x', 'y', 'base', 'width', 'height'], true) as unknown as BarProps;
          const horizontal = chart.options.indexAxis === 'y';
          // Which way the bar grows on screen (ranks grow from the far end): +1 right/up.
          const dir = (horizontal ? Math.sign(b.x - b.base) : Math.sign(b.base - b.y)) || 1;
          const along = horizontal ? Math.abs(b.x - b.base) : Math.abs(b.base - b.y);
          const across = horizontal ? b.height : b.width;
          const inside = spec.kind === 'stacked' || (spec.kind === 'combo' && hasLine);
          const fitsInside = horizontal
            ? along >= w + 8 && across >= style.size + 2
            : along >= style.size + 6 && across >= w + 4;
          const barFill = String((el.options as { backgroundColor?: unknown }).backgroundColor);
          if (inside && fitsInside) {
            ctx.fillStyle = textOn(barFill, style.dark);
            ctx.textAlign = 'center';
            ctx.textBaseline = 'middle';
            if (horizontal) ctx.fillText(text, (b.x + b.base) / 2, b.y);
            else if (spec.kind === 'stacked') ctx.fillText(text, b.x, (b.y + b.base) / 2);
            else {
              ctx.textBaseline = dir > 0 ? 'top' : 'bottom';
              ctx.fillText(text, b.x, b.y + dir * style.gap);
            }
            return;
          }
          // A stacked segment too small for its label stays unlabelled: outside it would sit on the next one.
          if (spec.kind === 'stacked') return;
          if (horizontal) {
            ctx.textAlign = dir > 0 ? 'left' : 'right';
            ctx.textBaseline = 'middle';
            haloText(ctx, text, b.x + dir * style.gap, b.y, style.color);
          } else {
            ctx.textAlign = 'center';
            ctx.textBaseline = dir > 0 ? 'bottom' : 'top';
            haloText(ctx, text, b.x, b.y - dir * style.gap, style.color);
          }
        });
      });
      ctx.restore();
    },
  };
}

/** Layout weight of the subtitle box reserved for the unit row (title 2000, legend 1800: it sits below both). */
export const UNIT_ROW_WEIGHT = 500;

export interface UnitRow {
  left?: string;
  right?: string;
  family: string;
  size: number;
  color: string;
  margin: number;
}

/**
 * Axis units in the row the (invisible) subtitle reserves just above the
 * plot: left unit flush left, right unit flush right.
 */
export function unitRowPlugin(row: UnitRow): Plugin<ChartType> {
  return {
    id: 'genReportUnits',
    afterDraw(chart: Chart) {
      const box = chart.boxes.find((b) => b.weight === UNIT_ROW_WEIGHT);
      if (!box) return;
      const ctx = chart.ctx as unknown as Ctx;
      ctx.save();
      ctx.font = fontString(row.size, row.family);
      ctx.fillStyle = row.color;
      ctx.textBaseline = 'middle';
      const y = (box.top + box.bottom) / 2;
      if (row.left) {
        ctx.textAlign = 'left';
        ctx.fillText(row.left, row.margin, y);
      }
      if (row.right) {
        ctx.textAlign = 'right';
        ctx.fillText(row.right, chart.width - row.margin, y);
      }
      ctx.restore();
    },
  };
}

export interface NoteBlock {
  /** Already wrapped lines, drawn top to bottom. */
  lines: string[];
  family: string;
  size: number;
  lineHeight: number;
  color: string;
  margin: number;
}

/** Source note and footnotes at the bottom left, in the space `layout.padding.bottom` reserves. */
export function notesPlugin(notes: NoteBlock): Plugin<ChartType> {
  return {
    id: 'genReportNotes',
    afterDraw(chart: Chart) {
      const ctx = chart.ctx as unknown as Ctx;
      ctx.save();
      ctx.font = fontString(notes.size, notes.family);
      ctx.fillStyle = notes.color;
      ctx.textAlign = 'left';
      ctx.textBaseline = 'alphabetic';
      const n = notes.lines.length;
      notes.lines.forEach((line, i) => {
        // Baselines counted up from the bottom margin; descenders stay inside it.
        const y = chart.height - notes.margin - (n - 1 - i) * notes.lineHeight - notes.size * 0.25;
        ctx.fillText(line, notes.margin, y);
      });
      ctx.restore();
    },
  };
}
