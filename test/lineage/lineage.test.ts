import { describe, expect, it } from 'vitest';
import { buildDefault } from '../helpers/build.js';
import { buildLineage, numberTokens, uncoveredNumbers } from '../../src/lineage/index.js';
import type { Block, DocumentModel } from '../../src/model/document.js';

const models = {
  deck: (await buildDefault('qingdao-briefing', [])).result.model,
  report: (await buildDefault('qingdao-report', [])).result.model,
  gbt: (await buildDefault('qingdao-report-gbt', [])).result.model,
  short: (await buildDefault('qingdao-briefing-short', [])).result.model,
};

const clone = (m: DocumentModel): DocumentModel => structuredClone(m);

/** Remove a fact's citation from every run, card and chart point of a section, as a template that printed it by hand would. */
function uncite(model: DocumentModel, factId: string): DocumentModel {
  const m = clone(model);
  const strip = (blocks: Block[]) => {
    for (const b of blocks) {
      const runs = b.type === 'paragraph' ? [b.runs] : b.type === 'list' ? b.items.map((i) => i.runs) : b.type === 'table' ? [...b.header, ...b.rows.flat()] : b.type === 'timeline' ? b.items.map((i) => i.runs) : [];
      for (const rs of runs) for (const r of rs) if (r.cite?.factId === factId) delete r.cite;
      if (b.type === 'kpis') for (const k of b.items) if (k.cite?.factId === factId) delete k.cite;
      if (b.type === 'chart') b.figures = b.figures?.filter((f) => f.cite.factId !== factId);
      if (b.type === 'columns') b.columns.forEach(strip);
      if (b.type === 'callout') strip(b.blocks);
    }
  };
  for (const s of m.sections) {
    strip(s.blocks);
    strip(s.notes);
    s.citations = s.citations.filter((c) => c.factId !== factId);
  }
  return m;
}

describe('lineage manifest', () => {
  it.each(Object.entries(models))('lists every cited fact of every section of the %s with its source and paragraph', (_, model) => {
    const lineage = buildLineage(model).result;
    expect(lineage.sections).toHaveLength(model.sections.length);
    model.sections.forEach((s, i) => {
      const ids = new Set(lineage.sections[i].figures.map((f) => f.factId));
      for (const c of s.citations) expect(ids, `${s.title}: ${c.factId}`).toContain(c.factId);
    });
    const figures = lineage.sections.flatMap((s) => s.figures);
    expect(figures.length).toBeGreaterThan(40);
    for (const f of figures) {
      expect(f.para, f.factId).toBeGreaterThan(0);
      expect(f.printed, f.factId).not.toBe('');
      expect(f.source.publisher, f.factId).not.toBe('');
      expect(f.source.title, f.factId).not.toBe('');
      expect(f.source.published, f.factId).toMatch(/^\d{4}-\d{2}/);
      expect(f.asOf, f.factId).toMatch(/^\d{4}/);
    }
  });

  it('gives the deck figure as printed, its place and its date', () => {
    const lineage = buildLineage(models.deck).result;
    const kpis = lineage.sections.find((s) => s.title === '总体进展：关键指标')!;
    const card = kpis.figures.find((f) => f.place === 'kpi' && f.factId === 'qingdao-5g-base-stations@2026-01' && f.shown === '4.6万个')!;
    expect(card).toMatchObject({ printed: '4.6万个', asOf: '2026-01', asOfLabel: '2026年1月', source: { publisher: '青岛日报社/观海新闻' } });
    // The change line under the card keeps its citation.
    expect(kpis.figures.some((f) => f.place === 'kpi' && f.shown.includes('2.9倍'))).toBe(true);
    const fiveg = lineage.sections.find((s) => s.title === '5G网络建设')!;
    expect(fiveg.figures.filter((f) => f.place === 'chart').map((f) => f.shown)).toEqual(['超1.2万个', '3.78万个', '4.6万个']);
    const target = lineage.sections.find((s) => s.title === '发展历程')!.figures.find((f) => f.factId === 'qingdao-above-size-digital-coverage-2027')!;
    expect(target).toMatchObject({ kind: 'target', targetYear: 2027, shown: '', place: 'unshown' });
  });
});

describe('every number the deck and report print is in the lineage', () => {
  it.each(Object.entries(models))('%s: no number token is left uncovered', (_, model) => {
    expect(uncoveredNumbers(model, buildLineage(model).result)).toEqual([]);
  });

  it('fails when a figure loses its citation', () => {
    const m = uncite(models.deck, 'china-green-computing-facilities@2026-01');
    const missing = uncoveredNumbers(m, buildLineage(m).result);
    expect(missing.map((u) => [u.title, u.token])).toContainEqual(['算力与数据中心', '60']);
  });

  it('fails when a KPI card or chart point loses its citation', () => {
    const m = uncite(models.deck, 'qingdao-national-platforms@2026-01');
    expect(uncoveredNumbers(m, buildLineage(m).result).map((u) => u.token)).toContain('14');
    const c = uncite(models.report, 'china-digital-economy-size@2012');
    expect(uncoveredNumbers(c, buildLineage(c).result).map((u) => u.token)).toContain('11');
  });

  it('fails when the manifest drops a figure the model cites', () => {
    const lineage = buildLineage(models.report).result;
    const s = lineage.sections.find((x) => x.title === '区域协同深入推进')!;
    s.figures = s.figures.filter((f) => f.factId !== 'qingdao-national-green-factories@2023-11');
    expect(uncoveredNumbers(models.report, lineage).map((u) => u.token)).toContain('39');
  });

  it('fails on a figure typed into the text and on a date no figure has', () => {
    const m = clone(models.report);
    m.sections[0].blocks.push({ type: 'paragraph', runs: [{ text: '2018年，全市共有123家工业互联网企业。' }] });
    expect(uncoveredNumbers(m, buildLineage(m).result).map((u) => u.token)).toEqual(['2018年', '123']);
  });
});

describe('number tokens', () => {
  const tokens = (s: string) => numberTokens(s).map((t) => t.token);
  it('reads dates as one token and figures with their digits', () => {
    expect(tokens('2024年3月，开通5G基站3.78万个')).toEqual(['2024年3月', '3.78']);
    expect(tokens('（2020—2022年）4月24日 4月底 2025年度')).toEqual(['2020—2022年', '4月24日', '4月底', '2025年度']);
  });
  it('leaves out names, enumerations and numerals that do not count', () => {
    expect(tokens('一是推进“一张网”，二是夯实《三年攻坚实施方案》；重点抓好两方面工作；只靠一家龙头；同一年度；5G')).toEqual([]);
  });
  it('counts Chinese numerals that rank or count', () => {
    expect(tokens('居全国第一，连续七年，十大优秀城市，三年攻坚')).toEqual(['一', '七', '十', '三']);
  });
});
