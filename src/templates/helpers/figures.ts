/**
 * Helpers that print figures from the fact base. Each records the citation
 * of every fact it prints, so no figure reaches the output unsourced.
 */
import type { HelperDelegate } from 'handlebars';
import type { RankFact, TargetFact, ValueFact } from '../../facts/model.js';
import {
  formatRank,
  formatFigure,
  formatGrowth,
  formatIncrease,
  formatMovement,
  formatPointChange,
  scaleNumber,
  type QualifierStyle,
} from '../../format/numbers.js';
import { formatChineseDate, type DatePrecision } from '../../format/dates.js';
import { LookupError, type FactLookup } from '../lookup.js';
import type { CitationRegistry } from '../citations.js';
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
export function figureOf(f: ValueFact | TargetFact, style: QualifierStyle = 'default', showUnit = true): string {
  const unit = showUnit ? f.unit : '';
  return formatFigure(f.value, unit, f.qualifier, style);
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
  if (pts.length < 2) throw new LookupError(msg(hash.from || hash.to ? 'helper.growth-one-point-in-range' : 'helper.growth-one-point', { id: seriesId }), msg('helper.growth-one-point-hint'));
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

/**
 * A change between approximate figures is itself approximate: from 超1.2万 to
 * 4.6万 the growth is a little under 2.8倍, so say 近; to 超X, say 超; 约 either way.
 */
function hedgeChange(text: string, from: ValueFact, to: ValueFact): string {
  const lower = (q: string) => q === 'more-than' || q === 'at-least';
  let hedge = '';
  if (from.qualifier === 'about' || to.qualifier === 'about' || (lower(from.qualifier) && lower(to.qualifier))) hedge = '约';
  else if (lower(from.qualifier) || to.qualifier === 'less-than') hedge = '近';
  else if (lower(to.qualifier) || from.qualifier === 'less-than') hedge = '超';
  return hedge ? text.replace(/^(增长|下降|提高|增加|减少)/, `$1${hedge}`) : text;
}

export function figureHelpers(lookup: FactLookup, registry: CitationRegistry): Record<string, HelperDelegate> {
  return {
    /** {{fact "id"}} → 超16万家 (cited). hash: style=yu|duo|yishang|zuoyou|none, unit=false. */
    fact(...args: unknown[]) {
      const o = opts(args);
      const f = lookup.fact(str(args[0], 'fact'));
      if (f.kind === 'rank') return registry.cite(f, formatRank(f.rank));
      const figure = figureOf(f, (o.hash.style as QualifierStyle) ?? 'default', o.hash.unit !== false);
      return registry.cite(f, figure);
    },
    /** {{value "id"}} → 超16 / 4.6 / 95: the number of a KPI card, with a leading qualifier. */
    value(...args: unknown[]) {
      const f = lookup.valueFact(str(args[0], 'value'));
      const prefix = { 'more-than': '超', about: '约', 'less-than': '小于', exact: '', 'at-least': '' }[f.qualifier];
      return registry.cite(f, `${prefix}${scaleNumber(f.value, f.unit).number}`);
    },
    /** {{unitOf "id"}} → 万个 / 万家以上 / %: the small unit beside a KPI number. */
    unitOf(...args: unknown[]) {
      const f = lookup.valueFact(str(args[0], 'unitOf'));
      return `${scaleNumber(f.value, f.unit).scale}${f.unit}${f.qualifier === 'at-least' ? '以上' : ''}`;
    },
    /** {{latest "series"}} / {{first "series"}} → the figure of the series' last or first point. */
    latest(...args: unknown[]) {
      const o = opts(args);
      const pts = points(lookup, str(args[0], 'latest'));
      const p = pts[pts.length - 1];
      return registry.cite(p, figureOf(p, (o.hash.style as QualifierStyle) ?? 'default'));
    },
    first(...args: unknown[]) {
      const o = opts(args);
      const p = points(lookup, str(args[0], 'first'))[0];
      return registry.cite(p, figureOf(p, (o.hash.style as QualifierStyle) ?? 'default'));
    },
    /** {{growth "series" from="2020" to="2025"}} → 增长2.8倍 / 增长35.2%; refuses non-comparable points. */
    growth(...args: unknown[]) {
      const [a, b] = comparablePair(lookup, str(args[0], 'growth'), opts(args).hash);
      return registry.citeSilently(a) + registry.cite(b, hedgeChange(formatGrowth(a.value, b.value), a, b));
    },
    /** {{change "series"}} → 提高3个百分点 for % series, else 增加3.4万个. */
    change(...args: unknown[]) {
      const [a, b] = comparablePair(lookup, str(args[0], 'change'), opts(args).hash);
      const text = a.unit === '%' ? formatPointChange(a.value, b.value) : formatIncrease(a.value, b.value, a.unit);
      return registry.citeSilently(a) + registry.cite(b, hedgeChange(text, a, b));
    },
    /** {{rank "id"}} → 第1位, or 连续七年第一 when the point says so (consecutive="false" to suppress). */
    rank(...args: unknown[]) {
      const o = opts(args);
      const f: RankFact = lookup.rankFact(str(args[0], 'rank'));
      return registry.cite(f, formatRank(f.rank, o.hash.consecutive === false ? undefined : f.consecutive));
    },
    /** {{movement "id"}} → 上升6位. */
    movement(...args: unknown[]) {
      const f = lookup.rankFact(str(args[0], 'movement'));
      if (f.movement === undefined) throw new LookupError(msg('helper.no-movement', { id: f.id }), msg('helper.no-movement-hint'));
      return registry.cite(f, formatMovement(f.movement));
    },
    /** {{asOf "id"}} → 2025年12月: the date a figure refers to; point="first" for a series' first point. */
    asOf(...args: unknown[]) {
      const o = opts(args);
      const id = str(args[0], 'asOf');
      const f = o.hash.point === 'first' ? lookup.series(id).points[0] : lookup.fact(id);
      return formatChineseDate(f.asOf, o.hash.precision as DatePrecision | undefined);
    },
    /** {{targetYear "id"}} → 2027年. */
    targetYear(...args: unknown[]) {
      return `${lookup.target(str(args[0], 'targetYear')).targetYear}年`;
    },
    /** {{cite "id"}}: record a citation (of a fact or a milestone) without printing anything. */
    cite(...args: unknown[]) {
      const id = str(args[0], 'cite');
      const m = lookup.fb.milestones.get(id);
      if (m) return registry.citeSilently({ id: m.id, source: m.source, asOf: m.date });
      return registry.citeSilently(lookup.fact(id));
    },
  };
}
