/** The hostile document: every part parses and LibreOffice still converts it. */
import { describe, expect, it } from 'vitest';
import { writePptx } from '../../../src/writers/pptx/index.js';
import { planDeck } from '../../../src/writers/pptx/plan.js';
import { findAll, textContent } from '../../helpers/ooxml.js';
import { readDeck } from './deck-reader.js';
import { checkGeometry } from './checks.js';
import { TIMESTAMP, makeChartPng } from './fixtures.js';
import { NASTY, hostileDoc } from './hostile-fixture.js';
import { SKIP_MESSAGE, hasPoppler, hasSoffice, pdfPages, pdfText, toPdf } from './libreoffice.js';

const charts = () => new Map([[NASTY, { slide: makeChartPng(8, 4.5) }]]);

describe('hostile text', () => {
  it('plans every slide inside its boxes', () => {
    const { plan, } = planDeck(hostileDoc(), charts());
    checkGeometry(plan.slides);
    expect(plan.slides.length).toBeGreaterThan(14);
  });

  it('writes a package whose every XML part parses, with markup characters escaped, not lost', async () => {
    const { result, warnings } = await writePptx(hostileDoc(), charts(), { timestamp: TIMESTAMP });
    expect(warnings.some((w) => w.code === 'pptx-text-truncated')).toBe(true);
    const deck = await readDeck(result);
    for (const [name, buf] of deck.parts) {
      if (!/\.(xml|rels)$/.test(name)) continue;
      expect(deck.xml.has(name), name).toBe(true);
      expect(buf.toString('utf8'), name).not.toMatch(/[\u0001\u000B\u0000]/);
    }
    const all = deck.slides.flatMap((s) => findAll(s.xml, 'a:t').map(textContent)).join('');
    expect(all).toContain('&<>"\'😀');
    expect(deck.slides.flatMap((s) => findAll(s.xml, 'p:cNvPr').map((c) => c.attrs.descr ?? '')).join('')).toContain('替代文本');
  });

  it.skipIf(!hasSoffice || !hasPoppler)('converts to PDF with LibreOffice', async () => {
    const { result } = await writePptx(hostileDoc(), charts(), { timestamp: TIMESTAMP });
    const deck = await readDeck(result);
    const pdf = toPdf(result, 'hostile');
    expect(pdfPages(pdf)).toBe(deck.slides.length);
    expect(pdfText(pdf)).toContain('青岛');
  }, 240_000);

  if (!hasSoffice) it.skip(SKIP_MESSAGE, () => {});
});
