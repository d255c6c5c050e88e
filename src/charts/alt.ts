/**
 * Chinese alternative text generated from a chart's data, so a screen reader
 * (or anyone reading the pptx/docx without images) gets every figure the
 * chart shows, in the same wording as the data labels.
 */
import type { ChartKind, ChartSpec } from '../model/chart.js';
import { drawOf } from './roles.js';

const KIND_NAMES: Record<ChartKind, string> = {
  column: '柱形图',
  line: '折线图',
  combo: '柱形与折线组合图',
  hbar: '条形图',
  doughnut: '环形图',
  stacked: '堆积柱形图',
  rank: '位次图',
};

const TRAILING_QUALIFIER = /(以上|左右)$/u;

/**
 * A data label with its unit: "3.78万" + "万个" → "3.78万个", "超16万" + "家" →
 * "超16万家", "50以上" + "个" → "50个以上". Labels that already end in a word
 * ("第1位", "45%") are complete.
 */
export function withUnit(label: string, unit: string): string {
  if (!unit) return label;
  const q = label.match(TRAILING_QUALIFIER);
  const core = q ? label.slice(0, -q[0].length) : label;
  if (!/[0-9万亿]$/u.test(core)) return label;
  // Overlap of the label's scale word and the unit's ("万" in both) is written once.
  let k = Math.min(core.length, unit.length);
  while (k > 0 && !core.endsWith(unit.slice(0, k))) k--;
  return `${core}${unit.slice(k)}${q ? q[0] : ''}`;
}

function sentence(s: string): string {
  const t = s.trim();
  return !t || /[。！？.]$/u.test(t) ? t : `${t}。`;
}

export function describeChart(spec: Omit<ChartSpec, 'alt'>): string {
  const parts: string[] = [];
  const units: string[] = [];
  const left = spec.axisTitles?.left;
  const right = spec.axisTitles?.right;
  if (left && right) units.push(`左轴单位：${left}`, `右轴单位：${right}`);
  else if (left || right) units.push(`单位：${left ?? right}`);
  parts.push(`${KIND_NAMES[spec.kind]}：${spec.title}${units.length ? `（${units.join('，')}）` : ''}。`);
  if (spec.reverseValueAxis) parts.push('位次数字越小排名越靠前。');

  const multi = spec.datasets.length > 1;
  spec.datasets.forEach((d, i) => {
    const points = spec.labels.map((cat, j) => {
      const v = d.data[j];
      if (v == null) return `${cat}：无数据`;
      const shown = d.dataLabels[j];
      return `${cat}：${shown ? withUnit(shown, d.unit) : withUnit(String(v), d.unit)}`;
    });
    const how = spec.kind === 'combo' ? `（${drawOf(spec, d, i) === 'line' ? '折线' : '柱形'}）` : '';
    parts.push(`${multi ? `${d.label}${how}：` : ''}${points.join('；')}。`);
  });
  for (const f of spec.footnotes ?? []) parts.push(sentence(f));
  parts.push(sentence(spec.sourceNote));
  return parts.filter(Boolean).join('');
}
