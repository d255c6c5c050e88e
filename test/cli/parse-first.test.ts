/**
 * Parse before acting: a misspelt command or option, a missing argument or an
 * option without its value is exit 2 with a hint, and nothing is read or
 * written: the output folder stays byte-identical.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { hasStackTrace, runCli } from '../helpers/cli.js';
import { fixtures } from '../helpers/fixtures.js';
import { commandOptions } from '../../src/cli/args.js';

const data = path.join(fixtures, 'mini-data');
const template = path.join(fixtures, 'templates/mini');
let out = '';

/** Every file under a folder (hidden ones too: the chart cache) with its hash. */
function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (d: string) => {
    for (const n of readdirSync(d)) {
      const full = path.join(d, n);
      if (statSync(full).isDirectory()) walk(full);
      else files[path.relative(dir, full)] = createHash('sha256').update(readFileSync(full)).digest('hex');
    }
  };
  walk(dir);
  return files;
}

beforeAll(() => {
  out = mkdtempSync(path.join(os.tmpdir(), 'gen-report-parse-'));
  const r = runCli(['--format', 'pptx', '--data', data, '--template', template, '--out', out, '--quiet']);
  expect(r.code).toBe(0);
}, 120_000);

function expectUntouched(args: string[], stderr: RegExp): void {
  const before = snapshot(out);
  const r = runCli(args);
  expect(r.code, `${args.join(' ')}\n${r.stderr}`).toBe(2);
  expect(r.stderr).toMatch(/^gen-report: 命令用法有误\n/);
  expect(r.stderr).toMatch(stderr);
  expect(r.stderr, 'a hint follows the message').toMatch(/\n {4}→ \S/);
  expect(hasStackTrace(r.stderr)).toBe(false);
  expect(r.stdout).toBe('');
  expect(snapshot(out)).toEqual(before);
}

describe('parse before acting', () => {
  const common = () => ['--data', data, '--out', out];
  const cases: Array<[string, () => string[], RegExp]> = [
    ['misspelt command valdate', () => ['valdate', ...common()], /没有 valdate 这个命令，是不是想写 validate？/],
    ['misspelt command biuld', () => ['biuld', ...common()], /是不是想写 build？/],
    ['misspelt option --fromat', () => ['--fromat', 'docx', '--template', template, ...common()], /是不是想写 --format？/],
    ['misspelt option --outt', () => ['--template', template, '--data', data, '--outt', path.join(out, 'elsewhere')], /是不是想写 --out？/],
    ['validate --bogus', () => ['validate', '--bogus', '--data', data], /无法识别：bogus/],
    ['watch --bogus', () => ['watch', '--bogus', '--template', template, ...common()], /无法识别：bogus/],
    ['list --bogus', () => ['list', '--bogus', '--data', data], /无法识别：bogus/],
    ['check-sources --bogus', () => ['check-sources', '--bogus', '--data', data], /无法识别：bogus/],
    ['diff without OLD', () => ['diff', '--data', data], /缺少必需的参数：old/],
    ['diff --asof', () => ['diff', data, '--asof', '2024-01', '--data', data], /是不是想写 --as-of？/],
    ['--format without its value', () => ['--template', template, ...common(), '--format'], /选项缺少取值：format/],
    ['--out without its value', () => ['--template', template, '--data', data, '--out'], /选项缺少取值：out/],
    ['an unknown format', () => ['--format', 'odt', '--template', template, ...common()], /没有“odt”这种输出格式/],
    ['extract without --source', () => ['extract', 'article.txt', '--data', data], /source/],
    ['extract --yaml --json', () => ['extract', 'article.txt', '--source', 's1', '--yaml', '--json', '--data', data], /--yaml 和 --json 只能选一个/],
    ['an impossible --as-of', () => ['--as-of', '2024-02-30', '--template', template, ...common()], /--as-of 的值“2024-02-30”不是一个真实的日期/],
    ['an unknown --lang', () => ['--lang', 'fr', '--template', template, ...common()], /lang/],
  ];
  it.each(cases)('%s: exit 2, a hint, the output folder byte-identical', (_name, args, stderr) => {
    expectUntouched(args(), stderr);
    expect(existsSync(path.join(out, 'elsewhere'))).toBe(false);
  });

  it('a format the template does not declare is a usage error naming its formats', () => {
    const r = runCli(['--template', 'qingdao-report', '--format', 'pptx', '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('模板 qingdao-report 不生成 pptx 格式；它的格式是 docx、md');
    const en = runCli(['--template', 'qingdao-report', '--format', 'pptx', '--out', out, '--lang', 'en']);
    expect(en.stderr).toContain('template qingdao-report does not produce pptx; its formats are docx, md');
  });

  it('the same errors in English with --lang en', () => {
    const r = runCli(['--fromat', 'docx', '--lang', 'en', ...common()]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^gen-report: usage error\n {2}Unknown argument: fromat\n {4}→ build has no option --fromat: did you mean --format\?/);
  });

  it('property: a misspelt option name never touches the output', () => {
    const names = Object.keys(commandOptions().build).filter((n) => n.length > 2);
    const known = new Set(Object.values(commandOptions()).flatMap((o) => Object.keys(o)));
    const typo = fc
      .tuple(fc.constantFrom(...names), fc.nat(), fc.constantFrom('drop', 'double', 'swap', 'replace'), fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz-'))
      .map(([name, at, how, ch]) => {
        const i = at % name.length;
        if (how === 'drop') return name.slice(0, i) + name.slice(i + 1);
        if (how === 'double') return name.slice(0, i) + name[i] + name.slice(i);
        if (how === 'swap' && i + 1 < name.length) return name.slice(0, i) + name[i + 1] + name[i] + name.slice(i + 2);
        return name.slice(0, i) + ch + name.slice(i + 1);
      })
      .filter((n) => !known.has(n) && !known.has(n.replace(/^no-/, '')) && !/^-|-$|--/.test(n) && n !== 'help' && n !== 'version');
    fc.assert(
      fc.property(typo, fc.constantFrom('build', 'validate', 'watch', 'list'), (name, command) => {
        expectUntouched([command, `--${name}`, 'x', '--data', data, ...(command === 'list' || command === 'validate' ? [] : ['--template', template, '--out', out])], /无法识别/);
      }),
      { numRuns: 12 },
    );
  }, 240_000);
});
