import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFactBase } from '../../src/facts/load.js';
import { TemplateError } from '../../src/errors.js';
import { render } from '../../src/i18n/index.js';
import { loadTemplate } from '../../src/templates/manifest.js';
import { renderTemplate } from '../../src/templates/render.js';
import { parseBriefing } from '../../src/markdown/parse.js';
import { fixtures, readData, readTemplate } from '../helpers/fixtures.js';

const fb = loadFactBase(readData(path.join(fixtures, 'mini-data'))).result;
const root = path.join(fixtures, 'template-errors');
const cases = readdirSync(root).sort();

describe('broken templates fail with file:line and a message', () => {
  it('has at least ten cases', () => expect(cases.length).toBeGreaterThanOrEqual(10));

  it.each(cases)('%s', (name) => {
    const expected = JSON.parse(readFileSync(path.join(root, name, 'expected.json'), 'utf8'));
    const dir = `templates/${name}`;
    let error: unknown;
    try {
      const template = loadTemplate(readTemplate(path.join(root, name), dir));
      parseBriefing(renderTemplate(template, fb).result);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(TemplateError);
    const problem = (error as TemplateError).problems[0];
    expect(problem.file).toBe(`${dir}/${expected.file}`);
    expect(problem.line).toBe(expected.line);
    // English with --lang en, Chinese by default.
    expect(render(problem.message, 'en')).toContain(expected.message);
    expect(render(problem.message, 'zh-CN')).toContain(expected.zh);
  });
});
