/**
 * Render a template folder to briefing Markdown with strict Handlebars.
 * Pure: template texts and the fact base in; Markdown, a line map back to
 * the template files, the charts and the citations out.
 */
import Handlebars from 'handlebars';
import type { FactBase } from '../facts/model.js';
import { TemplateError, type Problem } from '../errors.js';
import { hasMessage, MessageRangeError, msg, render, t, type Text } from '../i18n/index.js';
import { closest, editDistance } from '../util/closest.js';
import type { SourceLocation, StageResult, Warning } from '../model/document.js';
import { LIMITS } from '../limits.js';
import { sanitizeDeep, sanitizeText } from '../util/sanitize.js';
import { CitationRegistry } from './citations.js';
import { buildChart, chartDefinitionSchema, CHART_ID, CHART_ID_HINT, type BuiltChart } from './charts.js';
import { figureHelpers } from './helpers/figures.js';
import { generalHelpers } from './helpers/general.js';
import { FactLookup, LookupError } from './lookup.js';
import { markLines, stripMarkers } from './source-map.js';
import { DATA_HELPER, OUTPUT_HELPER, escapeMustaches, printable } from './escape.js';
import type { LoadedTemplate } from './manifest.js';
import { createHash } from 'node:crypto';
import { tenseProblems, type TimeContext } from './time.js';
import { generateSpec, precompiledKey, templateFromSpec, type PrecompiledTemplate } from './precompiled.js';
import { latestAsOf } from '../facts/as-of.js';
import { formatChineseDate } from '../format/dates.js';

export interface RenderedTemplate {
  markdown: string;
  /** Template file and line of each Markdown line. */
  lines: SourceLocation[];
  charts: Map<string, BuiltChart>;
  registry: CitationRegistry;
}

/** Error raised inside a helper or partial, tagged with where it happened (`text`/`hint`: catalogue messages, when it has them). */
class LocatedError extends Error {
  constructor(
    readonly text: Text,
    readonly file: string,
    readonly line?: number,
    readonly column?: number,
    readonly hint?: Text,
    /** Problems elsewhere that belong to the same mistake (a data id one edit away). */
    readonly related: Problem[] = [],
  ) {
    super(render(text, 'en'));
  }
}

/** A partial or the whole template produced more Markdown than any briefing needs (or nested too deep): stop now, not after gigabytes. */
function outputLimit(file: string, kind: 'size' | 'depth'): LocatedError {
  return kind === 'size'
    ? new LocatedError(msg('limits.markdown', { max: LIMITS.markdownChars / 1024 / 1024 }), file, undefined, undefined, msg('limits.markdown-hint'))
    : new LocatedError(msg('limits.partial-depth', { max: LIMITS.partialDepth }), file, undefined, undefined, msg('limits.partial-depth-hint'));
}

type Helper = (...args: unknown[]) => unknown;

/** One template's compiled files: the Handlebars environment they were compiled in, by file name. */
interface CompiledFiles {
  key: string;
  hb: typeof Handlebars;
  fns: Map<string, Handlebars.TemplateDelegate>;
  /** Display names in marker order (markers carry an index into this list). */
  fileNames: string[];
  /** The same files by name, and the code generated for each (what `export()` keeps). */
  names: string[];
  specs: Map<string, string>;
  /** precompiledKey() of these files, once computed. */
  precompiledKey?: string;
  /** Whether they were compiled ahead of time (so every file is known to parse). */
  ahead?: boolean;
}

const emptyFiles = (key: string): CompiledFiles => ({ key, hb: Handlebars.create(), fns: new Map(), fileNames: [], names: [], specs: new Map() });

/**
 * Compiled templates kept between builds (watch, preview): when no template
 * file changed, a rebuild skips parsing, the escaping and line-marker passes
 * and Handlebars' code generation. Helpers are registered afresh on every
 * render (they close over that build's facts); compiled code looks them up
 * when it runs. Holds the last template rendered.
 */
export class CompiledTemplateCache {
  private last?: CompiledFiles;
  /** Renders that compiled / that reused compiled files. */
  compiled = 0;
  reused = 0;

  /** `precompiled`: templates compiled ahead of time (see precompiled.ts), used when a template's files match one exactly. */
  constructor(private readonly precompiled: readonly PrecompiledTemplate[] = []) {}

