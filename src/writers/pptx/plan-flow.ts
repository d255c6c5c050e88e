/**
 * The vertical flow of a content slide: blocks become flow items built at a
 * body size, items are stacked top to bottom, and what does not fit is split
 * (text between lines, tables between rows) or moved to the next slide.
 */
import type { Block, ListBlock } from '../../model/document.js';
import type { Box, PlannedParagraph, Shape } from './plan-types.js';
import { GREY, warn, type PlanContext } from './plan-context.js';
import { cleanText, layoutParas, para, plainText, runsFrom, splitParas } from './plan-text.js';
import { BLOCK_GAP, box } from './geometry.js';
import { fitText } from './plan-fit.js';
import { CHART_MIN_H, bandHeight, imageHeight, placeChart, takeaway, type ChartItem } from './plan-chart.js';
import { KPI_PER_ROW, measureKpis, placeKpis, type KpiRowItem } from './plan-kpi.js';
import { buildTable, measureTable, placeTable, splitTable, type TableFlowItem } from './plan-table.js';
import { buildTimeline, chunkTimeline, measureTimeline, placeTimeline, timelineAsParagraphs, type TimelineFlowItem } from './plan-timeline.js';
import { msg } from '../../i18n/index.js';

/** A model block, or a level-3 heading merged into its slide. */
export type FlowBlock = Block | { type: 'heading'; text: string };

export interface TextItem {
  kind: 'text';
  paras: PlannedParagraph[];
}
export interface CalloutItem {
  kind: 'callout';
  paras: PlannedParagraph[];
}
export interface ColumnsItem {
  kind: 'columns';
  cols: FlowItem[][];
}
export type { ChartItem };
export type FlowItem = TextItem | CalloutItem | ChartItem | ColumnsItem | KpiRowItem | TableFlowItem | TimelineFlowItem;

const CALLOUT_PAD_X = 0.3;
const CALLOUT_PAD_Y = 0.2;
const CALLOUT_BAR = 0.08;
const COLUMN_GAP = 0.5;

export interface BuildOptions {
  sizePt: number;
  /** Height of the content area, to tell when a drawn timeline cannot fit at all. */
  areaH: number;
  areaW: number;
}

function listParas(list: ListBlock, size: number, ctx: PlanContext): PlannedParagraph[] {
  let n = 0;
  return list.items.map((it, i) => {
    const level = Math.min(Math.max(it.level, 0), 1);
    const s = level ? size - 2 : size;
    const numbered = list.ordered && level === 0;
    if (numbered) n++;
    const step = numbered ? size * (list.items.length >= 10 ? 2.1 : 1.7) : size * 1.25;
    return para(runsFrom(it.runs, { sizePt: s, color: ctx.theme.colors.text }), {
      bullet: numbered ? { kind: 'number', startAt: n } : { kind: 'char', char: level ? '•' : '■' },
      indentPt: Math.round(step) * (level + 1),
      level,
      // The first paragraph of a text box drops its space (layoutParas); after a lead-in it keeps it.
      spaceBeforePt: Math.round(level && i > 0 ? size * 0.25 : size * 0.5),
    });
  });
}

function textParas(b: FlowBlock, size: number, areaW: number, ctx: PlanContext): PlannedParagraph[] | null {
  const c = ctx.theme.colors;
  if (b.type === 'paragraph') {
    // A short paragraph that is all bold (**存在问题**) reads as a sub-heading: give it the heading colour.
    const lead = b.runs.length > 0 && b.runs.every((r) => r.bold || !r.text.trim()) && plainText(b.runs).length <= 30;
    return [para(runsFrom(b.runs, { sizePt: size, color: lead ? c.primary : c.text, font: lead ? 'heading' : 'body' }), { spaceBeforePt: Math.round(size * 0.6) })];
  }
  if (b.type === 'list') return listParas(b, size, ctx);
  if (b.type === 'heading') {
    // A sub-heading is a label: two lines at most.
    const f = fitText(ctx, b.text, { w: areaW, h: 2 }, [size + 2], 2, { color: c.primary, bold: true, font: 'heading', lineFactor: 1.25 }, 'sub-heading');
    return [{ ...f.para, spaceBeforePt: Math.round(size * 0.8), lines: [] }];
  }
  return null;
}

