/**
 * PPTX writer: document model → 16:9 briefing deck.
 *
 *   plan (pure, plan*.ts)  →  emit (pptxgenjs, emit.ts)  →  package (XML fixes, properties, deterministic zip)
 *
 * A chart missing from `charts` does not fail the deck: a dashed placeholder
 * box names it and a `pptx-chart-missing` warning is returned, so the CLI
 * decides whether that is fatal.
 */
import type { DocumentModel, StageResult } from '../../model/document.js';
import type { RenderedCharts, WriterOptions } from '../../model/rendered.js';
import { WriterError } from '../../errors.js';
import { sanitizeText } from '../../util/sanitize.js';
import { planDeck } from './plan.js';
import { emit } from './emit.js';
import { finalizePackage } from './package.js';
import { msg } from '../../i18n/index.js';

export { planDeck } from './plan.js';
export type { DeckPlan, SlidePlan, Shape, LayoutName } from './plan-types.js';

export async function writePptx(doc: DocumentModel, charts: RenderedCharts, options: WriterOptions): Promise<StageResult<Buffer>> {
  const { plan, masters } = planDeck(doc, charts, { charts: options.charts });
  // Font names go into attributes: same sanitiser as every other string (escaping happens in postprocess).
  const t = doc.theme.fonts;
  const f = { latin: sanitizeText(t.latin), eastAsia: sanitizeText(t.eastAsia), headingLatin: sanitizeText(t.headingLatin), headingEastAsia: sanitizeText(t.headingEastAsia) };
  try {
    const { raw, images } = await emit(plan, masters);
    const result = await finalizePackage(raw, {
      images,
      meta: doc.meta,
      fonts: { heading: { latin: f.headingLatin, eastAsia: f.headingEastAsia }, body: { latin: f.latin, eastAsia: f.eastAsia } },
      colours: doc.theme.colors,
      notes: plan.slides.map((s) => s.notes),
      timestamp: options.timestamp,
      charts: new Map(plan.slides.flatMap((sl) => sl.shapes.flatMap((sh) => (sh.kind === 'chart' ? [[sh.name, sh.spec] as const] : [])))),
    });
    return { result, warnings: plan.warnings };
  } catch (e) {
    throw new WriterError([{ message: msg('writer.pptx-failed', { detail: (e as Error).message }), hint: msg('writer.failed-hint') }]);
  }
}
