/**
 * 数据核对表: an appendix listing every figure of the report, section by
 * section, with the fact behind it, its date, its source and the paragraph,
 * for the colleague who checks the numbers against the articles. Built from
 * the lineage (a pure function of the model). The header row repeats on
 * every page; widths are fixed shares of the text width.
 */
import { AlignmentType, BorderStyle, Paragraph, Table, TableCell, TableLayoutType, TableRow, VerticalAlignTable, WidthType, type IBorderOptions } from 'docx';
import type { DocumentModel } from '../../model/document.js';
import { buildLineage, type LineageFigure } from '../../lineage/index.js';
import { formatChineseDate } from '../../format/dates.js';
import type { WriteContext } from './context.js';
import { textWidth } from './preset.js';
import { headingParagraph } from './sections.js';
import { STYLE } from './styles.js';

export const FACT_TABLE_TITLE = '数据核对表';
const HEADER = ['序号', '文中写法', '数据时间', '来源', '段落', '事实编号'];
/** Shares of the text width; the ids are long ASCII and wrap at their hyphens. */
const SHARES = [0.07, 0.2, 0.14, 0.25, 0.1, 0.24];

export interface FactRow {
  shown: string;
  /** The source's own wording, when it differs from ours. */
  printed?: string;
  date: string;
  source: string;
  para: string;
  factId: string;
}

export interface FactGroup {
  title: string;
  rows: FactRow[];
}

/** [n] of the sources annex (numbered in doc.sources order), publisher and date: the full title is in that list. */
function row(f: LineageFigure, sourceNumbers: Map<string, number>): FactRow {
  const src = f.source;
  const published = /^\d{4}(-\d{2}){0,2}$/.test(src.published) ? formatChineseDate(src.published) : src.published;
  const n = sourceNumbers.get(src.id);
  const due = f.targetYear ? `（目标年${f.targetYear}年）` : f.evaluationYear ? `（${f.evaluationYear}年度评价）` : '';
  return {
    shown: f.shown || '（未直接写出）',
    ...(f.printed && f.printed !== f.shown ? { printed: f.printed } : {}),
    date: `${f.asOfLabel}${due}`,
    source: `${n ? `[${n}] ` : ''}${[src.publisher, n ? '' : src.title && `《${src.title}》`, published].filter(Boolean).join('，')}`,
    para: f.para > 0 ? `第${f.para}段` : '',
    factId: f.factId,
  };
}

/** Every figure by section, in reading order; one row per fact and wording in a section. */
export function factTableGroups(doc: DocumentModel): FactGroup[] {
  const lineage = buildLineage(doc).result;
  const sourceNumbers = new Map(doc.sources.map((src, i) => [src.id, i + 1]));
  return lineage.sections.flatMap((s) => {
    if (s.role === 'cover' || s.role === 'sources') return [];
    const seen = new Set<string>();
    const rows = s.figures.flatMap((f) => {
      const key = `${f.factId}\u0000${f.shown}`;
      if (seen.has(key)) return [];
      seen.add(key);
      return [row(f, sourceNumbers)];
    });
    return rows.length ? [{ title: s.title, rows }] : [];
  });
}

export function factTableAnnex(ctx: WriteContext, doc: DocumentModel): Array<Paragraph | Table> {
  const groups = factTableGroups(doc);
  if (!groups.length) return [];
  const total = textWidth(ctx.preset);
  const widths = SHARES.map((s) => Math.floor(s * total));
  widths[widths.length - 1] += total - widths.reduce((a, b) => a + b, 0);
  const thin: IBorderOptions = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  const paragraph = (text: string, opts: { header?: boolean; bold?: boolean; center?: boolean } = {}) =>
    new Paragraph({
      style: STYLE.tableText,
      alignment: opts.center ? AlignmentType.CENTER : AlignmentType.LEFT,
      children: ctx.inline.text(text, { role: opts.header || opts.bold ? 'heading1' : 'body' }),
    });
  const cell = (children: Paragraph[], width: number, span = 1, shade = false) =>
    new TableCell({
      width: { size: width, type: WidthType.DXA },
      columnSpan: span > 1 ? span : undefined,
      verticalAlign: VerticalAlignTable.CENTER,
      margins: { top: 30, bottom: 30, left: 80, right: 80 },
      shading: shade ? { fill: 'F2F2F2', color: 'auto', type: 'clear' } : undefined,
      children,
    });
  const rows: TableRow[] = [new TableRow({ tableHeader: true, cantSplit: true, children: HEADER.map((h, i) => cell([paragraph(h, { header: true, center: true })], widths[i], 1, true)) })];
  let n = 0;
  for (const g of groups) {
    rows.push(new TableRow({ cantSplit: true, children: [cell([paragraph(g.title, { bold: true })], total, HEADER.length)] }));
    for (const r of g.rows) {
      n += 1;
      const shown = [paragraph(r.shown), ...(r.printed ? [paragraph(`原文：${r.printed}`)] : [])];
      const cells = [[paragraph(String(n), { center: true })], shown, [paragraph(r.date)], [paragraph(r.source)], [paragraph(r.para, { center: true })], [paragraph(r.factId)]];
      rows.push(new TableRow({ cantSplit: true, children: cells.map((c, i) => cell(c, widths[i])) }));
    }
  }
  const table = new Table({
    rows,
    width: { size: total, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    alignment: AlignmentType.CENTER,
    borders: { top: thin, bottom: thin, left: thin, right: thin, insideHorizontal: thin, insideVertical: thin },
  });
  const intro = new Paragraph({ children: ctx.inline.text('下表按章节列出本材料中的每个数字、数据时间及其出处，供核对使用；来源栏的编号即资料来源中的编号，段落按原文非空行计数。') });
  const heading =
    ctx.preset.frontMatter
      ? headingParagraph(ctx, 1, FACT_TABLE_TITLE)
      : new Paragraph({ style: STYLE.title, pageBreakBefore: true, children: ctx.inline.text(FACT_TABLE_TITLE, { role: 'title' }) });
  return [heading, intro, table];
}
