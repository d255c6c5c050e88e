/**
 * Hand-built document models for the PPTX writer tests: one section per
 * layout with realistic (illustrative) Chinese content, a real PNG chart
 * image, and a hostile variant.
 */
import { createCanvas } from '@napi-rs/canvas';
import type { Block, ChartSpec, Citation, DocumentModel, Run, Section } from '../../../src/model/document.js';
import type { RenderedCharts, RenderedImage } from '../../../src/model/rendered.js';
import { defaultTheme } from '../../../src/model/default-theme.js';

export const TIMESTAMP = 1767225600; // 2026-01-01T00:00:00Z

/** A small real PNG: a bar chart drawn with canvas, 2x the display size. */
export function makeChartPng(widthIn = 8, heightIn = 4.2, label = 'chart'): RenderedImage {
  const widthPx = Math.round(widthIn * 96 * 2);
  const heightPx = Math.round(heightIn * 96 * 2);
  const canvas = createCanvas(widthPx, heightPx);
  const g = canvas.getContext('2d');
  g.fillStyle = '#ffffff';
  g.fillRect(0, 0, widthPx, heightPx);
  g.strokeStyle = '#bfbfbf';
  g.lineWidth = 2;
  g.strokeRect(1, 1, widthPx - 2, heightPx - 2);
  const values = [1.2, 2.1, 3.0, 3.78, 4.6];
  const barW = widthPx / (values.length * 2);
  values.forEach((v, i) => {
    const h = (v / 5) * (heightPx * 0.75);
    g.fillStyle = i === values.length - 1 ? '#C00000' : '#C9A227';
    g.fillRect(barW * (0.5 + i * 2), heightPx * 0.9 - h, barW, h);
  });
  g.fillStyle = '#595959';
  g.font = '28px sans-serif';
  g.fillText(label, 20, 40);
  return { png: canvas.toBuffer('image/png'), widthPx, heightPx, widthIn, heightIn };
}

export function cite(factId: string, sourceLabel: string, asOf: string, asOfLabel: string): Citation {
  return { factId, sourceId: `src-${factId}`, sourceLabel, asOf, asOfLabel };
}

const C5G = cite('5g-stations', '青岛市通信管理局', '2025-12', '2025年12月');
const CKAOS = cite('cosmoplat-rank', '工业和信息化部公示', '2025-06', '2025年6月');
const CPLAT = cite('platforms', '青岛市工业和信息化局', '2025-11', '2025年11月');

export const t = (text: string, extra: Partial<Run> = {}): Run => ({ text, ...extra });
export const p = (...runs: Run[]): Block => ({ type: 'paragraph', runs });
export const ul = (...items: string[]): Block => ({ type: 'list', ordered: false, items: items.map((s) => ({ level: 0, runs: [t(s)] })) });

let line = 1;
export function section(level: Section['level'], title: string, role: Section['role'], blocks: Block[] = [], extra: Partial<Section> = {}): Section {
  return { level, title, role, blocks, notes: [], citations: [], loc: { file: 'deck.md', line: line++ }, ...extra };
}

export function chartSpec(id: string, title: string): ChartSpec {
  return {
    id,
    kind: 'column',
    title,
    labels: ['2021', '2022', '2023', '2024', '2025'],
    datasets: [{ label: '5G基站', data: [1.2, 2.1, 3.0, 3.78, 4.6], dataLabels: ['1.2万', '2.1万', '3.0万', '3.78万', '4.6万'], unit: '万个' }],
    sourceNote: '数据来源：青岛市通信管理局',
    alt: `${title}：2021年1.2万个，2025年4.6万个，逐年增长。`,
  };
}

export function baseMeta(): DocumentModel['meta'] {
  return {
    title: '青岛市工业互联网发展情况汇报',
    subtitle: '打造世界工业互联网之都',
    issuer: '青岛市工业和信息化局',
    asOf: '2025-12',
    dateLabel: '2026年1月',
    dataHash: 'a3f5c2e1d4b697881234567890abcdef1234567890abcdef1234567890abcd',
    templateName: 'briefing',
    reportPreset: 'report',
  };
}

