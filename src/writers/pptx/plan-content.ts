/**
 * Content slides: choose a layout from the blocks, fit the flow by shrinking
 * from the body size to the minimum, then continue on （续） slides.
 */
import type { Citation, Section } from '../../model/document.js';
import type { Box, LayoutName, PlannedParagraph, Shape, SlidePlan, TextShape } from './plan-types.js';
import { warn, type PlanContext } from './plan-context.js';
import { buildItems, partition, placeStack, stackExtent, type FlowBlock, type FlowItem } from './plan-flow.js';
import { bandHeight, placeChartImage, placeTakeaway, type ChartItem } from './plan-chart.js';
import { fitText, linesAt, sizeRange, sourceLineText, textShape } from './plan-fit.js';
import { cleanText } from './plan-text.js';
import { notesText } from './plan-notes.js';
import { CHROME, CONTENT_BOTTOM, CONTENT_TOP, CONTENT_W, MARGIN_X, SOURCE_BOTTOM, SOURCE_LINE_MAX, box } from './geometry.js';
import type { Unnumbered } from './plan-slides.js';
import { msg } from '../../i18n/index.js';
import { LIMITS } from '../../limits.js';

/** A section would need more slides than a deck may have (planDeck reports it with the section's place). */
export class TooManySlides extends Error {}

export interface ContentInput {
  title: string;
  blocks: FlowBlock[];
  notes: Section['notes'];
  citations: Citation[];
  role: Section['role'];
}

const isText = (b: FlowBlock) => b.type === 'paragraph' || b.type === 'list' || b.type === 'heading';

/** The layout (and master) for a content section, from its role and blocks. */
export function chooseLayout(blocks: FlowBlock[], role: Section['role']): LayoutName {
  if (role === 'sources') return 'sources';
  const has = (t: FlowBlock['type']) => blocks.some((b) => b.type === t);
  const charts = blocks.filter((b) => b.type === 'chart').length;
  if (charts === 1 && blocks.some(isText) && blocks.every((b) => b.type === 'chart' || isText(b))) return 'chart-text';
  if (charts) return 'chart';
  if (has('kpis')) return 'kpis';
  if (has('table')) return 'table';
  if (has('timeline')) return 'timeline';
  if (has('columns')) return 'columns';
  if (has('callout')) return 'callout';
  return 'bullets';
}

const CHART_SHARE = 0.58;
const BALANCE_STEP = 0.2;
const SIDE_GAP = 0.4;

function sizesFor(layout: LayoutName, ctx: PlanContext): number[] {
  const s = ctx.theme.sizes;
  if (layout === 'sources') return [s.source + 5, s.source + 3, s.source + 1];
  const out: number[] = [];
  for (let v = s.body; v >= s.minBody; v--) out.push(v);
  return out.length ? out : [s.minBody];
}

interface Page {
  shapes: Shape[];
  /** A chart (or its placeholder) is on the page: figures only the chart shows are cited here. */
  hasChart: boolean;
}

const isChart = (s: Shape) => s.kind === 'image' || s.name === 'chart-missing';

/** Fill slides with items at one size; every page makes progress (a block that can never fit is dropped with a warning). */
function paginate(items: FlowItem[], area: Box, ctx: PlanContext, centre: boolean): Page[] {
  const pages: Page[] = [];
  let rest: FlowItem[] | null = items;
  while (rest && rest.length) {
    // Continuation slides are bounded, so even a megabyte of text ends soon, with a clear error.
    if (pages.length >= LIMITS.slides) throw new TooManySlides();
    const p = partition(rest, area.w, area.h, true, ctx);
    if (p.head.length === 0) {
      warn(ctx, 'pptx-overflow', msg('writer.block-dropped', { kind: rest[0].kind }));
      rest = rest.slice(1);
      continue;
    }
    const used = stackExtent(p);
    const y = centre && !p.tail && pages.length === 0 ? area.y + Math.max(0, (area.h - used) * 0.4) : area.y;
    const shapes = placeStack(p, { ...area, y }, ctx);
    pages.push({ shapes, hasChart: shapes.some(isChart) });
    rest = p.tail;
  }
  return pages;
}

