/**
 * Hand-built document models for the DOCX writer tests: a short report on
 * Qingdao's industrial internet with cited figures, a KPI block, a table, a
 * chart, a timeline, a callout and every section role.
 */
import { GlobalFonts, createCanvas } from '@napi-rs/canvas';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Block, Citation, DocumentModel, Run, Section, SectionRole, SourceEntry } from '../../../src/model/document.js';
import { defaultTheme } from '../../../src/model/default-theme.js';
import type { RenderedCharts, RenderedImage } from '../../../src/model/rendered.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const FAMILY = 'DocxTest Sans';
let registered = false;

export const SOURCES: SourceEntry[] = [
  { id: 'qdrb-2025-03', label: '青岛日报，2025年3月', publisher: '青岛日报', title: '青岛打造世界工业互联网之都', published: '2025-03-21' },
  { id: 'gxb-2025', label: '工业和信息化部，2025年12月', publisher: '工业和信息化部', title: '2025年跨行业跨领域工业互联网平台动态评价结果', published: '2025-12-30' },
  { id: 'dzw-2024', label: '大众网，2024年11月', publisher: '大众网', title: '工业互联网引领，“青岛智造”深度牵手沿黄省区', published: '2024-11-22' },
];

export function cite(factId: string, sourceIndex: number, asOf: string, asOfLabel: string): Citation {
  const s = SOURCES[sourceIndex];
  return { factId, sourceId: s.id, sourceLabel: s.label, asOf, asOfLabel };
}

export const C5G = cite('5g-base-stations', 0, '2025-12', '2025年12月');
export const CPLAT = cite('cosmoplat-rank', 1, '2025', '2025年');
export const CENT = cite('cosmoplat-enterprises', 1, '2025', '2025年');
export const CCORE = cite('core-industry-growth', 2, '2024', '2024年');

const loc = { file: 'templates/report/report.md.hbs', line: 1 };

function section(level: 1 | 2 | 3, title: string, blocks: Block[], role: SectionRole = level === 1 ? 'section' : 'content'): Section {
  return { level, title, role, blocks, notes: [{ type: 'paragraph', runs: [{ text: '讲稿备注，不应出现在报告中' }] }], citations: [], loc };
}

const p = (...runs: Run[]): Block => ({ type: 'paragraph', runs });

export const CHART_ID = '5g-stations';

