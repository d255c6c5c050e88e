/**
 * Chart definitions (a template's charts.yaml, or a helper's inline hash)
 * turned into ChartSpecs from fact series. Values come only from facts;
 * data labels use the same number formatting as the text.
 */
import { z } from 'zod';
import type { ChartDataset, ChartKind, ChartSpec } from '../model/chart.js';
import type { RankFact, TargetFact, ValueFact } from '../facts/model.js';
import { formatFigure, formatRank } from '../format/numbers.js';
import { formatChineseDate } from '../format/dates.js';
import { describeChart } from '../charts/alt.js';
import { LookupError, type FactLookup } from './lookup.js';
import { msg } from '../i18n/index.js';
import type { CitationRegistry } from './citations.js';

const chartKind = z.enum(['column', 'line', 'combo', 'hbar', 'doughnut', 'stacked']);

const itemSchema = z.object({ fact: z.string(), label: z.string().optional() }).strict();

export const chartDefinitionSchema = z
  .object({
    kind: chartKind,
    title: z.string().min(1),
    /** Time series: indicator or ranking ids, one dataset each. */
    series: z.array(z.string()).optional(),
    /** Dataset names, in the order of `series` (default: the series' names). */
    names: z.array(z.string()).optional(),
    /** Categories from single facts: hbar, doughnut, or a column chart of unlike items. */
    items: z.array(itemSchema).optional(),
    /** Only points on or after / before these dates. */
    from: z.string().optional(),
    to: z.string().optional(),
  })
  .strict()
  .refine((d) => Boolean(d.series?.length) !== Boolean(d.items?.length), { message: 'template.chart-series-or-items' });

export type ChartDefinition = z.infer<typeof chartDefinitionSchema>;
export const chartFileSchema = z.record(z.string().regex(/^[a-z0-9-]+$/), chartDefinitionSchema);

export interface BuiltChart {
  spec: ChartSpec;
  factIds: string[];
}

type SeriesPoint = ValueFact | RankFact;

/** Category label of a point: its year, or year and month when a year repeats. */
function categoryOf(p: SeriesPoint, needMonth: boolean): string {
  if (p.kind === 'rank') return `${p.evaluationYear}年`;
  return formatChineseDate(p.asOf, needMonth ? 'month' : 'year');
}

/** One divisor per axis, so every bar on it reads in the same unit (万个). */
function axisScale(values: number[], unit: string): { divisor: number; title: string } {
  const max = Math.max(...values.map(Math.abs));
  if (unit === '%' || unit === '') return { divisor: 1, title: unit };
  if (max >= 1e12) return { divisor: 1e12, title: `万亿${unit}` };
  if (max >= 1e8) return { divisor: 1e8, title: `亿${unit}` };
  if (max >= 1e4) return { divisor: 1e4, title: `万${unit}` };
  return { divisor: 1, title: unit };
}

/** A data label reads like the text: 3.78万, 第1位, 44% (a percentage keeps its sign). */
function label(p: SeriesPoint | TargetFact): string {
  if (p.kind === 'rank') return formatRank(p.rank);
  return formatFigure(p.value, p.unit === '%' ? '%' : '', p.qualifier);
}

