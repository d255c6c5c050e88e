/** `gen-report build` (the default command). */
import { parseYamlValue } from '../../util/fast-yaml.js';
import { build, FORMATS, MODEL_FORMATS, type Format, type OutputFile } from '../../pipeline/build.js';
import { ChartCache } from '../../charts/index.js';
import type { RebuildCache } from '../../pipeline/rebuild-cache.js';
import path from 'node:path';
import { countChanges, diffData, type FactChange } from '../../diff/index.js';
import type { TextFile } from '../../facts/model.js';
import type { TemplateFiles } from '../../templates/manifest.js';
import { manifestLayerSchema } from '../../templates/manifest.js';
import { UsageError } from '../../errors.js';
import { msg, t } from '../../i18n/index.js';
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { isInside } from '../read-input.js';
import { checkAsOf, checkDateLine, today } from '../args.js';
import { Progress } from '../progress.js';
import type { Warning } from '../../model/document.js';
import type { ChartOutput } from '../../model/chart.js';
import { requireSoffice } from '../pdf.js';
import type { BuildInput } from '../../pipeline/build.js';
import { checkOutDir, listTemplates, templateChain, readDataDir, readDataSnapshot, readPrecompiledTemplates, readTemplateDir, resolveTemplate, writeOutputs, type TemplateChoice } from '../io.js';
import { formatBytes, formatTimings, info, jsonWarnings, printWarnings, say, type Printer } from '../output.js';

export interface BuildArgs extends Printer {
  /** Absent: the template's first format (pptx when no template is named). */
  format?: string[];
  data: string;
  template?: string;
  out: string;
  asOf?: string;
  /** Folder or git revision of the earlier data: adds the 本次更新 slide / section. */
  changesSince?: string;
  /** false with --no-cache: draw every chart afresh. */
  cache?: boolean;
  /** --charts native|image: editable charts or pictures in the deck. */
  charts?: ChartOutput;
  /** --issuer: the issuing office (overrides the template's meta.issuer). */
  issuer?: string;
  /** --date-line: as-of | today | none | YYYY-MM[-DD] (overrides the template's meta.dateLine). */
  dateLine?: string;
}

/** What --format takes: a template's formats, the lineage (json) and pdf (made from the pptx/docx by LibreOffice, in the CLI). */
export type CliFormat = Format | 'pdf';
/** Formats any template writes without declaring them. */
const COMPANIONS: CliFormat[] = [...MODEL_FORMATS, 'pdf'];
const OFFICE: Format[] = ['pptx', 'docx'];

/** `--format` values as given: pptx, docx, md, json, pdf or all, repeatable or comma-separated. */
export function parseFormats(raw: string[]): Array<CliFormat | 'all'> {
  const out = new Set<CliFormat | 'all'>();
  for (const item of raw.flatMap((r) => String(r).split(','))) {
    const f = item.trim();
    if (f === 'all' || (FORMATS as string[]).includes(f) || (COMPANIONS as string[]).includes(f)) out.add(f as CliFormat | 'all');
    else throw new UsageError([{ message: msg('cli.format-unknown', { format: f }), hint: msg('cli.format-hint') }]);
  }
  return [...out];
}

/**
 * The formats a template declares (a variant may inherit them from the
 * template it extends); undefined when a manifest is unreadable (the build
 * reports why). `default` is the template's own: it is never inherited.
 */
