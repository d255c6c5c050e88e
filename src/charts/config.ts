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
import { dataLabelsPlugin, notesPlugin, unitRowPlugin, UNIT_ROW_WEIGHT } from './plugins.js';
import { formatTick, hex, wrapText } from './style.js';
import { axisOf, drawOf } from './roles.js';
import { measureTextWidth } from '../fonts/index.js';

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

/** Axis range for ranks: 1 at the top/left, room above rank 1 for its label, integer ticks only. */
function rankAxis(spec: ChartSpec, axis: 'left' | 'right') {
  const ranks = spec.datasets
    .filter((d, i) => axisOf(spec, d, i) === axis)
    .flatMap((d) => d.data.filter((v): v is number => v != null));
  const worst = Math.max(1, ...ranks);
  const step = Math.max(1, Math.ceil(worst / 6));
  return {
    reverse: true,
    min: 1 - Math.max(0.5, worst * 0.15),
    max: worst + 1,
    afterBuildTicks: (scale: Scale) => {
      const ticks = [];
      for (let v = 1; v <= worst; v += step) ticks.push({ value: v });
      scale.ticks = ticks;
    },
  };
}

export function buildConfig({ spec, theme, medium, family }: BuildInput): ChartConfiguration {
  const m = MEDIA[medium];
  const t = m.type;
  const text = hex(theme.colors.text);
  const grey = hex(theme.colors.secondary);
  const palette = theme.colors.series.map(hex);
  const color = (i: number) => palette[i % palette.length];
  const font = (size: number, bold = false) => ({ family, size, weight: bold ? ('bold' as const) : ('normal' as const), lineHeight: 1.3 });
  const slide = medium === 'slide';
  const horizontal = spec.kind === 'hbar';
  const doughnut = spec.kind === 'doughnut';
  const contentWidth = m.widthPt - 2 * t.margin;

  // Text under the chart, wrapped to the full width.
  const noteLines = [spec.sourceNote, ...(spec.footnotes ?? [])]
    .filter((s) => s.trim())
    .flatMap((s) => wrapText(s, contentWidth, t.note, family));
  const noteLineHeight = t.note * 1.35;
  const notesHeight = noteLines.length ? noteLines.length * noteLineHeight + t.note * 0.6 : 0;

  // Category labels wrapped to the room each category gets.
  const categoryRoom = horizontal ? m.widthPt * 0.28 : (contentWidth - 60) / Math.max(1, spec.labels.length) - 6;
  const labels = spec.labels.map((l) => {
    const lines = wrapText(l, categoryRoom, t.tick, family);
    return lines.length > 1 ? lines : l;
  });

  const bars = spec.datasets.filter((d, i) => drawOf(spec, d, i) === 'bar').length;
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
    const axisId = axisOf(spec, d, i) === 'right' ? 'y1' : horizontal ? 'x' : 'y';
    if (drawOf(spec, d, i) === 'line') {
      return {
        type: 'line',
        label: d.label,
        data: d.data,
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
    const rankBase = spec.reverseValueAxis ? rankAxis(spec, axisOf(spec, d, i)).max : undefined;
    return {
      type: 'bar',
      label: d.label,
      data: d.data,
      ...(horizontal ? { xAxisID: 'x' } : { yAxisID: axisId }),
      backgroundColor: c,
      borderWidth: 0,
      // Ranks: bars grow from the far end, so first place is the longest bar.
      ...(rankBase != null ? { base: rankBase } : {}),
      maxBarThickness: (slide ? 60 : 30) / (spec.kind === 'stacked' ? 1 : Math.max(1, bars) ** 0.5),
      categoryPercentage: bars > 1 && spec.kind !== 'stacked' ? 0.72 : 0.6,
      barPercentage: spec.kind === 'stacked' ? 0.7 : 0.9,
      order: 1,
    };
  });

  const valueAxis = (side: 'left' | 'right') => {
    const title = side === 'left' ? spec.axisTitles?.left : spec.axisTitles?.right;
    void title;
    const base = {
      type: 'linear' as const,
      position: horizontal ? ('bottom' as const) : side,
      stacked: spec.kind === 'stacked',
      beginAtZero: !spec.reverseValueAxis,
      // Headroom so the label over the tallest bar never meets the unit row.
      grace: horizontal ? '22%' : '14%',
      border: { display: false },
      grid: { color: GRID, lineWidth: slide ? 1 : 0.75, drawTicks: false, drawOnChartArea: side === 'left' },
      ticks: {
        font: font(t.tick),
        color: grey,
        padding: t.tick * 0.5,
        maxTicksLimit: slide ? 6 : 5,
        callback(this: Scale, v: number | string) {
          return formatTick(Number(v), Math.max(Math.abs(this.max), Math.abs(this.min)));
        },
      },
    };
    return spec.reverseValueAxis ? { ...base, ...rankAxis(spec, side) } : base;
  };

  const categoryAxis = {
    type: 'category' as const,
    position: horizontal ? ('left' as const) : ('bottom' as const),
    stacked: spec.kind === 'stacked',
    grid: { display: false },
    border: { display: true, color: AXIS_LINE, width: slide ? 1.5 : 1 },
    ticks: { font: font(t.tick), color: text, autoSkip: false, maxRotation: 0, padding: t.tick * 0.4 },
  };

  const hasRight = spec.datasets.some((d, i) => axisOf(spec, d, i) === 'right');
  const scales = doughnut
    ? {}
    : horizontal
      ? // Rankings: the value axis adds nothing the bar-end labels do not say.
        { x: { ...valueAxis('left'), display: false }, y: categoryAxis }
      : { x: categoryAxis, y: valueAxis('left'), ...(hasRight ? { y1: valueAxis('right') } : {}) };

  const series = spec.datasets.map((d, i) => ({ d, i, line: drawOf(spec, d, i) === 'line' }));
  const legendLabels = {
    font: font(t.legend),
    color: text,
    usePointStyle: true,
    pointStyleWidth: t.legend * 1.6,
    boxHeight: t.legend * 0.7,
    padding: t.legend * 1.1,
    generateLabels: (): LegendItem[] =>
      doughnut
        ? spec.labels.map((l, j) => ({
            text: `${l}  ${spec.datasets[0].dataLabels[j] ?? ''}`.trim(),
            fillStyle: color(j),
            strokeStyle: color(j),
            lineWidth: 0,
            pointStyle: 'rect' as const,
            hidden: false,
            index: j,
            fontColor: text,
          }))
        : series.map(({ d, i, line }) => ({
            text: d.label,
            fillStyle: color(i),
            strokeStyle: color(i),
            lineWidth: line ? (slide ? 3 : 2) : 0,
            pointStyle: line ? ('line' as const) : ('rect' as const),
            hidden: false,
            datasetIndex: i,
            fontColor: text,
          })),
  };

  const unitLeft = unitText(spec.axisTitles?.left, spec);
  const unitRight = hasRight ? unitText(spec.axisTitles?.right, spec) : undefined;
  const units = { left: horizontal ? undefined : unitLeft, right: horizontal ? unitLeft : unitRight };
  const titleLines = wrapText(spec.title, contentWidth, t.title, family, true);
  // Doughnut legend width: the widest entry, so the ring gets the rest.
  const legendWidth = doughnut
    ? Math.max(...legendLabels.generateLabels().map((it) => measureTextWidth(it.text, t.legend, false, family))) + t.legend * 3
    : 0;

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
      layout: { padding: { top: t.margin, left: t.margin, right: t.margin + (doughnut ? contentWidth * 0.06 : 0), bottom: t.margin + notesHeight } },
      scales,
      plugins: {
        tooltip: { enabled: false },
        title: {
          display: true,
          text: titleLines.length > 1 ? titleLines : spec.title,
          align: 'start',
          color: text,
          font: font(t.title, true),
          padding: { top: 0, bottom: t.title * 0.45 },
        },
        legend: {
          display: doughnut || spec.datasets.length > 1,
          position: doughnut ? 'right' : 'top',
          align: doughnut ? 'center' : 'start',
          ...(doughnut ? { maxWidth: legendWidth } : {}),
          weight: 1800,
          labels: legendLabels,
        } as never,
        subtitle: {
          // Reserves the unit row; unitRowPlugin draws into it.
          display: Boolean(units.left || units.right),
          text: '',
          font: font(t.axisTitle),
          padding: { top: 0, bottom: t.axisTitle * 0.5 },
          weight: UNIT_ROW_WEIGHT,
        } as never,
      },
    },
    plugins: [
      dataLabelsPlugin(spec, { family, size: t.dataLabel, color: text, dark: text, gap: t.dataLabel * 0.35 }, series.some((s) => s.line)),
      unitRowPlugin({ ...units, family, size: t.axisTitle, color: grey, margin: t.margin }),
      notesPlugin({ lines: noteLines, family, size: t.note, lineHeight: noteLineHeight, color: grey, margin: t.margin }),
    ],
  } as ChartConfiguration;
}
