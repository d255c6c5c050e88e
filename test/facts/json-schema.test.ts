import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dataJsonSchema, dataJsonSchemaText } from '../../src/facts/json-schema.js';
import { repoRoot } from './helpers.js';

describe('schema/data.schema.json', () => {
  it('is the current export of the zod schema (run `npm run schema` after changing src/facts/schema.ts)', () => {
    const committed = readFileSync(join(repoRoot, 'schema', 'data.schema.json'), 'utf8');
    expect(committed).toBe(dataJsonSchemaText());
  });

  it('lets fields with defaults be left out, as in the YAML', () => {
    const schema = dataJsonSchema() as { properties: { indicators: { items: { properties: { points: { items: { required: string[] } } } } } } };
    const required = schema.properties.indicators.items.properties.points.items.required;
    expect(required).toContain('printed');
    expect(required).not.toContain('qualifier');
  });
});
