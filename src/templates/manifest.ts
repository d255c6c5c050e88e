/** A template folder: its manifest (template.yaml), Handlebars files, partials and charts. */
import { z } from 'zod';
import { LineCounter, parseDocument } from 'yaml';
import { yamlToJs } from '../util/yaml-value.js';
import { TemplateError, type Problem } from '../errors.js';
import { msg } from '../i18n/index.js';
import { describeIssue } from '../facts/load.js';
import { yamlSyntaxProblem } from '../util/yaml-errors.js';
import { sanitizeDeep } from '../util/sanitize.js';
import type { Theme } from '../model/theme.js';
import { mergeManifest, resolveTheme } from './inherit.js';
import { chartFileSchema, type ChartDefinition } from './charts.js';

export interface TemplateFiles {
  /** Folder as shown in messages, e.g. templates/qingdao-briefing. */
  dir: string;
  /** Path relative to the folder → text. */
  files: Map<string, string>;
  /** Path relative to the folder → where the file really is (as shown in messages), for files inherited with extends:. */
  origins?: Map<string, string>;
  /** The template this one extends, as read: its manifest and charts.yaml are merged under this one's. */
  parent?: TemplateFiles;
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

export const themeOverride = z
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

/** The date under the issuer: the deck's as-of month, the build day, a fixed ISO date, or none. */
export const dateLineSchema = z.union([
  z.enum(['as-of', 'today', 'none']),
  z.string().regex(/^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$/, { message: 'template.date-line-format' }),
]);

const metaFields = {
  title: z.string(),
  subtitle: z.string().optional(),
  /** The issuing office printed on the cover, the closing slide and the 落款. Unset: left blank, with a warning. */
  issuer: z.string().optional(),
  dateLine: dateLineSchema.optional(),
};

const templateName = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, { message: 'template.name-format' });

/** What one template.yaml may hold. A variant (extends:) inherits whatever it leaves out. */
export const manifestLayerSchema = z
  .object({
    name: templateName,
    description: z.string(),
    /** Template whose files, manifest, partials and charts this one inherits and overrides. */
    extends: z.string().optional(),
    /** Output formats this template is written for; the first template listing a format is its default. */
    formats: z.array(z.enum(['pptx', 'docx', 'md'])).min(1).optional(),
    /** The Handlebars file that renders the whole document. */
    entry: z.string().optional(),
    /** Is this the default template for its formats? Never inherited. */
    default: z.boolean().optional(),
    reportPreset: z.enum(['report', 'gbt9704']).optional(),
    /**
     * How many months before the deck's month a figure may be dated and still be
     * stated without its date (0: only the deck's own month). Older figures are
     * printed with their period.
     */
    currentMonths: z.number().int().min(0).max(24).optional(),
    /** native: editable charts in the deck; image: pictures (default). --charts and a chart's own output: override it. */
    charts: z.enum(['native', 'image']).optional(),
    meta: z.object(metaFields).partial().strict().optional(),
    theme: themeOverride.optional(),
  })
  .strict();

export type ManifestLayer = z.infer<typeof manifestLayerSchema>;

/** A template with nothing to inherit must say everything; its manifest is also the resolved one. */
export const manifestSchema = manifestLayerSchema
  .extend({
    formats: z.array(z.enum(['pptx', 'docx', 'md'])).min(1),
    entry: z.string(),
    default: z.boolean().default(false),
    reportPreset: z.enum(['report', 'gbt9704']).default('report'),
    currentMonths: z.number().int().min(0).max(24).default(0),
    meta: z.object(metaFields).strict(),
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

/** This folder's own text of a file, or undefined when it has none (or the file is the parent's, inherited). */
export function ownFile(files: TemplateFiles, name: string): string | undefined {
  const text = files.files.get(name);
  const parent = files.parent;
  if (text === undefined || !parent) return text;
  const inherited = parent.files.get(name);
  if (inherited === undefined) return text;
  const origin = files.origins?.get(name);
  const same = origin !== undefined && parent.origins?.get(name) !== undefined ? origin === parent.origins.get(name) : text === inherited;
  return same ? undefined : text;
}

/** Where a file really is, as shown in messages (an inherited file: in the parent's folder). */
export function displayOf(files: TemplateFiles, name: string): string {
  return files.origins?.get(name) ?? `${files.dir}/${name}`;
}

/**
 * Load a template, merging what it extends: the manifest field by field
 * (meta and theme key by key), charts by id, partials by name (files of the
 * same name replace the parent's). Each file is checked on its own, so an
 * error names the file it is in.
 */
export function loadTemplate(files: TemplateFiles): LoadedTemplate {
  const manifestText = ownFile(files, 'template.yaml');
  if (manifestText === undefined) {
    throw new TemplateError([{ file: files.dir, message: msg('template.no-manifest'), hint: msg('template.no-manifest-hint') }]);
  }
  const parent = files.parent ? loadTemplate(files.parent) : undefined;
  const manifestFile = displayOf(files, 'template.yaml');
  const m = parseYaml(manifestFile, manifestText);
  // A template with nothing to inherit must be complete; a variant only says what differs.
  const parsed = (parent ? manifestLayerSchema : manifestSchema).safeParse(m.value);
  if (!parsed.success) throw new TemplateError(schemaProblems(manifestFile, parsed.error, m));
  const manifest = parent ? mergeManifest(parent.manifest, parsed.data) : (parsed.data as Manifest);
  if (!files.files.has(manifest.entry)) {
    throw new TemplateError([{ file: manifestFile, line: m.locate(['entry']), message: msg('template.entry-missing', { entry: manifest.entry, dir: files.dir }), hint: msg('template.entry-missing-hint') }]);
  }
  let charts: Record<string, ChartDefinition> = {};
  const chartsText = ownFile(files, 'charts.yaml');
  if (chartsText !== undefined) {
    const chartsFile = displayOf(files, 'charts.yaml');
    const c = parseYaml(chartsFile, chartsText);
    const pc = chartFileSchema.safeParse(c.value);
    if (!pc.success) throw new TemplateError(schemaProblems(chartsFile, pc.error, c));
    charts = pc.data;
  }
  return { files, manifest, theme: resolveTheme(manifest.theme), charts: { ...parent?.charts, ...charts } };
}
