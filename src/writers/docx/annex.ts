/**
 * The sources annex from doc.sources, numbered [1] [2] … in order of first
 * use. The report preset ends with it as an unnumbered chapter (listed in the
 * TOC); GB/T 9704 announces it under the body (附件：资料来源) and sets it on a
 * new page headed 附件, as an attachment to an official document is set.
 */
import { Paragraph } from 'docx';
import { headingParagraph } from './sections.js';
import type { SourceEntry } from '../../model/document.js';
import { formatChineseDate } from '../../format/dates.js';
import { sanitizeText } from '../../util/sanitize.js';
import type { WriteContext } from './context.js';
import { STYLE } from './styles.js';

export const DEFAULT_ANNEX_TITLE = '资料来源';

export function sourceLine(entry: SourceEntry): string {
  const publisher = sanitizeText(entry.publisher).trim();
  const title = sanitizeText(entry.title).trim();
  const label = sanitizeText(entry.label).trim();
  const published = sanitizeText(entry.published).trim();
  const date = /^\d{4}(-\d{2}){0,2}$/.test(published) ? formatChineseDate(published) : published;
  const parts: string[] = [];
  if (publisher) parts.push(publisher);
  if (title) parts.push(`《${title.replace(/^《|》$/g, '')}》`);
  else if (label && label !== publisher) parts.push(label);
  if (date) parts.push(date);
  return parts.length > 0 ? `${parts.join('，')}。` : sanitizeText(entry.id);
}

function entries(ctx: WriteContext, sources: SourceEntry[]): Paragraph[] {
  return sources.map((s, i) => new Paragraph({ style: STYLE.annexEntry, children: ctx.inline.text(`[${i + 1}]　${sourceLine(s)}`) }));
}

/** Report preset: an unnumbered level-1 chapter. */
export function reportAnnex(ctx: WriteContext, sources: SourceEntry[], title = DEFAULT_ANNEX_TITLE): Paragraph[] {
  if (sources.length === 0) return [];
  return [headingParagraph(ctx, 1, sanitizeText(title).trim() || DEFAULT_ANNEX_TITLE), ...entries(ctx, sources)];
}

/** GB/T 9704: the 附件说明 line that goes under the body, before the 落款. */
export function annexNotice(ctx: WriteContext, sources: SourceEntry[], title = DEFAULT_ANNEX_TITLE): Paragraph[] {
  if (sources.length === 0) return [];
  return [new Paragraph({ keepNext: true, children: [] }), new Paragraph({ keepNext: true, children: ctx.inline.text(`附件：${title}`) })];
}

/** GB/T 9704: the attachment itself, on a new page: 附件 top left in 黑体, the title centred. */
export function officialAnnex(ctx: WriteContext, sources: SourceEntry[], title = DEFAULT_ANNEX_TITLE): Paragraph[] {
  if (sources.length === 0) return [];
  return [
    new Paragraph({ style: STYLE.annexLabel, pageBreakBefore: true, children: ctx.inline.text('附件', { role: 'heading1' }) }),
    new Paragraph({ children: [] }),
    new Paragraph({ style: STYLE.title, children: ctx.inline.text(title, { role: 'title' }) }),
    new Paragraph({ children: [] }),
    ...entries(ctx, sources),
  ];
}
