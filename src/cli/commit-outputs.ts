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

/** The synchronous file calls the commit uses; tests inject failures through it. */
export type CommitFs = Pick<typeof nodeFs, 'mkdirSync' | 'writeFileSync' | 'renameSync' | 'rmSync' | 'existsSync' | 'readdirSync' | 'lstatSync'>;

export interface OutputFileData {
  /** Relative to the output folder, with / separators. */
  name: string;
  data: Buffer;
}

const STAGING_PREFIX = '.gen-report-staging-';

/** Why a file could not be replaced, in the user's words. */
export function reasonFor(e: unknown): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'EBUSY':
    case 'EPERM':
    case 'EACCES':
      return '文件被其他程序占用（例如已在PowerPoint中打开）或没有写入权限';
    case 'ENOSPC':
    case 'EDQUOT':
      return '磁盘空间已满';
    case 'EISDIR':
    case 'ENOTEMPTY':
    case 'EEXIST':
    case 'ENOTDIR':
      return '目标位置已有同名文件夹或文件，无法替换';
    case 'EROFS':
      return '输出位置是只读的';
    case 'ENAMETOOLONG':
      return '文件路径过长';
    default:
      return `系统错误（${code ?? (e as Error)?.message ?? String(e)}）`;
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
  const fail = (message: string, hint: string): never => {
    throw new OutputError([{ file: display(outDir), message, hint }]);
  };
  try {
    fs.mkdirSync(outDir, { recursive: true });
  } catch (e) {
    fail(`无法创建输出文件夹：${reasonFor(e)}`, '换一个可写的 --out 文件夹；没有写入任何文件');
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
      // A folder (or anything else) where a file should go is never moved aside.
      const st = lstat(fs, finals[i]);
      if (st && !st.isFile() && !st.isSymbolicLink()) throw Object.assign(new Error(`${finals[i]} is not a file`), { code: 'EISDIR', path: finals[i] });
    });
  } catch (e) {
    cleanup();
    const at = (e as { path?: string }).path;
    fail(`无法写入输出文件${at && finals.includes(at) ? ` ${display(at)}` : ''}：${reasonFor(e)}`, '上一次生成的文件均保持不变；腾出磁盘空间或换一个 --out 文件夹后重试');
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
        ? `无法恢复：${restored.failed.map(display).join('、')}`
        : `上一次生成的文件均保持不变${restored.ok.length ? `（已恢复 ${restored.ok.map(display).join('、')}）` : ''}`;
      fail(`无法替换 ${display(final)}：${reasonFor(e)}`, `${kept}；关闭占用该文件的程序后重新生成`);
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
