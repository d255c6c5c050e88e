/** The Markdown stage's entry: rendered template → the one document model. */
import type { DocumentMeta, DocumentModel, StageResult, Theme, Warning } from '../model/document.js';
import type { RenderedTemplate } from '../templates/render.js';
import { parseBriefing } from './parse.js';
import { msg } from '../i18n/index.js';

export function toDocumentModel(rendered: RenderedTemplate, meta: DocumentMeta, theme: Theme): StageResult<DocumentModel> {
  const { sections } = parseBriefing(rendered);
  const warnings: Warning[] = [];
  for (const s of sections) {
    if (s.level === 2 && s.role === 'content' && !s.blocks.length) {
      warnings.push({ code: 'empty-slide', message: msg('markdown.empty-slide', { title: s.title }), file: s.loc.file, line: s.loc.line });
    }
  }
  // Only sources actually cited somewhere in the document.
  const cited = new Set(sections.flatMap((s) => s.citations.map((c) => c.sourceId)));
  const sources = rendered.registry.sources().filter((s) => cited.has(s.id));
  return { result: { meta, theme, sections, sources }, warnings };
}
