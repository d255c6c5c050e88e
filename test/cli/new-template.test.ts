/**
 * Issue 20: `gen-report new-template NAME [--from TEMPLATE]` scaffolds a
 * variant that extends TEMPLATE, refuses to overwrite or to take a bad name,
 * speaks the user's language, and what it writes builds as it is.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { build } from '../../src/pipeline/build.js';
import { loadTemplate } from '../../src/templates/manifest.js';
import { readTemplateDir } from '../../src/cli/io.js';
import { hasStackTrace, runCli } from '../helpers/cli.js';
import { readData, repoRoot } from '../helpers/fixtures.js';
import { readZip } from '../helpers/ooxml.js';

const cwd = mkdtempSync(path.join(os.tmpdir(), 'gen-report-new-template-'));
afterAll(() => rmSync(cwd, { recursive: true, force: true }));
const dir = (name: string) => path.join(cwd, 'templates', name);

describe('gen-report new-template', () => {
  it('scaffolds a variant of the default deck that builds as it is, with the parent parts and charts', async () => {
    const r = runCli(['new-template', 'briefing-10min'], { cwd });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('已创建模板 briefing-10min（继承 qingdao-briefing）');
    expect(readdirSync(dir('briefing-10min')).sort()).toEqual(['charts.yaml', 'deck.md.hbs', 'partials', 'template.yaml']);
    const manifest = readFileSync(path.join(dir('briefing-10min'), 'template.yaml'), 'utf8');
    expect(parse(manifest)).toMatchObject({ name: 'briefing-10min', extends: 'qingdao-briefing', meta: { title: '青岛市工业互联网发展情况汇报' } });
    // Comments say what to change, and the editor finds the schema.
    expect(manifest).toMatch(/# yaml-language-server: \$schema=(\.\.\/)+.*schema\/template\.schema\.json/);
    const schema = /\$schema=(\S+)/.exec(manifest)![1];
    expect(existsSync(path.resolve(dir('briefing-10min'), schema))).toBe(true);
    expect(manifest).toMatch(/^ {2}# issuer:/m);
    expect(manifest).toMatch(/# theme:\n#   colors:\n#     primary: C00000/);
    const entry = readFileSync(path.join(dir('briefing-10min'), 'deck.md.hbs'), 'utf8');
    expect(entry).toMatch(/^\{\{!--\n由 gen-report new-template 生成/);
    for (const part of ['overview', 'platforms', 'infrastructure', 'next-steps']) expect(entry).toContain(`{{> ${part}}}`);

    const files = await readTemplateDir(dir('briefing-10min'));
    const t = loadTemplate(files);
    // Formats are inherited: whatever the parent declares.
    expect(t.manifest.formats).toEqual(loadTemplate(await readTemplateDir(path.join(repoRoot, 'templates/qingdao-briefing'))).manifest.formats);
    expect(t.manifest.formats[0]).toBe('pptx');
    expect(Object.keys(t.charts)).toContain('cross-industry-ranks');
    const built = await build({ data: readData(path.join(repoRoot, 'data')), template: files, formats: ['pptx'], timestamp: 1767225600 });
    const parts = await readZip(built.result.files[0].data);
    expect(built.result.files[0].name).toBe('briefing-10min-2026-01.pptx');
    expect([...parts.keys()].filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n)).length).toBeGreaterThan(15);
    expect([...parts.keys()].some((n) => n.startsWith('ppt/media/'))).toBe(true);
  }, 120_000);

  it('refuses to overwrite a folder or to shadow a shipped template, and leaves the folder untouched', () => {
    const before = readFileSync(path.join(dir('briefing-10min'), 'template.yaml'), 'utf8');
    writeFileSync(path.join(dir('briefing-10min'), 'template.yaml'), `${before}# mine\n`);
    const again = runCli(['new-template', 'briefing-10min'], { cwd });
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('已有名为 briefing-10min 的模板');
    expect(hasStackTrace(again.stderr)).toBe(false);
    expect(readFileSync(path.join(dir('briefing-10min'), 'template.yaml'), 'utf8')).toBe(`${before}# mine\n`);
    const shipped = runCli(['new-template', 'qingdao-report', '--lang', 'en'], { cwd });
    expect(shipped.code).toBe(2);
    expect(shipped.stderr).toMatch(/a template named qingdao-report already exists/);
    expect(existsSync(dir('qingdao-report'))).toBe(false);
  });

  it('refuses a name that is not a template name, in the chosen language', () => {
    for (const bad of ['My Deck', '../escape', 'a/b', '_x', 'x'.repeat(65)]) {
      const r = runCli(['new-template', bad, '--lang', 'en'], { cwd });
      expect(r.code, bad).toBe(2);
      expect(r.stderr, bad).toMatch(/is not a template name/);
      expect(r.stderr, bad).toMatch(/lower-case letters, digits and hyphens/);
    }
    const zh = runCli(['new-template', 'Bad'], { cwd });
    expect(zh.stderr).toContain('模板名“Bad”不合规');
    expect(readdirSync(path.join(cwd, 'templates')).filter((n) => !n.startsWith('.'))).toEqual(['briefing-10min']);
    expect(readdirSync(path.join(cwd, 'templates')).filter((n) => n.startsWith('.'))).toEqual([]);
  });

  it('--from a report template or a folder path writes the parent reference and English comments', () => {
    const r = runCli(['new-template', 'report-short', '--from', 'qingdao-report-gbt', '--lang', 'en'], { cwd });
    expect(r.code).toBe(0);
    const manifest = readFileSync(path.join(dir('report-short'), 'template.yaml'), 'utf8');
    expect(manifest).toContain('extends: qingdao-report-gbt');
    expect(manifest).toContain('Made by gen-report new-template');
    expect(readdirSync(dir('report-short'))).toContain('report.md.hbs');
    const byPath = runCli(['new-template', 'deeper', '--from', './templates/briefing-10min'], { cwd });
    expect(byPath.code).toBe(0);
    expect(parse(readFileSync(path.join(dir('deeper'), 'template.yaml'), 'utf8')).extends).toBe('../briefing-10min');
  });
});
