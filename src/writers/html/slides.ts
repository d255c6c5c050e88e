/**
 * The deck as html slides. Drawn from the pptx writer's pure plan (same
 * masters, same fitting, same splits into （续） slides), so the preview shows
 * what PowerPoint will: every shape is placed at its planned box in inches on
 * a 13.333 × 7.5 in canvas (1280 × 720 CSS px).
 */
import { createHash } from 'node:crypto';
import type { Block, DocumentModel, Run } from '../../model/document.js';
import type { RenderedCharts } from '../../model/rendered.js';
import { planDeck } from '../pptx/plan.js';
import type { Box, PlannedParagraph, PlannedRun, Shape, SlidePlan, TextShape } from '../pptx/plan-types.js';
import type { MasterDef } from '../pptx/masters.js';
import { SLIDE_H, SLIDE_W } from '../pptx/geometry.js';
import { cssColour, esc } from './escape.js';
import { runsHtml, type CiteCards } from './cite.js';
import type { Warning } from '../../model/document.js';

export interface ImageFile {
  name: string;
  png: Buffer;
}

interface SlideContext {
  cards: CiteCards;
  images: Map<string, ImageFile>;
  charts: RenderedCharts;
  primary: string;
}

const n3 = (v: number) => Math.round(v * 1000) / 1000;
const place = (b: Box) => `left:${n3(b.x)}in;top:${n3(b.y)}in;width:${n3(b.w)}in;height:${n3(b.h)}in`;

function imageRef(ctx: SlideContext, png: Buffer): string {
  const name = `images/${createHash('sha256').update(png).digest('hex').slice(0, 16)}.png`;
  if (!ctx.images.has(name)) ctx.images.set(name, { name, png });
  return name;
}

function runStyle(r: PlannedRun): string {
  return `font-size:${r.sizePt}pt;color:${cssColour(r.color)};font-family:var(--${r.font === 'heading' ? 'heading' : 'body'})`;
}

function paragraphsHtml(paras: PlannedParagraph[], ctx: SlideContext): string {
  let number = 0;
  let numberLevel = -1;
  return paras
    .map((p) => {
      const size = p.runs[0]?.sizePt ?? 12;
      const style = [`text-align:${p.align}`, `line-height:${p.lineSpacingPt}pt`, `margin-top:${p.spaceBeforePt}pt`, `padding-left:${n3(p.indentPt)}pt`];
      let bullet = '';
      const step = p.indentPt / (p.level + 1);
      if (p.bullet?.kind === 'number') {
        number = numberLevel === p.level ? number + 1 : p.bullet.startAt;
        numberLevel = p.level;
      } else numberLevel = -1;
      if (p.bullet) {
        const mark = p.bullet.kind === 'char' ? p.bullet.char : `${number}.`;
        bullet = `<span class="bullet" style="left:${n3(p.indentPt - step)}pt;font-size:${size}pt;color:${cssColour(ctx.primary)}">${esc(mark)}</span>`;
      }
      const runs = p.runs.map((r) => ({ text: r.text, bold: r.bold, italic: r.italic, cite: r.cite, style: runStyle(r) }));
      return `<p style="${style.join(';')}">${bullet}${runsHtml(runs, ctx.cards) || '&#8203;'}</p>`;
    })
    .join('');
}

function textHtml(s: TextShape, ctx: SlideContext, cls = 'text'): string {
  const justify = s.valign === 'middle' ? 'center' : s.valign === 'bottom' ? 'flex-end' : 'flex-start';
  const fill = s.fill ? `;background:${cssColour(s.fill)}` : '';
  return `<div class="sh ${cls}" data-name="${esc(s.name)}" style="${place(s.box)};justify-content:${justify}${fill}">${paragraphsHtml(s.paragraphs, ctx)}</div>`;
}

function chartPng(ctx: SlideContext, id: string, widthIn: number): Buffer | undefined {
  const r = ctx.charts.get(id);
  return (widthIn < SLIDE_W / 2 ? (r?.column ?? r?.slide) : (r?.slide ?? r?.column))?.png;
}

