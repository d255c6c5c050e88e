/**
 * `gen-report watch` reports every state change and keeps watching whatever
 * happens to its data folder: the folder replaced (rm + mv), a file taken
 * away and put back (the build is good again, and it says so), a pipe
 * dropped into the folder (refused, not read forever), later edits still seen.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fixtures, repoRoot } from '../helpers/fixtures.js';
import { ChildOutput } from '../helpers/child-output.js';


const hasMkfifo = spawnSync('which', ['mkfifo']).status === 0 && process.platform !== 'win32';

describe('gen-report watch: state changes', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'gen-report-watch-states-'));
  const data = path.join(dir, 'data');
  const tpl = path.join(dir, 'tpl');
  const out = path.join(dir, 'out');
  cpSync(path.join(fixtures, 'mini-data'), data, { recursive: true });
  cpSync(path.join(fixtures, 'templates/mini'), tpl, { recursive: true });
  const md = () => readFileSync(path.join(out, 'mini-2025-12.md'), 'utf8');
  const setFigure = (folder: string, printed: string, value: number) => {
    const f = path.join(folder, 'facts.yaml');
    writeFileSync(f, readFileSync(f, 'utf8').replace(/\{ value: \d+, printed: [\d.]+万个, asOf: 2025-12,/, `{ value: ${value}, printed: ${printed}, asOf: 2025-12,`));
  };
  let child: ChildProcess | undefined;

  afterAll(() => {
    if (child && child.exitCode === null) child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  it('survives its data folder being replaced, says when the build is good again, and refuses a pipe', async () => {
    child = spawn(process.execPath, [path.join(repoRoot, 'dist/cli/main.js'), 'watch', '--data', data, '--template', tpl, '--out', out, '--format', 'md', '--lang', 'en'], {
      cwd: dir,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<number | null>((resolve) => child!.on('exit', (code) => resolve(code)));
    const o = new ChildOutput(child);
    let at = (await o.after(/^watching /)).index;
    expect(md()).toContain('4.6万个');

    // The data folder replaced the way a sync tool or `git checkout` of a folder does it.
    const fresh = path.join(dir, 'data-new');
    cpSync(data, fresh, { recursive: true });
    setFigure(fresh, '4.8万个', 48000);
    rmSync(data, { recursive: true });
    renameSync(fresh, data);
    at = (await o.after(/rebuilt/, at)).index + 1;
    expect(md()).toContain('4.8万个');

    // And the new folder is watched: a later edit is seen.
    setFigure(data, '4.9万个', 49000);
    at = (await o.after(/rebuilt/, at)).index + 1;
    expect(md()).toContain('4.9万个');

    // A file taken away fails the build; putting it back makes it good again, and watch says so.
    renameSync(path.join(data, 'facts.yaml'), path.join(dir, 'facts.yaml.away'));
    at = (await o.after(/build failed/, at)).index + 1;
    renameSync(path.join(dir, 'facts.yaml.away'), path.join(data, 'facts.yaml'));
    const back = await o.after(/good again/, at);
    expect(back.text).toMatch(/build is good again/);
    at = back.index + 1;

    if (hasMkfifo) {
      // A pipe is refused (reading it would wait forever), and edits after it are still seen.
      const fifo = path.join(data, 'pipe.yaml');
      expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
      at = (await o.after(/build failed/, at)).index + 1;
      expect(o.stderr).toMatch(/pipe\.yaml/);
      rmSync(fifo);
      at = (await o.after(/good again/, at)).index + 1;
      setFigure(data, '5.1万个', 51000);
      at = (await o.after(/rebuilt/, at)).index + 1;
      expect(md()).toContain('5.1万个');
    }

    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  }, 180_000);
});
