/**
 * Render a template folder to briefing Markdown with strict Handlebars.
 * Pure: template texts and the fact base in; Markdown, a line map back to
 * the template files, the charts and the citations out.
 */
import Handlebars from 'handlebars';
import type { FactBase } from '../facts/model.js';
import { TemplateError } from '../errors.js';
import type { SourceLocation, StageResult, Warning } from '../model/document.js';
import { msg, type Message } from '../i18n/index.js';
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

export interface RenderedTemplate {
  markdown: string;
  /** Template file and line of each Markdown line. */
  lines: SourceLocation[];
  charts: Map<string, BuiltChart>;
  registry: CitationRegistry;
}

/** Error raised inside a helper or partial, tagged with where it happened (`text`/`hint`: catalogue messages, when it has them). */
class LocatedError extends Error {
  constructor(message: string, readonly file: string, readonly line?: number, readonly column?: number, readonly text?: Message, readonly hint?: Message) {
    super(message);
  }
}

/** A partial or the whole template produced more Markdown than any briefing needs (or nested too deep): stop now, not after gigabytes. */
function outputLimit(file: string, kind: 'size' | 'depth'): LocatedError {
  return kind === 'size'
    ? new LocatedError('limits.markdown', file, undefined, undefined, msg('limits.markdown', { max: LIMITS.markdownChars / 1024 / 1024 }), msg('limits.markdown-hint'))
    : new LocatedError('limits.partial-depth', file, undefined, undefined, msg('limits.partial-depth', { max: LIMITS.partialDepth }), msg('limits.partial-depth-hint'));
}

type Helper = (...args: unknown[]) => unknown;

