/**
 * The library API: data texts + a template folder's texts in, output files
 * as buffers out. No I/O here; the CLI (or any other program) reads the
 * inputs and writes the outputs.
 */
import { loadFactBase } from '../facts/load.js';
import { staleWarnings } from '../facts/assemble.js';
import { factBaseAsOf, latestAsOf } from '../facts/as-of.js';
import type { FactBase, TextFile } from '../facts/model.js';
import { formatChineseDate, isCalendarDate } from '../format/dates.js';
import { msg } from '../i18n/index.js';
import { toDocumentModel } from '../markdown/index.js';
import type { Block, ChartSpec, DocumentModel, Warning } from '../model/document.js';
import type { RenderedCharts, ChartMedium } from '../model/rendered.js';
import type { ChartCache } from '../charts/index.js';
import { renderChartsParallel } from '../charts/parallel.js';
import type { ChartOutput } from '../model/chart.js';
import type { RebuildCache } from './rebuild-cache.js';
import { loadTemplate, type LoadedTemplate, type TemplateFiles } from '../templates/manifest.js';
import { CompiledTemplateCache, renderTemplate, type RenderedTemplate } from '../templates/render.js';
import type { PrecompiledTemplate } from '../templates/precompiled.js';
import type { HtmlOptions } from '../writers/html/index.js';
import { UsageError } from '../errors.js';
import { sanitizeText } from '../util/sanitize.js';
import { changeRows, type FactChange } from '../diff/index.js';

export type Format = 'pptx' | 'docx' | 'md' | 'html' | 'json';
/** Formats a template declares (template.yaml `formats:`). */
export const FORMATS: Format[] = ['pptx', 'docx', 'md', 'html'];
/** Formats every template writes from its model without declaring them: json is the lineage manifest. */
export const MODEL_FORMATS: Format[] = ['json'];

export interface BuildInput {
  data: TextFile[];
  template: TemplateFiles;
  formats: Format[];
  /** Build as of this date (YYYY-MM or YYYY-MM-DD): only facts known by then. */
  asOf?: string;
  /** Seconds since epoch for every timestamp in the packages (SOURCE_DATE_EPOCH). */
  timestamp?: number;
  /** Reused across builds (watch mode) so unchanged charts are not re-rendered. */
  chartCache?: ChartCache;
  /** Everything a rebuild can reuse (watch, preview): charts, parsed data files, compiled templates. Its charts win over `chartCache`. */
  cache?: RebuildCache;
  /** Templates compiled ahead of time (the shipped ones, see templates/precompiled.ts); used when the template's files match exactly. */
  precompiledTemplates?: PrecompiledTemplate[];
  /** Changes since an earlier data snapshot (see `diffData`): the template shows them on a 本次更新 slide / section. */
  changes?: FactChange[];
  /** Native (editable) charts or pictures in the deck; default: the template's `charts:`, else image. A chart's own `output:` wins. */
  charts?: ChartOutput;
  /** Today, YYYY-MM-DD (the caller's clock): a publication or as-of date after it is a data error. */
  today?: string;
  /** The issuing office on the cover, the closing slide and the 落款; overrides the template's meta.issuer. */
  issuer?: string;
  /** The date line under it (as-of | today | none | YYYY-MM[-DD]); overrides the template's meta.dateLine. */
  dateLine?: string;
  /** html: links and the preview's live events (see writeHtml). */
  html?: Pick<HtmlOptions, 'live' | 'links'>;
  /** Called as each stage starts (data, template, markdown, charts, pptx …): progress for a terminal. */
  onStage?: (stage: string) => void;
}

export interface OutputFile {
  format: Format | 'png' | 'pdf';
  /** File name relative to the output folder. */
  name: string;
  data: Buffer;
}

export interface BuildResult {
  files: OutputFile[];
  model: DocumentModel;
  markdown: string;
  /** Milliseconds per stage. */
  timings: Record<string, number>;
  asOf: string;
  dataHash: string;
}

export { latestAsOf };

export function outputBaseName(templateName: string, asOf: string): string {
  return `${templateName}-${asOf.slice(0, 7)}`;
}

