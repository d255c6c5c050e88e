/**
 * The report as A4-wide sheets, from the model as the docx writer reads it:
 * cover (report preset) or title block (GB/T 9704), numbered headings
 * (一、（一）1.), official lists, KPI cards as a small table, the sources
 * annex. Each chapter carries a facts panel like a slide.
 */
import { createHash } from 'node:crypto';
import type { Block, Citation, DocumentModel, KpiBlock, Run, Section, SourceEntry } from '../../model/document.js';
import type { RenderedCharts } from '../../model/rendered.js';
import { HeadingCounter, hasOwnNumber, headingPrefix } from '../docx/numbering.js';
import { formatChineseDate } from '../../format/dates.js';
import { esc } from './escape.js';
import { runsHtml, type CiteCards } from './cite.js';
import type { ImageFile } from './slides.js';

interface ReportContext {
  cards: CiteCards;
  images: Map<string, ImageFile>;
  charts: RenderedCharts;
}

const runs = (rs: Run[], ctx: ReportContext) => runsHtml(rs, ctx.cards);

function circled(n: number): string {
  return n >= 1 && n <= 20 ? String.fromCodePoint(0x2460 + n - 1) : `（${n}）`;
}

function tableHtml(t: { caption?: string; header: Run[][]; rows: Run[][][]; align: Array<'left' | 'center' | 'right'> }, ctx: ReportContext): string {
  const cell = (tag: 'th' | 'td', c: Run[], i: number) => `<${tag} style="text-align:${t.align[i] ?? 'left'}">${runs(c, ctx)}</${tag}>`;
  const caption = t.caption ? `<caption>${esc(t.caption)}</caption>` : '';
  return `<table class="rtable">${caption}<thead><tr>${t.header.map((c, i) => cell('th', c, i)).join('')}</tr></thead><tbody>${t.rows
    .map((r) => `<tr>${r.map((c, i) => cell('td', c, i)).join('')}</tr>`)
    .join('')}</tbody></table>`;
}

function blockHtml(b: Block, ctx: ReportContext): string {
  switch (b.type) {
    case 'paragraph':
      return `<p>${runs(b.runs, ctx)}</p>`;
    case 'list': {
      // Official texts have no bullets: （1） and ① when ordered, plain indented paragraphs otherwise.
      const counters = [0, 0];
      return b.items
        .map((item) => {
          const level = item.level > 0 ? 1 : 0;
          counters[level] += 1;
          if (level === 0) counters[1] = 0;
          const prefix = b.ordered ? (level === 0 ? `（${counters[0]}）` : circled(counters[1])) : '';
          return `<p class="li l${level}">${esc(prefix)}${runs(item.runs, ctx)}</p>`;
        })
        .join('');
    }
    case 'kpis':
      return tableHtml(kpiTable(b), ctx);
    case 'table':
      return tableHtml(b, ctx);
    case 'timeline':
      return b.items.map((i) => `<p class="tl"><b>${esc(i.date)}</b>　${runs(i.runs, ctx)}</p>`).join('');
    case 'callout':
      return `<div class="callout">${b.blocks.map((x) => blockHtml(x, ctx)).join('')}</div>`;
    case 'columns':
      return b.columns.map((c) => c.map((x) => blockHtml(x, ctx)).join('')).join('');
    case 'chart': {
      const img = ctx.charts.get(b.chart.id);
      const png = (img?.page ?? img?.slide)?.png;
      const caption = b.caption?.length ? `<p class="takeaway">${runs(b.caption, ctx)}</p>` : '';
      const pic = png ? `<img src="${imageRef(ctx, png)}" alt="${esc(b.chart.alt)}">` : `<div class="missing">图表未能生成：${esc(b.chart.title)}</div>`;
      return `<figure class="rchart">${caption}${pic}<figcaption>${esc(b.chart.title)}<span class="source-note">${esc(b.chart.sourceNote)}</span></figcaption></figure>`;
    }
  }
}

function imageRef(ctx: ReportContext, png: Buffer): string {
  const name = `images/${createHash('sha256').update(png).digest('hex').slice(0, 16)}.png`;
  if (!ctx.images.has(name)) ctx.images.set(name, { name, png });
  return name;
}

