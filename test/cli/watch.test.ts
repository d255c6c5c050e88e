/**
 * `gen-report watch` as a subprocess on a temporary copy of the mini data and
 * template: it rebuilds on a data edit, survives a broken edit keeping the
 * last good output byte for byte, recovers, picks up a template edit, and
 * stops cleanly on SIGTERM.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fixtures, repoRoot } from '../helpers/fixtures.js';
import { ChildOutput } from '../helpers/child-output.js';
import { hasStackTrace } from '../helpers/cli.js';


describe('gen-report watch', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'gen-report-watch-'));
  const data = path.join(dir, 'data');
  const tpl = path.join(dir, 'tpl');
  const out = path.join(dir, 'out');
  cpSync(path.join(fixtures, 'mini-data'), data, { recursive: true });
  cpSync(path.join(fixtures, 'templates/mini'), tpl, { recursive: true });
  const factsFile = path.join(data, 'facts.yaml');
  const md = () => readFileSync(path.join(out, 'mini-2025-12.md'), 'utf8');
  const pptx = () => readFileSync(path.join(out, 'mini-2025-12.pptx'));
  let child: ChildProcess | undefined;

  afterAll(() => {
    if (child && child.exitCode === null) child.kill('SIGKILL');
  });

  it('builds, rebuilds on changes, keeps the last good output on an error, recovers, and stops on SIGTERM', async () => {
    child = spawn(process.execPath, [path.join(repoRoot, 'dist/cli/main.js'), 'watch', '--data', data, '--template', tpl, '--out', out, '--format', 'md', '--format', 'pptx', '--lang', 'en'], {
      cwd: dir,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<number | null>((resolve) => child!.on('exit', (code) => resolve(code)));
    const o = new ChildOutput(child);

    expect(await o.nth(/^built /)).toMatch(/^built out\/mini-2025-12\.md, out\/mini-2025-12\.pptx in \d+ ms · charts: 1 re-rendered, 0 reused$/);
    await o.nth(/^watching data, tpl for changes/);
    expect(md()).toContain('4.6万个');

    // A data edit: the one chart's data changed, so it is drawn again.
    const good = readFileSync(factsFile, 'utf8');
    const edited = good.replace('{ value: 46000, printed: 4.6万个,', '{ value: 47000, printed: 4.7万个,');
    expect(edited).not.toBe(good);
    writeFileSync(factsFile, edited);
    expect(await o.nth(/rebuilt/)).toMatch(/^data\/facts\.yaml changed → rebuilt .* in \d+ ms · charts: 1 re-rendered, 0 reused$/);
    expect(md()).toContain('4.7万个');
    expect(md()).not.toContain('4.6万个');
    const goodMd = md();
    const goodPptx = pptx();

    // A broken edit: the error is printed (file:line, no stack) and the output left alone.
    writeFileSync(factsFile, `${edited}\nbad: [\n`);
    expect(await o.nth(/build failed/)).toMatch(/^data\/facts\.yaml changed → build failed; keeping the last good output in out$/);
    expect(o.stderr).toMatch(/data error[\s\S]*facts\.yaml:\d+:\d+: \S/);
    expect(hasStackTrace(o.stderr)).toBe(false);
    expect(md()).toBe(goodMd);
    expect(pptx().equals(goodPptx)).toBe(true);

    // Fixed: rebuilt, and the chart comes from the cache.
    writeFileSync(factsFile, edited);
    expect(await o.nth(/rebuilt/, 2)).toMatch(/charts: 0 re-rendered, 1 reused$/);
    expect(md()).toBe(goodMd);

    // A template edit is picked up too.
    const deck = path.join(tpl, 'deck.md.hbs');
    writeFileSync(deck, readFileSync(deck, 'utf8').replace('## 平台\n', '## 平台体系\n'));
    expect(await o.nth(/rebuilt/, 3)).toMatch(/^tpl\/deck\.md\.hbs changed → rebuilt .* charts: 0 re-rendered, 1 reused$/);
    expect(md()).toContain('平台体系');

    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(o.lines().at(-1)).toBe('stopped watching');
  }, 120_000);
});
