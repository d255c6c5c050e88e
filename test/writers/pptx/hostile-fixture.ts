/**
 * A document whose every shown field holds data that could break the
 * package: XML-illegal control characters, markup characters, emoji, lone
 * surrogates, NEL, and 2,000-character strings.
 */
import type { Block, DocumentModel, Run } from '../../../src/model/document.js';
import { defaultTheme } from '../../../src/model/default-theme.js';
import { chartSpec, section } from './fixtures.js';

export const NASTY = '青岛\u000B\u0001&<>"\'😀\uD800x\uDFFF\u0000\uFFFE\u0085数据';
const long = (seed: string) => (seed + NASTY).repeat(Math.ceil(2000 / (seed.length + NASTY.length))).slice(0, 2000);
const r = (s: string): Run => ({ text: s });
const para = (s: string): Block => ({ type: 'paragraph', runs: [r(s)] });

export function hostileDoc(): DocumentModel {
  const cite = { factId: NASTY, sourceId: NASTY, sourceLabel: long('来源'), asOf: '2025-12', asOfLabel: NASTY };
  const chart = { ...chartSpec(NASTY, long('图')), alt: long('替代文本') };
  const sections = [
    section(1, long('封面'), 'cover', [para(long('副标题'))], { notes: [para(long('备注'))] }),
    section(2, NASTY, 'agenda', [{ type: 'list', ordered: false, items: [{ level: 0, runs: [r(long('目录'))] }, { level: 0, runs: [r(NASTY)] }] }]),
    section(1, long('章节'), 'section', [para(NASTY)]),
    section(2, long('要点标题'), 'content', [
      para(long('段落')),
      { type: 'list', ordered: true, items: [{ level: 0, runs: [r(NASTY), { text: long('列表'), cite, bold: true }] }, { level: 1, runs: [r(long('二级'))] }] },
    ], { notes: [para(long('讲稿')), para(NASTY)], citations: [cite] }),
    section(2, NASTY, 'content', [{ type: 'kpis', items: [{ value: long('1'), unit: NASTY, label: long('标签'), change: [r(long('变化'))], cite }, { value: '4.6', unit: '万个', label: NASTY }] }], { citations: [cite] }),
    section(2, NASTY, 'content', [{ type: 'table', caption: long('表题'), header: [[r(NASTY)], [r(long('表头'))]], rows: [[[r(long('单元格'))], [r(NASTY)]], [[r('1')], [r('2')]]], align: ['left', 'right'] }]),
    section(2, NASTY, 'content', [{ type: 'timeline', items: [{ date: long('日期'), runs: [r(long('事件'))] }, { date: NASTY, runs: [r(NASTY)] }] }]),
    section(2, NASTY, 'content', [{ type: 'chart', chart, caption: [r(long('结论'))] }, para(long('图旁文字'))], { citations: [cite] }),
    section(2, NASTY, 'content', [{ type: 'chart', chart: { ...chart, id: 'missing' }, caption: [r(NASTY)] }]),
    section(2, NASTY, 'content', [{ type: 'columns', columns: [[para(long('左栏'))], [para(long('右栏'))]] }]),
    section(2, NASTY, 'content', [{ type: 'callout', blocks: [para(long('提示'))] }]),
    section(3, long('三级'), 'content', [para(NASTY)]),
    section(2, long('来源页'), 'sources'),
    section(1, long('结束'), 'closing'),
  ];
  return {
    meta: { title: long('标题'), subtitle: long('副'), issuer: long('单位'), asOf: NASTY, dateLabel: long('日期'), dataHash: NASTY, templateName: NASTY, reportPreset: 'report' },
    theme: defaultTheme,
    sections,
    sources: [{ id: NASTY, label: long('来源'), publisher: NASTY, title: long('题名'), published: NASTY }],
  };
}

