/**
 * The real-client tier: LibreOffice opens every generated package and turns
 * it into a PDF; the PDF's pages, text and text positions are checked.
 * Skipped, with the reason printed, where soffice or poppler is missing
 * (.ci/run installs them).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDefault, parsedParts } from '../helpers/build.js';

const missing = ['soffice', 'pdftotext', 'pdfinfo'].filter((t) => spawnSync('which', [t]).status !== 0);
if (missing.length) console.warn(`real-client tests skipped: ${missing.join(', ')} not found (apt-get install libreoffice-impress libreoffice-writer poppler-utils)`);

const dir = mkdtempSync(path.join(os.tmpdir(), 'gen-report-e2e-'));
const files: Record<string, { path: string }> = {};

function pdfOf(name: string): string {
  return path.join(dir, name.replace(/\.\w+$/, '.pdf'));
}

/** The PDF's text without white space: LibreOffice spaces CJK from digits (4.6 万个). */
function pdfText(pdf: string): string {
  return execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
}

interface Word {
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
  text: string;
}

/** Page sizes and word boxes from `pdftotext -bbox`. */
function boxes(pdf: string): Array<{ width: number; height: number; words: Word[] }> {
  const html = execFileSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  return html.split('<page ').slice(1).map((page) => {
    const [, w, h] = /width="([\d.]+)" height="([\d.]+)"/.exec(page)!;
    const words = [...page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
      xMin: +m[1],
      yMin: +m[2],
      xMax: +m[3],
      yMax: +m[4],
      text: m[5],
    }));
    return { width: +w, height: +h, words };
  });
}

describe.skipIf(missing.length > 0)('real clients: LibreOffice opens every package', () => {
  beforeAll(async () => {
    const deck = (await buildDefault('qingdao-briefing', ['pptx'])).result;
    const report = (await buildDefault('qingdao-report', ['docx'])).result;
    const gbt = (await buildDefault('qingdao-report-gbt', ['docx'])).result;
    for (const [r, name] of [
      [deck, 'deck.pptx'],
      [report, 'report.docx'],
      [gbt, 'gbt.docx'],
    ] as const) {
      const file = path.join(dir, name);
      writeFileSync(file, r.files[0].data);
      files[name] = { path: file };
    }
    // One LibreOffice start for all three, with a private profile so parallel runs do not clash.
    execFileSync(
      'soffice',
      [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', dir, ...Object.values(files).map((f) => f.path)],
      { stdio: 'ignore', timeout: 300_000 },
    );
  }, 360_000);

  it.each(['deck.pptx', 'report.docx', 'gbt.docx'])('%s: every XML part parses', async (name) => {
    const { readFileSync } = await import('node:fs');
    await parsedParts(readFileSync(files[name].path));
  });

  it('the deck converts with one page per slide and the figures in its text', async () => {
    const { readFileSync } = await import('node:fs');
    const parts = await parsedParts(readFileSync(files['deck.pptx'].path));
    const slides = [...parts.keys()].filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n)).length;
    const pages = boxes(pdfOf('deck.pptx'));
    expect(slides).toBeGreaterThanOrEqual(18);
    expect(pages.length).toBe(slides);
    const text = pdfText(pdfOf('deck.pptx'));
    for (const s of ['青岛市工业互联网发展情况汇报', '4.6万个', '数据来源', '谢谢！请批评指正']) expect(text).toContain(s);
  });

  it.each(['deck.pptx', 'report.docx', 'gbt.docx'])('%s: no text outside the page', (name) => {
    for (const [i, page] of boxes(pdfOf(name)).entries()) {
      for (const w of page.words) {
        const inside = w.xMin >= -0.5 && w.yMin >= -0.5 && w.xMax <= page.width + 0.5 && w.yMax <= page.height + 0.5;
        expect(inside, `page ${i + 1}: '${w.text}' at ${w.xMin},${w.yMin}–${w.xMax},${w.yMax}`).toBe(true);
      }
    }
  });

  it('the reports convert to A4 pages with their headings, figures and sources', () => {
    for (const name of ['report.docx', 'gbt.docx']) {
      const pages = boxes(pdfOf(name));
      expect(pages.length, name).toBeGreaterThanOrEqual(5);
      expect(Math.round(pages[0].width), name).toBe(595);
      expect(Math.round(pages[0].height), name).toBe(842);
      const text = pdfText(pdfOf(name));
      for (const s of ['关于青岛市工业互联网发展情况的汇报', '主要进展和成效', '下一步工作打算', '4.6万个', '资料来源']) expect(text, name).toContain(s);
    }
  });
});
