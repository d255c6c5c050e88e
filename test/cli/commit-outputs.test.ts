/**
 * All-or-nothing output: a failure while replacing the files of a build
 * leaves every previous file byte-identical and no temporary file behind.
 */
import * as fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { commitOutputs, type CommitFs } from '../../src/cli/commit-outputs.js';
import { OutputError } from '../../src/errors.js';
import { render } from '../../src/i18n/index.js';
import { hasStackTrace, runCli } from '../helpers/cli.js';
import { fixtures } from '../helpers/fixtures.js';

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'gen-report-commit-'));
const display = (p: string) => path.basename(p);

const newFiles = [
  { name: 'deck.pptx', data: Buffer.from('new pptx') },
  { name: 'deck.docx', data: Buffer.from('new docx') },
  { name: 'deck.md', data: Buffer.from('new md') },
  { name: 'deck.charts/a.png', data: Buffer.from('new png') },
];

/** An output folder holding the last good build. */
function previousBuild(): { out: string; before: Map<string, Buffer> } {
  const out = tmp();
  fs.mkdirSync(path.join(out, 'deck.charts'));
  for (const f of newFiles) fs.writeFileSync(path.join(out, f.name), `old ${f.name}`);
  return { out, before: snapshot(out) };
}

function snapshot(dir: string): Map<string, Buffer> {
  const m = new Map<string, Buffer>();
  for (const e of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (e.isFile()) m.set(path.relative(dir, path.join(e.parentPath, e.name)), fs.readFileSync(path.join(e.parentPath, e.name)));
  }
  return m;
}

/** Fails the first call that matches, as a busy file or a full disk would. */
function failing(match: (op: string, p: string) => boolean, code: string): CommitFs {
  let failed = false;
  const wrap =
    <A extends unknown[], R>(op: string, fn: (...a: A) => R) =>
    (...a: A): R => {
      if (!failed && match(op, String(a[a.length > 1 && op === 'renameSync' ? 1 : 0]))) {
        failed = true;
        throw Object.assign(new Error(`${code}: injected`), { code });
      }
      return fn(...a);
    };
  return {
    ...fs,
    writeFileSync: wrap('writeFileSync', fs.writeFileSync as (...a: unknown[]) => void),
    renameSync: wrap('renameSync', fs.renameSync as (...a: unknown[]) => void),
  } as unknown as CommitFs;
}

function expectOutputError(run: () => unknown): OutputError {
  try {
    run();
  } catch (e) {
    expect(e).toBeInstanceOf(OutputError);
    return e as OutputError;
  }
  throw new Error('expected an OutputError');
}

