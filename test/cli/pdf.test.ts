/**
 * --format pdf through LibreOffice: one soffice run makes the deck and report
 * PDFs (shared by every assertion here); then what a missing or failing
 * LibreOffice does to the previous output.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { hasStackTrace, runCli } from '../helpers/cli.js';
import { readZip } from '../helpers/ooxml.js';
import { findSoffice } from '../../src/cli/soffice.js';

const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'gen-report-pdf-'));
const listing = (dir: string) => readdirSync(dir).sort();
const soffice = findSoffice();
const poppler = (() => {
  try {
    execFileSync('pdfinfo', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
const reason = [!soffice && 'LibreOffice (soffice)', !poppler && 'poppler (pdfinfo, pdftotext)'].filter(Boolean).join(', ');

const pageCount = (pdf: string) => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1]);
const pageTexts = (pdf: string) => execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).split('\f').slice(0, -1);

describe.skipIf(!soffice || !poppler)(`--format pdf${reason ? ` (skipped: ${reason} not found)` : ''}`, () => {
  let out: string;
  let stdout: string;
  beforeAll(() => {
    out = tmp();
    const r = runCli(['--format', 'pptx,docx,pdf,json', '--out', out, '--quiet'], { env: { GEN_REPORT_PDF_TIMEOUT: '600' } });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    stdout = r.stdout;
  }, 700_000);

  it('writes each PDF beside its file, from one build, and nothing else', () => {
    expect(listing(out).filter((n) => !n.startsWith('.'))).toEqual([
      'qingdao-briefing-2026-01.lineage.json',
      'qingdao-briefing-2026-01.pdf',
      'qingdao-briefing-2026-01.pptx',
      'qingdao-report-2026-01.docx',
      'qingdao-report-2026-01.lineage.json',
      'qingdao-report-2026-01.pdf',
    ]);
    // No staging or conversion folder, no LibreOffice profile left in --out.
    expect(listing(out).filter((n) => n.startsWith('.') && n !== '.cache')).toEqual([]);
    expect(stdout).toBe('');
  });

  it('has one page per slide of the deck', async () => {
    const slides = [...(await readZip(readFileSync(path.join(out, 'qingdao-briefing-2026-01.pptx')))).keys()].filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n));
    expect(slides.length).toBeGreaterThan(15);
    expect(pageCount(path.join(out, 'qingdao-briefing-2026-01.pdf'))).toBe(slides.length);
  });

  it('has every page of the report: the printed page numbers run to the last page', () => {
    const pages = pageTexts(path.join(out, 'qingdao-report-2026-01.pdf'));
    expect(pages.length).toBe(pageCount(path.join(out, 'qingdao-report-2026-01.pdf')));
    const numbers = pages.map((p) => /—\s*(\d+)\s*—\s*$/.exec(p.trimEnd())?.[1]).map((n) => (n ? Number(n) : undefined));
    const first = numbers.findIndex((n) => n !== undefined);
    expect(first).toBeGreaterThan(0);
    expect(numbers.slice(first)).toEqual(numbers.slice(first).map((_, i) => i + 1));
  });

  it('ends the report with the 数据核对表: its header row on every page it spans, its last figure on the last page', () => {
    const pages = pageTexts(path.join(out, 'qingdao-report-2026-01.pdf')).map((p) => p.replace(/\s+/g, ''));
    const start = pages.findIndex((p) => p.includes('数据核对表下表'));
    expect(start).toBeGreaterThan(0);
    for (const p of pages.slice(start)) expect(p).toContain('序号文中写法数据时间来源段落事实编号');
    expect(pages.length - start).toBeGreaterThan(2);
    const lineage = JSON.parse(readFileSync(path.join(out, 'qingdao-report-2026-01.lineage.json'), 'utf8'));
    const figures = lineage.sections.filter((s: { role: string }) => s.role !== 'sources').flatMap((s: { figures: Array<{ factId: string }> }) => s.figures);
    // Reading order (not -layout, which interleaves the cells' lines): a wrapped id reads whole.
    const last = execFileSync('pdftotext', ['-f', String(pages.length), '-l', String(pages.length), path.join(out, 'qingdao-report-2026-01.pdf'), '-'], { encoding: 'utf8' });
    // pdftotext may drop the hyphen where an id wraps: compare without hyphens.
    expect(last.replace(/[\s-]+/g, '')).toContain(figures[figures.length - 1].factId.replace(/-/g, ''));
  });

  it('holds the Chinese text as text', () => {
    const deck = pageTexts(path.join(out, 'qingdao-briefing-2026-01.pdf')).map((p) => p.replace(/\s+/g, ''));
    expect(deck[0]).toContain('青岛市工业互联网发展情况汇报');
    expect(deck.join('')).toContain('4.6万个');
    const report = pageTexts(path.join(out, 'qingdao-report-2026-01.pdf')).join('').replace(/\s+/g, '');
    expect(report).toContain('关于青岛市工业互联网发展情况的汇报');
    expect(report).toContain('国家级工业互联网平台14家');
  });

  it('puts no word outside its page', () => {
    for (const name of ['qingdao-briefing-2026-01.pdf', 'qingdao-report-2026-01.pdf']) {
      const xml = execFileSync('pdftotext', ['-bbox-layout', path.join(out, name), '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });
      let words = 0;
      for (const page of xml.split(/<page /).slice(1)) {
        const [, w, h] = /width="([\d.]+)" height="([\d.]+)"/.exec(page)!.map(Number);
        for (const m of page.matchAll(/<word xMin="([-\d.]+)" yMin="([-\d.]+)" xMax="([-\d.]+)" yMax="([-\d.]+)">([^<]*)</g)) {
          const [x0, y0, x1, y1] = [m[1], m[2], m[3], m[4]].map(Number);
          words++;
          expect({ name, word: m[5], inside: x0 >= 0 && y0 >= 0 && x1 <= w + 0.5 && y1 <= h + 0.5 }).toEqual({ name, word: m[5], inside: true });
        }
      }
      expect(words).toBeGreaterThan(300);
    }
  });
});

describe('--format pdf without a working LibreOffice', () => {
  /** An output folder holding a previous build. */
  function previous(): { out: string; before: Map<string, Buffer> } {
    const out = tmp();
    writeFileSync(path.join(out, 'qingdao-briefing-2026-01.pdf'), 'previous pdf');
    writeFileSync(path.join(out, 'qingdao-briefing-2026-01.pptx'), 'previous pptx');
    return { out, before: new Map(listing(out).map((n) => [n, readFileSync(path.join(out, n))])) };
  }
  const unchanged = (out: string, before: Map<string, Buffer>) => {
    expect(listing(out).filter((n) => n !== '.cache')).toEqual([...before.keys()]);
    for (const [n, data] of before) expect(readFileSync(path.join(out, n)).equals(data), n).toBe(true);
  };

  it('missing: says so in Chinese (English with --lang en) with how to install it, exits 5, writes nothing', () => {
    const { out, before } = previous();
    const env = { GEN_REPORT_SOFFICE: path.join(out, 'no-such-soffice') };
    const r = runCli(['--format', 'pptx,pdf', '--out', out], { env });
    expect(r.code).toBe(5);
    expect(r.stderr).toContain('GEN_REPORT_SOFFICE');
    expect(r.stderr).toContain('不是可运行的程序');
    expect(r.stderr).toMatch(/LibreOffice/);
    expect(hasStackTrace(r.stderr)).toBe(false);
    unchanged(out, before);
    const en = runCli(['--format', 'pdf', '--out', out, '--lang', 'en'], { env });
    expect(en.code).toBe(5);
    expect(en.stderr).toMatch(/install LibreOffice/);
    unchanged(out, before);
  });

  it('failing: a conversion that makes no PDF exits 5 and leaves the previous pptx and pdf byte-identical', () => {
    const { out, before } = previous();
    const fake = path.join(tmp(), 'soffice');
    writeFileSync(fake, '#!/bin/sh\necho "cannot load document" >&2\nexit 1\n');
    chmodSync(fake, 0o755);
    const r = runCli(['--format', 'pptx,pdf', '--out', out], { env: { GEN_REPORT_SOFFICE: fake } });
    expect(r.code).toBe(5);
    expect(r.stderr).toContain('LibreOffice 没有生成 qingdao-briefing-2026-01.pdf');
    expect(r.stderr).toContain('cannot load document');
    unchanged(out, before);
  });
});
