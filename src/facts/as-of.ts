/**
 * Time travel: the fact base as it could have been known on a given date.
 * A point survives only if both its own date and its source's publication
 * lie on or before that date; series left without points are dropped.
 */
import { createHash } from 'node:crypto';
import type { FactBase, Fact, Indicator, Ranking } from './model.js';
import { knownBy } from './periods.js';

export function factBaseAsOf(fb: FactBase, asOf: string): FactBase {
  const sources = new Map([...fb.sources].filter(([, s]) => knownBy(s.published, asOf)));
  const known = (date: string, source: string) => sources.has(source) && knownBy(date, asOf);

  const indicators = new Map<string, Indicator>();
  for (const [id, ind] of fb.indicators) {
    const points = ind.points.filter((p) => known(p.asOf, p.source));
    if (points.length) indicators.set(id, { ...ind, points });
  }
  const rankings = new Map<string, Ranking>();
  for (const [id, r] of fb.rankings) {
    // An evaluation's result is known by its as-of date, which is never before its year begins.
    const points = r.points.filter((p) => known(p.asOf, p.source) && knownBy(String(p.evaluationYear), asOf));
    if (points.length) rankings.set(id, { ...r, points });
  }
  const targets = new Map([...fb.targets].filter(([, t]) => known(t.asOf, t.source)));
  const milestones = new Map([...fb.milestones].filter(([, m]) => known(m.date, m.source)));

  const facts = new Map<string, Fact>();
  for (const s of [...indicators.values(), ...rankings.values()]) for (const p of s.points) facts.set(p.id, p);
  for (const t of targets.values()) facts.set(t.id, t);

  // What is left out, and from when it is known: the later of its own date and its source's.
  const withheld = new Map<string, string>();
  const knownFrom = (date: string, source: string) => {
    const pub = fb.sources.get(source)?.published ?? date;
    return pub > date ? pub : date;
  };
  const hold = (id: string, date: string) => {
    const prev = withheld.get(id);
    if (!prev || date < prev) withheld.set(id, date);
  };
  for (const [id, f] of fb.facts) if (!facts.has(id)) hold(id, knownFrom(f.asOf, f.source));
  for (const [id, s] of [...fb.indicators, ...fb.rankings]) if (!indicators.has(id) && !rankings.has(id)) for (const p of s.points) hold(id, knownFrom(p.asOf, p.source));
  for (const [id, m] of fb.milestones) if (!milestones.has(id)) hold(id, knownFrom(m.date, m.source));

  const keep = new Set<string>([...sources.keys(), ...fb.entities.keys(), ...indicators.keys(), ...rankings.keys(), ...milestones.keys(), ...facts.keys()]);
  const locations = new Map([...fb.locations].filter(([id]) => keep.has(id)));

  return {
    ...fb,
    sources,
    indicators,
    rankings,
    targets,
    milestones,
    facts,
    locations,
    withheld,
    snapshotAsOf: asOf,
    // A different snapshot of the data: caches keyed on the hash must not mix them up.
    hash: createHash('sha256').update(fb.hash).update('\0as-of\0').update(asOf).digest('hex'),
  };
}

/** Latest date in the data, as YYYY-MM: the default date of a briefing. */
export function latestAsOf(fb: FactBase): string {
  let latest = '0000';
  for (const f of fb.facts.values()) if (f.asOf > latest) latest = f.asOf;
  for (const m of fb.milestones.values()) if (m.date > latest) latest = m.date;
  return latest.slice(0, 7);
}
