/**
 * finalizePackage reads pptxgenjs's XML parts from JSZip's internal promise
 * (partText) instead of JSZip's chunked async reader: the text must be the
 * same, hostile characters included, and the shortcut must still be taken
 * with this JSZip (else decks silently get slower).
 */
import PptxGenJS from 'pptxgenjs';
import type JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { capturePackage } from '../../../src/writers/pptx/capture.js';
import { partText } from '../../../src/writers/pptx/package.js';

describe('reading pptxgenjs parts', () => {
  it('gives the same text as JSZip, through the shortcut', async () => {
    const pptx = new PptxGenJS();
    const slide = pptx.addSlide();
    slide.addText('青岛工业互联网 “卡奥斯” & <平台> 𠀋 e\u0301 \u00a0', { x: 1, y: 1, w: 6, h: 1 });
    slide.addNotes('讲解要点：5G基站4.6万个。');
    const zip = (await capturePackage(() => pptx.write({ outputType: 'nodebuffer' }))) as JSZip;
    expect(Buffer.isBuffer(zip), 'capturePackage handed back the parts').toBe(false);
    const xmlParts = Object.values(zip.files).filter((f) => !f.dir && /\.(xml|rels)$/.test(f.name));
    expect(xmlParts.length).toBeGreaterThanOrEqual(20);
    for (const entry of xmlParts) {
      expect((entry as unknown as { _dataBinary?: boolean })._dataBinary, `${entry.name} takes the shortcut`).toBe(false);
      expect(await partText(entry), entry.name).toBe(await entry.async('string'));
    }
    const slideXml = await partText(zip.files['ppt/slides/slide1.xml']);
    expect(slideXml).toContain('青岛工业互联网');
    expect(slideXml).toContain('𠀋');
  });
});
