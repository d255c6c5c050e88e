/**
 * Chart definitions (a template's charts.yaml, or a helper's inline hash)
 * turned into ChartSpecs from fact series. Values come only from facts;
 * data labels use the same number formatting as the text, and the rules in
 * chart-rules.ts decide whether the chart's kind fits what the data means.
 */
import type { ChartDefinition } from './schema.js';
import type { ChartDataset, ChartSpec } from '../model/chart.js';
import type { Fact, RankFact, TargetFact, ValueFact } from '../facts/model.js';
import { formatFigure, formatMovement, formatRank, qualifierStyleOf } from '../format/numbers.js';
import { compareIso, formatChineseDate } from '../format/dates.js';
import { describeChart } from '../charts/alt.js';
import { LookupError, type FactLookup } from './lookup.js';
import { msg } from '../i18n/index.js';
import type { CitationRegistry } from './citations.js';
import { assignAxes, checkKind, checkWhole, type RawSeries } from './chart-rules.js';

export { CHART_ID, CHART_ID_HINT, chartDefinitionSchema, chartFileSchema, type ChartDefinition } from './schema.js';

export interface BuiltChart {
  spec: ChartSpec;
  factIds: string[];
  /** The fact behind each drawn point (dataset and category index), for the lineage. */
  points: Array<{ dataset: number; index: number; factId: string }>;
}

type SeriesPoint = ValueFact | RankFact;

/** The date a point stands at on a time axis: a rank at its evaluation year. */
function dateOf(p: SeriesPoint): string {
  return p.kind === 'rank' ? String(p.evaluationYear) : p.asOf;
}

/** A category label: the date as the data gives it (2020年9月), a rank's evaluation year. */
function dateLabel(iso: string): string {
  return formatChineseDate(iso);
}

/** A data label reads like the text: 4.6万个, 800余家, 第23位（上升6位）, 44%. */
export function dataLabel(f: SeriesPoint | TargetFact): string {
  if (f.kind === 'rank') return f.movement ? `${formatRank(f.rank)}（${formatMovement(f.movement)}）` : formatRank(f.rank);
  return formatFigure(f.value, f.unit, f.qualifier, qualifierStyleOf(f.printed));
}

function valueOf(f: SeriesPoint): number {
  return f.kind === 'rank' ? f.rank : f.value;
}

function unitOf(f: Fact): string {
  return f.kind === 'rank' ? '位' : f.unit;
}

export function buildChart(id: string, def: ChartDefinition, lookup: FactLookup, registry: CitationRegistry): BuiltChart {
  const used: Array<SeriesPoint | TargetFact> = [];
  const footnotes: string[] = [];
  let labels: string[];
  let dates: string[] | undefined;
  let raw: RawSeries[];

  if (def.series?.length) {
    if (def.names && def.names.length !== def.series.length) {
      throw new LookupError(msg('template.chart-names-count', { id, series: def.series.length, names: def.names.length }), msg('template.chart-names-count-hint'));
    }
    const all = def.series.map((sid) =>
      (lookup.series(sid).points as SeriesPoint[]).filter((p) => (!def.from || p.asOf >= def.from) && (!def.to || p.asOf.slice(0, def.to.length) <= def.to)),
    );
    if (!all.flat().length) throw new LookupError(msg(def.from || def.to ? 'template.chart-no-points-in-range' : 'template.chart-no-points', { id }), msg('template.chart-no-points-hint'));
    // One category per date, in time order; the renderers space them by the time between them.
    dates = [...new Set(all.flat().map(dateOf))].sort(compareIso);
    labels = dates.map(dateLabel);
    raw = all.map((pts, i) => {
      const series = lookup.series(def.series![i]);
      const byDate = new Map(pts.map((p) => [dateOf(p), p]));
      for (const p of pts) {
        used.push(p);
        if (!p.comparable) footnotes.push(`注：${dateLabel(dateOf(p))}数据${p.definition ? `口径为${p.definition}` : '口径不同'}，与其他年份不可直接比较。`);
      }
      return {
        label: def.names?.[i] ?? ('name' in series ? series.name : series.list),
        facts: dates!.map((d) => byDate.get(d) ?? null),
        unit: pts[0] ? unitOf(pts[0]) : '',
      };
    });
  } else {
    const facts = def.items!.map((it) => ({ it, f: lookup.fact(it.fact) }));
    for (const { it, f } of facts) {
      if (f.kind === 'target') throw new LookupError(msg('template.chart-item-target', { id, item: it.fact }), msg('template.chart-item-target-hint'));
    }
    labels = facts.map(({ it, f }) => it.label ?? lookup.entity(f.subject).short ?? lookup.entity(f.subject).name);
    const units = [...new Set(facts.map(({ f }) => unitOf(f)))];
    if (units.length > 1) {
      throw new LookupError(msg('template.chart-mixed-units', { id, units }), msg('template.chart-mixed-units-hint'));
    }
    raw = [{ label: def.title, facts: facts.map(({ f }) => f as SeriesPoint), unit: units[0] }];
    for (const { f } of facts) used.push(f as SeriesPoint);
  }

  checkKind(id, def, raw, Boolean(def.series?.length));
  if (def.kind === 'doughnut') {
    const whole = lookup.fact(def.whole!);
    const other = checkWhole(id, raw[0], whole);
    used.push(whole as ValueFact);
    if (other) {
      labels = [...labels, '其他'];
      raw[0].facts.push(null);
      raw[0].remainder = other;
    }
  }

  const axes = assignAxes(id, def.kind, raw);
  const datasets: ChartDataset[] = raw.map((s, i) => {
    const { side, divisor, title } = axes[i];
    const data = s.facts.map((f) => (f ? valueOf(f) / divisor : null));
    const dataLabels = s.facts.map((f) => (f ? dataLabel(f) : null));
    if (s.remainder) {
      data[data.length - 1] = s.remainder.value / divisor;
      dataLabels[dataLabels.length - 1] = s.remainder.label;
    }
    return {
      label: s.label,
      data,
      dataLabels,
      unit: title,
      axis: side,
      draw: def.kind === 'line' || def.kind === 'rank' || (def.kind === 'combo' && i > 0) ? 'line' : 'bar',
    };
  });

  for (const f of used) registry.citeSilently(f);
  const sourceNames = [...new Set(used.map((f) => registry.record(f).sourceLabel))];
  const latest = used.map((f) => f.asOf).sort().pop()!;
  const withoutAlt: Omit<ChartSpec, 'alt'> = {
    id,
    kind: def.kind,
    title: def.title,
    labels,
    datasets,
    axisTitles: {
      left: datasets.find((d) => d.axis !== 'right')?.unit,
      right: datasets.find((d) => d.axis === 'right')?.unit,
    },
    sourceNote: `数据来源：${sourceNames.join('；')}；截至${formatChineseDate(latest)}`,
    footnotes: [...new Set(footnotes)],
    reverseValueAxis: def.kind === 'rank' || undefined,
    ...(dates ? { dates } : {}),
    ...(def.output ? { output: def.output } : {}),
  };
  const points = raw.flatMap((s, dataset) => s.facts.flatMap((f, index) => (f ? [{ dataset, index, factId: f.id }] : [])));
  return { spec: { ...withoutAlt, alt: describeChart(withoutAlt) }, factIds: [...new Set(used.map((f) => f.id))], points };
}
