/**
 * The shapes of a template's two YAML files, template.yaml and charts.yaml,
 * as zod schemas. Dependency-free (zod only): scripts/export-schema.mjs turns
 * them into schema/template.schema.json and schema/charts.schema.json for
 * editors. Messages are catalogue ids (locales/*.json).
 */
import * as z from 'zod';

// One build parses each object schema a few times: generating zod's compiled fast path for each costs more than it saves.
z.config({ jitless: true });

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
    formats: z.array(z.enum(['pptx', 'docx', 'md', 'html'])).min(1).optional(),
    /** The Handlebars file that renders the whole document. */
    entry: z.string().optional(),
    /** Is this the default template for its formats? Never inherited. */
    default: z.boolean().optional(),
    reportPreset: z.enum(['report', 'gbt9704']).optional(),
    /** Append the 数据核对表 (every figure, its source and paragraph) to the report; default: on for the report preset, off for gbt9704. */
    factCheckTable: z.boolean().optional(),
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
    formats: z.array(z.enum(['pptx', 'docx', 'md', 'html'])).min(1),
    entry: z.string(),
    default: z.boolean().default(false),
    reportPreset: z.enum(['report', 'gbt9704']).default('report'),
    currentMonths: z.number().int().min(0).max(24).default(0),
    meta: z.object(metaFields).strict(),
  })
  .strict();

export type Manifest = z.infer<typeof manifestSchema>;

const chartKind = z.enum(['column', 'line', 'combo', 'hbar', 'doughnut', 'stacked', 'rank']);

const itemSchema = z.object({ fact: z.string(), label: z.string().optional() }).strict();

export const chartDefinitionSchema = z
  .object({
    kind: chartKind,
    title: z.string().min(1),
    /** Time series: indicator or ranking ids, one dataset each. */
    series: z.array(z.string()).optional(),
    /** Dataset names, in the order of `series` (default: the series' names). */
    names: z.array(z.string()).optional(),
    /** Categories from single facts: hbar, doughnut, rank, or a column chart of unlike items. */
    items: z.array(itemSchema).optional(),
    /** Doughnut: the fact the items are parts of (a doughnut shows parts of one declared whole). */
    whole: z.string().optional(),
    /** Only points on or after / before these dates. */
    from: z.string().optional(),
    to: z.string().optional(),
    /** native: an editable chart in the pptx; image: the rendered PNG. Default: the build's --charts. */
    output: z.enum(['native', 'image']).optional(),
  })
  .strict()
  .refine((d) => Boolean(d.series?.length) !== Boolean(d.items?.length), { message: 'template.chart-series-or-items' });

export type ChartDefinition = z.infer<typeof chartDefinitionSchema>;
/** Every chart id (charts.yaml keys, inline id="…") names a file in --format md output: no path can hide in it. */
export const CHART_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;
export const CHART_ID_HINT = 'template.chart-id-format';
export const chartFileSchema = z.record(z.string().regex(CHART_ID, { message: CHART_ID_HINT }), chartDefinitionSchema);

