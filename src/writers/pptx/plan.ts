/**
 * The pure planner: document model → positioned slides. No pptxgenjs here;
 * emit turns the plan into a package.
 */
import type { Block, Citation, DocumentModel, Section, SourceEntry } from '../../model/document.js';
import type { RenderedCharts } from '../../model/rendered.js';
import type { ChartOutput } from '../../model/chart.js';
import type { DeckPlan } from './plan-types.js';
import type { PlanContext } from './plan-context.js';
import { masterDefs, type MasterDef } from './masters.js';
import { planAgenda, planClosing, planCover, planSectionHeader, type Unnumbered } from './plan-slides.js';
import { planContent, TooManySlides } from './plan-content.js';
import { TemplateError } from '../../errors.js';
import { msg } from '../../i18n/index.js';
import { LIMITS } from '../../limits.js';
import type { FlowBlock } from './plan-flow.js';
import { cleanText } from './plan-text.js';

export { chooseLayout } from './plan-content.js';

/** A section with the level-3 sections under it folded in as headed blocks. */
interface SlideSection {
  section: Section;
  blocks: FlowBlock[];
  notes: Block[];
  citations: Citation[];
}

const OWN_DESIGN = new Set<Section['role']>(['cover', 'agenda', 'closing']);

/** Level-3 sections are sub-headings on their parent's slide (pandoc's slide level is 2). */
export function foldSubsections(sections: Section[]): SlideSection[] {
  const out: SlideSection[] = [];
  for (const s of sections) {
    const parent = out[out.length - 1];
    if (s.level === 3 && parent && !OWN_DESIGN.has(parent.section.role)) {
      parent.blocks.push({ type: 'heading', text: s.title }, ...s.blocks);
      parent.notes.push(...s.notes);
      for (const c of s.citations) if (!parent.citations.includes(c)) parent.citations.push(c);
      continue;
    }
    out.push({ section: s, blocks: [...s.blocks], notes: [...s.notes], citations: [...s.citations] });
  }
  return out;
}

function sourceEntryText(s: SourceEntry): string {
  const label = cleanText(s.label);
  const title = cleanText(s.title);
  return title && !label.includes(title) ? `${label}：${title}` : label;
}

export function planDeck(doc: DocumentModel, charts: RenderedCharts, options: { charts?: ChartOutput } = {}): { plan: DeckPlan; masters: MasterDef[] } {
  const ctx: PlanContext = { theme: doc.theme, charts, chartOutput: options.charts, warnings: [] };
  const masters = masterDefs(doc.theme, doc.meta, ctx);
  const slides: Unnumbered[] = [];
  let part = 0;
  for (const item of foldSubsections(doc.sections)) {
    const s = item.section;
    ctx.loc = s.loc;
    let over = false;
    const first = slides.length;
    try {
      planSection(item);
      for (const [i, sl] of slides.slice(first).entries()) {
        sl.citations ??= item.citations;
        if (i === 0 && sl.notes.length) sl.notesBlocks = item.notes;
      }
    } catch (e) {
      if (!(e instanceof TooManySlides)) throw e;
      over = true;
    }
    if (over || slides.length > LIMITS.slides) {
      throw new TemplateError([
        {
          file: s.loc?.file,
          line: s.loc?.line,
          message: msg('limits.slides', { max: LIMITS.slides, title: cleanText(s.title).slice(0, 40) }),
          hint: msg('limits.slides-hint'),
        },
      ]);
    }
  }
  return { plan: { slides: slides.map((sl, i) => ({ ...sl, number: i + 1 })), warnings: ctx.warnings }, masters };

  function planSection(item: SlideSection): void {
    const s = item.section;
    const content = (title: string, blocks: FlowBlock[], role: Section['role']) =>
      slides.push(...planContent({ title, blocks, notes: item.notes, citations: item.citations, role }, ctx));
    switch (s.role) {
      case 'cover':
        slides.push(planCover(s, doc, ctx));
        break;
      case 'agenda':
        slides.push(...planAgenda(s, doc, ctx));
        break;
      case 'closing':
        slides.push(planClosing(s, doc, ctx));
        break;
      case 'section': {
        const { slide, rest } = planSectionHeader({ ...s, blocks: item.blocks.filter((b): b is Block => b.type !== 'heading') }, ++part, ctx);
        slides.push(slide);
        const leftover = rest.length ? item.blocks.filter((b) => b.type === 'heading' || rest.includes(b)) : item.blocks.filter((b) => b.type === 'heading');
        if (leftover.length) slides.push(...planContent({ title: s.title, blocks: leftover, notes: [], citations: item.citations, role: 'content' }, ctx));
        break;
      }
      case 'sources': {
        const blocks: FlowBlock[] = item.blocks.length
          ? item.blocks
          : [{ type: 'list', ordered: true, items: doc.sources.map((src) => ({ level: 0, runs: [{ text: sourceEntryText(src) }] })) }];
        content(s.title, blocks, 'sources');
        break;
      }
      default:
        content(s.title, item.blocks, s.role);
    }
  }
}