export function declaredFormats(dir: string): { formats: Format[]; isDefault: boolean } | undefined {
  let isDefault: boolean | undefined;
  for (const d of templateChain(dir)) {
    try {
      const m = manifestLayerSchema.safeParse(parseYamlValue(readFileSync(path.join(d, 'template.yaml'), 'utf8')));
      if (!m.success) return undefined;
      isDefault ??= m.data.default ?? false;
      if (m.data.formats) return { formats: m.data.formats, isDefault };
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/** The default template for a format: one marked default that lists it, else the first that lists it. */
export function defaultTemplateFor(format: Format): TemplateChoice {
  const templates = listTemplates().map((t) => ({ t, m: declaredFormats(t.dir) }));
  const candidates = templates.flatMap(({ t, m }) => (m?.formats.includes(format) ? [{ t, isDefault: m.isDefault }] : []));
  // A manifest that cannot be read may be the one meant: build it, so the user sees its real error (file:line), not "no template".
  const unreadable = templates.find(({ m }) => m === undefined);
  const pick = candidates.find((c) => c.isDefault) ?? candidates[0] ?? (unreadable && { t: unreadable.t });
  if (!pick) throw new UsageError([{ message: msg('cli.no-template-for-format', { format }), hint: msg('cli.pass-template') }]);
  return { dir: pick.t.dir, name: pick.t.name };
}

export function sourceDateEpoch(): number | undefined {
  const raw = process.env.SOURCE_DATE_EPOCH;
  if (raw === undefined || raw === '') return undefined;
  if (!/^\d+$/.test(raw)) throw new UsageError([{ message: msg('cli.source-date-epoch-bad', { value: raw }), hint: msg('cli.source-date-epoch-hint') }]);
  return Number(raw);
}

export interface TemplateGroup {
  choice: TemplateChoice;
  /** What the pipeline builds for this template. */
  formats: Format[];
  /** Office formats converted to PDF. */
  pdf?: Format[];
  /** Built only to make the PDF: not written. */
  internal?: Format[];
}

/** A built file, marked for the PDF conversion and for whether it is written itself. */
export interface BuiltFile extends OutputFile {
  toPdf?: boolean;
  internal?: boolean;
}

/**
 * Which template writes which format, decided from the arguments and the
 * manifests alone (before any data is read). With --template, formats must be
 * ones the template declares and `all` means all of them; without, each format
 * goes to its default template and `all` means every default template with
 * all its formats.
 */
export function templateGroups(rawFormats: string[] | undefined, template?: string): TemplateGroup[] {
  const all = parseFormats(rawFormats?.length ? rawFormats : []);
  const companions = all.filter((f) => COMPANIONS.includes(f as CliFormat));
  const groups = declaredGroups(all.filter((f): f is Format | 'all' => !companions.includes(f)), template);
  if (!companions.length) return groups;
  // pdf or json alone write only that, for the template the build would use; beside other formats, one per template.
  const alone = companions.length === all.length;
  return groups.map((g) => {
    const formats = alone ? [] : [...g.formats];
    const out: TemplateGroup = { choice: g.choice, formats };
    if (companions.includes('pdf')) {
      let office = formats.filter((f) => OFFICE.includes(f));
      if (!office.length) {
        const declared = declaredFormats(g.choice.dir)?.formats ?? g.formats;
        const first = declared.find((f) => OFFICE.includes(f));
        if (!first) throw new UsageError([{ message: msg('cli.pdf-no-office', { template: g.choice.name, formats: declared }), hint: msg('cli.pdf-no-office-hint') }]);
        office = [first];
        formats.push(first);
        out.internal = [first];
      }
      out.pdf = office;
    }
    if (companions.includes('json')) formats.push('json');
    return out;
  });
}

function declaredGroups(requested: Array<Format | 'all'>, template?: string): TemplateGroup[] {
  if (template) {
    const choice = resolveTemplate(template);
    const declared = declaredFormats(choice.dir)?.formats;
    if (!declared) return [{ choice, formats: requested.filter((f): f is Format => f !== 'all').concat(requested.length ? [] : ['pptx']) }];
    if (!requested.length || requested.includes('all')) return [{ choice, formats: requested.length ? declared : [declared[0]] }];
    const undeclared = requested.filter((f) => !declared.includes(f as Format));
    if (undeclared.length) {
      throw new UsageError([
        { message: msg('cli.format-not-declared', { template: choice.name, format: undeclared, formats: declared }), hint: msg('cli.format-not-declared-hint', { template: choice.name, formats: declared }) },
      ]);
    }
    return [{ choice, formats: requested as Format[] }];
  }
  const groups = new Map<string, TemplateGroup>();
  const add = (choice: TemplateChoice, f: Format) => {
    const g = groups.get(choice.dir) ?? { choice, formats: [] };
    if (!g.formats.includes(f)) g.formats.push(f);
    groups.set(choice.dir, g);
  };
  if (requested.includes('all')) {
    for (const f of FORMATS) {
      const choice = defaultTemplateFor(f);
      const declared = declaredFormats(choice.dir)?.formats ?? [f];
      for (const d of declared) add(choice, d);
    }
  } else {
    for (const f of requested.length ? (requested as Format[]) : (['pptx'] as Format[])) add(defaultTemplateFor(f), f);
  }
  return [...groups.values()];
}

export interface BuildRun {
  files: BuiltFile[];
  warnings: Warning[];
  timings: Record<string, number>;
  asOf: string;
  dataHash: string;
}

/** Build every template group from data (and optionally templates) already read; writes nothing. Watch mode calls it on each change with one RebuildCache. */
export async function buildGroups(
  groups: TemplateGroup[],
  data: TextFile[],
  options: { asOf?: string; timestamp?: number; today?: string; chartCache?: ChartCache; cache?: RebuildCache; precompiledTemplates?: BuildInput['precompiledTemplates']; changes?: FactChange[]; templates?: TemplateFiles[]; charts?: ChartOutput; issuer?: string; dateLine?: string; html?: BuildInput['html']; onStage?: (stage: string) => void },
): Promise<BuildRun> {
  const run: BuildRun = { files: [], warnings: [], timings: {}, asOf: '', dataHash: '' };
  const { templates, ...buildOptions } = options;
  for (const [i, g] of groups.entries()) {
    const template = templates?.[i] ?? (await readTemplateDir(g.choice.dir));
    const r = await build({ data, template, formats: g.formats, ...buildOptions });
    run.files.push(...r.result.files.map((f) => ({ ...f, ...(g.pdf?.includes(f.format as Format) ? { toPdf: true } : {}), ...(g.internal?.includes(f.format as Format) ? { internal: true } : {}) })));
    run.warnings.push(...r.warnings);
    for (const [k, v] of Object.entries(r.result.timings)) run.timings[k] = (run.timings[k] ?? 0) + v;
    run.asOf = r.result.asOf;
    run.dataHash = r.result.dataHash;
  }
  return run;
}

export interface ChangesSince {
  label: string;
  changes: FactChange[];
  warnings: Warning[];
}

/** `--changes-since OLD`: the diff from OLD (folder or git revision) to the data being built. */
export async function changesSince(spec: string, dataDir: string, data: TextFile[], asOf?: string): Promise<ChangesSince> {
  const old = await readDataSnapshot(spec, dataDir);
  const d = diffData(old.files, data, { asOf });
  // The new data's own warnings come from the build itself.
  return { label: old.label, changes: d.result, warnings: d.warnings.filter((w) => w.code.startsWith('diff-')) };
}

export function describeChangesSince(c: ChangesSince): string {
  const n = countChanges(c.changes);
  if (!c.changes.length) return t('cli.changes-since-none', { since: c.label });
  return t('cli.changes-since', { since: c.label, count: c.changes.length, ...n });
}

export async function runBuild(args: BuildArgs): Promise<number> {
  // Every argument is checked before anything is read or written.
  checkAsOf(args.asOf);
  checkDateLine(args.dateLine);
  checkOutDir(args.out);
  const timestamp = sourceDateEpoch();
  const groups = templateGroups(args.format, args.template);
  // LibreOffice is looked for before anything is built.
  const soffice = groups.some((g) => g.pdf) ? requireSoffice() : undefined;
  const progress = new Progress(args);
  try {
    progress.stage('read');
    const data = await readDataDir(args.data);
    const since = args.changesSince ? await changesSince(args.changesSince, args.data, data, args.asOf) : undefined;
    const chartCache = args.cache === false ? undefined : diskChartCache(args.out);
    const r = await buildGroups(groups, data, { asOf: args.asOf, timestamp, today: today(), changes: since?.changes, chartCache, precompiledTemplates: readPrecompiledTemplates(groups.map((g) => path.basename(g.choice.dir))), charts: args.charts, issuer: args.issuer, dateLine: args.dateLine, onStage: (s) => progress.stage(s) });
    const { files, timings, asOf, dataHash } = r;
    const warnings = [...(since?.warnings ?? []), ...r.warnings];
    progress.stage('write');
    if (soffice && files.some((f) => f.toPdf)) progress.stage('pdf');
    const written = await writeOutputs(args.out, files, soffice);
    progress.done();
    if (args.json) {
      const changes = since && { since: since.label, ...countChanges(since.changes) };
      process.stdout.write(
        `${JSON.stringify({ files: written, asOf, dataHash, timings, ...(changes ? { changes } : {}), warnings: jsonWarnings(warnings) }, null, 2)}\n`,
      );
      return 0;
    }
    printWarnings(args, warnings);
    if (since) info(args, describeChangesSince(since));
    for (const w of written) if (!w.path.endsWith('.png')) say(args, 'cli.wrote', { file: w.path, size: formatBytes(w.bytes) });
    // An html folder's images travel with its index.html; the Markdown's sit beside the .md.
    const inHtml = (i: number) => files[i].name.split('/')[0].endsWith('-html');
    const images = written.filter((w, i) => w.path.endsWith('.png') && !inHtml(i)).length;
    const htmlImages = written.filter((w, i) => w.path.endsWith('.png') && inHtml(i)).length;
    if (images) say(args, 'cli.wrote-images', { count: images });
    if (htmlImages) say(args, 'cli.wrote-html-images', { count: htmlImages });
    if (args.verbose) {
      const cache = chartCache ? t('cli.chart-cache', { drawn: chartCache.misses, cached: chartCache.hits }) : '';
      say(args, 'cli.timings', { timings: formatTimings(timings), cache });
    }
    return 0;
  } finally {
    progress.done();
  }
}

/**
 * Rendered charts kept beside the output (output/.cache/charts), so a rebuild
 * after a data change draws only the charts whose data changed.
 */
export function diskChartCache(outDir: string): ChartCache {
  const dir = path.join(outDir, '.cache', 'charts');
  // A .cache that is a link leading out of --out is not written through: keep the cache in memory.
  if (!cacheStaysInside(outDir, dir)) return new ChartCache({});
  return new ChartCache({ dir });
}

function cacheStaysInside(outDir: string, dir: string): boolean {
  // Only what exists can lead elsewhere; the cache creates the rest inside outDir.
  let existing = dir;
  while (!existsSync(existing) && existing !== outDir && path.dirname(existing) !== existing) existing = path.dirname(existing);
  if (!existsSync(outDir) || !existsSync(existing)) return true;
  return isInside(realpathSync(existing), realpathSync(outDir));
}
