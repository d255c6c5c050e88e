/**
 * DOCX writer: the document model → an A4 report, in one of two presets
 * (doc.meta.reportPreset): `report` (cover, contents, numbered chapters,
 * figures, footnotes, sources) or `gbt9704` (党政机关公文格式, GB/T 9704-2012).
 */
import {
  Document,
  DocumentGridType,
  NoteNumberRestart,
  NumberFormat,
  Packer,
  PageOrientation,
  SectionType,
  type ISectionOptions,
  type PageNumberEstimator,
} from 'docx';
import { estimatePageNumbersWith } from 'docx/layout';
import type { DocumentModel, StageResult, Warning } from '../../model/document.js';
import type { RenderedCharts, WriterOptions } from '../../model/rendered.js';
import { StageError, WriterError } from '../../errors.js';
import { sanitizeText } from '../../util/sanitize.js';
import { annexNotice, officialAnnex, reportAnnex } from './annex.js';
import type { BodyChild } from './blocks.js';
import { createContext, type WriteContext } from './context.js';
import { cover, footers, signature, tableOfContents, titleBlock } from './frontmatter.js';
import { normalisePackage } from './package.js';
import { presetFor, type Preset } from './preset.js';
import { renderSections } from './sections.js';
import { buildStyles } from './styles.js';

export { presetFor, GBT9704, REPORT } from './preset.js';

/**
 * Write the report. Deterministic: the same model, charts and timestamp give
 * the same bytes. TOC page numbers are estimated by docx's layout engine;
 * Word or WPS replace them with exact ones on 'Update field'.
 */
export async function writeDocx(doc: DocumentModel, charts: RenderedCharts, options: WriterOptions): Promise<StageResult<Buffer>> {
  if (!Number.isFinite(options.timestamp)) {
    throw new WriterError([{ message: `invalid timestamp ${String(options.timestamp)}`, hint: 'pass seconds since epoch (SOURCE_DATE_EPOCH)' }]);
  }
  const preset = presetFor(doc.meta.reportPreset);
  let built: { buffer: Buffer; warnings: Warning[] };
  try {
    built = await pack(doc, charts, preset, estimatePageNumbersWith({ guess: true }));
  } catch (err) {
    if (err instanceof StageError) throw err;
    // The page estimate is a nicety: without it the TOC keeps its entries, only their page numbers are blank.
    built = await pack(doc, charts, preset, undefined).catch((e: unknown) => {
      if (e instanceof StageError) throw e;
      throw new WriterError([{ message: `could not build the report: ${e instanceof Error ? e.message : String(e)}` }]);
    });
    built.warnings.push({ code: 'docx-toc-pages', message: `TOC page numbers left blank: ${err instanceof Error ? err.message : String(err)}` });
  }
  const result = await normalisePackage(built.buffer, options.timestamp);
  return { result, warnings: built.warnings };
}

/** Build everything afresh: docx elements hold per-document state (footnotes) and are not reused. */
async function pack(doc: DocumentModel, charts: RenderedCharts, preset: Preset, pageNumbers: PageNumberEstimator | undefined) {
  const ctx = createContext(preset, doc.theme, charts);
  const document = new Document({
    ...properties(doc),
    styles: buildStyles(preset, doc.theme),
    evenAndOddHeaderAndFooters: preset.mirroredPageNumbers,
    pageNumbers,
    sections: sections(ctx, doc),
  });
  const buffer = await Packer.toBuffer(document);
  return { buffer, warnings: ctx.warnings };
}

function properties(doc: DocumentModel) {
  const m = doc.meta;
  const s = (v: string | undefined) => sanitizeText(v ?? '').trim();
  return {
    title: s(m.title),
    subject: s(m.subtitle),
    creator: s(m.issuer),
    lastModifiedBy: s(m.issuer),
    description: s(`数据截至${m.asOf}；数据快照 sha256:${m.dataHash}`),
    keywords: s(m.templateName),
    revision: 1,
    customProperties: [
      { name: 'DataHash', value: s(m.dataHash) },
      { name: 'AsOf', value: s(m.asOf) },
      { name: 'Template', value: s(m.templateName) },
      { name: 'ReportPreset', value: m.reportPreset },
    ],
  };
}

function sections(ctx: WriteContext, doc: DocumentModel): ISectionOptions[] {
  const preset = ctx.preset;
  const rendered = renderSections(ctx, doc);
  const body: BodyChild[] = [...rendered.body];
  const page = {
    size: { width: preset.page.width, height: preset.page.height, orientation: PageOrientation.PORTRAIT },
    margin: { ...preset.margin, gutter: 0 },
  };
  const footnoteProperties = {
    numberFormat: { type: NumberFormat.DECIMAL_ENCLOSED_CIRCLE_CHINESE },
    restart: NoteNumberRestart.EACH_PAGE,
  };
  const grid = preset.grid
    ? {
        type: preset.grid.type === 'linesAndChars' ? DocumentGridType.LINES_AND_CHARS : DocumentGridType.LINES,
        linePitch: preset.grid.linePitch,
        charSpace: preset.grid.charSpace,
      }
    : undefined;

  if (!preset.frontMatter) {
    const at = rendered.annexAt ?? body.length;
    // 附件说明 goes where the sources section stood (normally the end), then the 落款, then the attachment.
    const main = [...body.slice(0, at), ...annexNotice(ctx, doc.sources, rendered.annexTitle), ...body.slice(at)];
    return [
      {
        properties: { page: { ...page, pageNumbers: { start: 1 } }, grid, footnoteProperties },
        footers: footers(ctx),
        children: [
          ...titleBlock(ctx, doc.meta),
          ...main,
          ...(preset.signature ? signature(ctx, doc.meta) : []),
          ...officialAnnex(ctx, doc.sources, rendered.annexTitle),
        ],
      },
    ];
  }

  const at = rendered.annexAt ?? body.length;
  body.splice(at, 0, ...reportAnnex(ctx, doc.sources, rendered.annexTitle));
  return [
    // Cover and contents carry no page number; the body counts from 1.
    { properties: { page, grid, titlePage: true }, children: cover(ctx, doc.meta) },
    { properties: { page, grid, type: SectionType.NEXT_PAGE }, children: tableOfContents(ctx, rendered.tocTitle) },
    {
      properties: { page: { ...page, pageNumbers: { start: 1 } }, grid, type: SectionType.NEXT_PAGE, footnoteProperties },
      footers: footers(ctx),
      children: body.length > 0 ? body : [],
    },
  ];
}
