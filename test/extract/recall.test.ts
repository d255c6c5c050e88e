import { describe, expect, it } from 'vitest';
import { loadFactBase } from '../../src/facts/load.js';
import { readData, readSeeds } from '../facts/helpers.js';
import { skipWithoutSourceTexts } from '../helpers/source-texts.js';
import { newSeriesOf, recallOf } from './recall.js';

describe.skipIf(skipWithoutSourceTexts)('extract against the data', () => {
  const fb = loadFactBase(readData()).result;
  const seeds = skipWithoutSourceTexts ? new Map<string, string>() : readSeeds();
  for (const [id, s] of fb.sources) {
    it(`proposes every figure the data holds from ${id}`, () => {
      const r = recallOf(fb, id, seeds.get(s.file)!);
      const pct = (a: number, b: number) => `${Math.round((100 * a) / b)}%`;
      process.stdout.write(
        `extract ${id}: recall ${r.found}/${r.facts} (${pct(r.found, r.facts)}), series ${r.seriesMatched}/${r.found} (${pct(r.seriesMatched, r.found)}; offered for pasting ${r.filed}), asOf ${r.dateAgrees}/${r.found}, goal ${r.targetAgrees}/${r.found}, known ${r.known}/${r.found}, ${r.proposals} proposals\n`,
      );
      for (const m of r.missed) process.stdout.write(`  missed ${m}\n`);
      for (const m of r.mismatched) process.stdout.write(`  series ${m.fact} → ${m.proposed}\n`);
      for (const m of r.wrongDates) process.stdout.write(`  asOf ${m}\n`);
      for (const m of r.wrongTargets) process.stdout.write(`  goal? ${m}\n`);
      const cold = newSeriesOf(fb, id, seeds.get(s.file)!);
      process.stdout.write(`  as a new article (its own series unknown): ${cold.flagged}/${cold.figures} offered as new series or goals\n`);
      for (const m of cold.misfiled) process.stdout.write(`  filed under an existing series: ${m}\n`);
      expect(cold.flagged / Math.max(1, cold.figures)).toBeGreaterThanOrEqual(0.75);
      // Every figure the data holds is proposed with its paragraph, value, unit and qualifier.
      expect(r.missed).toEqual([]);
      // The first series proposed is the data's for at least 90% of them (all five articles: 135 of 137).
      expect(r.seriesMatched / r.found).toBeGreaterThanOrEqual(0.9);
      expect(r.filed / r.found).toBeGreaterThanOrEqual(0.85);
      expect(r.known).toBe(r.found);
      expect(r.targetAgrees / r.found).toBeGreaterThanOrEqual(0.9);
      expect(r.dateAgrees / r.found).toBeGreaterThanOrEqual(0.75);
    });
  }
});
