/**
 * The default deck and report: structure, every figure from the fact base
 * (value substitution), and time travel with --as-of.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFactBase } from '../../src/facts/load.js';
import { factBaseAsOf } from '../../src/facts/as-of.js';
import type { FactBase } from '../../src/facts/model.js';
import { formatFigure } from '../../src/format/numbers.js';
import { toDocumentModel } from '../../src/markdown/index.js';
import type { Block, DocumentModel, Run } from '../../src/model/document.js';
import { loadTemplate } from '../../src/templates/manifest.js';
import { renderTemplate } from '../../src/templates/render.js';
import { repoRoot, readData } from '../helpers/fixtures.js';
import { templateFiles } from '../helpers/build.js';

const data = readData(path.join(repoRoot, 'data'));

function modelOf(name: string, fb: FactBase): DocumentModel {
  const template = loadTemplate(templateFiles(name));
  const rendered = renderTemplate(template, fb).result;
  const meta = { title: 't', issuer: 'i', asOf: '2026-01', dateLabel: '', dataHash: fb.hash, templateName: name, reportPreset: 'report' as const };
  return toDocumentModel(rendered, meta, template.theme).result;
}

const runsText = (runs: Run[] = []) => runs.map((r) => r.text).join('');
function blockText(b: Block): string {
  switch (b.type) {
    case 'paragraph':
      return runsText(b.runs);
    case 'list':
      return b.items.map((i) => runsText(i.runs)).join('\n');
    case 'kpis':
      return b.items.map((k) => `${k.value}${k.unit} ${k.label} ${runsText(k.change)}`).join('\n');
    case 'chart':
      return [b.chart.title, ...b.chart.datasets.flatMap((d) => d.dataLabels), runsText(b.caption)].join('\n');
    case 'table':
      return [b.caption ?? '', ...[b.header, ...b.rows].map((r) => r.map(runsText).join(' '))].join('\n');
    case 'timeline':
      return b.items.map((i) => `${i.date} ${runsText(i.runs)}`).join('\n');
    case 'callout':
      return b.blocks.map(blockText).join('\n');
    case 'columns':
      return b.columns.flat().map(blockText).join('\n');
  }
}
const docText = (doc: DocumentModel) =>
  doc.sections.map((s) => [s.title, ...s.blocks.map(blockText), ...s.notes.map(blockText)].join('\n')).join('\n');

describe('the default deck', () => {
  const fb = loadFactBase(data).result;
  const deck = modelOf('qingdao-briefing', fb);
  const slides = deck.sections.filter((s) => s.level <= 2);
  const blocks = deck.sections.flatMap((s) => s.blocks.flatMap((b) => (b.type === 'columns' ? b.columns.flat() : [b])));
  const charts = blocks.flatMap((b) => (b.type === 'chart' ? [b.chart] : []));

  it('follows the briefing structure: cover, agenda, parts, sources, closing', () => {
    expect(slides.length).toBeGreaterThanOrEqual(18);
    expect(slides.length).toBeLessThanOrEqual(30);
    expect(slides[0].role).toBe('cover');
    expect(slides[1].role).toBe('agenda');
    expect(slides.at(-2)!.role).toBe('sources');
    expect(slides.at(-1)!.role).toBe('closing');
    const parts = slides.filter((s) => s.level === 1 && s.role === 'section').map((s) => s.title);
    expect(parts).toEqual(['总体进展', '平台体系', '数字基础设施', '数字经济与产业数字化', '政策与里程碑', '区域协同', '目标与下一步']);
  });

  it('has at least six charts, a rank chart (dots, not bars), a KPI slide and a timeline', () => {
    expect(charts.length).toBeGreaterThanOrEqual(6);
    // Kinds follow the data (ranks, time series, items), not a quota of kinds.
    expect(new Set(charts.map((c) => c.kind)).size).toBeGreaterThanOrEqual(3);
    expect(charts.some((c) => c.kind === 'rank' && c.reverseValueAxis)).toBe(true);
    // No doughnut without a declared whole, no line through two points.
    expect(charts.filter((c) => c.kind === 'doughnut')).toEqual([]);
    for (const c of charts.filter((x) => x.kind === 'line')) for (const d of c.datasets) expect(d.data.filter((v) => v != null).length).toBeGreaterThan(2);
    expect(blocks.some((b) => b.type === 'kpis' && b.items.length >= 3)).toBe(true);
    expect(blocks.some((b) => b.type === 'timeline' && b.items.length >= 5)).toBe(true);
  });

  it('gives every content slide speaker notes and a source for every figure', () => {
    for (const s of deck.sections.filter((x) => x.level === 2 && x.role === 'content')) {
      expect(blockText(s.notes[0] ?? { type: 'paragraph', runs: [] }).length, s.title).toBeGreaterThan(20);
      expect(s.citations.length, s.title).toBeGreaterThan(0);
    }
  });
});

describe('every figure comes from the fact base', () => {
  // Change every value after validation; nothing printed may keep an original figure.
  function substituted(): FactBase {
    const fb = loadFactBase(data).result;
    for (const f of fb.facts.values()) {
      if (f.kind === 'rank') {
        f.rank += 2;
        if (f.consecutive) f.consecutive += 2;
        if (f.movement) f.movement += 2;
      } else f.value = Math.round(f.value * 1.37 * 100) / 100 + 1;
    }
    return fb;
  }
  const original = loadFactBase(data).result;
  // An order of magnitude (千亿级) survives a 1.37× change by design; leave it out.
  const originals = [...original.facts.values()].flatMap((f) => (f.kind === 'rank' || f.qualifier === 'magnitude' ? [] : [formatFigure(f.value, f.unit, f.qualifier)]));

  it.each(['qingdao-briefing', 'qingdao-report'])('%s shows no original figure once the values change', (name) => {
    const before = docText(modelOf(name, original));
    const after = docText(modelOf(name, substituted()));
    // Whole figures only: 3家 must not match inside 5.13家.
    const shows = (text: string, figure: string) => new RegExp(`(?<![\\d.])${figure.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`).test(text);
    const shownBefore = [...new Set(originals.filter((s) => shows(before, s)))];
    // The check only means something if the original output did show these figures.
    expect(shownBefore.length).toBeGreaterThan(25);
    expect(shownBefore.filter((s) => shows(after, s))).toEqual([]);
    expect(after).not.toContain('连续七年');
  });
});

describe('--as-of', () => {
  const asOf = (date: string) => factBaseAsOf(loadFactBase(data).result, date);

  it('builds the deck as it stood in June 2024: only facts known then, wording still true', () => {
    const fb = asOf('2024-06');
    const deck = modelOf('qingdao-briefing', fb);
    const text = docText(deck);
    expect(text).toContain('3.78万个');
    expect(text).not.toContain('4.6万个');
    expect(text).not.toContain('连续七年');
    expect(text).toContain('连续五年');
    for (const s of deck.sections) for (const c of s.citations) expect(c.asOf <= '2024-06', c.factId).toBe(true);
    for (const src of deck.sources) expect(src.published <= '2024-06', src.id).toBe(true);
  });

  it('the report builds as of 2024-06 without facts published later', () => {
    const doc = modelOf('qingdao-report', asOf('2024-06'));
    expect(docText(doc)).not.toContain('4.6万个');
    expect(doc.sources.every((s) => s.published <= '2024-06')).toBe(true);
  });
});
