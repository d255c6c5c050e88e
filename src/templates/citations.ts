/**
 * Citations recorded while a template renders. A helper that prints a
 * figure wraps it in invisible markers naming the fact; the Markdown stage
 * turns the markers into cited runs, so every slide and page knows the
 * sources of the figures it shows.
 */
import type { FactBase } from '../facts/model.js';

/** Anything sourced: a fact, a target, or a milestone (whose date is its as-of). */
export interface Citable {
  id: string;
  source: string;
  asOf: string;
  para?: number;
  printed?: string;
}
import type { Citation, SourceEntry } from '../model/document.js';
import { formatChineseDate } from '../format/dates.js';

export const CITE_START = '\uE012';
export const CITE_ID = '\uE010';
export const CITE_END = '\uE011';
/** A figure with its citation: START figure ID factId END. */
export const CITED_FIGURE = /\uE012([^\uE010]*)\uE010([^\uE011]*)\uE011/g;
/** A citation without printed text (cite helper): ID factId END. */
export const BARE_CITATION = /\uE010([^\uE011]*)\uE011/g;

export function sourceLabel(publisher: string, published: string): string {
  return `${publisher}（${formatChineseDate(published, 'month')}）`;
}

export class CitationRegistry {
  private readonly citations = new Map<string, Citation>();
  private readonly sourceOrder: string[] = [];

  constructor(private readonly fb: FactBase) {}

  /** Record a fact's citation; returns the figure wrapped in markers. */
  cite(fact: Citable, figure: string): string {
    this.record(fact);
    return `${CITE_START}${figure}${CITE_ID}${fact.id}${CITE_END}`;
  }

  /** Record without printing anything visible (the figure is implied, e.g. in a chart). */
  citeSilently(fact: Citable): string {
    this.record(fact);
    return `${CITE_ID}${fact.id}${CITE_END}`;
  }

  record(fact: Citable): Citation {
    const existing = this.citations.get(fact.id);
    if (existing) return existing;
    const source = this.fb.sources.get(fact.source);
    const citation: Citation = {
      factId: fact.id,
      sourceId: fact.source,
      sourceLabel: source ? sourceLabel(source.publisher, source.published) : fact.source,
      asOf: fact.asOf,
      asOfLabel: formatChineseDate(fact.asOf),
      ...this.provenance(fact.id),
    };
    this.citations.set(fact.id, citation);
    if (!this.sourceOrder.includes(fact.source)) this.sourceOrder.push(fact.source);
    return citation;
  }

  /** Kind, paragraph and printed form, so the model can say where a figure stands in its article. */
  private provenance(id: string): Pick<Citation, 'kind' | 'para' | 'printed' | 'alsoPrinted' | 'targetYear' | 'evaluationYear'> {
    const f = this.fb.facts.get(id);
    const m = f ? undefined : this.fb.milestones.get(id);
    const r = f ?? m;
    if (!r) return { kind: 'milestone', para: 0, printed: '' };
    return {
      kind: f ? f.kind : 'milestone',
      para: r.para,
      printed: r.printed,
      ...(r.alsoPrinted?.length ? { alsoPrinted: [...r.alsoPrinted] } : {}),
      ...(f?.kind === 'target' ? { targetYear: f.targetYear } : {}),
      ...(f?.kind === 'rank' ? { evaluationYear: f.evaluationYear } : {}),
    };
  }

  get(factId: string): Citation | undefined {
    return this.citations.get(factId);
  }

  /** Sources cited so far, in order of first use. */
  sources(): SourceEntry[] {
    return this.sourceOrder.flatMap((id) => {
      const s = this.fb.sources.get(id);
      if (!s) return [];
      return [{ id, label: sourceLabel(s.publisher, s.published), publisher: s.publisher, title: s.title, published: s.published, file: s.file }];
    });
  }
}
