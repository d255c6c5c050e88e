/**
 * Property-based: whatever a copy-paste brings into the data or a template
 * (control characters, lone surrogates, emoji, right-to-left text, XML
 * specials, very long strings), the result is a clear stage error or a valid
 * package — never a crash, never a corrupt file.
 */
import path from 'node:path';
import fc from 'fast-check';
import { parse, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { build } from '../../src/pipeline/build.js';
import { StageError } from '../../src/errors.js';
import { fixtures, readData, readTemplate } from '../helpers/fixtures.js';
import { parsedParts } from '../helpers/build.js';

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

function withStrings(s: string[]) {
  const doc = parse(baseData.text);
  doc.entities[1].name = s[0];
  doc.entities[2].short = s[1];
  doc.indicators[0].name = s[2];
  doc.milestones[0].event = s[3];
  doc.sources[2].title = s[4];
  doc.sources[2].publisher = s[5];
  return [{ path: baseData.path, text: stringify(doc) }];
}

async function expectErrorOrValid(run: () => ReturnType<typeof build>) {
  let result;
  try {
    result = await run();
  } catch (e) {
    expect(e, String(e)).toBeInstanceOf(StageError);
    expect((e as StageError).problems[0].message.length).toBeGreaterThan(0);
    return;
  }
  for (const f of result.result.files) if (f.format === 'pptx' || f.format === 'docx') await parsedParts(f.data);
}

describe('hostile text never crashes or corrupts', () => {
  it('in every text field of the data', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(hostile, { minLength: 6, maxLength: 6 }), async (s) => {
        await expectErrorOrValid(() => build({ data: withStrings(s), template, formats: ['pptx', 'docx'], timestamp: 0 }));
      }),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 12) },
    );
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
