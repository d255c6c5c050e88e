/** A template folder: its manifest (template.yaml), Handlebars files, partials and charts. */
import { z } from 'zod';
import { LineCounter, parseDocument } from 'yaml';
import { yamlToJs } from '../util/yaml-value.js';
import { TemplateError, type Problem } from '../errors.js';
import { msg } from '../i18n/index.js';
import { describeIssue } from '../facts/load.js';
import { yamlSyntaxProblem } from '../util/yaml-errors.js';
import { sanitizeDeep } from '../util/sanitize.js';
import { defaultTheme } from '../model/default-theme.js';
import type { Theme } from '../model/theme.js';
import { chartFileSchema, type ChartDefinition } from './charts.js';

export interface TemplateFiles {
  /** Folder as shown in messages, e.g. templates/qingdao-briefing. */
  dir: string;
  /** Path relative to the folder → text. */
  files: Map<string, string>;
  /** Path relative to the folder → where the file really is (as shown in messages), for files inherited with extends:. */
  origins?: Map<string, string>;
}

// YAML reads an all-digit colour such as 595959 as a number; take it back as text.
const hex = z.preprocess(
  (v) => (typeof v === 'number' && Number.isInteger(v) ? String(v).padStart(6, '0') : v),
  z.string().regex(/^[0-9A-Fa-f]{6}$/, { message: 'template.colour-format' }),
);

/** Font sizes in points: readable on a slide or a page, and inside OOXML's range (1–4000 pt). */
const pointSize = z
  .number()
  .min(6, { message: 'template.font-size-min' })
  .max(120, { message: 'template.font-size-max' });

const themeOverride = z
  .object({
    colors: z
      .object({ primary: hex, accent: hex, dark: hex, tint: hex, text: hex, secondary: hex, series: z.array(hex).min(1) })
      .partial()
      .strict()
      .optional(),
    fonts: z.object({ eastAsia: z.string(), latin: z.string(), headingEastAsia: z.string(), headingLatin: z.string() }).partial().strict().optional(),
    report: z
      .object({ body: z.string(), title: z.string(), heading1: z.string(), heading2: z.string(), heading3: z.string(), pageNumber: z.string(), latin: z.string() })
      .partial()
      .strict()
      .optional(),
    fontFiles: z.array(z.string()).optional(),
    sizes: z
      .object({ coverTitle: pointSize, title: pointSize, body: pointSize, minBody: pointSize, source: pointSize })
      .partial()
      .strict()
      .optional(),
  })
  .strict();

export const manifestSchema = z
  .object({
    name: z.string().regex(/^[a-z0-9-]+$/, { message: 'template.name-format' }),
    description: z.string(),
    /** Template whose files this one inherits (read by the CLI before this stage). */
    extends: z.string().optional(),
    /** Output formats this template is written for; the first template listing a format is its default. */
    formats: z.array(z.enum(['pptx', 'docx', 'md', 'html'])).min(1),
    /** The Handlebars file that renders the whole document. */
    entry: z.string(),
    /** Is this the default template for its formats? */
    default: z.boolean().default(false),
    reportPreset: z.enum(['report', 'gbt9704']).default('report'),
    /** Append the 数据核对表 to the report; default: on for the working report, off for GB/T 9704. */
    factCheckTable: z.boolean().optional(),
    /**
     * How many months before the deck's month a figure may be dated and still be
     * stated without its date (0: only the deck's own month). Older figures are
     * printed with their period.
     */
    currentMonths: z.number().int().min(0).max(24).default(0),
    /** native: editable charts in the deck; image: pictures (default). --charts and a chart's own output: override it. */
    charts: z.enum(['native', 'image']).optional(),
    meta: z.object({ title: z.string(), subtitle: z.string().optional(), issuer: z.string() }).strict(),
    theme: themeOverride.optional(),
  })
  .strict();

export type Manifest = z.infer<typeof manifestSchema>;

export interface LoadedTemplate {
  files: TemplateFiles;
  manifest: Manifest;
  theme: Theme;
  charts: Record<string, ChartDefinition>;
}

function templateYamlValue(doc: Parameters<typeof yamlToJs>[0], counter: LineCounter, file: string): unknown {
  const v = yamlToJs(doc, counter, file);
  if ('problem' in v) throw new TemplateError([v.problem]);
  return v.value;
}

function parseYaml(file: string, text: string): { value: unknown; locate: (path: PropertyKey[]) => number; lines: string[] } {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length) throw new TemplateError([yamlSyntaxProblem(file, text, doc.errors[0], counter)]);
  return {
    lines: text.split(/\r\n|\r|\n/),
    value: sanitizeDeep(templateYamlValue(doc, counter, file) ?? {}),
    locate: (path) => {
      for (let n = path.length; n >= 0; n--) {
        const node = doc.getIn(path.slice(0, n), true) as { range?: [number, number] } | undefined;
        if (node?.range) return counter.linePos(node.range[0]).line;
      }
      return 1;
    },
  };
}

function schemaProblems(file: string, error: z.ZodError, y: { locate: (path: PropertyKey[]) => number; lines: string[] }): Problem[] {
  return error.issues.map((i) => {
    const line = y.locate(i.code === 'unrecognized_keys' ? [...i.path, i.keys[0]] : i.path);
    const d = describeIssue({ ...i, path: i.path.length ? [i.path.map(String).join('.')] : [] } as z.core.$ZodIssue, y.lines[line - 1] ?? '');
    return { file, line, message: d.message, hint: d.hint ?? msg('template.manifest-hint') };
  });
}

export function loadTemplate(files: TemplateFiles): LoadedTemplate {
  const manifestText = files.files.get('template.yaml');
  if (manifestText === undefined) {
    throw new TemplateError([{ file: files.dir, message: msg('template.no-manifest'), hint: msg('template.no-manifest-hint') }]);
  }
  const displayOf = (name: string) => files.origins?.get(name) ?? `${files.dir}/${name}`;
  const m = parseYaml(displayOf('template.yaml'), manifestText);
  const parsed = manifestSchema.safeParse(m.value);
  if (!parsed.success) throw new TemplateError(schemaProblems(displayOf('template.yaml'), parsed.error, m));
  const manifest = parsed.data;
  if (!files.files.has(manifest.entry)) {
    throw new TemplateError([{ file: displayOf('template.yaml'), line: m.locate(['entry']), message: msg('template.entry-missing', { entry: manifest.entry, dir: files.dir }), hint: msg('template.entry-missing-hint') }]);
  }
  let charts: Record<string, ChartDefinition> = {};
  const chartsText = files.files.get('charts.yaml');
  if (chartsText !== undefined) {
    const c = parseYaml(displayOf('charts.yaml'), chartsText);
    const pc = chartFileSchema.safeParse(c.value);
    if (!pc.success) throw new TemplateError(schemaProblems(displayOf('charts.yaml'), pc.error, c));
    charts = pc.data;
  }
  const o = manifest.theme ?? {};
  const theme: Theme = {
    colors: { ...defaultTheme.colors, ...o.colors },
    fonts: { ...defaultTheme.fonts, ...o.fonts },
    report: { ...defaultTheme.report, ...o.report },
    fontFiles: o.fontFiles ?? defaultTheme.fontFiles,
    sizes: { ...defaultTheme.sizes, ...o.sizes },
  };
  return { files, manifest, theme, charts };
}
