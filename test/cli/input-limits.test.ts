/**
 * Only plain files of a sane size are read, and nothing is read from or
 * written into the kernel's pseudo file systems (/proc, /sys), where a read
 * may never end and a write means nothing: each is a clear error naming the
 * path, never a hang and never exit 4.
 */
import { cpSync, mkdtempSync, symlinkSync, truncateSync, writeFileSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasStackTrace, runCli } from '../helpers/cli.js';
import { fixtures } from '../helpers/fixtures.js';
import { LIMITS } from '../../src/limits.js';

const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'gen-report-limits-'));
const mini = ['--data', path.join(fixtures, 'mini-data'), '--template', path.join(fixtures, 'templates/mini'), '--format', 'md'];
const linux = process.platform === 'linux' && existsSync('/proc/self/environ');

function dataWith(add: (dir: string) => void): string {
  const dir = tmp();
  cpSync(path.join(fixtures, 'mini-data'), dir, { recursive: true });
  add(dir);
  return dir;
}

function expectError(args: string[], code: number, ...texts: string[]) {
  const r = runCli([...args, '--lang', 'en']);
  expect(r.code, r.stderr).toBe(code);
  expect(hasStackTrace(r.stderr)).toBe(false);
  for (const t of texts) expect(r.stderr).toContain(t);
  return r;
}

describe('input and output limits', () => {
  it('refuses a data file over the size limit, naming it', () => {
    const data = dataWith((d) => {
      const f = path.join(d, 'huge.yaml');
      writeFileSync(f, '# padding\n');
      truncateSync(f, LIMITS.dataFileBytes + 1);
    });
    expectError(['validate', '--data', data], 1, 'huge.yaml', `${LIMITS.dataFileBytes / 1024 / 1024} MB`);
  });

  it('refuses a template file over the size limit, naming it', () => {
    const template = tmp();
    cpSync(path.join(fixtures, 'templates/mini'), template, { recursive: true });
    const f = path.join(template, 'partials', 'huge.hbs');
    writeFileSync(f, 'x');
    truncateSync(f, LIMITS.templateFileBytes + 1);
    expectError(['--format', 'md', '--data', path.join(fixtures, 'mini-data'), '--template', template, '--out', tmp()], 1, 'huge.hbs', 'MB');
  });

  it.skipIf(!linux)('refuses a data file that is a link into /proc', () => {
    const data = dataWith((d) => symlinkSync('/proc/self/environ', path.join(d, 'environ.yaml')));
    expectError(['validate', '--data', data], 1, 'environ.yaml', '/proc');
  });

  it.skipIf(!linux)('refuses --out inside /proc or /sys (a usage error), writing nothing', () => {
    expectError([...mini, '--out', '/proc/self/out'], 2, '/proc');
    expectError([...mini, '--out', '/sys/kernel/gen-report-out'], 2, '/sys');
  });

  it.skipIf(!linux)('accepts --out through a /proc link that leads to a real folder', () => {
    const cwd = tmp();
    const r = runCli([...mini, '--out', '/proc/self/cwd/out'], { cwd });
    expect(r.code, r.stderr).toBe(0);
    expect(existsSync(path.join(cwd, 'out', 'mini-2025-12.md'))).toBe(true);
  });
});
