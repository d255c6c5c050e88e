/**
 * Slide text is measured from the bundled fonts' own advance widths, not by
 * canvas; the two must agree exactly, or a line could break differently.
 */
import { describe, expect, it } from 'vitest';
import { bundledFontFiles, canvasEm, measureTextWidth, readFontFaces } from '../../src/fonts/index.js';
import { readAdvanceTable } from '../../src/fonts/advances.js';

describe('advance widths from the font tables', () => {
  for (const [i, weight] of (['regular', 'bold'] as const).entries()) {
    it(`equal canvas's measureText for every character of the bundled ${weight} face`, () => {
      const table = readAdvanceTable(bundledFontFiles[i]);
      const [face] = readFontFaces(bundledFontFiles[i]);
      const bold = weight === 'bold';
      const mismatches: string[] = [];
      let fromTables = 0;
      for (const cp of face.cmap.keys()) {
        const ch = String.fromCodePoint(cp);
        const measured = canvasEm(ch, bold);
        if (measureTextWidth(ch, 1, bold) !== measured) mismatches.push(`U+${cp.toString(16)} ${measureTextWidth(ch, 1, bold)} ≠ ${measured}`);
        if (/\p{M}/u.test(ch)) continue;
        // What measureTextWidth takes from the tables for this character.
        if (table.em(cp) !== measured) mismatches.push(`U+${cp.toString(16)} table ${table.em(cp)} ≠ ${measured}`);
        fromTables++;
      }
      expect(mismatches).toEqual([]);
      // Nearly all of the 7,982 characters come from the tables; only marks go to canvas.
      expect(fromTables).toBeGreaterThan(7900);
    });
  }

  it('leaves to canvas what shaping or fallback decides: several characters (kerning), characters the font lacks', () => {
    const table = readAdvanceTable(bundledFontFiles[0]);
    expect(table.em(0x09)).toBeUndefined();
    expect(table.em(0x1f600)).toBeUndefined();
    expect(measureTextWidth('\t', 1)).toBe(canvasEm('\t'));
    // "To" kerns in Noto Sans SC: narrower than T plus o.
    expect(measureTextWidth('To', 10)).toBe(canvasEm('To') * 10);
    expect(measureTextWidth('To', 10)).toBeLessThan(measureTextWidth('T', 10) + measureTextWidth('o', 10));
    expect(table.em('工'.codePointAt(0)!)).toBe(canvasEm('工'));
  });
});
