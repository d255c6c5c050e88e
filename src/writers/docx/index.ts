/**
 * DOCX writer: the document model → an A4 report, in one of two presets
 * (doc.meta.reportPreset): `report` (cover, contents, numbered chapters,
 * figures, footnotes, sources) or `gbt9704` (党政机关公文格式, GB/T 9704-2012).
 */
import { Document, NoteNumberRestart, NumberFormat, PageOrientation, SectionType, type ISectionOptions } from 'docx';
import type { DocumentModel, StageResult } from '../../model/document.js';
import type { RenderedCharts, WriterOptions } from '../../model/rendered.js';
import { StageError, WriterError } from '../../errors.js';
import { sanitizeText } from '../../util/sanitize.js';
import { annexNotice, officialAnnex, reportAnnex } from './annex.js';
import { createContext, type WriteContext } from './context.js';
import { factTableAnnex } from './fact-table.js';
import { cover, footers, signature, titleBlock } from './frontmatter.js';
import { packDocument } from './package.js';
import { estimatePages } from './paginate.js';
import { presetFor } from './preset.js';
import { lastParagraph, renderSections } from './sections.js';
import { buildStyles } from './styles.js';
import { tableOfContents } from './toc.js';
import { msg } from '../../i18n/index.js';

export { presetFor, GBT9704, REPORT } from './preset.js';

/**
 * Write the report. Deterministic: the same model, charts and timestamp give
 * the same bytes. The TOC's page numbers are estimated (see paginate.ts);
 * Word or WPS replace them with exact ones on 'Update Table'.
 */
export async function writeDocx(doc: DocumentModel, charts: RenderedCharts, options: WriterOptions): Promise<StageResult<Buffer>> {
  if (!Number.isFinite(options.timestamp)) {
    throw new WriterError([{ message: msg('writer.bad-timestamp', { value: String(options.timestamp) }), hint: msg('cli.source-date-epoch-hint') }]);
  }
  const ctx = createContext(presetFor(doc.meta.reportPreset), doc.theme, charts);
  try {
    const document = new Document({
      ...properties(doc),
      styles: buildStyles(ctx.preset, doc.theme),
      evenAndOddHeaderAndFooters: ctx.preset.mirroredPageNumbers,
      sections: sections(ctx, doc),
    });
    const result = await packDocument(document, options.timestamp, (xml) => ctx.raw.fill(xml));
    return { result, warnings: ctx.warnings };
  } catch (err) {
    if (err instanceof StageError) throw err;
    throw new WriterError([{ message: msg('writer.docx-failed', { detail: err instanceof Error ? err.message : String(err) }), hint: msg('writer.failed-hint') }]);
  }
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
  const last = preset.signature ? lastParagraph(doc) : undefined;
  if (last) ctx.keepWithNext.add(last);
  const rendered = renderSections(ctx, doc);
  const page = {
    size: { width: preset.page.width, height: preset.page.height, orientation: PageOrientation.PORTRAIT },
    margin: { ...preset.margin, gutter: 0 },
  };
  // Footnotes numbered ①②③, restarting on each page, as Chinese books and reports do.
  const footnoteProperties = {
    numberFormat: { type: NumberFormat.DECIMAL_ENCLOSED_CIRCLE_CHINESE },
    restart: NoteNumberRestart.EACH_PAGE,
  };
  const grid = preset.linePitch ? { linePitch: preset.linePitch } : undefined;

  if (!preset.frontMatter) {
    return [
      {
        properties: { page: { ...page, pageNumbers: { start: 1 } }, grid, footnoteProperties },
        footers: footers(ctx),
        // Body, 附件说明, 落款, then the attachment on its own page.
        children: [
          ...titleBlock(ctx, doc.meta),
          ...rendered.body,
          ...annexNotice(ctx, doc.sources, rendered.annexTitle),
          ...(preset.signature ? signature(ctx, doc.meta) : []),
          ...officialAnnex(ctx, doc.sources, rendered.annexTitle),
          ...(doc.meta.factCheckTable ? factTableAnnex(ctx, doc) : []),
        ],
      },
    ];
  }

  // The annex closes the report, after any closing words, wherever the deck put its sources slide.
  const body = [...rendered.body, ...reportAnnex(ctx, doc.sources, rendered.annexTitle), ...(doc.meta.factCheckTable ? factTableAnnex(ctx, doc) : [])];
  const entries = ctx.toc.entries;
  const contents = tableOfContents(ctx, rendered.tocTitle, entries, estimatePages(ctx, doc, entries));
  return [
    // Cover and contents carry no page number; the body counts from 1.
    { properties: { page, grid, titlePage: true }, children: cover(ctx, doc.meta) },
    { properties: { page, grid, type: SectionType.NEXT_PAGE }, children: contents },
    {
      properties: { page: { ...page, pageNumbers: { start: 1 } }, grid, type: SectionType.NEXT_PAGE, footnoteProperties },
      footers: footers(ctx),
      children: body,
    },
  ];
}