function shapeHtml(s: Shape, ctx: SlideContext): string {
  switch (s.kind) {
    case 'rect': {
      const fill = s.fill ? `background:${cssColour(s.fill)};` : '';
      const line = s.line ? `border:${s.line.widthPt}pt ${s.line.dash === 'dash' ? 'dashed' : 'solid'} ${cssColour(s.line.color)};` : '';
      const round = s.geometry === 'ellipse' ? 'border-radius:50%;' : '';
      return `<div class="sh rect" data-name="${esc(s.name)}" style="${place(s.box)};${fill}${line}${round}"></div>`;
    }
    case 'text':
      return textHtml(s, ctx);
    case 'image':
      return `<img class="sh chart" data-name="${esc(s.name)}" style="${place(s.box)}" src="${imageRef(ctx, s.png)}" alt="${esc(s.alt)}">`;
    case 'chart': {
      // A native chart in the deck; the page shows the same chart's picture.
      const png = chartPng(ctx, s.spec.id, s.box.w);
      if (!png) return `<div class="sh rect missing" style="${place(s.box)}">${esc(s.alt)}</div>`;
      return `<img class="sh chart" data-name="${esc(s.name)}" style="${place(s.box)};object-fit:contain" src="${imageRef(ctx, png)}" alt="${esc(s.alt)}">`;
    }
    case 'table': {
      const cols = s.colW.map((w) => `<col style="width:${n3(w)}in">`).join('');
      const rows = s.rows
        .map((r, ri) => {
          const cells = r
            .map((c) => {
              const fill = c.fill ? `background:${cssColour(c.fill)};` : '';
              return `<td style="${fill}vertical-align:${c.valign};padding:${n3(s.marginY)}in ${n3(s.marginX)}in;border-bottom:0.75pt solid ${cssColour(s.ruleColor)}">${paragraphsHtml(c.paragraphs, ctx)}</td>`;
            })
            .join('');
          return `<tr style="height:${n3(s.rowH[ri] ?? 0.4)}in">${cells}</tr>`;
        })
        .join('');
      return `<table class="sh table" data-name="${esc(s.name)}" style="left:${n3(s.box.x)}in;top:${n3(s.box.y)}in;width:${n3(s.box.w)}in"><colgroup>${cols}</colgroup>${rows}</table>`;
    }
  }
}

function layered(shapes: Shape[], ctx: SlideContext): string {
  return [...shapes.filter((s) => s.layer === 'back'), ...shapes.filter((s) => s.layer !== 'back')].map((s) => shapeHtml(s, ctx)).join('');
}

/** Notes from the model (figures stay cited); the plan's plain strings when a slide has no blocks. */
function notesHtml(slide: SlidePlan, ctx: SlideContext): string {
  if (!slide.notes.length) return '';
  const blocks = slide.notesBlocks;
  if (!blocks) return slide.notes.map((t) => `<p>${esc(t)}</p>`).join('');
  const runs = (rs: Run[]) => runsHtml(rs, ctx.cards);
  const one = (b: Block): string => {
    switch (b.type) {
      case 'paragraph':
        return `<p>${runs(b.runs)}</p>`;
      case 'list':
        return `<${b.ordered ? 'ol' : 'ul'}>${b.items.map((i) => `<li class="l${i.level}">${runs(i.runs)}</li>`).join('')}</${b.ordered ? 'ol' : 'ul'}>`;
      case 'callout':
        return b.blocks.map(one).join('');
      case 'columns':
        return b.columns.flat().map(one).join('');
      default:
        return '';
    }
  };
  const html = blocks.map(one).join('');
  return html || slide.notes.map((t) => `<p>${esc(t)}</p>`).join('');
}

function slideHtml(slide: SlidePlan, master: MasterDef | undefined, total: number, ctx: SlideContext): string {
  const bg = cssColour(master?.background ?? 'FFFFFF', 'FFFFFF');
  const chrome = master ? layered(master.shapes, ctx) : '';
  const title = slide.title ? textHtml(slide.title, ctx, 'text title') : '';
  const pn = master?.pageNumber;
  const number = pn
    ? `<div class="sh text pageno" style="${place(pn.box)};justify-content:center"><p style="text-align:right;font-size:${pn.sizePt}pt;font-weight:700;color:${cssColour(pn.color)};font-family:var(--heading)">${slide.number}</p></div>`
    : '';
  const titleText = slide.title ? slide.title.paragraphs.map((p) => p.runs.map((r) => r.text).join('')).join(' ') : '';
  const notes = notesHtml(slide, ctx);
  return `<section class="slide" id="slide-${slide.number}" data-n="${slide.number}" data-layout="${esc(slide.layout)}" aria-label="${esc(`第${slide.number}/${total}页 ${titleText}`)}">
<div class="frame"><div class="canvas" style="width:${SLIDE_W}in;height:${SLIDE_H}in;background:${bg}">${chrome}${layered(slide.shapes, ctx)}${title}${number}</div></div>
<aside class="notes"><h3>备注</h3>${notes || '<p class="none">本页没有备注。</p>'}</aside>
<aside class="facts"><h3>本页数据（${(slide.citations ?? []).length}）</h3>${ctx.cards.panel(slide.citations ?? [])}</aside>
</section>`;
}

export function slidesHtml(doc: DocumentModel, charts: RenderedCharts, cards: CiteCards, images: Map<string, ImageFile>): { html: string; count: number; warnings: Warning[] } {
  // Pictures always: the page shows the PNG even where the deck has an editable chart.
  const { plan, masters } = planDeck(doc, charts, { charts: 'image' });
  const byName = new Map(masters.map((m) => [m.name, m]));
  const ctx: SlideContext = { cards, images, charts, primary: doc.theme.colors.primary };
  const html = plan.slides.map((s) => slideHtml(s, byName.get(s.layout), plan.slides.length, ctx)).join('\n');
  return { html, count: plan.slides.length, warnings: plan.warnings };
}
