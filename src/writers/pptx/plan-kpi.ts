/** KPI cards: a row of up to four large numbers with small units, a label and a change line. */
import type { KpiItem } from '../../model/document.js';
import type { Box, PlannedParagraph, Shape } from './plan-types.js';
import { warn, type PlanContext } from './plan-context.js';
import { cleanText, layoutParas, para, run, runsFrom } from './plan-text.js';
import { LINE_PITCH, WIDTH_BUDGET, breakLines, measureStyled, truncateToWidth } from './text-layout.js';
import { box, inToPt } from './geometry.js';
import { msg } from '../../i18n/index.js';
import { partName } from './parts.js';

export const KPI_PER_ROW = 4;
const GAP = 0.3;
const PAD_X = 0.2;
const PAD_Y = 0.24;
const ACCENT_H = 0.06;
const VALUE_SIZES = [54, 48, 44, 40, 36, 32, 28, 24];
const LABEL_SIZES = [18, 16];
const CHANGE_SIZE = 15;
/** Cards are never shorter than this: a row of numbers should read as the slide's message. */
const CARD_MIN_H = 2.5;

export interface KpiRowItem {
  kind: 'kpis';
  cards: KpiItem[];
}

interface CardText {
  paras: PlannedParagraph[];
  heightIn: number;
}

function cardWidth(n: number, w: number): number {
  return (w - (n - 1) * GAP) / n;
}

/** Largest value size at which every card's number and unit fit on one line. */
function valueSize(cards: KpiItem[], innerW: number): number {
  const width = inToPt(innerW) * WIDTH_BUDGET;
  const fitsAt = (c: KpiItem, size: number) =>
    measureStyled([{ text: cleanText(c.value), sizePt: size, bold: true }, { text: ' ' + cleanText(c.unit), sizePt: unitSize(size) }]) <= width;
  const smallest = VALUE_SIZES[VALUE_SIZES.length - 1];
  // A card that fits at no size is cut anyway; it should not shrink the others.
  const fittable = cards.filter((c) => fitsAt(c, smallest));
  return VALUE_SIZES.find((size) => fittable.every((c) => fitsAt(c, size))) ?? smallest;
}

const unitSize = (valuePt: number) => Math.max(14, Math.round(valuePt * 0.42));

/** Cut text to `lines` lines of `widthPt` at `size`, warning when something is lost. */
function capped(ctx: PlanContext, text: string, size: number, bold: boolean, widthPt: number, lines: number, what: string): string {
  const { parts, truncated } = truncateToWidth([{ text, sizePt: size, bold }], Math.max(widthPt, size), lines);
  if (!truncated) return text;
  warn(ctx, 'pptx-text-truncated', msg('writer.kpi-shortened', { what: partName(what), lines, text: text.slice(0, 30) }));
  return parts.map((p) => p.text).join('');
}

function cardText(card: KpiItem, innerW: number, vSize: number, ctx: PlanContext): CardText {
  const c = ctx.theme.colors;
  const width = inToPt(innerW) * WIDTH_BUDGET;
  const uSize = unitSize(vSize);
  // Number and unit share one line: the unit gets at most 40% of it, the number the rest.
  const unit = capped(ctx, cleanText(card.unit), uSize, false, width * 0.4 - measureStyled([{ text: ' ', sizePt: uSize }]), 1, 'unit');
  const unitW = unit ? measureStyled([{ text: ' ' + unit, sizePt: uSize }]) : 0;
  const value = capped(ctx, cleanText(card.value), vSize, true, width - unitW, 1, 'value');
  const runs = [run(value, { sizePt: vSize, color: c.primary, font: 'heading', bold: true }, { cite: card.cite })];
  if (unit) runs.push(run(' ' + unit, { sizePt: uSize, color: c.primary, font: 'heading' }));
  const valuePara = para(runs, { align: 'center', lineFactor: LINE_PITCH.number });
  const labelText = cleanText(card.label);
  const labelSize = LABEL_SIZES.find((s) => breakLines([{ text: labelText, sizePt: s, bold: true }], width).length <= 2) ?? LABEL_SIZES[LABEL_SIZES.length - 1];
  const label = capped(ctx, labelText, labelSize, true, width, 2, 'label');
  const paras = [valuePara, para([run(label, { sizePt: labelSize, color: c.text, bold: true })], { align: 'center', spaceBeforePt: 10 })];
  if (card.change?.length) {
    const text = capped(ctx, card.change.map((r) => cleanText(r.text)).join(''), CHANGE_SIZE, false, width, 3, 'change line');
    const runs = text === card.change.map((r) => cleanText(r.text)).join('') ? runsFrom(card.change, { sizePt: CHANGE_SIZE, color: c.secondary }) : [run(text, { sizePt: CHANGE_SIZE, color: c.secondary })];
    paras.push(para(runs, { align: 'center', spaceBeforePt: 4 }));
  }
  return layoutParas(paras, innerW);
}

function cardsLaid(item: KpiRowItem, w: number, ctx: PlanContext): { cw: number; texts: CardText[]; cardH: number } {
  const cw = cardWidth(item.cards.length, w);
  const innerW = cw - 2 * PAD_X;
  const vSize = valueSize(item.cards, innerW);
  const texts = item.cards.map((card) => cardText(card, innerW, vSize, ctx));
  const cardH = Math.max(CARD_MIN_H, ...texts.map((t) => t.heightIn + 2 * PAD_Y + ACCENT_H));
  return { cw, texts, cardH };
}

export function measureKpis(item: KpiRowItem, w: number, ctx: PlanContext): number {
  return cardsLaid(item, w, ctx).cardH;
}

export function placeKpis(item: KpiRowItem, area: Box, ctx: PlanContext): Shape[] {
  const { cw, texts, cardH } = cardsLaid(item, area.w, ctx);
  const c = ctx.theme.colors;
  const shapes: Shape[] = [];
  texts.forEach((t, i) => {
    const x = area.x + i * (cw + GAP);
    const y = area.y;
    shapes.push({ kind: 'rect', layer: 'back', geometry: 'rect', box: box(x, y, cw, cardH), fill: c.tint, name: `kpi-card-${i + 1}` });
    shapes.push({ kind: 'rect', layer: 'back', geometry: 'rect', box: box(x, y, cw, ACCENT_H), fill: c.primary, name: `kpi-accent-${i + 1}` });
    // Same box in every card, content from the top: the numbers and labels line up across the row.
    const textH = Math.max(...texts.map((tt) => tt.heightIn));
    shapes.push({
      kind: 'text',
      layer: 'front',
      box: box(x + PAD_X, y + ACCENT_H + (cardH - ACCENT_H - textH) / 2, cw - 2 * PAD_X, textH),
      paragraphs: t.paras,
      valign: 'top',
      name: `kpi-text-${i + 1}`,
    });
  });
  return shapes;
}
