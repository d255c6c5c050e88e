/** Charts: the picture (aspect kept, alt text) and the one-line takeaway band above it. */
import type { ChartSpec, Run } from '../../model/document.js';
import type { RenderedImage } from '../../model/rendered.js';
import type { Box, PlannedParagraph, Shape } from './plan-types.js';
import { GREY, type PlanContext } from './plan-context.js';
import { cleanText, layoutLines, layoutParas, para, plainText, runsFrom } from './plan-text.js';
import { BLOCK_GAP, box } from './geometry.js';
import { fitText, textShape } from './plan-fit.js';

export interface ChartItem {
  kind: 'chart';
  chart: ChartSpec;
  image?: RenderedImage;
  caption?: PlannedParagraph;
}
/** A chart is never squeezed below this height to make room for what follows it. */
export const CHART_MIN_H = 2.4;
const BAND_PAD_Y = 0.1;
const TAKEAWAY_LINES = 2;

/** The takeaway keeps its runs when it fits two lines; longer text is cut (with a warning). */
export function takeaway(runs: Run[], size: number, areaW: number, ctx: PlanContext): PlannedParagraph {
  const p = para(runsFrom(runs, { sizePt: size, color: ctx.theme.colors.dark, bold: true }));
  if (layoutLines(p, areaW - 0.35).length <= TAKEAWAY_LINES) return p;
  return fitText(ctx, plainText(runs), { w: areaW - 0.35, h: 2 }, [size, size - 2], TAKEAWAY_LINES, { color: ctx.theme.colors.dark, bold: true }, 'chart takeaway').para;
}

export function bandHeight(p: PlannedParagraph | undefined, w: number): number {
  return p ? layoutParas([p], w - 0.35).heightIn + 2 * BAND_PAD_Y + BLOCK_GAP * 0.6 : 0;
}

export function imageHeight(item: ChartItem, w: number): number {
  return item.image ? (w * item.image.heightIn) / item.image.widthIn : 3.5;
}

/** The one-line takeaway over a chart: a tinted band with a red bar. Returns the height taken, gap included. */
export function placeTakeaway(caption: PlannedParagraph, x: number, y: number, w: number, ctx: PlanContext): { shapes: Shape[]; height: number } {
  const c = ctx.theme.colors;
  const laid = layoutParas([caption], w - 0.35);
  const bandH = laid.heightIn + 2 * BAND_PAD_Y;
  return {
    shapes: [
      { kind: 'rect', layer: 'back', geometry: 'rect', box: box(x, y, w, bandH), fill: c.tint, name: 'takeaway-band' },
      { kind: 'rect', layer: 'back', geometry: 'rect', box: box(x, y, 0.07, bandH), fill: c.primary, name: 'takeaway-bar' },
      { kind: 'text', layer: 'front', box: box(x + 0.25, y + BAND_PAD_Y, w - 0.35, laid.heightIn), paragraphs: laid.paras, valign: 'middle', name: 'takeaway' },
    ],
    height: bandHeight(caption, w),
  };
}

export function placeChart(item: ChartItem, b: Box, ctx: PlanContext): Shape[] {
  const shapes: Shape[] = [];
  let y = b.y;
  if (item.caption) {
    const t = placeTakeaway(item.caption, b.x, y, b.w, ctx);
    shapes.push(...t.shapes);
    y += t.height;
  }
  return [...shapes, ...placeChartImage(item, { x: b.x, y, w: b.w, h: b.y + b.h - y }, ctx)];
}

/** The chart picture (or a dashed placeholder when it was not rendered), centred in `b`, aspect kept. */
export function placeChartImage(item: ChartItem, b: Box, ctx: PlanContext): Shape[] {
  if (!item.image) {
    const h = Math.min(b.h, 3.5);
    const label = fitText(ctx, `图表未能生成：${item.chart.title}`, { w: b.w - 0.6, h: h - 0.4 }, [16], 99, { color: ctx.theme.colors.secondary, align: 'center' }, 'chart placeholder');
    return [
      { kind: 'rect', layer: 'back', geometry: 'rect', box: box(b.x, b.y, b.w, h), line: { color: GREY.rule, widthPt: 1, dash: 'dash' }, name: 'chart-missing' },
      textShape('chart-missing-label', box(b.x + 0.3, b.y + 0.2, b.w - 0.6, h - 0.4), label),
    ];
  }
  const scale = Math.min(b.w / item.image.widthIn, b.h / item.image.heightIn);
  const w = item.image.widthIn * scale;
  const h = item.image.heightIn * scale;
  if ((item.chart.output ?? ctx.chartOutput) === 'native') {
    // Same place and size as the picture would take, so the slide's layout does not change.
    const c = ctx.theme.colors;
    const colors = { series: c.series.map(bare), text: bare(c.text), secondary: bare(c.secondary), grid: 'E4E4E4' };
    return [{ kind: 'chart', layer: 'front', box: box(b.x + (b.w - w) / 2, b.y, w, h), spec: item.chart, colors, alt: cleanText(item.chart.alt), name: cleanText(`chart-${item.chart.id}`) }];
  }
  return [{ kind: 'image', layer: 'front', box: box(b.x + (b.w - w) / 2, b.y, w, h), png: item.image.png, alt: cleanText(item.chart.alt), name: cleanText(`chart-${item.chart.id}`) }];
}


function bare(hex: string): string {
  return hex.replace(/^#/, '').toUpperCase();
}
