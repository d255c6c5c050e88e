/**
 * Merge parsed data files into one FactBase and check what a schema cannot:
 * duplicate ids, references, dates against their sources, printed figures
 * against values and units, staleness.
 */
import { msg } from '../i18n/index.js';
import type { Problem } from '../errors.js';
import type { Warning } from '../model/document.js';
import type { ParsedFile } from './load.js';
import type { FactBase, Indicator, Location, Ranking, RankFact, TargetFact, ValueFact } from './model.js';
import { compareIso, isoToMonths } from '../format/dates.js';
import { isAfter, knownBy, periodStart } from './periods.js';
import { closest } from '../util/closest.js';
import { checkMilestoneDate, checkRankFigure, checkTargetYear, checkValueFigure, type FieldProblem } from './check-figures.js';

const STALE_MONTHS = 18;

type RefKind = 'source' | 'entity' | 'tag' | 'indicator';
interface Ref {
  kind: RefKind;
  id: string;
  at: Location;
  /** For sources: the date that must not lie after the publication. */
  asOf?: string;
}

/**
 * A location whose line and column are looked up when first read. A build
 * records one for every id and reference, and reads a few: those of its
 * errors and warnings. Getters in a literal are own and enumerable, so `{ ...at }` copies values.
 */
function lazyLocation(file: string, find: () => { line: number; column: number }): Location {
  let found: { line: number; column: number } | undefined;
  return {
    file,
    get line() {
      return (found ??= find()).line;
    },
    get column() {
      return (found ??= find()).column;
    },
  };
}

