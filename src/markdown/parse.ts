/**
 * Briefing Markdown → the document model, with markdown-it (CommonMark +
 * GFM tables) and fenced divs in pandoc's syntax (`::: notes`,
 * `:::: columns`, `::: {.chart id="x"}`). Errors name the template line.
 */
import MarkdownIt from 'markdown-it';
import type { Token } from 'markdown-it';
import { TemplateError, type Problem } from '../errors.js';
import type { Block, Citation, Section, SectionRole, SourceLocation, TableBlock } from '../model/document.js';
import { citedRuns } from '../model/cited-runs.js';
import type { RenderedTemplate } from '../templates/render.js';
import { sanitizeText } from '../util/sanitize.js';
import { inlineToLines, inlineToRuns, runsText, type InlineContext } from './inline.js';
import { parseAttributes, type Attributes } from './attributes.js';
import { fencedDivs } from './fenced-divs.js';
import { msg, type Text } from '../i18n/index.js';
import { unescapeMarkdown } from '../util/markdown-text.js';
import { LIMITS } from '../limits.js';
import type { Run } from '../model/document.js';

const md = new MarkdownIt('default', { html: false, linkify: false, typographer: false });
// Any `::: name` or `::: {.name}` opens a div; the walker checks the name.
md.use(fencedDivs);

const ROLES: Record<string, SectionRole> = { cover: 'cover', agenda: 'agenda', sources: 'sources', closing: 'closing', changes: 'changes', section: 'section' };
const DIVS = new Set(['notes', 'columns', 'column', 'kpis', 'chart', 'timeline', 'callout', 'table']);

export interface ParsedBody {
  sections: Section[];
}

