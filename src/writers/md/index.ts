/**
 * `--format md`: the document model as Markdown in pandoc's slide conventions
 * (`#` part, `##` slide, `::: notes`, `:::: columns`, our `kpis`/`timeline`
 * divs), for handing to pandoc or Quarto. Reads only the model: every cited
 * figure gets a pandoc footnote naming its source, paragraph and date; a
 * chart becomes its rendered PNG beside the file, with the source line under it.
 */
import type { Block, Citation, DocumentModel, Run, Section, StageResult } from '../../model/document.js';
import type { RenderedCharts } from '../../model/rendered.js';
import { sanitizeText } from '../../util/sanitize.js';
import { formatChineseDate } from '../../format/dates.js';
import { escapeMarkdown } from '../../util/markdown-text.js';
import { yamlString } from './escape.js';

export interface MarkdownOutput {
  markdown: string;
  images: Array<{ name: string; png: Buffer }>;
}

const DEFAULT_ROLE = (s: Section) => (s.level === 1 ? 'section' : 'content');

class Footnotes {
  private readonly numbers = new Map<string, number>();
  readonly lines: string[] = [];
  constructor(private readonly doc: DocumentModel) {}

  ref(c: Citation): string {
    let n = this.numbers.get(c.factId);
    if (n === undefined) {
      n = this.numbers.size + 1;
      this.numbers.set(c.factId, n);
      const s = this.doc.sources.find((x) => x.id === c.sourceId);
      const where = s ? `${s.publisher}《${s.title}》，${/^\d{4}(-\d{2}){0,2}$/.test(s.published) ? formatChineseDate(s.published) : s.published}` : c.sourceLabel;
      const para = c.para ? `，第${c.para}段` : '';
      this.lines.push(`[^${n}]: ${escapeMarkdown(`${where}${para}；数据截至${c.asOfLabel}。`)}`);
    }
    return `[^${n}]`;
  }
}

/** One footnote mark per fact per paragraph: an event and its date share one. */
function inline(runs: Run[], notes: Footnotes): string {
  const marked = new Set<string>();
  return runs
    .map((r, i) => {
      let t = escapeMarkdown(r.text);
      if (t && r.bold) t = `**${t}**`;
      if (t && r.italic) t = `*${t}*`;
      if (!r.cite || marked.has(r.cite.factId)) return t;
      // The mark goes after the last run of this fact that follows directly (date，event).
      const later = runs.slice(i + 1).findIndex((x) => x.cite?.factId === r.cite!.factId);
      if (later >= 0 && runs.slice(i + 1, i + 1 + later).every((x) => !x.cite && x.text.length <= 2)) return t;
      marked.add(r.cite.factId);
      return `${t}${notes.ref(r.cite)}`;
    })
    .join('');
}

interface Ctx {
  notes: Footnotes;
  charts: RenderedCharts;
  baseName: string;
  images: MarkdownOutput['images'];
}

function table(b: Extract<Block, { type: 'table' }>, ctx: Ctx): string[] {
  const cols = Math.max(b.header.length, ...b.rows.map((r) => r.length), 1);
  const row = (cells: Run[][]) => `| ${Array.from({ length: cols }, (_, i) => inline(cells[i] ?? [], ctx.notes) || ' ').join(' | ')} |`;
  const rule = Array.from({ length: cols }, (_, i) => ({ left: ':--', center: ':-:', right: '--:' })[b.align[i] ?? 'left']);
  return [row(b.header), `| ${rule.join(' | ')} |`, ...b.rows.map(row), ...(b.caption ? ['', `Table: ${escapeMarkdown(b.caption)}`] : [])];
}

function blocks(list: Block[], ctx: Ctx): string[] {
  const out: string[] = [];
  const para = (lines: string[]) => out.push(...lines, '');
  for (const b of list) {
    switch (b.type) {
      case 'paragraph':
        para([inline(b.runs, ctx.notes)]);
        break;
      case 'list':
        para(b.items.map((it, i) => `${'   '.repeat(it.level)}${b.ordered ? `${i + 1}.` : '-'} ${inline(it.runs, ctx.notes)}`));
        break;
      case 'kpis':
        para([
          '::: kpis',
          ...b.items.map((k) => {
            const figure = `**${escapeMarkdown(`${k.value}${k.unit}`)}**${k.cite ? ctx.notes.ref(k.cite) : ''}`;
            return `- ${figure} ${escapeMarkdown(k.label)}${k.change?.length ? ` ｜ ${inline(k.change, ctx.notes)}` : ''}`;
          }),
          ':::',
        ]);
        break;
      case 'chart': {
        const png = ctx.charts.get(b.chart.id)?.slide?.png ?? ctx.charts.get(b.chart.id)?.page?.png;
        const name = `${ctx.baseName}.charts/${b.chart.id}.png`;
        if (png && !ctx.images.some((i) => i.name === name)) ctx.images.push({ name, png });
        // The image carries no source line; the Markdown states it under the image.
        if (png) para([`![${escapeMarkdown(b.chart.title)}](${name})`]);
        else para([`**${escapeMarkdown(b.chart.title)}**`]);
        if (b.caption?.length) para([inline(b.caption, ctx.notes)]);
        para([escapeMarkdown(b.chart.sourceNote)]);
        break;
      }
      case 'table':
        para(table(b, ctx));
        break;
      case 'timeline':
        para(['::: timeline', ...b.items.map((it) => `- **${escapeMarkdown(it.date)}** ${inline(it.runs, ctx.notes)}`), ':::']);
        break;
      case 'callout':
        para(blocks(b.blocks, ctx).map((l) => (l ? `> ${l}` : '>')));
        break;
      case 'columns':
        para([':::: columns', ...b.columns.flatMap((c) => ['::: column', ...blocks(c, ctx), ':::']), '::::']);
        break;
    }
  }
  return out;
}

export function writeMarkdown(doc: DocumentModel, charts: RenderedCharts, baseName: string): StageResult<MarkdownOutput> {
  const ctx: Ctx = { notes: new Footnotes(doc), charts, baseName, images: [] };
  const m = doc.meta;
  const front = ['---', `title: ${yamlString(m.title)}`, ...(m.subtitle ? [`subtitle: ${yamlString(m.subtitle)}`] : []), `author: ${yamlString(m.issuer)}`, `date: ${yamlString(m.dateLabel)}`, '---', ''];
  const body: string[] = [];
  for (const s of doc.sections) {
    const role = s.role !== DEFAULT_ROLE(s) ? ` {.${s.role}}` : '';
    body.push(`${'#'.repeat(s.level)} ${escapeMarkdown(s.title)}${role}`, '');
    body.push(...blocks(s.blocks, ctx));
    if (s.notes.length) body.push('::: notes', ...blocks(s.notes, ctx), ':::', '');
  }
  const notes = ctx.notes.lines.length ? ['', ...ctx.notes.lines] : [];
  const markdown = sanitizeText(`${[...front, ...body].join('\n').trimEnd()}\n${notes.join('\n')}${notes.length ? '\n' : ''}`);
  return { result: { markdown, images: ctx.images }, warnings: [] };
}
