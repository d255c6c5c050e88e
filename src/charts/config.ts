/**
 * ChartSpec → Chart.js configuration, one shape per chart kind, in the
 * government briefing style: flat fills from the theme palette, light
 * horizontal grid only, no 3D, no gradients, generous margins.
 */
import type { ChartConfiguration, ChartDataset as CjsDataset, LegendItem, Scale } from 'chart.js';
import type { ChartSpec } from '../model/chart.js';
import type { Theme } from '../model/theme.js';
import type { ChartMedium } from '../model/rendered.js';
import { MEDIA } from './sizes.js';
import { dataLabelsPlugin, doughnutLegendPlugin, notesPlugin, unitRowPlugin, UNIT_ROW_WEIGHT } from './plugins.js';
import { comboRanges, fitHiddenAxis, rankAxis } from './axes.js';
import { formatTick, hex, readableOnWhite, wrapText } from './style.js';
import { axisOf, drawOf } from './roles.js';
import { categoryPercentage, labelPlan } from './labels.js';
import { measureTextWidth } from '../fonts/index.js';
import { isoToYears } from '../format/dates.js';

const GRID = '#E4E4E4';
const AXIS_LINE = '#A6A6A6';

export interface BuildInput {
  spec: ChartSpec;
  theme: Theme;
  medium: ChartMedium;
  /** CSS font-family list from `fontStack`. */
  family: string;
}

/** "单位：万个" above an axis; rank axes say "位次" alone. */
function unitText(title: string | undefined, spec: ChartSpec): string | undefined {
  if (!title) return undefined;
  if (spec.reverseValueAxis || title.startsWith('单位')) return title;
  return `单位：${title}`;
}

