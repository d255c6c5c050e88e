/**
 * Font files shared by chart rendering and slide text measurement, so a
 * chart label and a fitted text box are measured with the same metrics.
 */
import { GlobalFonts, createCanvas, type SKRSContext2D } from '@napi-rs/canvas';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

/** Family name every renderer asks for; registered from the bundled or themed files. */
export const FONT_FAMILY = 'GenReport Sans';

const packageRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

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

let measureContext: SKRSContext2D | undefined;

/** Width in points of `text` set at `sizePt` in the shared font. */
export function measureTextWidth(text: string, sizePt: number, bold = false): number {
  registerFonts();
  measureContext ??= createCanvas(8, 8).getContext('2d');
  // Measure at a large size and scale, to keep sub-pixel precision.
  measureContext.font = `${bold ? 'bold ' : ''}100px "${FONT_FAMILY}"`;
  return (measureContext.measureText(text).width / 100) * sizePt;
}
