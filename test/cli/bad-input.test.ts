/**
 * Ordinary bad input is a stage error (exit 1 or 2) naming the file and line,
 * never exit 4: YAML alias bombs, symlink loops and dangling links, devices
 * and pipes, non-UTF-8 text, files linked from outside a template folder.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasStackTrace, runCli } from '../helpers/cli.js';
import { fixtures } from '../helpers/fixtures.js';
import { renderCharts } from '../../src/charts/index.js';
import { defaultTheme } from '../../src/model/default-theme.js';
import { decodeUtf8 } from '../../src/cli/read-input.js';

const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'gen-report-bad-'));
const miniTemplate = path.join(fixtures, 'templates/mini');

/** A copy of the mini data folder with one extra entry made by `add`. */
function dataWith(add: (dir: string) => void): string {
  const dir = tmp();
  cpSync(path.join(fixtures, 'mini-data'), dir, { recursive: true });
  add(dir);
  return dir;
}

function expectInputError(args: string[], code: number, ...texts: string[]) {
  const r = runCli([...args, '--lang', 'en']);
  expect(r.code, r.stderr).toBe(code);
  expect(hasStackTrace(r.stderr)).toBe(false);
  for (const t of texts) expect(r.stderr).toContain(t);
  return r;
}

const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]', ...'bcdefg'.split('').map((c, i) => `${c}: &${c} [${Array(9).fill(`*${'abcdef'[i]}`).join(',')}]`)].join('\n');

describe('bad input gets exit 1 or 2, with the file (and line), never exit 4', () => {
  it('a YAML alias bomb in data', () => {
    const data = dataWith((d) => writeFileSync(path.join(d, 'bomb.yaml'), bomb));
    expectInputError(['validate', '--data', data], 1, 'bomb.yaml:2', 'aliases');
  });

  it('a YAML alias bomb in charts.yaml', () => {
    const template = tmp();
    cpSync(miniTemplate, template, { recursive: true });
    writeFileSync(path.join(template, 'charts.yaml'), `${readFileSync(path.join(miniTemplate, 'charts.yaml'), 'utf8')}\n${bomb.replace(/^(\w): /gm, 'x$1: ')}\n`);
    expectInputError(['--format', 'pptx', '--data', path.join(fixtures, 'mini-data'), '--template', template, '--out', tmp()], 1, 'charts.yaml', 'aliases');
  });

  it('a symlink loop in data/', () => {
    const data = dataWith((d) => symlinkSync(path.join(d, 'loop.yaml'), path.join(d, 'loop.yaml')));
    expectInputError(['validate', '--data', data], 1, 'loop.yaml', 'loop');
  });

  it('a dangling symlink in data/', () => {
    const data = dataWith((d) => symlinkSync(path.join(d, 'gone.yaml.orig'), path.join(d, 'gone.yaml')));
    expectInputError(['validate', '--data', data], 1, 'gone.yaml', 'does not exist');
  });

  it('a data file that is a link to a device file', () => {
    const data = dataWith((d) => symlinkSync('/dev/zero', path.join(d, 'zero.yaml')));
    expectInputError(['validate', '--data', data], 1, 'zero.yaml', 'not a plain file');
  });

  it('a FIFO in data/ is refused, not waited on', () => {
    const data = dataWith((d) => execFileSync('mkfifo', [path.join(d, 'pipe.yaml')]));
    expectInputError(['validate', '--data', data], 1, 'pipe.yaml', 'not a plain file');
  });

  it.skipIf(process.getuid?.() === 0)('an unreadable data file', () => {
    const data = dataWith((d) => writeFileSync(path.join(d, 'secret.yaml'), 'sources: []', { mode: 0o000 }));
    expectInputError(['validate', '--data', data], 1, 'secret.yaml', 'permission');
  });

  it('GBK-encoded data is refused with its line and a hint to re-save as UTF-8', () => {
    const data = dataWith((d) => {
      // 青岛 in GBK is C7 E0 B5 BA: not UTF-8.
      const gbk = Buffer.concat([Buffer.from('tags:\n  - id: x\n    description: '), Buffer.from([0xc7, 0xe0, 0xb5, 0xba]), Buffer.from('\n')]);
      writeFileSync(path.join(d, 'gbk.yaml'), gbk);
    });
    const r = runCli(['validate', '--data', data]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('gbk.yaml:3');
    expect(r.stderr).toContain('UTF-8');
    expect(r.stderr).toContain('另存为');
  });

  it('GBK data in a git revision (diff HEAD) is refused the same way', () => {
    const repo = tmp();
    const data = path.join(repo, 'data');
    cpSync(path.join(fixtures, 'mini-data'), data, { recursive: true });
    writeFileSync(path.join(data, 'gbk.yaml'), Buffer.concat([Buffer.from('tags:\n  - id: x\n    description: '), Buffer.from([0xc7, 0xe0, 0xb5, 0xba]), Buffer.from('\n')]));
    const git = (...a: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', ...a], { cwd: repo, stdio: 'ignore' });
    git('init', '-q');
    git('add', '.');
    git('commit', '-qm', 'gbk');
    execFileSync('rm', [path.join(data, 'gbk.yaml')]);
    const r = runCli(['diff', 'HEAD', '--data', data, '--lang', 'en'], { cwd: repo });
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toContain('gbk.yaml:3');
    expect(r.stderr).toContain('UTF-8');
  });

  it('UTF-16 data ("Unicode" in Notepad) is refused', () => {
    const data = dataWith((d) => writeFileSync(path.join(d, 'u16.yaml'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('tags: []\n', 'utf16le')])));
    expectInputError(['validate', '--data', data], 1, 'u16.yaml', 'UTF-16');
  });

  it('a UTF-8 byte-order mark is accepted', () => {
    expect(decodeUtf8(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('青岛')]))).toEqual({ text: '青岛' });
  });

  it('check-sources given a file is a usage error', () => {
    expectInputError(['check-sources', path.join(fixtures, 'mini-data/facts.yaml'), '--data', path.join(fixtures, 'mini-data')], 2, 'facts.yaml', 'not the folder');
  });
});