/** KPI cards as the report prints them: 指标 | 数值 | 变化情况 (as the docx writer does). */
function kpiTable(block: KpiBlock) {
  const hasChange = block.items.some((k) => k.change && k.change.length > 0);
  const header: Run[][] = [[{ text: '指标' }], [{ text: '数值' }], ...(hasChange ? [[{ text: '变化情况' }]] : [])];
  const rows = block.items.map((k) => [[{ text: k.label }], [{ text: `${k.value}${k.unit}`, cite: k.cite }], ...(hasChange ? [k.change ?? []] : [])]);
  return { caption: '主要指标', header, rows, align: ['left', 'right', 'left'] as Array<'left' | 'right'> };
}

/** An annex entry: publisher, 《title》, date. */
function sourceLine(s: SourceEntry): string {
  const date = /^\d{4}(-\d{2}){0,2}$/.test(s.published) ? formatChineseDate(s.published) : s.published;
  const parts = [s.publisher.trim(), s.title.trim() ? `《${s.title.trim().replace(/^《|》$/g, '')}》` : s.label.trim(), date.trim()].filter(Boolean);
  return parts.length ? `${parts.join('，')}。` : s.id;
}

function officialDate(label: string): string {
  return label.trim();
}

interface Chapter {
  html: string[];
  cites: Citation[];
}

export function reportHtml(doc: DocumentModel, charts: RenderedCharts, cards: CiteCards, images: Map<string, ImageFile>): { html: string; count: number } {
  const ctx: ReportContext = { cards, images, charts };
  const official = doc.meta.reportPreset === 'gbt9704';
  const counter = new HeadingCounter();
  const chapters: Chapter[] = [];
  let annexTitle = '资料来源';
  const chapter = () => chapters[chapters.length - 1] ?? (chapters.push({ html: [], cites: [] }), chapters[0]);
  for (const s of doc.sections) {
    const title = s.title.trim();
    if (s.role === 'cover' || s.role === 'agenda') continue;
    if (s.role === 'sources') {
      annexTitle = title || annexTitle;
      continue;
    }
    if (s.level === 1 && s.role !== 'closing') chapters.push({ html: [], cites: [] });
    const c = chapter();
    c.cites.push(...s.citations);
    if (s.role !== 'closing') c.html.push(headingHtml(s, title, counter));
    c.html.push(...s.blocks.map((b) => blockHtml(b, ctx)));
  }
  const m = doc.meta;
  const front = official
    ? `<header class="title-block"><h1>${esc(m.title)}</h1>${m.subtitle ? `<p class="subtitle">${esc(m.subtitle)}</p>` : ''}</header>`
    : '';
  const cover = official
    ? ''
    : `<article class="page cover" id="page-cover"><div class="sheet"><h1>${esc(m.title)}</h1>${m.subtitle ? `<p class="subtitle">${esc(m.subtitle)}</p>` : ''}<div class="cover-rule"></div><p class="issuer">${esc(m.issuer)}</p><p class="date">${esc(officialDate(m.dateLabel))}</p></div></article>`;
  const body = chapters
    .map((c, i) => {
      const sign = official && i === chapters.length - 1 ? `<p class="signature">${esc(m.issuer)}<br>${esc(officialDate(m.dateLabel))}</p>` : '';
      return `<article class="page" id="page-${i + 1}" data-n="${i + 1}"><div class="sheet">${i === 0 ? front : ''}${c.html.join('\n')}${sign}</div><aside class="facts"><h3>本章数据（${new Set(c.cites.map((x) => x.factId)).size}）</h3>${cards.panel(c.cites)}</aside></article>`;
    })
    .join('\n');
  const annex = doc.sources.length
    ? `<article class="page annex" id="page-annex"><div class="sheet"><h2 class="h1">${esc(official ? `附件　${annexTitle}` : annexTitle)}</h2>${doc.sources.map((s, i) => `<p class="annex-entry">[${i + 1}]　${esc(sourceLine(s))}</p>`).join('')}</div></article>`
    : '';
  return { html: `${cover}${body}${annex}`, count: chapters.length + (cover ? 1 : 0) + (annex ? 1 : 0) };
}

function headingHtml(s: Section, title: string, counter: HeadingCounter): string {
  const n = counter.next(s.level);
  const text = title && !hasOwnNumber(title) ? `${headingPrefix(s.level, n)}${title}` : title;
  return text ? `<h${s.level + 1} class="h${s.level}">${esc(text)}</h${s.level + 1}>` : '';
}
