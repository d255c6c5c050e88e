/**
 * Property-based: whatever a copy-paste brings into the data or a template
 * (control characters, lone surrogates, emoji, right-to-left text, XML
 * specials, very long strings), the result is a clear stage error or a valid
 * package — never a crash, never a corrupt file.
 */
import { render as renderText } from '../../src/i18n/index.js';
import path from 'node:path';
import fc from 'fast-check';
import { parse, stringify } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { build } from '../../src/pipeline/build.js';
import { StageError } from '../../src/errors.js';
import { fixtures, readData, readTemplate } from '../helpers/fixtures.js';
import { parsedParts } from '../helpers/build.js';
import { schemaValidator } from '../helpers/ooxml-schema.js';

const validator = schemaValidator();
afterAll(() => validator?.close());

const pieces = fc.oneof(
  fc.constantFrom('\u0000', '\u0001', '\u000B', '\u000C', '\u0085', '\uFFFE', '\uFEFF', '\u200B', '\u00A0', '\r\n'),
  fc.constantFrom('\uD800', '\uDFFF', '😀', '👨‍👩‍👧', '𠀀', 'مرحبا', 'שלום', '\u202E', '&', '<', '>', '"', "'", ']]>', '{{', '}}', ':::', '#', '*', '|'),
  fc.string({ unit: 'binary', maxLength: 8 }),
  fc.constantFrom('青岛', '工业互联网', 'COSMOPlat'),
);
const hostile = fc.oneof(
  fc.array(pieces, { minLength: 1, maxLength: 12 }).map((a) => a.join('')),
  fc.tuple(pieces, fc.integer({ min: 200, max: 2000 })).map(([p, n]) => p.repeat(Math.ceil(n / Math.max(p.length, 1))).slice(0, n)),
);

const baseData = readData(path.join(fixtures, 'mini-data'))[0];
const template = readTemplate(path.join(fixtures, 'templates/mini'), 'templates/mini');

/** Paths of every free-text field of the data (names, titles, units, printed figures, notes…). */
const TEXT_FIELDS = /^(publisher|title|author|url|name|short|unit|definition|note|printed|list|event)$/;
function textPaths(node: unknown, at: Array<string | number> = []): Array<Array<string | number>> {
  if (Array.isArray(node)) return node.flatMap((v, i) => textPaths(v, [...at, i]));
  if (node && typeof node === 'object') {
    return Object.entries(node).flatMap(([k, v]) => (typeof v === 'string' && TEXT_FIELDS.test(k) ? [[...at, k]] : textPaths(v, [...at, k])));
  }
  return [];
}
const FIELDS = textPaths(parse(baseData.text));
/** Charts refuse characters their fonts lack (a clear error); without them, every hostile string reaches the writers. */
const chartless: typeof template = {
  dir: template.dir,
  files: new Map([...template.files].map(([k, v]) => [k, k === 'deck.md.hbs' ? v.replace(/\{\{#chart "[^"]*"\}\}\n?([\s\S]*?)\{\{\/chart\}\}/g, '$1') : v])),
};

const valueAt = (p: Array<string | number>) => p.reduce((o: Record<string | number, unknown>, k) => o[k] as Record<string | number, unknown>, parse(baseData.text));

function withStrings(s: string[]) {
  const doc = parse(baseData.text);
  FIELDS.forEach((p, i) => {
    const parent = p.slice(0, -1).reduce((o: Record<string | number, unknown>, k) => o[k] as Record<string | number, unknown>, doc);
    parent[p[p.length - 1]] = s[i % s.length];
  });
  return [{ path: baseData.path, text: stringify(doc) }];
}

async function expectErrorOrValid(run: () => ReturnType<typeof build>) {
  let result;
  try {
    result = await run();
  } catch (e) {
    expect(e, String(e)).toBeInstanceOf(StageError);
    // A message in both languages, never an id left unrendered.
    for (const lang of ['zh-CN', 'en'] as const) {
      const text = renderText((e as StageError).problems[0].message, lang);
      expect(text.length).toBeGreaterThan(0);
      expect(text).not.toMatch(/^[a-z-]+(\.[a-z0-9-]+)+$/);
    }
    return;
  }
  for (const f of result.result.files) {
    if (f.format !== 'pptx' && f.format !== 'docx') continue;
    await parsedParts(f.data);
    if (validator) expect(await validator.validate(f.data, f.name)).toEqual([]);
  }
  built++;
}
/** Builds that reached the writers (the rest ended in a clear stage error). */
let built = 0;

describe('hostile text never crashes or corrupts', () => {
  it('in every text field of the data', async () => {
    await fc.assert(
      // Each ends in a letter, so a field is never empty after sanitising and most builds reach the writers.
      fc.asyncProperty(fc.array(fc.tuple(hostile, fc.constantFrom('青', 'x', '٣')).map(([h, k]) => h + k), { minLength: FIELDS.length, maxLength: FIELDS.length }), fc.boolean(), async (s, charts) => {
        await expectErrorOrValid(() => build({ data: withStrings(s), template: charts ? template : chartless, formats: ['pptx', 'docx'], timestamp: 0 }));
      }),
      // The first case builds (figures and units are checked against the values, so it keeps those), so the writers and the schema check surely run.
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 12), examples: [[FIELDS.map((p, i) => (/^(printed|unit)$/.test(String(p.at(-1))) ? String(valueAt(p)) : `${i}&<>"'\u0001\uD800]]>{{青`)), false]] },
    );
    expect(built).toBeGreaterThan(0);
  }, 600_000);

  it('in the text of a template', async () => {
    await fc.assert(
      fc.asyncProperty(hostile, hostile, async (a, b) => {
        const files = new Map(template.files);
        files.set('deck.md.hbs', `${files.get('deck.md.hbs')}\n## ${a}\n\n${b}\n\n::: notes\n${a}\n:::\n`);
        await expectErrorOrValid(() => build({ data: [baseData], template: { dir: template.dir, files }, formats: ['pptx', 'docx'], timestamp: 0 }));
      }),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 12) },
    );
  }, 600_000);
});
