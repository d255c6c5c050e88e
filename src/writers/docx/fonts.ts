/**
 * East Asian font settings for runs and styles. Word picks the font per
 * character range, so every run names its CJK font in w:eastAsia and says
 * hint="eastAsia" (ambiguous marks such as “—” then use the CJK font too).
 */
import type { ReportFonts } from '../../model/theme.js';
import { sanitizeText } from '../../util/sanitize.js';

export type FontRole = 'body' | 'title' | 'heading1' | 'heading2' | 'heading3' | 'pageNumber';

export interface RunFont {
  ascii: string;
  hAnsi: string;
  eastAsia: string;
  cs: string;
  hint: 'eastAsia';
}

/** Language of every run: Latin text en-US, CJK zh-CN (turns on Chinese line-breaking rules). */
export const LANGUAGE = { value: 'en-US', eastAsia: 'zh-CN' } as const;

export class FontSet {
  constructor(private readonly fonts: ReportFonts) {}

  /** Fonts for a role; Latin letters and digits in the theme's Latin font. */
  run(role: FontRole): RunFont {
    const east = clean(this.fonts[role], 'SimSun');
    // GB/T 9704 wants half-width 宋体 digits in page numbers, not the Latin body font.
    const latin = role === 'pageNumber' ? east : clean(this.fonts.latin, 'Times New Roman');
    return { ascii: latin, hAnsi: latin, eastAsia: east, cs: latin, hint: 'eastAsia' };
  }
}

/** Font names land in attributes: sanitise, and never write an empty name. */
function clean(name: string | undefined, fallback: string): string {
  const s = sanitizeText(name ?? '').trim();
  return s || fallback;
}
