/**
 * A native PowerPoint chart from a ChartSpec, through pptxgenjs: the same
 * kinds, colours, title, units and alt text as the picture. What pptxgenjs
 * cannot say (per-point label formats such as 超1.2万个, East Asian fonts, a
 * clean embedded workbook) is written by native-chart.ts after it.
 */
import type pptxgenModule from 'pptxgenjs';
import type { ChartSpec } from '../../model/chart.js';
import type { ChartShape } from './plan-types.js';
import { FONT_MARKER } from './postprocess.js';
import { axisOf, drawOf } from '../../charts/roles.js';
import { seriesOrder, timeAxisOf } from './native-chart-data.js';

type PptxGenJS = InstanceType<typeof pptxgenModule.default>;
type Slide = pptxgenModule.default.Slide;
type ChartOpts = pptxgenModule.default.IChartOpts;
type ChartData = pptxgenModule.default.OptsChartData;

/** Type sizes in points: a slide is read from across a room. */
const SIZE = { title: 16, tick: 12, label: 12, legend: 12, unit: 11 };

function chartData(spec: ChartSpec, pick: (i: number) => boolean): ChartData[] {
  const time = timeAxisOf(spec);
  const labels = time ? time.serials.map(String) : spec.labels;
  return spec.datasets.flatMap((d, i) =>
    pick(i) ? [{ name: d.label, labels, values: d.data.map((v) => (v == null ? (null as unknown as number) : v)) }] : [],
  );
}

/** Options every kind shares: fonts (marker names, replaced in post-processing), title, grid, labels. */
function common(s: ChartShape): ChartOpts {
  const { colors, spec } = s;
  const time = timeAxisOf(spec);
  return {
    x: s.box.x,
    y: s.box.y,
    w: s.box.w,
    h: s.box.h,
    objectName: s.name,
    altText: s.alt,
    showTitle: true,
    title: spec.title,
    titleFontSize: SIZE.title,
    titleColor: colors.text,
    titleFontFace: FONT_MARKER.heading,
    titleBold: true,
    catAxisLabelFontSize: SIZE.tick,
    catAxisLabelColor: colors.text,
    catAxisLabelFontFace: FONT_MARKER.body,
    catAxisLineShow: true,
    catAxisLineColor: 'A6A6A6',
    catGridLine: { style: 'none' },
    ...(time ? { catLabelFormatCode: time.formatCode, catAxisBaseTimeUnit: time.baseUnit, catAxisMajorTimeUnit: time.baseUnit, catAxisMajorUnit: time.majorUnit } : {}),
    valAxisLabelFontSize: SIZE.tick,
    valAxisLabelColor: colors.secondary,
    valAxisLabelFontFace: FONT_MARKER.body,
    valAxisLineShow: false,
    valGridLine: { color: colors.grid, size: 0.75, style: 'solid' },
    valAxisLabelFormatCode: 'General',
    showValue: true,
    dataLabelFontSize: SIZE.label,
    dataLabelFontBold: true,
    dataLabelColor: colors.text,
    dataLabelFontFace: FONT_MARKER.body,
    dataLabelFormatCode: 'General',
    showLegend: spec.datasets.length > 1 || spec.kind === 'doughnut',
    legendPos: spec.kind === 'doughnut' ? 'r' : 't',
    legendFontSize: SIZE.legend,
    legendFontFace: FONT_MARKER.body,
    legendColor: colors.text,
    lang: 'zh-CN',
  };
}

/** "单位：万个" as a horizontal axis title (Chinese reads badly rotated). */
function unitTitle(unit: string | undefined, spec: ChartSpec, colors: ChartShape['colors']): ChartOpts {
  if (!unit) return {};
  return {
    showValAxisTitle: true,
    valAxisTitle: spec.reverseValueAxis ? unit : `单位：${unit}`,
    valAxisTitleFontSize: SIZE.unit,
    valAxisTitleColor: colors.secondary,
    valAxisTitleFontFace: FONT_MARKER.body,
  };
}

/** Ranks: dots on a reversed axis (1 at the top), no line between them, zero hidden. */
function rankOptions(spec: ChartSpec): ChartOpts {
  const worst = Math.max(1, ...spec.datasets.flatMap((d) => d.data.filter((v): v is number => v != null)));
  const step = worst <= 6 ? 1 : worst <= 12 ? 2 : worst <= 30 ? 5 : 10;
  return {
    lineSize: 0,
    lineDataSymbol: 'circle',
    lineDataSymbolSize: 14,
    valAxisOrientation: 'maxMin' as 'minMax', // the typings list only minMax; OOXML has both
    valAxisMinVal: 0,
    valAxisMaxVal: Math.ceil((worst * 1.12 + 0.5) / step) * step,
    valAxisMajorUnit: step,
    // Position 0 is not a rank: its tick label is left empty.
    valAxisLabelFormatCode: '0;-0;;@',
    // The reversed axis would put the category axis at the top (rank 0).
    valAxisCrossesAt: 'max' as 'autoZero', // OOXML allows max; the typings do not
    catAxisLabelPos: 'high',
    // Beside the dot: above it, first place's label would meet the title.
    dataLabelPosition: 'r',
  };
}

