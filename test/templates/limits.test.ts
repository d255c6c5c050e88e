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
import { parseBriefing } from '../../src/markdown/parse.js';
import { fixtures, readData, readTemplate } from '../helpers/fixtures.js';

const fb = loadFactBase(readData(path.join(fixtures, 'mini-data'))).result;
const mini = readTemplate(path.join(fixtures, 'templates/mini'), 'templates/mini');

function renderWith(extra: Record<string, string>, entryTail: string, parse = false): unknown {
  const files = new Map(mini.files);
  for (const [k, v] of Object.entries(extra)) files.set(k, v);
  files.set('deck.md.hbs', `${files.get('deck.md.hbs')}\n${entryTail}\n`);
  try {
    const rendered = renderTemplate(loadTemplate({ dir: mini.dir, files }), fb).result;
    if (parse) parseBriefing(rendered);
  } catch (e) {
    return e;
  }
  return undefined;
}

/** Line of `needle` in the mini template's deck.md.hbs after `tail` is appended. */
function lineOf(tail: string, needle: string): number {
  return `${mini.files.get('deck.md.hbs')}\n${tail}`.split('\n').findIndex((l) => l.includes(needle)) + 1;
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

  it('refuses a paragraph longer than the limit at its template line', () => {
    const tail = `## 长段落\n\n${'青'.repeat(LIMITS.paragraphChars + 1)}`;
    const error = renderWith({}, tail, true);
    expect(error).toBeInstanceOf(TemplateError);
    const problem = (error as TemplateError).problems[0];
    expect(problem.file).toBe('templates/mini/deck.md.hbs');
    expect(problem.line).toBe(lineOf(tail, '青青'));
    expect(render(problem.message, 'en')).toContain(String(LIMITS.paragraphChars));
  });

  it('refuses a list item longer than the limit', () => {
    const tail = `## 长列表\n\n- 短\n- ${'岛'.repeat(LIMITS.paragraphChars + 1)}`;
    const problem = (renderWith({}, tail, true) as TemplateError).problems[0];
    expect(problem.line).toBe(lineOf(tail, '岛岛'));
  });

  it('refuses a 1 MB table cell at its line', () => {
    const tail = `## 长表格\n\n| 事项 | 数值 |\n|:--|--:|\n| 甲 | 1 |\n| ${'网'.repeat(1024 * 1024)} | 2 |`;
    const error = renderWith({}, tail, true);
    expect(error).toBeInstanceOf(TemplateError);
    const problem = (error as TemplateError).problems[0];
    expect(problem.line).toBe(lineOf(tail, '网网'));
    expect(render(problem.message, 'zh-CN')).toContain(String(LIMITS.tableCellChars));
  }, 60_000);

  it('accepts text at the limits', () => {
    const tail = `## 刚好\n\n${'青'.repeat(LIMITS.paragraphChars)}\n\n| a | b |\n|:--|--:|\n| ${'网'.repeat(LIMITS.tableCellChars)} | 1 |`;
    expect(renderWith({}, tail, true)).toBeUndefined();
  });
});
