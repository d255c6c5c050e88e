/** Timeline: dates above a horizontal axis, a node per event, the event text below. */
import type { TimelineItem } from '../../model/document.js';
import type { Box, PlannedParagraph, Shape } from './plan-types.js';
import { GREY, type PlanContext } from './plan-context.js';
import { layoutParas, para, run, runsFrom } from './plan-text.js';
import { fitText, linesAt } from './plan-fit.js';
import { LINE_PITCH } from './text-layout.js';
import { box } from './geometry.js';

/** More events than this go on further slides; each column must stay readable. */
export const TIMELINE_PER_SLIDE = 6;
const DATE_GAP = 0.12;
const NODE = 0.26;
const TEXT_GAP = 0.18;
const COL_PAD = 0.1;
const MIN_DATE_SIZE = 14;

export interface TimelineFlowItem {
  kind: 'timeline';
  dates: PlannedParagraph[];
  texts: PlannedParagraph[];
}

export function buildTimeline(entries: TimelineItem[], sizePt: number, ctx: PlanContext): TimelineFlowItem {
  const c = ctx.theme.colors;
  return {
    kind: 'timeline',
    dates: entries.map((e) => para([run(e.date, { sizePt: sizePt + 2, color: c.primary, font: 'heading', bold: true })], { align: 'center', lineFactor: LINE_PITCH.heading })),
    texts: entries.map((e) => para(runsFrom(e.runs, { sizePt, color: c.text }), { align: 'center' })),
  };
}

/** Split events into balanced chunks of at most TIMELINE_PER_SLIDE. */
export function chunkTimeline(entries: TimelineItem[]): TimelineItem[][] {
  const parts = Math.ceil(entries.length / TIMELINE_PER_SLIDE);
  const size = Math.ceil(entries.length / Math.max(parts, 1));
  const out: TimelineItem[][] = [];
  for (let i = 0; i < entries.length; i += size) out.push(entries.slice(i, i + size));
  return out;
}

/** Dates share one size: the largest at which every date fits one line, else the smallest on two lines. */
function fitDates(item: TimelineFlowItem, inner: number, ctx: PlanContext) {
  const texts = item.dates.map((d) => d.runs.map((r) => r.text).join(''));
  const base = item.dates[0]?.runs[0]?.sizePt ?? 20;
  const sizes = [base, base - 2, base - 4].filter((s) => s >= MIN_DATE_SIZE);
  if (!sizes.includes(MIN_DATE_SIZE)) sizes.push(MIN_DATE_SIZE);
  const one = sizes.find((s) => texts.every((t) => linesAt(t, s, inner, true) <= 1));
  const style = { color: ctx.theme.colors.primary, bold: true, font: 'heading' as const, align: 'center' as const, lineFactor: LINE_PITCH.heading };
  return texts.map((t) => fitText(ctx, t, { w: inner, h: 2 }, [one ?? MIN_DATE_SIZE], one ? 1 : 2, style, 'timeline date'));
}

function laid(item: TimelineFlowItem, w: number, ctx: PlanContext) {
  const colW = w / Math.max(item.dates.length, 1);
  const inner = colW - 2 * COL_PAD;
  const dates = fitDates(item, inner, ctx).map((f) => ({ paras: [f.para], heightIn: f.heightIn }));
  const texts = item.texts.map((t) => layoutParas([t], inner));
  const dateH = Math.max(...dates.map((d) => d.heightIn));
  const textH = Math.max(...texts.map((t) => t.heightIn));
  return { colW, dates, texts, dateH, textH };
}

export function measureTimeline(item: TimelineFlowItem, w: number, ctx: PlanContext): number {
  const l = laid(item, w, ctx);
  return l.dateH + DATE_GAP + NODE + TEXT_GAP + l.textH;
}

export function placeTimeline(item: TimelineFlowItem, area: Box, ctx: PlanContext): Shape[] {
  const l = laid(item, area.w, ctx);
  const c = ctx.theme.colors;
  const axisY = area.y + l.dateH + DATE_GAP + NODE / 2;
  const first = area.x + l.colW / 2;
  const last = area.x + l.colW * (item.dates.length - 0.5);
  const shapes: Shape[] = [
    { kind: 'rect', layer: 'back', geometry: 'rect', box: box(first, axisY - 0.015, Math.max(last - first, 0.01), 0.03), fill: c.accent, name: 'timeline-axis' },
  ];
  item.dates.forEach((_, i) => {
    const x = area.x + i * l.colW;
    const cx = x + l.colW / 2;
    shapes.push({ kind: 'text', layer: 'front', box: box(x + COL_PAD, area.y, l.colW - 2 * COL_PAD, l.dateH), paragraphs: l.dates[i].paras, valign: 'bottom', name: `timeline-date-${i + 1}` });
    shapes.push({
      kind: 'rect',
      layer: 'back',
      geometry: 'ellipse',
      box: box(cx - NODE / 2, axisY - NODE / 2, NODE, NODE),
      fill: c.primary,
      line: { color: GREY.white, widthPt: 2 },
      name: `timeline-node-${i + 1}`,
    });
    shapes.push({
      kind: 'text',
      layer: 'front',
      box: box(x + COL_PAD, axisY + NODE / 2 + TEXT_GAP, l.colW - 2 * COL_PAD, l.textH),
      paragraphs: l.texts[i].paras,
      valign: 'top',
      name: `timeline-text-${i + 1}`,
    });
  });
  return shapes;
}

/** The same events as paragraphs ("2020年4月　…"), for a timeline too tall to draw. */
export function timelineAsParagraphs(entries: TimelineItem[], sizePt: number, ctx: PlanContext): PlannedParagraph[] {
  const c = ctx.theme.colors;
  return entries.map((e, i) =>
    para([run(e.date + '　', { sizePt, color: c.primary, bold: true }), ...runsFrom(e.runs, { sizePt, color: c.text })], {
      spaceBeforePt: i === 0 ? 0 : Math.round(sizePt * 0.5),
    }),
  );
}