/**
 * One colour per series, in the order series are written. pptxgenjs picks a
 * random colour for a series past the end of the list, and paints the bars of
 * a lone series in different colours when given more than one.
 */
function seriesColors(spec: ChartSpec, palette: string[]): string[] {
  return seriesOrder(spec).map((i) => palette[i % palette.length]);
}

export function addNativeChart(pptx: PptxGenJS, slide: Slide, s: ChartShape): void {
  const { spec, colors } = s;
  const base = common(s);
  const palette = seriesColors(spec, colors.series);
  const T = pptx.ChartType;
  switch (spec.kind) {
    case 'combo': {
      const bars = (i: number) => drawOf(spec, spec.datasets[i], i) === 'bar';
      const right = spec.datasets.some((d, i) => axisOf(spec, d, i) === 'right');
      const types = [
        { type: T.bar, data: chartData(spec, bars), options: { barDir: 'col', barGapWidthPct: 80, chartColors: palette, dataLabelPosition: 'inEnd' } },
        {
          type: T.line,
          data: chartData(spec, (i) => !bars(i)),
          options: { chartColors: palette, lineSize: 2.5, lineDataSymbol: 'circle', lineDataSymbolSize: 8, dataLabelPosition: 't', ...(right ? { secondaryValAxis: true, secondaryCatAxis: true } : {}) },
        },
      ] as unknown as pptxgenModule.default.IChartMulti[];
      const left = unitTitle(spec.axisTitles?.left, spec, colors);
      const rightAxis = unitTitle(spec.axisTitles?.right, spec, colors);
      // Multi-type charts take (types, options): pptxgenjs's typings say otherwise.
      const addMulti = slide.addChart.bind(slide) as unknown as (t: pptxgenModule.default.IChartMulti[], o: ChartOpts) => void;
      addMulti(types, {
        ...base,
        ...(right
          ? {
              valAxes: [
                { ...left, valAxisMinVal: 0, valGridLine: base.valGridLine, valAxisLabelFontSize: SIZE.tick, valAxisLabelColor: colors.secondary, valAxisLabelFontFace: FONT_MARKER.body },
                { ...rightAxis, valAxisMinVal: 0, valGridLine: { style: 'none' }, valAxisLabelFontSize: SIZE.tick, valAxisLabelColor: colors.secondary, valAxisLabelFontFace: FONT_MARKER.body },
              ],
              catAxes: [{ catAxisTitle: '' }, { catAxisHidden: true }],
            }
          : { ...left, valAxisMinVal: 0 }),
      } as ChartOpts);
      return;
    }
    case 'doughnut':
      slide.addChart(T.doughnut, chartData(spec, () => true), { ...base, chartColors: spec.labels.map((_, j) => colors.series[j % colors.series.length]), holeSize: 58, dataLabelPosition: 'ctr', dataLabelColor: 'FFFFFF', showPercent: false });
      return;
    case 'rank':
      slide.addChart(T.line, chartData(spec, () => true), { ...base, ...unitTitle(spec.axisTitles?.left, spec, colors), ...rankOptions(spec), chartColors: palette });
      return;
    case 'line':
      slide.addChart(T.line, chartData(spec, () => true), {
        ...base,
        ...unitTitle(spec.axisTitles?.left, spec, colors),
        chartColors: palette,
        lineSize: 2.5,
        lineDataSymbol: 'circle',
        lineDataSymbolSize: 8,
        dataLabelPosition: 't',
      });
      return;
    default: {
      // column, stacked, hbar: bars from zero.
      const hbar = spec.kind === 'hbar';
      slide.addChart(T.bar, chartData(spec, () => true), {
        ...base,
        ...(hbar ? {} : unitTitle(spec.axisTitles?.left, spec, colors)),
        barDir: hbar ? 'bar' : 'col',
        barGrouping: spec.kind === 'stacked' ? 'stacked' : 'clustered',
        ...(spec.kind === 'stacked' ? { barOverlapPct: 100 } : {}),
        barGapWidthPct: 80,
        chartColors: palette,
        valAxisMinVal: 0,
        // A bar ranking lists the first item on top; its value axis says nothing the labels do not.
        ...(hbar ? { catAxisOrientation: 'maxMin' as 'minMax', valAxisHidden: true, valGridLine: { style: 'none' } } : {}),
        dataLabelPosition: spec.kind === 'stacked' ? 'ctr' : 'outEnd',
      } as ChartOpts);
    }
  }
}
