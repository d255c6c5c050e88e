/**
 * Font files shared by chart rendering and slide text measurement, so a
 * chart label and a fitted text box are measured with the same metrics.
 */
import type { SKRSContext2D } from '@napi-rs/canvas';
import { existsSync, realpathSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { readCoverage, type Coverage } from './sfnt.js';
import { readAdvanceTable, type AdvanceTable } from './advances.js';

export { readCoverage, readFontFaces, type Coverage, type FontFace } from './sfnt.js';

/** Family name every renderer asks for; registered from the bundled or themed files. */
export const FONT_FAMILY = 'GenReport Sans';

export const packageRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export const bundledFontFiles = [
  path.join(packageRoot, 'assets/fonts/NotoSansSC-Regular.subset.otf'),
  path.join(packageRoot, 'assets/fonts/NotoSansSC-Bold.subset.otf'),
];

/**
 * @napi-rs/canvas loads on first use (dlopen and font registration cost
 * 50-70 ms): slide text is measured from the font files' own tables, and a
 * build whose charts all come from the cache may never need it.
 */
let canvasModule: typeof import('@napi-rs/canvas') | undefined;
function canvas(): typeof import('@napi-rs/canvas') {
  canvasModule ??= loadingCanvas(() => createRequire(import.meta.url)('@napi-rs/canvas') as typeof import('@napi-rs/canvas'));
  return canvasModule;
}

/**
 * Run `load`, which loads @napi-rs/canvas (ours, or chartjs-node-canvas's
 * copy, installed as `canvas`), without the load listing every installed font
 * in GlobalFonts.families: about 30 ms with the CJK fonts, for a list we never
 * read. Installed fonts are still found by name and for fallback (its README).
 */
export function loadingCanvas<T>(load: () => T): T {
  const before = process.env.DISABLE_SYSTEM_FONTS_LOAD;
  process.env.DISABLE_SYSTEM_FONTS_LOAD = '1';
  try {
    return load();
  } finally {
    if (before === undefined) delete process.env.DISABLE_SYSTEM_FONTS_LOAD;
    else process.env.DISABLE_SYSTEM_FONTS_LOAD = before;
  }
}

const registered = new Set<string>();

/** Register font files under FONT_FAMILY (idempotent). */
export function registerFonts(files: string[] = bundledFontFiles): void {
  for (const file of files) {
    if (registered.has(file)) continue;
    const key = canvas().GlobalFonts.registerFromPath(file, FONT_FAMILY);
    if (!key) throw new Error(`could not load font file ${file}`);
    registered.add(file);
  }
}

/** Theme font files get their own family each: two files under one family would make the winner depend on registration order. */
const themeAliases = new Map<string, string>();

/**
 * Folders a theme may take font files from: the package's assets/fonts and
 * the system's font folders. Nothing else on the machine is ever opened.
 */
export function fontFolders(): string[] {
  const windows = process.env.WINDIR ? [path.join(process.env.WINDIR, 'Fonts')] : [];
  return [path.join(packageRoot, 'assets/fonts'), '/usr/share/fonts', '/usr/local/share/fonts', '/Library/Fonts', '/System/Library/Fonts', ...windows];
}

const FONT_EXTENSION = /\.(ttf|otf|ttc|otc)$/i;

/**
 * A theme font path as a real absolute path; relative paths are taken from the
 * package root. Symlinks are followed before the folder check, so a link in
 * assets/fonts cannot point elsewhere.
 */
export function resolveFontFile(file: string): string {
  const full = path.isAbsolute(file) ? file : path.join(packageRoot, file);
  if (!existsSync(full)) throw new Error(`font file not found: ${full}`);
  const real = realpathSync(full);
  const inside = fontFolders().some((dir) => {
    if (!existsSync(dir)) return false;
    const rel = path.relative(realpathSync(dir), real);
    return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
  });
  if (!inside || !FONT_EXTENSION.test(real)) {
    throw new Error(`font file ${file} is not a .ttf/.otf/.ttc file inside assets/fonts or a system font folder (${real})`);
  }
  return real;
}

export interface FontStack {
  /** CSS font-family list: theme fonts first, the bundled font last as the fallback. */
  family: string;
  /** Every file the stack draws from, in the same order (for coverage and cache keys). */
  files: string[];
}

/** Theme aliases registered with canvas so far. */
const registeredAliases = new Set<string>();

/**
 * The family list and files for the theme's extra font files, without
 * loading canvas or registering anything: enough to check coverage, plan and
 * key the cache, so a build whose charts all come from the cache never loads
 * the fonts into Skia. Throws a plain Error naming a file that is not allowed.
 */
export function resolveFontStack(themeFontFiles: string[] = []): FontStack {
  const families: string[] = [];
  const files: string[] = [];
  for (const raw of themeFontFiles) {
    const file = resolveFontFile(raw);
    if (files.includes(file) || bundledFontFiles.includes(file)) continue;
    let alias = themeAliases.get(file);
    if (!alias) {
      alias = `GenReport Theme ${themeAliases.size + 1}`;
      themeAliases.set(file, alias);
    }
    families.push(`"${alias}"`);
    files.push(file);
  }
  families.push(`"${FONT_FAMILY}"`);
  files.push(...bundledFontFiles);
  return { family: families.join(', '), files };
}

/** Register a resolved stack's files with canvas (idempotent), before drawing or measuring with its family list. */
export function registerFontStack(stack: FontStack): void {
  registerFonts();
  for (const file of stack.files) {
    const alias = themeAliases.get(file);
    if (!alias || registeredAliases.has(alias)) continue;
    if (!canvas().GlobalFonts.registerFromPath(file, alias)) throw new Error(`could not load font file ${file}`);
    registeredAliases.add(alias);
  }
}

/**
 * Register the theme's extra font files and return the family list to draw
 * with. Throws a plain Error naming the file when one cannot be loaded.
 */
export function fontStack(themeFontFiles: string[] = []): FontStack {
  const stack = resolveFontStack(themeFontFiles);
  registerFontStack(stack);
  return stack;
}

const coverageByFile = new Map<string, Coverage>();

/**
 * Code points a font file maps to a glyph (union over the faces of a
 * collection); memoised. Reads only the cmap table (readCoverage): parsing the
 * whole bundled CJK fonts cost ~45 ms a build.
 */
export function fileCoverage(file: string): Coverage {
  let coverage = coverageByFile.get(file);
  if (!coverage) {
    coverage = readCoverage(file);
    coverageByFile.set(file, coverage);
  }
  return coverage;
}

/** Characters that need no glyph: line breaks and tabs are layout, not text. */
function needsGlyph(cp: number): boolean {
  return cp !== 0x0a && cp !== 0x0d && cp !== 0x09;
}

/** The distinct characters of `text` that none of `files` covers, in order of first appearance. */
export function uncoveredCharacters(text: string, files: string[]): string[] {
  const sets = files.map(fileCoverage);
  const missing: string[] = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (!needsGlyph(cp) || missing.includes(ch)) continue;
    if (!sets.some((s) => s.has(cp))) missing.push(ch);
  }
  return missing;
}

