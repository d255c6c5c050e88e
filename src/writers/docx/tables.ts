/**
 * Tables with a numbered caption above (表N, Chinese practice puts 表题 above
 * and 图题 below). The report preset draws a three-line table (三线表); the
 * GB/T 9704 preset a full single-line grid, as official documents do.
 */
import {
  AlignmentType,
  BorderStyle,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  VerticalAlignTable,
  WidthType,
  type IBorderOptions,
} from 'docx';
import type { Run } from '../../model/document.js';
import { sanitizeText } from '../../util/sanitize.js';
import type { WriteContext } from './context.js';
import { widthEm } from './measure.js';
import { simpleField } from './fields.js';
import { textWidth } from './preset.js';
import { STYLE } from './styles.js';

export type Align = 'left' | 'center' | 'right';

const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const;

/** "表3　标题" with a SEQ field holding its number, so Word renumbers after edits. */
export function captionParagraph(ctx: WriteContext, kind: '图' | '表', n: number, title: string, keepNext: boolean): Paragraph {
  const text = sanitizeText(title).trim();
  return new Paragraph({
    style: STYLE.caption,
    keepNext,
    // A table caption needs air above it; a figure caption sits under its image. GB/T 9704 stays on its line grid.
    spacing: kind === '表' && ctx.preset.name === 'report' ? { before: 160 } : undefined,
    children: [
      ...ctx.inline.text(kind, { role: 'heading1' }),
      simpleField(`SEQ ${kind} \\* ARABIC`, ctx.inline.text(String(n), { role: 'heading1' })),
      ...(text ? ctx.inline.text(`　${text}`, { role: 'heading1' }) : []),
    ],
  });
}

export interface TableInput {
  caption?: string;
  header: Run[][];
  rows: Run[][][];
  align: Align[];
}

export function renderTable(ctx: WriteContext, input: TableInput): Array<Paragraph | Table> {
  const columns = Math.max(input.header.length, ...input.rows.map((r) => r.length), 1);
  ctx.counters.table += 1;
  const caption = captionParagraph(ctx, '表', ctx.counters.table, input.caption ?? '', true);
  const widths = columnWidths(ctx, input, columns);
  const lines = borders(ctx);

  const cell = (runs: Run[] | undefined, col: number, header: boolean) =>
    new TableCell({
      width: { size: widths[col], type: WidthType.DXA },
      verticalAlign: VerticalAlignTable.CENTER,
      margins: { top: 40, bottom: 40, left: 100, right: 100 },
      borders: header && ctx.preset.threeLineTables ? { bottom: lines.rule } : undefined,
      children: [
        new Paragraph({
          style: STYLE.tableText,
          alignment: header ? AlignmentType.CENTER : ALIGN[input.align[col] ?? 'left'],
          keepNext: header,
          children: ctx.inline.runs(runs ?? [], new Set(), { role: header ? 'heading1' : 'body' }),
        }),
      ],
    });

  const rows: TableRow[] = [];
  if (input.header.length > 0) {
    rows.push(new TableRow({ tableHeader: true, cantSplit: true, children: pad(input.header, columns).map((c, i) => cell(c, i, true)) }));
  }
  for (const row of input.rows) {
    rows.push(new TableRow({ cantSplit: true, children: pad(row, columns).map((c, i) => cell(c, i, false)) }));
  }
  if (rows.length === 0) rows.push(new TableRow({ children: [cell([], 0, false)] }));

  const table = new Table({
    rows,
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    alignment: AlignmentType.CENTER,
    borders: lines.table,
  });
  // An empty paragraph after the table keeps two adjacent tables apart and gives the next text air.
  const after = new Paragraph({ style: STYLE.sourceNote, children: [] });
  return [caption, table, after];
}

function pad(cells: Run[][], n: number): Run[][] {
  return Array.from({ length: n }, (_, i) => cells[i] ?? []);
}

function borders(ctx: WriteContext) {
  const none: IBorderOptions = { style: BorderStyle.NONE, size: 0, color: 'auto' };
  const thin: IBorderOptions = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  const thick: IBorderOptions = { style: BorderStyle.SINGLE, size: 12, color: '000000' };
  if (ctx.preset.threeLineTables) {
    return {
      table: { top: thick, bottom: thick, left: none, right: none, insideHorizontal: none, insideVertical: none },
      rule: { style: BorderStyle.SINGLE, size: 6, color: '000000' } as IBorderOptions,
    };
  }
  return { table: { top: thin, bottom: thin, left: thin, right: thin, insideHorizontal: thin, insideVertical: thin }, rule: thin };
}

/**
 * Column widths from the widest cell of each column, scaled to fill the text
 * width; a column never gets less than three characters.
 */
export function columnWidths(ctx: WriteContext, input: TableInput, columns: number): number[] {
  const total = textWidth(ctx.preset);
  const charTw = ctx.preset.table.size * 20;
  const natural = Array.from({ length: columns }, (_, i) => {
    const cells = [input.header[i], ...input.rows.map((r) => r[i])].filter(Boolean) as Run[][];
    const widest = Math.max(2, ...cells.map((c) => widthEm(c.map((r) => r.text).join(''))));
    // Long text wraps: past 16 characters the column just asks for more share.
    return Math.min(widest, 16) + 1.5;
  });
  const minTw = 3 * charTw;
  if (columns * minTw >= total) return spread(Array(columns).fill(Math.floor(total / columns)), total);
  const sum = natural.reduce((a, b) => a + b, 0);
  const widths = natural.map((w) => Math.max(minTw, Math.floor((w / sum) * total)));
  // Columns raised to the minimum take their excess from the widest one.
  const over = widths.reduce((a, b) => a + b, 0) - total;
  if (over > 0) widths[widths.indexOf(Math.max(...widths))] -= over;
  return spread(widths, total);
}

/** Rounding leaves a few twips: the last column takes them, so the table spans the text width exactly. */
function spread(widths: number[], total: number): number[] {
  widths[widths.length - 1] += total - widths.reduce((a, b) => a + b, 0);
  return widths;
}
