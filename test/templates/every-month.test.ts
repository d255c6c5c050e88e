/**
 * Issue 13: every as-of month from the earliest source to the newest builds
 * the deck, the 10-minute deck (issue 20), the report and the GB/T report, shows nothing published later,
 * leaves no slide, part or column empty, and numbers its lists consecutively.
 * In-process through the template and Markdown stages (no charts, no writers):
 * one month takes milliseconds. A few months also go through the full build.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFactBase } from '../../src/facts/load.js';
import { factBaseAsOf, latestAsOf } from '../../src/facts/as-of.js';
import { toDocumentModel } from '../../src/markdown/index.js';
import type { Block, DocumentModel, Run } from '../../src/model/document.js';
import { loadTemplate } from '../../src/templates/manifest.js';
import { renderTemplate } from '../../src/templates/render.js';
import { formatChineseDate } from '../../src/format/dates.js';
import { build } from '../../src/pipeline/build.js';
import { repoRoot, readData } from '../helpers/fixtures.js';
import { templateFiles } from '../helpers/build.js';
import { parsedParts } from '../helpers/build.js';

const data = readData(path.join(repoRoot, 'data'));
const full = loadFactBase(data).result;
const templates = ['qingdao-briefing', 'qingdao-briefing-short', 'qingdao-report', 'qingdao-report-gbt'].map((n) => [n, loadTemplate(templateFiles(n))] as const);

function months(from: string, to: string): string[] {
  const out: string[] = [];
  let [y, m] = from.split('-').map(Number);
  const [ty, tm] = to.split('-').map(Number);
  while (y < ty || (y === ty && m <= tm)) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    if (++m > 12) [y, m] = [y + 1, 1];
  }
  return out;
}
const published = [...full.sources.values()].map((s) => s.published).sort();
const allMonths = months(published[0].slice(0, 7), latestAsOf(full));

const runs = (r: Run[] = []) => r.map((x) => x.text).join('');
function texts(b: Block): string[] {
  switch (b.type) {
    case 'paragraph':
      return [runs(b.runs)];
    case 'list':
      return b.items.map((i) => runs(i.runs));
    case 'kpis':
      return b.items.map((k) => `${k.value}${k.unit} ${k.label} ${runs(k.change)}`);
    case 'chart':
      return [b.chart.title, runs(b.caption)];
    case 'table':
      return [...[b.header, ...b.rows].map((r) => r.map(runs).join(' '))];
    case 'timeline':
      return b.items.map((i) => `${i.date} ${runs(i.runs)}`);
    case 'callout':
      return b.blocks.flatMap(texts);
    case 'columns':
      return b.columns.flat().flatMap(texts);
  }
}

function modelAt(month: string, name: string, template: ReturnType<typeof loadTemplate>): DocumentModel {
  const fb = factBaseAsOf(full, month);
  const rendered = renderTemplate(template, fb, { asOf: month, asOfLabel: formatChineseDate(month), changes: [] }).result;
  const meta = { title: 't', issuer: 'i', asOf: month, dateLabel: formatChineseDate(month), dataHash: fb.hash, templateName: name, reportPreset: 'report' as const };
  return toDocumentModel(rendered, meta, template.theme).result;
}

const ORDINALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

describe.each(templates)('%s at every month from the first source to the newest', (name, template) => {
  it(`builds ${allMonths.length} months (${allMonths[0]} … ${allMonths.at(-1)}) with only what was known, nothing empty, lists numbered`, () => {
    expect(allMonths.length).toBeGreaterThan(60);
    for (const month of allMonths) {
      const where = `${name} as of ${month}`;
      let doc: DocumentModel;
      try {
        doc = modelAt(month, name, template);
      } catch (e) {
        throw new Error(`${where}: ${(e as Error).message}`);
      }
      // Nothing from a source published after the month.
      for (const s of doc.sections) {
        for (const c of s.citations) {
          const src = full.sources.get(c.sourceId)!;
          expect(src.published.slice(0, 7) <= month, `${where}: '${s.title}' cites ${c.factId} from ${src.published}`).toBe(true);
        }
      }
      for (const src of doc.sources) expect(src.published.slice(0, 7) <= month, `${where}: source list has ${src.id}`).toBe(true);
      // No empty slide (or report sub-section), part, or column.
      doc.sections.forEach((s, i) => {
        if (s.level === 2 && s.role === 'content') expect(s.blocks.length, `${where}: slide '${s.title}' is empty`).toBeGreaterThan(0);
        if (s.level === 1 && s.role === 'section') {
          const next = doc.sections[i + 1];
          const own = s.blocks.length > 0;
          expect(own || (next && next.level > 1), `${where}: part '${s.title}' has nothing under it`).toBe(true);
        }
        for (const b of s.blocks) {
          if (b.type === 'columns') for (const col of b.columns) expect(col.flatMap(texts).join('').trim(), `${where}: empty column on '${s.title}'`).not.toBe('');
          if (b.type === 'list') for (const item of b.items) expect(runs(item.runs).trim(), `${where}: empty item on '${s.title}'`).not.toBe('');
        }
      });
      // 一是、二是… and the agenda count from one without gaps.
      const all = doc.sections.flatMap((s) => [...s.blocks, ...s.notes].flatMap(texts)).join('\n');
      const ordinals = [...all.matchAll(/([一二三四五六七八九十])是/g)].map((m) => m[1]);
      let expected = 0;
      for (const o of ordinals) {
        const n = ORDINALS.indexOf(o);
        expect(n === 0 || n === expected, `${where}: ${o}是 follows ${ORDINALS[expected - 1] ?? 'nothing'}是`).toBe(true);
        expected = n + 1;
      }
      const agenda = doc.sections.find((s) => s.role === 'agenda');
      if (agenda) {
        const list = agenda.blocks.find((b) => b.type === 'list');
        const parts = doc.sections.filter((s) => s.level === 1 && s.role === 'section').map((s) => s.title);
        expect(list && list.type === 'list' ? list.items.map((i) => runs(i.runs)) : [], `${where}: agenda`).toEqual(parts);
      }
      // A count announced in words matches the items that follow (N方面/N条).
      for (const m of all.matchAll(/重点抓好([一二两三四五六七八九十])方面工作。(.*)/g)) {
        const n = m[1] === '两' ? 2 : ORDINALS.indexOf(m[1]) + 1;
        expect((m[2].match(/[一二三四五六七八九十]是/g) ?? []).length, `${where}: ${m[0]}`).toBe(n);
      }
    }
  });
});

describe('full builds through the writers at the turning points', () => {
  // The months each source appears, and the first month after a target year ends.
  const sample = ['2020-09', '2022-02', '2023-01', '2023-11', '2024-03', '2025-01'];
  it.each(sample)('deck, report and GB/T report as of %s open as packages', async (month) => {
    for (const [name, formats] of [
      ['qingdao-briefing', ['pptx']],
      ['qingdao-briefing-short', ['pptx']],
      ['qingdao-report', ['docx']],
      ['qingdao-report-gbt', ['docx']],
    ] as const) {
      const r = await build({ data, template: templateFiles(name), formats: [...formats], asOf: month, timestamp: 1767225600 });
      for (const f of r.result.files) await parsedParts(f.data);
    }
  }, 120_000);
});