  /** @internal */
  files(key: string): CompiledFiles {
    if (this.last?.key === key) {
      this.reused++;
      return this.last;
    }
    this.compiled++;
    this.last = emptyFiles(key);
    return this.last;
  }

  /** @internal */
  ahead(key: string): PrecompiledTemplate | undefined {
    return this.precompiled.find((p) => p.key === key);
  }

  /** The code generated for the last template rendered, to be used ahead of time by later builds. */
  export(): PrecompiledTemplate | undefined {
    const last = this.last;
    if (!last?.precompiledKey) return undefined;
    return { key: last.precompiledKey, order: [...last.names], specs: Object.fromEntries(last.specs) };
  }
}

/** What a template's compiled code depends on: every file's name, place and text. */
function templateKey(template: LoadedTemplate): string {
  const h = createHash('sha256').update(template.files.dir).update('\0');
  for (const [name, text] of [...template.files.files].sort(([a], [b]) => (a < b ? -1 : 1))) {
    h.update(name).update('\0').update(template.files.origins?.get(name) ?? '').update('\0').update(text).update('\0');
  }
  return h.digest('hex');
}

export function renderTemplate(template: LoadedTemplate, fb: FactBase, context: Record<string, unknown> = {}, cache?: CompiledTemplateCache): StageResult<RenderedTemplate> {
  const { dir } = template.files;
  // An inherited file is named where it really is, not inside the variant's folder.
  const displayOf = (name: string) => template.files.origins?.get(name) ?? `${dir}/${name}`;
  const compiledFiles: CompiledFiles = cache ? cache.files(templateKey(template)) : emptyFiles('');
  const { hb, fileNames, names } = compiledFiles;
  const fileIndex = (name: string) => {
    const i = names.indexOf(name);
    if (i >= 0) return i;
    fileNames.push(displayOf(name));
    return names.push(name) - 1;
  };
  const lookup = new FactLookup(fb);
  const registry = new CitationRegistry(fb);
  const charts = new Map<string, BuiltChart>();
  const warnings: Warning[] = [];
  // The file whose code is running, for helper errors (partials push and pop).
  const stack: string[] = [];

  const time: TimeContext = {
    asOf: typeof context.asOf === 'string' && context.asOf ? context.asOf : (fb.snapshotAsOf ?? latestAsOf(fb)),
    currentMonths: template.manifest.currentMonths,
  };
  const helpers: Record<string, Helper> = {
    ...figureHelpers(lookup, registry, time),
    ...generalHelpers(lookup, registry, time),
    chart: chartHelper(template, lookup, registry, charts, () => stack[stack.length - 1] ?? displayOf(template.manifest.entry), warnings),
  };
  for (const [name, fn] of Object.entries(helpers)) {
    hb.registerHelper(name, function (this: unknown, ...args: unknown[]) {
      try {
        return fn.apply(this, args);
      } catch (e) {
        if (e instanceof LocatedError) throw e;
        const loc = (args[args.length - 1] as { loc?: hbs.AST.SourceLocation })?.loc;
        const file = stack[stack.length - 1] ?? displayOf(template.manifest.entry);
        const [line, column] = [loc?.start.line, loc ? loc.start.column + 1 : undefined];
        const text = e instanceof LookupError || e instanceof MessageRangeError ? e.text : String((e as Error).message ?? e);
        const message = msg('template.in-helper', { helper: name, text });
        if (e instanceof LookupError && e.unknownId?.near) {
          const { hint, related } = nearDataId(e.unknownId.id, e.unknownId.near, fb, `${file}:${line ?? 1}`);
          throw new LocatedError(message, file, line, column, hint, related);
        }
        throw new LocatedError(message, file, line, column, e instanceof LookupError ? e.hint : undefined);
      }
    });
  }
  // Data is data: every {{…}} prints through one of these (see escape.ts).
  hb.registerHelper(DATA_HELPER, (value: unknown) => printable(value));
  hb.registerHelper(OUTPUT_HELPER, (value: unknown) => (value instanceof Handlebars.SafeString ? value.toString() : printable(value)));
  const ours = new Set(Object.keys(helpers));
  const knownHelpers = Object.fromEntries([...ours, DATA_HELPER, OUTPUT_HELPER].map((k) => [k, true]));
  if (cache && compiledFiles.precompiledKey === undefined) {
    compiledFiles.precompiledKey = precompiledKey(template.files.files, ours);
    const ahead = cache.ahead(compiledFiles.precompiledKey);
    compiledFiles.ahead = ahead !== undefined;
    // Markers number files in the order they were first compiled: take that order with the code.
    for (const name of ahead?.order ?? []) fileIndex(name);
    for (const [name, spec] of Object.entries(ahead?.specs ?? {})) {
      compiledFiles.specs.set(name, spec);
      compiledFiles.fns.set(name, templateFromSpec(hb, spec));
    }
  }
  let produced = 0;
  const compileFile = (name: string) => {
    const display = displayOf(name);
    let fn = compiledFiles.fns.get(name);
    if (!fn) {
      const parseAndCompile = () => {
        const source = sanitizeText(template.files.files.get(name)!);
        let ast: hbs.AST.Program;
        try {
          ast = hb.parse(source);
        } catch (e) {
          throw unclosedBlock(source, display) ?? located(e, display);
        }
        checkPartials(ast, partialNames, display);
        return compileAst(hb, markLines(escapeMustaches(ast, ours), fileIndex(name)), knownHelpers, display, (spec) => compiledFiles.specs.set(name, spec));
      };
      // Files of a template compiled ahead of time all parsed then: one it never rendered (a report
      // inherits the deck's partials) is parsed only if it renders now.
      let parsed: Handlebars.TemplateDelegate | undefined;
      fn = compiledFiles.ahead ? (context, options) => (parsed ??= parseAndCompile())(context, options) : parseAndCompile();
      compiledFiles.fns.set(name, fn);
    }
    const compiled = fn;
    return (ctx: unknown, options?: Handlebars.RuntimeOptions) => {
      if (stack.length >= LIMITS.partialDepth) throw outputLimit(display, 'depth');
      stack.push(display);
      try {
        const out = compiled(ctx, options);
        // Every partial's output counts, so doubling partials stop after a few megabytes of work.
        produced += out.length;
        if (out.length > LIMITS.markdownChars || produced > 4 * LIMITS.markdownChars) throw outputLimit(display, 'size');
        return out;
      } catch (e) {
        throw located(e, display);
      } finally {
        stack.pop();
      }
    };
  };

  // Partials resolve only inside the template folder.
  const partialFiles = [...template.files.files.keys()].flatMap((name) => {
    const m = /^partials\/(.+)\.hbs$/.exec(name);
    return m ? [{ name: m[1], file: name }] : [];
  });
  const partialNames = new Set(partialFiles.map((p) => p.name));
  let output: string;
  try {
    for (const p of partialFiles) hb.registerPartial(p.name, compileFile(p.file) as unknown as Handlebars.Template);
    const entry = compileFile(template.manifest.entry);
    // The deck's date is always in the context, also when a caller passes none. The context
    // (as-of labels, change rows) is data too: no markers, no control characters.
    output = entry(sanitizeDeep({ asOf: time.asOf, asOfLabel: formatChineseDate(time.asOf.slice(0, 7)), ...context, meta: template.manifest.meta }));
  } catch (e) {
    const le = e instanceof LocatedError ? e : located(e, displayOf(template.manifest.entry));
    throw new TemplateError([{ file: le.file, line: le.line, column: le.column, message: le.text, hint: le.hint }, ...le.related]);
  }
  const { text, lines } = stripMarkers(output, fileNames);
  // Mechanism, not care: no sentence or heading may present an earlier period's figure as current.
  const tense = tenseProblems(text, fb, time);
  if (tense.length) {
    throw new TemplateError(
      tense.map((p) => ({ ...lines[p.line - 1], message: p.message, hint: msg('template.tense-hint') })),
    );
  }
  return { result: { markdown: text, lines, charts, registry }, warnings };
}

