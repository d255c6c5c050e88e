/**
 * Issue 20: a variant (extends:) merges with what it extends. The manifest
 * field by field (meta and theme key by key), charts.yaml by chart id,
 * partials by name; chart colours follow the theme unless the series palette
 * is set; an error in an inherited file names that file.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import { loadFactBase } from '../../src/facts/load.js';
import { TemplateError } from '../../src/errors.js';
import { loadTemplate, type TemplateFiles } from '../../src/templates/manifest.js';
import { renderTemplate } from '../../src/templates/render.js';
import { renderCharts } from '../../src/charts/index.js';
import { defaultTheme } from '../../src/model/default-theme.js';
import { readTemplateDir } from '../../src/cli/io.js';
import { fixtures, readData, readTemplate } from '../helpers/fixtures.js';

const fb = loadFactBase(readData(path.join(fixtures, 'mini-data'))).result;

function mini(): TemplateFiles {
  const t = readTemplate(path.join(fixtures, 'templates/mini'), 'templates/mini');
  return { ...t, origins: new Map([...t.files.keys()].map((n) => [n, `templates/mini/${n}`])) };
}

/** A variant folder over the mini template, as the CLI reads one. */
function variant(own: Record<string, string>, parent: TemplateFiles = mini(), dir = 'templates/variant'): TemplateFiles {
  const files = new Map([...parent.files, ...Object.entries(own)]);
  const origins = new Map([...parent.origins!, ...Object.keys(own).map((n) => [n, `${dir}/${n}`] as const)]);
  return { dir, files, origins, parent };
}

const manifest = (extra = '') => `name: variant\ndescription: a variant\nextends: mini\n${extra}`;

function problemOf(fn: () => unknown) {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(TemplateError);
    return (e as TemplateError).problems[0];
  }
  throw new Error('expected a TemplateError');
}

describe('a variant inherits and overrides the manifest', () => {
  it('takes what it leaves out from its parent, merges meta and theme by key, and never inherits default', () => {
    const parent = mini();
    parent.files.set('template.yaml', `${parent.files.get('template.yaml')}default: true\ncurrentMonths: 2\ntheme:\n  colors:\n    accent: 123456\n  fonts:\n    latin: Georgia\n`);
    const t = loadTemplate(variant({ 'template.yaml': manifest('meta:\n  subtitle: 十分钟版\ntheme:\n  colors:\n    primary: 1F4E79\n') }, parent));
    expect(t.manifest.formats).toEqual(['pptx', 'docx', 'md']);
    expect(t.manifest.entry).toBe('deck.md.hbs');
    expect(t.manifest.currentMonths).toBe(2);
    expect(t.manifest.default).toBe(false);
    expect(t.manifest.name).toBe('variant');
    expect(t.manifest.meta).toEqual({ title: '测试简报', subtitle: '十分钟版', issuer: '测试单位' });
    expect(t.theme.colors.primary).toBe('1F4E79');
    expect(t.theme.colors.accent).toBe('123456');
    expect(t.theme.fonts.latin).toBe('Georgia');
    expect(t.theme.fonts.eastAsia).toBe(defaultTheme.fonts.eastAsia);
  });

  it('a template with nothing to extend must name its formats and entry', () => {
    const p = problemOf(() => loadTemplate({ dir: 'templates/t', files: new Map([['template.yaml', 'name: t\ndescription: d\nmeta:\n  title: x\n']]) }));
    expect(p.file).toBe('templates/t/template.yaml');
  });
});

