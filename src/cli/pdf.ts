/**
 * --format pdf: the office files of a build, converted by one LibreOffice run
 * in a staging folder inside --out before anything is committed, so a failed
 * conversion leaves the previous outputs as they were. LibreOffice gets its
 * own profile in a temporary folder: it runs beside a LibreOffice the user
 * has open, and never touches that user's settings.
 */
import type * as ChildProcess from 'node:child_process';
import { createRequire } from 'node:module';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ExitCode, StageError } from '../errors.js';
import { msg } from '../i18n/index.js';
import { findSoffice, folderUrl } from './soffice.js';
import { stagingPath } from './commit-outputs.js';

/** Loaded when LibreOffice runs: a build without a PDF skips child_process (about 7 ms to load). */
let childProcessModule: typeof ChildProcess | undefined;
const childProcess = () => (childProcessModule ??= createRequire(import.meta.url)('node:child_process') as typeof ChildProcess);

/** LibreOffice is missing or could not convert: exit 5, previous outputs untouched. */
export class PdfError extends StageError {
  readonly stage = 'pdf';
  readonly exitCode = ExitCode.PdfError;
}

export interface OfficeFile {
  /** base.pptx or base.docx */
  name: string;
  data: Buffer;
}

/** base.pdf; when a deck and a report share a base name, base-pptx.pdf and base-docx.pdf. */
export function pdfNames(names: string[]): string[] {
  const base = (n: string) => n.replace(/\.(pptx|docx)$/i, '');
  return names.map((n) => (names.filter((m) => base(m) === base(n)).length > 1 ? `${base(n)}-${path.extname(n).slice(1).toLowerCase()}.pdf` : `${base(n)}.pdf`));
}

function installHint(): ReturnType<typeof msg> {
  if (process.platform === 'win32') return msg('pdf.install-windows');
  if (process.platform === 'darwin') return msg('pdf.install-macos');
  return msg('pdf.install-linux');
}

function timeoutMs(): number {
  const s = Number(process.env.GEN_REPORT_PDF_TIMEOUT);
  return Number.isFinite(s) && s > 0 ? s * 1000 : 300_000;
}

/** The soffice to use, or a PdfError saying how to install LibreOffice. Checked before the build starts. */
export function requireSoffice(): string {
  const found = findSoffice();
  if (found) return found;
  const own = process.env.GEN_REPORT_SOFFICE;
  throw new PdfError([{ message: own ? msg('pdf.soffice-not-at', { path: own }) : msg('pdf.no-soffice'), hint: installHint() }]);
}

function killTree(pid: number): void {
  try {
    if (process.platform === 'win32') childProcess().spawnSync('taskkill', ['/pid', String(pid), '/T', '/F'], { stdio: 'ignore', windowsHide: true });
    else process.kill(-pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}

/** Run soffice once on every file; resolves with its exit code and the tail of its output. */
function runSoffice(soffice: string, args: string[], limitMs: number): Promise<{ code: number | null; timedOut: boolean; output: string }> {
  return new Promise((resolve, reject) => {
    // Its own process group (POSIX), so a timeout or Ctrl+C ends soffice.bin too, not just the launcher.
    const child = childProcess().spawn(soffice, args, { stdio: ['ignore', 'pipe', 'pipe'], detached: process.platform !== 'win32', windowsHide: true });
    let output = '';
    const keep = (b: Buffer) => (output = (output + b.toString('utf8')).slice(-2000));
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      if (child.pid) killTree(child.pid);
    }, limitMs);
    const onSignal = (signal: NodeJS.Signals) => {
      if (child.pid) killTree(child.pid);
      process.kill(process.pid, signal);
    };
    const sigint = () => onSignal('SIGINT');
    const sigterm = () => onSignal('SIGTERM');
    process.once('SIGINT', sigint);
    process.once('SIGTERM', sigterm);
    const done = () => {
      clearTimeout(timer);
      process.off('SIGINT', sigint);
      process.off('SIGTERM', sigterm);
    };
    child.on('error', (e) => {
      done();
      reject(e);
    });
    child.on('close', (code) => {
      done();
      resolve({ code, timedOut, output });
    });
  });
}

/**
 * Convert every office file with one soffice run; returns the PDFs (named by
 * pdfNames). Works in a staging folder of `outDir` (removed afterwards, or by
 * the next build if this one is killed) and a temporary profile.
 */
export async function convertToPdf(outDir: string, files: OfficeFile[], soffice = requireSoffice()): Promise<Array<{ name: string; data: Buffer }>> {
  const names = pdfNames(files.map((f) => f.name));
  mkdirSync(outDir, { recursive: true });
  const work = stagingPath(outDir, 'pdf');
  const profile = mkdtempSync(path.join(os.tmpdir(), 'gen-report-soffice-'));
  try {
    mkdirSync(work, { recursive: true });
    const inputs = files.map((f, i) => {
      const p = path.join(work, `${names[i].slice(0, -4)}${path.extname(f.name)}`);
      writeFileSync(p, f.data);
      return p;
    });
    const args = [`-env:UserInstallation=${folderUrl(profile)}`, '--headless', '--invisible', '--norestore', '--nologo', '--nodefault', '--nolockcheck', '--convert-to', 'pdf', '--outdir', work, ...inputs];
    const limit = timeoutMs();
    let r: Awaited<ReturnType<typeof runSoffice>>;
    try {
      r = await runSoffice(soffice, args, limit);
    } catch (e) {
      throw new PdfError([{ message: msg('pdf.cannot-start', { path: soffice, reason: (e as Error).message }), hint: installHint() }]);
    }
    const missing = names.filter((n) => !existsSync(path.join(work, n)));
    if (r.timedOut) throw new PdfError([{ message: msg('pdf.timeout', { seconds: Math.round(limit / 1000) }), hint: msg('pdf.timeout-hint') }]);
    if (missing.length) {
      throw new PdfError([{ message: msg('pdf.failed', { files: missing, code: String(r.code), output: r.output.trim().split('\n').slice(-3).join(' / ') }), hint: msg('pdf.failed-hint') }]);
    }
    return names.map((name) => ({ name, data: readFileSync(path.join(work, name)) }));
  } finally {
    rmSync(work, { recursive: true, force: true });
    rmSync(profile, { recursive: true, force: true });
  }
}
