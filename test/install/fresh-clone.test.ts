/**
 * Install as a user would: a fresh clone of the committed tree, `npm ci`. The
 * lockfile must be in sync and list every platform's chart renderer, and npm
 * must print no EBADENGINE warning on this Node. Slow (a real install), so it
 * runs on CI or with GEN_REPORT_INSTALL_TEST=1.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/fixtures.js';

const run = Boolean(process.env.CI || process.env.GEN_REPORT_INSTALL_TEST);

describe.skipIf(!run)('a fresh clone installs with npm ci [set GEN_REPORT_INSTALL_TEST=1 to run outside CI]', () => {
  it('npm ci succeeds with no EBADENGINE warning, and the lockfile lists every platform', () => {
    const dir = path.join(mkdtempSync(path.join(os.tmpdir(), 'gen-report-clone-')), 'repo');
    execFileSync('git', ['clone', '--quiet', repoRoot, dir]);
    const lock = JSON.parse(readFileSync(path.join(dir, 'package-lock.json'), 'utf8')) as { packages: Record<string, unknown> };
    for (const platform of ['win32-x64-msvc', 'darwin-arm64', 'darwin-x64', 'linux-x64-gnu']) {
      expect(Object.keys(lock.packages)).toContain(`node_modules/@napi-rs/canvas-${platform}`);
    }
    // The bundler too: `npm install` on a Windows PC builds the one-file bundle.
    for (const platform of ['win32-x64', 'darwin-arm64', 'darwin-x64', 'linux-x64']) {
      expect(Object.keys(lock.packages)).toContain(`node_modules/@esbuild/${platform}`);
    }
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const r = spawnSync(npm, ['ci', '--no-audit', '--no-fund'], { cwd: dir, encoding: 'utf8', timeout: 600_000 });
    expect(r.status, r.stderr).toBe(0);
    expect(`${r.stdout}${r.stderr}`).not.toMatch(/EBADENGINE|Unsupported engine/);
    // The install made the bundle and filled its code cache (scripts/bundle.mjs).
    const bundleFiles = readdirSync(path.join(dir, 'dist/bundle'));
    expect(bundleFiles).toContain('gen-report.js');
    expect(bundleFiles.some((f) => f.endsWith('.cache'))).toBe(true);
    // Both files npx may run are executable: the bin, and dist/cli/main.js, the
    // bin before the bundle, which npx's cache still links for folders that ran
    // `npx gen-report` then (it failed in CI with "Permission denied").
    if (process.platform !== 'win32') {
      for (const file of ['bin/gen-report.cjs', 'dist/cli/main.js']) {
        const direct = spawnSync(path.join(dir, file), ['--version'], { cwd: dir, encoding: 'utf8' });
        expect(direct.error, file).toBeUndefined();
        expect(direct.status, `${file}: ${direct.stderr}`).toBe(0);
        expect(direct.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
      }
    }
    // The clone's own command runs, in Chinese by default.
    const v = spawnSync(process.execPath, [path.join(dir, 'bin/gen-report.cjs'), '--help'], { cwd: dir, encoding: 'utf8', env: { ...process.env, LANG: '', LC_ALL: '' } });
    expect(v.status).toBe(0);
    expect(v.stdout).toContain('退出码：');
  }, 900_000);
});