export function parseBriefing(rendered: RenderedTemplate): ParsedBody {
  const tokens = md.parse(rendered.markdown, {});
  const problems: Problem[] = [];
  const where = (t: Token | undefined): SourceLocation => rendered.lines[t?.map?.[0] ?? 0] ?? { file: '<template>', line: 1 };
  const fail = (t: Token | undefined, message: Text, hint?: Text) => problems.push({ ...where(t), message, hint });
  /** Text past a limit is refused at its line: a slide or page cannot hold it, and laying it out would only take time. */
  const checkLength = (t: Token, runs: Run[], kind: 'paragraph' | 'cell'): Run[] => {
    const chars = runs.reduce((n, r) => n + r.text.length, 0);
    const max = kind === 'paragraph' ? LIMITS.paragraphChars : LIMITS.tableCellChars;
    if (chars > max) {
      fail(t, msg(kind === 'paragraph' ? 'limits.paragraph' : 'limits.table-cell', { chars, max }), msg(kind === 'paragraph' ? 'limits.paragraph-hint' : 'limits.table-cell-hint'));
    }
    return runs;
  };

  const sections: Section[] = [];
  const silentBySection = new Map<Section, Citation[]>();
  let current: Section | undefined;
  const ctxFor = (s: Section | undefined): InlineContext => ({
    citation: (id) => rendered.registry.get(id),
    silent: s ? silentBySection.get(s)! : [],
  });

  const newSection = (level: 1 | 2 | 3, title: string, attrs: Attributes, t: Token) => {
    const role = attrs.classes.map((c) => ROLES[c]).find(Boolean) ?? (level === 1 ? 'section' : 'content');
    current = { level, title, role, blocks: [], notes: [], citations: [], loc: where(t) };
    sections.push(current);
    silentBySection.set(current, []);
  };

  let i = 0;
  const walkBlocks = (stopType: string | null, section: () => Section | undefined): Block[] => {
    const blocks: Block[] = [];
    while (i < tokens.length) {
      const t = tokens[i];
      if (stopType && t.type === stopType) return blocks;
      if (t.type === 'heading_open') {
        if (stopType) {
          fail(t, msg('markdown.heading-in-block'), msg('markdown.heading-in-block-hint'));
          i++;
          continue;
        }
        const level = Number(t.tag.slice(1));
        const inline = tokens[i + 1];
        const { text, attrs } = splitHeadingAttributes(inline.content);
        if (level > 3) fail(t, msg('markdown.heading-level', { level }), msg('markdown.heading-level-hint'));
        newSection(Math.min(level, 3) as 1 | 2 | 3, sanitizeText(stripMarkers(unescapeMarkdown(text))).trim(), attrs, t);
        i += 3;
        return blocks;
      }
      if (t.type === 'hr') {
        // pandoc: a horizontal rule starts a new slide without a title; keep the previous one.
        const prev = section();
        newSection(2, prev?.title ?? '', { classes: [], values: {} }, t);
        i++;
        return blocks;
      }
      const block = readBlock(section());
      if (block === 'notes') continue;
      if (block) blocks.push(block);
    }
    return blocks;
  };

  const readBlock = (s: Section | undefined): Block | 'notes' | undefined => {
    const t = tokens[i];
    const ctx = ctxFor(s);
    switch (t.type) {
      case 'paragraph_open': {
        const runs = checkLength(tokens[i + 1], inlineToRuns(tokens[i + 1].children, ctx), 'paragraph');
        i += 3;
        return runs.length ? { type: 'paragraph', runs } : undefined;
      }
      case 'bullet_list_open':
      case 'ordered_list_open':
        return readList(ctx);
      case 'table_open':
        return readTable(ctx);
      case 'fenced_div_open':
        return readDiv(s);
      case 'fence':
      case 'code_block':
        i++;
        return { type: 'paragraph', runs: checkLength(t, [{ text: sanitizeText(t.content.trimEnd()) }], 'paragraph') };
      case 'blockquote_open': {
        i++;
        const inner = walkBlocks('blockquote_close', () => s);
        i++;
        return { type: 'callout', blocks: inner };
      }
      case 'html_block':
        fail(t, msg('markdown.raw-html'), msg('markdown.raw-html-hint'));
        i++;
        return undefined;
      default:
        i++;
        return undefined;
    }
  };

  const readList = (ctx: InlineContext): Block => {
    const ordered = tokens[i].type === 'ordered_list_open';
    const items: Array<{ runs: ReturnType<typeof inlineToRuns>; level: number }> = [];
    let depth = 0;
    for (; i < tokens.length; i++) {
      const t = tokens[i];
      if (t.type === 'bullet_list_open' || t.type === 'ordered_list_open') depth++;
      else if (t.type === 'bullet_list_close' || t.type === 'ordered_list_close') {
        depth--;
        if (depth === 0) {
          i++;
          break;
        }
      } else if (t.type === 'inline') items.push({ runs: checkLength(t, inlineToRuns(t.children, ctx), 'paragraph'), level: Math.min(depth - 1, 1) });
    }
    return { type: 'list', ordered, items };
  };

  const readTable = (ctx: InlineContext): TableBlock => {
    const header: TableBlock['header'] = [];
    const rows: TableBlock['rows'] = [];
    const align: TableBlock['align'] = [];
    let inHead = false;
    let row: TableBlock['header'] | undefined;
    let rowToken: Token | undefined;
    for (; i < tokens.length; i++) {
      const t = tokens[i];
      if (t.type === 'thead_open') inHead = true;
      else if (t.type === 'thead_close') inHead = false;
      else if (t.type === 'tr_open') {
        row = [];
        // Cells' own tokens carry no line; their row does.
        rowToken = t;
      }
      else if (t.type === 'tr_close') {
        if (!inHead && row) rows.push(row);
      } else if (t.type === 'th_open' || t.type === 'td_open') {
        if (inHead) {
          const style = String(t.attrGet('style') ?? '');
          align.push(style.includes('right') ? 'right' : style.includes('center') ? 'center' : 'left');
        }
      } else if (t.type === 'inline') {
        const runs = checkLength(rowToken ?? t, inlineToRuns(t.children, ctx), 'cell');
        if (inHead) header.push(runs);
        else row?.push(runs);
      } else if (t.type === 'table_close') {
        i++;
        break;
      }
    }
    const table: TableBlock = { type: 'table', header, rows, align };
    // pandoc convention: a "Table: caption" paragraph right after the table.
    if (tokens[i]?.type === 'paragraph_open' && /^(Table|表)[:：]/.test(tokens[i + 1].content)) {
      table.caption = sanitizeText(stripMarkers(unescapeMarkdown(tokens[i + 1].content.replace(/^(Table|表)[:：]\s*/, ''))));
      i += 3;
    }
    return table;
  };

  const readDiv = (s: Section | undefined): Block | 'notes' | undefined => {
    const open = tokens[i];
    const attrs = parseAttributes(open.info.trim());
    if (open.meta?.unclosed) fail(open, msg('markdown.div-never-closed', { block: `::: ${open.info.trim()}` }), msg('markdown.div-never-closed-hint'));
    const name = attrs.classes[0];
    if (!name || !DIVS.has(name)) {
      fail(open, msg('markdown.unknown-block', { block: `::: ${open.info.trim()}` }), msg('markdown.unknown-block-hint', { blocks: [...DIVS] }));
    }
    i++;
    const inner = walkBlocks('fenced_div_close', () => s);
    i++;
    const ctx = ctxFor(s);
    switch (name) {
      case 'notes':
        if (s) s.notes.push(...inner);
        else fail(open, msg('markdown.notes-before-heading'), msg('markdown.notes-before-heading-hint'));
        return 'notes';
      case 'columns': {
        const cols = inner.filter((b) => b.type === 'columns').flatMap((b) => (b as { columns: Block[][] }).columns);
        if (!cols.length || inner.some((b) => b.type !== 'columns')) fail(open, msg('markdown.columns-only-column'), msg('markdown.columns-only-column-hint'));
        return { type: 'columns', columns: cols };
      }
      case 'column':
        return { type: 'columns', columns: [inner] };
      case 'callout':
        return { type: 'callout', blocks: inner };
      case 'table': {
        const table = inner.find((b) => b.type === 'table');
        if (!table) fail(open, msg('markdown.table-needs-table'), msg('markdown.table-needs-table-hint'));
        if (table && attrs.values.caption) (table as TableBlock).caption = attrs.values.caption;
        return table;
      }
      case 'chart': {
        const id = attrs.values.id ?? attrs.id;
        const built = id ? rendered.charts.get(id) : undefined;
        if (!built) {
          fail(open, msg('markdown.unknown-chart', { id: id ?? '' }), msg('markdown.unknown-chart-hint'));
          return undefined;
        }
        for (const f of built.factIds) {
          const c = rendered.registry.get(f);
          if (c) ctx.silent.push(c);
        }
        const caption = inner.flatMap((b) => (b.type === 'paragraph' ? b.runs : []));
        const figures = built.points.flatMap(({ dataset, index, factId }) => {
          const cite = rendered.registry.get(factId);
          const ds = built.spec.datasets[dataset];
          return cite ? [{ series: ds.label, category: built.spec.labels[index] ?? '', label: ds.dataLabels[index] ?? '', cite }] : [];
        });
        return { type: 'chart', chart: built.spec, ...(figures.length ? { figures } : {}), ...(caption.length ? { caption } : {}) };
      }
      case 'kpis':
        return readKpis(open, inner);
      case 'timeline':
        return readTimeline(open, inner);
      default:
        return undefined;
    }
  };

  const readKpis = (open: Token, inner: Block[]): Block | undefined => {
    const list = inner.find((b) => b.type === 'list');
    if (!list || list.type !== 'list') {
      fail(open, msg('markdown.kpis-need-list'), msg('markdown.kpis-need-list-hint'));
      return undefined;
    }
    const items = list.items.map((item) => {
      const figureRuns = item.runs.filter((r) => r.bold);
      const rest = item.runs.filter((r) => !r.bold);
      const figure = runsText(figureRuns);
      const m = /^([超约近小于不足]*[-\d.]+)(.*)$/.exec(figure);
      if (!m) fail(open, msg('markdown.kpi-not-number', { figure }), msg('markdown.kpi-not-number-hint'));
      // "label｜change" splits the label from the change line; the change keeps its cited figures.
      const { label, change } = splitKpiLabel(rest);
      return {
        value: m?.[1] ?? figure,
        unit: (m?.[2] ?? '').trim(),
        label,
        ...(change.length ? { change } : {}),
        ...(figureRuns.find((r) => r.cite)?.cite ? { cite: figureRuns.find((r) => r.cite)!.cite } : {}),
      };
    });
    if (items.length > 4) fail(open, msg('markdown.kpis-too-many', { count: items.length }), msg('markdown.kpis-too-many-hint'));
    return { type: 'kpis', items };
  };

  const readTimeline = (open: Token, inner: Block[]): Block | undefined => {
    const list = inner.find((b) => b.type === 'list');
    if (!list || list.type !== 'list') {
      fail(open, msg('markdown.timeline-needs-list'), msg('markdown.timeline-needs-list-hint'));
      return undefined;
    }
    return {
      type: 'timeline',
      items: list.items.map((item) => ({
        date: runsText(item.runs.filter((r) => r.bold)).trim(),
        runs: item.runs.filter((r) => !r.bold).map((r, k) => (k === 0 ? { ...r, text: r.text.replace(/^\s+/, '') } : r)),
      })),
    };
  };

  // Text before the first heading has no slide to go on.
  const leading = walkBlocks(null, () => undefined);
  if (leading.length) fail(tokens[0], msg('markdown.text-before-heading'), msg('markdown.text-before-heading-hint'));
  while (i < tokens.length) {
    const s = current!;
    s.blocks.push(...walkBlocks(null, () => s));
  }
  if (problems.length) throw new TemplateError(problems);

  for (const s of sections) s.citations = collectCitations(s, silentBySection.get(s)!);
  return { sections };
}

