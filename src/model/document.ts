/**
 * The one document model every writer consumes.
 *
 * Produced by the markdown stage from the rendered template; writers see only
 * this (never Handlebars, never the fact base). Slides follow pandoc's
 * convention: a level-1 section is a section-header slide, a level-2 section
 * is a content slide. The report writer reads the same sections as headings.
 */
import type { Text } from '../i18n/index.js';
import type { Theme } from './theme.js';
import type { ChartSpec } from './chart.js';

export type { Theme } from './theme.js';
export type { ChartSpec } from './chart.js';

/** Where a piece of the model came from, for error messages. */
export interface SourceLocation {
  file: string;
  line: number;
}

/** One cited figure: which fact, from which source, true as of when. */
export interface Citation {
  factId: string;
  sourceId: string;
  /** Human label of the source, e.g. "青岛日报，2024年3月". */
  sourceLabel: string;
  /** Date the value refers to, ISO (YYYY, YYYY-MM or YYYY-MM-DD). */
  asOf: string;
  /** The same date written the Chinese way, e.g. "2025年12月". */
  asOfLabel: string;
  /** What kind of fact: a value, a rank, a target or a dated event. */
  kind: 'value' | 'rank' | 'target' | 'milestone';
  /** Paragraph of the source article that prints the figure (1-based). */
  para: number;
  /** The figure as the source prints it, e.g. "4.6万个". */
  printed: string;
  /** Further strings of the same paragraph backing it (其他年份、连续三年 …). */
  alsoPrinted?: string[];
  /** A target's due year. */
  targetYear?: number;
  /** A rank's evaluation year. */
  evaluationYear?: number;
}

/** A run of text with simple emphasis; `cite` marks a figure from the fact base. */
export interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
  cite?: Citation;
}

export interface ParagraphBlock {
  type: 'paragraph';
  runs: Run[];
}

export interface ListItem {
  runs: Run[];
  /** 0 for top level, 1 for a nested item. */
  level: number;
}

export interface ListBlock {
  type: 'list';
  ordered: boolean;
  items: ListItem[];
}

export interface KpiItem {
  /** Formatted number, e.g. "4.6". */
  value: string;
  /** Unit shown small beside the number, e.g. "万个". */
  unit: string;
  label: string;
  /** Optional change line, e.g. "较2020年增长2.8倍". */
  change?: Run[];
  cite?: Citation;
}

export interface KpiBlock {
  type: 'kpis';
  items: KpiItem[];
}

/** One point a chart draws, with the fact it shows. */
export interface ChartFigure {
  /** Dataset label and category label of the point. */
  series: string;
  category: string;
  /** The data label drawn, e.g. "4.6万个". */
  label: string;
  cite: Citation;
}

export interface ChartBlock {
  type: 'chart';
  chart: ChartSpec;
  /** Every point drawn, cited (kept out of ChartSpec so the chart cache key stays the drawing). */
  figures?: ChartFigure[];
  /** One-line takeaway shown with the chart. */
  caption?: Run[];
}

export interface TableBlock {
  type: 'table';
  caption?: string;
  header: Run[][];
  rows: Run[][][];
  /** Column alignment from the Markdown table. */
  align: Array<'left' | 'center' | 'right'>;
}

export interface TimelineItem {
  /** Display date, e.g. "2020年4月". */
  date: string;
  runs: Run[];
}

export interface TimelineBlock {
  type: 'timeline';
  items: TimelineItem[];
}

export interface CalloutBlock {
  type: 'callout';
  blocks: Block[];
}

export interface ColumnsBlock {
  type: 'columns';
  columns: Block[][];
}

export type Block =
  | ParagraphBlock
  | ListBlock
  | KpiBlock
  | ChartBlock
  | TableBlock
  | TimelineBlock
  | CalloutBlock
  | ColumnsBlock;

export type SectionRole = 'cover' | 'agenda' | 'section' | 'content' | 'sources' | 'closing' | 'changes';

export interface Section {
  /** 1 = part (section header slide / 一、), 2 = slide (/ （一）), 3 = sub-heading. */
  level: 1 | 2 | 3;
  title: string;
  /** Role from a class on the heading (`## 目录 {.agenda}`), default by level. */
  role: SectionRole;
  blocks: Block[];
  /** Speaker notes (`::: notes`). */
  notes: Block[];
  /** Citations of every figure on this section, deduplicated, in order of first use. */
  citations: Citation[];
  loc: SourceLocation;
}

export interface SourceEntry {
  id: string;
  label: string;
  publisher: string;
  title: string;
  published: string;
  file?: string;
}

export interface DocumentMeta {
  title: string;
  subtitle?: string;
  issuer: string;
  /** As-of date of the build, ISO. */
  asOf: string;
  /** Display date, e.g. "2026年1月". */
  dateLabel: string;
  /** sha256 of the data snapshot, hex. */
  dataHash: string;
  templateName: string;
  /** Report layout preset chosen by the template. */
  reportPreset: 'report' | 'gbt9704';
  /** Append the 数据核对表 (every figure with its source and paragraph) to the report. */
  factCheckTable?: boolean;
}

export interface DocumentModel {
  meta: DocumentMeta;
  theme: Theme;
  sections: Section[];
  /** Every source cited anywhere in the document, in order of first use. */
  sources: SourceEntry[];
}

export interface Warning {
  code: string;
  /** `msg(id, params)` from the catalogue (src/i18n). */
  message: Text;
  file?: string;
  line?: number;
}

/** What every pure stage returns. */
export interface StageResult<T> {
  result: T;
  warnings: Warning[];
}
