/**
 * Blocks of the model → paragraphs and tables. Slide-only shapes become
 * prose: KPI cards a small table, a timeline dated paragraphs, columns one
 * after the other.
 */
import { BorderStyle, Paragraph, ShadingType, type Table } from 'docx';
import type { Block, KpiBlock, ListBlock, Run, SourceLocation, TimelineBlock } from '../../model/document.js';
import type { WriteContext } from './context.js';
import { renderChart } from './figures.js';
import { chars } from './preset.js';
import { STYLE } from './styles.js';
import { renderTable, type TableInput } from './tables.js';
import { msg } from '../../i18n/index.js';

export type BodyChild = Paragraph | Table;

export function renderBlocks(ctx: WriteContext, blocks: Block[], loc: SourceLocation): BodyChild[] {
  return blocks.flatMap((b) => renderBlock(ctx, b, loc));
}

export function renderBlock(ctx: WriteContext, block: Block, loc: SourceLocation): BodyChild[] {
  switch (block.type) {
    case 'paragraph':
      return [new Paragraph({ keepNext: ctx.keepWithNext.has(block) || undefined, children: ctx.inline.runs(block.runs, new Set()) })];
    case 'list':
      return renderList(ctx, block);
    case 'kpis':
      return renderTable(ctx, kpiTable(block));
    case 'chart':
      return renderChart(ctx, block, loc);
    case 'table':
      return renderTable(ctx, block);
    case 'timeline':
      return renderTimeline(ctx, block);
    case 'callout':
      return renderCallout(ctx, block.blocks, loc);
    case 'columns':
      return block.columns.flatMap((col) => renderBlocks(ctx, col, loc));
    default: {
      const unknown: never = block;
      ctx.warnings.push({ code: 'docx-unknown-block', message: msg('writer.unknown-block', { type: JSON.stringify((unknown as { type?: unknown }).type) }), file: loc.file, line: loc.line });
      return [];
    }
  }
}

/**
 * Official texts have no bullets: an unordered item is its own indented
 * paragraph; ordered items are numbered （1） and ①.
 */
function renderList(ctx: WriteContext, block: ListBlock): Paragraph[] {
  const counters = [0, 0];
  return block.items.map((item) => {
    const level = item.level > 0 ? 1 : 0;
    counters[level] += 1;
    if (level === 0) counters[1] = 0;
    const prefix = block.ordered ? (level === 0 ? `（${counters[0]}）` : circled(counters[1])) : '';
    const prefixRuns: Run[] = prefix ? [{ text: prefix }] : [];
    return new Paragraph({
      indent: level > 0 ? { left: chars(ctx.preset, 2), firstLine: chars(ctx.preset, 2) } : undefined,
      children: ctx.inline.runs([...prefixRuns, ...item.runs], new Set()),
    });
  });
}

function circled(n: number): string {
  return n >= 1 && n <= 20 ? String.fromCodePoint(0x2460 + n - 1) : `（${n}）`;
}

/** KPI cards → 指标 | 数值 | 变化 table; the value carries the citation. */
export function kpiTable(block: KpiBlock): TableInput {
  const hasChange = block.items.some((k) => k.change && k.change.length > 0);
  const header: Run[][] = [[{ text: '指标' }], [{ text: '数值' }], ...(hasChange ? [[{ text: '变化情况' }]] : [])];
  const rows = block.items.map((k) => {
    const value: Run = { text: `${k.value}${k.unit}`, cite: k.cite };
    return [[{ text: k.label }], [value], ...(hasChange ? [k.change ?? []] : [])];
  });
  return { caption: '主要指标', header, rows, align: ['left', 'right', ...(hasChange ? (['left'] as const) : [])] };
}

/** A timeline reads as dated paragraphs: "2020年4月　……". */
function renderTimeline(ctx: WriteContext, block: TimelineBlock): Paragraph[] {
  return block.items.map(
    (item) =>
      new Paragraph({
        children: ctx.inline.runs([{ text: item.date, bold: true }, { text: '　' }, ...item.runs], new Set()),
      }),
  );
}

/**
 * A callout: 楷体 paragraphs; the report preset adds a tinted box with a rule
 * in the theme colour, GB/T 9704 stays black on white.
 */
function renderCallout(ctx: WriteContext, blocks: Block[], loc: SourceLocation): BodyChild[] {
  const boxed = ctx.preset.name === 'report';
  const colour = ctx.theme.colors.primary.replace(/^#/, '');
  const tint = ctx.theme.colors.tint.replace(/^#/, '');
  return blocks.flatMap((b): BodyChild[] => {
    if (b.type !== 'paragraph') return renderBlock(ctx, b, loc);
    return [
      new Paragraph({
        style: STYLE.callout,
        border: boxed ? { left: { style: BorderStyle.SINGLE, size: 24, color: colour, space: 8 } } : undefined,
        shading: boxed ? { type: ShadingType.CLEAR, fill: tint, color: 'auto' } : undefined,
        children: ctx.inline.runs(b.runs, new Set(), { role: 'heading2' }),
      }),
    ];
  });
}
