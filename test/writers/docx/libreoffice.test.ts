/**
 * Renders the sample reports with LibreOffice and measures where the text
 * lands in the PDF (pdftotext -bbox, points; 1 mm = 2.835 pt).
 */
import { describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { writeDocx } from '../../../src/writers/docx/index.js';
import { sampleCharts, sampleModel, TIMESTAMP } from './fixtures.js';
import { find, openPackage, paragraphs, textOf } from './helpers.js';

const MM = 72 / 25.4;
const A4 = { width: 595.28, height: 841.89 };

const missing = ['soffice', 'pdftotext'].filter((cmd) => spawnSync(cmd, ['--version'], { stdio: 'ignore' }).error);
const title = missing.length ? `LibreOffice rendering (skipped: ${missing.join(', ')} not found on PATH)` : 'LibreOffice rendering';

interface Word {
  page: number;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
  text: string;
}

/** Convert a docx to PDF with a private LibreOffice profile (parallel runs share none), and read its words. */
function render(docx: Buffer, name: string): { words: Word[]; pages: string[] } {
  const dir = mkdtempSync(path.join(tmpdir(), 'docx-lo-'));
  try {
    const file = path.join(dir, `${name}.docx`);
    writeFileSync(file, docx);
    const profile = pathToFileURL(path.join(dir, 'profile')).href;
    execFileSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, file], { stdio: 'ignore', timeout: 120_000 });
    const pdf = path.join(dir, `${name}.pdf`);
    const html = execFileSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8' });
    const words: Word[] = [];
    html.split(/<page\b/).slice(1).forEach((chunk, i) => {
      for (const m of chunk.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)) {
        words.push({ page: i + 1, xMin: +m[1], yMin: +m[2], xMax: +m[3], yMax: +m[4], text: m[5] });
      }
    });
    const pages = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).split('\f');
    return { words, pages };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Words grouped into lines by their top, in reading order. */
function lines(words: Word[]): Word[][] {
  const out: Word[][] = [];
  for (const w of [...words].sort((a, b) => a.yMin - b.yMin || a.xMin - b.xMin)) {
    const line = out.find((l) => Math.abs(l[0].yMin - w.yMin) < 2);
    if (line) line.push(w);
    else out.push([w]);
  }
  return out;
}

let gbt: Promise<{ words: Word[]; pages: string[] }> | undefined;
/** Both GB/T 9704 checks measure one conversion. */
function renderGbt() {
  gbt ??= writeDocx(sampleModel('gbt9704'), sampleCharts(), { timestamp: TIMESTAMP }).then(({ result }) => render(result, 'gbt9704'));
  return gbt;
}

// LibreOffice renders slowly on a loaded 2-core machine; the assertions are about layout, not time.
describe.skipIf(missing.length > 0)(title, { timeout: 180_000 }, () => {
  it('gbt9704: the body sits in the GB/T 9704 type area (left 28 mm, top 37 mm, 156 mm wide, 28.95 pt lines)', async () => {
    const { words } = await renderGbt();
    const page1 = words.filter((w) => w.page === 1);
    const typeBottom = A4.height - 35 * MM;
    const body = page1.filter((w) => w.yMax < typeBottom);
    const left = Math.min(...body.map((w) => w.xMin));
    const first = Math.min(...body.map((w) => w.yMin));
    expect(Math.abs(left / MM - 28), `left edge ${(left / MM).toFixed(2)} mm`).toBeLessThanOrEqual(1);
    expect(Math.abs(first / MM - 37), `top edge ${(first / MM).toFixed(2)} mm`).toBeLessThanOrEqual(1);
    const right = Math.max(...body.map((w) => w.xMax));
    expect(Math.abs((A4.width - right) / MM - 26), `right edge ${((A4.width - right) / MM).toFixed(2)} mm`).toBeLessThanOrEqual(1);

    // The opening paragraph: exact 579-twip pitch, a two-character indent, full lines spanning the 156 mm measure.
    const all = lines(body);
    const start = all.findIndex((l) => l[0].text.startsWith('近年来'));
    const para = all.slice(start, start + 4);
    // Measured on Chinese words: a Latin word's box has another font's ascent.
    const top = (l: Word[]) => l.find((w) => /^[\u4e00-\u9fff]/.test(w.text))!.yMin;
    for (let i = 1; i < para.length; i++) expect(top(para[i]) - top(para[i - 1])).toBeCloseTo(28.95, 0);
    expect((para[0][0].xMin - left) / MM).toBeCloseTo((2 * 16) / MM, 0);
    const full = para[1];
    const width = (Math.max(...full.map((w) => w.xMax)) - full[0].xMin) / MM;
    expect(width).toBeGreaterThan(155);
    expect(width).toBeLessThanOrEqual(156.5);
  });

  it('gbt9704: page numbers — N — one character in from the outer edge, about 7 mm under the type area', async () => {
    const { words } = await renderGbt();
    const footer = (page: number) => words.filter((w) => w.page === page && w.yMin > A4.height - 35 * MM);
    const odd = footer(1);
    const even = footer(2);
    expect(odd.map((w) => w.text)).toEqual(['—', '1', '—']);
    expect(even.map((w) => w.text)).toEqual(['—', '2', '—']);
    const oneChar = 14;
    expect(Math.max(...odd.map((w) => w.xMax))).toBeCloseTo(A4.width - 26 * MM - oneChar, -1);
    expect(Math.min(...even.map((w) => w.xMin))).toBeCloseTo(28 * MM + oneChar, -1);
    // The dash sits mid-height in its box: 7 mm ± 1.5 mm below the type area's bottom edge.
    const mid = (odd[0].yMin + odd[0].yMax) / 2;
    expect(Math.abs((mid - (A4.height - 35 * MM)) / MM - 7)).toBeLessThanOrEqual(1.5);
  });

  it('report: every estimated TOC page number is within one page of where LibreOffice puts the heading', async () => {
    const { result } = await writeDocx(sampleModel('report'), sampleCharts(), { timestamp: TIMESTAMP });
    const pkg = await openPackage(result);
    const toc = paragraphs(await pkg.xml('word/document.xml')).filter((p) => /^TOC\d$/.test(p.style ?? ''));
    const entries = toc.map((p) => ({ title: textOf(find(p.el, 'w:hyperlink')!).replace(/\t\d*$/, ''), page: Number(/(\d+)$/.exec(p.text)![1]) }));
    const { pages } = render(result, 'report');
    const first = pages.findIndex((p) => /—\s*1\s*—/.test(p));
    expect(first).toBeGreaterThan(1); // cover and contents come before page 1
    let from = first;
    for (const e of entries) {
      const at = pages.findIndex((p, i) => i >= from && p.split('\n').some((l) => l.replace(/\s+/g, '') === e.title));
      expect(at, e.title).toBeGreaterThanOrEqual(first);
      from = at;
      expect(Math.abs(at - first + 1 - e.page), `${e.title}: estimated ${e.page}, LibreOffice ${at - first + 1}`).toBeLessThanOrEqual(1);
    }
  });
});
