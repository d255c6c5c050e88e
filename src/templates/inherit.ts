/**
 * How a variant (`extends:`) merges with the template it extends: fields it
 * sets replace the parent's, meta and theme merge key by key, and chart
 * colours follow the theme colours unless the series palette is set.
 */
import { defaultTheme } from '../model/default-theme.js';
import type { Theme } from '../model/theme.js';
import type { Manifest, ManifestLayer } from './manifest.js';

type ThemeOverride = NonNullable<Manifest['theme']>;

/** Drop keys whose value is undefined, so a spread never erases an inherited value. */
function defined<T extends object>(o: T | undefined): Partial<T> {
  return Object.fromEntries(Object.entries(o ?? {}).filter(([, v]) => v !== undefined)) as Partial<T>;
}

export function mergeTheme(parent: ThemeOverride | undefined, own: ThemeOverride | undefined): ThemeOverride | undefined {
  if (!parent) return own;
  if (!own) return parent;
  const out: ThemeOverride = { ...parent };
  for (const key of ['colors', 'fonts', 'report', 'sizes'] as const) {
    if (parent[key] || own[key]) (out as Record<string, unknown>)[key] = { ...parent[key], ...defined(own[key]) };
  }
  if (own.fontFiles) out.fontFiles = own.fontFiles;
  return out;
}

/** The variant's manifest over its parent's (already resolved). `default` is never inherited. */
export function mergeManifest(parent: Manifest, own: ManifestLayer): Manifest {
  const { meta, theme, ...rest } = own;
  return {
    ...parent,
    ...defined(rest),
    name: own.name,
    description: own.description,
    extends: own.extends,
    default: own.default ?? false,
    meta: { ...parent.meta, ...defined(meta) },
    theme: mergeTheme(parent.theme, theme),
  };
}

/**
 * Chart series colours when the template does not list them: the theme's
 * primary, accent, dark and secondary colours, then the default palette's
 * remaining ones. With the default colours this is the default palette.
 */
export function seriesFromColors(c: Pick<Theme['colors'], 'primary' | 'accent' | 'dark' | 'secondary'>): string[] {
  return [c.primary, c.accent, c.dark, c.secondary, ...defaultTheme.colors.series.slice(4)];
}

export function resolveTheme(o: ThemeOverride = {}): Theme {
  const colors = { ...defaultTheme.colors, ...o.colors };
  return {
    colors: { ...colors, series: o.colors?.series ?? seriesFromColors(colors) },
    fonts: { ...defaultTheme.fonts, ...o.fonts },
    report: { ...defaultTheme.report, ...o.report },
    fontFiles: o.fontFiles ?? defaultTheme.fontFiles,
    sizes: { ...defaultTheme.sizes, ...o.sizes },
  };
}
