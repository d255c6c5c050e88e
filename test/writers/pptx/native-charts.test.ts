/**
 * `--charts native`: every chart of the default deck is a real PowerPoint
 * chart built from the same spec, whose cached values are the facts', whose
 * labels print as the text does, whose runs carry East Asian fonts, and
 * whose embedded workbook holds the figures where the chart's formulas point.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChartSpec } from '../../../src/model/chart.js';
import type { DocumentModel } from '../../../src/model/document.js';
import { loadFactBase } from '../../../src/facts/load.js';
import { planDeck } from '../../../src/writers/pptx/plan.js';
import { isoToSerial, labelFormatCode } from '../../../src/writers/pptx/native-chart-data.js';
import { buildDefault, templateFiles } from '../../helpers/build.js';
import { readData, repoRoot } from '../../helpers/fixtures.js';
import { childElements, findAll, findFirst, parseXml, readZip, textContent, type XmlElement } from '../../helpers/ooxml.js';
import { schemaValidator, whyNoSchemas } from '../../helpers/ooxml-schema.js';

let native: Buffer;
let image: Buffer;
let model: DocumentModel;
let parts: Map<string, Buffer>;

/** Chart blocks anywhere in the model (slide columns included). */
function chartBlocks(doc: DocumentModel): Array<{ chart: ChartSpec }> {
  const out: Array<{ chart: ChartSpec }> = [];
  const walk = (x: unknown): void => {
    if (Array.isArray(x)) x.forEach(walk);
    else if (x && typeof x === 'object') {
      const o = x as Record<string, unknown>;
      if (o.type === 'chart' && o.chart) out.push(o as unknown as { chart: ChartSpec });
      else Object.values(o).forEach(walk);
    }
  };
  walk(doc.sections);
  return out;
}
const specs = () => chartBlocks(model).map((b) => b.chart);
const xml = (name: string) => parseXml(parts.get(name)!.toString('utf8'));

/** Chart parts by graphic frame name (chart-<id>), in slide order. */
function chartParts(): Array<{ name: string; descr: string; part: string }> {
  const slides = [...parts.keys()].filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n)).sort((a, b) => Number(/\d+/.exec(a)![0]) - Number(/\d+/.exec(b)![0]));
  return slides.flatMap((s) => {
    const rels = findAll(xml(s.replace('slides/', 'slides/_rels/') + '.rels'), 'Relationship');
    return findAll(xml(s), 'p:graphicFrame').flatMap((f) => {
      const chart = findFirst(f, 'c:chart');
      if (!chart) return [];
      const pr = findFirst(f, 'p:cNvPr')!;
      const target = rels.find((r) => r.attrs.Id === chart.attrs['r:id'])!.attrs.Target;
      return [{ name: pr.attrs.name, descr: pr.attrs.descr, part: path.posix.join('ppt/slides', target) }];
    });
  });
}

function specOf(name: string): ChartSpec {
  return specs().find((c) => `chart-${c.id}` === name)!;
}

/** Cached numbers per series, in series order (index → value). */
function cachedValues(chart: XmlElement): Array<Map<number, number>> {
  return findAll(chart, 'c:ser').map((ser) => {
    const cache = findFirst(findFirst(ser, 'c:val')!, 'c:numCache')!;
    return new Map(childElements(cache, 'c:pt').map((pt) => [Number(pt.attrs.idx), Number(textContent(findFirst(pt, 'c:v')!))]));
  });
}

