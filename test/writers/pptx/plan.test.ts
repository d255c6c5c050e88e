import { describe, expect, it } from 'vitest';
import { planDeck } from '../../../src/writers/pptx/plan.js';
import type { SlidePlan, TextShape } from '../../../src/writers/pptx/plan-types.js';
import { CONTENT_TOP, SOURCE_BOTTOM } from '../../../src/writers/pptx/geometry.js';
import { checkGeometry, contentLayouts } from './checks.js';
import { baseMeta, chartSpec, cite, makeChartPng, p, sampleCharts, sampleDoc, section, t, ul } from './fixtures.js';
import { defaultTheme } from '../../../src/model/default-theme.js';
import type { DocumentModel, Section } from '../../../src/model/document.js';

const doc = (sections: Section[]): DocumentModel => ({ meta: baseMeta(), theme: defaultTheme, sections, sources: [] });
const texts = (s: SlidePlan) => s.shapes.filter((x): x is TextShape => x.kind === 'text');
const runText = (x: TextShape) => x.paragraphs.map((pp) => pp.runs.map((r) => r.text).join('')).join('\n');
const titleOf = (s: SlidePlan) => (s.title ? runText(s.title) : '');
describe('planDeck on the sample deck', () => {
  const { plan } = planDeck(sampleDoc(), sampleCharts());

  it('chooses a layout per section', () => {
    expect(plan.slides.map((s) => s.layout)).toEqual([
      'cover', 'agenda', 'section', 'kpis', 'bullets', 'chart', 'chart-text', 'section', 'table', 'timeline', 'columns', 'callout', 'bullets', 'bullets', 'sources', 'closing',
    ]);
  });

  it('numbers slides and titles continuations with （续）', () => {
    expect(plan.slides.map((s) => s.number)).toEqual(plan.slides.map((_, i) => i + 1));
    const tasks = plan.slides.filter((s) => titleOf(s).startsWith('重点任务清单'));
    expect(tasks.map(titleOf)).toEqual(['重点任务清单', '重点任务清单（续）']);
    expect(tasks[1].continuation).toBe(true);
    // All fourteen items, each once, numbered on across the slides.
    const paras = tasks.flatMap((s) => texts(s).filter((x) => x.name === 'body').flatMap((x) => x.paragraphs));
    expect(paras.map((pp) => pp.runs.map((r) => r.text).join('').match(/第(\d+)项/)?.[1])).toEqual(Array.from({ length: 14 }, (_, i) => String(i + 1)));
    const firstOnSecond = texts(tasks[1]).find((x) => x.name === 'body')!.paragraphs[0];
    expect(firstOnSecond.bullet).toEqual({ kind: 'number', startAt: paras.indexOf(firstOnSecond) + 1 });
  });

  it('keeps every shape on the slide, apart, and tall enough', () => checkGeometry(plan.slides));

  it('writes the source line from the slide citations, latest as-of date last', () => {
    const kpi = plan.slides.find((s) => s.layout === 'kpis')!;
    expect(kpi.sourceLine).toBe('数据来源：青岛市通信管理局；工业和信息化部公示；青岛市工业和信息化局；截至2025年12月');
    const src = texts(kpi).find((x) => x.name === 'source-line')!;
    expect(src.box.y + src.box.h).toBeCloseTo(SOURCE_BOTTOM, 3);
    expect(src.paragraphs[0].runs[0].sizePt).toBeGreaterThanOrEqual(10);
    expect(src.paragraphs[0].runs[0].sizePt).toBeLessThanOrEqual(12);
    // No citations, no source line.
    expect(plan.slides.find((s) => s.layout === 'callout')!.sourceLine).toBeUndefined();
  });

  it('folds a level-3 section into its slide as a heading', () => {
    const slide = plan.slides.find((s) => titleOf(s) === '平台体系加快构建')!;
    expect(runText(texts(slide).find((x) => x.name === 'body')!)).toContain('标识解析体系');
    expect(plan.slides.some((s) => titleOf(s) === '标识解析体系')).toBe(false);
  });

  it('places the chart image with its alt text, aspect ratio kept', () => {
    const slide = plan.slides.find((s) => s.layout === 'chart')!;
    const img = slide.shapes.find((x) => x.kind === 'image')!;
    expect(img.kind === 'image' && img.alt).toContain('2025年4.6万个');
    expect(img.box.w / img.box.h).toBeCloseTo(10 / 4.2, 1);
    expect(texts(slide).find((x) => x.name === 'takeaway')).toBeDefined();
  });

  it('uses body type of at least the minimum size and headings of 24–28 pt', () => {
    for (const s of plan.slides.filter((x) => contentLayouts.has(x.layout))) {
      const title = s.title!.paragraphs[0].runs[0].sizePt;
      expect(title).toBeLessThanOrEqual(28);
      expect(title).toBeGreaterThanOrEqual(24);
      for (const x of texts(s).filter((y) => y.name === 'body')) for (const pp of x.paragraphs) for (const r of pp.runs) expect(r.sizePt).toBeGreaterThanOrEqual(s.layout === 'sources' ? 12 : defaultTheme.sizes.minBody - 2);
    }
    const cover = plan.slides[0].title!.paragraphs[0].runs[0].sizePt;
    expect(cover).toBeGreaterThanOrEqual(40);
    expect(cover).toBeLessThanOrEqual(48);
  });
});

