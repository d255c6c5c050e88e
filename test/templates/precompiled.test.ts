/**
 * Templates compiled ahead of time (src/templates/precompiled.ts): the code a
 * render generated, used by a later render of the exact same files, gives the
 * same Markdown and line map; it is really what runs; and any edit to a file
 * (or a different template) compiles afresh. `npm run build` ships one for
 * every shipped template (dist/templates/precompiled/<name>.json).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFactBase } from '../../src/facts/load.js';
import { loadTemplate, type TemplateFiles } from '../../src/templates/manifest.js';
import { CompiledTemplateCache, renderTemplate } from '../../src/templates/render.js';
import type { PrecompiledTemplate } from '../../src/templates/precompiled.js';
import { templateFiles } from '../helpers/build.js';
import { readData, repoRoot } from '../helpers/fixtures.js';

const fb = loadFactBase(readData(path.join(repoRoot, 'data'))).result;
const context = { asOf: '2026-01', asOfLabel: '2026年1月', changes: [] };

function render(files: TemplateFiles, cache?: CompiledTemplateCache) {
  return renderTemplate(loadTemplate(files), fb, context, cache).result;
}

function compiledAhead(files: TemplateFiles): PrecompiledTemplate {
  const cache = new CompiledTemplateCache();
  render(files, cache);
  return cache.export()!;
}

describe('templates compiled ahead of time', () => {
  for (const name of ['qingdao-briefing', 'qingdao-briefing-short', 'qingdao-report', 'qingdao-report-gbt']) {
    it(`${name}: the same Markdown and line map as compiling as it renders`, () => {
      const files = templateFiles(name);
      const ahead = compiledAhead(files);
      expect(Object.keys(ahead.specs).length).toBeGreaterThan(0);
      const fresh = render(files);
      const fromAhead = render(files, new CompiledTemplateCache([ahead]));
      expect(fromAhead.markdown).toBe(fresh.markdown);
      expect(fromAhead.lines).toEqual(fresh.lines);
    });
  }

  it('runs the code it was given for matching files', () => {
    const files = templateFiles('qingdao-briefing');
    const ahead = compiledAhead(files);
    const entry = loadTemplate(files).manifest.entry;
    const marked = { ...ahead, specs: { ...ahead.specs, [entry]: ahead.specs[entry].replace(/"# /, '"# AHEAD ') } };
    expect(marked.specs[entry]).not.toBe(ahead.specs[entry]);
    expect(render(files, new CompiledTemplateCache([marked])).markdown).toMatch(/^# AHEAD /m);
  });

  it('a file it has no code for is parsed and compiled when it first renders', () => {
    const files = templateFiles('qingdao-briefing');
    const ahead = compiledAhead(files);
    const partial = Object.keys(ahead.specs).find((f) => f.startsWith('partials/'))!;
    const { [partial]: _left, ...specs } = ahead.specs;
    const cache = new CompiledTemplateCache([{ ...ahead, specs }]);
    const out = render(files, cache);
    expect(out.markdown).toBe(render(files).markdown);
    expect(out.lines).toEqual(render(files).lines);
    expect(Object.keys(cache.export()!.specs)).toContain(partial);
  });

  it('compiles afresh when any file differs by one character', () => {
    const files = templateFiles('qingdao-briefing');
    const ahead = compiledAhead(files);
    const entry = loadTemplate(files).manifest.entry;
    const marked = { ...ahead, specs: { ...ahead.specs, [entry]: ahead.specs[entry].replace(/"# /, '"# AHEAD ') } };
    const edited: TemplateFiles = { ...files, files: new Map(files.files) };
    const partial = [...edited.files.keys()].find((f) => f.startsWith('partials/'))!;
    edited.files.set(partial, `${edited.files.get(partial)}\n`);
    const out = render(edited, new CompiledTemplateCache([marked])).markdown;
    expect(out).not.toMatch(/AHEAD/);
    expect(out).toBe(render(edited).markdown);
  });

  it('npm run build shipped one for every shipped template, matching today\'s files', () => {
    for (const name of ['qingdao-briefing', 'qingdao-briefing-short', 'qingdao-report', 'qingdao-report-gbt']) {
      const shipped = JSON.parse(readFileSync(path.join(repoRoot, `dist/templates/precompiled/${name}.json`), 'utf8')) as PrecompiledTemplate;
      expect(shipped.key, name).toBe(compiledAhead(templateFiles(name)).key);
    }
  });
});
