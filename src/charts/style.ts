/** Colour and text helpers shared by the chart config and its plugins. */
import { measureTextWidth } from '../fonts/index.js';

/** Theme colours are stored without '#'. */
export function hex(color: string): string {
  return `#${color.replace(/^#/, '')}`;
}

/** Relative luminance (WCAG) of a #rrggbb colour. */
export function luminance(color: string): number {
  const h = color.replace(/^#/, '');
  const [r, g, b] = [0, 2, 4].map((i) => {
    const c = parseInt(h.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** Text colour readable on a filled shape: white on dark fills, near-black on light ones. */
export function textOn(fill: string, dark: string): string {
  return luminance(fill) > 0.3 ? dark : '#FFFFFF';
}

export function fontString(size: number, family: string, bold = false): string {
  return `${bold ? 'bold ' : ''}${size}px ${family}`;
}

/**
 * Break text into lines no wider than `maxWidth`. Chinese breaks between any
 * two characters; runs of Latin letters and digits ("5G", "2024年") stay whole.
 * Punctuation that may not start a line (，。；：、）) stays on the previous one.
 */
export function wrapText(text: string, maxWidth: number, size: number, family: string, bold = false, balance = false): string[] {
  const lines = greedyWrap(text, maxWidth, size, family, bold);
  if (!balance || lines.length < 2) return lines;
  // Narrow the measure while the line count holds, so a title never ends in an orphan of one or two characters.
  let best = lines;
  for (let w = maxWidth * 0.95; w > maxWidth * 0.4; w *= 0.95) {
    const tryLines = greedyWrap(text, w, size, family, bold);
    if (tryLines.length > lines.length) break;
    best = tryLines;
  }
  return best;
}

function greedyWrap(text: string, maxWidth: number, size: number, family: string, bold: boolean): string[] {
  const tokens = text.match(/[A-Za-z0-9.%+\-]+|[^A-Za-z0-9.%+\-]/gu) ?? [];
  const lines: string[] = [];
  let line = '';
  let width = 0;
  for (const token of tokens) {
    // Token widths add up: Latin runs are single tokens, so no kerning pair spans two of them.
    const w = measureTextWidth(token, size, bold, family);
    const noStart = /^[，。；：、）》”’！？,.;:)]$/u.test(token);
    if (line && !noStart && width + w > maxWidth) {
      lines.push(line.trimEnd());
      line = token.trimStart();
      width = line ? w : 0;
    } else {
      line += token;
      width += w;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * Tick values without thousands separators (GB/T 15835), with one scale word
 * for the whole axis when it reaches 万 or 亿, so ticks read 0, 1万, 2万.
 */
export function formatTick(value: number, axisMax: number): string {
  const abs = Math.abs(axisMax);
  const [div, word] = abs >= 1e8 ? [1e8, '亿'] : abs >= 1e4 ? [1e4, '万'] : [1, ''];
  const v = Number((value / div).toPrecision(10));
  return v === 0 ? '0' : `${v}${word}`;
}

/** A series colour darkened until text in it reads on white (contrast ≥ 4.5:1); dark colours pass unchanged. */
export function readableOnWhite(color: string): string {
  let [r, g, b] = [0, 2, 4].map((i) => parseInt(color.replace(/^#/, '').slice(i, i + 2), 16));
  const toHex = () => `#${[r, g, b].map((v) => Math.round(v).toString(16).padStart(2, '0')).join('')}`.toUpperCase();
  for (let i = 0; i < 20 && 1.05 / (luminance(toHex()) + 0.05) < 4.5; i++) [r, g, b] = [r * 0.9, g * 0.9, b * 0.9];
  return toHex();
}
