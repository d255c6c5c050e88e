/**
 * The data schema as JSON Schema, for editors (YAML language server):
 * schema/data.schema.json is this text, exported by `npm run schema`.
 */
import * as z from 'zod';
import { dataFileSchema } from './schema.js';

export function dataJsonSchema(): Record<string, unknown> {
  // io: 'input' so fields with defaults (qualifier, tags ...) are optional, as in the YAML.
  const schema = z.toJSONSchema(dataFileSchema, { io: 'input', target: 'draft-7' }) as Record<string, unknown>;
  return {
    ...schema,
    title: 'gen-report fact base data file',
    description: 'One file under data/: sources, entities, tags, indicators, rankings, targets, milestones. See docs/data.md.',
  };
}

/** The exact text of schema/data.schema.json. */
export function dataJsonSchemaText(): string {
  return JSON.stringify(dataJsonSchema(), null, 2) + '\n';
}