describe('fitting', () => {
  it('shrinks before it continues: a list that fits at a smaller size stays on one slide', () => {
    const items = Array.from({ length: 11 }, (_, i) => `第${i + 1}项：推动规上工业企业数字化改造，培育一批智能制造示范工厂`);
    const { plan } = planDeck(doc([section(2, '任务', 'content', [ul(...items)])]), new Map());
    expect(plan.slides).toHaveLength(1);
    const size = plan.slides[0].shapes.find((x): x is TextShape => x.name === 'body')!.paragraphs[0].runs[0].sizePt;
    expect(size).toBeLessThan(defaultTheme.sizes.body);
    expect(size).toBeGreaterThanOrEqual(defaultTheme.sizes.minBody);
  });

  it('balances a list over its slides instead of leaving a last item alone', () => {
    const items = Array.from({ length: 9 }, (_, i) => `第${i + 1}项：推动规上工业企业数字化改造，培育一批“灯塔工厂”和智能制造示范工厂，形成可复制推广的经验做法，带动产业链上下游协同转型`);
    const { plan } = planDeck(doc([section(2, '任务', 'content', [ul(...items)])]), new Map());
    const counts = plan.slides.map((s) => texts(s).filter((x) => x.name === 'body').reduce((n, x) => n + x.paragraphs.length, 0));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(9);
    expect(counts.length).toBeGreaterThan(1);
    expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
  });

  it('continues a 2,000-character paragraph over slides without losing a character', () => {
    const long = '工业互联网平台赋能中小企业数字化转型，'.repeat(105).slice(0, 2000);
    const { plan } = planDeck(doc([section(2, '长段落', 'content', [p(t(long))])]), new Map());
    expect(plan.slides.length).toBeGreaterThan(1);
    expect(plan.slides.slice(1).every((s) => titleOf(s) === '长段落（续）')).toBe(true);
    const body = plan.slides.map((s) => texts(s).filter((x) => x.name === 'body').map(runText).join('')).join('');
    expect(body).toBe(long);
    for (const s of plan.slides) for (const x of texts(s).filter((y) => y.name === 'body')) expect(x.box.y).toBeGreaterThanOrEqual(CONTENT_TOP);
    checkGeometry(plan.slides);
  });

  it('shortens a 2,000-character title to two lines and says so', () => {
    const { plan } = planDeck(doc([section(2, '标题'.repeat(1000), 'content', [p(t('正文'))])]), new Map());
    const title = plan.slides[0].title!;
    expect(title.paragraphs[0].lines.length).toBeLessThanOrEqual(2);
    expect(runText(title).endsWith('…')).toBe(true);
    expect(plan.warnings.some((w) => w.code === 'pptx-text-truncated')).toBe(true);
    checkGeometry(plan.slides);
  });

  it('splits a long table between rows and repeats the header', () => {
    const rows = Array.from({ length: 30 }, (_, i) => [[t(`平台${i + 1}`)], [t('行业平台')], [t(String(i * 10))]]);
    const { plan } = planDeck(doc([section(2, '平台', 'content', [{ type: 'table', header: [[t('名称')], [t('类型')], [t('数量')]], rows, align: ['left', 'left', 'right'] }])]), new Map());
    expect(plan.slides.length).toBeGreaterThan(1);
    const tables = plan.slides.flatMap((s) => s.shapes.filter((x) => x.kind === 'table'));
    const bodyRows = tables.flatMap((tb) => (tb.kind === 'table' ? tb.rows.slice(1) : []));
    expect(bodyRows).toHaveLength(30);
    for (const tb of tables) if (tb.kind === 'table') expect(tb.rows[0][0].paragraphs[0].runs[0].text).toBe('名称');
    checkGeometry(plan.slides);
  });

  it('draws a placeholder and warns when a chart image is missing', () => {
    const { plan } = planDeck(doc([section(2, '图', 'content', [{ type: 'chart', chart: chartSpec('gone', '缺失的图') }])]), new Map());
    expect(plan.warnings.map((w) => w.code)).toContain('pptx-chart-missing');
    expect(plan.slides[0].shapes.some((x) => x.name === 'chart-missing')).toBe(true);
  });

  it('gives a chart-only figure citation to the chart slide', () => {
    const c = cite('x', '青岛日报', '2024-03', '2024年3月');
    const { plan } = planDeck(doc([section(2, '图', 'content', [{ type: 'chart', chart: chartSpec('c-5g', '图') }], { citations: [c] })]), sampleCharts());
    expect(plan.slides[0].sourceLine).toBe('数据来源：青岛日报；截至2024年3月');
  });
});

describe('a tall chart in a column', () => {
  it('is fitted to the column, above the source line', () => {
    const spec = chartSpec('tall', '卡奥斯赋能企业的平均成效');
    const slide = section(2, '卡奥斯：赋能规模与成效', 'content', [
      {
        type: 'columns',
        columns: [
          [ul('赋能行业15个', '赋能企业超16万家', '赋能场景超200个', '品牌价值超1000亿元')],
          [{ type: 'chart', chart: spec, caption: [t('赋能企业生产效率平均提高30%。')] }],
        ],
      },
    ], { citations: [cite('f1', '青岛日报社/观海新闻（2026年1月）', '2026-01', '2026年1月')] });
    // The half-width rendering is taller than wide columns allow (400 × 340 pt).
    const { plan } = planDeck(doc([slide]), new Map([['tall', { slide: makeChartPng(11.67, 4.89), column: makeChartPng(5.56, 4.72) }]]));
    checkGeometry(plan.slides);
    const s = plan.slides[0];
    const img = s.shapes.find((x) => x.kind === 'image')!;
    const src = texts(s).find((x) => x.name === 'source-line')!;
    expect(img.box.y + img.box.h).toBeLessThanOrEqual(src.box.y + 1e-6);
  });
});