/** Like hb.compile: code is generated on the first call (a partial never rendered is never compiled), and handed to `keep`. */
function compileAst(hb: typeof Handlebars, ast: hbs.AST.Program, knownHelpers: Record<string, boolean>, display: string, keep: (spec: string) => void): Handlebars.TemplateDelegate {
  let compiled: Handlebars.TemplateDelegate | undefined;
  return (context, options) => {
    if (!compiled) {
      let spec: string;
      try {
        spec = generateSpec(hb, ast, knownHelpers);
      } catch (e) {
        throw located(e, display);
      }
      keep(spec);
      compiled = templateFromSpec(hb, spec);
    }
    return compiled(context, options);
  };
}

/** Handlebars puts "- line:col" or "Parse error on line N" in its messages. */
function located(e: unknown, file: string): LocatedError {
  if (e instanceof LocatedError) return e;
  const message = String((e as Error)?.message ?? e);
  const err = e as { lineNumber?: number; column?: number };
  let line = err.lineNumber;
  let column = err.column !== undefined ? err.column + 1 : undefined;
  const parse = /Parse error on line (\d+)/.exec(message);
  const dash = / - (\d+):(\d+)\s*$/m.exec(message);
  if (parse) line = Number(parse[1]);
  else if (dash) {
    line = Number(dash[1]);
    column = Number(dash[2]) + 1;
  }
  const clean = message
    .replace(/ - \d+:\d+\s*$/m, '')
    .replace(/\[object Object\]/g, 'the data')
    .split('\n')[0];
  // Handlebars' own words ("knownHelpersOnly", "Expecting 'ID'") mean nothing to our users.
  const field = /"([^"]+)" not defined in/.exec(clean)?.[1];
  if (field) return new LocatedError(msg('template.missing-field', { field }), file, line, column, msg('template.missing-field-hint'));
  const helper = /unknown helper (\S+)/.exec(clean)?.[1];
  if (helper) return new LocatedError(msg('template.unknown-helper', { helper }), file, line, column, msg('template.unknown-helper-hint'));
  if (parse) return new LocatedError(msg('template.syntax'), file, line, column, msg('template.syntax-hint'));
  return new LocatedError(msg('template.error', { detail: clean }), file, line, column);
}

