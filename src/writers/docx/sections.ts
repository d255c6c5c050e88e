/**
 * Sections of the model → numbered headings and their blocks. Roles that
 * belong to a slide deck are placed by the writer itself: the cover comes
 * from meta, the agenda becomes the TOC, the sources section the annex.
 */
import { Bookmark, HeadingLevel, Paragraph } from 'docx';
import type { Block, DocumentModel, Section } from '../../model/document.js';
import { sanitizeText } from '../../util/sanitize.js';
import { renderBlocks, type BodyChild } from './blocks.js';
import type { WriteContext } from './context.js';
import type { FontRole } from './fonts.js';
import { HeadingCounter, hasOwnNumber, headingPrefix } from './numbering.js';

const HEADING = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3] as const;
const ROLE: readonly FontRole[] = ['heading1', 'heading2', 'heading3'];

export interface RenderedBody {
  /** Main text, with the annex not yet placed. */
  body: BodyChild[];
  /** Title of the agenda section, used for the TOC heading. */
  tocTitle?: string;
  /** Title of the sources section, used for the annex. */
  annexTitle?: string;
}

/** Sections whose blocks the report prints. */
function printed(section: Section): boolean {
  return section.role !== 'cover' && section.role !== 'agenda' && section.role !== 'sources';
}

/** The body's last block, when it is a paragraph (what a 落款 must share its page with). */
export function lastParagraph(doc: DocumentModel): Block | undefined {
  const last = doc.sections.filter(printed).flatMap((s) => s.blocks).at(-1);
  return last?.type === 'paragraph' ? last : undefined;
}

export function renderSections(ctx: WriteContext, doc: DocumentModel): RenderedBody {
  const out: RenderedBody = { body: [] };
  const counter = new HeadingCounter();
  for (const section of doc.sections) {
    const title = sanitizeText(section.title).trim();
    switch (section.role) {
      case 'cover':
        continue;
      case 'agenda':
        out.tocTitle ??= title || undefined;
        continue;
      case 'sources':
        out.annexTitle ??= title || undefined;
        continue;
      case 'closing':
        // "以上汇报，请批评指正。" reads as the last paragraph; a slide title such as 谢谢 has no place in a report.
        out.body.push(...renderBlocks(ctx, section.blocks, section.loc));
        continue;
      default:
        out.body.push(...renderSection(ctx, section, title, counter));
    }
  }
  return out;
}

function renderSection(ctx: WriteContext, section: Section, title: string, counter: HeadingCounter): BodyChild[] {
  const n = counter.next(section.level);
  const i = section.level - 1;
  const text = title && !hasOwnNumber(title) ? `${headingPrefix(section.level, n)}${title}` : title;
  const [first, ...rest] = section.blocks;

  // GB/T 9704 practice: "1.标题。" runs into its first paragraph.
  if (section.level === 3 && ctx.preset.runInLevel3 && text && first?.type === 'paragraph') {
    const lead = /[。！？：；.!?:;]$/.test(text) ? text : `${text}。`;
    return [
      new Paragraph({
        outlineLevel: 2,
        children: [...ctx.inline.text(lead, { role: 'heading3', bold: true }), ...ctx.inline.runs(first.runs, new Set())],
      }),
      ...renderBlocks(ctx, rest, section.loc),
    ];
  }

  const heading = text ? [headingParagraph(ctx, section.level, text, section)] : [];
  return [...heading, ...renderBlocks(ctx, section.blocks, section.loc)];
}

/** A heading, bookmarked for its TOC entry. */
export function headingParagraph(ctx: WriteContext, level: 1 | 2 | 3, text: string, section?: Section): Paragraph {
  const bookmark = ctx.toc.add(text, level, section);
  return new Paragraph({
    heading: HEADING[level - 1],
    children: [new Bookmark({ id: bookmark, children: ctx.inline.text(text, { role: ROLE[level - 1] }) })],
  });
}
