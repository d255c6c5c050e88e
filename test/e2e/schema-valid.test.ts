/**
 * Every package we write is schema-valid OOXML: each XML part validates
 * against the ISO/IEC 29500-4 transitional schemas after markup
 * compatibility, and the package rules hold (relationship targets and
 * content-type overrides name real parts, every part has a type, shape ids
 * are unique per slide). Checked with the shared reference validator on the
 * default outputs, every template in both formats, a deck with a 本次更新
 * slide, an early as-of date, and the writer test fixtures. Skipped, with the
 * reason printed, where the schemas or python3-lxml are missing.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';
import { diffData } from '../../src/diff/index.js';
import { build } from '../../src/pipeline/build.js';
import { writePptx } from '../../src/writers/pptx/index.js';
import { writeDocx } from '../../src/writers/docx/index.js';
import { buildDefault } from '../helpers/build.js';
import { fixtures, readData, readTemplate, repoRoot } from '../helpers/fixtures.js';
import { schemaValidator, whyNoSchemas } from '../helpers/ooxml-schema.js';
import { TIMESTAMP, sampleCharts, sampleDoc } from '../writers/pptx/fixtures.js';
import { hostileDoc } from '../writers/pptx/hostile-fixture.js';
import { hostileModel, sampleCharts as docxCharts, sampleModel } from '../writers/docx/fixtures.js';

const validator = schemaValidator();
afterAll(() => validator?.close());

const templates = readdirSync(path.join(repoRoot, 'templates')).sort();

async function expectValid(pkg: Buffer, name: string) {
  const errors = await validator!.validate(pkg, name);
  expect(errors, `${name}:\n${errors.join('\n')}`).toEqual([]);
}

describe.skipIf(!!whyNoSchemas)('schema-valid OOXML', () => {
  it('finds the errors it is meant to find (the two pptxgenjs faults put back)', async () => {
    const deck = (await writePptx(sampleDoc(), sampleCharts(), { timestamp: TIMESTAMP })).result;
    await expectValid(deck, 'sample.pptx');
    const zip = await JSZip.loadAsync(deck);
    const pres = await zip.file('ppt/presentation.xml')!.async('string');
    zip.file('ppt/presentation.xml', pres.replace(/(<p:notesMasterIdLst>.*?<\/p:notesMasterIdLst>)(<p:sldIdLst>.*?<\/p:sldIdLst>)/, '$2$1'));
    const types = await zip.file('[Content_Types].xml')!.async('string');
    zip.file('[Content_Types].xml', types.replace('</Types>', '<Override PartName="/ppt/slideMasters/slideMaster99.xml" ContentType="application/xml"/></Types>'));
    const errors = await validator!.validate(await zip.generateAsync({ type: 'nodebuffer' }), 'broken.pptx');
    expect(errors.some((e) => e.startsWith('ppt/presentation.xml') && e.includes("'notesMasterIdLst'")), errors.join('\n')).toBe(true);
    expect(errors.some((e) => e.includes('override for missing part /ppt/slideMasters/slideMaster99.xml')), errors.join('\n')).toBe(true);
  });

  for (const template of templates) {
    it(`template ${template}: pptx and docx`, async () => {
      const { result } = await buildDefault(template, ['pptx', 'docx']);
      const pkgs = result.files.filter((f) => f.format === 'pptx' || f.format === 'docx');
      expect(pkgs.map((f) => f.format).sort()).toEqual(['docx', 'pptx']);
      for (const f of pkgs) await expectValid(f.data, f.name);
    }, 180_000);
  }

  it('a deck and report with a 本次更新 part, and as of an early date', async () => {
    const data = readData(path.join(repoRoot, 'data'));
    const old = data.filter((f) => !/milestones|rankings|targets/.test(f.path));
    const { result: changes } = diffData(old, data);
    expect(changes.length).toBeGreaterThan(0);
    const withChanges = (await buildDefault('qingdao-briefing', ['pptx', 'docx'], { changes })).result.files;
    const early = (await buildDefault('qingdao-briefing', ['pptx', 'docx'], { asOf: '2024-06' })).result.files;
    for (const f of [...withChanges, ...early]) if (f.format !== 'png' && f.format !== 'md') await expectValid(f.data, f.name);
  }, 180_000);

  it('the test fixture template and the writer fixtures', async () => {
    const mini = readTemplate(path.join(fixtures, 'templates/mini'), 'templates/mini');
    const { result } = await build({ data: readData(path.join(fixtures, 'mini-data')), template: mini, formats: ['pptx', 'docx'], timestamp: 0 });
    for (const f of result.files) if (f.format === 'pptx' || f.format === 'docx') await expectValid(f.data, `mini-${f.name}`);
    await expectValid((await writePptx(hostileDoc(), sampleCharts(), { timestamp: TIMESTAMP })).result, 'hostile.pptx');
    for (const preset of ['report', 'gbt9704'] as const) {
      await expectValid((await writeDocx(sampleModel(preset), docxCharts(), { timestamp: TIMESTAMP })).result, `sample-${preset}.docx`);
      await expectValid((await writeDocx(hostileModel(preset), docxCharts(), { timestamp: TIMESTAMP })).result, `hostile-${preset}.docx`);
    }
  }, 180_000);
});
