/** The slides with their own design: cover, agenda (目录), section header, closing. */
import type { DocumentModel, Section } from '../../model/document.js';
import type { Shape, SlidePlan } from './plan-types.js';
import { GREY, type PlanContext } from './plan-context.js';
import { fitText, sizeRange, textShape } from './plan-fit.js';
import { cleanText, plainText } from './plan-text.js';
import { notesText } from './plan-notes.js';
import { AGENDA, CLOSING, COVER, SECTION } from './masters.js';
import { box } from './geometry.js';

/** A slide before the deck numbers it. */
export type Unnumbered = Omit<SlidePlan, 'number'>;

function firstParagraph(section: Section): string | undefined {
  const p = section.blocks.find((b) => b.type === 'paragraph');
  return p && p.type === 'paragraph' ? plainText(p.runs) : undefined;
}

export function planCover(section: Section, doc: DocumentModel, ctx: PlanContext): Unnumbered {
  const c = ctx.theme.colors;
  const s = ctx.theme.sizes;
  const title = fitText(ctx, section.title || doc.meta.title, COVER.title, sizeRange(s.coverTitle + 4, 28), 2, {
    color: c.primary,
    bold: true,
    font: 'heading',
    align: 'center',
    lineFactor: 1.2,
  }, 'cover title');
  const shapes: Shape[] = [];
  const subtitle = doc.meta.subtitle ?? firstParagraph(section);
  if (subtitle?.trim()) {
    const f = fitText(ctx, subtitle, COVER.subtitle, [24, 22, 20, 18], 2, { color: c.secondary, align: 'center' }, 'cover subtitle');
    shapes.push(textShape('subtitle', COVER.subtitle, f, 'top'));
  }
  const issuer = fitText(ctx, doc.meta.issuer, COVER.issuer, [22, 20, 18], 1, { color: GREY.white, bold: true, align: 'center', font: 'heading' }, 'issuer');
  const date = fitText(ctx, doc.meta.dateLabel, COVER.date, [18, 16], 1, { color: c.tint, align: 'center' }, 'date');
  // An unset issuer or date line leaves its place empty: no office nobody chose.
  if (cleanText(doc.meta.issuer).trim()) shapes.push(textShape('issuer', COVER.issuer, issuer));
  if (cleanText(doc.meta.dateLabel).trim()) shapes.push(textShape('date', COVER.date, date));
  return { layout: 'cover', title: textShape('title', COVER.title, title), shapes, notes: notesText(section.notes), continuation: false };
}

/** Agenda entries: the section's first list, else the titles of the part (level-1) sections. */
function agendaEntries(section: Section, doc: DocumentModel): string[] {
  const list = section.blocks.find((b) => b.type === 'list');
  if (list && list.type === 'list') return list.items.filter((i) => i.level === 0).map((i) => plainText(i.runs));
  return doc.sections.filter((x) => x.level === 1 && x.role === 'section').map((x) => cleanText(x.title));
}

const AGENDA_ROW_MIN = 0.56;
const AGENDA_ROW_MAX = 0.95;

