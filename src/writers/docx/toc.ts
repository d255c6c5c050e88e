/**
 * The table of contents: a real TOC field (Word's "Update Table" rebuilds it)
 * whose result is written in advance, one hyperlinked entry per heading with
 * a PAGEREF to the heading's bookmark and an estimated page number, so the
 * contents read correctly on opening without any 'update fields' prompt.
 */
import { InternalHyperlink, LeaderType, Paragraph, TabStopType, TextRun, type ParagraphChild } from 'docx';
import type { Section } from '../../model/document.js';
import type { WriteContext } from './context.js';
import { fldChar, instr } from './fields.js';
import { LANGUAGE } from './fonts.js';
import { textWidth } from './preset.js';
import { STYLE } from './styles.js';

export interface TocEntry {
  title: string;
  level: 1 | 2 | 3;
  /** Bookmark on the heading, `_TocN`. */
  bookmark: string;
  /** The model section the heading belongs to; none for the sources annex. */
  section?: Section;
}

/** Heading bookmarks in body order; sections.ts records them as it writes the headings. */
export class TocRecorder {
  readonly entries: TocEntry[] = [];

  add(title: string, level: 1 | 2 | 3, section?: Section): string {
    const bookmark = `_Toc${this.entries.length + 1}`;
    this.entries.push({ title, level, bookmark, section });
    return bookmark;
  }
}

/** Contents heading, then the TOC field; `pages[i]` is the estimated page of `entries[i]`. */
export function tableOfContents(ctx: WriteContext, title: string | undefined, entries: TocEntry[], pages: Array<number | undefined>): Paragraph[] {
  const heading = !title || title === '目录' ? '目　录' : title;
  const out = [new Paragraph({ style: STYLE.tocHeading, children: ctx.inline.text(heading, { role: 'heading1' }) })];
  const right = textWidth(ctx.preset);
  const begin = [fldChar('begin'), instr(' TOC \\o "1-3" \\h \\z \\u '), fldChar('separate')];
  if (entries.length === 0) {
    out.push(new Paragraph({ style: 'TOC1', children: [...begin, fldChar('end')] }));
    return out;
  }
  entries.forEach((entry, i) => {
    const page = pages[i];
    const role = entry.level === 1 ? 'heading1' : 'body';
    const link: ParagraphChild = new InternalHyperlink({
      anchor: entry.bookmark,
      children: [
        ...ctx.inline.text(entry.title, { role }),
        new TextRun({ children: ['\t'], font: ctx.fonts.run(role), language: LANGUAGE }),
        fldChar('begin'),
        instr(` PAGEREF ${entry.bookmark} \\h `),
        fldChar('separate'),
        ...ctx.inline.text(page === undefined ? '' : String(page), { role }),
        fldChar('end'),
      ],
    });
    out.push(
      new Paragraph({
        style: `TOC${entry.level}`,
        tabStops: [{ type: TabStopType.RIGHT, position: right, leader: LeaderType.DOT }],
        children: [...(i === 0 ? begin : []), link, ...(i === entries.length - 1 ? [fldChar('end')] : [])],
      }),
    );
  });
  return out;
}
