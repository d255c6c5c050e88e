/** What every block renderer needs: preset, fonts, charts, counters, warnings. */
import type { Block, Warning } from '../../model/document.js';
import type { Theme } from '../../model/theme.js';
import type { RenderedCharts } from '../../model/rendered.js';
import { FontSet } from './fonts.js';
import { Inline } from './inline.js';
import type { Preset } from './preset.js';
import { TocRecorder } from './toc.js';
import { RawXml } from './raw-xml.js';

export interface WriteContext {
  preset: Preset;
  theme: Theme;
  fonts: FontSet;
  inline: Inline;
  charts: RenderedCharts;
  warnings: Warning[];
  /** Running numbers of 图N and 表N. */
  counters: { figure: number; table: number };
  /** Paragraph blocks to keep with what follows (the last one before a 落款, which must not stand alone on a page). */
  keepWithNext: Set<Block>;
  /** Headings written so far, for the table of contents. */
  toc: TocRecorder;
  /** Blocks written as XML text (see raw-xml.ts). */
  raw: RawXml;
}

export function createContext(preset: Preset, theme: Theme, charts: RenderedCharts): WriteContext {
  const fonts = new FontSet(theme.report);
  return { preset, theme, fonts, inline: new Inline(fonts), charts, warnings: [], counters: { figure: 0, table: 0 }, keepWithNext: new Set(), toc: new TocRecorder(), raw: new RawXml() };
}