/** Handlebars reports an unclosed block at the end of the file; point at its opening instead. */
function unclosedBlock(source: string, file: string): LocatedError | undefined {
  const stack: Array<{ name: string; line: number }> = [];
  source.split('\n').forEach((text, i) => {
    for (const m of text.matchAll(/\{\{~?\s*([#/])\s*>?\s*([\w-]+)/g)) {
      if (m[1] === '#') stack.push({ name: m[2], line: i + 1 });
      else if (stack.length && stack[stack.length - 1].name === m[2]) stack.pop();
    }
  });
  const open = stack.pop();
  if (!open) return undefined;
  return new LocatedError(msg('template.never-closed', { block: `{{#${open.name}}}` }), file, open.line, undefined, msg('template.never-closed-hint', { close: `{{/${open.name}}}` }));
}

/** Unknown partials fail at run time without a line; check them when compiling. */
function checkPartials(ast: hbs.AST.Program, known: Set<string>, file: string): void {
  const visit = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    const n = node as { type?: string; name?: { type?: string; original?: string }; loc?: hbs.AST.SourceLocation } & Record<string, unknown>;
    if ((n.type === 'PartialStatement' || n.type === 'PartialBlockStatement') && n.name?.type === 'PathExpression') {
      const name = String(n.name.original);
      if (!known.has(name)) {
        const near = closest(name, known);
        throw new LocatedError(
          msg('template.unknown-partial', { name }),
          file,
          n.loc?.start.line,
          n.loc ? n.loc.start.column + 1 : undefined,
          near ? msg('template.did-you-mean', { near }) : msg('template.unknown-partial-hint', { partials: known.size ? [...known] : msg('io.none') }),
        );
      }
    }
    for (const key of ['body', 'program', 'inverse']) {
      const child = n[key];
      if (Array.isArray(child)) child.forEach(visit);
      else visit(child);
    }
  };
  visit(ast);
}

/**
 * The template asks for an id the data lacks, and the data has one close to
 * it. Name both places: either may hold the typo. One edit apart, the data
 * file and line get a problem of their own.
 */
function nearDataId(id: string, near: string, fb: FactBase, templateAt: string): { hint: Text; related: Problem[] } {
  const at = fb.locations.get(near);
  const where = at ? `${at.file}:${at.line}` : '?';
  if (editDistance(id, near) > 1 || !at) return { hint: msg('template.near-id', { near, where }), related: [] };
  return {
    hint: msg('template.near-one-edit', { near, where }),
    related: [{ file: at.file, line: at.line, column: at.column, message: msg('template.data-id-one-edit', { near, id }), hint: msg('template.data-id-one-edit-hint', { where: templateAt }) }],
  };
}

/**
 * {{#chart "id"}}takeaway{{/chart}} or {{#chart kind="line" series="a,b" title="…"}}…{{/chart}}:
 * builds the chart from facts and emits a chart block for the Markdown stage.
 */
/** Past these a chart still draws, but nobody can read it on a slide or an A4 page. */
export const READABLE_CHART = { categories: LIMITS.readableChartCategories, titleChars: LIMITS.readableChartTitleChars } as const;

function readabilityWarnings(built: BuiltChart, loc: { file: string; line?: number }): Warning[] {
  const out: Warning[] = [];
  const { id, labels, title } = built.spec;
  if (labels.length > READABLE_CHART.categories) {
    out.push({ code: 'chart-too-many-categories', ...loc, message: msg('chart.too-many-categories', { id, count: labels.length, max: READABLE_CHART.categories }) });
  }
  const chars = [...title].length;
  if (chars > READABLE_CHART.titleChars) {
    out.push({ code: 'chart-title-too-long', ...loc, message: msg('chart.title-too-long', { id, count: chars, max: READABLE_CHART.titleChars }) });
  }
  return out;
}

function chartHelper(
  template: LoadedTemplate,
  lookup: FactLookup,
  registry: CitationRegistry,
  charts: Map<string, BuiltChart>,
  currentFile: () => string,
  warnings: Warning[],
): Helper {
  const defs = new Map<string, { def: unknown; where: string }>();
  return function (this: unknown, ...args: unknown[]) {
    const options = args[args.length - 1] as Handlebars.HelperOptions;
    const named = typeof args[0] === 'string' ? args[0] : undefined;
    let id: string;
    let def;
    if (named) {
      def = template.charts[named];
      if (!def) {
        const near = closest(named, Object.keys(template.charts));
        throw new LookupError(
          msg('template.unknown-chart', { id: named }),
          near ? msg('template.did-you-mean', { near }) : msg('template.unknown-chart-hint', { charts: Object.keys(template.charts).length ? Object.keys(template.charts) : msg('io.none') }),
        );
      }
      id = named;
    } else {
      const h = options.hash as Record<string, string>;
      const raw = {
        kind: h.kind,
        title: h.title,
        series: h.series ? h.series.split(',').map((s) => s.trim()) : undefined,
        items: h.items ? h.items.split(',').map((s) => ({ fact: s.trim() })) : undefined,
        from: h.from,
        to: h.to,
      };
      const parsed = chartDefinitionSchema.safeParse(raw);
      if (!parsed.success) {
        throw new LookupError(msg('template.inline-chart', { detail: parsed.error.issues.map((i) => `${i.path.join('.') || 'spec'}: ${hasMessage(i.message, 'en') ? t(i.message) : i.message}`).join('; ') }));
      }
      def = parsed.data;
      id = h.id ?? `chart-${createHash('sha1').update(JSON.stringify(raw)).digest('hex').slice(0, 8)}`;
      if (typeof id !== 'string' || !CHART_ID.test(id)) throw new LookupError(msg('template.inline-chart-id', { id: String(id) }), msg(CHART_ID_HINT, { field: 'id' }));
    }
    const line = (options as { loc?: hbs.AST.SourceLocation }).loc?.start.line;
    const earlier = defs.get(id);
    if (earlier && JSON.stringify(earlier.def) !== JSON.stringify(def)) {
      // The model would show the first chart twice.
      throw new LookupError(msg('template.chart-id-taken', { id, where: earlier.where }), msg('chart.id-twice-hint'));
    }
    if (!earlier) defs.set(id, { def, where: `${currentFile()}${line ? `:${line}` : ''}` });
    if (!charts.has(id)) {
      const built = buildChart(id, def, lookup, registry);
      // A chart error (say, a character no font has) then names the template line.
      if (line) built.spec.loc = { file: currentFile(), line };
      charts.set(id, built);
      warnings.push(...readabilityWarnings(built, { file: currentFile(), line }));
    }
    const body = options.fn ? options.fn(this).trim() : '';
    return new Handlebars.SafeString(`::: {.chart id="${id}"}\n${body}\n:::\n`);
  };
}
