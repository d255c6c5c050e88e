import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { breakLines, canBreakBetween, charWidth, measureStyled, truncateToWidth } from '../../../src/writers/pptx/text-layout.js';

const NO_START = '。，、；：？！）》」』】〕〉”’';
const NO_END = '（《「『【〔〈“‘';

const lines = (text: string, widthPt: number, sizePt = 20) => breakLines([{ text, sizePt }], widthPt).map((l) => l.text);

describe('breakLines', () => {
  it('keeps every character, in order', () => {
    const text = '青岛市5G基站累计建成4.6万个，实现城区、重点园区连续覆盖。COSMOPlat platform serves 160000 companies.';
    expect(lines(text, 200).join('')).toBe(text);
  });

  it('fits CJK lines to the width, breaking between any two ideographs', () => {
    const text = '工业互联网已成为青岛制造业转型升级的关键支撑工业互联网已成为青岛制造业转型升级的关键支撑';
    const out = breakLines([{ text, sizePt: 20 }], 200);
    expect(out.length).toBeGreaterThan(3);
    for (const l of out) expect(l.widthPt).toBeLessThanOrEqual(200);
    // Ten 20 pt ideographs are exactly 200 pt wide: full lines hold ten.
    expect(out[0].text).toHaveLength(10);
  });

  it('never starts a line with closing punctuation nor ends one with an opening bracket', () => {
    // The comma would fall at the start of the second line without kinsoku.
    const text = '一二三四五六七八九十，一二三四（五六七八九）十一二三。';
    const out = lines(text, 200);
    for (const l of out.slice(1)) expect(NO_START).not.toContain(l[0]);
    for (const l of out) expect(NO_END).not.toContain(l[l.length - 1]);
  });

  it('does not split —— or ……, numbers or Latin words', () => {
    expect(canBreakBetween('—', '—')).toBe(false);
    expect(canBreakBetween('…', '…')).toBe(false);
    expect(canBreakBetween('4', '.')).toBe(false);
    expect(canBreakBetween('.', '6')).toBe(false);
    expect(canBreakBetween('a', 'b')).toBe(false);
    expect(canBreakBetween(' ', 'b')).toBe(true);
    expect(canBreakBetween('个', '4')).toBe(true);
    const out = lines('industrial internet platform serves companies', 150);
    expect(out.length).toBeGreaterThan(1);
    for (const l of out) expect(l.trim()).toMatch(/^[a-z]+( [a-z]+)*$/);
  });

  it('cuts a word wider than the line between characters', () => {
    const long = 'x'.repeat(300);
    const out = breakLines([{ text: long, sizePt: 20 }], 100);
    expect(out.map((l) => l.text).join('')).toBe(long);
    for (const l of out) expect(l.widthPt).toBeLessThanOrEqual(100);
  });

  it('lets a run of closing marks wider than a line start the next line (nothing else could)', () => {
    const out = lines('工）”））），，工', 120, 18);
    expect(out.join('')).toBe('工）”））），，工');
    expect(out[0]).toBe('工');
  });

  it('never under-measures emoji or characters the bundled font lacks', () => {
    expect(charWidth('😀', false)).toBeGreaterThanOrEqual(1);
    expect(charWidth('𠀀', false)).toBeGreaterThanOrEqual(0.99);
  });

  it('obeys its rules for arbitrary mixed text (property)', () => {
    const piece = fc.constantFrom('工', '业', '网', '，', '。', '（', '）', '“', '”', '4.6', '万个', 'COSMOPlat', ' ', '——', '……', '2025');
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 80 }), fc.integer({ min: 120, max: 600 }), (pieces, width) => {
        const text = pieces.join('');
        const out = breakLines([{ text, sizePt: 18 }], width);
        expect(out.map((l) => l.text).join('')).toBe(text);
        out.forEach((l, i) => {
          expect(l.widthPt).toBeLessThanOrEqual(width + 1e-6);
          // Kinsoku gives way only when a line has nothing left to give: a run of closing marks wider than a line.
          if (i > 0 && [...out[i - 1].text].length > 1) expect(NO_START).not.toContain(l.text[0]);
          if (i < out.length - 1) {
            const next = out[i + 1].text;
            if ([...l.text].length > 1) expect(NO_END).not.toContain(l.text[l.text.length - 1]);
            // A number or word continues across the break only when its unbreakable piece is wider than a whole line.
            const split = /[0-9A-Za-z.]$/.test(l.text) && /^[0-9A-Za-z.]/.test(next);
            if (split) {
              const chars = [...text];
              const at = [...out.slice(0, i + 1).map((x) => x.text).join('')].length;
              let a = at - 1;
              let b = at;
              while (a > 0 && !canBreakBetween(chars[a - 1], chars[a])) a--;
              while (b < chars.length - 1 && !canBreakBetween(chars[b], chars[b + 1])) b++;
              const piece = chars.slice(a, b + 1).filter((ch) => ch !== ' ').join('');
              // Measured alone the piece may lack the CJK/Latin spacing it had in the line.
              expect(measureStyled([{ text: piece, sizePt: 18 }])).toBeGreaterThan(width - 0.25 * 18);
            }
          }
        });
      }),
      { numRuns: 300 },
    );
  });
});

describe('truncateToWidth', () => {
  it('cuts to the allowed lines and ends with an ellipsis', () => {
    const text = '卡奥斯'.repeat(200);
    const { parts, truncated } = truncateToWidth([{ text, sizePt: 20 }], 300, 2);
    expect(truncated).toBe(true);
    const cut = parts.map((p) => p.text).join('');
    expect(cut.endsWith('…')).toBe(true);
    expect(breakLines(parts, 300).length).toBeLessThanOrEqual(2);
  });

  it('leaves text that fits alone', () => {
    const r = truncateToWidth([{ text: '谢谢！', sizePt: 40 }], 600, 1);
    expect(r.truncated).toBe(false);
  });
});