/** Flow items for blocks at a body size. Consecutive text blocks share one text box. */
export function buildItems(blocks: FlowBlock[], o: BuildOptions, ctx: PlanContext): FlowItem[] {
  const items: FlowItem[] = [];
  const size = o.sizePt;
  const c = ctx.theme.colors;
  for (const b of blocks) {
    const paras = textParas(b, size, o.areaW, ctx);
    if (paras) {
      const last = items[items.length - 1];
      if (last?.kind === 'text') last.paras.push(...paras);
      else items.push({ kind: 'text', paras });
      continue;
    }
    switch (b.type) {
      case 'kpis':
        for (let i = 0; i < b.items.length; i += KPI_PER_ROW) items.push({ kind: 'kpis', cards: b.items.slice(i, i + KPI_PER_ROW) });
        break;
      case 'chart': {
        // In a narrow area (a column) the half-width rendering keeps labels readable.
        const rendered = ctx.charts.get(b.chart.id);
        const image = (o.areaW < 7 ? rendered?.column : undefined) ?? rendered?.slide ?? rendered?.column;
        if (!image) warn(ctx, 'pptx-chart-missing', msg('writer.chart-placeholder', { id: cleanText(b.chart.id) }));
        items.push({ kind: 'chart', chart: b.chart, image, caption: b.caption?.length ? takeaway(b.caption, size, o.areaW, ctx) : undefined });
        break;
      }
      case 'table':
        items.push(buildTable(b, Math.max(size - 2, ctx.theme.sizes.minBody), o.areaW, ctx));
        break;
      case 'timeline': {
        const tSize = Math.max(size - 2, ctx.theme.sizes.minBody);
        for (const chunk of chunkTimeline(b.items)) {
          const t = buildTimeline(chunk, tSize, ctx);
          // Too tall to draw even on an empty slide: list the events instead (that can continue).
          if (measureTimeline(t, o.areaW, ctx) > o.areaH) items.push({ kind: 'text', paras: timelineAsParagraphs(chunk, size, ctx) });
          else items.push(t);
        }
        break;
      }
      case 'callout': {
        const inner = b.blocks.flatMap((ib) => textParas(ib, blocks.length === 1 ? size + 4 : size + 2, o.areaW - 0.7, ctx) ?? []);
        const emph = inner.map((p) => ({ ...p, runs: p.runs.map((r) => ({ ...r, color: c.dark })) }));
        if (emph.length) items.push({ kind: 'callout', paras: emph });
        // Non-text blocks inside a callout are shown after it, as themselves.
        items.push(...buildItems(b.blocks.filter((ib) => !textParas(ib, size, o.areaW, ctx)), o, ctx));
        break;
      }
      case 'columns': {
        const n = Math.max(b.columns.length, 1);
        const colW = (o.areaW - COLUMN_GAP * (n - 1)) / n;
        items.push({ kind: 'columns', cols: b.columns.map((col) => buildItems(col, { ...o, areaW: colW }, ctx)) });
        break;
      }
    }
  }
  return items;
}

function columnWidth(item: ColumnsItem, w: number): number {
  return (w - COLUMN_GAP * (item.cols.length - 1)) / Math.max(item.cols.length, 1);
}

/**
 * Natural height of an item at a width (a chart's height when it spans the
 * width). Text and tables taller than `limit` may report any height over it,
 * so a page asks only as much of a long text as a page can hold.
 */
