/**
 * 数据核对表: an appendix listing every figure of the report, section by
 * section, with the fact behind it, its date, its source and the paragraph,
 * for the colleague who checks the numbers against the articles. Built from
 * the lineage (a pure function of the model). The header row repeats on
 * every page; widths are fixed shares of the text width.
 */
import { Paragraph, type Table } from 'docx';
import type { DocumentModel } from '../../model/document.js';
import { buildLineage, type LineageFigure } from '../../lineage/index.js';
import { formatChineseDate } from '../../format/dates.js';
import type { WriteContext } from './context.js';
import { textWidth } from './preset.js';
import { headingParagraph } from './sections.js';
import { STYLE } from './styles.js';
import { runProperties, textRuns } from './raw-xml.js';
import { escapeXml } from '../xml.js';

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
  const table = ctx.raw.block(factTableXml(ctx, groups));
  const intro = new Paragraph({ children: ctx.inline.text('下表按章节列出本材料中的每个数字、数据时间及其出处，供核对使用；来源栏的编号即资料来源中的编号，段落按原文非空行计数。') });
  const heading =
    ctx.preset.frontMatter
      ? headingParagraph(ctx, 1, FACT_TABLE_TITLE)
      : new Paragraph({ style: STYLE.title, pageBreakBefore: true, children: ctx.inline.text(FACT_TABLE_TITLE, { role: 'title' }) });
  return [heading, intro, table];
}

/**
 * The table as WordprocessingML, written directly (raw-xml.ts): the XML docx
 * wrote for it, element for element, at a fraction of the cost. Thin single
 * borders, a shaded header row that repeats on every page, rows that never
 * split across pages, fixed column widths.
 */
export function factTableXml(ctx: WriteContext, groups: FactGroup[]): string {
  const total = textWidth(ctx.preset);
  const widths = SHARES.map((s) => Math.floor(s * total));
  widths[widths.length - 1] += total - widths.reduce((a, b) => a + b, 0);
  const bodyRun = runProperties(ctx.fonts.run('body'));
  const headRun = runProperties(ctx.fonts.run('heading1'));
  const style = escapeXml(STYLE.tableText);
  const paragraph = (text: string, rPr: string, center = false) =>
    `<w:p><w:pPr><w:pStyle w:val="${style}"/><w:jc w:val="${center ? 'center' : 'left'}"/></w:pPr>${textRuns(text, rPr)}</w:p>`;
  const margins = '<w:tcMar><w:top w:type="dxa" w:w="30"/><w:left w:type="dxa" w:w="80"/><w:bottom w:type="dxa" w:w="30"/><w:right w:type="dxa" w:w="80"/></w:tcMar>';
  const cell = (paragraphs: string, width: number, span = 1, shade = false) =>
    `<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="${width}"/>${span > 1 ? `<w:gridSpan w:val="${span}"/>` : ''}` +
    `${shade ? '<w:shd w:fill="F2F2F2" w:color="auto" w:val="clear"/>' : ''}${margins}<w:vAlign w:val="center"/></w:tcPr>${paragraphs}</w:tc>`;
  const row = (cells: string, header = false) => `<w:tr><w:trPr><w:cantSplit/>${header ? '<w:tblHeader/>' : ''}</w:trPr>${cells}</w:tr>`;
  const thin = 'w:val="single" w:color="000000" w:sz="4"';

  const out: string[] = [
    `<w:tbl><w:tblPr><w:tblW w:type="dxa" w:w="${total}"/><w:jc w:val="center"/><w:tblBorders>` +
      ['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map((side) => `<w:${side} ${thin}/>`).join('') +
      '</w:tblBorders><w:tblLayout w:type="fixed"/></w:tblPr><w:tblGrid>' +
      widths.map((w) => `<w:gridCol w:w="${w}"/>`).join('') +
      '</w:tblGrid>',
    row(HEADER.map((h, i) => cell(paragraph(h, headRun, true), widths[i], 1, true)).join(''), true),
  ];
  let n = 0;
  for (const g of groups) {
    out.push(row(cell(paragraph(g.title, headRun), total, HEADER.length)));
    for (const r of g.rows) {
      n += 1;
      const shown = paragraph(r.shown, bodyRun) + (r.printed ? paragraph(`原文：${r.printed}`, bodyRun) : '');
      const cells = [paragraph(String(n), bodyRun, true), shown, paragraph(r.date, bodyRun), paragraph(r.source, bodyRun), paragraph(r.para, bodyRun, true), paragraph(r.factId, bodyRun)];
      out.push(row(cells.map((c, i) => cell(c, widths[i])).join('')));
    }
  }
  out.push('</w:tbl>');
  return out.join('');
}
