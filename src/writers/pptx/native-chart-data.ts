/**
 * Pure pieces of a native chart shared by emit and post-processing: the time
 * axis (dates as spreadsheet serials, so PowerPoint spaces them by time),
 * per-point label number formats (the label exactly as the text prints it,
 * still tied to the value), and the cells of the embedded workbook.
 */
import type { ChartSpec } from '../../model/chart.js';
import { drawOf } from '../../charts/roles.js';

export interface TimeAxis {
  /** Spreadsheet day serials (days since 1899-12-30), one per category. */
  serials: number[];
  formatCode: string;
  baseUnit: 'days' | 'months' | 'years';
  /** Base units between axis labels, so at most about five labels show. */
  majorUnit: number;
}

const SERIAL_EPOCH = Date.UTC(1899, 11, 30);

export function isoToSerial(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number);
  return Math.round((Date.UTC(y, (m || 1) - 1, d || 1) - SERIAL_EPOCH) / 86_400_000);
}

/**
 * A date axis for a time series. The base unit is the coarsest that keeps
 * every point apart (columns are one base unit wide, so years where they do);
 * labels print at that precision.
 */
export function timeAxisOf(spec: ChartSpec): TimeAxis | undefined {
  if (!spec.dates?.length || spec.kind === 'hbar' || spec.kind === 'doughnut') return undefined;
  const distinct = (n: number) => new Set(spec.dates!.map((d) => d.slice(0, n))).size === spec.dates!.length;
  const baseUnit = distinct(4) ? 'years' : distinct(7) ? 'months' : 'days';
  const formatCode = baseUnit === 'years' ? 'yyyy"年"' : baseUnit === 'months' ? 'yyyy"年"m"月"' : 'yyyy"年"m"月"d"日"';
  const serials = spec.dates.map(isoToSerial);
  const [first, last] = [spec.dates[0], spec.dates[spec.dates.length - 1]].map((d) => d.split('-').map(Number));
  const span =
    baseUnit === 'years' ? last[0] - first[0] : baseUnit === 'months' ? (last[0] - first[0]) * 12 + (last[1] || 1) - (first[1] || 1) : serials[serials.length - 1] - serials[0];
  return { serials, formatCode, baseUnit, majorUnit: Math.max(1, Math.ceil(span / 5)) };
}

function quoted(text: string): string {
  // A literal in a number format cannot hold a double quote.
  return text ? `"${text.replace(/"/g, '')}"` : '';
}

/**
 * A number format that prints `value` as `label` does: "超1.2万个" for 1.2 →
 * "超"0.0"万个", so an edited value keeps the label's words. A label whose
 * number is not the value (or has none) is kept as literal text.
 */
export function labelFormatCode(label: string, value: number): string {
  const m = /\d+(?:\.(\d+))?/.exec(label);
  const decimals = m?.[1]?.length ?? 0;
  if (!m || Math.abs(Number(m[0]) - value) > 0.5 * 10 ** -decimals + 1e-9) return quoted(label) || 'General';
  const digits = decimals ? `0.${'0'.repeat(decimals)}` : '0';
  return `${quoted(label.slice(0, m.index))}${digits}${quoted(label.slice(m.index + m[0].length))}`;
}

/** The sheet as pptxgenjs's chart formulas address it: A1 empty, B1… series names, A2… categories, B2… values. */
export function sheetCells(spec: ChartSpec, pick: (i: number) => boolean = () => true): { header: string[]; rows: Array<[string | number, ...Array<number | null>]> } {
  const time = timeAxisOf(spec);
  const sets = seriesOrder(spec).filter(pick).map((i) => spec.datasets[i]);
  return {
    header: sets.map((d) => d.label),
    rows: spec.labels.map((l, j) => [time ? time.serials[j] : l, ...sets.map((d) => d.data[j])] as [string | number, ...Array<number | null>]),
  };
}

/** Dataset indices in the order the chart's series are written: a combo writes its bars, then its lines. */
export function seriesOrder(spec: ChartSpec): number[] {
  const all = spec.datasets.map((_, i) => i);
  if (spec.kind !== 'combo') return all;
  const bar = (i: number) => drawOf(spec, spec.datasets[i], i) === 'bar';
  return [...all.filter(bar), ...all.filter((i) => !bar(i))];
}
