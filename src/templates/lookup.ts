/**
 * The template stage's view of the fact base: lookups by id, subject and
 * tag. Unknown ids throw LookupError, which the renderer turns into a
 * template error at the calling line.
 */
import type { Fact, FactBase, Indicator, Ranking, TargetFact, ValueFact, RankFact } from '../facts/model.js';
import type { EntityRecord, MilestoneRecord } from '../facts/schema.js';
import { isAfter } from '../facts/periods.js';
import { msg, render, type Text } from '../i18n/index.js';
import { closest } from '../util/closest.js';

/** Events dated only by year (or month) sort after the dated events of that year (or month). */
function sortKey(date: string): string {
  return (date + '-99-99').slice(0, 10);
}

/** A helper's error: a catalogue message, and for an unknown id the closest id in the data. */
export class LookupError extends Error {
  constructor(
    readonly text: Text,
    readonly hint?: Text,
    /** Unknown id: what was asked for and the nearest data id, so both places can be named. */
    readonly unknownId?: { id: string; near?: string },
  ) {
    // For library callers that read .message: the English text and what to do.
    super(hint ? `${render(text, 'en')}; ${render(hint, 'en')}` : render(text, 'en'));
  }
}

const KINDS = new Set(['fact', 'indicator', 'ranking', 'series', 'entity', 'target', 'milestone']);

/**
 * An id the data lacks: say so with the closest data id, only when it is close.
 * In an as-of snapshot, an id that is only known later says so instead.
 */
export function unknown(kind: string, id: string, candidates: Iterable<string>, fb?: FactBase): never {
  const from = fb?.withheld?.get(id);
  if (from) throw new LookupError(msg('template.no-figure-as-of', { id, asOf: fb!.snapshotAsOf ?? '', from }), msg('template.no-figure-as-of-hint', { id }));
  const near = closest(id, candidates);
  throw new LookupError(
    msg('template.unknown-id', { kind: KINDS.has(kind) ? msg(`kind.${kind}`) : kind, id }),
    near ? undefined : msg('template.list-ids-hint'),
    { id, near },
  );
}

export class FactLookup {
  constructor(readonly fb: FactBase) {}

  fact(id: string): Fact {
    const f = this.fb.facts.get(id);
    if (f) return f;
    // A series id stands for its latest point.
    const series = this.fb.indicators.get(id) ?? this.fb.rankings.get(id);
    if (series) return series.points[series.points.length - 1];
    return unknown('fact', id, [...this.fb.facts.keys(), ...this.fb.indicators.keys(), ...this.fb.rankings.keys()], this.fb);
  }

  valueFact(id: string): ValueFact | TargetFact {
    const f = this.fact(id);
    if (f.kind === 'rank') throw new LookupError(msg('template.is-ranking', { id }), msg('template.is-ranking-hint'));
    return f;
  }

  rankFact(id: string): RankFact {
    const f = this.fact(id);
    if (f.kind !== 'rank') throw new LookupError(msg('template.not-ranking', { id }), msg('template.not-ranking-hint'));
    return f;
  }

  indicator(id: string): Indicator {
    return this.fb.indicators.get(id) ?? unknown('indicator', id, this.fb.indicators.keys(), this.fb);
  }

  ranking(id: string): Ranking {
    return this.fb.rankings.get(id) ?? unknown('ranking', id, this.fb.rankings.keys(), this.fb);
  }

  series(id: string): Indicator | Ranking {
    return this.fb.indicators.get(id) ?? this.fb.rankings.get(id) ?? unknown('series', id, [...this.fb.indicators.keys(), ...this.fb.rankings.keys()], this.fb);
  }

  entity(id: string): EntityRecord {
    return this.fb.entities.get(id) ?? unknown('entity', id, this.fb.entities.keys(), this.fb);
  }

  milestone(id: string): MilestoneRecord {
    return this.fb.milestones.get(id) ?? unknown('milestone', id, this.fb.milestones.keys(), this.fb);
  }

  target(id: string): TargetFact {
    return this.fb.targets.get(id) ?? unknown('target', id, this.fb.targets.keys(), this.fb);
  }

  /** Indicators, rankings and targets carrying a tag, in file order. */
  withTag(tag: string): Array<Indicator | Ranking | TargetFact> {
    const all = [...this.fb.indicators.values(), ...this.fb.rankings.values(), ...this.fb.targets.values()];
    return all.filter((s) => s.tags.includes(tag));
  }

  bySubject(subject: string): Array<Indicator | Ranking | TargetFact> {
    const all = [...this.fb.indicators.values(), ...this.fb.rankings.values(), ...this.fb.targets.values()];
    return all.filter((s) => s.subject === subject);
  }

  entitiesOfKind(kind: string): EntityRecord[] {
    return [...this.fb.entities.values()].filter((e) => e.kind === kind);
  }

  /** Milestones with any of the tags (comma-separated), of a subject, in a date range; oldest first. */
  milestones(options: { tag?: string; subject?: string; from?: string; to?: string } = {}): MilestoneRecord[] {
    const tags = options.tag?.split(',').map((t) => t.trim());
    return [...this.fb.milestones.values()]
      .filter((m) => !tags || tags.some((t) => m.tags.includes(t)))
      .filter((m) => !options.subject || m.subject === options.subject)
      // Periods: to="2020" keeps all of 2020, from="2020-06" keeps a year-only 2020.
      .filter((m) => !options.from || !isAfter(options.from, m.date))
      .filter((m) => !options.to || !isAfter(m.date, options.to))
      .sort((a, b) => (sortKey(a.date) < sortKey(b.date) ? -1 : sortKey(a.date) > sortKey(b.date) ? 1 : 0));
  }

  targets(options: { tag?: string } = {}): TargetFact[] {
    return [...this.fb.targets.values()].filter((t) => !options.tag || t.tags.includes(options.tag));
  }
}
