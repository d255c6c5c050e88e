/**
 * Estimated page of each heading, for the TOC's pre-filled page numbers.
 *
 * docx ships a page-layout engine, but it takes about a second a page on Chinese
 * text; this walks the model instead, with the heights the presets define
 * (exact line spacing, so a line is a known height), counting lines at one em
 * per CJK character, keeping headings with their next lines, figures and
 * table rows whole, and footnotes at the foot of their page. Word's "Update
 * Table" replaces the numbers with exact ones.
 */
import type { Block, DocumentModel, Run } from '../../model/document.js';
import type { WriteContext } from './context.js';
import { fitToText } from './figures.js';
import { widthEm } from './measure.js';
import { chars, textHeight, textWidth, type TextStyleSpec } from './preset.js';
import { columnWidths, type TableInput } from './tables.js';
import type { TocEntry } from './toc.js';
import { sourceLine } from './annex.js';
import { FACT_TABLE_TITLE, factTableGroups } from './fact-table.js';
import { kpiTable } from './blocks.js';

interface Item {
  /** Heights of the lines, in twips. */
  lines: number[];
  before: number;
  after: number;
  /** Height of the footnotes the item brings to its page. */
  notes: number;
  /** Never split across pages (figures, table rows). */
  whole: boolean;
  /** Stays on the page of what follows (headings, captions above tables). */
  keepNext: boolean;
  /** Index of the TOC entry this item is the heading of. */
  entry?: number;
}

const total = (it: Item) => it.before + it.lines.reduce((a, b) => a + b, 0) + it.after;

/** Footnote separator and its spacing, in twips. */
const SEPARATOR = 400;

export function estimatePages(ctx: WriteContext, doc: DocumentModel, entries: TocEntry[]): number[] {
  const items = layoutItems(ctx, doc, entries);
  const height = textHeight(ctx.preset);
  const pages: number[] = [];
  let page = 1;
  let used = 0;
  let notes = 0;
  const room = () => height - used - notes;
  const noteCost = (h: number) => (h > 0 ? h + (notes === 0 ? SEPARATOR : 0) : 0);
  const newPage = () => {
    page += 1;
    used = 0;
    notes = 0;
  };

  items.forEach((it, i) => {
    const next = items[i + 1];
    let need = total(it) + noteCost(it.notes + (it.keepNext && next ? next.notes : 0));
    if (it.keepNext && next) need += next.whole ? total(next) : next.before + next.lines.slice(0, 2).reduce((a, b) => a + b, 0);
    if ((it.whole || it.keepNext) && need > room() && used > 0 && need <= height) newPage();
    if (it.entry !== undefined) pages[it.entry] = page;
    if (it.whole || it.keepNext) {
      notes += noteCost(it.notes);
      used += total(it);
      while (used + notes > height) {
        used -= height;
        page += 1;
        notes = 0;
      }
      return;
    }
    // A paragraph flows line by line; its footnotes take room on the page of its first line.
    used += it.before;
    notes += noteCost(it.notes);
    let onPage = 0;
    it.lines.forEach((h, li) => {
      if (h > room() && used > 0) {
        // Widow/orphan control: a single line never stays behind alone.
        const carry = onPage === 1 && li > 0 ? it.lines[li - 1] : 0;
        newPage();
        used += carry;
        onPage = carry ? 1 : 0;
      }
      used += h;
      onPage += 1;
    });
    used += it.after;
  });
  return pages;
}

/** Lines of text in a width (twips), CJK at one em; the first line is shorter by its indent. */
function lineCount(text: string, size: number, width: number, firstIndent = 0, spacing = 0): number {
  const ems = widthEm(text);
  const len = ems * size * 20 + [...text].length * spacing;
  if (len + firstIndent <= width) return 1;
  return 1 + Math.ceil((len - (width - firstIndent)) / Math.max(width, 1));
}

