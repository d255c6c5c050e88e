/** Chart kinds follow what the data means: each rule, checked where the ChartSpec is built. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFactBase } from '../../src/facts/load.js';
import type { FactBase, ValueFact } from '../../src/facts/model.js';
import { FactLookup } from '../../src/templates/lookup.js';
import { CITE_END, CITE_ID, CITE_START, CitationRegistry } from '../../src/templates/citations.js';
import { buildChart, chartDefinitionSchema } from '../../src/templates/charts.js';
import { loadTemplate } from '../../src/templates/manifest.js';
import { renderTemplate } from '../../src/templates/render.js';
import { TemplateError, formatProblem } from '../../src/errors.js';
import { buildConfig } from '../../src/charts/config.js';
import { defaultTheme } from '../../src/model/default-theme.js';
import { isoToYears } from '../../src/format/dates.js';
import { readData, repoRoot } from '../helpers/fixtures.js';

const data = () => loadFactBase(readData(path.join(repoRoot, 'data'))).result;
const real = data();

function build(def: Record<string, unknown>, fb: FactBase = real) {
  return buildChart('c', chartDefinitionSchema.parse(def), new FactLookup(fb), new CitationRegistry(fb)).spec;
}

/** A fact base whose digital-economy series get a third point, so a combo may draw a line. */
function withThirdPoints(): FactBase {
  const fb = data();
  for (const [id, value] of [['china-digital-economy-size', 5e13], ['china-digital-economy-gdp-share', 41.5]] as const) {
    const ind = fb.indicators.get(id)!;
    const last = ind.points[ind.points.length - 1];
    const extra: ValueFact = { ...last, id: `${id}@2022`, asOf: '2022', value };
    ind.points.splice(ind.points.length - 1, 0, extra);
    fb.facts.set(extra.id, extra);
  }
  return fb;
}

describe('ranks are an order, not a quantity', () => {
  const items = [{ fact: 'cosmoplat-cross-industry-rank@2025' }, { fact: 'lemondou-cross-industry-rank@2025' }];
  it.each(['hbar', 'column', 'doughnut'])('refuses ranks drawn as a %s chart', (kind) => {
    expect(() => build({ kind, title: 't', items, ...(kind === 'doughnut' ? { whole: 'x' } : {}) })).toThrow(/chart 'c'.*rank is an order, not a quantity.*kind: rank/);
  });
  it('draws them as dots on a rank axis, labelled like the text', () => {
    const spec = build({ kind: 'rank', title: 't', items });
    expect(spec.reverseValueAxis).toBe(true);
    expect(spec.datasets[0].dataLabels).toEqual(['第1位', '第23位（上升6位）']);
    const config = buildConfig({ spec, theme: defaultTheme, medium: 'slide', family: 'sans-serif' });
    const ds = config.data.datasets[0] as { type: string; showLine: boolean };
    expect([ds.type, ds.showLine]).toEqual(['line', false]);
    expect((config.options!.scales!.y as { reverse: boolean }).reverse).toBe(true);
  });
  it('refuses figures in a rank chart', () => {
    expect(() => build({ kind: 'rank', title: 't', items: [{ fact: 'rubber-chain-cloud-stores@2026-01' }] })).toThrow(/rank shows ranks only/);
  });
});

describe('time series sit on a time axis', () => {
  it('keeps each point at its date, with the date as the data gives it', () => {
    const spec = build({ kind: 'column', title: 't', series: ['qingdao-5g-base-stations'] });
    expect(spec.labels).toEqual(['2020年9月', '2024年3月', '2026年1月']);
    expect(spec.dates).toEqual(['2020-09', '2024-03', '2026-01']);
    const config = buildConfig({ spec, theme: defaultTheme, medium: 'slide', family: 'sans-serif' });
    expect((config.options!.scales!.x as { type: string }).type).toBe('linear');
    const xs = (config.data.datasets[0].data as Array<{ x: number }>).map((p) => p.x);
    // 3.5 years, then 1.8: the gaps on the axis are in the same ratio, not equal.
    const gaps = [xs[1] - xs[0], xs[2] - xs[1]];
    expect(gaps[0] / gaps[1]).toBeCloseTo((isoToYears('2024-03') - isoToYears('2020-09')) / (isoToYears('2026-01') - isoToYears('2024-03')), 6);
    expect(gaps[0] / gaps[1]).toBeGreaterThan(1.8);
  });
  it.each(['hbar', 'doughnut'])('refuses a time series as a %s chart', (kind) => {
    expect(() => build({ kind, title: 't', series: ['qingdao-5g-base-stations'] })).toThrow(/time series needs a time axis/);
  });
  it('refuses a line through separate items', () => {
    expect(() => build({ kind: 'line', title: 't', items: [{ fact: 'rubber-chain-cloud-stores@2026-01' }, { fact: 'rubber-chain-cloud-dealers@2026-01' }] })).toThrow(
      /joins points in time/,
    );
  });
});

describe('bars and columns start at zero', () => {
  it.each(['column', 'stacked'])('a %s chart of values far from zero still starts at zero', (kind) => {
    const spec = build({ kind, title: 't', series: ['cosmoplat-above-size-enterprises'] });
    const config = buildConfig({ spec, theme: defaultTheme, medium: 'slide', family: 'sans-serif' });
    expect((config.options!.scales!.y as { beginAtZero: boolean }).beginAtZero).toBe(true);
  });
  it('a combo chart puts both axes at zero', () => {
    const spec = build({ kind: 'combo', title: 't', series: ['china-digital-economy-size', 'china-digital-economy-gdp-share'] }, withThirdPoints());
    const scales = buildConfig({ spec, theme: defaultTheme, medium: 'slide', family: 'sans-serif' }).options!.scales as Record<string, { min: number }>;
    expect([scales.y.min, scales.y1.min]).toEqual([0, 0]);
  });
});

