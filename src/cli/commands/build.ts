/** `gen-report build` (the default command). */
import { parse as parseYaml } from 'yaml';
import { build, FORMATS, type Format, type OutputFile } from '../../pipeline/build.js';
import { ChartCache } from '../../charts/index.js';
import path from 'node:path';
import { countChanges, diffData, type FactChange } from '../../diff/index.js';
import type { TextFile } from '../../facts/model.js';
import type { TemplateFiles } from '../../templates/manifest.js';
import { manifestSchema } from '../../templates/manifest.js';
import { UsageError } from '../../errors.js';
import type { Warning } from '../../model/document.js';
import { listTemplates, readDataDir, readDataSnapshot, readTemplateDir, resolveTemplate, writeOutputs, type TemplateChoice } from '../io.js';
import { formatBytes, formatTimings, info, printWarnings, type Printer } from '../output.js';

export interface BuildArgs extends Printer {
  format: string[];
  data: string;
  template?: string;
  out: string;
  asOf?: string;
  /** Folder or git revision of the earlier data: adds the 本次更新 slide / section. */
  changesSince?: string;
  /** false with --no-cache: draw every chart afresh. */
  cache?: boolean;
}

export function parseFormats(raw: string[]): Format[] {
  const out = new Set<Format>();
  for (const item of raw.flatMap((r) => String(r).split(','))) {
    const f = item.trim();
    if (f === 'all') FORMATS.forEach((x) => out.add(x));
    else if ((FORMATS as string[]).includes(f)) out.add(f as Format);
    else throw new UsageError([{ message: `unknown format '${f}'`, hint: 'use --format pptx, docx, md or all' }]);
  }
  return [...out];
}

/** The default template for a format: one marked default that lists it, else the first that lists it. */
export function defaultTemplateFor(format: Format): TemplateChoice {
  const candidates = listTemplates().flatMap((t) => {
    const m = manifestSchema.safeParse(parseYaml(t.manifestText));
    return m.success && m.data.formats.includes(format) ? [{ t, isDefault: m.data.default }] : [];
  });
  const pick = candidates.find((c) => c.isDefault) ?? candidates[0];
  if (!pick) throw new UsageError([{ message: `no template for format '${format}' found`, hint: 'pass --template NAME|DIR' }]);
  return { dir: pick.t.dir, name: pick.t.name };
}

export function sourceDateEpoch(): number | undefined {
  const raw = process.env.SOURCE_DATE_EPOCH;
  if (raw === undefined || raw === '') return undefined;
  if (!/^\d+$/.test(raw)) throw new UsageError([{ message: `SOURCE_DATE_EPOCH='${raw}' is not a number of seconds` }]);
  return Number(raw);
}

export interface TemplateGroup {
  choice: TemplateChoice;
  formats: Format[];
}

/** Each format goes to its own default template unless one is named. */
export function templateGroups(formats: Format[], template?: string): TemplateGroup[] {
  const groups = new Map<string, TemplateGroup>();
  for (const f of formats) {
    const choice = template ? resolveTemplate(template) : defaultTemplateFor(f);
    const g = groups.get(choice.dir) ?? { choice, formats: [] };
    g.formats.push(f);
    groups.set(choice.dir, g);
  }
  return [...groups.values()];
}

export interface BuildRun {
  files: OutputFile[];
  warnings: Warning[];
  timings: Record<string, number>;
  asOf: string;
  dataHash: string;
}

/** Build every template group from data (and optionally templates) already read; writes nothing. Watch mode calls it on each change. */
export async function buildGroups(
  groups: TemplateGroup[],
  data: TextFile[],
  options: { asOf?: string; timestamp?: number; chartCache?: ChartCache; changes?: FactChange[]; templates?: TemplateFiles[] },
): Promise<BuildRun> {
  const run: BuildRun = { files: [], warnings: [], timings: {}, asOf: '', dataHash: '' };
  const { templates, ...buildOptions } = options;
  for (const [i, g] of groups.entries()) {
    const template = templates?.[i] ?? (await readTemplateDir(g.choice.dir));
    const r = await build({ data, template, formats: g.formats, ...buildOptions });
    run.files.push(...r.result.files);
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
  if (!c.changes.length) return `no changes since ${c.label}: no 本次更新 slide`;
  return `changes since ${c.label}: ${c.changes.length} (${n.changed} changed, ${n.added} added, ${n.removed} removed)`;
}

export async function runBuild(args: BuildArgs): Promise<number> {
  const formats = parseFormats(args.format);
  const data = await readDataDir(args.data);
  const groups = templateGroups(formats, args.template);
  const since = args.changesSince ? await changesSince(args.changesSince, args.data, data, args.asOf) : undefined;
  const chartCache = args.cache === false ? undefined : diskChartCache(args.out);
  const r = await buildGroups(groups, data, { asOf: args.asOf, timestamp: sourceDateEpoch(), changes: since?.changes, chartCache });
  const { files, timings, asOf, dataHash } = r;
  const warnings = [...(since?.warnings ?? []), ...r.warnings];
  const written = await writeOutputs(args.out, files);
  if (args.json) {
    const changes = since && { since: since.label, ...countChanges(since.changes) };
    process.stdout.write(
      `${JSON.stringify({ files: written.map((w, i) => ({ ...w, format: files[i].format })), asOf, dataHash, timings, ...(changes ? { changes } : {}), warnings }, null, 2)}\n`,
    );
  } else {
    printWarnings(args, warnings);
    if (since) info(args, describeChangesSince(since));
    for (const w of written) if (!w.path.endsWith('.png')) info(args, `wrote ${w.path}  ${formatBytes(w.bytes)}`);
    const images = written.filter((w) => w.path.endsWith('.png')).length;
    if (images) info(args, `wrote ${images} chart images for the Markdown`);
    info(args, `stages: ${formatTimings(timings)}${chartCache ? ` · charts: ${chartCache.misses} drawn, ${chartCache.hits} from cache` : ''}`);
  }
  return 0;
}

/**
 * Rendered charts kept beside the output (output/.cache/charts), so a rebuild
 * after a data change draws only the charts whose data changed.
 */
export function diskChartCache(outDir: string): ChartCache {
  return new ChartCache({ dir: path.join(outDir, '.cache', 'charts') });
}
