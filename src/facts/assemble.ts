/**
 * Merge parsed data files into one FactBase and check what a schema cannot:
 * duplicate ids, references, dates against their sources, staleness.
 */
import type { Problem } from '../errors.js';
import type { Warning } from '../model/document.js';
import type { ParsedFile } from './load.js';
import type { FactBase, Indicator, Location, Ranking, RankFact, TargetFact, ValueFact } from './model.js';
import { compareIso, isoToMonths } from '../format/dates.js';

const STALE_MONTHS = 18;

export function assembleFactBase(
  files: ParsedFile[],
  hash: string,
  options: { asOf?: string },
): { factBase: FactBase; problems: Problem[]; warnings: Warning[] } {
  const problems: Problem[] = [];
  const warnings: Warning[] = [];
  const fb: FactBase = {
    sources: new Map(),
    entities: new Map(),
    indicators: new Map(),
    rankings: new Map(),
    targets: new Map(),
    milestones: new Map(),
    facts: new Map(),
    locations: new Map(),
    hash,
  };
  const seenIds = new Map<string, Location>();
  // Reference checks run after every file is read, so order of files does not matter.
  const refs: Array<{ kind: 'source' | 'entity'; id: string; at: Location; asOf?: string }> = [];

  const claim = (id: string, at: Location): boolean => {
    const prev = seenIds.get(id);
    if (prev) {
      problems.push({
        ...at,
        message: `duplicate id '${id}' (first defined at ${prev.file}:${prev.line})`,
        hint: 'ids must be unique across all data files; rename one of them',
      });
      return false;
    }
    seenIds.set(id, at);
    fb.locations.set(id, at);
    return true;
  };

  for (const f of files) {
    const at = (path: Array<string | number>): Location => ({ file: f.file, ...f.locate(path) });
    f.data.sources?.forEach((s, i) => {
      if (claim(s.id, at(['sources', i, 'id']))) fb.sources.set(s.id, s);
    });
    f.data.entities?.forEach((e, i) => {
      if (claim(e.id, at(['entities', i, 'id']))) fb.entities.set(e.id, e);
      if (e.parent) refs.push({ kind: 'entity', id: e.parent, at: at(['entities', i, 'parent']) });
    });
    f.data.indicators?.forEach((ind, i) => {
      if (!claim(ind.id, at(['indicators', i, 'id']))) return;
      refs.push({ kind: 'entity', id: ind.subject, at: at(['indicators', i, 'subject']) });
      const points: ValueFact[] = ind.points.map((p, j) => {
        const factId = p.id ?? `${ind.id}@${p.asOf}`;
        const where = at(['indicators', i, 'points', j]);
        claim(factId, where);
        refs.push({ kind: 'source', id: p.source, at: at(['indicators', i, 'points', j, 'source']), asOf: p.asOf });
        return {
          kind: 'value',
          id: factId,
          seriesId: ind.id,
          name: ind.name,
          subject: ind.subject,
          tags: ind.tags,
          unit: ind.unit,
          value: p.value,
          qualifier: p.qualifier,
          asOf: p.asOf,
          source: p.source,
          para: p.para,
          printed: p.printed,
          comparable: p.comparable ?? true,
          definition: p.definition ?? ind.definition,
          note: p.note,
        };
      });
      points.sort((a, b) => compareIso(a.asOf, b.asOf));
      const indicator: Indicator = { ...ind, points };
      fb.indicators.set(ind.id, indicator);
      for (const p of points) fb.facts.set(p.id, p);
    });
    f.data.rankings?.forEach((r, i) => {
      if (!claim(r.id, at(['rankings', i, 'id']))) return;
      refs.push({ kind: 'entity', id: r.subject, at: at(['rankings', i, 'subject']) });
      const points: RankFact[] = r.points.map((p, j) => {
        const factId = p.id ?? `${r.id}@${p.evaluationYear}`;
        claim(factId, at(['rankings', i, 'points', j]));
        refs.push({ kind: 'source', id: p.source, at: at(['rankings', i, 'points', j, 'source']), asOf: p.asOf });
        return {
          kind: 'rank',
          id: factId,
          seriesId: r.id,
          name: r.list,
          list: r.list,
          subject: r.subject,
          tags: r.tags,
          rank: p.rank,
          of: p.of,
          evaluationYear: p.evaluationYear,
          consecutive: p.consecutive,
          movement: p.movement,
          asOf: p.asOf,
          source: p.source,
          para: p.para,
          printed: p.printed,
          comparable: p.comparable ?? true,
          definition: p.definition ?? r.definition,
          note: p.note,
        };
      });
      points.sort((a, b) => a.evaluationYear - b.evaluationYear || compareIso(a.asOf, b.asOf));
      const ranking: Ranking = { ...r, points };
      fb.rankings.set(r.id, ranking);
      for (const p of points) fb.facts.set(p.id, p);
    });
    f.data.targets?.forEach((t, i) => {
      if (!claim(t.id, at(['targets', i, 'id']))) return;
      refs.push({ kind: 'entity', id: t.subject, at: at(['targets', i, 'subject']) });
      refs.push({ kind: 'source', id: t.source, at: at(['targets', i, 'source']), asOf: t.asOf });
      const fact: TargetFact = {
        kind: 'target',
        id: t.id,
        seriesId: t.id,
        name: t.name,
        subject: t.subject,
        tags: t.tags,
        unit: t.unit,
        value: t.value,
        qualifier: t.qualifier,
        targetYear: t.targetYear,
        asOf: t.asOf,
        source: t.source,
        para: t.para,
        printed: t.printed,
        comparable: t.comparable ?? true,
        definition: t.definition,
        note: t.note,
      };
      fb.targets.set(t.id, fact);
      fb.facts.set(t.id, fact);
      if (Number(t.asOf.slice(0, 4)) > t.targetYear) {
        problems.push({ ...at(['targets', i, 'targetYear']), message: `target year ${t.targetYear} is before the date it was set (${t.asOf})` });
      }
    });
    f.data.milestones?.forEach((m, i) => {
      if (!claim(m.id, at(['milestones', i, 'id']))) return;
      refs.push({ kind: 'entity', id: m.subject, at: at(['milestones', i, 'subject']) });
      refs.push({ kind: 'source', id: m.source, at: at(['milestones', i, 'source']), asOf: m.date });
      fb.milestones.set(m.id, m);
    });
  }

  for (const r of refs) {
    if (r.kind === 'entity') {
      if (!fb.entities.has(r.id)) {
        problems.push({ ...r.at, message: `unknown entity '${r.id}'`, hint: `add it under entities: (e.g. in data/entities.yaml) or fix the id` });
      }
      continue;
    }
    const source = fb.sources.get(r.id);
    if (!source) {
      problems.push({ ...r.at, message: `unknown source '${r.id}'`, hint: 'add it to data/sources.yaml or use one of its ids' });
    } else if (r.asOf && compareIso(r.asOf, source.published) > 0) {
      problems.push({
        ...r.at,
        message: `as-of date ${r.asOf} is after its source '${r.id}' was published (${source.published})`,
        hint: 'a source can only report what was true by its publication date: check asOf or the source',
      });
    }
  }

  if (options.asOf) {
    const limit = isoToMonths(options.asOf);
    for (const ind of fb.indicators.values()) {
      const known = ind.points.filter((p) => compareIso(p.asOf, options.asOf!) <= 0);
      const latest = known[known.length - 1];
      if (latest && limit - isoToMonths(latest.asOf) > STALE_MONTHS) {
        const at = fb.locations.get(latest.id);
        warnings.push({
          code: 'stale',
          message: `latest value of '${ind.id}' is from ${latest.asOf}, more than ${STALE_MONTHS} months before ${options.asOf}`,
          file: at?.file,
          line: at?.line,
        });
      }
    }
  }

  checkSeriesUnits(fb, problems);
  return { factBase: fb, problems, warnings };
}

/** A series' points share its unit; a printed figure must not name a different one. */
function checkSeriesUnits(fb: FactBase, problems: Problem[]): void {
  for (const ind of fb.indicators.values()) {
    if (ind.unit === '%') {
      for (const p of ind.points) {
        if (!p.printed.includes('%') && !/成|百分/.test(p.printed)) {
          const at = fb.locations.get(p.id)!;
          problems.push({ ...at, message: `'${p.id}' is in a % series but its printed figure '${p.printed}' is not a percentage`, hint: 'move it to its own indicator or fix the unit' });
        }
      }
    }
  }
}
