/**
 * The files of a new variant (`gen-report new-template NAME --from PARENT`):
 * a template.yaml that extends PARENT and says only what differs, the
 * parent's entry file to cut down, and an empty charts.yaml, each with
 * comments (in the user's language) saying what to change. Pure: the CLI
 * writes the files.
 */
import { t } from '../i18n/index.js';
import type { LoadedTemplate } from './manifest.js';

export const TEMPLATE_NAME = /^[a-z0-9][a-z0-9-]{0,63}$/;

export interface ScaffoldInput {
  name: string;
  /** The template extended, loaded (its merged manifest and charts). */
  parent: LoadedTemplate;
  /** What `extends:` says: the parent's name, or a relative path to its folder. */
  extendsRef: string;
  /** The schema folder relative to the new folder, POSIX slashes (../../schema). */
  schemaDir: string;
}

const comment = (text: string, prefix = '# ') =>
  text
    .split('\n')
    .map((l) => `${prefix}${l}`.trimEnd())
    .join('\n');

/** A YAML scalar that stays a string whatever it holds (the title may hold ':' or '#'). */
const yamlString = (s: string) => JSON.stringify(s);

export function scaffoldVariant(input: ScaffoldInput): Map<string, string> {
  const { name, parent, extendsRef, schemaDir } = input;
  const m = parent.manifest;
  const from = m.name;
  const files = new Map<string, string>();

  files.set(
    'template.yaml',
    [
      `# yaml-language-server: $schema=${schemaDir}/template.schema.json`,
      comment(t('scaffold.manifest-header', { from })),
      `name: ${name}`,
      `description: ${yamlString(t('scaffold.description', { from }))}`,
      `extends: ${extendsRef}`,
      comment(t('scaffold.inherited', { formats: m.formats.join(', '), entry: m.entry })),
      '# default: false',
      'meta:',
      comment(t('scaffold.title'), '  # '),
      `  title: ${yamlString(m.meta.title)}`,
      ...(m.meta.subtitle !== undefined ? [comment(t('scaffold.subtitle'), '  # '), `  # subtitle: ${yamlString(m.meta.subtitle)}`] : []),
      comment(t('scaffold.issuer'), '  # '),
      '  # issuer: 青岛市××局',
      comment(t('scaffold.date-line'), '  # '),
      '  # dateLine: as-of',
      comment(t('scaffold.theme')),
      '# theme:',
      '#   colors:',
      `#     primary: ${parent.theme.colors.primary}`,
      `#     accent: ${parent.theme.colors.accent}`,
      `#     dark: ${parent.theme.colors.dark}`,
      `#     tint: ${parent.theme.colors.tint}`,
      '',
    ].join('\n'),
  );

  const entry = parent.files.files.get(m.entry) ?? '';
  const partials = [...parent.files.files.keys()].flatMap((f) => /^partials\/(.+)\.hbs$/.exec(f)?.[1] ?? []);
  // Handlebars comments end at the first --}}: keep the text free of it.
  const header = t('scaffold.entry-header', { from, entry: m.entry, partials: partials.length ? partials : '—' }).replace(/--}}/g, '');
  files.set(m.entry, `{{!--\n${header}\n--}}\n${entry}`);

  const ids = Object.keys(parent.charts);
  files.set(
    'charts.yaml',
    [
      `# yaml-language-server: $schema=${schemaDir}/charts.schema.json`,
      comment(t('scaffold.charts-header', { from, charts: ids.length ? ids : '—' })),
      '#',
      comment(t('scaffold.charts-example')),
      '# my-chart:',
      '#   kind: column',
      `#   title: ${t('scaffold.charts-example-title')}`,
      '#   series: [qingdao-5g-base-stations]',
      '',
    ].join('\n'),
  );
  return files;
}
