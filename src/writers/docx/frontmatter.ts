/**
 * What surrounds the body: the report's cover, the
 * GB/T 9704 title block and 落款 (issuer and date), and the page-number footers.
 */
import { AlignmentType, BorderStyle, Footer, PageNumber, Paragraph, TextRun } from 'docx';
import type { DocumentMeta } from '../../model/document.js';
import { formatChineseDate, isIsoDate } from '../../format/dates.js';
import { sanitizeText } from '../../util/sanitize.js';
import type { WriteContext } from './context.js';
import { widthEm } from './measure.js';
import { LANGUAGE } from './fonts.js';
import { chars, halfPoints, textHeight, textWidth } from './preset.js';
import { COVER_LINE, STYLE } from './styles.js';

/** GB/T 9704 dates: 2025年3月20日, never zero-padded; ISO input is converted. */
export function officialDate(label: string): string {
  const s = sanitizeText(label).trim();
  if (isIsoDate(s)) return formatChineseDate(s);
  return s.replace(/(\d+)(?=[年月日])/g, (d) => String(Number(d)));
}

/** Height in twips of text set in one paragraph at an exact line height. */
function blockHeight(ctx: WriteContext, text: string, spec: { size: number; line: number }): number {
  const lines = text.split('\n').reduce((n, part) => n + Math.max(1, Math.ceil((widthEm(part) * spec.size * 20) / textWidth(ctx.preset))), 0);
  return lines * spec.line;
}

/**
 * Cover of the report preset: the title a fifth of the way down, a short rule
 * in the theme colour, issuer and date at the foot of the page. The space
 * above the foot is what the title block leaves, so a long title never
 * pushes the issuer onto a second page.
 */
export function cover(ctx: WriteContext, meta: DocumentMeta): Paragraph[] {
  const p = ctx.preset;
  const rule = ctx.theme.colors.primary.replace(/^#/, '');
  const height = textHeight(p);
  const title = sanitizeText(meta.title).trim();
  const subtitle = sanitizeText(meta.subtitle ?? '').trim();
  const issuer = sanitizeText(meta.issuer).trim();
  const date = officialDate(meta.dateLabel);

  const top = Math.round(height * 0.2);
  const ruleGap = 360;
  const titleBlockH = blockHeight(ctx, title, p.title) + (subtitle ? 240 + blockHeight(ctx, subtitle, p.subtitle) : 0) + ruleGap + COVER_LINE.line;
  const footH = blockHeight(ctx, issuer, COVER_LINE) + 120 + blockHeight(ctx, date, COVER_LINE);
  // Keep a safety line: Word and LibreOffice round line boxes differently.
  const gap = Math.max(480, height - top - titleBlockH - footH - COVER_LINE.line);
  const fits = top + titleBlockH + gap + footH <= height;

  const out: Paragraph[] = [
    new Paragraph({ style: STYLE.title, spacing: { before: fits ? top : 0 }, children: ctx.inline.text(title, { role: 'title' }) }),
  ];
  if (subtitle) out.push(new Paragraph({ style: STYLE.subtitle, spacing: { before: 240 }, children: ctx.inline.text(subtitle, { role: 'heading2' }) }));
  // A short red rule under the title block; indents shorten the paragraph border to a third of the width.
  out.push(
    new Paragraph({
      style: STYLE.coverMeta,
      spacing: { before: ruleGap },
      indent: { left: chars(p, 9), right: chars(p, 9) },
      border: { bottom: { style: BorderStyle.SINGLE, size: 18, color: rule, space: 1 } },
      children: [],
    }),
    new Paragraph({ style: STYLE.coverMeta, spacing: { before: fits ? gap : 480 }, children: ctx.inline.text(issuer) }),
    new Paragraph({ style: STYLE.coverMeta, spacing: { before: 120 }, children: ctx.inline.text(date) }),
  );
  return out;
}

/** GB/T 9704 title block: 二号小标宋 title, optional 楷体 subtitle, then one empty grid line. */
export function titleBlock(ctx: WriteContext, meta: DocumentMeta): Paragraph[] {
  const out = [new Paragraph({ style: STYLE.title, children: ctx.inline.text(meta.title, { role: 'title' }) })];
  if (meta.subtitle && sanitizeText(meta.subtitle).trim()) {
    out.push(new Paragraph({ style: STYLE.subtitle, children: ctx.inline.text(meta.subtitle, { role: 'heading2' }) }));
  }
  out.push(new Paragraph({ children: [] }));
  return out;
}

/**
 * 落款: issuer right-aligned two characters in; the date below it, its first
 * character two to the right of the issuer's (GB/T 9704 §7.3.5.1 without seal).
 */
export function signature(ctx: WriteContext, meta: DocumentMeta): Paragraph[] {
  const issuer = sanitizeText(meta.issuer).trim();
  const date = officialDate(meta.dateLabel);
  if (!issuer && !date) return [];
  const wi = widthEm(issuer);
  const wd = widthEm(date);
  const dateIndent = Math.max(2, wi - wd);
  const issuerIndent = dateIndent + wd + 2 - wi;
  // Kept together, and with the text before them (see lastParagraph): a page with only the 落款 is not allowed.
  const para = (text: string, indent: number, keepNext: boolean) =>
    new Paragraph({ style: STYLE.signature, keepNext, indent: { right: chars(ctx.preset, indent), firstLine: 0 }, children: ctx.inline.text(text) });
  return [
    new Paragraph({ keepNext: true, children: [] }),
    ...(issuer ? [para(issuer, issuerIndent, Boolean(date))] : []),
    ...(date ? [para(date, dateIndent, false)] : []),
  ];
}

/** "— 1 —" in 宋体; one character in from the outer edge when mirrored. */
function pageNumber(ctx: WriteContext, side: 'left' | 'right' | 'center'): Paragraph {
  const size = halfPoints(ctx.preset.pageNumber.size);
  const inset = chars(ctx.preset, 1, ctx.preset.pageNumber.size);
  const alignment = side === 'left' ? AlignmentType.LEFT : side === 'right' ? AlignmentType.RIGHT : AlignmentType.CENTER;
  return new Paragraph({
    style: STYLE.footer,
    alignment,
    indent: side === 'left' ? { left: inset } : side === 'right' ? { right: inset } : undefined,
    children: [
      new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: ctx.fonts.run('pageNumber'), size, language: LANGUAGE }),
    ],
  });
}

export function footers(ctx: WriteContext): { default: Footer; even?: Footer } {
  if (ctx.preset.mirroredPageNumbers) {
    return {
      default: new Footer({ children: [pageNumber(ctx, 'right')] }),
      even: new Footer({ children: [pageNumber(ctx, 'left')] }),
    };
  }
  return { default: new Footer({ children: [pageNumber(ctx, 'center')] }) };
}
