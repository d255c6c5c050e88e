/**
 * Tables: column widths from the content, row heights from real line breaks,
 * split between rows (header repeated) and, for a row taller than a slide,
 * inside the row.
 */
import type { TableBlock } from '../../model/document.js';
import type { Box, PlannedCell, PlannedParagraph, Shape } from './plan-types.js';
import { GREY, type PlanContext } from './plan-context.js';
import { layoutLines, layoutParas, para, runsFrom, splitParas } from './plan-text.js';
import { fitText } from './plan-fit.js';
import { WIDTH_BUDGET, longestUnbreakable, measureStyled } from './text-layout.js';
import { box, ptToIn } from './geometry.js';

const MARGIN_X = 0.1;
const MARGIN_Y = 0.06;
const CAPTION_GAP = 0.08;

export interface TableFlowItem {
  kind: 'table';
  caption?: PlannedParagraph;
  header: PlannedParagraph[];
  rows: PlannedParagraph[][];
  align: Array<'left' | 'center' | 'right'>;
  /** Column widths as fractions of the table width, fixed once a table is split so its parts line up. */
  fractions?: number[];
}

/** A header taller than this is cut (a header row repeats on every part of a split table). */
const MAX_HEADER_LINES = 3;

export function buildTable(t: TableBlock, sizePt: number, areaW: number, ctx: PlanContext): TableFlowItem {
  const c = ctx.theme.colors;
  const n = Math.max(t.header.length, ...t.rows.map((r) => r.length), 1);
  const align = Array.from({ length: n }, (_, i) => t.align[i] ?? 'left');
  const cell = (runs: TableBlock['header'][number] | undefined, head: boolean, i: number) =>
    para(runsFrom(runs ?? [], { sizePt, color: head ? GREY.white : c.text, bold: head }), { align: align[i] });
  const captionSize = Math.max(sizePt - 2, 12);
  const item: TableFlowItem = {
    kind: 'table',
    caption: t.caption?.trim()
      ? fitText(ctx, t.caption, { w: areaW, h: 1 }, [captionSize], 2, { color: c.secondary, bold: true }, 'table caption').para
      : undefined,
    header: Array.from({ length: n }, (_, i) => cell(t.header[i], true, i)),
    rows: t.rows.map((r) => Array.from({ length: n }, (_, i) => cell(r[i], false, i))),
    align,
  };
  // Fix the column widths now, then cut header cells that would take more than a few lines at them.
  const colW = columnWidths(item, areaW);
  item.fractions = colW.map((v) => v / areaW);
  item.header = item.header.map((h, i) => {
    const inner = colW[i] - 2 * MARGIN_X;
    if (layoutLines(h, inner).length <= MAX_HEADER_LINES) return h;
    const f = fitText(ctx, h.runs.map((r) => r.text).join(''), { w: inner, h: 10 }, [sizePt], MAX_HEADER_LINES, { color: GREY.white, bold: true, align: h.align }, 'table header');
    return f.para;
  });
  return item;
}

const styled = (p: PlannedParagraph) => p.runs.map((r) => ({ text: r.text, sizePt: r.sizePt, bold: r.bold }));

/** Column widths (inches) filling `w`: proportional to the natural widths, never under the longest word. */
export function columnWidths(item: TableFlowItem, w: number): number[] {
  if (item.fractions) return item.fractions.map((f) => f * w);
  const all = [item.header, ...item.rows];
  const n = item.header.length;
  const pad = 2 * MARGIN_X;
  const nat = Array.from({ length: n }, (_, i) => Math.max(...all.map((r) => ptToIn(measureStyled(styled(r[i])) / WIDTH_BUDGET))) + pad);
  // CJK breaks between any two characters, so the longest unbreakable run can be one
  // character wide; keep every column at least ~5 characters (or its natural width).
  const floor = (i: number) => Math.min(nat[i], ptToIn((5 * (item.header[i]?.runs[0]?.sizePt ?? 16)) / WIDTH_BUDGET) + pad);
  const min = Array.from({ length: n }, (_, i) =>
    Math.min(Math.max(floor(i), ...all.map((r) => ptToIn(longestUnbreakable(styled(r[i])) / WIDTH_BUDGET) + pad)), w / n),
  );
  const natSum = nat.reduce((a, b) => a + b, 0);
  if (natSum <= w) return nat.map((v) => v + ((w - natSum) * v) / natSum);
  let cols = nat.map((v, i) => Math.max(min[i], (w * v) / natSum));
  for (let pass = 0; pass < 8; pass++) {
    const excess = cols.reduce((a, b) => a + b, 0) - w;
    if (excess <= 1e-6) break;
    const flexible = cols.map((v, i) => v - min[i]);
    const flexSum = flexible.reduce((a, b) => a + b, 0);
    if (flexSum <= 1e-6) {
      cols = cols.map((v) => (v * w) / (w + excess));
      break;
    }
    cols = cols.map((v, i) => v - (excess * flexible[i]) / flexSum);
  }
  return cols;
}

