/**
 * A chart as data: built from fact series by the template stage, rendered
 * once by the chart stage, placed as an image by every writer.
 */
export type ChartKind = 'column' | 'line' | 'combo' | 'hbar' | 'doughnut' | 'stacked' | 'rank';

/** How a writer places a chart: a native, editable chart, or the rendered PNG. */
export type ChartOutput = 'native' | 'image';

export interface ChartDataset {
  label: string;
  /** null where the series has no point for that category. */
  data: Array<number | null>;
  /** Data labels formatted with the same helpers as the text ("3.78万"). */
  dataLabels: Array<string | null>;
  unit: string;
  /** For combo charts: which axis and how to draw it. */
  axis?: 'left' | 'right';
  draw?: 'bar' | 'line';
}

export interface ChartSpec {
  id: string;
  kind: ChartKind;
  title: string;
  /** Category labels (years, platform names, ...). */
  labels: string[];
  datasets: ChartDataset[];
  /** Axis titles with units, e.g. "万个". */
  axisTitles?: { left?: string; right?: string };
  /** "数据来源：……" line drawn under the chart. */
  sourceNote: string;
  /** Alternative text generated from the data, for pptx/docx. */
  alt: string;
  /** Notes for points whose definition differs from the rest of the series. */
  footnotes?: string[];
  /** Ranks: 1 is best, so the value axis runs from 1 at the top/left. */
  reverseValueAxis?: boolean;
  /**
   * Time series: the date of each category (ISO, as precise as the data), so
   * renderers space points by the time between them.
   */
  dates?: string[];
  /** Native chart or image, when the chart definition says; else the build's choice. */
  output?: ChartOutput;
  /** Where the chart was asked for (template file and line), for chart error messages. */
  loc?: { file: string; line: number };
}
