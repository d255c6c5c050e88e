/**
 * Templates cannot make a build hang or exhaust memory: partials that double
 * their output, or call themselves, stop early with an error naming the
 * template file.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFactBase } from '../../src/facts/load.js';
import { TemplateError } from '../../src/errors.js';
import { render } from '../../src/i18n/index.js';
import { LIMITS } from '../../src/limits.js';
import { loadTemplate } from '../../src/templates/manifest.js';
import { renderTemplate } from '../../src/templates/render.js';
import { fixtures, readData, readTemplate } from '../helpers/fixtures.js';

const fb = loadFactBase(readData(path.join(fixtures, 'mini-data'))).result;
const mini = readTemplate(path.join(fixtures, 'templates/mini'), 'templates/mini');

function renderWith(extra: Record<string, string>, entryTail: string): unknown {
  const files = new Map(mini.files);
  for (const [k, v] of Object.entries(extra)) files.set(k, v);
  files.set('deck.md.hbs', `${files.get('deck.md.hbs')}\n${entryTail}\n`);
  try {
    renderTemplate(loadTemplate({ dir: mini.dir, files }), fb);
  } catch (e) {
    return e;
  }
  return undefined;
}

describe('template output limits', () => {
  it('stops partials that double their output 30 times, naming the template', () => {
    // 10 characters doubled 30 times would be 10 GiB of Markdown.
    const partials: Record<string, string> = { 'partials/p0.hbs': 'xxxxxxxxxx' };
    for (let k = 1; k <= 30; k++) partials[`partials/p${k}.hbs`] = `{{> p${k - 1}}}{{> p${k - 1}}}`;
    const error = renderWith(partials, '{{> p30}}');
    expect(error).toBeInstanceOf(TemplateError);
    const problem = (error as TemplateError).problems[0];
    expect(problem.file).toMatch(/^templates\/mini\/partials\/p\d+\.hbs$/);
    expect(render(problem.message, 'zh-CN')).toContain(String(LIMITS.markdownChars / 1024 / 1024));
    expect(render(problem.message, 'en')).toMatch(/Markdown/);
  }, 60_000);

  it('stops a partial that includes itself, naming it', () => {
    const error = renderWith({ 'partials/loop.hbs': 'a{{> loop}}' }, '{{> loop}}');
    expect(error).toBeInstanceOf(TemplateError);
    const problem = (error as TemplateError).problems[0];
    expect(problem.file).toBe('templates/mini/partials/loop.hbs');
    expect(render(problem.message, 'en')).toContain(String(LIMITS.partialDepth));
  });

  it('leaves ordinary nesting alone', () => {
    expect(renderWith({ 'partials/a.hbs': '{{> b}}{{> b}}', 'partials/b.hbs': '乙' }, '{{> a}}')).toBeUndefined();
  });
});
