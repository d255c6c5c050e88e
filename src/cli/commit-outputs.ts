/**
 * All-or-nothing output. Every file of a build is written into a fresh staging
 * folder inside --out (same file system, so renames are atomic), then each old
 * file is moved aside and the new one renamed into place. If any step fails,
 * the files already replaced are moved back: either every file of the build
 * lands, or the previous output stays byte for byte.
 *
 * The whole commit is synchronous on purpose: a SIGINT or SIGTERM is handled
 * by Node between callbacks, so it can never arrive between a write and its
 * rename. Staging folders a killed process left behind are removed next time.
 */
import * as nodeFs from 'node:fs';
import path from 'node:path';
import { OutputError } from '../errors.js';
import { msg, type Message } from '../i18n/index.js';
import { isInside } from './read-input.js';

/** The synchronous file calls the commit uses; tests inject failures through it. */
export type CommitFs = Pick<typeof nodeFs, 'mkdirSync' | 'writeFileSync' | 'renameSync' | 'rmSync' | 'existsSync' | 'readdirSync' | 'lstatSync' | 'realpathSync'>;

export interface OutputFileData {
  /** Relative to the output folder, with / separators. */
  name: string;
  data: Buffer;
}

const STAGING_PREFIX = '.gen-report-staging-';

/** A fresh working folder in outDir that the next build removes if this process is killed (PDF conversion). */
export function stagingPath(outDir: string, label: string): string {
  return path.join(outDir, `${STAGING_PREFIX}${process.pid}-${label}-${Date.now().toString(36)}`);
}

/** Why a file could not be replaced, in the user's words. */
export function reasonFor(e: unknown): Message {
  const code = (e as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'EBUSY':
    case 'EPERM':
    case 'EACCES':
      return msg('output.reason.busy');
    case 'ENOSPC':
    case 'EDQUOT':
      return msg('output.reason.disk-full');
    case 'EISDIR':
    case 'ENOTEMPTY':
    case 'EEXIST':
    case 'ENOTDIR':
      return msg('output.reason.in-the-way');
    case 'EROFS':
      return msg('output.reason.read-only');
    case 'ENAMETOOLONG':
      return msg('output.reason.too-long');
    case 'EOUTSIDE':
      return msg('output.reason.outside');
    default:
      return msg('output.reason.other', { code: code ?? (e as Error)?.message ?? String(e) });
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Staging folders of earlier runs that were killed outright (SIGKILL, power cut). */
function removeStaleStaging(fs: CommitFs, outDir: string): void {
  let names: string[];
  try {
    names = fs.readdirSync(outDir);
  } catch {
    return;
  }
  for (const n of names) {
    const m = new RegExp(`^${STAGING_PREFIX}(\\d+)-`).exec(n);
    if (m && !isAlive(Number(m[1]))) fs.rmSync(path.join(outDir, n), { recursive: true, force: true });
  }
}

/**
 * Write `files` into `outDir` all or nothing. Throws OutputError (exit 3)
 * naming the file that failed, why, and that the previous files were kept.
 */
export function commitOutputs(outDir: string, files: OutputFileData[], display: (p: string) => string, fs: CommitFs = nodeFs): Array<{ path: string; bytes: number }> {
  const fail = (message: Message, hint: Message): never => {
    throw new OutputError([{ file: display(outDir), message, hint }]);
  };
  try {
    fs.mkdirSync(outDir, { recursive: true });
  } catch (e) {
    fail(msg('output.mkdir-failed', { reason: reasonFor(e) }), msg('output.mkdir-failed-hint'));
  }
  removeStaleStaging(fs, outDir);
  const staging = path.join(outDir, `${STAGING_PREFIX}${process.pid}-${Date.now().toString(36)}`);
  const backup = path.join(staging, '.previous');
  const finals = files.map((f) => path.join(outDir, ...f.name.split('/')));
  const cleanup = () => {
    try {
      fs.rmSync(staging, { recursive: true, force: true });
    } catch {
      // Nothing more can be done; the next run removes it.
    }
  };

  // 1. Everything into staging: a full disk fails here, before any old file is touched.
  try {
    fs.mkdirSync(backup, { recursive: true });
    files.forEach((f, i) => {
      const staged = path.join(staging, ...f.name.split('/'));
      fs.mkdirSync(path.dirname(staged), { recursive: true });
      fs.writeFileSync(staged, f.data);
      fs.mkdirSync(path.dirname(finals[i]), { recursive: true });
      // A subfolder (say NAME.charts) that is a link elsewhere would carry the files out of --out.
      if (!isInside(fs.realpathSync(path.dirname(finals[i])), fs.realpathSync(outDir))) {
        throw Object.assign(new Error(`${path.dirname(finals[i])} leads outside ${outDir}`), { code: 'EOUTSIDE', path: finals[i] });
      }
      // A folder (or anything else) where a file should go is never moved aside.
      const st = lstat(fs, finals[i]);
      if (st && !st.isFile() && !st.isSymbolicLink()) throw Object.assign(new Error(`${finals[i]} is not a file`), { code: 'EISDIR', path: finals[i] });
    });
  } catch (e) {
    cleanup();
    const at = (e as { path?: string }).path;
    const file = at && finals.includes(at) ? display(at) : display(outDir);
    fail(msg('output.stage-failed', { file, reason: reasonFor(e) }), msg('output.stage-failed-hint'));
  }

  // 2. Swap each file in, keeping the old one aside until all have landed.
  const done: Array<{ final: string; old?: string }> = [];
  for (const [i, f] of files.entries()) {
    const final = finals[i];
    const staged = path.join(staging, ...f.name.split('/'));
    let old: string | undefined;
    try {
      if (exists(fs, final)) {
        old = path.join(backup, String(i));
        fs.renameSync(final, old);
      }
      fs.renameSync(staged, final);
      done.push({ final, old });
    } catch (e) {
      if (old && !exists(fs, final)) tryRename(fs, old, final);
      const restored = rollback(fs, done);
      cleanup();
      const kept = restored.failed.length
        ? msg('output.restore-failed', { files: restored.failed.map(display) })
        : restored.ok.length
          ? msg('output.kept-restored', { files: restored.ok.map(display) })
          : msg('output.kept-all');
      fail(msg('output.replace-failed', { file: display(final), reason: reasonFor(e) }), msg('output.replace-failed-hint', { kept }));
    }
  }
  cleanup();
  return files.map((f, i) => ({ path: display(finals[i]), bytes: f.data.length }));
}

function lstat(fs: CommitFs, p: string): nodeFs.Stats | undefined {
  try {
    return fs.lstatSync(p);
  } catch {
    return undefined;
  }
}

function exists(fs: CommitFs, p: string): boolean {
  return lstat(fs, p) !== undefined;
}

function tryRename(fs: CommitFs, from: string, to: string): boolean {
  try {
    fs.renameSync(from, to);
    return true;
  } catch {
    return false;
  }
}

/** Put back the previous files in reverse order; new files that had no predecessor are removed. */
function rollback(fs: CommitFs, done: Array<{ final: string; old?: string }>): { ok: string[]; failed: string[] } {
  const ok: string[] = [];
  const failed: string[] = [];
  for (const d of [...done].reverse()) {
    try {
      fs.rmSync(d.final, { force: true });
      if (d.old) fs.renameSync(d.old, d.final);
      ok.push(d.final);
    } catch {
      failed.push(d.final);
    }
  }
  return { ok, failed };
}
