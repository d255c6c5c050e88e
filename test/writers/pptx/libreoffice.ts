/** LibreOffice conversion for tests; skipped (with a message) where soffice is not installed. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const hasSoffice = spawnSync('sh', ['-c', 'command -v soffice'], { encoding: 'utf8' }).status === 0;
export const hasPoppler = spawnSync('sh', ['-c', 'command -v pdfinfo && command -v pdftotext'], { encoding: 'utf8' }).status === 0;
export const SKIP_MESSAGE = 'soffice (LibreOffice) not found: PDF conversion checks skipped';

/** Convert a deck to PDF with a private profile (parallel runs would fight over the default one). Returns the PDF path. */
export function toPdf(pptx: Buffer, name = 'deck'): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'gen-report-pptx-'));
  const input = path.join(dir, `${name}.pptx`);
  writeFileSync(input, pptx);
  const profile = `file://${path.join(dir, 'profile')}`;
  const r = spawnSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', dir, input], {
    encoding: 'utf8',
    timeout: 180_000,
  });
  const pdf = path.join(dir, `${name}.pdf`);
  if (!existsSync(pdf)) throw new Error(`LibreOffice did not convert ${input}: ${r.stderr || r.stdout || r.error}`);
  return pdf;
}

export function pdfPages(pdf: string): number {
  const out = spawnSync('pdfinfo', [pdf], { encoding: 'utf8' }).stdout;
  return Number(/Pages:\s+(\d+)/.exec(out)?.[1] ?? 0);
}

export function pdfText(pdf: string): string {
  return spawnSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }).stdout;
}
