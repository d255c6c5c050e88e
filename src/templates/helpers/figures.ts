/**
 * Helpers that print figures from the fact base. Each records the citation
 * of every fact it prints, so no figure reaches the output unsourced, and
 * each knows the build's date: a figure from an earlier period carries its
 * period, a due target is never printed as a plan.
 */
import type { HelperDelegate, HelperOptions as HbsOptions } from 'handlebars';
import type { Fact, RankFact, TargetFact, ValueFact } from '../../facts/model.js';
import {
  formatRank,
  formatFigure,
  formatBoundedGrowth,
  formatBoundedChange,
  formatMovement,
  scaleNumber,
  type QualifierStyle,
} from '../../format/numbers.js';
import { formatChineseDate, type DatePrecision } from '../../format/dates.js';
import { LookupError, type FactLookup } from '../lookup.js';
import type { CitationRegistry } from '../citations.js';
import { isCurrent, periodLabel, targetStatus, within, type TimeContext } from '../time.js';
import { msg } from '../../i18n/index.js';

interface HelperOptions {
  hash: Record<string, unknown>;
}

function opts(args: unknown[]): HelperOptions {
  return args[args.length - 1] as HelperOptions;
}

function str(v: unknown, what: string): string {
  if (typeof v === 'string' && v) return v;
  if (v && typeof v === 'object' && 'id' in v) return String((v as { id: unknown }).id);
  throw new LookupError(msg('helper.expects-id', { helper: what, got: v === undefined ? msg('type.undefined') : JSON.stringify(v) }), msg('helper.expects-id-hint', { helper: what }));
}

/** A point's printed figure, formatted from its value (not copied from `printed`). */
export function figureOf(f: ValueFact | TargetFact, style: QualifierStyle = 'default', showUnit = true, measureWord = true): string {
  const noun = f.kind === 'value' ? f.noun : undefined;
  if (noun && !measureWord) return formatFigure(f.value, showUnit ? noun : '', f.qualifier, style);
  return formatFigure(f.value, showUnit ? f.unit : '', f.qualifier, style) + (showUnit && noun ? noun : '');
}

function points(lookup: FactLookup, seriesId: string, from?: unknown, to?: unknown): ValueFact[] {
  const ind = lookup.indicator(seriesId);
  return ind.points.filter(
    (p) => (from === undefined || p.asOf >= String(from)) && (to === undefined || p.asOf.slice(0, String(to).length) <= String(to)),
  );
}

/** Both ends of a change must measure the same thing, or the change is not a change. */
function comparablePair(lookup: FactLookup, seriesId: string, hash: Record<string, unknown>): [ValueFact, ValueFact] {
  const pts = points(lookup, seriesId, hash.from, hash.to);
  if (pts.length < 2) throw new LookupError(msg(hash.from || hash.to ? 'helper.growth-one-point-in-range' : 'helper.growth-one-point', { id: seriesId }), msg('helper.growth-one-point-hint', { id: seriesId }));
  const first = pts[0];
  const last = pts[pts.length - 1];
  for (const p of [first, last]) {
    if (!p.comparable) {
      throw new LookupError(msg('helper.not-comparable', { id: p.id, why: p.definition ?? p.note ?? msg('helper.definition-differs') }), msg('helper.compare-hint'));
    }
  }
  if (first.value === last.value && first.asOf !== last.asOf) {
    // The same count reported twice is a repetition, not a flat trend worth a claim.
    throw new LookupError(msg('helper.same-value', { id: seriesId, printed: first.printed }), msg('helper.compare-hint'));
  }
  return [first, last];
}

/** The base period of a change: the year, or the month when both ends share a year. */
function basePeriod(a: Fact, b: Fact): string {
  return formatChineseDate(a.asOf, a.asOf.slice(0, 4) === b.asOf.slice(0, 4) ? 'month' : 'year');
}