/** Apply the number formats we write ("超"0.0"万个"): literals around one fixed-decimal number. */
function applyFormat(code: string, value: number): string {
  const m = /^((?:"[^"]*")*)0(?:\.(0+))?((?:"[^"]*")*)$/.exec(code);
  if (!m) return code.replace(/"/g, '');
  const lit = (s: string) => s.replace(/"/g, '');
  return `${lit(m[1])}${value.toFixed(m[2]?.length ?? 0)}${lit(m[3])}`;
}

function sheetCells(files: Map<string, Buffer>): Map<string, string | number> {
  const strings = findAll(parseXml(files.get('xl/sharedStrings.xml')!.toString('utf8')), 'si').map(textContent);
  const cells = new Map<string, string | number>();
  for (const c of findAll(parseXml(files.get('xl/worksheets/sheet1.xml')!.toString('utf8')), 'c')) {
    const v = textContent(findFirst(c, 'v')!);
    cells.set(c.attrs.r, c.attrs.t === 's' ? strings[Number(v)] : Number(v));
  }
  return cells;
}

/** Cells a formula like Sheet1!$B$2:$B$4 names. */
function rangeCells(formula: string): string[] {
  const m = /\$([A-Z]+)\$(\d+)(?::\$([A-Z]+)\$(\d+))?$/.exec(formula)!;
  const [col, from, to] = [m[1], Number(m[2]), Number(m[4] ?? m[2])];
  return Array.from({ length: to - from + 1 }, (_, i) => `${col}${from + i}`);
}

beforeAll(async () => {
  const n = await buildDefault('qingdao-briefing', ['pptx'], { charts: 'native' });
  native = n.result.files[0].data;
  model = n.result.model;
  image = (await buildDefault('qingdao-briefing', ['pptx'])).result.files[0].data;
  parts = await readZip(native);
});

describe('--charts native', () => {
  it('writes every chart as a native chart, none as a picture, with the picture version’s alt text', async () => {
    const found = chartParts();
    expect(found.map((c) => c.name).sort()).toEqual(specs().map((c) => `chart-${c.id}`).sort());
    expect(found.length).toBeGreaterThanOrEqual(6);
    const pics = [...parts.keys()].filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n)).flatMap((n) => findAll(xml(n), 'p:pic'));
    expect(pics.filter((p) => findFirst(p, 'p:cNvPr')!.attrs.name.startsWith('chart-'))).toEqual([]);
    // The picture deck places the same charts with the same alt text.
    const imageParts = await readZip(image);
    const imagePics = [...imageParts.keys()]
      .filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n))
      .flatMap((n) => findAll(parseXml(imageParts.get(n)!.toString('utf8')), 'p:cNvPr'))
      .filter((p) => p.attrs.name.startsWith('chart-'));
    for (const c of found) expect(c.descr, c.name).toBe(imagePics.find((p) => p.attrs.name === c.name)?.attrs.descr);
    for (const c of found) expect(c.descr).toBe(specOf(c.name).alt);
  });

  it('keeps every slide’s text, source lines included, as in the picture version', async () => {
    const imageParts = await readZip(image);
    const slideText = (p: Map<string, Buffer>) =>
      [...p.keys()]
        .filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n))
        .sort()
        .map((n) => findAll(parseXml(p.get(n)!.toString('utf8')), 'a:t').map(textContent).join('|'));
    const nativeText = slideText(parts);
    expect(nativeText).toEqual(slideText(imageParts));
    expect(nativeText.join('').match(/数据来源：/g)!.length).toBeGreaterThanOrEqual(specs().length - 1);
  });

  it('caches the facts’ values, in the axis unit', () => {
    for (const c of chartParts()) {
      const spec = specOf(c.name);
      const cached = cachedValues(xml(c.part));
      expect(cached.length, c.name).toBe(spec.datasets.length);
      spec.datasets.forEach((d, i) => {
        const expected = new Map(d.data.flatMap((v, j) => (v == null ? [] : [[j, v] as const])));
        expect(cached[i], `${c.name} series ${i}`).toEqual(expected);
      });
    }
    // And those are the fact base's figures: 万个 × 10⁴, 家 as they are.
    const fb = loadFactBase(readData(path.join(repoRoot, 'data'))).result;
    const value = (id: string) => (fb.facts.get(id) as { value: number }).value;
    const fiveg = cachedValues(xml(chartParts().find((c) => c.name === 'chart-fiveg')!.part))[0];
    expect([...fiveg.values()].map((v) => Math.round(v * 1e4))).toEqual(
      fb.indicators.get('qingdao-5g-base-stations')!.points.map((p) => p.value),
    );
    const rubber = cachedValues(xml(chartParts().find((c) => c.name === 'chart-rubber-chain')!.part))[0];
    expect([...rubber.values()]).toEqual(['stores', 'dealers', 'suppliers'].map((k) => value(`rubber-chain-cloud-${k}@2026-01`)));
  });

  it('labels every point exactly as the text prints it (超1.2万个, 800余家, 第23位)', () => {
    const all: string[] = [];
    for (const c of chartParts()) {
      const spec = specOf(c.name);
      findAll(xml(c.part), 'c:ser').forEach((ser, i) => {
        const d = spec.datasets[i];
        const dLbls = childElements(findFirst(ser, 'c:dLbls')!, 'c:dLbl');
        d.data.forEach((v, j) => {
          if (v == null) return;
          const dl = dLbls.find((x) => findFirst(x, 'c:idx')!.attrs.val === String(j))!;
          const shown = applyFormat(findFirst(dl, 'c:numFmt')!.attrs.formatCode, v);
          expect(shown, `${c.name} point ${j}`).toBe(d.dataLabels[j]);
          all.push(shown);
        });
      });
    }
    expect(all).toEqual(expect.arrayContaining(['超1.2万个', '4.6万个', '800余家', '5000多家', '第1位', '第23位（上升6位）', '56.1万亿元', '44%']));
  });

  it('puts the theme’s East Asian font and zh-CN on every run of titles, axes, labels and legends', () => {
    const ea = model.theme.fonts.eastAsia;
    for (const c of chartParts()) {
      const runs = ['a:rPr', 'a:defRPr', 'a:endParaRPr'].flatMap((t) => findAll(xml(c.part), t));
      expect(runs.length, c.name).toBeGreaterThan(4);
      for (const r of runs) {
        expect(r.attrs.lang, c.name).toBe('zh-CN');
        expect(findFirst(r, 'a:ea')?.attrs.typeface, c.name).toBe(ea);
      }
      expect(textContent(findFirst(findFirst(xml(c.part), 'c:title')!, 'a:t')!)).toBe(specOf(c.name).title);
    }
  });

  it('embeds a workbook holding the figures where the chart’s formulas point (编辑数据)', async () => {
    for (const c of chartParts()) {
      const spec = specOf(c.name);
      const rels = findAll(xml(c.part.replace('charts/', 'charts/_rels/') + '.rels'), 'Relationship');
      const book = path.posix.join('ppt/charts', rels[0].attrs.Target);
      const cells = sheetCells(await readZip(parts.get(book)!));
      const chart = xml(c.part);
      findAll(chart, 'c:ser').forEach((ser, i) => {
        const d = spec.datasets[i];
        expect(cells.get(rangeCells(textContent(findFirst(findFirst(ser, 'c:tx')!, 'c:f')!))[0]), c.name).toBe(d.label);
        const values = rangeCells(textContent(findFirst(findFirst(ser, 'c:val')!, 'c:f')!)).map((r) => cells.get(r) ?? null);
        expect(values, `${c.name} values`).toEqual(d.data);
        const cats = rangeCells(textContent(findFirst(findFirst(ser, 'c:cat')!, 'c:f')!)).map((r) => cells.get(r));
        // Time series hold real dates (spreadsheet serials), others the category names.
        expect(cats, `${c.name} categories`).toEqual(spec.dates ? spec.dates.map(isoToSerial) : spec.labels);
      });
    }
  });

  it('spaces a time series by date on a date axis', () => {
    const fiveg = xml(chartParts().find((c) => c.name === 'chart-fiveg')!.part);
    const axis = findFirst(fiveg, 'c:dateAx')!;
    expect(findFirst(axis, 'c:baseTimeUnit')!.attrs.val).toBe('years');
    const cats = findAll(findFirst(fiveg, 'c:cat')!, 'c:v').map((v) => Number(textContent(v)));
    expect(cats).toEqual(['2020-09', '2024-03', '2026-01'].map(isoToSerial));
    // Bars from zero; ranks reversed with first place on top.
    expect(findFirst(findFirst(fiveg, 'c:valAx')!, 'c:min')!.attrs.val).toBe('0');
    const ranks = xml(chartParts().find((c) => c.name === 'chart-cross-industry-ranks')!.part);
    expect(findFirst(findFirst(ranks, 'c:valAx')!, 'c:orientation')!.attrs.val).toBe('maxMin');
    expect(findAll(ranks, 'c:barChart')).toEqual([]);
  });

  it('gives the same bytes when built again in the same process (chart parts numbered per deck)', async () => {
    const again = (await buildDefault('qingdao-briefing', ['pptx'], { charts: 'native' })).result.files[0].data;
    expect(again.equals(native)).toBe(true);
    expect([...parts.keys()].filter((n) => /^ppt\/charts\/chart\d+\.xml$/.test(n)).sort()).toEqual(
      chartParts().map((_, i) => `ppt/charts/chart${i + 1}.xml`).sort(),
    );
  });
});

