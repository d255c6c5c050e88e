import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync, cpSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasStackTrace, runCli } from '../helpers/cli.js';
import { fixtures, repoRoot } from '../helpers/fixtures.js';
import { skipWithoutSourceTexts, sourceTextsDir, sourceTextsNote } from '../helpers/source-texts.js';
import { readZip } from '../helpers/ooxml.js';

const mini = ['--data', path.join(fixtures, 'mini-data'), '--template', path.join(fixtures, 'templates/mini')];
const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'gen-report-cli-'));

describe('gen-report CLI', () => {
  it('--help lists the commands, examples and exit codes, in Chinese by default and in English with --lang en', () => {
    const r = runCli(['--help']);
    expect(r.code).toBe(0);
    for (const word of ['build', 'validate', 'list', 'check-sources', '--format', '--as-of', '退出码：', '生成汇报材料（默认命令）', '选项：', '显示帮助信息', 'SOURCE_DATE_EPOCH']) expect(r.stdout).toContain(word);
    expect(r.stdout).not.toMatch(/Options:|Show help|Exit codes/);
    const en = runCli(['--help', '--lang', 'en']);
    for (const word of ['Exit codes:', 'Render the briefing (default command)', 'Options:', 'Show help']) expect(en.stdout).toContain(word);
    expect(en.stdout).not.toMatch(/退出码|选项：/);
    // An English locale in the environment does the same.
    expect(runCli(['--help'], { env: { LANG: 'en_US.UTF-8' } }).stdout).toContain('Exit codes:');
  });

  it('usage errors exit 2 without a stack trace', () => {
    for (const args of [['--no-such-option'], ['--format', 'gif'], ['--as-of', '2024-13', ...mini], ['--template', 'no-such-template']]) {
      const r = runCli([...args, '--out', tmp()]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/^gen-report: 命令用法有误\n/);
      expect(hasStackTrace(r.stderr)).toBe(false);
    }
  });

  it('build writes pptx, docx and md named from template and as-of date, and reports sizes and stage times', () => {
    const out = tmp();
    const r = runCli(['--format', 'all', ...mini, '--out', out]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const names = readdirSync(out).filter((n) => !n.startsWith('.')).sort();
    expect(names).toEqual(['mini-2025-12.charts', 'mini-2025-12.docx', 'mini-2025-12.md', 'mini-2025-12.pptx']);
    // Quiet by default: one line per file, no stage timings.
    expect(r.stdout).toMatch(/^已生成 .*mini-2025-12\.pptx（\d+(\.\d)? KB）$/m);
    expect(r.stdout.trim().split('\n')).toHaveLength(4);
    expect(r.stdout).not.toMatch(/\d ms\b/);
    const verbose = runCli(['--format', 'pptx', ...mini, '--out', tmp(), '--verbose', '--lang', 'en']);
    expect(verbose.stdout).toMatch(/^wrote .*mini-2025-12\.pptx {2}\d+(\.\d)? KB$/m);
    expect(verbose.stdout).toMatch(/stages: data \d+ ms · template \d+ ms · markdown \d+ ms · charts \d+ ms/);
    const md = readFileSync(path.join(out, 'mini-2025-12.md'), 'utf8');
    expect(md).toContain('4.6万个[^');
    expect(md).toMatch(/!\[青岛5G基站累计开通数\]\(mini-2025-12\.charts\/fiveg\.png\)/);
  });

  it('--json prints a machine-readable summary', () => {
    const out = tmp();
    const r = runCli(['--format', 'pptx', ...mini, '--out', out, '--json']);
    expect(r.code).toBe(0);
    const summary = JSON.parse(r.stdout);
    expect(summary.files[0].path).toMatch(/mini-2025-12\.pptx$/);
    expect(summary.files[0].bytes).toBe(readFileSync(path.join(out, 'mini-2025-12.pptx')).length);
    expect(summary.asOf).toBe('2025-12');
    expect(summary.dataHash).toMatch(/^[0-9a-f]{64}$/);
    expect(Object.keys(summary.timings)).toEqual(expect.arrayContaining(['data', 'template', 'markdown', 'charts', 'pptx']));
  });

  it('--as-of names the file after that date and drops later facts', () => {
    const out = tmp();
    const r = runCli(['--format', 'md', ...mini, '--out', out, '--as-of', '2024-06', '--quiet']);
    // The mini template asks for figures first published in 2026, unknown in 2024.
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/templates\/mini\/.*:\d+:\d+: .*在2024-06时还没有“[a-z0-9-]+”的数据/);
    expect(r.stdout).toBe('');
  });

  it('keeps rendered charts in OUT/.cache and redraws only what changed, with identical output', () => {
    const out = tmp();
    const first = runCli(['--format', 'pptx', ...mini, '--out', out, '--verbose']);
    expect(first.stdout).toMatch(/图表：新画 [1-9]\d* 张，沿用缓存 0 张/);
    const before = readFileSync(path.join(out, 'mini-2025-12.pptx'));
    const second = runCli(['--format', 'pptx', ...mini, '--out', out, '--verbose', '--lang', 'en']);
    expect(second.stdout).toMatch(/charts: 0 drawn, [1-9]\d* from cache/);
    expect(readFileSync(path.join(out, 'mini-2025-12.pptx')).equals(before)).toBe(true);
    const fresh = tmp();
    const nocache = runCli(['--format', 'pptx', ...mini, '--out', fresh, '--no-cache', '--verbose']);
    expect(nocache.stdout).not.toContain('缓存');
    expect(readdirSync(fresh)).toEqual(['mini-2025-12.pptx']);
    expect(readFileSync(path.join(fresh, 'mini-2025-12.pptx')).equals(before)).toBe(true);
  });

  it('validate and list succeed on good input and print what they checked', () => {
    const v = runCli(['validate', ...mini]);
    expect(v.code).toBe(0);
    expect(v.stdout).toMatch(/^检查通过：1 个数据文件，\d+ 个数字/);
    expect(runCli(['validate', ...mini, '--lang', 'en']).stdout).toMatch(/ok: 1 data files, \d+ facts/);
    const l = runCli(['list', '--data', path.join(fixtures, 'mini-data')]);
    expect(l.code).toBe(0);
    expect(l.stdout).toContain('qingdao-5g-base-stations');
  });

  it.skipIf(skipWithoutSourceTexts)(`check-sources finds every printed figure in the articles sources.yaml points at, and names a figure that is not there${sourceTextsNote}`, () => {
    const seeds = sourceTextsDir;
    const ok = runCli(['check-sources']);
    expect(ok.stderr).toBe('');
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/^核对通过：\d+ 个数字和事件都在 .*seeds 的原文中找到/);
    expect(runCli(['check-sources', seeds, '--lang', 'en']).stdout).toMatch(/ok: all \d+ facts and milestones found/);
    const dir = tmp();
    cpSync(path.join(repoRoot, 'data'), dir, { recursive: true });
    const file = path.join(dir, 'indicators/infrastructure.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('printed: 4.6万个', 'printed: 4.7万个').replace('value: 46000', 'value: 47000'));
    const bad = runCli(['check-sources', seeds, '--data', dir]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/infrastructure\.yaml:\d+:\d+: .*4\.7万个/);
    expect(hasStackTrace(bad.stderr)).toBe(false);
  });

  it('a data error exits 1 with file:line and no stack trace', () => {
    const dir = tmp();
    cpSync(path.join(fixtures, 'mini-data'), dir, { recursive: true });
    const file = path.join(dir, 'facts.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('value: 37800', 'value: "3.78万"'));
    const r = runCli(['validate', '--data', dir, '--template', path.join(fixtures, 'templates/mini')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/facts\.yaml:\d+:\d+: value 应该是数字，这里是文字\n {4}→ 写成纯数字/);
    expect(hasStackTrace(r.stderr)).toBe(false);
  });

  it('a failed build leaves the previous output byte-identical and no temporary files', () => {
    const out = tmp();
    expect(runCli(['--format', 'pptx', ...mini, '--out', out, '--quiet']).code).toBe(0);
    const file = path.join(out, 'mini-2025-12.pptx');
    const before = readFileSync(file);
    const broken = tmp();
    cpSync(path.join(fixtures, 'templates/mini'), broken, { recursive: true });
    writeFileSync(path.join(broken, 'deck.md.hbs'), `${readFileSync(path.join(broken, 'deck.md.hbs'), 'utf8')}\n{{fact "nope"}}\n`);
    const r = runCli(['--format', 'pptx', '--data', path.join(fixtures, 'mini-data'), '--template', broken, '--out', out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('模板要用的数据 nope 在数据中不存在');
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(readdirSync(out).filter((n) => !n.startsWith('.'))).toEqual(['mini-2025-12.pptx']);
    expect(readdirSync(out).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('an unwritable output exits 3 and keeps nothing half-written', () => {
    const dir = tmp();
    const notADir = path.join(dir, 'file');
    writeFileSync(notADir, 'x');
    const r = runCli(['--format', 'pptx', ...mini, '--out', notADir]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('无法写出文件');
    expect(hasStackTrace(r.stderr)).toBe(false);
    expect(readFileSync(notADir, 'utf8')).toBe('x');
  });

  it('the default command builds the default deck from ./data', async () => {
    const out = tmp();
    const r = runCli(['--format', 'pptx', '--out', out]);
    expect(onlyStaleWarnings(r.stderr)).toBe(true);
    expect(r.code).toBe(0);
    const [name] = readdirSync(out).filter((n) => !n.startsWith('.'));
    expect(name).toMatch(/^qingdao-briefing-\d{4}-\d{2}\.pptx$/);
    const zip = await readZip(readFileSync(path.join(out, name)));
    expect([...zip.keys()].filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n)).length).toBeGreaterThan(10);
    expect(existsSync(path.join(out, name))).toBe(true);
  });
});

/** Every build warns about headline figures older than 18 months (issue 13) and, until one is set, about the issuing office (issue 20); nothing else may appear. */
function onlyStaleWarnings(stderr: string): boolean {
  const lines = stderr.split('\n').filter(Boolean);
  return lines.length > 0 && lines.every((l) => /早了 ?18 ?个月以上|个月内没有新?数据|另有 \d+ 条提醒|未设置发文单位/.test(l));
}