export function assembleFactBase(
  files: ParsedFile[],
  hash: string,
  options: {
    asOf?: string;
    /** Today, YYYY-MM-DD: a publication or as-of date after it is an error. The caller passes it (no clock here). */
    today?: string;
    /** Some file could not be read at all: an id it defines may look unknown, so unknown references are not reported. */
    partial?: boolean;
  },
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
  const tagVocabulary: NonNullable<FactBase['tagVocabulary']> = new Map();
  const seenIds = new Map<string, Location>();
  const tagLocations = new Map<string, Location>();
  // Reference checks run after every file is read, so the order of files does not matter.
  const refs: Ref[] = [];
  const brokenIds = new Set<string>();

  const claim = (id: string, at: Location): boolean => {
    const prev = seenIds.get(id);
    if (prev) {
      problems.push({
        ...at,
        message: msg('data.duplicate-id', { id, first: `${prev.file}:${prev.line}` }),
        hint: msg('data.duplicate-id-hint'),
      });
      return false;
    }
    seenIds.set(id, at);
    fb.locations.set(id, at);
    return true;
  };

  for (const f of files) {
    const at = (path: Array<string | number>): Location => lazyLocation(f.file, () => f.locate(path));
    if (f.data.sourceTexts !== undefined) {
      if (fb.sourceTexts !== undefined) problems.push({ ...at(['sourceTexts']), message: msg('data.source-texts-twice'), hint: msg('data.source-texts-twice-hint') });
      fb.sourceTexts = f.data.sourceTexts;
    }
    const report = (base: Array<string | number>, found: FieldProblem[]) => {
      for (const p of found) problems.push({ ...at([...base, p.field]), message: p.message, hint: p.hint });
    };
    const notAfterToday = (date: string, path: Array<string | number>) => {
      if (options.today && periodStart(date) > options.today) {
        problems.push({ ...at(path), message: msg('data.date-after-today', { date, today: options.today }), hint: msg('data.date-after-today-hint') });
      }
    };
    for (const id of f.brokenIds ?? []) brokenIds.add(id);
    const tagRefs = (tags: string[], base: Array<string | number>) =>
      tags.forEach((t, k) => refs.push({ kind: 'tag', id: t, at: at([...base, 'tags', k]) }));

    f.data.sources?.forEach((s, i) => {
      if (claim(s.id, at(['sources', i, 'id']))) fb.sources.set(s.id, s);
      notAfterToday(s.published, ['sources', i, 'published']);
    });
    f.data.entities?.forEach((e, i) => {
      if (claim(e.id, at(['entities', i, 'id']))) fb.entities.set(e.id, e);
      if (e.parent) refs.push({ kind: 'entity', id: e.parent, at: at(['entities', i, 'parent']) });
    });
    f.data.tags?.forEach((t, i) => {
      // Tags live in their own namespace: a tag may share its name with a series.
      const prev = tagLocations.get(t.id);
      if (prev) {
        problems.push({ ...at(['tags', i, 'id']), message: msg('data.duplicate-tag', { id: t.id, first: `${prev.file}:${prev.line}` }), hint: msg('data.duplicate-tag-hint') });
        return;
      }
      tagLocations.set(t.id, at(['tags', i, 'id']));
      tagVocabulary.set(t.id, t);
    });

    f.data.indicators?.forEach((ind, i) => {
      const base = ['indicators', i];
      if (!claim(ind.id, at([...base, 'id']))) return;
      refs.push({ kind: 'entity', id: ind.subject, at: at([...base, 'subject']) });
      tagRefs(ind.tags, base);
      ind.notComparableWith?.forEach((other, k) =>
        refs.push({ kind: 'indicator', id: other, at: at([...base, 'notComparableWith', k]) }),
      );
      const points: ValueFact[] = ind.points.map((p, j) => {
        const pb = [...base, 'points', j];
        const factId = p.id ?? `${ind.id}@${p.asOf}`;
        claim(factId, at(pb));
        refs.push({ kind: 'source', id: p.source, at: at([...pb, 'source']), asOf: p.asOf });
        notAfterToday(p.asOf, [...pb, 'asOf']);
        report(pb, checkValueFigure({ ...p, unit: ind.unit, alsoUnits: [...(ind.alsoUnits ?? []), ...(ind.noun ? [ind.noun, `${ind.unit}${ind.noun}`] : [])] }));
        return {
          kind: 'value',
          id: factId,
          seriesId: ind.id,
          name: ind.name,
          subject: ind.subject,
          tags: ind.tags,
          unit: ind.unit,
          noun: ind.noun,
          value: p.value,
          qualifier: p.qualifier,
          per: ind.per,
          asOf: p.asOf,
          source: p.source,
          para: p.para,
          printed: p.printed,
          alsoPrinted: p.alsoPrinted,
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
      const base = ['rankings', i];
      if (!claim(r.id, at([...base, 'id']))) return;
      refs.push({ kind: 'entity', id: r.subject, at: at([...base, 'subject']) });
      tagRefs(r.tags, base);
      const points: RankFact[] = r.points.map((p, j) => {
        const pb = [...base, 'points', j];
        const factId = p.id ?? `${r.id}@${p.evaluationYear}`;
        claim(factId, at(pb));
        refs.push({ kind: 'source', id: p.source, at: at([...pb, 'source']), asOf: p.asOf });
        notAfterToday(p.asOf, [...pb, 'asOf']);
        report(pb, checkRankFigure(p));
        if (p.evaluationYear > Number(p.asOf.slice(0, 4))) {
          problems.push({
            ...at([...pb, 'evaluationYear']),
            message: msg('data.evaluation-after-as-of', { year: p.evaluationYear, asOf: p.asOf }),
            hint: msg('data.evaluation-after-as-of-hint'),
          });
        }
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
          alsoPrinted: p.alsoPrinted,
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
      const base = ['targets', i];
      if (!claim(t.id, at([...base, 'id']))) return;
      refs.push({ kind: 'entity', id: t.subject, at: at([...base, 'subject']) });
      refs.push({ kind: 'source', id: t.source, at: at([...base, 'source']), asOf: t.asOf });
      notAfterToday(t.asOf, [...base, 'asOf']);
      if (t.indicator) refs.push({ kind: 'indicator', id: t.indicator, at: at([...base, 'indicator']) });
      tagRefs(t.tags, base);
      report(base, checkValueFigure(t));
      report(base, checkTargetYear(t));
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
        per: t.per,
        indicator: t.indicator,
        asOf: t.asOf,
        source: t.source,
        para: t.para,
        printed: t.printed,
        alsoPrinted: t.alsoPrinted,
        comparable: t.comparable ?? true,
        definition: t.definition,
        note: t.note,
      };
      fb.targets.set(t.id, fact);
      fb.facts.set(t.id, fact);
      if (Number(t.asOf.slice(0, 4)) > t.targetYear) {
        problems.push({
          ...at([...base, 'targetYear']),
          message: msg('data.target-year-before-set', { year: t.targetYear, asOf: t.asOf }),
          hint: msg('data.target-year-before-set-hint'),
        });
      }
    });

    f.data.milestones?.forEach((m, i) => {
      const base = ['milestones', i];
      if (!claim(m.id, at([...base, 'id']))) return;
      refs.push({ kind: 'entity', id: m.subject, at: at([...base, 'subject']) });
      refs.push({ kind: 'source', id: m.source, at: at([...base, 'source']), asOf: m.date });
      tagRefs(m.tags, base);
      // A 'by' date is the source's date; its printed text names something else (a list year, a first).
      if (m.dateKind === 'on') report(base, checkMilestoneDate(m));
      fb.milestones.set(m.id, m);
    });
  }

  if (tagVocabulary.size) fb.tagVocabulary = tagVocabulary;
  checkRefs(fb, refs.filter((r) => !brokenIds.has(r.id)), problems, options.partial ?? false, tagLocations);
  if (options.asOf) staleWarnings(fb, options.asOf, warnings);
  return { factBase: fb, problems, warnings };
}

function knownIds(fb: FactBase, kind: RefKind): Iterable<string> {
  return kind === 'entity' ? fb.entities.keys() : kind === 'indicator' ? fb.indicators.keys() : kind === 'tag' ? (fb.tagVocabulary?.keys() ?? []) : fb.sources.keys();
}

function checkRefs(fb: FactBase, refs: Ref[], problems: Problem[], partial: boolean, tagLocations: Map<string, Location>): void {
  for (const r of refs) {
    const known =
      r.kind === 'entity'
        ? fb.entities.has(r.id)
        : r.kind === 'indicator'
          ? fb.indicators.has(r.id)
          : r.kind === 'tag'
            ? !fb.tagVocabulary || fb.tagVocabulary.has(r.id) // no vocabulary declared: any tag goes
            : fb.sources.has(r.id);
    const whereIs = (id: string) => {
      const at = r.kind === 'tag' ? tagLocations.get(id) : fb.locations.get(id);
      return at ? `${at.file}:${at.line}` : '?';
    };
    if (!known) {
      if (partial) continue; // it may be defined in the file that could not be read
      const near = closest(r.id, knownIds(fb, r.kind));
      problems.push({
        ...r.at,
        message: msg(`data.unknown-${r.kind}`, { id: r.id }),
        hint: near ? msg('data.did-you-mean', { near, where: whereIs(near) }) : msg(`data.unknown-${r.kind}-hint`),
      });
      continue;
    }
    const source = r.kind === 'source' ? fb.sources.get(r.id) : undefined;
    if (source && r.asOf && isAfter(r.asOf, source.published)) {
      problems.push({
        ...r.at,
        message: msg('data.as-of-after-publication', { asOf: r.asOf, source: r.id, published: source.published }),
        hint: msg('data.as-of-after-publication-hint'),
      });
    }
  }
}

/**
 * Latest values older than STALE_MONTHS before the report date. Headline
 * (kpi-tagged) series get one warning each; the rest are summed up in one
 * line, since most figures of a news-based fact base are naturally older.
 */
export function staleWarnings(fb: FactBase, asOf: string, warnings: Warning[]): void {
  const limit = isoToMonths(asOf);
  const others: string[] = [];
  for (const ind of fb.indicators.values()) {
    const known = ind.points.filter((p) => knownBy(p.asOf, asOf));
    const latest = known[known.length - 1];
    if (!latest || limit - isoToMonths(latest.asOf) <= STALE_MONTHS) continue;
    if (!ind.tags.includes('kpi')) {
      others.push(ind.id);
      continue;
    }
    const at = fb.locations.get(latest.id);
    warnings.push({
      code: 'stale',
      message: msg('data.stale', { id: ind.id, latest: latest.asOf, months: STALE_MONTHS, asOf }),
      file: at?.file,
      line: at?.line,
    });
  }
  if (others.length) {
    warnings.push({
      code: 'stale',
      message: msg('data.stale-others', { count: others.length, months: STALE_MONTHS, asOf, examples: others.slice(0, 3) }),
    });
  }
}