function fitsOnOne(items: FlowItem[], area: Box, ctx: PlanContext): boolean {
  return partition(items, area.w, area.h, true, ctx).tail === null;
}

/** Pages for a flow layout: the largest size that fits one slide, else the minimum size over several. */
function flowPages(blocks: FlowBlock[], layout: LayoutName, area: Box, ctx: PlanContext): Page[] {
  const sizes = sizesFor(layout, ctx);
  const build = (sizePt: number) => buildItems(blocks, { sizePt, areaH: area.h, areaW: area.w }, ctx);
  const centre = layout === 'kpis' || layout === 'callout' || layout === 'timeline';
  // Warnings from trial sizes would be noise: collect them only for the size kept.
  const quiet: PlanContext = { ...ctx, warnings: [] };
  for (const s of sizes) if (fitsOnOne(buildItems(blocks, { sizePt: s, areaH: area.h, areaW: area.w }, quiet), area, quiet)) return paginate(build(s), area, ctx, centre);
  const min = sizes[sizes.length - 1];
  const count = (h: number) => {
    const trial: PlanContext = { ...ctx, warnings: [] };
    let n: number;
    try {
      n = paginate(buildItems(blocks, { sizePt: min, areaH: area.h, areaW: area.w }, trial), { ...area, h }, trial, centre).length;
    } catch (e) {
      if (e instanceof TooManySlides) return Infinity;
      throw e;
    }
    // A height that drops a block is no candidate.
    return trial.warnings.some((w) => w.code === 'pptx-overflow') ? Infinity : n;
  };
  // Balance the slides: the shortest area that needs no extra slide (14 items go 7 + 7, not 12 + 2).
  let h = area.h;
  if (!blocks.some((b) => b.type === 'chart')) {
    const n = count(area.h);
    if (Number.isFinite(n)) for (let trial = area.h - BALANCE_STEP; trial >= area.h * 0.5 && count(trial) === n; trial -= BALANCE_STEP) h = trial;
  }
  return paginate(build(min), { ...area, h }, ctx, centre);
}

/** Chart on the left, text on the right; text that does not fit continues full width. */
function chartTextPages(blocks: FlowBlock[], area: Box, ctx: PlanContext): Page[] {
  const chartBlock = blocks.find((b) => b.type === 'chart')!;
  const text = blocks.filter(isText);
  const [chartItem] = buildItems([chartBlock], { sizePt: ctx.theme.sizes.body, areaH: area.h, areaW: area.w }, ctx) as ChartItem[];
  const shapes: Shape[] = [];
  let top = area.y;
  if (chartItem.caption) {
    const t = placeTakeaway(chartItem.caption, area.x, top, area.w, ctx);
    shapes.push(...t.shapes);
    top += bandHeight(chartItem.caption, area.w);
  }
  const chartW = area.w * CHART_SHARE;
  const textArea = box(area.x + chartW + SIDE_GAP, top, area.w - chartW - SIDE_GAP, area.y + area.h - top);
  shapes.push(...placeChartImage({ ...chartItem, caption: undefined }, box(area.x, top, chartW, textArea.h), ctx));
  const sizes = sizesFor('chart-text', ctx);
  let chosen = sizes[sizes.length - 1];
  const quiet: PlanContext = { ...ctx, warnings: [] };
  for (const s of sizes) {
    if (fitsOnOne(buildItems(text, { sizePt: s, areaH: textArea.h, areaW: textArea.w }, quiet), textArea, quiet)) {
      chosen = s;
      break;
    }
  }
  const items = buildItems(text, { sizePt: chosen, areaH: textArea.h, areaW: textArea.w }, ctx);
  const p = partition(items, textArea.w, textArea.h, true, ctx);
  shapes.push(...placeStack(p, textArea, ctx));
  const pages: Page[] = [{ shapes, hasChart: true }];
  if (p.tail) pages.push(...paginate(p.tail, area, ctx, false));
  return pages;
}

