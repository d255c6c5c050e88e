/** What every block renderer needs: preset, fonts, charts, counters, warnings. */
import type { Warning } from '../../model/document.js';
import type { Theme } from '../../model/theme.js';
import type { RenderedCharts } from '../../model/rendered.js';
import { FontSet } from './fonts.js';
import { Inline } from './inline.js';
import type { Preset } from './preset.js';

export interface WriteContext {
  preset: Preset;
  theme: Theme;
  fonts: FontSet;
  inline: Inline;
  charts: RenderedCharts;
  warnings: Warning[];
  /** Running numbers of 图N and 表N. */
  counters: { figure: number; table: number };
}

export function createContext(preset: Preset, theme: Theme, charts: RenderedCharts): WriteContext {
  const fonts = new FontSet(theme.report);
  return { preset, theme, fonts, inline: new Inline(fonts), charts, warnings: [], counters: { figure: 0, table: 0 } };
}

/** Display width of text in em: CJK and full-width forms 1, everything else about half. */
export function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    const wide = (c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) ||
      (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) ||
      (c >= 0xffe0 && c <= 0xffe6) || c >= 0x1f300 || c === 0x2014 || c === 0x2026 || c === 0x201c || c === 0x201d;
    w += wide ? 1 : 0.55;
  }
  return w;
}
