/**
 * Font files shared by chart rendering and slide text measurement, so a
 * chart label and a fitted text box are measured with the same metrics.
 */
import { GlobalFonts, createCanvas, type SKRSContext2D } from '@napi-rs/canvas';
import { existsSync, realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { readCoverage, type Coverage } from './sfnt.js';

export { readCoverage, readFontFaces, type Coverage, type FontFace } from './sfnt.js';

/** Family name every renderer asks for; registered from the bundled or themed files. */
export const FONT_FAMILY = 'GenReport Sans';

export const packageRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export const bundledFontFiles = [
  path.join(packageRoot, 'assets/fonts/NotoSansSC-Regular.subset.otf'),
  path.join(packageRoot, 'assets/fonts/NotoSansSC-Bold.subset.otf'),
];

const registered = new Set<string>();

/** Register font files under FONT_FAMILY (idempotent). */
export function registerFonts(files: string[] = bundledFontFiles): void {
  for (const file of files) {
    if (registered.has(file)) continue;
    const key = GlobalFonts.registerFromPath(file, FONT_FAMILY);
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

/**
 * Register the theme's extra font files and return the family list to draw
 * with. Throws a plain Error naming the file when one cannot be loaded.
 */
export function fontStack(themeFontFiles: string[] = []): FontStack {
  registerFonts();
  const families: string[] = [];
  const files: string[] = [];
  for (const raw of themeFontFiles) {
    const file = resolveFontFile(raw);
    if (files.includes(file) || bundledFontFiles.includes(file)) continue;
    let alias = themeAliases.get(file);
    if (!alias) {
      alias = `GenReport Theme ${themeAliases.size + 1}`;
      if (!GlobalFonts.registerFromPath(file, alias)) throw new Error(`could not load font file ${file}`);
      themeAliases.set(file, alias);
    }
    families.push(`"${alias}"`);
    files.push(file);
  }
  families.push(`"${FONT_FAMILY}"`);
  files.push(...bundledFontFiles);
  return { family: families.join(', '), files };
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

/** Width in points of `text` set at `sizePt` in the shared font (or a `fontStack` family list). */
export function measureTextWidth(text: string, sizePt: number, bold = false, family = `"${FONT_FAMILY}"`): number {
  const key = `${bold ? 'b' : 'r'}\u0000${family}\u0000${text}`;
  let em = emWidths.get(key);
  if (em === undefined) {
    registerFonts();
    measureContext ??= createCanvas(8, 8).getContext('2d');
    // Measure at a large size and scale, to keep sub-pixel precision.
    measureContext.font = `${bold ? 'bold ' : ''}100px ${family}`;
    em = measureContext.measureText(text).width / 100;
    if (emWidths.size >= MAX_CACHED_WIDTHS) emWidths.clear();
    emWidths.set(key, em);
  }
  return em * sizePt;
}
