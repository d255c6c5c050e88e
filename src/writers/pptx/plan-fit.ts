/** Fitting short texts that cannot continue elsewhere (titles, source lines, labels). */
import type { Citation } from '../../model/document.js';
import { compareIso } from '../../format/dates.js';
import type { FontRole, PlannedParagraph, TextShape, Box } from './plan-types.js';
import { warn, type PlanContext } from './plan-context.js';
import { TEXT_PAD, cleanText, layoutParas, para, run } from './plan-text.js';
import { LINE_PITCH, WIDTH_BUDGET, breakLines, truncateToWidth } from './text-layout.js';
import { inToPt } from './geometry.js';
import { msg } from '../../i18n/index.js';
import { partName } from './parts.js';

export interface FitStyle {
  color: string;
  bold?: boolean;
  font?: FontRole;
  align?: PlannedParagraph['align'];
  lineFactor?: number;
}

export interface Fitted {
  para: PlannedParagraph;
  sizePt: number;
  heightIn: number;
  lines: number;
}

/**
 * The largest size from `sizes` (descending) at which `text` takes at most
 * `maxLines` lines and fits the box; at the smallest size, cut with an
 * ellipsis and warn. `preferOneLine` first tries every size on one line.
 */
export function fitText(
  ctx: PlanContext,
  text: string,
  area: { w: number; h: number },
  sizes: number[],
  maxLines: number,
  style: FitStyle,
  what: string,
  preferOneLine = false,
): Fitted {
  const clean = cleanText(text);
  const width = inToPt(area.w) * WIDTH_BUDGET;
  const pitch = (size: number) => size * (style.lineFactor ?? LINE_PITCH.body);
  // Lines the box can hold at a size, never more than asked for.
  const room = (size: number) => Math.min(maxLines, Math.floor((inToPt(area.h - TEXT_PAD) + 1e-6) / pitch(size)));
  const count = (size: number, t: string) => breakLines([{ text: t, sizePt: size, bold: style.bold }], width).length;
  const make = (size: number, t: string): Fitted => {
    const laid = layoutParas([para([run(t, { sizePt: size, color: style.color, bold: style.bold, font: style.font })], { align: style.align, lineFactor: style.lineFactor })], area.w);
    return { para: laid.paras[0], sizePt: size, heightIn: laid.heightIn, lines: laid.paras[0].lines.length };
  };
  if (preferOneLine) for (const s of sizes) if (room(s) >= 1 && count(s, clean) <= 1) return make(s, clean);
  for (const s of sizes) if (count(s, clean) <= room(s)) return make(s, clean);
  const smallest = sizes[sizes.length - 1];
  const cut = truncateToWidth([{ text: clean, sizePt: smallest, bold: style.bold }], width, Math.max(1, room(smallest)));
  warn(ctx, 'pptx-text-truncated', msg('writer.text-shortened', { what: partName(what), text: clean.slice(0, 30) }));
  return make(smallest, cut.parts.map((p) => p.text).join(''));
}

/** Lines `text` takes at a size in a box width (inches). */
export function linesAt(text: string, sizePt: number, widthIn: number, bold = false): number {
  return breakLines([{ text: cleanText(text), sizePt, bold }], inToPt(widthIn) * WIDTH_BUDGET).length;
}

export function textShape(name: string, b: Box, f: Fitted, valign: TextShape['valign'] = 'middle'): TextShape {
  return { kind: 'text', layer: 'front', box: b, paragraphs: [f.para], valign, name };
}

/** Descending sizes from `max` to `min` in steps of 2 pt (and `min` itself). */
export function sizeRange(max: number, min: number): number[] {
  const out: number[] = [];
  for (let s = max; s > min; s -= 2) out.push(s);
  out.push(min);
  return out;
}

/** "数据来源：A；B；截至2025年12月" from citations; empty when there are none. */
export function sourceLineText(cites: Citation[]): string {
  if (cites.length === 0) return '';
  const labels: string[] = [];
  for (const c of cites) {
    const l = cleanText(c.sourceLabel).trim();
    if (l && !labels.includes(l)) labels.push(l);
  }
  const latest = cites.reduce((a, b) => (compareIso(b.asOf, a.asOf) > 0 ? b : a));
  const asOf = cleanText(latest.asOfLabel).trim();
  return `数据来源：${[...labels, ...(asOf ? [`截至${asOf}`] : [])].join('；')}`;
}