function timestampFor(asOf: string): number {
  const [y, m = '01', d = '01'] = asOf.split('-');
  return Date.UTC(Number(y), Number(m) - 1, Number(d)) / 1000;
}

function chartsInColumns(model: DocumentModel): ChartSpec[] {
  const out: ChartSpec[] = [];
  const visit = (blocks: Block[], inColumn: boolean) => {
    for (const b of blocks) {
      if (b.type === 'chart' && inColumn) out.push(b.chart);
      else if (b.type === 'columns') b.columns.forEach((c) => visit(c, true));
      else if (b.type === 'callout') visit(b.blocks, inColumn);
    }
  };
  for (const s of model.sections) visit(s.blocks, false);
  return out;
}

/** The date line: the deck's as-of month (default), the build day, a fixed date, or none. */
export function dateLabelFor(setting: string | undefined, asOf: string, today?: string): string {
  if (setting === 'none') return '';
  if (setting === 'today') return formatChineseDate(today ?? asOf.slice(0, 7));
  if (setting && setting !== 'as-of') {
    if (!isCalendarDate(setting)) throw new UsageError([{ message: msg('cli.date-line-invalid', { value: setting }), hint: msg('cli.date-line-hint') }]);
    return formatChineseDate(setting);
  }
  return formatChineseDate(asOf.slice(0, 7));
}

function templateCacheFor(input: BuildInput): CompiledTemplateCache | undefined {
  if (input.cache) return input.cache.templateCache(input.template.dir);
  return input.precompiledTemplates?.length ? new CompiledTemplateCache(input.precompiledTemplates) : undefined;
}

