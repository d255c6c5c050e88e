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
  const fail = (message: string, hint?: string) => problems.push({ ...at, message: `chart '${spec.id}': ${message}`, hint });
  const warn = (code: string, message: string) => warnings.push({ ...at, code, message: `chart '${spec.id}': ${message}` });

  if (spec.datasets.length === 0) fail('has no datasets', 'give the chart at least one series');
  if (spec.labels.length === 0) fail('has no category labels');
  spec.datasets.forEach((d: ChartDataset, i) => {
    const name = `dataset ${i + 1} ('${d.label}')`;
    if (d.data.length !== spec.labels.length) fail(`${name} has ${d.data.length} values for ${spec.labels.length} categories`);
    if (d.dataLabels.length !== d.data.length) fail(`${name} has ${d.dataLabels.length} data labels for ${d.data.length} values`);
    d.data.forEach((v, j) => {
      if (v != null && !Number.isFinite(v)) fail(`${name} value ${j + 1} is not a finite number (${v})`);
      if (v != null && (d.dataLabels[j] == null || d.dataLabels[j] === '')) warn('chart-unlabelled-value', `${name} value for '${spec.labels[j]}' has no data label`);
    });
  });
  if (spec.kind === 'doughnut') {
    if (spec.datasets.length !== 1) fail(`a doughnut shows one series, got ${spec.datasets.length}`, 'use a stacked chart to compare shares across series');
    const d = spec.datasets[0];
    if (d?.data.some((v) => v != null && v < 0)) fail('a doughnut cannot show negative values', 'use a column chart');
  }
  if (spec.kind === 'combo') {
    const draws = spec.datasets.map((d, i) => drawOf(spec, d, i));
    if (!draws.includes('bar') || !draws.includes('line')) fail('a combo chart needs at least one bar and one line series', "set draw: 'bar' / 'line' on its datasets");
  }
  if (!spec.sourceNote.trim()) warn('chart-no-source', 'has no source note');
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
        message: `chart '${spec.id}': character '${ch}' (${codePointLabel(ch)}) in the ${w} ("${text}") is not in the chart fonts`,
        hint: 'add the character to assets/fonts with scripts/make-font-subset.sh, add a font file that has it to the theme fontFiles, or rewrite the text',
      });
    }
  }
  return problems;
}