export function renderTemplate(template: LoadedTemplate, fb: FactBase, context: Record<string, unknown> = {}): StageResult<RenderedTemplate> {
  const { dir } = template.files;
  const fileNames: string[] = [];
  const fileIndex = (name: string) => {
    const display = `${dir}/${name}`;
    const i = fileNames.indexOf(display);
    return i >= 0 ? i : fileNames.push(display) - 1;
  };
  const hb = Handlebars.create();
  const lookup = new FactLookup(fb);
  const registry = new CitationRegistry(fb);
  const charts = new Map<string, BuiltChart>();
  const warnings: Warning[] = [];
  // The file whose code is running, for helper errors (partials push and pop).
  const stack: string[] = [];

  const helpers: Record<string, Helper> = {
    ...figureHelpers(lookup, registry),
    ...generalHelpers(lookup, registry),
    chart: chartHelper(template, lookup, registry, charts, () => stack[stack.length - 1] ?? `${dir}/${template.manifest.entry}`, warnings),
  };
  for (const [name, fn] of Object.entries(helpers)) {
    hb.registerHelper(name, function (this: unknown, ...args: unknown[]) {
      try {
        return fn.apply(this, args);
      } catch (e) {
        if (e instanceof LocatedError) throw e;
        const loc = (args[args.length - 1] as { loc?: hbs.AST.SourceLocation })?.loc;
        const msg = e instanceof LookupError || e instanceof RangeError ? e.message : String((e as Error).message ?? e);
        const text = e instanceof LookupError ? e.text : undefined;
        throw new LocatedError(`${name}: ${msg}`, stack[stack.length - 1] ?? `${dir}/${template.manifest.entry}`, loc?.start.line, loc ? loc.start.column + 1 : undefined, text);
      }
    });
  }
  // Data is data: every {{…}} prints through one of these (see escape.ts).
  hb.registerHelper(DATA_HELPER, (value: unknown) => printable(value));
  hb.registerHelper(OUTPUT_HELPER, (value: unknown) => (value instanceof Handlebars.SafeString ? value.toString() : printable(value)));
  const ours = new Set(Object.keys(helpers));
  const knownHelpers = Object.fromEntries([...ours, DATA_HELPER, OUTPUT_HELPER].map((k) => [k, true]));
  let produced = 0;
  const compileFile = (name: string) => {
    const display = `${dir}/${name}`;
    const source = sanitizeText(template.files.files.get(name)!);
    let ast: hbs.AST.Program;
    try {
      ast = hb.parse(source);
    } catch (e) {
      throw unclosedBlock(source, display) ?? located(e, display);
    }
    checkPartials(ast, partialNames, display);
    const fn = compileAst(hb, markLines(escapeMustaches(ast, ours), fileIndex(name)), knownHelpers, display);
    return (ctx: unknown, options?: Handlebars.RuntimeOptions) => {
      if (stack.length >= LIMITS.partialDepth) throw outputLimit(display, 'depth');
      stack.push(display);
      try {
        const out = fn(ctx, options);
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
    // The context (as-of labels, change rows) is data too: no markers, no control characters.
    output = entry(sanitizeDeep({ ...context, meta: template.manifest.meta }));
  } catch (e) {
    const le = e instanceof LocatedError ? e : located(e, `${dir}/${template.manifest.entry}`);
    throw new TemplateError([{ file: le.file, line: le.line, column: le.column, message: le.text ?? le.message, hint: le.hint ?? hintFor(le.message) }]);
  }
  const { text, lines } = stripMarkers(output, fileNames);
  return { result: { markdown: text, lines, charts, registry }, warnings };
}

function compileAst(hb: typeof Handlebars, ast: hbs.AST.Program, knownHelpers: Record<string, boolean>, display: string) {
  try {
    return hb.compile(ast, { strict: true, knownHelpers, knownHelpersOnly: true, noEscape: true });
  } catch (e) {
    throw located(e, display);
  }
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
  return new LocatedError(clean, file, line, column);
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
  return new LocatedError(`{{#${open.name}}} is never closed`, file, open.line);
}

/** Unknown partials fail at run time without a line; check them when compiling. */
function checkPartials(ast: hbs.AST.Program, known: Set<string>, file: string): void {
  const visit = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    const n = node as { type?: string; name?: { type?: string; original?: string }; loc?: hbs.AST.SourceLocation } & Record<string, unknown>;
    if ((n.type === 'PartialStatement' || n.type === 'PartialBlockStatement') && n.name?.type === 'PathExpression') {
      const name = String(n.name.original);
      if (!known.has(name)) {
        throw new LocatedError(`unknown partial '${name}' (partials: ${[...known].join(', ') || 'none'})`, file, n.loc?.start.line, n.loc ? n.loc.start.column + 1 : undefined);
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

function hintFor(message: string): string | undefined {
  if (/not defined in/.test(message)) return 'the field does not exist: check its spelling, or guard it with {{#if}}';
  if (/unknown helper/.test(message)) return 'see the list of helpers in the README';
  if (/never closed/.test(message)) return 'add the matching {{/…}} where the block ends';
  if (/unknown partial/.test(message)) return 'partials live in the template folder under partials/NAME.hbs';
  if (/unknown (fact|series|indicator|ranking|entity|target)/.test(message)) return 'run `gen-report list` to see the ids available';
  if (/not comparable|repeats the same value/.test(message)) return 'compare points that measure the same thing, or show the figures separately';
  return undefined;
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
      if (!def) throw new LookupError(`unknown chart '${named}' (charts.yaml defines: ${Object.keys(template.charts).join(', ') || 'none'})`);
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
      if (!parsed.success) throw new LookupError(`inline chart: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'spec'}: ${i.message}`).join('; ')}`);
      def = parsed.data;
      id = h.id ?? `chart-${createHash('sha1').update(JSON.stringify(raw)).digest('hex').slice(0, 8)}`;
      if (typeof id !== 'string' || !CHART_ID.test(id)) throw new LookupError(`inline chart id '${String(id)}' is not allowed: ${CHART_ID_HINT}`);
    }
    const line = (options as { loc?: hbs.AST.SourceLocation }).loc?.start.line;
    const earlier = defs.get(id);
    if (earlier && JSON.stringify(earlier.def) !== JSON.stringify(def)) {
      // The model would show the first chart twice.
      throw new LookupError(`chart id '${id}' is already used by a different chart (${earlier.where}); give each chart its own id`);
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