describe('a two-point comparison is from → to on a zero axis', () => {
  it('refuses a line through two points', () => {
    expect(() => build({ kind: 'line', title: 't', series: ['cosmoplat-above-size-enterprises'] })).toThrow(/two points.*kind: column/);
  });
  it('refuses a combo whose line has two points', () => {
    expect(() => build({ kind: 'combo', title: 't', series: ['china-digital-economy-size', 'china-digital-economy-gdp-share'] })).toThrow(
      /'占GDP比重|two points.*own column chart/,
    );
  });
  it('allows a line through three points', () => {
    expect(build({ kind: 'line', title: 't', series: ['qingdao-5g-base-stations'] }).datasets[0].data).toEqual([1.2, 3.78, 4.6]);
  });
});

describe('a doughnut shows parts of one declared whole', () => {
  const parts = [{ fact: 'rubber-chain-cloud-suppliers@2026-01' }, { fact: 'rubber-chain-cloud-dealers@2026-01' }];
  it('refuses parts with no whole', () => {
    expect(() => build({ kind: 'doughnut', title: 't', items: parts })).toThrow(/parts of one whole.*whole: <fact id>.*kind: column/);
  });
  it('refuses parts that add up to more than the whole', () => {
    expect(() => build({ kind: 'doughnut', title: 't', items: parts, whole: 'rubber-chain-cloud-suppliers@2026-01' })).toThrow(/add up to more/);
  });
  it('shows the rest of the whole as 其他', () => {
    const spec = build({ kind: 'doughnut', title: 't', items: parts.slice(0, 1), whole: 'rubber-chain-cloud-stores@2026-01' });
    expect(spec.labels.at(-1)).toBe('其他');
    expect(spec.datasets[0].data).toEqual([800, 4200]);
    expect(spec.datasets[0].dataLabels).toEqual(['800余家', '约4200家']);
  });
});

describe('series with different units never share an axis', () => {
  it.each(['column', 'stacked'])('refuses %% and 元 on one %s axis, naming the chart', (kind) => {
    expect(() => build({ kind, title: 't', series: ['china-digital-economy-size', 'china-digital-economy-gdp-share'] })).toThrow(
      /chart 'c': its series are in different units \(元, %\).*kind: combo/,
    );
  });
  it('a combo chart gives each unit its own axis and scale', () => {
    const spec = build({ kind: 'combo', title: 't', series: ['china-digital-economy-size', 'china-digital-economy-gdp-share'] }, withThirdPoints());
    expect(spec.datasets.map((d) => [d.axis, d.unit])).toEqual([
      ['left', '万亿元'],
      ['right', '%'],
    ]);
    expect(spec.axisTitles).toEqual({ left: '万亿元', right: '%' });
  });
  it('refuses items in different units', () => {
    expect(() => build({ kind: 'column', title: 't', items: [{ fact: 'rubber-chain-cloud-stores@2026-01' }, { fact: 'cosmoplat-productivity-gain@2026-01' }] })).toThrow(
      /mixes units/,
    );
  });
});

describe('data labels print figures as the text does', () => {
  it('uses the qualifier form the source printed, from the text formatter', () => {
    const spec = build({
      kind: 'column',
      title: 't',
      items: ['suppliers', 'dealers', 'stores'].map((k) => ({ fact: `rubber-chain-cloud-${k}@2026-01` })),
    });
    expect(spec.datasets[0].dataLabels).toEqual(['800余家', '1200余家', '5000多家']);
    // The same strings the figure helper prints in the slide text.
    const manifest = 'name: t\ndescription: d\nformats: [md]\nentry: t.md.hbs\nmeta:\n  title: 标题\n  issuer: 单位\n';
    const template = loadTemplate({
      dir: 'templates/t',
      files: new Map([
        ['template.yaml', manifest],
        ['t.md.hbs', '{{fact "rubber-chain-cloud-suppliers" style="yu"}}/{{fact "rubber-chain-cloud-dealers" style="yu"}}/{{fact "rubber-chain-cloud-stores" style="duo"}}'],
      ]),
    });
    const md = renderTemplate(template, real).result.markdown;
    const text = md.replace(new RegExp(`${CITE_ID}[^${CITE_END}]*${CITE_END}`, 'g'), '').replaceAll(CITE_START, '');
    for (const label of spec.datasets[0].dataLabels) expect(text).toContain(label!);
  });
});

describe('a template author gets the error at the chart', () => {
  it('names the chart, the template file and line', () => {
    const template = loadTemplate({
      dir: 'templates/t',
      files: new Map([
        ['template.yaml', 'name: t\ndescription: d\nformats: [md]\nentry: t.md.hbs\nmeta:\n  title: 标题\n  issuer: 单位\n'],
        ['charts.yaml', 'ranks:\n  kind: hbar\n  title: 排名\n  items:\n    - { fact: cosmoplat-cross-industry-rank@2025 }\n'],
        ['t.md.hbs', '# 一\n\n## 二\n\n{{#chart "ranks"}}\n{{/chart}}\n'],
      ]),
    });
    let err: unknown;
    try {
      renderTemplate(template, real);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(TemplateError);
    const p = (err as TemplateError).problems[0];
    expect([p.file, p.line]).toEqual(['templates/t/t.md.hbs', 5]);
    expect(formatProblem(p, 'en')).toMatch(/chart 'ranks'[\s\S]*kind: rank/);
    expect(formatProblem(p, 'zh-CN')).toMatch(/图表 ranks：把名次画成了条形图[\s\S]*改用 kind: rank/);
  });
});