export function buildConfig({ spec, theme, medium, family }: BuildInput): ChartConfiguration {
  const m = MEDIA[medium];
  const t = m.type;
  const text = hex(theme.colors.text);
  const grey = hex(theme.colors.secondary);
  const palette = theme.colors.series.map(hex);
  const color = (i: number) => palette[i % palette.length];
  const font = (size: number, bold = false) => ({ family, size, weight: bold ? ('bold' as const) : ('normal' as const), lineHeight: 1.3 });
  const slide = medium !== 'page';
  const horizontal = spec.kind === 'hbar';
  const doughnut = spec.kind === 'doughnut';
  const contentWidth = m.widthPt - 2 * t.margin;
  const roles = spec.datasets.map((d, i) => ({ draw: drawOf(spec, d, i), axis: axisOf(spec, d, i) }));
  const hasLine = roles.some((r) => r.draw === 'line');
  const hasRight = roles.some((r) => r.axis === 'right');
  const bars = roles.filter((r) => r.draw === 'bar').length;

  // The writers print the source beside every chart (the slide's source line, the
  // report's caption and note), and the report numbers its own caption (图N 标题):
  // so slides keep the title and the comparability notes, report figures neither.
  const noteLines = (slide ? (spec.footnotes ?? []) : [])
    .filter((s) => s.trim())
    .flatMap((s) => wrapText(s, contentWidth, t.note, family));
  const noteLineHeight = t.note * 1.35;
  const notesHeight = noteLines.length ? noteLines.length * noteLineHeight + t.note * 0.6 : 0;
  const titleLines = slide ? wrapText(spec.title, contentWidth, t.title, family, true, true) : [];

  // Category labels wrapped to the room each category gets.
  const categoryRoom = horizontal ? m.widthPt * 0.28 : (contentWidth - 60) / Math.max(1, spec.labels.length) - 6;
  const labels = spec.labels.map((l) => {
    const lines = wrapText(l, categoryRoom, t.tick, family, false, true);
    return lines.length > 1 ? lines : l;
  });

  // Time series: x is the date, so the distance between points is the time between them.
  const times = spec.dates && !doughnut && !horizontal ? spec.dates.map(isoToYears) : undefined;
  const xy = (data: Array<number | null>) => (times ? data.map((y, j) => ({ x: times[j], y })) : data);
  const rankDots = spec.kind === 'rank';

  const combo = spec.kind === 'combo' ? comboRanges(spec) : {};
  const plan = labelPlan(spec, medium, family);
  const datasets = spec.datasets.map((d, i): CjsDataset => {
    const c = color(i);
    if (doughnut) {
      return {
        type: 'doughnut',
        label: d.label,
        data: d.data as number[],
        backgroundColor: spec.labels.map((_, j) => color(j)),
        borderColor: '#FFFFFF',
        borderWidth: slide ? 2 : 1.5,
      };
    }
    const axisId = roles[i].axis === 'right' ? 'y1' : 'y';
    if (rankDots) {
      // A rank is a position: a dot on a rank axis, nothing whose length could be read.
      return {
        type: 'line',
        label: d.label,
        data: xy(d.data),
        yAxisID: 'y',
        showLine: false,
        borderColor: c,
        backgroundColor: c,
        pointRadius: slide ? 9 : 6,
        pointBorderWidth: 0,
        pointBackgroundColor: c,
        order: 0,
      };
    }
    if (roles[i].draw === 'line') {
      return {
        type: 'line',
        label: d.label,
        data: xy(d.data),
        yAxisID: axisId,
        borderColor: c,
        backgroundColor: c,
        borderWidth: slide ? 3 : 2,
        pointRadius: slide ? 4.5 : 3,
        pointBorderWidth: slide ? 2 : 1.5,
        pointBackgroundColor: '#FFFFFF',
        pointBorderColor: c,
        tension: 0,
        spanGaps: false,
        fill: false,
        order: 0, // lines over bars
      };
    }
    return {
      type: 'bar',
      label: d.label,
      data: xy(d.data),
      ...(horizontal ? { xAxisID: 'x', yAxisID: 'y' } : { yAxisID: axisId }),
      backgroundColor: c,
      borderWidth: 0,
      maxBarThickness: (slide ? 60 : 30) / (spec.kind === 'stacked' ? 1 : Math.max(1, bars) ** 0.5),
      categoryPercentage: categoryPercentage(spec, bars),
      barPercentage: spec.kind === 'stacked' ? 0.7 : 0.9,
      order: 1,
    };
  });

  const valueAxis = (side: 'left' | 'right') => {
    const fixed = side === 'left' ? combo.left : combo.right;
    const base = {
      type: 'linear' as const,
      position: side,
      stacked: spec.kind === 'stacked',
      // Bars must start at zero; a line may zoom to where its values are.
      beginAtZero: !spec.reverseValueAxis && spec.kind !== 'line',
      // Headroom so the label over the tallest bar never meets the unit row.
      grace: '14%',
      ...(fixed ? { min: fixed.min, max: fixed.max } : {}),
      border: { display: false },
      grid: { color: GRID, lineWidth: slide ? 1 : 0.75, drawTicks: false, drawOnChartArea: side === 'left' },
      ticks: {
        font: font(t.tick),
        color: grey,
        padding: t.tick * 0.5,
        maxTicksLimit: slide ? 7 : 6,
        // Same tick count on both combo axes, so one grid serves both.
        ...(fixed ? { count: Math.round((fixed.max - fixed.min) / fixed.step) + 1 } : {}),
        callback(this: Scale, v: number | string) {
          return formatTick(Number(v), Math.max(Math.abs(this.max), Math.abs(this.min)));
        },
      },
    };
    return spec.reverseValueAxis ? { ...base, ...rankAxis(spec, side, false) } : base;
  };

  const categoryAxis = {
    type: 'category' as const,
    position: horizontal ? ('left' as const) : ('bottom' as const),
    stacked: spec.kind === 'stacked',
    grid: { display: false },
    border: { display: true, color: AXIS_LINE, width: slide ? 1.5 : 1 },
    ticks: { font: font(t.tick), color: text, autoSkip: false, maxRotation: 0, padding: t.tick * 0.4 },
  };
  const timeAxis = times && {
    ...categoryAxis,
    type: 'linear' as const,
    ...timeRange(times, bars > 0),
    // Our own padding (timeRange): Chart.js's bar offset would squeeze widely spaced dates together.
    offset: false,
    // Ticks only at the data's dates, labelled as the data prints them.
    afterBuildTicks: (scale: Scale) => {
      scale.ticks = times.map((value) => ({ value }));
    },
    ticks: { ...categoryAxis.ticks, callback: (_v: number | string, index: number) => labels[index] ?? '' },
  };

  // Bar rankings: the value axis adds nothing the bar-end labels do not say, so it is hidden and sized for them.
  const widestLabel = Math.max(0, ...spec.datasets.flatMap((d) => d.dataLabels.map((l) => (l ? measureTextWidth(l, t.dataLabel, true, family) : 0))));
  const hbarAxis = () => ({
    ...valueAxis('left'),
    position: 'bottom' as const,
    display: false,
    grace: 0,
    afterBuildTicks: fitHiddenAxis(spec, widestLabel + t.dataLabel * 0.8),
  });
  const scales = doughnut
    ? {}
    : horizontal
      ? { x: hbarAxis(), y: categoryAxis }
      : { x: timeAxis ?? categoryAxis, y: valueAxis('left'), ...(hasRight ? { y1: valueAxis('right') } : {}) };

  const legendLabels = {
    font: font(t.legend),
    color: text,
    usePointStyle: true,
    pointStyleWidth: t.legend * 1.6,
    boxHeight: t.legend * 0.7,
    padding: t.legend * 1.1,
    generateLabels: (): LegendItem[] =>
      spec.datasets.map((d, i) => ({
        text: d.label,
        fillStyle: color(i),
        strokeStyle: color(i),
        lineWidth: roles[i].draw === 'line' ? (slide ? 3 : 2) : 0,
        pointStyle: roles[i].draw === 'line' ? ('line' as const) : ('rect' as const),
        hidden: false,
        datasetIndex: i,
        fontColor: text,
      })),
  };

  const unitLeft = unitText(spec.axisTitles?.left, spec);
  const unitRight = hasRight ? unitText(spec.axisTitles?.right, spec) : undefined;
  // A bar ranking's unit goes top right, over the bar ends; ranks need none (the labels say 第N位).
  const units = horizontal
    ? { right: spec.reverseValueAxis ? undefined : unitLeft }
    : { left: unitLeft, right: unitRight };
  const unitGap = t.tick * 1.25; // clears the top tick label, which is centred on the top grid line
  const unitRowHeight = units.left || units.right ? t.axisTitle * 1.3 + unitGap : 0;

  // Doughnut: ring and a value legend side by side, centred as a group.
  const legendItems = doughnut
    ? spec.labels.map((label, j) => ({ label, value: spec.datasets[0]?.dataLabels[j] ?? '', color: color(j) }))
    : [];
  const dLegend = { size: t.legend, family, color: text, gap: t.legend * 2.2 };
  let doughnutPadRight = t.margin;
  if (doughnut) {
    const ringByHeight = m.heightPt - 2 * t.margin - notesHeight - titleLines.length * t.title * 1.3 - t.title * 0.45 - unitRowHeight;
    const legendWidth =
      t.legend * 1.3 +
      Math.max(...legendItems.map((it) => measureTextWidth(it.label, t.legend, false, family))) +
      t.legend * 1.5 +
      Math.max(...legendItems.map((it) => measureTextWidth(it.value, t.legend, true, family)));
    // Narrow media (a slide column) shrink the ring so the legend still fits beside it.
    const ring = Math.min(ringByHeight, m.widthPt - 2 * t.margin - dLegend.gap - legendWidth);
    const group = ring + dLegend.gap + legendWidth;
    const centre = Math.max(t.margin + ring / 2, (m.widthPt - group) / 2 + ring / 2);
    doughnutPadRight = Math.max(t.margin, m.widthPt + t.margin - 2 * centre);
  }

  return {
    type: doughnut ? 'doughnut' : 'bar',
    data: { labels, datasets: datasets as ChartConfiguration['data']['datasets'] },
    options: {
      devicePixelRatio: m.scale,
      locale: 'zh-CN',
      animation: false,
      events: [],
      responsive: false,
      indexAxis: horizontal ? 'y' : 'x',
      ...(doughnut ? { cutout: '58%' } : {}),
      layout: { padding: { top: t.margin, left: t.margin, right: doughnutPadRight, bottom: t.margin + notesHeight } },
      scales,
      plugins: {
        tooltip: { enabled: false },
        title: {
          display: titleLines.length > 0,
          text: titleLines.length > 1 ? titleLines : spec.title,
          align: 'start',
          color: text,
          font: font(t.title, true),
          padding: { top: 0, bottom: t.title * 0.45 },
        },
        legend: {
          display: !doughnut && spec.datasets.length > 1,
          position: 'top',
          align: 'start',
          weight: 1800,
          labels: legendLabels,
        } as never,
        subtitle: {
          // Reserves the unit row; unitRowPlugin draws into it.
          display: unitRowHeight > 0,
          text: '',
          font: { ...font(t.axisTitle), lineHeight: 1.3 },
          padding: { top: 0, bottom: unitGap },
          weight: UNIT_ROW_WEIGHT,
        } as never,
      },
    },
    plugins: [
      dataLabelsPlugin(spec, { family, size: plan.size, color: text, dark: text, gap: plan.size * 0.35, series: palette.map(readableOnWhite), labelled: plan.labelled }, hasLine),
      unitRowPlugin({ ...units, family, size: t.axisTitle, color: grey, margin: t.margin }),
      notesPlugin({ lines: noteLines, family, size: t.note, lineHeight: noteLineHeight, color: grey, margin: t.margin }),
      ...(doughnut ? [doughnutLegendPlugin(legendItems, dLegend)] : []),
    ],
  } as ChartConfiguration;
}

/** The time axis runs half the smallest gap beyond the first and last dates, so end columns fit. */
function timeRange(times: number[], bars: boolean): { min: number; max: number } {
  const gaps = times.slice(1).map((t, i) => t - times[i]).filter((g) => g > 0);
  const span = times[times.length - 1] - times[0];
  const minGap = gaps.length ? Math.min(...gaps) : 1;
  const pad = bars ? Math.max(minGap * 0.6, span * 0.06) : Math.max(span * 0.06, minGap * 0.25);
  return { min: times[0] - pad, max: times[times.length - 1] + pad };
}