function runCites(shapes: Shape[]): Citation[] {
  const paras: PlannedParagraph[] = [];
  for (const s of shapes) {
    if (s.kind === 'text') paras.push(...s.paragraphs);
    if (s.kind === 'table') for (const r of s.rows) for (const c of r) paras.push(...c.paragraphs);
  }
  return paras.flatMap((p) => p.runs.flatMap((r) => (r.cite ? [r.cite] : [])));
}

const citeKey = (c: Citation) => `${c.factId}\u0000${c.sourceId}\u0000${c.asOf}`;

/** The citations a slide shows: its runs' figures, plus (on chart slides and the first slide) figures only the charts cite. */
function slideCitations(pageShapes: Shape[], hasChart: boolean, first: boolean, section: Citation[], allRunKeys: Set<string>): Citation[] {
  const keys = new Set(runCites(pageShapes).map(citeKey));
  const own = runCites(pageShapes);
  const picked = section.filter((c) => keys.has(citeKey(c)) || ((hasChart || first) && !allRunKeys.has(citeKey(c))));
  const extra = own.filter((c) => !section.some((s) => citeKey(s) === citeKey(c)));
  const seen = new Set<string>();
  return [...picked, ...extra].filter((c) => !seen.has(citeKey(c)) && !!seen.add(citeKey(c)));
}

function sourceShape(text: string, ctx: PlanContext): { shape?: TextShape; height: number } {
  if (!text) return { height: 0 };
  const s = ctx.theme.sizes.source;
  const f = fitText(ctx, text, { w: CONTENT_W, h: 1 }, [s, s - 1], SOURCE_LINE_MAX, { color: ctx.theme.colors.secondary }, 'source line', true);
  const h = f.heightIn;
  return { shape: textShape('source-line', box(MARGIN_X, SOURCE_BOTTOM - h, CONTENT_W, h), f, 'bottom'), height: h };
}

/** One line at the heading size (or 2 pt less); else two lines, down to 20 pt; else cut. */
function titleShape(title: string, ctx: PlanContext): TextShape {
  const t = ctx.theme.sizes.title;
  const one = [t, t - 2].find((s) => linesAt(title, s, CHROME.title.w, true) <= 1);
  const sizes = one ? [one] : sizeRange(t - 2, 20);
  const f = fitText(ctx, title, CHROME.title, sizes, 2, { color: ctx.theme.colors.primary, bold: true, font: 'heading', lineFactor: 1.15 }, 'slide title');
  return textShape('title', CHROME.title, f);
}

export function planContent(input: ContentInput, ctx: PlanContext): Unnumbered[] {
  const layout = chooseLayout(input.blocks, input.role);
  // Reserve room for the section's whole source line; a slide's own line is never longer.
  const reserve = sourceShape(sourceLineText(input.citations), { ...ctx, warnings: [] }).height;
  const bottom = Math.min(CONTENT_BOTTOM, SOURCE_BOTTOM - reserve - (reserve ? 0.12 : 0));
  const area = box(MARGIN_X, CONTENT_TOP, CONTENT_W, bottom - CONTENT_TOP);
  const pages = layout === 'chart-text' ? chartTextPages(input.blocks, area, ctx) : flowPages(input.blocks, layout, area, ctx);
  if (pages.length === 0) pages.push({ shapes: [], hasChart: false });
  const allRunKeys = new Set(pages.flatMap((p) => runCites(p.shapes)).map(citeKey));
  const base = cleanText(input.title);
  return pages.map((page, i) => {
    const cites = slideCitations(page.shapes, page.hasChart, i === 0, input.citations, allRunKeys);
    const src = sourceShape(sourceLineText(cites), ctx);
    return {
      layout: i === 0 ? layout : layout === 'chart-text' ? 'bullets' : layout,
      title: titleShape(i === 0 ? base : `${base}（续）`, ctx),
      shapes: src.shape ? [...page.shapes, src.shape] : page.shapes,
      notes: i === 0 ? notesText(input.notes) : [],
      sourceLine: src.shape ? src.shape.paragraphs[0].runs.map((r) => r.text).join('') : undefined,
      continuation: i > 0,
      citations: cites,
    } satisfies Omit<SlidePlan, 'number'>;
  });
}