describe('charts.yaml merges by chart id', () => {
  const charts = 'fiveg:\n  kind: line\n  title: 5G基站（变体）\n  series: [qingdao-5g-base-stations]\nplatforms:\n  kind: column\n  title: 新图表\n  items:\n    - fact: cosmoplat-enterprises-served\n';

  it('adds new charts, replaces a chart of the same id, keeps the rest of the parent', () => {
    const t = loadTemplate(variant({ 'template.yaml': manifest(), 'charts.yaml': charts }));
    expect(Object.keys(t.charts).sort()).toEqual(['fiveg', 'platforms', 'ranks']);
    expect(t.charts.fiveg.title).toBe('5G基站（变体）');
    expect(t.charts.fiveg.kind).toBe('line');
    expect(t.charts.ranks.title).toBe('双跨平台评价位次');
  });

  it('renders the parent chart the variant did not copy, and the variant chart it added', () => {
    const entry = '## 图\n\n{{#chart "fiveg"}}\n{{/chart}}\n\n## 新图\n\n{{#chart "platforms"}}\n{{/chart}}\n';
    const own = charts.slice(charts.indexOf('platforms:'));
    const t = loadTemplate(variant({ 'template.yaml': manifest('entry: short.md.hbs\n'), 'charts.yaml': own, 'short.md.hbs': entry }));
    const r = renderTemplate(t, fb).result;
    expect([...r.charts.keys()]).toEqual(['fiveg', 'platforms']);
    expect(r.charts.get('fiveg')!.spec.title).toBe('青岛5G基站累计开通数');
    expect(r.charts.get('platforms')!.spec.title).toBe('新图表');
  });

  it('without a charts.yaml of its own, a variant has exactly the parent charts', () => {
    expect(Object.keys(loadTemplate(variant({ 'template.yaml': manifest() })).charts).sort()).toEqual(['fiveg', 'ranks']);
  });
});

describe('partials merge by name', () => {
  it('a partial of the same name replaces the parent one; the others stay', () => {
    const entry = '## 指标\n\n::: kpis\n{{> kpi id="qingdao-5g-base-stations" label="5G"}}\n:::\n\n{{> extra}}\n';
    const t = loadTemplate(
      variant({ 'template.yaml': manifest('entry: v.md.hbs\n'), 'v.md.hbs': entry, 'partials/extra.hbs': '## 附加\n\n- 变体自己的部分\n' }),
    );
    const md = renderTemplate(t, fb).result.markdown;
    expect(md).toContain('变体自己的部分');
    expect(md).toMatch(/- \*\*\S+\*\* 5G/); // the parent's kpi partial
    const overridden = loadTemplate(
      variant({ 'template.yaml': manifest('entry: v.md.hbs\n'), 'v.md.hbs': entry, 'partials/extra.hbs': '', 'partials/kpi.hbs': '- **KPI** {{label}}\n' }),
    );
    expect(renderTemplate(overridden, fb).result.markdown).toContain('- **KPI** 5G');
  });
});

describe('chart colours follow the theme', () => {
  it('derives the series palette from the theme colours unless it is set', () => {
    expect(loadTemplate(mini()).theme.colors.series).toEqual(defaultTheme.colors.series);
    const blue = loadTemplate(variant({ 'template.yaml': manifest('theme:\n  colors:\n    primary: 1F4E79\n    accent: 2E75B6\n') }));
    expect(blue.theme.colors.series.slice(0, 2)).toEqual(['1F4E79', '2E75B6']);
    const set = loadTemplate(variant({ 'template.yaml': manifest('theme:\n  colors:\n    primary: 1F4E79\n    series: [00B050, 7030A0]\n') }));
    expect(set.theme.colors.series).toEqual(['00B050', '7030A0']);
    // A parent's explicit palette stays explicit under a variant that changes the primary colour.
    const parent = variant({ 'template.yaml': manifest('theme:\n  colors:\n    series: [00B050]\n') });
    const child = variant({ 'template.yaml': 'name: child\ndescription: c\nextends: variant\ntheme:\n  colors:\n    primary: 1F4E79\n' }, parent, 'templates/child');
    expect(loadTemplate(child).theme.colors.series).toEqual(['00B050']);
  });

  it('draws the bars of a blue variant in its primary colour, not the parent red', async () => {
    const t = loadTemplate(variant({ 'template.yaml': manifest('theme:\n  colors:\n    primary: 1F4E79\n') }));
    const spec = renderTemplate(t, fb).result.charts.get('fiveg')!.spec;
    const png = renderCharts([spec], t.theme, { media: ['slide'] }).result.get('fiveg')!.slide!.png;
    const img = await loadImage(png);
    const ctx = createCanvas(img.width, img.height).getContext('2d');
    ctx.drawImage(img, 0, 0);
    const data = ctx.getImageData(0, 0, img.width, img.height).data;
    const count = (hex: string) => {
      const [r, g, b] = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16));
      let n = 0;
      for (let i = 0; i < data.length; i += 4) if (data[i] === r && data[i + 1] === g && data[i + 2] === b) n++;
      return n;
    };
    expect(count('1F4E79')).toBeGreaterThan(1000);
    expect(count('C00000')).toBe(0);
  });
});

