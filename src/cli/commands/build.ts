/** `gen-report build` (the default command). */
import { parse as parseYaml } from 'yaml';
import { build, FORMATS, type Format, type OutputFile } from '../../pipeline/build.js';
import { manifestSchema } from '../../templates/manifest.js';
import { UsageError } from '../../errors.js';
import type { Warning } from '../../model/document.js';
import { listTemplates, readDataDir, readTemplateDir, resolveTemplate, writeOutputs, type TemplateChoice } from '../io.js';
import { formatBytes, formatTimings, info, printWarnings, type Printer } from '../output.js';

export interface BuildArgs extends Printer {
  format: string[];
  data: string;
  template?: string;
  out: string;
  asOf?: string;
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

export async function runBuild(args: BuildArgs): Promise<number> {
  const formats = parseFormats(args.format);
  const data = await readDataDir(args.data);
  // Each format goes to its own default template unless one is named.
  const groups = new Map<string, { choice: TemplateChoice; formats: Format[] }>();
  for (const f of formats) {
    const choice = args.template ? resolveTemplate(args.template) : defaultTemplateFor(f);
    const g = groups.get(choice.dir) ?? { choice, formats: [] };
    g.formats.push(f);
    groups.set(choice.dir, g);
  }
  const files: OutputFile[] = [];
  const warnings: Warning[] = [];
  const timings: Record<string, number> = {};
  let asOf = '';
  let dataHash = '';
  const timestamp = sourceDateEpoch();
  for (const g of groups.values()) {
    const template = await readTemplateDir(g.choice.dir);
    const r = await build({ data, template, formats: g.formats, asOf: args.asOf, timestamp });
    files.push(...r.result.files);
    warnings.push(...r.warnings);
    for (const [k, v] of Object.entries(r.result.timings)) timings[k] = (timings[k] ?? 0) + v;
    asOf = r.result.asOf;
    dataHash = r.result.dataHash;
  }
  const written = await writeOutputs(args.out, files);
  if (args.json) {
    process.stdout.write(
      `${JSON.stringify({ files: written.map((w, i) => ({ ...w, format: files[i].format })), asOf, dataHash, timings, warnings }, null, 2)}\n`,
    );
  } else {
    printWarnings(args, warnings);
    for (const w of written) if (!w.path.endsWith('.png')) info(args, `wrote ${w.path}  ${formatBytes(w.bytes)}`);
    const images = written.filter((w) => w.path.endsWith('.png')).length;
    if (images) info(args, `wrote ${images} chart images for the Markdown`);
    info(args, `stages: ${formatTimings(timings)}`);
  }
  return 0;
}
