import { describe, expect, it } from 'vitest';
import { chineseNumeral, hasOwnNumber, HeadingCounter, headingPrefix } from '../../../src/writers/docx/numbering.js';
import { officialDate } from '../../../src/writers/docx/frontmatter.js';
import { sourceLine } from '../../../src/writers/docx/annex.js';
import { createContext } from '../../../src/writers/docx/context.js';
import { fitToText } from '../../../src/writers/docx/figures.js';
import { estimatePages } from '../../../src/writers/docx/paginate.js';
import { GBT9704, REPORT, textWidth } from '../../../src/writers/docx/preset.js';
import { widthEm } from '../../../src/writers/docx/measure.js';
import { defaultTheme } from '../../../src/model/default-theme.js';
import type { Section } from '../../../src/model/document.js';
import { sampleModel, SOURCES } from './fixtures.js';

describe('heading numbers', () => {
  it('writes Chinese numerals the way officials count', () => {
    expect([1, 9, 10, 11, 19, 20, 21, 99].map(chineseNumeral)).toEqual(['一', '九', '十', '十一', '十九', '二十', '二十一', '九十九']);
    expect(chineseNumeral(100)).toBe('100');
    expect([headingPrefix(1, 3), headingPrefix(2, 12), headingPrefix(3, 2)]).toEqual(['三、', '（十二）', '2.']);
  });

  it('restarts lower levels under a new higher one', () => {
    const c = new HeadingCounter();
    expect([c.next(1), c.next(2), c.next(3), c.next(3), c.next(2), c.next(3), c.next(1), c.next(2)]).toEqual([1, 1, 1, 2, 2, 1, 2, 1]);
  });

  it('leaves titles the template numbered itself alone', () => {
    expect(['一、总体情况', '（二）平台', '3.算力', '（1）要点'].every(hasOwnNumber)).toBe(true);
    expect(['5G基站', '2025年工作'].some(hasOwnNumber)).toBe(false);
  });
});

describe('dates and sources', () => {
  it('writes GB/T 9704 dates without zero padding', () => {
    expect(officialDate('2025-03-20')).toBe('2025年3月20日');
    expect(officialDate('2025年03月05日')).toBe('2025年3月5日');
    expect(officialDate('2026年1月')).toBe('2026年1月');
  });

  it('writes a source as publisher, 《title》, date', () => {
    expect(sourceLine(SOURCES[0])).toBe('青岛日报，《青岛打造世界工业互联网之都》，2025年3月21日。');
    expect(sourceLine({ id: 'x', label: '某网站', publisher: '', title: '', published: '2024' })).toBe('某网站，2024年。');
  });
});

describe('layout helpers', () => {
  it('measures CJK at one em and Latin narrower', () => {
    expect(widthEm('青岛工业')).toBe(4);
    expect(widthEm('2025')).toBe(2);
    expect(widthEm('青岛5G')).toBeGreaterThan(2.5);
    expect(widthEm('青岛5G')).toBeLessThan(4);
  });

  it('sizes an image to the text width, or shrinks a tall one to fit the page', () => {
    const ctx = createContext(GBT9704, defaultTheme, new Map());
    const wide = fitToText(ctx, { png: Buffer.alloc(0), widthPx: 1000, heightPx: 600, widthIn: 6, heightIn: 3.6 });
    expect(wide.width).toBeCloseTo(textWidth(GBT9704) / 15, 1);
    expect(wide.height / wide.width).toBeCloseTo(0.6, 3);
    const tall = fitToText(ctx, { png: Buffer.alloc(0), widthPx: 500, heightPx: 2000, widthIn: 2, heightIn: 8 });
    expect(tall.width).toBeLessThan(wide.width);
    expect(tall.height / tall.width).toBeCloseTo(4, 3);
  });

  it('estimates that a heading after a page of text starts page 2', () => {
    const ctx = createContext(REPORT, defaultTheme, new Map());
    const model = sampleModel('report');
    const loc = { file: 'x', line: 1 };
    const long = '青岛'.repeat(20 * 30); // about 38 lines of 四号 text: a page and a half
    const sections: Section[] = [
      { level: 1, title: '一', role: 'section', blocks: [{ type: 'paragraph', runs: [{ text: long }] }], notes: [], citations: [], loc },
      { level: 1, title: '二', role: 'section', blocks: [{ type: 'paragraph', runs: [{ text: '短' }] }], notes: [], citations: [], loc },
    ];
    const entries = sections.map((s, i) => ({ title: s.title, level: 1 as const, bookmark: `_Toc${i + 1}`, section: s }));
    expect(estimatePages(ctx, { ...model, sections, sources: [] }, entries)).toEqual([1, 2]);
  });
});
