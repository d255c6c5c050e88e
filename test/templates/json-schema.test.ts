/**
 * Issue 20: schema/template.schema.json and schema/charts.schema.json are the
 * current export of the zod schemas, every shipped template file points at
 * them, and an editor's JSON Schema validator accepts the shipped files and
 * refuses the mistakes the build refuses.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { templateJsonSchemaTexts } from '../../src/templates/json-schema.js';
import { repoRoot } from '../helpers/fixtures.js';

const texts = templateJsonSchemaTexts();
const ajv = new Ajv({ allErrors: true, strict: false });
const validate = {
  template: ajv.compile(JSON.parse(texts['template.schema.json'])),
  charts: ajv.compile(JSON.parse(texts['charts.schema.json'])),
};
const templatesDir = path.join(repoRoot, 'templates');
const shipped = readdirSync(templatesDir).flatMap((t) =>
  ['template.yaml', 'charts.yaml'].flatMap((f) => {
    try {
      return [{ file: `templates/${t}/${f}`, kind: f === 'template.yaml' ? ('template' as const) : ('charts' as const), text: readFileSync(path.join(templatesDir, t, f), 'utf8') }];
    } catch {
      return [];
    }
  }),
);

describe('JSON Schemas for template.yaml and charts.yaml', () => {
  it.each(Object.keys(texts))('schema/%s is the current export (run `npm run schema` after changing src/templates/schema.ts)', (name) => {
    expect(readFileSync(path.join(repoRoot, 'schema', name), 'utf8')).toBe(texts[name as keyof typeof texts]);
  });

  it('every shipped template.yaml and charts.yaml names its schema on the first line and is valid against it', () => {
    expect(shipped.filter((s) => s.kind === 'charts').length).toBeGreaterThan(0);
    for (const s of shipped) {
      expect(s.text.split('\n')[0], s.file).toBe(`# yaml-language-server: $schema=../../schema/${s.kind}.schema.json`);
      const ok = validate[s.kind](parse(s.text));
      expect(ok, `${s.file}: ${JSON.stringify(validate[s.kind].errors)}`).toBe(true);
    }
  });

  it('refuses what the build refuses', () => {
    const v = validate.template;
    expect(v({ name: 'x', description: 'd', extends: 'qingdao-briefing' })).toBe(true);
    expect(v({ name: 'x', description: 'd' }), 'a template extending nothing needs formats, entry and meta').toBe(false);
    expect(v({ name: 'x', description: 'd', extends: 'p', theme: { colors: { primary: 'blue' } } })).toBe(false);
    expect(v({ name: 'x', description: 'd', extends: 'p', theme: { colors: { secondary: 595959 } } }), 'YAML reads 595959 as a number').toBe(true);
    expect(v({ name: 'x', description: 'd', extends: 'p', meta: { dateLine: 'yesterday' } })).toBe(false);
    expect(v({ name: 'x', description: 'd', extends: 'p', colour: 'red' })).toBe(false);
    const c = validate.charts;
    expect(c({ a: { kind: 'column', title: 't', series: ['s'] } })).toBe(true);
    expect(c({ a: { kind: 'pie', title: 't', series: ['s'] } })).toBe(false);
    expect(c({ a: { kind: 'column', title: 't' } }), 'series or items').toBe(false);
    expect(c({ a: { kind: 'column', title: 't', series: ['s'], items: [{ fact: 'f' }] } }), 'not both').toBe(false);
    expect(c({ 'Bad/Id': { kind: 'column', title: 't', series: ['s'] } })).toBe(false);
  });

  it('gives editors hover help in Chinese and English', () => {
    const schema = JSON.parse(texts['template.schema.json']);
    expect(schema.properties.meta.properties.issuer.description).toMatch(/发文单位.*Issuing office/);
    expect(JSON.parse(texts['charts.schema.json']).additionalProperties.properties.kind.description).toMatch(/column/);
  });
});