/** "label ｜ change": the label as plain text, the change as runs (its figures stay cited). */
function splitKpiLabel(runs: Run[]): { label: string; change: Run[] } {
  const at = runs.findIndex((r) => !r.cite && /[｜|]/.test(r.text));
  if (at < 0) return { label: runsText(runs).trim(), change: [] };
  const [before, ...after] = runs[at].text.split(/[｜|]/);
  const rest = after.join('');
  const change = [...(rest ? [{ ...runs[at], text: rest }] : []), ...runs.slice(at + 1)];
  if (change.length) change[0] = { ...change[0], text: change[0].text.trimStart() };
  const last = change.length - 1;
  if (last >= 0) change[last] = { ...change[last], text: change[last].text.trimEnd() };
  return { label: runsText([...runs.slice(0, at), { text: before }]).trim(), change: change.filter((r) => r.text || r.cite) };
}

/** Headings and captions keep a cited figure's text but not its markers. */
function stripMarkers(text: string): string {
  return text.replace(/\uE010[^\uE011]*\uE011/g, '').replace(/\uE012/g, '');
}

function splitHeadingAttributes(content: string): { text: string; attrs: Attributes } {
  // An escaped brace (data printed into the heading) is text, not attributes.
  const m = /(?<!\\)\s*\{([^}\\]*)\}\s*$/.exec(content);
  if (!m) return { text: content, attrs: { classes: [], values: {} } };
  return { text: content.slice(0, m.index), attrs: parseAttributes(`{${m[1]}}`) };
}

/** Every citation of a section, deduplicated by fact, in order of first use. */
function collectCitations(s: Section, silent: Citation[]): Citation[] {
  const seen = new Map<string, Citation>();
  const add = (c?: Citation) => c && !seen.has(c.factId) && seen.set(c.factId, c);
  // Chart points are sourced through the chart's own citations (silent), not point by point.
  const visit = (blocks: Block[]) => citedRuns(blocks).forEach((r) => r.place === 'chart' || add(r.cite));
  visit(s.blocks);
  // What the presenter says from the notes is sourced on the slide as well.
  visit(s.notes);
  silent.forEach(add);
  return [...seen.values()];
}
