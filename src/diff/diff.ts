/**
 * Fact-level diff of two fact bases: which figures were added, removed or
 * changed, each with both figures written the way the text writes them, its
 * as-of date and source. Pure and deterministic.
 */
import type { Fact, FactBase, RankFact } from '../facts/model.js';
import type { StageResult, Warning } from '../model/document.js';
import { formatFigure, formatMovement, formatRank } from '../format/numbers.js';
import { compareIso, formatChineseDate } from '../format/dates.js';
import { sourceLabel } from '../templates/citations.js';
import type { ChangeKind, ChangeSide, FactChange } from './model.js';
import { msg } from '../i18n/index.js';

/** One comparable record of a fact base. */
interface Item extends Pick<FactChange, 'target' | 'id' | 'seriesId' | 'name' | 'subject' | 'subjectName' | 'label'> {
  group: 0 | 1 | 2; // facts, milestones, sources: the order they are listed in
  /** Fields whose change is listed. */
  major: Record<string, unknown>;
  /** Fields whose change is only counted (wording, paragraph, notes). */
  minor: Record<string, unknown>;
  side: ChangeSide;
  /** Pairs a re-dated point (its default id changes with the date) with its old self. */
  anchor?: string;
}

/** Like the `rank` and `movement` helpers: 连续七年位居第一, 第23位，上升6位. */
export function rankFigure(f: Pick<RankFact, 'rank' | 'consecutive' | 'movement'>): string {
  const base = formatRank(f.rank, f.consecutive);
  return f.movement === undefined ? base : `${base}，${formatMovement(f.movement)}`;
}

export function factFigure(f: Fact): string {
  if (f.kind === 'rank') return rankFigure(f);
  const figure = formatFigure(f.value, f.unit, f.qualifier);
  return f.kind === 'target' ? `${figure}（${f.targetYear}年目标）` : figure;
}

function shortName(fb: FactBase, entity: string): string {
  const e = fb.entities.get(entity);
  return e?.short ?? e?.name ?? entity;
}

/** 青岛 + 5G基站数量, unless the name already says whose it is (卡奥斯赋能企业数). */
function labelFor(fb: FactBase, subject: string, name: string): string {
  const e = fb.entities.get(subject);
  const names = [e?.short, e?.name, ...(e?.aliases ?? [])].filter((n): n is string => !!n);
  return names.some((n) => name.includes(n)) ? name : `${shortName(fb, subject)}${name}`;
}

function side(fb: FactBase, id: string, figure: string, printed: string, asOf: string, source: string): ChangeSide {
  const s = fb.sources.get(source);
  return { id, figure, printed, asOf, asOfLabel: formatChineseDate(asOf), source, sourceLabel: s ? sourceLabel(s.publisher, s.published) : source };
}

function factItem(fb: FactBase, f: Fact): Item {
  const common = { printed: f.printed, asOf: f.asOf, source: f.source, subject: f.subject };
  const minor = { para: f.para, note: f.note, alsoPrinted: f.alsoPrinted, definition: f.definition, name: f.name, tags: f.tags };
  const major: Record<string, unknown> =
    f.kind === 'value'
      ? { value: f.value, unit: f.unit, qualifier: f.qualifier, per: f.per, comparable: f.comparable, ...common }
      : f.kind === 'rank'
        ? { rank: f.rank, of: f.of, evaluationYear: f.evaluationYear, consecutive: f.consecutive, movement: f.movement, list: f.list, comparable: f.comparable, ...common }
        : { value: f.value, unit: f.unit, qualifier: f.qualifier, targetYear: f.targetYear, per: f.per, indicator: f.indicator, ...common };
  const name = f.kind === 'rank' ? f.list : f.name;
  const subjectName = shortName(fb, f.subject);
  return {
    group: 0,
    target: f.kind,
    id: f.id,
    seriesId: f.seriesId,
    name,
    subject: f.subject,
    subjectName,
    label: f.kind === 'rank' ? `${subjectName}（${f.list}）` : labelFor(fb, f.subject, f.name),
    major,
    minor,
    side: side(fb, f.id, factFigure(f), f.printed, f.asOf, f.source),
    anchor: f.kind === 'target' ? undefined : `${f.kind}|${f.seriesId}|${f.source}|${f.para}`,
  };
}