describe('an error in an inherited file names that file', () => {
  it('a broken charts.yaml or template.yaml of the parent is reported at the parent path and line', () => {
    const brokenCharts = mini();
    brokenCharts.files.set('charts.yaml', `${brokenCharts.files.get('charts.yaml')}bad:\n  kind: pie\n  title: x\n  series: [a]\n`);
    const p = problemOf(() => loadTemplate(variant({ 'template.yaml': manifest() }, brokenCharts)));
    expect(p.file).toBe('templates/mini/charts.yaml');
    expect(p.line).toBe(12);
    const brokenManifest = mini();
    brokenManifest.files.set('template.yaml', `${brokenManifest.files.get('template.yaml')}colour: red\n`);
    const q = problemOf(() => loadTemplate(variant({ 'template.yaml': manifest() }, brokenManifest)));
    expect(q.file).toBe('templates/mini/template.yaml');
    expect(q.line).toBe(8);
  });

  it("the variant's own mistakes name the variant's files", () => {
    const p = problemOf(() => loadTemplate(variant({ 'template.yaml': manifest(), 'charts.yaml': 'x:\n  kind: column\n' })));
    expect(p.file).toBe('templates/variant/charts.yaml');
    const q = problemOf(() => loadTemplate(variant({ 'template.yaml': manifest('theme:\n  colors:\n    primary: blue\n') })));
    expect(q.file).toBe('templates/variant/template.yaml');
    expect(q.line).toBe(6);
  });

  describe('read from folders as the CLI reads them', () => {
    const tmp = mkdtempSync(path.join(os.tmpdir(), 'gen-report-inherit-'));
    afterAll(() => rmSync(tmp, { recursive: true, force: true }));

    it('merges a variant folder over its parent folder and names the parent file in an error', async () => {
      cpSync(path.join(fixtures, 'templates/mini'), path.join(tmp, 'base'), { recursive: true });
      mkdirSync(path.join(tmp, 'v/partials'), { recursive: true });
      writeFileSync(path.join(tmp, 'v/template.yaml'), 'name: v\ndescription: d\nextends: ../base\n');
      writeFileSync(path.join(tmp, 'v/charts.yaml'), 'extra:\n  kind: column\n  title: 额外\n  series: [qingdao-5g-base-stations]\n');
      const files = await readTemplateDir(path.join(tmp, 'v'));
      expect(Object.keys(loadTemplate(files).charts).sort()).toEqual(['extra', 'fiveg', 'ranks']);
      writeFileSync(path.join(tmp, 'base/charts.yaml'), 'fiveg:\n  kind: column\n  title: t\n  series: [x]\n  colour: red\n');
      const again = await readTemplateDir(path.join(tmp, 'v'));
      const q = problemOf(() => loadTemplate(again));
      expect(q.file).toMatch(/base[\\/]charts\.yaml$/);
      expect(q.line).toBe(5);
    });

    it('a parent that does not exist is reported at the extends: line', async () => {
      mkdirSync(path.join(tmp, 'orphan'), { recursive: true });
      writeFileSync(path.join(tmp, 'orphan/template.yaml'), '# a variant\nname: orphan\ndescription: d\nextends: no-such-template\n');
      const e = await readTemplateDir(path.join(tmp, 'orphan')).then(
        () => undefined,
        (err: unknown) => err,
      );
      expect(e).toBeInstanceOf(TemplateError);
      const p = (e as TemplateError).problems[0];
      expect(p.file).toMatch(/orphan[\\/]template\.yaml$/);
      expect(p.line).toBe(4);
    });
  });
});