describe('which charts are native', () => {
  it('a chart’s own output: wins over the build’s choice, which wins over the template’s', async () => {
    const [first, ...rest] = specs();
    const doc = structuredClone(model);
    chartBlocks(doc).find((b) => b.chart.id === first.id)!.chart.output = 'image';
    const charts = new Map(specs().map((c) => [c.id, { slide: { png: Buffer.from(''), widthPx: 2, heightPx: 1, widthIn: 2, heightIn: 1 }, column: { png: Buffer.from(''), widthPx: 2, heightPx: 1, widthIn: 2, heightIn: 1 } }]));
    const kinds = planDeck(doc, charts, { charts: 'native' })
      .plan.slides.flatMap((s) => s.shapes)
      .filter((s) => s.name.startsWith('chart-'))
      .map((s) => [s.name, s.kind]);
    expect(kinds).toContainEqual([`chart-${first.id}`, 'image']);
    for (const c of rest) expect(kinds).toContainEqual([`chart-${c.id}`, 'chart']);
    // A template may make native charts its default.
    const files = templateFiles('qingdao-briefing');
    files.files.set('template.yaml', `${files.files.get('template.yaml')}\ncharts: native\n`);
    const { build } = await import('../../../src/pipeline/build.js');
    const byTemplate = (await build({ data: readData(path.join(repoRoot, 'data')), template: files, formats: ['pptx'], timestamp: 1767225600 })).result.files[0].data;
    expect([...(await readZip(byTemplate)).keys()].filter((n) => /^ppt\/charts\/chart\d+\.xml$/.test(n)).length).toBe(specs().length);
    const overridden = (await build({ data: readData(path.join(repoRoot, 'data')), template: files, formats: ['pptx'], timestamp: 1767225600, charts: 'image' })).result.files[0].data;
    expect([...(await readZip(overridden)).keys()].filter((n) => n.startsWith('ppt/charts/'))).toEqual([]);
  });

  it('keeps a label literal when its number is not the value', () => {
    expect(labelFormatCode('超1.2万个', 1.2)).toBe('"超"0.0"万个"');
    expect(labelFormatCode('第23位（上升6位）', 23)).toBe('"第"0"位（上升6位）"');
    expect(labelFormatCode('44%', 44)).toBe('0"%"');
    expect(labelFormatCode('约4200家', 4200)).toBe('"约"0"家"');
    expect(labelFormatCode('其他', 5)).toBe('"其他"');
  });
});