export function measureItem(item: FlowItem, w: number, ctx: PlanContext, limit = Infinity): number {
  switch (item.kind) {
    case 'text':
      return layoutParas(item.paras, w, limit).heightIn;
    case 'callout':
      return layoutParas(item.paras, w - 2 * CALLOUT_PAD_X - CALLOUT_BAR, limit - 2 * CALLOUT_PAD_Y).heightIn + 2 * CALLOUT_PAD_Y;
    case 'chart':
      return bandHeight(item.caption, w) + imageHeight(item, w);
    case 'kpis':
      return measureKpis(item, w, ctx);
    case 'table':
      return measureTable(item, w, limit);
    case 'timeline':
      return measureTimeline(item, w, ctx);
    case 'columns': {
      const cw = columnWidth(item, w);
      return Math.max(0, ...item.cols.map((col) => stackHeight(col, cw, ctx)));
    }
  }
}

function stackHeight(items: FlowItem[], w: number, ctx: PlanContext): number {
  return items.reduce((h, it, i) => h + (i ? BLOCK_GAP : 0) + measureItem(it, w, ctx), 0);
}

function minHeight(item: FlowItem, w: number, ctx: PlanContext): number {
  return item.kind === 'chart' ? Math.min(bandHeight(item.caption, w) + CHART_MIN_H, measureItem(item, w, ctx)) : measureItem(item, w, ctx);
}

interface Split {
  head: FlowItem | null;
  tail: FlowItem | null;
}

function splitItem(item: FlowItem, w: number, h: number, force: boolean, ctx: PlanContext): Split {
  switch (item.kind) {
    case 'text': {
      const { head, tail } = splitParas(item.paras, w, h);
      return { head: head.length ? { kind: 'text', paras: head } : null, tail: tail.length ? { kind: 'text', paras: tail } : null };
    }
    case 'callout': {
      const { head, tail } = splitParas(item.paras, w - 2 * CALLOUT_PAD_X - CALLOUT_BAR, h - 2 * CALLOUT_PAD_Y);
      return { head: head.length ? { kind: 'callout', paras: head } : null, tail: tail.length ? { kind: 'callout', paras: tail } : null };
    }
    case 'table':
      return splitTable(item, w, h, force);
    case 'columns': {
      const cw = columnWidth(item, w);
      const parts = item.cols.map((col) => partition(col, cw, h, force, ctx));
      if (parts.every((p) => p.head.length === 0)) return { head: null, tail: item };
      const tail = parts.some((p) => p.tail) ? { kind: 'columns' as const, cols: parts.map((p) => p.tail ?? []) } : null;
      return { head: { kind: 'columns', cols: parts.map((p) => p.head) }, tail };
    }
    default:
      return { head: null, tail: item };
  }
}

export interface Partition {
  head: FlowItem[];
  /** Height given to each head item (charts flex between their minimum and natural height). */
  heights: number[];
  tail: FlowItem[] | null;
}

/**
 * Which items fit in a column of `w` × `h`; `first` when nothing else is on
 * the slide, so an item too tall for any slide must be split or shrunk here.
 */
export function partition(items: FlowItem[], w: number, h: number, first: boolean, ctx: PlanContext): Partition {
  const head: FlowItem[] = [];
  const heights: number[] = [];
  let y = 0;
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    const gap = head.length ? BLOCK_GAP : 0;
    const avail = h - y - gap;
    const force = first && head.length === 0;
    if (item.kind === 'chart') {
      const want = measureItem(item, w, ctx);
      const min = minHeight(item, w, ctx);
      const reserve = items.slice(i + 1).reduce((s, it) => s + BLOCK_GAP + minHeight(it, w, ctx), 0);
      let ch = Math.min(want, avail - reserve);
      if (ch < min) ch = Math.min(want, avail);
      // Alone on a slide a chart takes whatever height there is rather than never being placed.
      if (force) ch = Math.min(want, avail);
      if (ch >= min || force) {
        head.push(item);
        heights.push(ch);
        y += gap + ch;
        continue;
      }
      return { head, heights, tail: items.slice(i) };
    }
    const nat = measureItem(item, w, ctx, avail + 1e-9);
    if (nat <= avail + 1e-9) {
      head.push(item);
      heights.push(nat);
      y += gap + nat;
      continue;
    }
    const split = splitItem(item, w, avail, force, ctx);
    if (split.head) {
      head.push(split.head);
      // A split head can still hold a chart measured at its natural size; it was fitted to `avail`.
      heights.push(Math.min(avail, measureItem(split.head, w, ctx)));
      return { head, heights, tail: split.tail ? [split.tail, ...items.slice(i + 1)] : items.length > i + 1 ? items.slice(i + 1) : null };
    }
    if (force) {
      warn(ctx, 'pptx-overflow', msg('writer.block-too-tall', { kind: item.kind }));
      return { head, heights, tail: items.length > i + 1 ? items.slice(i + 1) : null };
    }
    return { head, heights, tail: items.slice(i) };
  }
  return { head, heights, tail: null };
}

