/**
 * The sample deck (every layout) through LibreOffice. Set PPTX_SAMPLE_DIR to
 * keep the .pptx and .pdf for a look (pdftoppm -png -r 60 deck.pdf slide).
 */
import { describe, expect, it } from 'vitest';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { writePptx } from '../../../src/writers/pptx/index.js';
import { TIMESTAMP, sampleCharts, sampleDoc } from './fixtures.js';
import { hostileDoc } from './hostile-fixture.js';
import { hasPoppler, hasSoffice, pdfPages, pdfText, toPdf } from './libreoffice.js';
import { readDeck } from './deck-reader.js';

describe.skipIf(!hasSoffice || !hasPoppler)('sample deck in LibreOffice', () => {
  it('converts, one page per slide, with the Chinese text intact', async () => {
    const { result } = await writePptx(sampleDoc(), sampleCharts(), { timestamp: TIMESTAMP });
    const pdf = toPdf(result, 'sample');
    const deck = await readDeck(result);
    expect(pdfPages(pdf)).toBe(deck.slides.length);
    const text = pdfText(pdf).replace(/\s+/g, '');
    for (const want of ['青岛市工业互联网发展情况汇报', '目录', '发展主要指标', '重点任务清单（续）', '谢谢！请批评指正', '数据来源：青岛市通信管理局']) expect(text).toContain(want);
    const keep = process.env.PPTX_SAMPLE_DIR;
    if (keep) {
      mkdirSync(keep, { recursive: true });
      writeFileSync(path.join(keep, 'sample.pptx'), result);
      copyFileSync(pdf, path.join(keep, 'sample.pdf'));
      const hostile = (await writePptx(hostileDoc(), new Map(), { timestamp: TIMESTAMP })).result;
      writeFileSync(path.join(keep, 'hostile.pptx'), hostile);
      copyFileSync(toPdf(hostile, 'hostile'), path.join(keep, 'hostile.pdf'));
    }
  }, 240_000);
});
