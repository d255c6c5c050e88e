/**
 * Runs of the model → docx runs, with a real Word footnote after every cited
 * figure. Every string goes through sanitizeText here, the one entry point.
 */
import { FootnoteReferenceRun, Paragraph, TextRun, type ParagraphChild } from 'docx';
import type { Citation, Run } from '../../model/document.js';
import { sanitizeText } from '../../util/sanitize.js';
import { FontSet, LANGUAGE, type FontRole } from './fonts.js';

/** Footnote keys already used in one paragraph: one footnote per source and date per paragraph. */
export type NoteScope = Set<string>;

export interface InlineOptions {
  role?: FontRole;
  bold?: boolean;
  /** Footnotes are Word body-only: leave them out in headers, footers and notes. */
  footnotes?: boolean;
}

export class Inline {
  constructor(private readonly fonts: FontSet) {}

  /** A plain text run in a role's fonts. */
  text(text: string, opts: InlineOptions & { italic?: boolean; color?: string } = {}): TextRun[] {
    const clean = sanitizeText(text);
    // A model newline is a line break inside the paragraph, not a space.
    const lines = clean.split('\n');
    // Chinese has no italic: Word slants 仿宋 synthetically. Emphasis set in 楷体 instead.
    const role: FontRole = opts.italic ? 'heading2' : (opts.role ?? 'body');
    return lines.map(
      (line, i) =>
        new TextRun({
          text: line,
          break: i > 0 ? 1 : undefined,
          bold: opts.bold || undefined,
          color: opts.color,
          font: this.fonts.run(role),
          language: LANGUAGE,
        }),
    );
  }

  /** Model runs → docx children; a cited run is followed by its footnote reference. */
  runs(runs: Run[], scope: NoteScope, opts: InlineOptions = {}): ParagraphChild[] {
    const out: ParagraphChild[] = [];
    for (const run of runs) {
      out.push(...this.text(run.text, { ...opts, bold: run.bold || opts.bold, italic: run.italic }));
      if (run.cite && opts.footnotes !== false) {
        const note = this.footnote(run.cite, scope);
        if (note) out.push(note);
      }
    }
    return out;
  }

  /** A footnote for a citation, or nothing when this paragraph already cites the same source and date. */
  footnote(cite: Citation, scope: NoteScope): FootnoteReferenceRun | undefined {
    const key = `${cite.sourceId}\u0000${cite.asOf}`;
    if (scope.has(key)) return undefined;
    scope.add(key);
    return new FootnoteReferenceRun({
      children: [new Paragraph({ style: 'FootnoteText', children: this.text(this.footnoteText(cite)) })],
    });
  }

  footnoteText(cite: Citation): string {
    const label = sanitizeText(cite.sourceLabel).trim() || sanitizeText(cite.sourceId);
    const asOf = sanitizeText(cite.asOfLabel).trim();
    return ` 资料来源：${label}${asOf ? `；数据截至${asOf}` : ''}。`;
  }
}

/** Plain text of runs, for alt text and TOC-free places. */
export function plainText(runs: Run[]): string {
  return sanitizeText(runs.map((r) => r.text).join(''));
}