/** One section per layout, in deck order. */
export function sampleDoc(): DocumentModel {
  const longItems = Array.from({ length: 14 }, (_, i) => `第${i + 1}项重点任务：推动规上工业企业数字化改造，培育一批“灯塔工厂”和智能制造示范工厂，形成可复制推广的经验做法`);
  const sections: Section[] = [
    section(1, '青岛市工业互联网发展情况汇报', 'cover', [], { notes: [p(t('开场：介绍汇报内容和背景。'))] }),
    section(2, '目录', 'agenda', [ul('总体情况', '主要做法及成效', '存在问题', '下一步工作打算')]),
    section(1, '总体情况', 'section', [p(t('工业互联网已成为青岛制造业转型升级的关键支撑'))]),
    section(2, '发展主要指标', 'content', [
      {
        type: 'kpis',
        items: [
          { value: '4.6', unit: '万个', label: '5G基站', change: [t('较2020年增长2.8倍')], cite: C5G },
          { value: '7', unit: '年', label: '卡奥斯双跨平台排名第一', change: [t('连续七年位居首位')], cite: CKAOS },
          { value: '32', unit: '个', label: '国家级工业互联网试点示范项目', change: [t('同比增加5个')], cite: CPLAT },
          { value: '85.3', unit: '%', label: '规上工业企业数字化研发设计工具普及率', change: [t('提高4.1个百分点')], cite: CPLAT },
        ],
      },
    ], { citations: [C5G, CKAOS, CPLAT], notes: [p(t('强调5G基站数量和卡奥斯排名。'))] }),
    section(2, '平台体系加快构建', 'content', [
      { type: 'list', ordered: false, items: [
        { level: 0, runs: [t('卡奥斯COSMOPlat', { bold: true }), t('连续七年位居国家级跨行业跨领域工业互联网平台首位', { cite: CKAOS })] },
        { level: 1, runs: [t('服务企业超过16万家，覆盖家电、汽车、装备等15个行业')] },
        { level: 0, runs: [t('培育行业级、区域级工业互联网平台'), t('120余个', { cite: CPLAT })] },
        { level: 0, runs: [t('5G基站累计建成'), t('4.6万个', { cite: C5G }), t('，实现城区、重点园区连续覆盖')] },
      ] },
    ], { citations: [CKAOS, CPLAT, C5G], notes: [p(t('平台体系是核心竞争力。')), ul('卡奥斯', '行业平台')] }),
    section(3, '标识解析体系', 'content', [p(t('建成国家工业互联网标识解析二级节点'), t('20个', { cite: CPLAT }), t('，标识注册量持续增长。'))], { citations: [CPLAT] }),
    section(2, '5G基站建设情况', 'content', [
      { type: 'chart', chart: chartSpec('c-5g', '青岛市5G基站数量（万个）'), caption: [t('五年间5G基站数量增长近4倍，2025年达到4.6万个')] },
    ], { citations: [C5G] }),
    section(2, '5G与工业互联网融合', 'content', [
      { type: 'chart', chart: chartSpec('c-5g-2', '5G行业虚拟专网数量') },
      ul('建成5G行业虚拟专网300余个', '打造“5G+工业互联网”典型场景100个', '海尔、海信等龙头企业率先应用'),
    ], { citations: [C5G] }),
    section(1, '主要做法及成效', 'section'),
    section(2, '重点平台情况', 'content', [
      {
        type: 'table',
        header: [[t('平台名称')], [t('类型')], [t('服务企业（万家）')], [t('连接设备（万台）')]],
        rows: [
          [[t('卡奥斯COSMOPlat')], [t('双跨平台')], [t('16.2', { cite: CKAOS })], [t('9500')]],
          [[t('海信工业互联网平台')], [t('行业平台')], [t('3.1')], [t('1200')]],
          [[t('双星轮胎工业互联网平台')], [t('行业平台')], [t('0.8')], [t('350')]],
          [[t('酷特智能C2M平台')], [t('行业平台')], [t('1.2')], [t('210')]],
        ],
        align: ['left', 'center', 'right', 'right'],
        caption: '表1 青岛市重点工业互联网平台',
      },
    ], { citations: [CKAOS] }),
    section(2, '发展历程', 'content', [
      {
        type: 'timeline',
        items: [
          { date: '2020年4月', runs: [t('发布建设“世界工业互联网之都”行动方案')] },
          { date: '2021年', runs: [t('卡奥斯首次位居双跨平台首位')] },
          { date: '2022年', runs: [t('5G基站突破2万个')] },
          { date: '2024年', runs: [t('国家级试点示范项目累计超过30个')] },
          { date: '2025年12月', runs: [t('5G基站达到4.6万个')] },
        ],
      },
    ]),
    section(2, '存在问题与下一步打算', 'content', [
      {
        type: 'columns',
        columns: [
          [p(t('存在问题', { bold: true })), ul('中小企业数字化转型意愿不强', '工业数据要素流通不畅', '复合型人才供给不足')],
          [p(t('下一步打算', { bold: true })), ul('实施中小企业数字化赋能专项行动', '建设工业数据空间', '引育工业互联网高端人才')],
        ],
      },
    ]),
    section(2, '重点提示', 'content', [{ type: 'callout', blocks: [p(t('建议将工业互联网纳入全市“十五五”规划重点任务，统筹资金、土地、人才等要素保障。'))] }]),
    section(2, '重点任务清单', 'content', [{ type: 'list', ordered: true, items: longItems.map((s) => ({ level: 0, runs: [t(s)] })) }]),
    section(2, '数据来源', 'sources'),
    section(1, '谢谢！请批评指正', 'closing'),
  ];
  return {
    meta: baseMeta(),
    theme: defaultTheme,
    sections,
    sources: [
      { id: 's1', label: '青岛市通信管理局，2025年12月', publisher: '青岛市通信管理局', title: '全市通信业发展情况', published: '2025-12' },
      { id: 's2', label: '工业和信息化部，2025年6月', publisher: '工业和信息化部', title: '跨行业跨领域工业互联网平台名单', published: '2025-06' },
      { id: 's3', label: '青岛市工业和信息化局，2025年11月', publisher: '青岛市工业和信息化局', title: '工业互联网发展统计', published: '2025-11' },
    ],
  };
}

export function sampleCharts(): RenderedCharts {
  return new Map([
    ['c-5g', { slide: makeChartPng(10, 4.2, 'c-5g') }],
    ['c-5g-2', { slide: makeChartPng(8, 5, 'c-5g-2') }],
  ]);
}
