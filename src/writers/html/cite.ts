/**
 * Figures and their citations. Every cited run becomes a focusable span
 * pointing at one card per fact (fact id, the figure as the source prints
 * it, its date, the source and paragraph); the page script shows the card on
 * hover, focus or tap, and the `title` says the same without the script.
 */
import type { Citation, DocumentModel, SourceEntry } from '../../model/document.js';
import { formatChineseDate } from '../../format/dates.js';
import { esc } from './escape.js';

export interface StyledText {
  text: string;
  bold?: boolean;
  italic?: boolean;
  cite?: Citation;
  /** Inline CSS for the run (size, colour, font), already safe. */
  style?: string;
}

function sourceText(s: SourceEntry | undefined, fallback: string): string {
  if (!s) return fallback;
  const published = /^\d{4}(-\d{2}){0,2}$/.test(s.published) ? formatChineseDate(s.published) : s.published;
  return [s.publisher, s.title ? `《${s.title.replace(/^《|》$/g, '')}》` : '', published].filter(Boolean).join('，');
}

const FIELD_CLASS: Record<string, string> = { 事实编号: 'id', 原文写法: 'printed', 数据时间: 'date', 来源: 'src', 段落: 'para' };

/** One card per fact, numbered in order of first use on the page. */
export class CiteCards {
  private readonly index = new Map<string, number>();
  private readonly cards: string[] = [];
  private readonly sources: Map<string, SourceEntry>;

  constructor(doc: DocumentModel) {
    this.sources = new Map(doc.sources.map((s) => [s.id, s]));
  }

  /** The card's number, creating the card on first use. */
  ref(c: Citation): number {
    let n = this.index.get(c.factId);
    if (n === undefined) {
      n = this.cards.length;
      this.index.set(c.factId, n);
      this.cards.push(this.card(c, n));
    }
    return n;
  }

  private fields(c: Citation): Array<[string, string]> {
    return [
      ['事实编号', c.factId],
      ['原文写法', c.printed],
      ['数据时间', c.asOfLabel],
      ['来源', sourceText(this.sources.get(c.sourceId), c.sourceLabel)],
      ['段落', c.para ? `第${c.para}段` : ''],
      ['同段还写', (c.alsoPrinted ?? []).join('；')],
      ['目标年份', c.targetYear ? `${c.targetYear}年` : ''],
      ['评价年度', c.evaluationYear ? `${c.evaluationYear}年` : ''],
    ];
  }

  private card(c: Citation, n: number): string {
    const rows = this.fields(c)
      .filter(([, v]) => v)
      .map(([k, v]) => `<dt>${esc(k)}</dt><dd class="cc-${FIELD_CLASS[k] ?? 'more'}">${esc(v)}</dd>`)
      .join('');
    return `<div class="cite-card" id="cite-${n}" data-fact="${esc(c.factId)}"><dl>${rows}</dl></div>`;
  }

  /** Plain-text summary for the title attribute. */
  title(c: Citation): string {
    return this.fields(c)
      .filter(([, v]) => v)
      .map(([k, v]) => `${k}：${v}`)
      .join('\n');
  }

  /** A list item per fact, for a slide's or section's facts panel. */
  panel(cites: Citation[]): string {
    const seen = new Set<string>();
    const items = cites.filter((c) => !seen.has(c.factId) && !!seen.add(c.factId));
    if (!items.length) return '<p class="none">本页没有引用数据。</p>';
    return `<ol>${items.map((c) => `<li data-cite="${this.ref(c)}">${esc(c.printed || c.factId)}<span class="fp-meta">${esc(`${c.asOfLabel} · ${sourceText(this.sources.get(c.sourceId), c.sourceLabel)}${c.para ? ` · 第${c.para}段` : ''}`)}</span><code>${esc(c.factId)}</code></li>`).join('')}</ol>`;
  }

  html(): string {
    return `<div id="cite-cards" hidden>${this.cards.join('')}</div>`;
  }
}

/** Runs as HTML; a cited run is a focusable figure carrying its card number. */
export function runsHtml(runs: StyledText[], cards: CiteCards): string {
  return runs
    .map((r) => {
      let inner = esc(r.text);
      if (r.bold) inner = `<b>${inner}</b>`;
      if (r.italic) inner = `<i>${inner}</i>`;
      const style = r.style ? ` style="${r.style}"` : '';
      if (!r.cite) return r.style ? `<span${style}>${inner}</span>` : inner;
      return `<span class="fig" tabindex="0" data-cite="${cards.ref(r.cite)}" title="${esc(cards.title(r.cite))}"${style}>${inner}</span>`;
    })
    .join('');
}