/** "U+20000" for a character. */
export function codePointLabel(ch: string): string {
  return `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

let measureContext: SKRSContext2D | undefined;

/**
 * Widths per em, by weight, family list and text. Every measureText call in
 * @napi-rs/canvas keeps ~250 bytes of native memory for good (measured:
 * +160 MB over 600k calls), so repeated measuring (text fitting, chart label
 * wrapping) must not reach it twice for the same string. Cleared when full.
 */
const emWidths = new Map<string, number>();
const MAX_CACHED_WIDTHS = 20_000;

const DEFAULT_FAMILY = `"${FONT_FAMILY}"`;
/** Advance tables of the bundled regular and bold faces, read on first use. */
let bundledAdvances: [AdvanceTable, AdvanceTable] | undefined;
/** Combining marks: shaping may move or resize them, so canvas measures them. */
const MARK = /^\p{M}$/u;

/**
 * One character in the bundled font, without a canvas: exactly what canvas
 * measures (test/fonts/advances.test.ts checks every glyph). Undefined for
 * what shaping may change (several characters kern, marks) or what the font
 * lacks (canvas falls back to a system font there).
 */
function bundledCharEm(text: string, bold: boolean, family: string): number | undefined {
  if (family !== DEFAULT_FAMILY || text.length === 0 || text.length > 2) return undefined;
  const cp = text.codePointAt(0)!;
  if ((cp > 0xffff ? 2 : 1) !== text.length || MARK.test(text)) return undefined;
  bundledAdvances ??= [readAdvanceTable(bundledFontFiles[0]), readAdvanceTable(bundledFontFiles[1])];
  return bundledAdvances[bold ? 1 : 0].em(cp);
}

/** Width in points of `text` set at `sizePt` in the shared font (or a `fontStack` family list). */
export function measureTextWidth(text: string, sizePt: number, bold = false, family = DEFAULT_FAMILY): number {
  const key = `${bold ? 'b' : 'r'}\u0000${family}\u0000${text}`;
  let em = emWidths.get(key);
  if (em === undefined) {
    em = bundledCharEm(text, bold, family) ?? canvasEm(text, bold, family);
    if (emWidths.size >= MAX_CACHED_WIDTHS) emWidths.clear();
    emWidths.set(key, em);
  }
  return em * sizePt;
}

/** Width per em as canvas measures it (measureTextWidth's fallback; tests compare it with the font tables). */
export function canvasEm(text: string, bold = false, family = DEFAULT_FAMILY): number {
  registerFonts();
  measureContext ??= canvas().createCanvas(8, 8).getContext('2d');
  // Measure at a large size and scale, to keep sub-pixel precision.
  measureContext.font = `${bold ? 'bold ' : ''}100px ${family}`;
  return measureContext.measureText(text).width / 100;
}