export function planAgenda(section: Section, doc: DocumentModel, ctx: PlanContext): Unnumbered[] {
  const c = ctx.theme.colors;
  const entries = agendaEntries(section, doc);
  const perSlide = Math.floor(AGENDA.list.h / AGENDA_ROW_MIN);
  const slides: Unnumbered[] = [];
  for (let start = 0; start === 0 || start < entries.length; start += perSlide) {
    const chunk = entries.slice(start, start + perSlide);
    const heading = start ? `${cleanText(section.title)}（续）` : section.title;
    const title = fitText(ctx, heading, AGENDA.title, sizeRange(40, 24), 2, { color: GREY.white, bold: true, font: 'heading', lineFactor: 1.15 }, 'agenda title');
    const rowH = Math.min(AGENDA_ROW_MAX, AGENDA.list.h / Math.max(chunk.length, 1));
    const y0 = AGENDA.list.y + (AGENDA.list.h - rowH * chunk.length) / 2;
    const shapes: Shape[] = [];
    chunk.forEach((text, i) => {
      const y = y0 + i * rowH;
      const sq = Math.min(0.6, rowH - 0.12);
      const numBox = box(AGENDA.list.x, y + (rowH - sq) / 2, sq, sq);
      shapes.push({ kind: 'rect', layer: 'back', geometry: 'rect', box: numBox, fill: c.primary, name: `agenda-mark-${i + 1}` });
      const num = fitText(ctx, String(start + i + 1).padStart(2, '0'), numBox, [20, 18, 16], 1, { color: GREY.white, bold: true, font: 'heading', align: 'center', lineFactor: 1.1 }, 'agenda number');
      shapes.push(textShape(`agenda-number-${i + 1}`, numBox, num));
      const textBox = box(AGENDA.list.x + sq + 0.3, y + 0.04, AGENDA.list.w - sq - 0.3, rowH - 0.08);
      const lines = rowH >= 0.9 ? 2 : 1;
      const f = fitText(ctx, text, textBox, [24, 22, 20, 18], lines, { color: c.text, bold: true, font: 'heading', lineFactor: 1.15 }, 'agenda entry', true);
      shapes.push(textShape(`agenda-entry-${i + 1}`, textBox, f));
      if (i < chunk.length - 1) shapes.push({ kind: 'rect', layer: 'back', geometry: 'rect', box: box(textBox.x, y + rowH - 0.005, textBox.w, 0.01), fill: GREY.faint, name: `agenda-rule-${i + 1}` });
    });
    slides.push({ layout: 'agenda', title: textShape('title', AGENDA.title, title), shapes, notes: start ? [] : notesText(section.notes), continuation: start > 0 });
  }
  return slides;
}

/**
 * A part's header slide. A single short paragraph under the heading becomes
 * its lead line; anything else is returned for content slides of its own.
 */
export function planSectionHeader(section: Section, index: number, ctx: PlanContext): { slide: Unnumbered; rest: Section['blocks'] } {
  const c = ctx.theme.colors;
  const title = fitText(ctx, section.title, SECTION.title, sizeRange(40, 28), 2, { color: GREY.white, bold: true, font: 'heading', lineFactor: 1.2 }, 'section title');
  const number = fitText(ctx, String(index).padStart(2, '0'), SECTION.number, [72, 60, 48], 1, { color: c.accent, bold: true, font: 'heading', align: 'center', lineFactor: 1.1 }, 'section number');
  const shapes: Shape[] = [textShape('section-number', SECTION.number, number)];
  let rest = section.blocks;
  const only = section.blocks.length === 1 ? section.blocks[0] : undefined;
  if (only?.type === 'paragraph') {
    const f = fitText(ctx, plainText(only.runs), SECTION.lead, [20], 3, { color: c.tint }, 'section lead');
    if (f.lines <= 2) {
      shapes.push(textShape('section-lead', SECTION.lead, f, 'top'));
      rest = [];
    }
  }
  return { slide: { layout: 'section', title: textShape('title', SECTION.title, title), shapes, notes: notesText(section.notes), continuation: false }, rest };
}

export function planClosing(section: Section, doc: DocumentModel, ctx: PlanContext): Unnumbered {
  const c = ctx.theme.colors;
  const title = fitText(ctx, section.title || '谢谢！请批评指正', CLOSING.title, sizeRange(ctx.theme.sizes.coverTitle + 4, 28), 2, {
    color: GREY.white,
    bold: true,
    font: 'heading',
    align: 'center',
    lineFactor: 1.2,
  }, 'closing title');
  const issuer = fitText(ctx, doc.meta.issuer, CLOSING.issuer, [20, 18], 1, { color: GREY.white, align: 'center' }, 'issuer');
  const date = fitText(ctx, doc.meta.dateLabel, CLOSING.date, [18, 16], 1, { color: c.tint, align: 'center' }, 'date');
  return {
    layout: 'closing',
    title: textShape('title', CLOSING.title, title),
    shapes: [...(cleanText(doc.meta.issuer).trim() ? [textShape('issuer', CLOSING.issuer, issuer)] : []), ...(cleanText(doc.meta.dateLabel).trim() ? [textShape('date', CLOSING.date, date)] : [])],
    notes: notesText(section.notes),
    continuation: false,
  };
}