export async function build(input: BuildInput): Promise<{ result: BuildResult; warnings: Warning[] }> {
  const warnings: Warning[] = [];
  const timings: Record<string, number> = {};
  const time = async <T>(stage: string, fn: () => T | Promise<T>): Promise<T> => {
    const start = performance.now();
    input.onStage?.(stage);
    try {
      return await fn();
    } finally {
      timings[stage] = (timings[stage] ?? 0) + performance.now() - start;
    }
  };
  if (input.asOf && !isCalendarDate(input.asOf)) {
    throw new UsageError([{ message: msg('cli.as-of-not-a-date', { value: input.asOf }), hint: msg('cli.as-of-hint') }]);
  }

  const chartCache = input.cache?.charts ?? input.chartCache;
  const loaded = await time('data', () => loadFactBase(input.data, { asOf: input.asOf, today: input.today, cache: input.cache?.dataFiles }));
  warnings.push(...loaded.warnings);
  const fb = input.asOf ? factBaseAsOf(loaded.result, input.asOf) : loaded.result;
  const asOf = input.asOf ?? latestAsOf(fb);
  // Staleness is judged at the deck's date in every build, not only with --as-of.
  if (!input.asOf) staleWarnings(fb, asOf, warnings);

  const template: LoadedTemplate = await time('template', () => loadTemplate(input.template));
  const rendered: RenderedTemplate = await time('template', () => {
    // Always passed (strict mode): an empty list renders no change slide.
    const changes = changeRows(input.changes ?? [], (id) => fb.facts.has(id) || fb.milestones.has(id));
    const r = renderTemplate(template, fb, { asOf, asOfLabel: formatChineseDate(asOf.slice(0, 7)), changes }, templateCacheFor(input));
    warnings.push(...r.warnings);
    return r.result;
  });

  // Nobody chose an office: print none rather than a guess, and say which setting fills it.
  const issuer = sanitizeText(input.issuer ?? template.manifest.meta.issuer ?? '').trim();
  if (!issuer) warnings.push({ code: 'issuer-unset', file: template.files.origins?.get('template.yaml') ?? `${template.files.dir}/template.yaml`, message: msg('template.issuer-unset') });

  const model = await time('markdown', () => {
    const r = toDocumentModel(
      rendered,
      {
        title: template.manifest.meta.title,
        subtitle: template.manifest.meta.subtitle,
        issuer,
        asOf,
        dateLabel: dateLabelFor(input.dateLine ?? template.manifest.meta.dateLine, asOf, input.today),
        dataHash: fb.hash,
        templateName: template.manifest.name,
        reportPreset: template.manifest.reportPreset,
        // A working report carries the check table; a formal GB/T 9704 document does not, unless asked.
        factCheckTable: template.manifest.factCheckTable ?? template.manifest.reportPreset === 'report',
      },
      template.theme,
    );
    warnings.push(...r.warnings);
    return r.result;
  });

  // html shows the deck's slides when the template writes a deck, else the report's pages.
  const htmlKind = template.manifest.formats.includes('pptx') ? 'deck' : 'report';
  const html = input.formats.includes('html');
  const slides = input.formats.includes('pptx') || (html && htmlKind === 'deck');
  const pages = input.formats.includes('docx') || (html && htmlKind === 'report');
  const specs = [...rendered.charts.values()].map((c) => c.spec);
  const charts: RenderedCharts = await time('charts', async () => {
    // Only the media a format places: a deck's chart in a slide column is drawn at column size only.
    const inColumns = slides ? new Set(chartsInColumns(model).map((c) => c.id)) : new Set<string>();
    const result: RenderedCharts = new Map(specs.map((s) => [s.id, {}]));
    const groups: Array<{ media: ChartMedium[]; specs: ChartSpec[] }> = [];
    const fullWidth = input.formats.includes('md') ? specs : slides ? specs.filter((s) => !inColumns.has(s.id)) : [];
    groups.push({ media: ['slide'], specs: fullWidth });
    groups.push({ media: ['column'], specs: specs.filter((s) => inColumns.has(s.id)) });
    if (pages) groups.push({ media: ['page'], specs });
    const seen = new Set<string>();
    for (const g of groups) {
      if (!g.specs.length) continue;
      // Many charts to draw (a large deck) are spread over worker threads.
      const r = await renderChartsParallel(g.specs, template.theme, { cache: chartCache, media: g.media });
      // A spec's own warnings come once, however many media it is drawn for.
      for (const w of r.warnings) {
        const key = JSON.stringify(w);
        if (!seen.has(key)) warnings.push(w);
        seen.add(key);
      }
      for (const [id, img] of r.result) result.set(id, { ...result.get(id), ...img });
    }
    return result;
  });

  const base = outputBaseName(template.manifest.name, asOf);
  const writerOptions = { timestamp: input.timestamp ?? timestampFor(asOf), charts: input.charts ?? template.manifest.charts ?? 'image' };
  const files: OutputFile[] = [];
  for (const format of input.formats) {
    if (format === 'pptx') {
      // Writers are imported when used: a deck never loads the docx library.
      const { writePptx } = await import('../writers/pptx/index.js');
      const r = await time('pptx', () => writePptx(model, charts, writerOptions));
      warnings.push(...r.warnings);
      files.push({ format, name: `${base}.pptx`, data: r.result });
    } else if (format === 'docx') {
      const { writeDocx } = await import('../writers/docx/index.js');
      const r = await time('docx', () => writeDocx(model, charts, writerOptions));
      warnings.push(...r.warnings);
      files.push({ format, name: `${base}.docx`, data: r.result });
    } else if (format === 'json') {
      const { buildLineage } = await import('../lineage/index.js');
      const r = await time('json', () => buildLineage(model));
      files.push({ format, name: `${base}.lineage.json`, data: Buffer.from(`${JSON.stringify(r.result, null, 2)}\n`, 'utf8') });
    } else if (format === 'html') {
      const { writeHtml } = await import('../writers/html/index.js');
      const r = await time('html', () => writeHtml(model, charts, { kind: htmlKind, ...input.html }));
      warnings.push(...(input.formats.includes('pptx') ? [] : r.warnings)); // the same plan's warnings come with the pptx
      for (const f of r.result) files.push({ format: f.name === 'index.html' ? 'html' : 'png', name: `${base}-html/${f.name}`, data: f.data });
    } else {
      const { writeMarkdown } = await import('../writers/md/index.js');
      const r = await time('md', () => writeMarkdown(model, charts, base));
      files.push({ format, name: `${base}.md`, data: Buffer.from(r.result.markdown, 'utf8') });
      for (const img of r.result.images) files.push({ format: 'png', name: img.name, data: img.png });
    }
  }
  return { result: { files, model, markdown: rendered.markdown, timings, asOf, dataHash: fb.hash }, warnings };
}
