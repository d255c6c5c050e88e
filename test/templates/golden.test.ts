import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFactBase } from '../../src/facts/load.js';
import { loadTemplate } from '../../src/templates/manifest.js';
import { renderTemplate } from '../../src/templates/render.js';
import { toDocumentModel } from '../../src/markdown/index.js';
import { fixtures, readData, readTemplate } from '../helpers/fixtures.js';

const fb = loadFactBase(readData(path.join(fixtures, 'mini-data'))).result;

function model(templateDir: string) {
  const template = loadTemplate(readTemplate(templateDir, 'templates/mini'));
  const rendered = renderTemplate(template, fb).result;
  const meta = { title: 't', issuer: 'i', asOf: '2026-01', dateLabel: '2026年1月', dataHash: 'x', templateName: 'mini', reportPreset: 'report' as const };
  return { rendered, doc: toDocumentModel(rendered, meta, template.theme).result };
}

describe('golden: small template + facts → document model', () => {
  it('matches test/fixtures/templates/mini/expected-model.json', () => {
    const { doc } = model(path.join(fixtures, 'templates/mini'));
    const golden = path.join(fixtures, 'templates/mini/expected-model.json');
    const actual = JSON.parse(JSON.stringify({ sections: doc.sections, sources: doc.sources }));
    // UPDATE_GOLDEN=1 rewrites the file; review the diff before committing it.
    if (process.env.UPDATE_GOLDEN || !existsSync(golden)) writeFileSync(golden, `${JSON.stringify(actual, null, 2)}\n`);
    expect(actual).toEqual(JSON.parse(readFileSync(golden, 'utf8')));
  });

  it('cites every figure and lists sources per slide', () => {
    const { doc } = model(path.join(fixtures, 'templates/mini'));
    const kpi = doc.sections.find((s) => s.title === '主要指标')!;
    const block = kpi.blocks[0];
    expect(block.type).toBe('kpis');
    if (block.type !== 'kpis') return;
    expect(block.items.map((k) => [k.value, k.unit, k.label])).toEqual([
      ['4.6', '万个', '5G基站'],
      ['超16', '万家', '卡奥斯赋能企业'],
    ]);
    expect(block.items.every((k) => k.cite?.sourceLabel === '青岛日报社/观海新闻（2026年1月）')).toBe(true);
    // Notes figures are cited too: growth cites both ends of the series.
    expect(kpi.citations.map((c) => c.factId)).toEqual(
      expect.arrayContaining(['qingdao-5g-base-stations@2025-12', 'qingdao-5g-base-stations@2020-09']),
    );
    const notes = kpi.notes.flatMap((b) => (b.type === 'paragraph' ? b.runs.map((r) => r.text) : [])).join('');
    expect(notes).toBe('青岛5G基站已达4.6万个，较2020年增长不到2.9倍。');
  });

  it('builds the chart from the series, with labels as in the text', () => {
    const { doc } = model(path.join(fixtures, 'templates/mini'));
    const chart = doc.sections.flatMap((s) => s.blocks).find((b) => b.type === 'chart');
    expect(chart?.type).toBe('chart');
    if (chart?.type !== 'chart') return;
    // The dates as the data gives them, and each category's date for the time axis.
    expect(chart.chart.labels).toEqual(['2020年9月', '2024年3月', '2025年12月']);
    expect(chart.chart.dates).toEqual(['2020-09', '2024-03', '2025-12']);
    expect(chart.chart.datasets[0].data).toEqual([1.2, 3.78, 4.6]);
    expect(chart.chart.datasets[0].dataLabels).toEqual(['超1.2万个', '3.78万个', '4.6万个']);
    expect(chart.chart.axisTitles?.left).toBe('万个');
    expect(chart.chart.sourceNote).toContain('半岛都市报（2020年9月）');
    expect(chart.caption?.map((r) => r.text).join('')).toBe('截至2025年12月，累计开通4.6万个。');
  });

  it('reads tables with captions, timelines and ranks', () => {
    const { doc } = model(path.join(fixtures, 'templates/mini'));
    const platform = doc.sections.find((s) => s.title === '平台')!;
    const list = platform.blocks[0];
    expect(list.type === 'list' && list.items.map((i) => i.runs.map((r) => r.text).join(''))).toEqual([
      '卡奥斯连续七年位居第一',
      '柠檬豆位列第23位，上升6位',
    ]);
    const table = platform.blocks[1];
    expect(table.type === 'table' && [table.caption, table.align, table.rows[0].map((c) => c.map((r) => r.text).join(''))]).toEqual([
      '双跨平台评价',
      ['left', 'right'],
      ['卡奥斯', '第1位'],
    ]);
    const timeline = doc.sections.find((s) => s.title === '里程碑')!.blocks[0];
    expect(timeline.type === 'timeline' && timeline.items.map((i) => [i.date, i.runs.map((r) => r.text).join('')])).toEqual([
      ['2020年4月', '印发工业互联网三年攻坚实施方案'],
    ]);
  });
});
