/**
 * Page geometry and type sizes of the two report presets. All lengths in
 * twips (1/20 pt), all font sizes in points.
 */
import type { DocumentMeta } from '../../model/document.js';

export type PresetName = DocumentMeta['reportPreset'];

export interface TextStyleSpec {
  size: number;
  /** Exact line height in twips. */
  line: number;
}

export interface Preset {
  name: PresetName;
  page: { width: number; height: number };
  margin: { top: number; bottom: number; left: number; right: number; header: number; footer: number };
  /**
   * w:docGrid line pitch, recorded for Word's page setup. No character grid:
   * LibreOffice gives a 16 pt character two cells of a 15.79 pt grid (14 per
   * line); exact line spacing plus `charSpacing` gives 22 × 28 everywhere.
   */
  linePitch?: number;
  /** Character spacing (twips, negative = condensed) of body-size text, to fit 28 characters per line. */
  charSpacing?: number;
  body: TextStyleSpec;
  title: TextStyleSpec;
  subtitle: TextStyleSpec;
  heading: [TextStyleSpec, TextStyleSpec, TextStyleSpec];
  /** Space before a level-1/2 heading (twips); 0 keeps the 22-line grid. */
  headingSpaceBefore: [number, number, number];
  caption: TextStyleSpec;
  sourceNote: TextStyleSpec;
  table: TextStyleSpec;
  /** Entries of the sources annex. */
  annex: TextStyleSpec;
  footnote: TextStyleSpec;
  pageNumber: { size: number };
  /** Cover page, table of contents, numbered-section page numbering from 1 after them. */
  frontMatter: boolean;
  /** Odd pages right, even pages left (GB/T 9704); otherwise centred. */
  mirroredPageNumbers: boolean;
  /** Level-3 heading run into its first paragraph ("1.……。正文"). */
  runInLevel3: boolean;
  /** Issuer and date at the end of the body (落款). */
  signature: boolean;
  /** Three-line table (三线表) rather than a full grid. */
  threeLineTables: boolean;
}

const A4 = { width: 11906, height: 16838 };

/** 1 mm in twips. */
export const MM = 1440 / 25.4;

/**
 * GB/T 9704-2012: 156 × 225 mm type area, 3号 仿宋 on 22 lines of 28 characters.
 * 22 × 579 = 12738 twips fits the 12756-twip type area.
 */
export const GBT9704: Preset = {
  name: 'gbt9704',
  page: A4,
  // Footer placed so the page number's top sits about 7 mm below the type area.
  margin: { top: 2098, bottom: 1984, left: 1588, right: 1474, header: 851, footer: 1425 },
  linePitch: 579,
  // 156 mm / 28 = 15.79 pt per character: 16 pt condensed by 0.25 pt gives 28 × 15.75 = 441 pt.
  charSpacing: -5,
  body: { size: 16, line: 579 },
  title: { size: 22, line: 579 },
  subtitle: { size: 16, line: 579 },
  heading: [
    { size: 16, line: 579 },
    { size: 16, line: 579 },
    { size: 16, line: 579 },
  ],
  headingSpaceBefore: [0, 0, 0],
  caption: { size: 14, line: 579 },
  sourceNote: { size: 12, line: 360 },
  table: { size: 12, line: 400 },
  annex: { size: 16, line: 579 },
  footnote: { size: 12, line: 320 },
  pageNumber: { size: 14 },
  frontMatter: false,
  mirroredPageNumbers: true,
  runInLevel3: true,
  signature: true,
  threeLineTables: false,
};

/** A printed 汇报材料 with cover and contents: the same type area, 四号 body. */
export const REPORT: Preset = {
  name: 'report',
  page: A4,
  margin: { top: 1701, bottom: 1644, left: 1588, right: 1474, header: 851, footer: 992 },
  body: { size: 14, line: 540 },
  title: { size: 26, line: 720 },
  subtitle: { size: 18, line: 480 },
  heading: [
    { size: 16, line: 600 },
    { size: 15, line: 560 },
    { size: 14, line: 540 },
  ],
  headingSpaceBefore: [240, 120, 0],
  caption: { size: 12, line: 400 },
  sourceNote: { size: 9, line: 260 },
  table: { size: 10.5, line: 320 },
  annex: { size: 12, line: 400 },
  footnote: { size: 9, line: 240 },
  pageNumber: { size: 12 },
  frontMatter: true,
  mirroredPageNumbers: false,
  runInLevel3: false,
  signature: false,
  threeLineTables: true,
};

export function presetFor(name: PresetName): Preset {
  return name === 'gbt9704' ? GBT9704 : REPORT;
}

/** Width of the type area in twips. */
export function textWidth(p: Preset): number {
  return p.page.width - p.margin.left - p.margin.right;
}

export function textHeight(p: Preset): number {
  return p.page.height - p.margin.top - p.margin.bottom;
}

/** Half-points, as w:sz wants them. */
export function halfPoints(pt: number): number {
  return Math.round(pt * 2);
}

/** Width of `n` characters of the body font, in twips. */
export function chars(p: Preset, n: number, sizePt = p.body.size): number {
  return Math.round(n * sizePt * 20);
}
