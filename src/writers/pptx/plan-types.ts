/**
 * The slide plan: every shape positioned in inches with its exact text runs,
 * sizes and colours. Produced by the pure planner, consumed only by emit.
 */
import type { ChartSpec } from '../../model/chart.js';
import type { Block, Citation, Warning } from '../../model/document.js';

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Which theme font pair a run uses: heading (titles, numbers) or body. */
export type FontRole = 'heading' | 'body';

export interface PlannedRun {
  text: string;
  sizePt: number;
  color: string;
  bold?: boolean;
  italic?: boolean;
  font: FontRole;
  /** The cited figure this run shows; feeds the slide's source line. */
  cite?: Citation;
}

/** Bullets are drawn in the theme's primary colour (set by emit for the whole deck). */
export type Bullet = { kind: 'char'; char: string } | { kind: 'number'; startAt: number };

export interface PlannedParagraph {
  runs: PlannedRun[];
  align: 'left' | 'center' | 'right';
  /** Exact line pitch written as a:lnSpc/a:spcPts. */
  lineSpacingPt: number;
  spaceBeforePt: number;
  bullet?: Bullet;
  /** Left margin of the text, points; a bullet hangs one step (indentPt / (level + 1)) to its left. */
  indentPt: number;
  /** List nesting level (0 or 1). */
  level: number;
  /** Lines as the planner broke them (the deck lets the renderer wrap; kept for tests). */
  lines: string[];
}

/** Drawn behind content (cards, bars, rules); may sit under text, never counted as overlap. */
export type Layer = 'back' | 'front';

export interface TextShape {
  kind: 'text';
  box: Box;
  layer: Layer;
  paragraphs: PlannedParagraph[];
  valign: 'top' | 'middle' | 'bottom';
  /** Names the shape in the selection pane and in tests. */
  name: string;
  fill?: string;
}

export interface RectShape {
  kind: 'rect';
  box: Box;
  layer: Layer;
  geometry: 'rect' | 'ellipse';
  fill?: string;
  line?: { color: string; widthPt: number; dash?: 'solid' | 'dash' };
  name: string;
}

export interface ImageShape {
  kind: 'image';
  box: Box;
  layer: Layer;
  png: Buffer;
  /** Alternative text, written as the picture's descr. */
  alt: string;
  name: string;
}

/** A native, editable chart drawn from the spec (emit-chart.ts), in place of the picture. */
export interface ChartShape {
  kind: 'chart';
  box: Box;
  layer: Layer;
  spec: ChartSpec;
  /** Series palette and text greys, hex without '#'. */
  colors: { series: string[]; text: string; secondary: string; grid: string };
  alt: string;
  name: string;
}

export interface PlannedCell {
  paragraphs: PlannedParagraph[];
  fill?: string;
  valign: 'top' | 'middle';
}

export interface TableShape {
  kind: 'table';
  box: Box;
  layer: Layer;
  colW: number[];
  rowH: number[];
  rows: PlannedCell[][];
  /** Cell margins, inches (left/right, top/bottom). */
  marginX: number;
  marginY: number;
  /** Thin rule under each row. */
  ruleColor: string;
  name: string;
}

export type Shape = TextShape | RectShape | ImageShape | TableShape | ChartShape;

/** Layout chosen for a slide; each is a slide master of the same name (content ones share their chrome). */
export type LayoutName =
  | 'cover'
  | 'agenda'
  | 'section'
  | 'bullets'
  | 'columns'
  | 'chart'
  | 'chart-text'
  | 'kpis'
  | 'table'
  | 'timeline'
  | 'callout'
  | 'sources'
  | 'closing';

export interface SlidePlan {
  layout: LayoutName;
  /** The slide title, written into the master's title placeholder when it has one. */
  title?: TextShape;
  shapes: Shape[];
  /** Speaker notes, one string per paragraph. */
  notes: string[];
  /** "数据来源：…；截至…", drawn as a shape too; kept here for tests. */
  sourceLine?: string;
  /** 1-based position in the deck; shown on masters with a page number. */
  number: number;
  continuation: boolean;
  /** Facts this slide shows (what its source line names); the html writer lists them. */
  citations?: Citation[];
  /** The notes as model blocks, cited runs kept (the html writer marks their figures). */
  notesBlocks?: Block[];
}

export interface DeckPlan {
  slides: SlidePlan[];
  warnings: Warning[];
}
