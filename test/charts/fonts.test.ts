import { render, setLanguage } from '../../src/i18n/index.js';
import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { existsSync } from 'node:fs';
import { createCanvas } from '@napi-rs/canvas';
import { renderCharts } from '../../src/charts/index.js';
import { bundledFontFiles, fontStack, readCoverage, readFontFaces, uncoveredCharacters, FONT_FAMILY } from '../../src/fonts/index.js';
import { defaultTheme } from '../../src/model/default-theme.js';
import { ChartError } from '../../src/errors.js';
import { column, doughnut } from './specs.js';

/** GB2312 symbol rows 0xA1–0xA9: the trail-byte ranges each row assigns (GBK fills the gaps with extensions). */
const SYMBOL_ROWS: Array<[number, Array<[number, number]>]> = [
  [0xa1, [[0xa1, 0xfe]]],
  [0xa2, [[0xb1, 0xe2], [0xe5, 0xee], [0xf1, 0xfc]]],
  [0xa3, [[0xa1, 0xfe]]],
  [0xa4, [[0xa1, 0xf3]]],
  [0xa5, [[0xa1, 0xf6]]],
  [0xa6, [[0xa1, 0xb8], [0xc1, 0xd8]]],
  [0xa7, [[0xa1, 0xc1], [0xd1, 0xf1]]],
  [0xa8, [[0xa1, 0xba], [0xc5, 0xe9]]],
  [0xa9, [[0xa4, 0xef]]],
];

/** Every GB2312 character, decoded as GB18030 (a superset), plus the two symbols older GB2312 tables map differently. */
function gb2312(): string {
  const decoder = new TextDecoder('gb18030', { fatal: true });
  const bytes: number[] = [];
  for (const [hi, ranges] of SYMBOL_ROWS) for (const [a, b] of ranges) for (let lo = a; lo <= b; lo++) bytes.push(hi, lo);
  // Hanzi levels 1 and 2; D7FA–D7FE are unassigned.
  for (let hi = 0xb0; hi <= 0xf7; hi++) for (let lo = 0xa1; lo <= 0xfe; lo++) if (!(hi === 0xd7 && lo >= 0xfa)) bytes.push(hi, lo);
  return decoder.decode(Uint8Array.from(bytes)) + '\u30fb\u2015';
}


// These tests read the library's messages in English (the CLI's default, Chinese, is tested in test/cli).
beforeAll(() => setLanguage('en'));
afterAll(() => setLanguage('zh-CN'));

describe('font coverage check', () => {
  it('accepts every GB2312 character with the bundled fonts (both weights)', () => {
    const all = gb2312();
    expect([...all]).toHaveLength(7445 + 2);
    for (const file of bundledFontFiles) expect(uncoveredCharacters(all, [file])).toEqual([]);
  });

  it('covers U+3000 IDEOGRAPHIC SPACE (a full-width space pasted from Word)', () => {
    for (const file of bundledFontFiles) expect(uncoveredCharacters('\u3000', [file])).toEqual([]);
  });

  it('rejects a character outside the fonts, naming the chart, the character and its code point', () => {
    const spec = { ...column, title: '青岛𠀀基站' };
    expect(() => renderCharts([spec], defaultTheme)).toThrow(ChartError);
    try {
      renderCharts([spec], defaultTheme);
    } catch (e) {
      const p = (e as ChartError).problems;
      expect(p).toHaveLength(1);
      expect(render(p[0].message, 'en')).toContain("chart 'g5-stations'");
      expect(render(p[0].message, 'en')).toContain("'𠀀' (U+20000)");
      expect(render(p[0].message, 'en')).toContain('title');
      expect(render(p[0].hint, 'en')).toMatch(/make-font-subset\.sh/);
      expect(render(p[0].hint, 'en')).toMatch(/fontFiles/);
    }
  });

  it('rejects an emoji in a data label before anything is drawn', () => {
    const spec = { ...doughnut, datasets: [{ ...doughnut.datasets[0], dataLabels: ['32%😀', '24%', '14%', '30%'] }] };
    expect(() => renderCharts([spec], defaultTheme)).toThrow(/sector-share.*'😀' \(U\+1F600\) in the data label 1 of dataset 1/);
  });

  const dejavu = '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf';
  it.skipIf(!existsSync(dejavu))('counts characters from the theme font files as covered', () => {
    const spec = { ...column, title: 'Ŋ青岛' };
    expect(() => renderCharts([spec], defaultTheme, { media: ['page'] })).toThrow(/U\+014A/);
    const themed = { ...defaultTheme, fontFiles: [dejavu] };
    expect(renderCharts([spec], themed, { media: ['page'] }).result.get(spec.id)?.page).toBeDefined();
    expect(fontStack(themed.fontFiles).family).toMatch(/^"GenReport Theme \d+", "GenReport Sans"$/);
  });

  it('reports a theme font file that does not exist', () => {
    const themed = { ...defaultTheme, fontFiles: ['assets/fonts/NoSuchFont.otf'] };
    expect(() => renderCharts([column], themed)).toThrow(/font file not found: .*NoSuchFont\.otf/);
  });
});

describe('bundled font', () => {
  it('is what chart text is drawn with: drawn widths equal the font file\'s advance widths', () => {
    const [regular] = readFontFaces(bundledFontFiles[0]);
    const ctx = createCanvas(10, 10).getContext('2d');
    ctx.font = `100px ${fontStack([]).family}`;
    // Digits differ in width between fonts (DejaVu's are 0.636 em, these 0.555): a fallback would not match.
    // Latin letter pairs are left out: the font's kerning moves them.
    for (const text of ['2024年5G基站3.78万个', '（卡奥斯）第1位', '数据来源：青岛日报，2025年3月']) {
      const expected = [...text].reduce((w, ch) => w + regular.advance(regular.cmap.get(ch.codePointAt(0)!)!), 0);
      expect(ctx.measureText(text).width).toBeCloseTo((expected / regular.unitsPerEm) * 100, 0);
    }
  });

  it('has a cmap for both weights and registers under one family', () => {
    for (const file of bundledFontFiles) {
      const faces = readFontFaces(file);
      expect(faces).toHaveLength(1);
      expect(faces[0].cmap.get('青'.codePointAt(0)!)).toBeGreaterThan(0);
      expect(faces[0].cmap.has(0x20000)).toBe(false);
    }
    expect(fontStack([]).family).toBe(`"${FONT_FAMILY}"`);
  });

  it('reads the same coverage from the cmap table alone as from the whole font (OTF, TTF, TTC)', () => {
    const system = ['/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf', '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc'].filter((f) => existsSync(f));
    for (const file of [...bundledFontFiles, ...system]) {
      const full = new Set<number>();
      for (const face of readFontFaces(file)) for (const cp of face.cmap.keys()) full.add(cp);
      const coverage = readCoverage(file);
      let covered = 0;
      for (let i = 0; i < coverage.starts.length; i++) covered += coverage.ends[i] - coverage.starts[i] + 1;
      expect(covered, file).toBe(full.size);
      for (const cp of full) if (!coverage.has(cp)) expect.fail(`${file}: U+${cp.toString(16)} in the cmap but not covered`);
      expect(coverage.has(0x20000)).toBe(false);
      expect(coverage.has(0)).toBe(full.has(0));
    }
  });
});