export function sampleModel(preset: 'report' | 'gbt9704'): DocumentModel {
  return {
    meta: {
      title: '关于青岛市工业互联网发展情况的汇报',
      subtitle: '（2025年度）',
      issuer: '青岛市工业和信息化局',
      asOf: '2025-12',
      dateLabel: '2026年1月20日',
      dataHash: 'a3f1c9e2b7d84f60a3f1c9e2b7d84f60a3f1c9e2b7d84f60a3f1c9e2b7d84f60',
      templateName: 'default-report',
      reportPreset: preset,
    },
    theme: defaultTheme,
    sources: SOURCES,
    sections: [
      section(1, '青岛市工业互联网发展情况', [], 'cover'),
      section(1, '目录', [], 'agenda'),
      section(1, '基本情况', [
        p(
          { text: '近年来，我市把工业互联网作为数字经济发展的主攻方向，全力打造世界工业互联网之都。截至2025年底，全市已开通5G基站' },
          { text: '4.6万个', cite: C5G },
          { text: '，卡奥斯COSMOPlat连续七年位居国家跨行业跨领域工业互联网平台' },
          { text: '首位', cite: CPLAT },
          { text: '，赋能企业' },
          { text: '超16万家', cite: CENT },
          { text: '。' },
        ),
        {
          type: 'kpis',
          items: [
            { value: '4.6', unit: '万个', label: '5G基站', change: [{ text: '较2020年增长2.8倍' }], cite: C5G },
            { value: '16', unit: '万家', label: 'COSMOPlat赋能企业', cite: CENT },
            { value: '20', unit: '%以上', label: '数字经济核心产业增速', change: [{ text: '连续三年' }], cite: CCORE },
          ],
        },
      ]),
      section(2, '数字基础设施持续夯实', [
        p({ text: '全市5G网络实现城区连续覆盖，基站数量' }, { text: '4.6万个', cite: C5G }, { text: '，每万人拥有5G基站数居全省前列。' }),
        { type: 'chart', chart: chartSpec(), caption: [{ text: '5G基站数量逐年攀升，2025年达到' }, { text: '4.6万个', cite: C5G }, { text: '。' }] },
      ]),
      section(3, '网络覆盖', [p({ text: '重点工业园区实现5G网络全覆盖，' }, { text: '4.6万个', cite: C5G }, { text: '基站支撑各类工业场景。' }), p({ text: '千兆光网覆盖能力持续提升。' })]),
      section(3, '算力设施', [p({ text: '中国联通（青岛）智算中心入选国家绿色算力设施名单，PUE小于1.3。' })]),
      section(2, '平台体系不断完善', [
        p({ text: '跨行业跨领域平台持续领跑，COSMOPlat位居' }, { text: '首位', cite: CPLAT }, { text: '，柠檬豆平台跃升6位。' }),
        {
          type: 'table',
          caption: '青岛市主要工业互联网平台评价情况',
          header: [[{ text: '平台' }], [{ text: '2024年排名' }], [{ text: '2025年排名' }], [{ text: '备注' }]],
          rows: [
            [[{ text: 'COSMOPlat' }], [{ text: '1' }], [{ text: '1', cite: CPLAT }], [{ text: '连续七年第一' }]],
            [[{ text: '柠檬豆' }], [{ text: '29' }], [{ text: '23', cite: CPLAT }], [{ text: '上升6位' }]],
          ],
          align: ['left', 'center', 'center', 'left'],
        },
      ]),
      section(1, '存在问题', [
        { type: 'list', ordered: true, items: [{ level: 0, runs: [{ text: '中小企业数字化转型意愿仍需提升。' }] }, { level: 0, runs: [{ text: '高端工业软件供给不足。' }] }] },
      ]),
      section(1, '下一步工作打算', [
        {
          type: 'timeline',
          items: [
            { date: '2026年', runs: [{ text: '新增特定行业平台10家。' }] },
            { date: '2027年', runs: [{ text: '数字经济核心产业增加值占比达到新水平。' }] },
          ],
        },
        { type: 'callout', blocks: [p({ text: '坚持以工业互联网为牵引，推动数字经济和实体经济深度融合。' })] },
        { type: 'columns', columns: [[p({ text: '左栏内容。' })], [p({ text: '右栏内容。' })]] },
      ]),
      section(1, '数据来源', [], 'sources'),
      section(1, '谢谢', [p({ text: '以上汇报，请批评指正。' })], 'closing'),
    ],
  };
}

export function chartSpec() {
  return {
    id: CHART_ID,
    kind: 'column' as const,
    title: '青岛市5G基站数量（2020—2025年）',
    labels: ['2020', '2021', '2022', '2023', '2024', '2025'],
    datasets: [{ label: '5G基站', data: [1.2, 1.9, 2.6, 3.3, 4.0, 4.6], dataLabels: ['1.2', '1.9', '2.6', '3.3', '4.0', '4.6'], unit: '万个' }],
    sourceNote: '数据来源：青岛日报，2025年3月；数据截至2025年12月。',
    alt: '柱状图：青岛市5G基站数量由2020年的1.2万个增至2025年的4.6万个。',
    footnotes: ['2025年为年末数。'],
  };
}