const validator = whyNoSchemas ? undefined : schemaValidator();
afterAll(() => validator?.close());

describe.skipIf(!!whyNoSchemas)('native charts are schema-valid', () => {
  it('every part of the native deck validates', async () => {
    const errors = await validator!.validate(native, 'native.pptx');
    expect(errors, errors.join('\n')).toEqual([]);
  });
});

const noOffice = ['soffice', 'pdftotext'].filter((t) => spawnSync('which', [t]).status !== 0);
describe.skipIf(noOffice.length > 0)('LibreOffice renders the native charts', () => {
  it('draws every chart’s title and data labels into the PDF', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'gen-report-native-'));
    writeFileSync(path.join(dir, 'native.pptx'), native);
    execFileSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', dir, path.join(dir, 'native.pptx')], { stdio: 'ignore', timeout: 180_000 });
    const text = execFileSync('pdftotext', [path.join(dir, 'native.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    for (const spec of specs()) {
      // The picture version has no chart text; here the chart itself prints it.
      expect(text, spec.id).toContain(spec.title.replace(/\s+/g, ''));
      for (const d of spec.datasets) for (const l of d.dataLabels) if (l) expect(text, `${spec.id}: ${l}`).toContain(l.replace(/\s+/g, ''));
    }
  }, 240_000);
});