describe('all-or-nothing output', () => {
  it('replaces every file and leaves no staging folder', () => {
    const { out } = previousBuild();
    commitOutputs(out, newFiles, display);
    const after = snapshot(out);
    expect([...after.keys()].sort()).toEqual(newFiles.map((f) => f.name.split('/').join(path.sep)).sort());
    for (const f of newFiles) expect(after.get(f.name.split('/').join(path.sep))?.toString()).toBe(f.data.toString());
    expect(fs.readdirSync(out).filter((n) => n.startsWith('.'))).toEqual([]);
  });

  it('a rename that fails (file open in PowerPoint/Word) puts back the files already replaced', () => {
    const { out, before } = previousBuild();
    // The docx is busy: its move into place fails after the pptx was replaced.
    const e = expectOutputError(() => commitOutputs(out, newFiles, display, failing((op, p) => op === 'renameSync' && p === path.join(out, 'deck.docx'), 'EBUSY')));
    expect(snapshot(out)).toEqual(before);
    expect(fs.readdirSync(out).filter((n) => n.startsWith('.'))).toEqual([]);
    const text = e.problems.map((p) => `${render(p.message, 'zh-CN')} ${render(p.hint, 'zh-CN')}`).join('\n');
    expect(text).toContain('deck.docx');
    expect(text).toContain('文件被其他程序占用（例如已在PowerPoint中打开）');
    expect(text).toContain('上一次生成的文件均保持不变');
    expect(e.exitCode).toBe(3);
  });

  it('a rename failing on the last file still restores all earlier ones', () => {
    const { out, before } = previousBuild();
    expectOutputError(() => commitOutputs(out, newFiles, display, failing((op, p) => op === 'renameSync' && p.endsWith(path.join('deck.charts', 'a.png')) && !p.includes('.gen-report-staging'), 'EPERM')));
    expect(snapshot(out)).toEqual(before);
  });

  it('a full disk while writing touches no old file and leaves no temporary file', () => {
    const { out, before } = previousBuild();
    const e = expectOutputError(() => commitOutputs(out, newFiles, display, failing((op, p) => op === 'writeFileSync' && p.endsWith('deck.md'), 'ENOSPC')));
    expect(snapshot(out)).toEqual(before);
    expect(fs.readdirSync(out).filter((n) => n.startsWith('.'))).toEqual([]);
    expect(render(e.problems[0].message, 'zh-CN')).toContain('磁盘空间已满');
  });

  it('a folder where an output file should go is refused before anything is replaced', () => {
    const { out } = previousBuild();
    fs.rmSync(path.join(out, 'deck.docx'));
    fs.mkdirSync(path.join(out, 'deck.docx'));
    fs.writeFileSync(path.join(out, 'deck.docx', 'keep.txt'), 'mine');
    const before = snapshot(out);
    const e = expectOutputError(() => commitOutputs(out, newFiles, display));
    expect(snapshot(out)).toEqual(before);
    expect(render(e.problems[0].message, 'zh-CN')).toContain('deck.docx');
    expect(fs.readdirSync(out).filter((n) => n.startsWith('.'))).toEqual([]);
  });

  it('a subfolder that links outside --out is refused; nothing is written through it', () => {
    const { out } = previousBuild();
    const elsewhere = tmp();
    fs.rmSync(path.join(out, 'deck.charts'), { recursive: true });
    fs.symlinkSync(elsewhere, path.join(out, 'deck.charts'));
    const before = snapshot(out);
    const e = expectOutputError(() => commitOutputs(out, newFiles, display));
    expect(render(e.problems[0].message, 'en')).toContain('outside --out');
    expect(fs.readdirSync(elsewhere)).toEqual([]);
    expect(snapshot(out)).toEqual(before);
  });

  it('removes the staging folder a killed run left behind', () => {
    const { out } = previousBuild();
    // A pid that does not exist (above the kernel's pid_max).
    fs.mkdirSync(path.join(out, '.gen-report-staging-99999999-x'));
    commitOutputs(out, newFiles, display);
    expect(fs.readdirSync(out).filter((n) => n.startsWith('.'))).toEqual([]);
  });

  it('the CLI exits 3, keeps the previous pptx and md byte-identical when the docx cannot be replaced', () => {
    const out = tmp();
    const mini = ['--data', path.join(fixtures, 'mini-data'), '--template', path.join(fixtures, 'templates/mini'), '--out', out, '--no-cache'];
    expect(runCli(['--format', 'all', ...mini]).code).toBe(0);
    const docx = path.join(out, 'mini-2025-12.docx');
    fs.rmSync(docx);
    fs.mkdirSync(docx);
    fs.writeFileSync(path.join(docx, 'x'), 'x');
    const before = snapshot(out);
    const r = runCli(['--format', 'all', ...mini]);
    expect(r.code).toBe(3);
    expect(hasStackTrace(r.stderr)).toBe(false);
    expect(r.stderr).toContain('mini-2025-12.docx');
    expect(snapshot(out)).toEqual(before);
    expect(fs.readdirSync(out).filter((n) => n.startsWith('.') && n !== '.cache')).toEqual([]);
  });
});

describe('a signal during a build', () => {
  it('leaves either the old files or the complete new build, and no temporary file', async () => {
    const { spawn } = await import('node:child_process');
    const { repoRoot } = await import('../helpers/fixtures.js');
    const out = tmp();
    const args = [path.join(repoRoot, 'dist/cli/main.js'), '--format', 'all', '--data', path.join(fixtures, 'mini-data'), '--template', path.join(fixtures, 'templates/mini'), '--out', out, '--no-cache'];
    for (const delay of [300, 900, 1500, 2100, 2700, 3300]) {
      for (const f of fs.readdirSync(out)) fs.rmSync(path.join(out, f), { recursive: true, force: true });
      for (const n of ['mini-2025-12.pptx', 'mini-2025-12.docx', 'mini-2025-12.md']) fs.writeFileSync(path.join(out, n), 'old');
      const child = spawn(process.execPath, args, { stdio: 'ignore' });
      const done = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      setTimeout(() => child.kill(delay % 600 === 300 ? 'SIGINT' : 'SIGTERM'), delay);
      const code = await done;
      const names = fs.readdirSync(out, { recursive: true }) as string[];
      expect(names.filter((n) => n.includes('.gen-report-staging') || n.endsWith('.tmp'))).toEqual([]);
      const contents = ['pptx', 'docx', 'md'].map((x) => fs.readFileSync(path.join(out, `mini-2025-12.${x}`), 'utf8').slice(0, 3));
      // All old, or all new: a signal after the (synchronous) commit but before
      // the process exits kills it with the new build already in place.
      const allNew = contents[0] === 'PK\u0003' && contents[1] === 'PK\u0003' && /^(---|#)/.test(contents[2]); // the md opens with its title block
      if (code === 0) expect(allNew).toBe(true);
      else expect(allNew || contents.every((c) => c === 'old'), `mixed output after a signal: ${JSON.stringify(contents)}`).toBe(true);
    }
  }, 120_000);
});