function layoutItems(ctx: WriteContext, doc: DocumentModel, entries: TocEntry[]): Item[] {
  const p = ctx.preset;
  const width = textWidth(p);
  const items: Item[] = [];
  const spacing = p.charSpacing ?? 0;

  const para = (text: string, spec: TextStyleSpec, opts: Partial<Item> & { indent?: number; left?: number; notes?: number } = {}): Item => {
    const n = lineCount(text, spec.size, width - (opts.left ?? 0), opts.indent ?? chars(p, 2), spec.size === p.body.size ? spacing : 0);
    return { lines: Array(n).fill(spec.line), before: opts.before ?? 0, after: opts.after ?? 0, notes: opts.notes ?? 0, whole: opts.whole ?? false, keepNext: opts.keepNext ?? false };
  };
  const footnotes = (runs: Run[]): number => {
    const seen = new Set<string>();
    let h = 0;
    for (const r of runs) {
      if (!r.cite) continue;
      const key = `${r.cite.sourceId}\u0000${r.cite.asOf}`;
      if (seen.has(key)) continue;
      seen.add(key);
      h += lineCount(ctx.inline.footnoteText(r.cite), p.footnote.size, width, 0) * p.footnote.line;
    }
    return h;
  };
  const text = (runs: Run[]) => runs.map((r) => r.text).join('');

  const table = (input: TableInput) => {
    const widths = columnWidths(ctx, input, Math.max(input.header.length, ...input.rows.map((r) => r.length), 1));
    const row = (cells: Run[][]) => {
      const lines = Math.max(1, ...cells.map((c, i) => lineCount(text(c), p.table.size, (widths[i] ?? width) - 200, 0)));
      return { h: lines * p.table.line + 100, notes: cells.reduce((a, c) => a + footnotes(c), 0) };
    };
    const caption = para('表1　' + (input.caption ?? ''), p.caption, { indent: 0, before: p.name === 'report' ? 160 : 0, keepNext: true });
    const rows = [...(input.header.length ? [input.header] : []), ...input.rows].map(row);
    const [first, ...rest] = rows;
    items.push({ ...caption, lines: [...caption.lines, first?.h ?? 0], notes: first?.notes ?? 0, whole: true, keepNext: false });
    for (const r of rest) items.push({ lines: [r.h], before: 0, after: 0, notes: r.notes, whole: true, keepNext: false });
    items.push(para('', p.sourceNote, { indent: 0, after: 120 }));
  };

  const block = (b: Block): void => {
    switch (b.type) {
      case 'paragraph':
        items.push(para(text(b.runs), p.body, { notes: footnotes(b.runs) }));
        return;
      case 'list':
        for (const it of b.items) items.push(para(`（1）${text(it.runs)}`, p.body, { left: it.level > 0 ? chars(p, 2) : 0, notes: footnotes(it.runs) }));
        return;
      case 'timeline':
        for (const it of b.items) items.push(para(`${it.date}　${text(it.runs)}`, p.body, { notes: footnotes(it.runs) }));
        return;
      case 'kpis':
        table(kpiTable(b));
        return;
      case 'table':
        table(b);
        return;
      case 'chart': {
        const image = ctx.charts.get(b.chart.id);
        const img = image?.page ?? image?.slide;
        const h = img ? fitToText(ctx, img).height * 15 : width * 0.6;
        const lead = b.caption?.length ? para(text(b.caption), p.body, { notes: footnotes(b.caption) }) : undefined;
        const notes = [b.chart.sourceNote, ...(b.chart.footnotes ?? [])].filter((s) => s.trim());
        const lines = [...(lead?.lines ?? []), h + 180, p.caption.line, ...notes.map(() => p.sourceNote.line + 120)];
        items.push({ lines, before: 0, after: 0, notes: lead?.notes ?? 0, whole: true, keepNext: false });
        return;
      }
      case 'callout':
        b.blocks.forEach(block);
        return;
      case 'columns':
        b.columns.flat().forEach(block);
        return;
    }
  };

  const heading = (i: number) => {
    const e = entries[i];
    items.push({ ...para(e.title, p.heading[e.level - 1], { before: p.headingSpaceBefore[e.level - 1], keepNext: true }), entry: i });
  };
  for (const s of doc.sections) {
    if (s.role === 'cover' || s.role === 'agenda' || s.role === 'sources') continue;
    const i = entries.findIndex((e) => e.section === s);
    if (i >= 0) heading(i);
    s.blocks.forEach(block);
  }
  // Entries of no section: the sources annex, then the 数据核对表 (about two table lines a row).
  entries.forEach((e, i) => {
    if (e.section) return;
    heading(i);
    if (e.title === FACT_TABLE_TITLE) {
      for (const g of factTableGroups(doc)) for (let k = 0; k <= g.rows.length; k++) items.push({ lines: [p.table.line, p.table.line], before: 0, after: 0, notes: 0, whole: true, keepNext: false });
      return;
    }
    for (const src of doc.sources) items.push(para(sourceLine(src), p.annex, { indent: 0, left: chars(p, 2) }));
  });
  return items;
}
