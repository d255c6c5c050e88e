/** A template folder: its manifest (template.yaml), Handlebars files, partials and charts. */
import type { z } from 'zod';
import type { LineCounter } from 'yaml';
import { yamlLib } from '../util/yaml-lib.js';
import { fastParseYaml } from '../util/fast-yaml.js';
import { yamlToJs } from '../util/yaml-value.js';
import { TemplateError, type Problem } from '../errors.js';
import { msg } from '../i18n/index.js';
import { describeIssue } from '../facts/load.js';
import { yamlSyntaxProblem } from '../util/yaml-errors.js';
import { sanitizeDeep } from '../util/sanitize.js';
import type { Theme } from '../model/theme.js';
import { mergeManifest, resolveTheme } from './inherit.js';
import { chartFileSchema, manifestLayerSchema, manifestSchema, type ChartDefinition, type Manifest } from './schema.js';

export { dateLineSchema, manifestLayerSchema, manifestSchema, themeOverride, type Manifest, type ManifestLayer } from './schema.js';

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

interface ParsedYaml {
  value: unknown;
  locate: (path: PropertyKey[]) => number;
  lines: string[];
}

/** Read by the fast path when it is sure (fast-yaml.ts), by `yaml` otherwise and for a line the fast path cannot place. */
function parseYaml(file: string, text: string): ParsedYaml {
  const fast = fastParseYaml(text);
  if (!fast) return parseWithYaml(file, text);
  let exact: ParsedYaml | undefined;
  return {
    lines: text.split(/\r\n|\r|\n/),
    value: sanitizeDeep(fast.value),
    locate: (path) => fast.locate(path as Array<string | number>)?.line ?? (exact ??= parseWithYaml(file, text)).locate(path),
  };
}

function parseWithYaml(file: string, text: string): ParsedYaml {
  const { LineCounter, parseDocument } = yamlLib();
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