/** Shapes for partitioned items stacked from the top of `area`. */
export function placeStack(p: Pick<Partition, 'head' | 'heights'>, area: Box, ctx: PlanContext): Shape[] {
  const shapes: Shape[] = [];
  let y = area.y;
  p.head.forEach((item, i) => {
    if (i) y += BLOCK_GAP;
    shapes.push(...placeItem(item, { x: area.x, y, w: area.w, h: p.heights[i] }, ctx));
    y += p.heights[i];
  });
  return shapes;
}

export function stackExtent(p: Pick<Partition, 'heights'>): number {
  return p.heights.reduce((s, h, i) => s + h + (i ? BLOCK_GAP : 0), 0);
}

function placeItem(item: FlowItem, b: Box, ctx: PlanContext): Shape[] {
  const c = ctx.theme.colors;
  switch (item.kind) {
    case 'text': {
      const laid = layoutParas(numbering(item.paras), b.w);
      return [{ kind: 'text', layer: 'front', box: box(b.x, b.y, b.w, laid.heightIn), paragraphs: laid.paras, valign: 'top', name: 'body' }];
    }
    case 'callout': {
      const innerW = b.w - 2 * CALLOUT_PAD_X - CALLOUT_BAR;
      const laid = layoutParas(numbering(item.paras), innerW);
      const h = laid.heightIn + 2 * CALLOUT_PAD_Y;
      return [
        { kind: 'rect', layer: 'back', geometry: 'rect', box: box(b.x, b.y, b.w, h), fill: c.tint, name: 'callout-box' },
        { kind: 'rect', layer: 'back', geometry: 'rect', box: box(b.x, b.y, CALLOUT_BAR, h), fill: c.primary, name: 'callout-bar' },
        { kind: 'text', layer: 'front', box: box(b.x + CALLOUT_BAR + CALLOUT_PAD_X, b.y + CALLOUT_PAD_Y, innerW, laid.heightIn), paragraphs: laid.paras, valign: 'top', name: 'callout-text' },
      ];
    }
    case 'chart':
      return placeChart(item, b, ctx);
    case 'kpis':
      return placeKpis(item, b, ctx);
    case 'table':
      return placeTable(item, b, ctx);
    case 'timeline':
      return placeTimeline(item, b, ctx);
    case 'columns': {
      const cw = columnWidth(item, b.w);
      const shapes: Shape[] = [];
      item.cols.forEach((col, i) => {
        const x = b.x + i * (cw + COLUMN_GAP);
        const part = partition(col, cw, b.h, true, ctx);
        shapes.push(...placeStack(part, { x, y: b.y, w: cw, h: b.h }, ctx));
        if (i > 0) shapes.push({ kind: 'rect', layer: 'back', geometry: 'rect', box: box(x - COLUMN_GAP / 2 - 0.005, b.y, 0.01, b.h), fill: GREY.rule, name: 'column-rule' });
      });
      return shapes;
    }
  }
}

/** Contiguous numbered paragraphs share the start number of the first, as PowerPoint counts on from it. */
function numbering(paras: PlannedParagraph[]): PlannedParagraph[] {
  let start: number | undefined;
  return paras.map((p) => {
    if (p.bullet?.kind !== 'number') {
      if (!p.bullet || p.indentPt === 0) start = undefined;
      return p;
    }
    start ??= p.bullet.startAt;
    return { ...p, bullet: { kind: 'number', startAt: start } };
  });
}
