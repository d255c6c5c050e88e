/**
 * Inline Chart.js plugins: preformatted data labels, axis units written
 * horizontally above the axes (Chinese reads badly rotated), the source note
 * with footnotes under the chart, and the doughnut's value legend.
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
  /** Per-dataset text colours (series colours made readable on white), for lines sharing a plot. */
  series: string[];
  /** Which datasets get labels (see labelPlan). */
  labelled: boolean[];
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
interface Rect { x0: number; y0: number; x1: number; y1: number }

/**
 * Data labels from `dataLabels`, so the chart shows exactly the figure the
 * text prints. Bars in stacked and combo charts carry their label inside when
 * it fits; other labels sit just outside the bar end or point. A label that
 * would overlap one already drawn tries the other side of a point, else is
 * left out (the alt text and the report text still carry every figure).
 */
export function dataLabelsPlugin(spec: ChartSpec, style: LabelStyle, hasLine: boolean): Plugin<ChartType> {
  return {
    id: 'genReportDataLabels',
    afterDatasetsDraw(chart: Chart) {
      const ctx = chart.ctx as unknown as Ctx;
      ctx.save();
      ctx.font = fontString(style.size, style.family, true);
      const placed: Rect[] = [];
      const h = style.size;
      // Rect of a label anchored like canvas text; free when it overlaps no placed label and stays on the canvas.
      const tryPlace = (text: string, x: number, y: number, align: CanvasTextAlign, baseline: CanvasTextBaseline): Rect | undefined => {
        const w = ctx.measureText(text).width;
        const x0 = align === 'center' ? x - w / 2 : align === 'right' ? x - w : x;
        const y0 = baseline === 'middle' ? y - h / 2 : baseline === 'bottom' ? y - h : y;
        const r = { x0: x0 - 1, y0, x1: x0 + w + 1, y1: y0 + h };
        if (r.x0 < 0 || r.x1 > chart.width || r.y0 < 0 || r.y1 > chart.height) return undefined;
        return placed.some((p) => r.x0 < p.x1 && p.x0 < r.x1 && r.y0 < p.y1 && p.y0 < r.y1) ? undefined : r;
      };
      const drawOutside = (text: string, x: number, y: number, align: CanvasTextAlign, baseline: CanvasTextBaseline, color: string): boolean => {
        const r = tryPlace(text, x, y, align, baseline);
        if (!r) return false;
        placed.push(r);
        ctx.textAlign = align;
        ctx.textBaseline = baseline;
        haloText(ctx, text, x, y, color);
        return true;
      };
      const drawInside = (text: string, x: number, y: number, baseline: CanvasTextBaseline, fill: string) => {
        const r = tryPlace(text, x, y, 'center', baseline);
        if (r) placed.push(r);
        ctx.textAlign = 'center';
        ctx.textBaseline = baseline;
        ctx.fillStyle = textOn(fill, style.dark);
        ctx.fillText(text, x, y);
      };
      const horizontal = chart.options.indexAxis === 'y';
      const sideLabels: number[][] = [];
      // Bars first, then lines: a line label can move below its point, a bar label cannot.
      const order = spec.datasets.map((_, i) => i).sort((a, b) => Number(chart.getDatasetMeta(a).type === 'line') - Number(chart.getDatasetMeta(b).type === 'line'));
      for (const i of order) {
        const ds = spec.datasets[i];
        const meta = chart.getDatasetMeta(i);
        if (!chart.isDatasetVisible(i) || !style.labelled[i]) continue;
        meta.data.forEach((el, j) => {
          const text = ds.dataLabels[j];
          const value = ds.data[j];
          if (text == null || text === '' || value == null) return;
          const w = ctx.measureText(text).width;
          const fill = String((el.options as { backgroundColor?: unknown }).backgroundColor);
          if (meta.type === 'doughnut') {
            const a = el.getProps(['x', 'y', 'startAngle', 'endAngle', 'innerRadius', 'outerRadius'], true) as unknown as ArcProps;
            const r = (a.innerRadius + a.outerRadius) / 2;
            const mid = (a.startAngle + a.endAngle) / 2;
            // Only where the label fits inside the ring; the legend carries every value.
            if ((a.endAngle - a.startAngle) * r < w + 6 || a.outerRadius - a.innerRadius < h + 4) return;
            drawInside(text, a.x + Math.cos(mid) * r, a.y + Math.sin(mid) * r, 'middle', fill);
            return;
          }
          if (meta.type === 'line') {
            const p = el.getProps(['x', 'y'], true) as { x: number; y: number };
            const off = Number((el.options as { radius?: number }).radius ?? 3) + style.gap;
            // Series colour ties each label to its line when several series share the plot.
            const color = spec.datasets.length > 1 ? style.series[i % style.series.length] : style.color;
            // Where lines meet, the lower point's label goes below it, so labels keep the order of the points.
            const higherNear = spec.datasets.some((_, k) => {
              const other = chart.getDatasetMeta(k);
              if (k === i || other.type !== 'line' || ds.data[j] == null || spec.datasets[k].data[j] == null) return false;
              const oy = (other.data[j]?.getProps(['y'], true) as { y: number } | undefined)?.y;
              return oy != null && (oy < p.y || (oy === p.y && k < i)) && p.y - oy < h * 2.5;
            });
            const up = !higherNear && (value >= 0 || Boolean(spec.reverseValueAxis));
            if (!drawOutside(text, p.x, p.y - (up ? off : -off), 'center', up ? 'bottom' : 'top', color)) {
              drawOutside(text, p.x, p.y + (up ? off : -off), 'center', up ? 'top' : 'bottom', color);
            }
            return;
          }
          const b = el.getProps(['x', 'y', 'base', 'width', 'height'], true) as unknown as BarProps;
          // Which way the bar grows on screen (ranks grow from the far end): +1 right/up.
          const dir = (horizontal ? Math.sign(b.x - b.base) : Math.sign(b.base - b.y)) || 1;
          const along = horizontal ? Math.abs(b.x - b.base) : Math.abs(b.base - b.y);
          const across = horizontal ? b.height : b.width;
          const inside = spec.kind === 'stacked' || (spec.kind === 'combo' && hasLine);
          // Digits are about 0.75 em tall: a segment 1.15 em high holds its label with air around it.
          const fitsInside = horizontal ? along >= w + 8 && across >= h * 1.15 : along >= h * 1.15 && across >= w + 4;
          if (inside && fitsInside) {
            if (horizontal) drawInside(text, (b.x + b.base) / 2, b.y, 'middle', fill);
            else if (spec.kind === 'stacked') drawInside(text, b.x, (b.y + b.base) / 2, 'middle', fill);
            else drawInside(text, b.x, b.y + dir * style.gap, dir > 0 ? 'top' : 'bottom', fill);
            return;
          }
          if (spec.kind === 'stacked') {
            // Too thin for its label: set it beside the segment, if the gap to the next bar has room and no other side label is there.
            const room = (chart.scales.x.width / spec.labels.length - b.width) / 2;
            const mid = (b.y + b.base) / 2;
            const taken = (sideLabels[j] ??= []);
            if (horizontal || w + style.gap * 2 > room || taken.some((y) => Math.abs(y - mid) < h * 1.1)) return;
            if (drawOutside(text, b.x + b.width / 2 + style.gap, mid, 'left', 'middle', style.series[i % style.series.length])) taken.push(mid);
            return;
          }
          if (horizontal) drawOutside(text, b.x + dir * style.gap, b.y, dir > 0 ? 'left' : 'right', 'middle', style.color);
          else drawOutside(text, b.x, b.y - dir * style.gap, 'center', dir > 0 ? 'bottom' : 'top', style.color);
        });
      }
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

export interface DoughnutLegendStyle {
  size: number;
  family: string;
  color: string;
  /** Space between the ring and the legend. */
  gap: number;
}

/** Legend beside the ring: swatch, category, and its value in a right-aligned column. */
export function doughnutLegendPlugin(items: Array<{ label: string; value: string; color: string }>, style: DoughnutLegendStyle): Plugin<ChartType> {
  return {
    id: 'genReportDoughnutLegend',
    afterDraw(chart: Chart) {
      const arc = chart.getDatasetMeta(0).data[0] as unknown as { x: number; y: number; outerRadius: number } | undefined;
      if (!arc) return;
      const ctx = chart.ctx as unknown as Ctx;
      ctx.save();
      ctx.font = fontString(style.size, style.family);
      const labelWidth = Math.max(...items.map((it) => ctx.measureText(it.label).width));
      ctx.font = fontString(style.size, style.family, true);
      const valueWidth = Math.max(...items.map((it) => ctx.measureText(it.value).width));
      const rowHeight = Math.min(style.size * 1.9, (arc.outerRadius * 2.2) / items.length);
      const swatch = style.size * 0.8;
      const x0 = arc.x + arc.outerRadius + style.gap;
      const labelX = x0 + swatch + style.size * 0.5;
      const valueRight = labelX + labelWidth + style.size * 1.5 + valueWidth;
      let y = arc.y - (rowHeight * (items.length - 1)) / 2;
      ctx.textBaseline = 'middle';
      for (const it of items) {
        ctx.fillStyle = it.color;
        ctx.fillRect(x0, y - swatch / 2, swatch, swatch);
        ctx.fillStyle = style.color;
        ctx.textAlign = 'left';
        ctx.font = fontString(style.size, style.family);
        ctx.fillText(it.label, labelX, y);
        ctx.textAlign = 'right';
        ctx.font = fontString(style.size, style.family, true);
        ctx.fillText(it.value, valueRight, y);
        y += rowHeight;
      }
      ctx.restore();
    },
  };
}
