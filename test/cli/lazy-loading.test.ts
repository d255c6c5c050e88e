/**
 * Start-up loads only what the command needs: `--version` no library at all,
 * `--help` no command, a deck build never the docx library and a report never
 * pptxgenjs. Checked by tracing every module the process imports.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtures, repoRoot } from '../helpers/fixtures.js';

function loadedBy(args: string[]): { code: number; modules: string[] } {
  const r = spawnSync(process.execPath, ['--import', path.join(repoRoot, 'test/helpers/trace-loads.mjs'), path.join(repoRoot, 'dist/cli/main.js'), ...args], {
    cwd: repoRoot,
    // The modules themselves, not the bundle main.js hands over to when run as the program.
    env: { ...process.env, LC_ALL: '', LC_MESSAGES: '', LANG: '', GEN_REPORT_MODULES: '1' },
    encoding: 'utf8',
    timeout: 120_000,
  });
  const m = /LOADED (\[.*\])/.exec(r.stderr);
  if (!m) throw new Error(`no module trace:\n${r.stderr}`);
  return { code: r.status ?? -1, modules: JSON.parse(m[1]) as string[] };
}

const uses = (modules: string[], pkg: string) => modules.some((m) => m === pkg || m.includes(`/node_modules/${pkg}/`));
const own = (modules: string[], file: string) => modules.some((m) => m.endsWith(`/dist/${file}`));

describe('lazy loading', () => {
  it('--version loads no library and no message catalogue', () => {
    const { code, modules } = loadedBy(['--version']);
    expect(code).toBe(0);
    const ownModules = modules.filter((m) => m.includes('/dist/'));
    expect(ownModules.map((m) => m.split('/dist/')[1])).toEqual(['cli/main.js']);
    expect(modules.filter((m) => m.includes('/node_modules/'))).toEqual([]);
  });

  it('--help loads the parser but no command and no stage', () => {
    const { code, modules } = loadedBy(['--help']);
    expect(code).toBe(0);
    expect(uses(modules, 'yargs')).toBe(true);
    for (const pkg of ['docx', 'pptxgenjs', 'handlebars', '@napi-rs/canvas', 'zod', 'yaml', 'markdown-it', 'chart.js']) expect(uses(modules, pkg), pkg).toBe(false);
    expect(modules.some((m) => /\/dist\/cli\/commands\/(?!index\.js)/.test(m))).toBe(false);
  });

  it('a deck build loads pptxgenjs and never docx; a report loads docx and never pptxgenjs', () => {
    const common = ['--data', path.join(fixtures, 'mini-data'), '--template', path.join(fixtures, 'templates/mini'), '--quiet', '--no-cache'];
    const deck = loadedBy(['--format', 'pptx', '--out', mkdtempSync(path.join(os.tmpdir(), 'gen-report-lazy-')), ...common]);
    expect(deck.code).toBe(0);
    expect(uses(deck.modules, 'pptxgenjs')).toBe(true);
    expect(uses(deck.modules, 'docx')).toBe(false);
    expect(own(deck.modules, 'cli/commands/watch.js')).toBe(false);
    // Well-formed YAML is read by the fast parser; the yaml library is only for errors.
    expect(uses(deck.modules, 'yaml')).toBe(false);
    const report = loadedBy(['--format', 'docx', '--out', mkdtempSync(path.join(os.tmpdir(), 'gen-report-lazy-')), ...common]);
    expect(report.code).toBe(0);
    expect(uses(report.modules, 'docx')).toBe(true);
    expect(uses(report.modules, 'pptxgenjs')).toBe(false);
  }, 120_000);

  it('a build whose charts all come from the cache loads neither canvas nor Chart.js', () => {
    const out = mkdtempSync(path.join(os.tmpdir(), 'gen-report-lazy-'));
    const args = ['--data', path.join(fixtures, 'mini-data'), '--template', path.join(fixtures, 'templates/mini'), '--quiet', '--format', 'pptx', '--out', out];
    const first = loadedBy(args);
    expect(first.code).toBe(0);
    // Required by name from CommonJS, so the trace holds the request ('chart.js/auto'), not a path.
    const chartJs = (modules: string[]) => uses(modules, 'chart.js') || modules.some((m) => m.startsWith('chart.js/'));
    expect(uses(first.modules, 'chartjs-node-canvas') && chartJs(first.modules), 'the first build draws its charts').toBe(true);
    const cached = loadedBy(args);
    expect(cached.code).toBe(0);
    for (const pkg of ['@napi-rs/canvas', 'chartjs-node-canvas']) expect(uses(cached.modules, pkg), pkg).toBe(false);
    expect(chartJs(cached.modules)).toBe(false);
  }, 120_000);
});
