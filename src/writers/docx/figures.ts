/**
 * A chart as a figure: the rendered page image at the text width, its alt
 * text, a numbered caption below (图N + title) and the source line.
 */
import { createHash } from 'node:crypto';
import { ImageRun, Paragraph } from 'docx';
import type { ChartBlock, SourceLocation } from '../../model/document.js';
import type { RenderedImage } from '../../model/rendered.js';
import { WriterError } from '../../errors.js';
import { sanitizeText } from '../../util/sanitize.js';
import type { WriteContext } from './context.js';
import { textHeight, textWidth } from './preset.js';
import { STYLE } from './styles.js';
import { captionParagraph } from './tables.js';
import { msg } from '../../i18n/index.js';

/** Twips per CSS pixel (docx sizes images in 96-dpi pixels). */
const TWIPS_PER_PX = 15;
/** A figure may take at most this share of the type area's height, so caption and text fit beside it. */
const MAX_HEIGHT_SHARE = 0.6;

export function renderChart(ctx: WriteContext, block: ChartBlock, loc: SourceLocation): Paragraph[] {
  const chart = block.chart;
  const image = pickImage(ctx, chart.id, loc);
  const out: Paragraph[] = [];

  if (block.caption && block.caption.length > 0) {
    out.push(new Paragraph({ keepNext: true, children: ctx.inline.runs(block.caption, new Set()) }));
  }

  const { width, height } = fitToText(ctx, image);
  ctx.counters.figure += 1;
  const n = ctx.counters.figure;
  const title = sanitizeText(chart.title).trim();
  out.push(
    new Paragraph({
      style: STYLE.figure,
      children: [
        pngRun(image.png, {
          transformation: { width, height },
          altText: {
            id: String(n),
            name: `图${n}`,
            title: title || `图${n}`,
            description: sanitizeText(chart.alt).trim() || title,
          },
        }),
      ],
    }),
  );
  const note = sanitizeText(chart.sourceNote).trim();
  const footnotes = (chart.footnotes ?? []).map((f) => sanitizeText(f).trim()).filter(Boolean);
  out.push(captionParagraph(ctx, '图', n, title, Boolean(note) || footnotes.length > 0));
  const notes = [...footnotes.map((f) => (/^注/.test(f) ? f : `注：${f}`)), ...(note ? [note] : [])];
  notes.forEach((text, i) => {
    out.push(
      new Paragraph({
        style: STYLE.sourceNote,
        keepNext: i < notes.length - 1,
        // Centred under the figure, matching the caption.
        alignment: 'center',
        children: ctx.inline.text(text, { color: '404040' }),
      }),
    );
  });
  return out;
}

interface PngRunOptions {
  transformation: { width: number; height: number };
  altText: { id: string; name: string; title: string; description: string };
}

/**
 * docx keys an image by a SHA-1 of its bytes computed in JavaScript (a third
 * of the report writer's time for six charts). It is handed node's native
 * SHA-1 of the PNG as a stand-in instead, and the PNG afterwards: the key only
 * tells images apart (identical ones share a media part, as before), and the
 * part is named imageN.png either way, so the package is byte for byte the same.
 */
function pngRun(png: Buffer, options: PngRunOptions): ImageRun {
  const standIn = createHash('sha1').update(png).digest();
  const run = new ImageRun({ ...options, type: 'png', data: standIn });
  const media = (run as unknown as { imageData?: { data?: unknown } }).imageData;
  // Another docx version may keep its media elsewhere: then let it hash the PNG itself.
  if (media?.data !== standIn) return new ImageRun({ ...options, type: 'png', data: png });
  media.data = png;
  return run;
}

function pickImage(ctx: WriteContext, id: string, loc: SourceLocation): RenderedImage {
  const rendered = ctx.charts.get(id);
  if (rendered?.page) return rendered.page;
  if (rendered?.slide) {
    ctx.warnings.push({
      code: 'docx-chart-slide-image',
      message: msg('writer.docx-slide-image', { id }),
      file: loc.file,
      line: loc.line,
    });
    return rendered.slide;
  }
  throw new WriterError([
    { file: loc.file, line: loc.line, message: msg('writer.chart-not-rendered', { id }), hint: msg('writer.chart-not-rendered-hint') },
  ]);
}

/** Pixel size at the text width, keeping the image's aspect ratio; very tall charts shrink to fit the page. */
export function fitToText(ctx: WriteContext, image: RenderedImage): { width: number; height: number } {
  const maxW = textWidth(ctx.preset) / TWIPS_PER_PX;
  const maxH = (textHeight(ctx.preset) * MAX_HEIGHT_SHARE) / TWIPS_PER_PX;
  const aspect = image.heightPx > 0 && image.widthPx > 0 ? image.heightPx / image.widthPx : image.heightIn / image.widthIn || 0.6;
  let width = maxW;
  let height = width * aspect;
  if (height > maxH) {
    height = maxH;
    width = height / aspect;
  }
  return { width: Math.round(width * 100) / 100, height: Math.round(height * 100) / 100 };
}
