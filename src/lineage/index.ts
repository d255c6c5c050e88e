/**
 * Fact lineage: for every section of the document model (a slide of a deck, a
 * heading of a report), each figure it shows with the fact, the date, the
 * source and the paragraph behind it. Pure: reads only the model, so the
 * manifest says exactly what the writers print.
 */
import type { Citation, DocumentModel, Section, SourceEntry, StageResult } from '../model/document.js';
import { citedRuns } from '../model/cited-runs.js';

export type FigurePlace = 'text' | 'kpi' | 'table' | 'timeline' | 'chart' | 'notes' | 'unshown';

export interface LineageSource {
  id: string;
  publisher: string;
  title: string;
  /** Publication date, ISO. */
  published: string;
}

export interface LineageFigure {
  factId: string;
  kind: Citation['kind'];
  /** The figure as this document prints it ("" for a fact used without printing it, e.g. a chart's whole or a target stated in words). */
  shown: string;
  place: FigurePlace;
  /** As the source prints it, and other strings of that paragraph backing it. */
  printed: string;
  alsoPrinted?: string[];
  /** The date the figure refers to, ISO and the Chinese way. */
  asOf: string;
  asOfLabel: string;
  targetYear?: number;
  evaluationYear?: number;
  source: LineageSource;
  /** Paragraph of the source article (1-based, non-blank lines). */
  para: number;
}

export interface LineageSection {
  /** Position among the model's sections (0-based): a slide of the deck, a heading of the report. */
  index: number;
  level: Section['level'];
  role: Section['role'];
  title: string;
  /** Template file:line that produced it. */
  template: string;
  figures: LineageFigure[];
}

export interface Lineage {
  version: 1;
  title: string;
  template: string;
  asOf: string;
  dataHash: string;
  sources: LineageSource[];
  sections: LineageSection[];
}

function sourceOf(model: DocumentModel, c: Citation): LineageSource {
  const s: SourceEntry | undefined = model.sources.find((x) => x.id === c.sourceId);
  return s ? { id: s.id, publisher: s.publisher, title: s.title, published: s.published } : { id: c.sourceId, publisher: c.sourceLabel, title: '', published: '' };
}

function figure(model: DocumentModel, c: Citation, shown: string, place: FigurePlace): LineageFigure {
  return {
    factId: c.factId,
    kind: c.kind,
    shown,
    place,
    printed: c.printed,
    ...(c.alsoPrinted ? { alsoPrinted: c.alsoPrinted } : {}),
    asOf: c.asOf,
    asOfLabel: c.asOfLabel,
    ...(c.targetYear !== undefined ? { targetYear: c.targetYear } : {}),
    ...(c.evaluationYear !== undefined ? { evaluationYear: c.evaluationYear } : {}),
    source: sourceOf(model, c),
    para: c.para,
  };
}

function sectionFigures(model: DocumentModel, s: Section): LineageFigure[] {
  const seen = new Set<string>();
  const figures: LineageFigure[] = [];
  const inNotes = citedRuns(s.notes).map((r) => ({ ...r, place: 'notes' as const }));
  for (const r of [...citedRuns(s.blocks), ...inNotes]) {
    const key = `${r.cite.factId}\u0000${r.shown}\u0000${r.place}`;
    if (seen.has(key)) continue;
    seen.add(key);
    figures.push(figure(model, r.cite, r.shown, r.place));
  }
  // Facts the section uses without printing them (a target said in words, a doughnut's whole).
  const shownIds = new Set(figures.map((f) => f.factId));
  for (const c of s.citations) if (!shownIds.has(c.factId)) figures.push(figure(model, c, '', 'unshown'));
  return figures;
}

export function buildLineage(model: DocumentModel): StageResult<Lineage> {
  return {
    result: {
      version: 1,
      title: model.meta.title,
      template: model.meta.templateName,
      asOf: model.meta.asOf,
      dataHash: model.meta.dataHash,
      sources: model.sources.map((s) => ({ id: s.id, publisher: s.publisher, title: s.title, published: s.published })),
      sections: model.sections.map((s, index) => ({
        index,
        level: s.level,
        role: s.role,
        title: s.title,
        template: `${s.loc.file}:${s.loc.line}`,
        figures: sectionFigures(model, s),
      })),
    },
    warnings: [],
  };
}

export { uncoveredNumbers, numberTokens, type UncoveredNumber } from './coverage.js';
