/**
 * The template stage's view of the fact base: lookups by id, subject and
 * tag. Unknown ids throw LookupError, which the renderer turns into a
 * template error at the calling line.
 */
import { msg, t, type Message, type Params } from '../i18n/index.js';
import type { Fact, FactBase, Indicator, Ranking, TargetFact, ValueFact, RankFact } from '../facts/model.js';
import type { EntityRecord, MilestoneRecord } from '../facts/schema.js';
import { compareIso } from '../format/dates.js';

/** A helper's error; `text` is the catalogue message shown to the user when there is one (the English `message` otherwise). */
export class LookupError extends Error {
  constructor(message: string, readonly text?: Message) {
    super(message);
  }
}

/** A LookupError from a catalogue message: English in `message` (logs, tests), the user's language when shown. */
export function lookupError(id: string, params: Params): LookupError {
  return new LookupError(t(id, params, 'en'), msg(id, params));
}

function closest(id: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestScore = 0;
  for (const c of candidates) {
    // Shared-prefix length is a cheap, good-enough similarity for hyphenated ids.
    let i = 0;
    while (i < id.length && i < c.length && id[i] === c[i]) i++;
    if (i > bestScore) {
      bestScore = i;
      best = c;
    }
  }
  return bestScore >= 4 ? best : undefined;
}

function unknown(kind: string, id: string, candidates: Iterable<string>): never {
  const guess = closest(id, candidates);
  throw new LookupError(`unknown ${kind} '${id}'${guess ? ` (did you mean '${guess}'?)` : ''}`);
}

export class FactLookup {
  constructor(readonly fb: FactBase) {}

  fact(id: string): Fact {
    const f = this.fb.facts.get(id);
    if (f) return f;
    // A series id stands for its latest point.
    const series = this.fb.indicators.get(id) ?? this.fb.rankings.get(id);
    if (series) return series.points[series.points.length - 1];
    return unknown('fact', id, [...this.fb.facts.keys(), ...this.fb.indicators.keys(), ...this.fb.rankings.keys()]);
  }

  valueFact(id: string): ValueFact | TargetFact {
    const f = this.fact(id);
    if (f.kind === 'rank') throw new LookupError(`'${id}' is a ranking; use the rank helper`);
    return f;
  }

  rankFact(id: string): RankFact {
    const f = this.fact(id);
    if (f.kind !== 'rank') throw new LookupError(`'${id}' is not a ranking`);
    return f;
  }

  indicator(id: string): Indicator {
    return this.fb.indicators.get(id) ?? unknown('indicator', id, this.fb.indicators.keys());
  }

  ranking(id: string): Ranking {
    return this.fb.rankings.get(id) ?? unknown('ranking', id, this.fb.rankings.keys());
  }

  series(id: string): Indicator | Ranking {
    return this.fb.indicators.get(id) ?? this.fb.rankings.get(id) ?? unknown('series', id, [...this.fb.indicators.keys(), ...this.fb.rankings.keys()]);
  }

  entity(id: string): EntityRecord {
    return this.fb.entities.get(id) ?? unknown('entity', id, this.fb.entities.keys());
  }

  target(id: string): TargetFact {
    return this.fb.targets.get(id) ?? unknown('target', id, this.fb.targets.keys());
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
      .filter((m) => !options.from || compareIso(m.date, options.from) >= 0)
      .filter((m) => !options.to || compareIso(m.date, options.to) <= 0)
      .sort((a, b) => compareIso(a.date, b.date));
  }

  targets(options: { tag?: string } = {}): TargetFact[] {
    return [...this.fb.targets.values()].filter((t) => !options.tag || t.tags.includes(options.tag));
  }
}
