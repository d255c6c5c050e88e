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

describe('an id the template asks for and the data lacks', () => {
  it('is named in both places when a data id is one edit away', () => {
    const name = 'unknown-fact';
    let error: unknown;
    try {
      renderTemplate(loadTemplate(readTemplate(path.join(root, name), `templates/${name}`)), fb);
    } catch (e) {
      error = e;
    }
    const [inTemplate, inData] = (error as TemplateError).problems;
    expect(inTemplate.file).toBe(`templates/${name}/deck.md.hbs`);
    expect(render(inTemplate.hint, 'zh-CN')).toMatch(/数据中的 qingdao-5g-base-stations（test\/fixtures\/mini-data\/facts\.yaml:\d+）和它只差一个字符/);
    // The message does not tell the user to copy the data's id into the template.
    expect(render(inTemplate.hint, 'en')).toMatch(/check which is right and fix the other \(the data or the template\)/);
    expect(inData.file).toBe('test/fixtures/mini-data/facts.yaml');
    expect(render(inData.message, 'zh-CN')).toBe('这个 id qingdao-5g-base-stations 和模板要用的 qingdao-5g-base-station 只差一个字符');
    expect(render(inData.hint, 'zh-CN')).toContain(`否则改正模板 templates/${name}/deck.md.hbs:5`);
  });

  it('names an inherited file by its real path', () => {
    const parent = readTemplate(path.join(fixtures, 'templates/mini'), 'templates/mini');
    const files = new Map(parent.files);
    files.set('partials/broken.hbs', '{{fact "no-such-fact"}}');
    files.set('deck.md.hbs', `${files.get('deck.md.hbs')}\n{{> broken}}\n`);
    const origins = new Map([...files.keys()].map((n) => [n, n === 'template.yaml' ? 'templates/variant/template.yaml' : `templates/mini/${n}`]));
    let error: unknown;
    try {
      renderTemplate(loadTemplate({ dir: 'templates/variant', files, origins }), fb);
    } catch (e) {
      error = e;
    }
    expect((error as TemplateError).problems[0].file).toBe('templates/mini/partials/broken.hbs');
  });
});