describe('a template reads only its own folder', () => {
  function templateWith(link: string, target: string): string {
    const dir = tmp();
    cpSync(miniTemplate, dir, { recursive: true });
    const file = path.join(dir, link);
    mkdirSync(path.dirname(file), { recursive: true });
    execFileSync('rm', ['-f', file]);
    symlinkSync(target, file);
    return dir;
  }
  const secret = () => {
    const f = path.join(tmp(), 'secret.hbs');
    writeFileSync(f, '## 机密\n\nTOP-SECRET-TEXT\n');
    return f;
  };

  it('a partial that is a symlink to a file outside is refused; its contents print nowhere', () => {
    const template = templateWith('partials/kpi.hbs', secret());
    const out = tmp();
    const r = expectInputError(['--format', 'md', '--data', path.join(fixtures, 'mini-data'), '--template', template, '--out', out], 1, 'kpi.hbs', 'outside the template folder');
    expect(r.stdout + r.stderr).not.toContain('TOP-SECRET-TEXT');
  });

  it('an entry file that is a symlink to a system file is refused', () => {
    const template = templateWith('deck.md.hbs', '/etc/hostname');
    expectInputError(['--format', 'md', '--data', path.join(fixtures, 'mini-data'), '--template', template, '--out', tmp()], 1, 'deck.md.hbs', 'outside the template folder');
  });

  it('a symlink inside the folder to another file of the folder is fine', () => {
    const template = templateWith('partials/kpi-copy.hbs', 'kpi.hbs');
    expect(runCli(['--format', 'md', '--data', path.join(fixtures, 'mini-data'), '--template', template, '--out', tmp()]).code).toBe(0);
  });

  it('an OUT/.cache that links elsewhere is not written through', () => {
    const out = tmp();
    const elsewhere = tmp();
    symlinkSync(elsewhere, path.join(out, '.cache'));
    const r = runCli(['--format', 'pptx', '--data', path.join(fixtures, 'mini-data'), '--template', miniTemplate, '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(readdirSync(elsewhere)).toEqual([]);
  });

  it('fontFiles outside assets/fonts and the system font folders are refused', () => {
    for (const f of ['/etc/hostname', 'assets/fonts/../../package.json']) {
      expect(() => renderCharts([], { ...defaultTheme, fontFiles: [f] })).toThrow(/inside assets\/fonts or a system font folder/);
    }
  });
});
