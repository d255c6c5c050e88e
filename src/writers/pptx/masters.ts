/**
 * Slide masters as data, built from the theme and the document's issuer and
 * date (pptxgenjs cannot load a .potx). Emit turns them into
 * defineSlideMaster calls; they show up as named layouts in PowerPoint.
 */
import type { DocumentMeta, Theme } from '../../model/document.js';
import type { Box, LayoutName, Shape } from './plan-types.js';
import { CHROME, SLIDE_H, SLIDE_W, box } from './geometry.js';
import { GREY, type PlanContext } from './plan-context.js';
import { cleanText } from './plan-text.js';
import { fitText, textShape } from './plan-fit.js';

export interface MasterDef {
  name: LayoutName;
  /** Name shown in PowerPoint's layout gallery. */
  displayName: string;
  background: string;
  /** Fixed decoration and footer text. */
  shapes: Shape[];
  /** The title placeholder; slides put their title here. */
  titleBox: Box;
  pageNumber?: { box: Box; sizePt: number; color: string };
}

const DISPLAY: Record<LayoutName, string> = {
  cover: '封面',
  agenda: '目录',
  section: '章节页',
  bullets: '要点',
  columns: '两栏',
  chart: '图表',
  'chart-text': '图文',
  kpis: '指标卡',
  table: '表格',
  timeline: '时间轴',
  callout: '重点提示',
  sources: '资料来源',
  closing: '结束页',
};

/** Geometry of the special masters, shared with the planner. */
export const COVER = {
  band: box(0, 5.95, SLIDE_W, SLIDE_H - 5.95),
  goldLine: box(0, 5.86, SLIDE_W, 0.06),
  title: box(1.0, 1.65, SLIDE_W - 2.0, 2.0),
  rule: box(SLIDE_W / 2 - 0.6, 3.88, 1.2, 0.05),
  subtitle: box(1.5, 4.12, SLIDE_W - 3.0, 0.95),
  issuer: box(1.0, 6.2, SLIDE_W - 2.0, 0.5),
  date: box(1.0, 6.72, SLIDE_W - 2.0, 0.42),
};

export const AGENDA = {
  panel: box(0, 0, 4.2, SLIDE_H),
  title: box(0.7, 2.75, 3.0, 1.0),
  goldBar: box(0.75, 3.9, 0.9, 0.06),
  list: box(5.0, 0.9, SLIDE_W - 5.0 - 0.8, SLIDE_H - 1.8),
};

export const SECTION = {
  number: box(0.9, 2.55, 2.1, 1.6),
  divider: box(3.25, 2.6, 0.04, 1.5),
  title: box(3.6, 2.35, SLIDE_W - 3.6 - 0.9, 2.0),
  lead: box(3.6, 4.45, SLIDE_W - 3.6 - 0.9, 1.3),
};

export const CLOSING = {
  title: box(1.0, 2.4, SLIDE_W - 2.0, 1.6),
  goldLine: box(SLIDE_W / 2 - 0.8, 4.15, 1.6, 0.06),
  issuer: box(1.0, 4.5, SLIDE_W - 2.0, 0.5),
  date: box(1.0, 5.02, SLIDE_W - 2.0, 0.42),
};

function rect(name: string, b: Box, fill: string): Shape {
  return { kind: 'rect', layer: 'back', geometry: 'rect', box: b, fill, name };
}

function contentMaster(name: LayoutName, theme: Theme, meta: DocumentMeta, ctx: PlanContext): MasterDef {
  const c = theme.colors;
  const footer = [cleanText(meta.issuer), cleanText(meta.dateLabel)].filter(Boolean).join('　');
  const fitted = fitText(ctx, footer, CHROME.footer, [10.5], 1, { color: c.secondary }, 'footer (issuer and date)');
  return {
    name,
    displayName: DISPLAY[name],
    background: GREY.white,
    shapes: [
      rect('top-strip', CHROME.topStrip, c.primary),
      rect('title-bar', CHROME.titleBar, c.primary),
      rect('title-rule', CHROME.rule, GREY.rule),
      rect('title-rule-accent', CHROME.ruleAccent, c.primary),
      rect('footer-rule', CHROME.footerRule, GREY.rule),
      textShape('footer', CHROME.footer, fitted),
    ],
    titleBox: CHROME.title,
    pageNumber: { box: CHROME.pageNumber, sizePt: 12, color: c.primary },
  };
}

export function masterDefs(theme: Theme, meta: DocumentMeta, ctx: PlanContext): MasterDef[] {
  const c = theme.colors;
  const content = (['bullets', 'columns', 'chart', 'chart-text', 'kpis', 'table', 'timeline', 'callout', 'sources'] as const).map((n) =>
    contentMaster(n, theme, meta, ctx),
  );
  return [
    {
      name: 'cover',
      displayName: DISPLAY.cover,
      background: GREY.white,
      shapes: [
        rect('top-strip', CHROME.topStrip, c.primary),
        rect('cover-rule', COVER.rule, c.accent),
        rect('cover-gold', COVER.goldLine, c.accent),
        rect('cover-band', COVER.band, c.primary),
      ],
      titleBox: COVER.title,
    },
    {
      name: 'agenda',
      displayName: DISPLAY.agenda,
      background: GREY.white,
      shapes: [rect('agenda-panel', AGENDA.panel, c.primary), rect('agenda-gold', AGENDA.goldBar, c.accent)],
      titleBox: AGENDA.title,
    },
    {
      name: 'section',
      displayName: DISPLAY.section,
      background: c.primary,
      shapes: [rect('section-divider', SECTION.divider, c.accent)],
      titleBox: SECTION.title,
    },
    ...content,
    {
      name: 'closing',
      displayName: DISPLAY.closing,
      background: c.primary,
      shapes: [rect('closing-gold', CLOSING.goldLine, c.accent)],
      titleBox: CLOSING.title,
    },
  ];
}
