/**
 * The command users run (bin/gen-report.cjs) runs the one-file bundle with a
 * V8 code cache (scripts/bundle.mjs, issue 18). It must write exactly what the
 * compiled modules write, load none of our modules one by one, survive a
 * damaged cache, and fall back to the modules when there is no bundle.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/fixtures.js';

const bundleDir = path.join(repoRoot, 'dist/bundle');
const env = { ...process.env, LC_ALL: '', LC_MESSAGES: '', LANG: '', SOURCE_DATE_EPOCH: '1767225600' };

function run(entry: string, args: string[], extraEnv: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [...(extraEnv.TRACE ? ['--import', path.join(repoRoot, 'test/helpers/trace-loads.mjs')] : []), entry, ...args], {
    cwd: repoRoot,
    env: { ...env, ...extraEnv },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

const bin = path.join(repoRoot, 'bin/gen-report.cjs');
const modules = path.join(repoRoot, 'dist/cli/main.js');
const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'gen-report-bundle-'));
const cacheFiles = () => readdirSync(bundleDir).filter((f) => f.endsWith('.cache'));

describe('the bundle behind bin/gen-report.cjs', () => {
  it('was built with a code cache for a deck and one for a report, for this bundle and this Node', () => {
    const build = /gen-report-build=([0-9a-f]{16})\n$/.exec(readFileSync(path.join(bundleDir, 'gen-report.js'), 'utf8'))![1];
    const prefix = `gen-report.${build}.${process.version}-${process.arch}.`;
    // Runs of other formats (other tests) add their own.
    expect(cacheFiles()).toEqual(expect.arrayContaining([`${prefix}pptx.cache`, `${prefix}docx.cache`]));
    expect(cacheFiles().every((f) => f.startsWith(prefix)), 'no cache of an older bundle is left').toBe(true);
  });

  it('writes the same deck and report, byte for byte, as the compiled modules', () => {
    const [a, b] = [tmp(), tmp()];
    const args = ['--format', 'pptx', '--format', 'docx', '--as-of', '2025-06', '--quiet'];
    expect(run(bin, [...args, '--out', a]).code).toBe(0);
    expect(run(modules, [...args, '--out', b], { GEN_REPORT_MODULES: '1' }).code).toBe(0);
    const built = readdirSync(a).filter((f) => /\.(pptx|docx)$/.test(f));
    expect(built).toHaveLength(2);
    for (const f of built) expect(readFileSync(path.join(a, f)).equals(readFileSync(path.join(b, f))), f).toBe(true);
  });

  it('loads none of our modules one by one, and from node_modules only the canvas addon', () => {
    const r = run(bin, ['--format', 'pptx', '--out', tmp(), '--quiet'], { TRACE: '1' });
    expect(r.code).toBe(0);
    const loaded = JSON.parse(/LOADED (\[.*\])/.exec(r.stderr)![1]) as string[];
    expect(loaded.filter((m) => m.includes(`${repoRoot}/dist/`) && !m.includes('/dist/bundle/')).join('\n')).toBe('');
    // Only the native canvas addon and its glue load from node_modules: everything else, Chart.js included, is inside the bundle.
    expect(loaded.filter((m) => m.includes('/node_modules/') && !/@napi-rs\/canvas|node_modules\/canvas\//.test(m))).toEqual([]);
    expect(loaded.some((m) => /@napi-rs\/canvas|node_modules\/canvas\//.test(m)), 'the trace sees the charts being drawn').toBe(true);
  });

  it('gives the same Chinese error and exit code as the modules', () => {
    const a = run(bin, ['--format', 'pptx', '--data', 'no-such-folder']);
    const b = run(modules, ['--format', 'pptx', '--data', 'no-such-folder'], { GEN_REPORT_MODULES: '1' });
    expect(a.code).toBe(1);
    expect([a.code, a.stdout, a.stderr]).toEqual([b.code, b.stdout, b.stderr]);
    expect(a.stderr).toContain('找不到数据文件夹');
  });

  it('dist/cli/main.js run as the program (an old npx link) hands over to the bin and its bundle', () => {
    const r = run(modules, ['--format', 'pptx', '--out', tmp(), '--quiet'], { TRACE: '1' });
    expect(r.code, r.stderr).toBe(0);
    const loaded = JSON.parse(/LOADED (\[.*\])/.exec(r.stderr)![1]) as string[];
    expect(loaded.some((m) => m.endsWith('bin/gen-report.cjs'))).toBe(true);
    // Only the entry itself of our modules: the rest runs from the bundle.
    expect(loaded.filter((m) => m.includes(`${repoRoot}/dist/`) && !m.includes('/dist/bundle/')).map((m) => m.split('/dist/')[1])).toEqual(['cli/main.js']);
  });

  it('--version answers from package.json', () => {
    const r = run(bin, ['--version']);
    expect(r.stdout.trim()).toBe(JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')).version);
  });
});

describe('a damaged or missing bundle', () => {
  /** A copy of the package's runnable parts, so the real dist/ is never touched. */
  function copyPackage(): string {
    const dir = path.join(tmp(), 'pkg');
    for (const part of ['bin', 'dist', 'templates', 'data', 'assets', 'locales', 'package.json']) cpSync(path.join(repoRoot, part), path.join(dir, part), { recursive: true });
    // The data's source texts sit beside the project (../shared/seeds).
    cpSync(path.join(repoRoot, '..', 'shared'), path.join(dir, '..', 'shared'), { recursive: true, dereference: true });
    // Modules resolve from the copy's parents up: link the real node_modules beside it.
    symlinkSync(path.join(repoRoot, 'node_modules'), path.join(dir, 'node_modules'), 'junction');
    return dir;
  }

  it('a corrupt code cache is rejected, the build is right, and a good cache replaces it', () => {
    const dir = copyPackage();
    const copyBundle = path.join(dir, 'dist/bundle');
    const cache = readdirSync(copyBundle).find((f) => f.endsWith('.md.cache')) ?? readdirSync(copyBundle).find((f) => f.endsWith('.pptx.cache'))!.replace(/pptx\.cache$/, 'md.cache');
    writeFileSync(path.join(copyBundle, cache), Buffer.alloc(4096, 7));
    const out = tmp();
    const r = spawnSync(process.execPath, [path.join(dir, 'bin/gen-report.cjs'), '--format', 'md', '--out', out, '--quiet', '--as-of', '2025-06'], { cwd: dir, env, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(readdirSync(out).some((f) => f.endsWith('.md'))).toBe(true);
    expect(statSync(path.join(copyBundle, cache)).size).toBeGreaterThan(100_000);
    rmSync(path.dirname(dir), { recursive: true, force: true });
  });

  it('without the bundle, the command runs the compiled modules', () => {
    const dir = copyPackage();
    rmSync(path.join(dir, 'dist/bundle'), { recursive: true });
    const r = spawnSync(process.execPath, [path.join(dir, 'bin/gen-report.cjs'), '--format', 'md', '--out', tmp(), '--quiet'], { cwd: dir, env, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    rmSync(path.dirname(dir), { recursive: true, force: true });
  });
});