export function figureHelpers(lookup: FactLookup, registry: CitationRegistry, time: TimeContext): Record<string, HelperDelegate> {
  // Periods announced by enclosing {{#dated}} blocks: their figures need no date of their own.
  const announced: string[] = [];
  // Periods just printed by {{asOf}}: only the very next figure may take one as its date.
  const pending: string[] = [];
  const covered = (f: Fact) => {
    const said = pending.some((a) => within(f.asOf, a));
    pending.length = 0;
    return said || isCurrent(f.asOf, time) || announced.some((a) => within(f.asOf, a));
  };
  /** "（2024年3月）" after a figure from an earlier period, unless a {{#dated}} block said it. */
  const suffix = (f: Fact) => (covered(f) ? '' : `（${periodLabel(f.asOf)}）`);

  const checkTarget = (f: Fact, hash: Record<string, unknown>, helper: string) => {
    if (f.kind !== 'target' || hash.set === true || targetStatus(f, time) === 'open') return;
    throw new LookupError(
      `target '${f.id}' was due in ${f.targetYear}; at ${time.asOf} it is not a plan. Show it as what was set ({{targetSet "${f.id}"}}, or ${helper} with set=true in a sentence that says it was set), or guard it with {{#if (isOpen "${f.id}")}}`,
    );
  };

  const printFact = (f: Fact, hash: Record<string, unknown>) => {
    // {{fact}} of a rank is the bare place (第1位); {{rank}} adds 连续七年.
    if (f.kind === 'rank') return registry.cite(f, formatRank(f.rank)) + suffix(f);
    checkTarget(f, hash, 'fact');
    const figure = figureOf(f, (hash.style as QualifierStyle) ?? 'default', hash.unit !== false, hash.measure !== false);
    // A target's date is its due year, said by the sentence; its figure is a goal, not a period's value.
    if (f.kind === 'target') {
      pending.length = 0;
      return registry.cite(f, figure);
    }
    return registry.cite(f, figure) + suffix(f);
  };

  return {
    /** {{fact "id"}} → 超16万家 (cited), 超九成（2024年3月） when from an earlier period. hash: style=yu|duo|tupo|yishang|zuoyou|none, unit=false, measure=false (9省), set=true (a due target, as set). */
    fact(...args: unknown[]) {
      return printFact(lookup.fact(str(args[0], 'fact')), opts(args).hash);
    },
    /** {{value "id"}} → 超16 / 4.6 / 近30: the number of a KPI card, with a leading qualifier. Pair it with {{asOfNote}}. */
    value(...args: unknown[]) {
      const f = lookup.valueFact(str(args[0], 'value'));
      checkTarget(f, opts(args).hash, 'value');
      if (f.qualifier === 'magnitude') return registry.cite(f, figureOf(f, 'default', false));
      const prefix = { 'more-than': '超', about: '约', nearly: '近', 'less-than': '小于', exact: '', 'at-least': '', magnitude: '' }[f.qualifier];
      return registry.cite(f, `${prefix}${scaleNumber(f.value, f.unit).number}`);
    },
    /** {{unitOf "id"}} → 万个 / 万家以上 / %: the small unit beside a KPI number. */
    unitOf(...args: unknown[]) {
      const f = lookup.valueFact(str(args[0], 'unitOf'));
      if (f.qualifier === 'magnitude') return '';
      return `${scaleNumber(f.value, f.unit).scale}${f.unit}${f.qualifier === 'at-least' ? '以上' : ''}`;
    },
    /** {{asOfNote "id"}} → "（2024年3月）" when the figure is not of the deck's date, else nothing: KPI cards and table cells. */
    asOfNote(...args: unknown[]) {
      const f = lookup.fact(str(args[0], 'asOfNote'));
      return isCurrent(f.asOf, time) ? '' : `（${periodLabel(f.asOf, opts(args).hash.precision as DatePrecision | undefined)}）`;
    },
    /** {{latest "series"}} / {{first "series"}} → the figure of the series' last or first point, dated when earlier. */
    latest(...args: unknown[]) {
      const pts = points(lookup, str(args[0], 'latest'));
      return printFact(pts[pts.length - 1], opts(args).hash);
    },
    first(...args: unknown[]) {
      return printFact(points(lookup, str(args[0], 'first'))[0], opts(args).hash);
    },
    /**
     * {{growth "series" from="2020" to="2025"}} → 较2020年增长不到2.9倍: always names the
     * base period; hedged as an upper or lower bound when the ends are qualified;
     * the end's period is said when it is not current. Refuses non-comparable points.
     */
    growth(...args: unknown[]) {
      const [a, b] = comparablePair(lookup, str(args[0], 'growth'), opts(args).hash);
      const text = `较${basePeriod(a, b)}${formatBoundedGrowth(a.value, b.value, a.qualifier, b.qualifier)}`;
      return (covered(b) ? '' : `${periodLabel(b.asOf)}`) + registry.citeSilently(a) + registry.cite(b, text);
    },
    /** {{change "series"}} → 较2012年提高22.4个百分点 for % series, else 较…增加3.4万个; hedged like growth. */
    change(...args: unknown[]) {
      const [a, b] = comparablePair(lookup, str(args[0], 'change'), opts(args).hash);
      const text = `较${basePeriod(a, b)}${formatBoundedChange(a.value, b.value, a.unit, a.qualifier, b.qualifier)}`;
      return (covered(b) ? '' : `${periodLabel(b.asOf)}`) + registry.citeSilently(a) + registry.cite(b, text);
    },
    /** (canCompare "series"): whether growth/change can be stated (two comparable, different points). */
    canCompare(...args: unknown[]) {
      try {
        comparablePair(lookup, str(args[0], 'canCompare'), opts(args).hash);
        return true;
      } catch {
        return false;
      }
    },
    /** {{rank "id"}} → 第1位, or 连续七年位居第一 when the point says so (consecutive=false to suppress); dated when earlier. */
    rank(...args: unknown[]) {
      const o = opts(args);
      const f: RankFact = lookup.rankFact(str(args[0], 'rank'));
      return registry.cite(f, formatRank(f.rank, o.hash.consecutive === false ? undefined : f.consecutive)) + suffix(f);
    },
    /** {{movement "id"}} → 上升6位. */
    movement(...args: unknown[]) {
      const f = lookup.rankFact(str(args[0], 'movement'));
      if (f.movement === undefined) throw new LookupError(msg('helper.no-movement', { id: f.id }), msg('helper.no-movement-hint'));
      return registry.cite(f, formatMovement(f.movement)) + suffix(f);
    },
    /**
     * {{asOf "id"}} → 2025年12月: the date a figure refers to; point="first" for a series' first
     * point. The next figure of that period printed after it needs no date of its own.
     */
    asOf(...args: unknown[]) {
      const o = opts(args);
      const id = str(args[0], 'asOf');
      const f = o.hash.point === 'first' ? lookup.series(id).points[0] : lookup.fact(id);
      const precision = o.hash.precision as DatePrecision | undefined;
      pending.push(precision === 'year' ? f.asOf.slice(0, 4) : precision === 'month' ? f.asOf.slice(0, 7) : f.asOf);
      return formatChineseDate(f.asOf, precision);
    },
    /** (isCurrent "id"): the figure is of the deck's date (see the template's currentMonths). */
    isCurrent(...args: unknown[]) {
      return isCurrent(lookup.fact(str(args[0], 'isCurrent')).asOf, time);
    },
    /**
     * {{#dated "id" lead="截至"}}…{{/dated}} → "2024年3月，…" (or "截至2024年3月，…") when the
     * figure is from an earlier period, just "…" when current. Figures of that period inside
     * the block carry no date of their own. precision="year" to say the year only;
     * intro="…{date}…" to frame the date otherwise.
     */
    dated(...args: unknown[]) {
      const o = args[args.length - 1] as HbsOptions;
      const f = lookup.fact(str(args[0], 'dated'));
      if (!o.fn) throw new LookupError('dated is a block helper: {{#dated "id"}}…{{/dated}}');
      if (isCurrent(f.asOf, time)) return o.fn(this);
      const precision = (o.hash.precision as DatePrecision | undefined) ?? (f.asOf.length > 7 ? 'month' : undefined);
      const iso = precision === 'year' ? f.asOf.slice(0, 4) : precision === 'month' ? f.asOf.slice(0, 7) : f.asOf;
      announced.push(iso);
      try {
        const lead = typeof o.hash.lead === 'string' ? o.hash.lead : '';
        // intro="（{date}）": the template's own frame for the date; intro="" when it has printed it already (asOfNote).
        const intro = typeof o.hash.intro === 'string' ? o.hash.intro.replace('{date}', formatChineseDate(iso)).replace(/\\n/g, '\n') : `${lead}${formatChineseDate(iso)}，`;
        return `${intro}${o.fn(this)}`;
      } finally {
        announced.pop();
      }
    },
    /** {{targetYear "id"}} → 2027年 (set=true for a due target). */
    targetYear(...args: unknown[]) {
      const t = lookup.target(str(args[0], 'targetYear'));
      checkTarget(t, opts(args).hash, 'targetYear');
      return `${t.targetYear}年`;
    },
    /** (isOpen "id"): the target exists at the deck's date and its year has not passed. */
    isOpen(...args: unknown[]) {
      const id = str(args[0], 'isOpen');
      const t = lookup.fb.targets.get(id);
      return !!t && targetStatus(t, time) === 'open';
    },
    /**
     * {{targetSet "id"}} → 2024年提出的目标：新增特定行业平台10家以上, followed by
     * the latest figure the data holds on the same measure (the target's indicator).
     */
    targetSet(...args: unknown[]) {
      const t = lookup.target(str(args[0], 'targetSet'));
      const set = formatChineseDate(t.asOf, 'year');
      // short=true: the set year after the goal, for lists of several (…3000家以上（2020年提出）).
      let out = opts(args).hash.short === true ? `${t.name}${registry.cite(t, figureOf(t))}（${set}提出）` : `${set}提出的目标：${t.name}${registry.cite(t, figureOf(t))}`;
      const ind = t.indicator ? lookup.fb.indicators.get(t.indicator) : undefined;
      const later = ind?.points.filter((p) => p.asOf >= t.asOf.slice(0, 7)).at(-1);
      if (later) out += `；${periodLabel(later.asOf)}，${ind!.name}${registry.cite(later, figureOf(later))}`;
      return out;
    },
    /** {{cite "id"}}: record a citation (of a fact or a milestone) without printing anything. */
    cite(...args: unknown[]) {
      const id = str(args[0], 'cite');
      const m = lookup.fb.milestones.get(id);
      if (m) return registry.citeSilently({ id: m.id, source: m.source, asOf: m.date, para: m.para, printed: m.printed });
      return registry.citeSilently(lookup.fact(id));
    },
  };
}
