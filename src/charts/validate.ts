/**
 * Checks run before any pixel is drawn: the spec is consistent, and every
 * character the chart will print is in the configured fonts (otherwise Skia
 * falls back to whatever the machine has, or draws tofu boxes).
 */
import type { ChartDataset, ChartSpec } from '../model/chart.js';
import type { Problem } from '../errors.js';
import type { Warning } from '../model/document.js';
import { codePointLabel, uncoveredCharacters } from '../fonts/index.js';
import { drawOf } from './roles.js';
import { msg, type Message } from '../i18n/index.js';

/** Every string the renderer may draw, with where it comes from (for messages). */
export function chartTexts(spec: ChartSpec): Array<{ where: string; text: string }> {
  const out: Array<{ where: string; text: string }> = [
    { where: 'title', text: spec.title },
    { where: 'source note', text: spec.sourceNote },
  ];
  spec.labels.forEach((l, i) => out.push({ where: `category label ${i + 1}`, text: l }));
  spec.datasets.forEach((d, i) => {
    out.push({ where: `dataset ${i + 1} label`, text: d.label });
    d.dataLabels.forEach((l, j) => l != null && out.push({ where: `data label ${j + 1} of dataset ${i + 1}`, text: l }));
  });
  if (spec.axisTitles?.left) out.push({ where: 'left axis title', text: spec.axisTitles.left });
  if (spec.axisTitles?.right) out.push({ where: 'right axis title', text: spec.axisTitles.right });
  spec.footnotes?.forEach((f, i) => out.push({ where: `footnote ${i + 1}`, text: f }));
  // Fixed strings the renderer adds itself (unit prefix, note prefix, tick digits and scale words).
  out.push({ where: 'chart furniture', text: '单位：注0123456789.-万亿' });
  return out;
}

function where(spec: ChartSpec): Pick<Problem, 'file' | 'line'> {
  return spec.loc ? { file: spec.loc.file, line: spec.loc.line } : {};
}

/** Problems that make the chart impossible to draw correctly, plus warnings for ones it can live with. */
export function checkSpec(spec: ChartSpec): { problems: Problem[]; warnings: Warning[] } {
  const problems: Problem[] = [];
  const warnings: Warning[] = [];
  const at = where(spec);
  const fail = (message: Message, hint?: Message) => problems.push({ ...at, message: msg('chart.problem', { id: spec.id, text: message }), hint });
  const warn = (code: string, message: Message) => warnings.push({ ...at, code, message: msg('chart.problem', { id: spec.id, text: message }) });

  if (spec.datasets.length === 0) fail(msg('chart.no-datasets'), msg('chart.no-datasets-hint'));
  if (spec.labels.length === 0) fail(msg('chart.no-labels'));
  spec.datasets.forEach((d: ChartDataset, i) => {
    const name = msg('chart.dataset', { n: i + 1, label: d.label });
    if (d.data.length !== spec.labels.length) fail(msg('chart.values-vs-categories', { name, values: d.data.length, categories: spec.labels.length }));
    if (d.dataLabels.length !== d.data.length) fail(msg('chart.labels-vs-values', { name, labels: d.dataLabels.length, values: d.data.length }));
    d.data.forEach((v, j) => {
      if (v != null && !Number.isFinite(v)) fail(msg('chart.not-finite', { name, n: j + 1, value: String(v) }));
      if (v != null && (d.dataLabels[j] == null || d.dataLabels[j] === '')) warn('chart-unlabelled-value', msg('chart.unlabelled-value', { name, category: spec.labels[j] }));
    });
  });
  if (spec.kind === 'doughnut') {
    if (spec.datasets.length !== 1) fail(msg('chart.doughnut-one-series', { count: spec.datasets.length }), msg('chart.doughnut-one-series-hint'));
    const d = spec.datasets[0];
    if (d?.data.some((v) => v != null && v < 0)) fail(msg('chart.doughnut-negative'), msg('chart.doughnut-negative-hint'));
  }
  if (spec.kind === 'combo') {
    const draws = spec.datasets.map((d, i) => drawOf(spec, d, i));
    if (!draws.includes('bar') || !draws.includes('line')) fail(msg('chart.combo-needs-both'), msg('chart.combo-needs-both-hint'));
  }
  if (!spec.sourceNote.trim()) warn('chart-no-source', msg('chart.no-source'));
  return { problems, warnings };
}

/** One problem per character no font covers, naming the chart, the text and the code point. */
export function checkCoverage(spec: ChartSpec, fontFiles: string[]): Problem[] {
  const problems: Problem[] = [];
  const seen = new Set<string>();
  for (const { where: w, text } of chartTexts(spec)) {
    for (const ch of uncoveredCharacters(text, fontFiles)) {
      if (seen.has(ch)) continue;
      seen.add(ch);
      problems.push({
        ...where(spec),
        message: msg('chart.char-not-in-font', { id: spec.id, char: ch, code: codePointLabel(ch), where: w, text }),
        hint: msg('chart.char-not-in-font-hint'),
      });
    }
  }
  return problems;
}