export function buildChart(id: string, def: ChartDefinition, lookup: FactLookup, registry: CitationRegistry): BuiltChart {
  const used: Array<SeriesPoint | TargetFact> = [];
  let labels: string[] = [];
  const datasets: ChartDataset[] = [];
  const footnotes: string[] = [];
  let reverse = false;

  if (def.series?.length) {
    const all = def.series.map((sid) =>
      lookup.series(sid).points.filter((p) => (!def.from || p.asOf >= def.from) && (!def.to || p.asOf.slice(0, def.to.length) <= def.to)),
    );
    const flat = all.flat() as SeriesPoint[];
    if (!flat.length) throw new LookupError(msg(def.from || def.to ? 'template.chart-no-points-in-range' : 'template.chart-no-points', { id }), msg('template.chart-no-points-hint'));
    const years = flat.map((p) => categoryOf(p, false));
    const needMonth = all.some((pts) => new Set(pts.map((p) => categoryOf(p, false))).size < pts.length);
    void years;
    labels = [...new Set(flat.slice().sort((a, b) => (a.asOf < b.asOf ? -1 : 1)).map((p) => categoryOf(p, needMonth)))];
    all.forEach((pts, i) => {
      const series = lookup.series(def.series![i]);
      const isRank = pts[0]?.kind === 'rank';
      reverse ||= isRank;
      const unit = isRank ? '位' : (series as { unit: string }).unit;
      const scale = isRank ? { divisor: 1, title: '位次' } : axisScale(pts.map((p) => (p as ValueFact).value), unit);
      const byLabel = new Map(pts.map((p) => [categoryOf(p, needMonth), p]));
      datasets.push({
        label: def.names?.[i] ?? ('name' in series ? series.name : series.list),
        data: labels.map((l) => {
          const p = byLabel.get(l);
          if (!p) return null;
          return p.kind === 'rank' ? p.rank : p.value / scale.divisor;
        }),
        dataLabels: labels.map((l) => (byLabel.has(l) ? label(byLabel.get(l)!) : null)),
        unit: scale.title,
        axis: def.kind === 'combo' && i > 0 ? 'right' : 'left',
        draw: def.kind === 'combo' && i > 0 ? 'line' : def.kind === 'line' ? 'line' : 'bar',
      });
      for (const p of pts) {
        used.push(p);
        if (!p.comparable) footnotes.push(`注：${categoryOf(p, needMonth)}数据${p.definition ? `口径为${p.definition}` : '口径不同'}，与其他年份不可直接比较。`);
      }
    });
  } else {
    const facts = def.items!.map((it) => ({ it, f: lookup.fact(it.fact) }));
    labels = facts.map(({ it, f }) => it.label ?? lookup.entity(f.subject).short ?? lookup.entity(f.subject).name);
    const isRank = facts.every(({ f }) => f.kind === 'rank');
    reverse = isRank;
    const values = facts.map(({ f }) => (f.kind === 'rank' ? f.rank : f.value));
    const unit = isRank ? '位' : (facts[0].f as ValueFact).unit;
    if (!isRank && facts.some(({ f }) => f.kind === 'rank' || (f as ValueFact).unit !== unit)) {
      throw new LookupError(msg('template.chart-mixed-units', { id }), msg('template.chart-mixed-units-hint'));
    }
    const scale = isRank ? { divisor: 1, title: '位次' } : axisScale(values, unit);
    datasets.push({
      label: def.title,
      data: values.map((v) => v / scale.divisor),
      dataLabels: facts.map(({ f }) => label(f as SeriesPoint)),
      unit: scale.title,
      axis: 'left',
      draw: def.kind === 'line' ? 'line' : 'bar',
    });
    for (const { f } of facts) used.push(f as SeriesPoint);
  }

  for (const f of used) registry.citeSilently(f);
  const sourceNames = [...new Set(used.map((f) => registry.record(f).sourceLabel))];
  const latest = used.map((f) => f.asOf).sort().pop()!;
  const kind: ChartKind = def.kind;
  const withoutAlt: Omit<ChartSpec, 'alt'> = {
    id,
    kind,
    title: def.title,
    labels,
    datasets,
    axisTitles: {
      left: datasets.find((d) => d.axis !== 'right')?.unit,
      right: datasets.find((d) => d.axis === 'right')?.unit,
    },
    sourceNote: `数据来源：${sourceNames.join('；')}；截至${formatChineseDate(latest)}`,
    footnotes: [...new Set(footnotes)],
    reverseValueAxis: reverse || undefined,
  };
  return { spec: { ...withoutAlt, alt: describeChart(withoutAlt) }, factIds: [...new Set(used.map((f) => f.id))] };
}