/** A real column chart PNG at the page size (6.14 × 3.69 in, ×2 pixels), drawn with the bundled font. */
export function chartImage(): RenderedImage {
  if (!registered) {
    GlobalFonts.registerFromPath(path.join(root, 'assets/fonts/NotoSansSC-Regular.subset.otf'), FAMILY);
    registered = true;
  }
  const spec = chartSpec();
  const widthIn = 6.14;
  const heightIn = 3.69;
  const scale = 144;
  const w = Math.round(widthIn * scale);
  const h = Math.round(heightIn * scale);
  const canvas = createCanvas(w, h);
  const g = canvas.getContext('2d');
  g.fillStyle = '#FFFFFF';
  g.fillRect(0, 0, w, h);
  const left = 70;
  const bottom = h - 50;
  const top = 30;
  const max = 5;
  g.strokeStyle = '#D9D9D9';
  g.lineWidth = 1;
  g.font = `20px "${FAMILY}"`;
  g.fillStyle = '#595959';
  for (let v = 0; v <= max; v++) {
    const y = bottom - ((bottom - top) * v) / max;
    g.beginPath();
    g.moveTo(left, y);
    g.lineTo(w - 20, y);
    g.stroke();
    g.fillText(String(v), left - 30, y + 7);
  }
  g.fillText('万个', 10, top - 5);
  const slot = (w - 20 - left) / spec.labels.length;
  spec.datasets[0].data.forEach((v, i) => {
    const x = left + slot * i + slot * 0.25;
    const y = bottom - ((bottom - top) * v) / max;
    g.fillStyle = '#C00000';
    g.fillRect(x, y, slot * 0.5, bottom - y);
    g.fillStyle = '#1A1A1A';
    g.fillText(String(v), x + slot * 0.12, y - 8);
    g.fillStyle = '#595959';
    g.fillText(`${spec.labels[i]}年`, x, bottom + 30);
  });
  const png = canvas.toBuffer('image/png');
  return { png, widthPx: w, heightPx: h, widthIn, heightIn };
}

export function sampleCharts(): RenderedCharts {
  return new Map([[CHART_ID, { page: chartImage() }]]);
}

export const TIMESTAMP = 1767225600; // 2026-01-01T00:00:00Z

export const HOSTILE = `A\u0001B\u000BC\u0000D\u001F\uFFFE\uFFFF&<>"'😀\uD800E\uDFFF]]>\r\n\u200B_Toc7`;
export const LONG = '青岛'.repeat(1000);

/** The sample model with hostile text in every string a writer could print. */
export function hostileModel(preset: 'report' | 'gbt9704'): DocumentModel {
  const m = sampleModel(preset);
  const h = (s: string) => `${s}${HOSTILE}`;
  const runs = (rs: Run[]): Run[] =>
    rs.map((r) => ({ ...r, text: h(r.text), cite: r.cite && { ...r.cite, sourceLabel: h(r.cite.sourceLabel), asOfLabel: h(r.cite.asOfLabel) } }));
  const block = (b: Block): Block => {
    switch (b.type) {
      case 'paragraph':
        return { ...b, runs: runs(b.runs) };
      case 'list':
        return { ...b, items: b.items.map((i) => ({ ...i, runs: runs(i.runs) })) };
      case 'kpis':
        return { ...b, items: b.items.map((k) => ({ ...k, value: h(k.value), unit: h(k.unit), label: h(k.label), change: k.change && runs(k.change) })) };
      case 'table':
        return { ...b, caption: h(b.caption ?? ''), header: b.header.map(runs), rows: b.rows.map((r) => r.map(runs)) };
      case 'chart':
        return {
          ...b,
          caption: b.caption && runs(b.caption),
          chart: { ...b.chart, title: h(b.chart.title), alt: h(b.chart.alt), sourceNote: h(b.chart.sourceNote), footnotes: (b.chart.footnotes ?? []).map(h) },
        };
      case 'timeline':
        return { ...b, items: b.items.map((i) => ({ date: h(i.date), runs: runs(i.runs) })) };
      case 'callout':
        return { ...b, blocks: b.blocks.map(block) };
      case 'columns':
        return { ...b, columns: b.columns.map((c) => c.map(block)) };
    }
  };
  return {
    ...m,
    meta: { ...m.meta, title: h(m.meta.title), subtitle: h(m.meta.subtitle ?? ''), issuer: h(m.meta.issuer), dateLabel: h(m.meta.dateLabel), dataHash: h(m.meta.dataHash), asOf: h(m.meta.asOf), templateName: h(m.meta.templateName) },
    theme: { ...m.theme, report: { ...m.theme.report, body: h(m.theme.report.body), latin: h('') } },
    sections: [
      ...m.sections.map((s) => ({ ...s, title: h(s.title), blocks: s.blocks.map(block) })),
      { ...m.sections[2], title: LONG, blocks: [{ type: 'paragraph', runs: [{ text: LONG }] }] },
    ],
    sources: m.sources.map((s) => ({ ...s, label: h(s.label), publisher: h(s.publisher), title: h(s.title), published: h(s.published) })),
  };
}

