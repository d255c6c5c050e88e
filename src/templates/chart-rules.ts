/**
 * Rules that make a chart's kind follow what its data means, checked where
 * the ChartSpec is built so a template author gets an error naming the chart
 * instead of a misleading picture:
 * - ranks are an order, not a quantity: only a rank chart (dots on a rank axis);
 * - time series sit on a time axis (the renderers space points by date);
 * - a line through two points is a from→to comparison: columns on a zero axis;
 * - a doughnut shows parts of one declared whole, else a column chart;
 * - series with different units never share an axis (a combo gives each unit one).
 * Bars always start at zero: no definition can move a bar's base.
 */
import type { ChartKind } from '../model/chart.js';
import type { Fact, RankFact, ValueFact } from '../facts/model.js';
import { formatFigure } from '../format/numbers.js';
import { LookupError } from './lookup.js';
import { msg, type Message } from '../i18n/index.js';

export interface RawSeries {
  label: string;
  /** One fact per category (null: no point there). */
  facts: Array<ValueFact | RankFact | null>;
  /** The facts' unit before scaling (个, %, 位 for ranks). */
  unit: string;
  /** Doughnut: the part of the whole no item covers. */
  remainder?: { value: number; label: string };
}

export interface AxisChoice {
  side: 'left' | 'right';
  divisor: number;
  /** Unit as the axis prints it (万个, 万亿元, %, 位次). */
  title: string;
}

/** A chart kind as the user reads it (柱形图 / column). */
const kindName = (kind: ChartKind) => msg(`chart.kind.${kind}`);

function fail(id: string, text: Message, hint?: Message): never {
  throw new LookupError(msg('chart.problem', { id, text }), hint);
}

/** Kinds that draw a series as a line: every series of a line chart, all but the first of a combo. */
function drawnAsLine(kind: ChartKind, index: number): boolean {
  return kind === 'line' || (kind === 'combo' && index > 0);
}

export function checkKind(id: string, def: { kind: ChartKind; whole?: string }, raw: RawSeries[], timeSeries: boolean): void {
  const facts = raw.flatMap((s) => s.facts.filter((f): f is ValueFact | RankFact => f != null));
  const ranks = facts.filter((f) => f.kind === 'rank').length;
  if (ranks && def.kind !== 'rank') {
    fail(id, msg('chart-rule.ranks-as-quantity', { kind: kindName(def.kind) }), msg('chart-rule.use-rank'));
  }
  if (def.kind === 'rank' && ranks !== facts.length) fail(id, msg('chart-rule.rank-only'), msg('chart-rule.use-column-for-figures'));
  if (timeSeries && (def.kind === 'hbar' || def.kind === 'doughnut')) {
    fail(id, msg('chart-rule.needs-time-axis', { kind: kindName(def.kind) }), msg('chart-rule.use-column-or-line'));
  }
  if (!timeSeries && (def.kind === 'line' || def.kind === 'combo')) {
    fail(id, msg('chart-rule.joins-points', { kind: kindName(def.kind) }), msg('chart-rule.use-column-or-series'));
  }
  raw.forEach((s, i) => {
    const points = s.facts.filter((f) => f != null).length;
    if (drawnAsLine(def.kind, i) && points === 2) {
      fail(id, msg('chart-rule.two-point-line', { label: s.label }), msg(def.kind === 'combo' ? 'chart-rule.two-point-combo-hint' : 'chart-rule.two-point-line-hint'));
    }
  });
  if (def.kind === 'doughnut' && !def.whole) {
    fail(id, msg('chart-rule.doughnut-needs-whole'), msg('chart-rule.doughnut-needs-whole-hint'));
  }
  if (def.whole && def.kind !== 'doughnut') fail(id, msg('chart-rule.whole-doughnut-only'));
}

/** The doughnut's items must be parts of the declared whole; returns the uncovered rest, if any. */
export function checkWhole(id: string, parts: RawSeries, whole: Fact): RawSeries['remainder'] {
  if (whole.kind === 'rank') fail(id, msg('chart-rule.whole-is-rank', { whole: whole.id }));
  if (whole.unit !== parts.unit) fail(id, msg('chart-rule.whole-unit', { whole: whole.id, unit: whole.unit || msg('chart-rule.no-unit'), partsUnit: parts.unit || msg('chart-rule.no-unit') }));
  const items = parts.facts.filter((f): f is ValueFact => f != null && f.kind !== 'rank');
  const sum = items.reduce((a, f) => a + f.value, 0);
  if (sum > whole.value * (1 + 1e-9)) fail(id, msg('chart-rule.parts-exceed-whole', { sum, whole: whole.id, value: whole.value }), msg('chart-rule.parts-exceed-whole-hint'));
  const rest = whole.value - sum;
  if (rest <= whole.value * 1e-9) return undefined;
  const exact = whole.qualifier === 'exact' && items.every((f) => f.qualifier === 'exact');
  return { value: rest, label: formatFigure(rest, whole.unit, exact ? 'exact' : 'about') };
}

/** One divisor per axis, so every value on it reads in the same unit (万个). */
export function axisScale(values: number[], unit: string): { divisor: number; title: string } {
  const max = Math.max(0, ...values.map(Math.abs));
  if (unit === '%' || unit === '') return { divisor: 1, title: unit };
  if (max >= 1e12) return { divisor: 1e12, title: `万亿${unit}` };
  if (max >= 1e8) return { divisor: 1e8, title: `亿${unit}` };
  if (max >= 1e4) return { divisor: 1e4, title: `万${unit}` };
  return { divisor: 1, title: unit };
}

/**
 * Each unit gets its own axis: a combo chart has two (first unit left, second
 * right); any other chart has one, so series in different units are an error.
 */
export function assignAxes(id: string, kind: ChartKind, raw: RawSeries[]): AxisChoice[] {
  const units = [...new Set(raw.map((s) => s.unit))];
  if (kind === 'rank') return raw.map(() => ({ side: 'left', divisor: 1, title: '位次' }));
  if (units.length > 1 && kind !== 'combo') {
    fail(id, msg('chart-rule.mixed-units', { units: units.map((u) => u || msg('chart-rule.no-unit')) }), msg('chart-rule.mixed-units-hint'));
  }
  if (units.length > 2) fail(id, msg('chart-rule.combo-two-axes', { count: units.length, units }));
  const sideOf = (s: RawSeries): 'left' | 'right' => (units.indexOf(s.unit) === 0 ? 'left' : 'right');
  const scales = new Map(
    (['left', 'right'] as const).map((side) => {
      const on = raw.filter((s) => sideOf(s) === side);
      const values = on.flatMap((s) => [...s.facts.map((f) => (f && f.kind !== 'rank' ? f.value : 0)), s.remainder?.value ?? 0]);
      return [side, axisScale(values, on[0]?.unit ?? '')];
    }),
  );
  return raw.map((s) => ({ side: sideOf(s), ...scales.get(sideOf(s))! }));
}