/** Height of a row; over `limit`, any height over it (a long cell is laid out only that far). */
function rowHeight(cells: PlannedParagraph[], colW: number[], limit = Infinity): number {
  return Math.max(...cells.map((p, i) => layoutParas([p], colW[i] - 2 * MARGIN_X, limit - 2 * MARGIN_Y).heightIn)) + 2 * MARGIN_Y;
}

function captionHeight(item: TableFlowItem, w: number): number {
  return item.caption ? layoutParas([item.caption], w).heightIn + CAPTION_GAP : 0;
}

export function measureTable(item: TableFlowItem, w: number, limit = Infinity): number {
  const colW = columnWidths(item, w);
  let h = captionHeight(item, w);
  for (const r of [item.header, ...item.rows]) {
    h += rowHeight(r, colW, limit - h);
    if (h > limit) break;
  }
  return h;
}

export function placeTable(item: TableFlowItem, area: Box, ctx: PlanContext): Shape[] {
  const colW = columnWidths(item, area.w);
  const shapes: Shape[] = [];
  let y = area.y;
  if (item.caption) {
    const laid = layoutParas([item.caption], area.w);
    shapes.push({ kind: 'text', layer: 'front', box: box(area.x, y, area.w, laid.heightIn), paragraphs: laid.paras, valign: 'top', name: 'table-caption' });
    y += laid.heightIn + CAPTION_GAP;
  }
  const all = [item.header, ...item.rows];
  const rowH = all.map((r) => rowHeight(r, colW));
  const c = ctx.theme.colors;
  const rows: PlannedCell[][] = all.map((r, ri) =>
    r.map((p, ci) => ({
      paragraphs: layoutParas([p], colW[ci] - 2 * MARGIN_X).paras,
      fill: ri === 0 ? c.primary : ri % 2 === 0 ? c.tint : undefined,
      valign: 'middle' as const,
    })),
  );
  const h = rowH.reduce((a, b) => a + b, 0);
  shapes.push({
    kind: 'table',
    layer: 'front',
    box: box(area.x, y, area.w, h),
    colW,
    rowH,
    rows,
    marginX: MARGIN_X,
    marginY: MARGIN_Y,
    ruleColor: GREY.rule,
    name: 'table',
  });
  return shapes;
}

/**
 * Rows that fit in `h` (with the header); the rest continue with the header
 * repeated and no caption. When no body row fits and `force` is set (empty
 * slide), the first row is cut between lines.
 */
export function splitTable(item: TableFlowItem, w: number, h: number, force: boolean): { head: TableFlowItem | null; tail: TableFlowItem | null } {
  const colW = columnWidths(item, w);
  item = { ...item, fractions: colW.map((v) => v / w) };
  let used = captionHeight(item, w) + rowHeight(item.header, colW);
  let k = 0;
  while (k < item.rows.length) {
    const rh = rowHeight(item.rows[k], colW, h - used);
    if (used + rh > h) break;
    used += rh;
    k++;
  }
  const rest = { ...item, caption: undefined };
  if (k > 0) return { head: { ...item, rows: item.rows.slice(0, k) }, tail: k < item.rows.length ? { ...rest, rows: item.rows.slice(k) } : null };
  if (!force || item.rows.length === 0) return { head: null, tail: item };
  // Cut the first row: every cell keeps what fits in the remaining height.
  const room = h - used - 2 * MARGIN_Y;
  const parts = item.rows[0].map((p, i) => splitParas([p], colW[i] - 2 * MARGIN_X, room));
  if (parts.every((p) => p.head.length === 0)) return { head: null, tail: item };
  const first = parts.map((p, i) => p.head[0] ?? { ...item.rows[0][i], runs: [] });
  const second = parts.map((p, i) => p.tail[0] ?? { ...item.rows[0][i], runs: [] });
  const hasRest = parts.some((p) => p.tail.length > 0);
  return {
    head: { ...item, rows: [first] },
    tail: hasRest || item.rows.length > 1 ? { ...rest, rows: [...(hasRest ? [second] : []), ...item.rows.slice(1)] } : null,
  };
}