function items(fb: FactBase): Map<string, Item> {
  const out = new Map<string, Item>();
  for (const f of fb.facts.values()) out.set(`f:${f.id}`, factItem(fb, f));
  for (const m of fb.milestones.values()) {
    const figure = `${formatChineseDate(m.date)}${m.dateKind === 'by' ? '前' : ''}`;
    out.set(`m:${m.id}`, {
      group: 1,
      target: 'milestone',
      id: m.id,
      seriesId: m.id,
      name: m.event,
      subject: m.subject,
      subjectName: shortName(fb, m.subject),
      label: m.event,
      major: { date: m.date, dateKind: m.dateKind, event: m.event, kind: m.kind, printed: m.printed, source: m.source, subject: m.subject },
      minor: { para: m.para, note: m.note, alsoPrinted: m.alsoPrinted, tags: m.tags },
      side: side(fb, m.id, figure, m.printed, m.date, m.source),
    });
  }
  for (const s of fb.sources.values()) {
    out.set(`s:${s.id}`, {
      group: 2,
      target: 'source',
      id: s.id,
      seriesId: s.id,
      name: s.title,
      subject: s.publisher,
      subjectName: s.publisher,
      label: `${s.publisher}《${s.title}》`,
      major: { publisher: s.publisher, title: s.title, published: s.published, file: s.file, url: s.url, author: s.author },
      minor: {},
      side: { id: s.id, figure: `《${s.title}》`, printed: '', asOf: s.published, asOfLabel: formatChineseDate(s.published), source: s.id, sourceLabel: sourceLabel(s.publisher, s.published) },
    });
  }
  return out;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const differing = (a: Record<string, unknown>, b: Record<string, unknown>) =>
  [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => !same(a[k], b[k]));

function change(kind: ChangeKind, item: Item, extra: Partial<FactChange>): FactChange {
  const { target, id, seriesId, name, subject, subjectName, label } = item;
  return { kind, target, id, seriesId, name, subject, subjectName, label, fields: [], ...extra };
}

/** The old series' latest point before `asOf`, to show what a new point follows. */
function previousPoint(old: FactBase, f: Fact): ChangeSide | undefined {
  const series = f.kind === 'value' ? old.indicators.get(f.seriesId) : f.kind === 'rank' ? old.rankings.get(f.seriesId) : undefined;
  const earlier = (series?.points ?? []).filter((p: Fact) => compareIso(p.asOf, f.asOf) < 0);
  const p = earlier[earlier.length - 1];
  return p && side(old, p.id, factFigure(p), p.printed, p.asOf, p.source);
}

const KIND_ORDER: Record<ChangeKind, number> = { changed: 0, added: 1, removed: 2 };

export function diffFactBases(oldFb: FactBase, newFb: FactBase): StageResult<FactChange[]> {
  const before = items(oldFb);
  const after = items(newFb);
  const changes: Array<FactChange & { group: number }> = [];
  const removed: Item[] = [];
  const added: Item[] = [];
  const minorOnly: string[] = [];

  for (const [key, o] of before) {
    const n = after.get(key);
    if (!n || n.target !== o.target) {
      removed.push(o);
      continue;
    }
    const fields = differing(o.major, n.major);
    if (fields.length) changes.push({ ...change('changed', n, { fields, old: o.side, new: n.side }), group: n.group });
    else if (differing(o.minor, n.minor).length) minorOnly.push(n.id);
  }
  for (const [key, n] of after) {
    const o = before.get(key);
    if (!o || o.target !== n.target) added.push(n);
  }

  // A point whose date was corrected gets a new default id (series@date): same series, source and paragraph is the same point.
  const pairedAdded = new Set<Item>();
  for (const o of removed) {
    const n = o.anchor ? added.find((a) => !pairedAdded.has(a) && a.anchor === o.anchor) : undefined;
    if (n) {
      pairedAdded.add(n);
      changes.push({ ...change('changed', n, { fields: ['id', ...differing(o.major, n.major)], old: o.side, new: n.side }), group: n.group });
    } else {
      changes.push({ ...change('removed', o, { old: o.side }), group: o.group });
    }
  }
  for (const n of added) {
    if (pairedAdded.has(n)) continue;
    const fact = n.group === 0 ? newFb.facts.get(n.id) : undefined;
    const previous = fact ? previousPoint(oldFb, fact) : undefined;
    changes.push({ ...change('added', n, { new: n.side, ...(previous ? { previous } : {}) }), group: n.group });
  }

  const asOfOf = (c: FactChange) => (c.new ?? c.old)!.asOf;
  changes.sort(
    (a, b) =>
      a.group - b.group ||
      cmp(a.seriesId, b.seriesId) ||
      compareIso(asOfOf(a), asOfOf(b)) ||
      KIND_ORDER[a.kind] - KIND_ORDER[b.kind] ||
      cmp(a.id, b.id),
  );
  const warnings: Warning[] = [];
  if (minorOnly.length) {
    warnings.push({
      code: 'diff-minor-changes',
      message: msg('diff.minor-changes', { count: minorOnly.length, ids: minorOnly.sort().slice(0, 8), more: minorOnly.length > 8 ? ' …' : '' }),
    });
  }
  return { result: changes.map(({ group: _group, ...c }) => c), warnings };
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
