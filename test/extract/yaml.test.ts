/**
 * The --yaml stubs are data: run blind on each article (its own points taken
 * out of the data, as for a new article), every stub passes the data schema,
 * loads into the fact base beside the real data with all its checks (printed
 * figure against value, unit and qualifier; dates; ids) and is found by
 * check-sources in the paragraph it names.
 */
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { z } from 'zod';
import { loadFactBase } from '../../src/facts/load.js';
import { checkSources } from '../../src/facts/check-sources.js';
import { dataFileSchema, pointSchema, rankPointSchema } from '../../src/facts/schema.js';
import type { FactBase } from '../../src/facts/model.js';
import { extractFigures } from '../../src/extract/index.js';
import { yamlStubs } from '../../src/extract/yaml.js';
import { render } from '../../src/i18n/index.js';
import { readData, readSeeds } from '../facts/helpers.js';
import { skipWithoutSourceTexts } from '../helpers/source-texts.js';

/** The fact base as it was before `source`'s figures were entered. */
function without(fb: FactBase, source: string): FactBase {
  return { ...fb, facts: new Map([...fb.facts].filter(([, f]) => f.source !== source)) };
}

describe.skipIf(skipWithoutSourceTexts)('extract --yaml stubs', () => {
  const data = readData();
  const fb = loadFactBase(data).result;
  const seeds = skipWithoutSourceTexts ? new Map<string, string>() : readSeeds();

  for (const [id, s] of fb.sources) {
    it(`are valid data for ${id}`, () => {
      const x = extractFigures(seeds.get(s.file)!, without(fb, id), id).result;
      const text = yamlStubs(x, (m) => render(m, 'zh-CN'));
      const doc = parse(text) as { points?: Record<string, unknown[]>; rankPoints?: Record<string, unknown[]>; indicators?: unknown[]; rankings?: unknown[]; targets?: unknown[] };
      // Every figure is a stub (none is known here); each stub carries the sentence it came from.
      const count = Object.values(doc.points ?? {}).flat().length + Object.values(doc.rankPoints ?? {}).flat().length + (doc.indicators?.length ?? 0) + (doc.rankings?.length ?? 0) + (doc.targets?.length ?? 0);
      expect(count).toBe(x.proposals.length);
      expect(text.match(/^\s*# 第\d+段：“/gm)?.length).toBe(count);
      // The schema, section by section.
      for (const items of Object.values(doc.points ?? {})) expect(z.array(pointSchema).safeParse(items).error).toBeUndefined();
      for (const items of Object.values(doc.rankPoints ?? {})) expect(z.array(rankPointSchema).safeParse(items).error).toBeUndefined();
      const fresh = { indicators: doc.indicators, rankings: doc.rankings, targets: doc.targets };
      expect(dataFileSchema.safeParse(fresh).error).toBeUndefined();
      // Pasted beside the real data (points of existing series under a copy of their series): every check passes.
      const copies = {
        indicators: [
          ...(doc.indicators ?? []),
          ...Object.entries(doc.points ?? {}).map(([sid, points]) => {
            const series = fb.indicators.get(sid)!;
            return { id: `${sid}-pasted`, name: series.name, subject: series.subject, unit: series.unit, ...(series.alsoUnits ? { alsoUnits: series.alsoUnits } : {}), ...(series.noun ? { noun: series.noun } : {}), points: (points as Array<Record<string, unknown>>).map((p, i) => ({ ...p, id: `${sid}-pasted-${i}` })) };
          }),
        ],
        rankings: [
          ...(doc.rankings ?? []),
          ...Object.entries(doc.rankPoints ?? {}).map(([sid, points]) => {
            const series = fb.rankings.get(sid)!;
            return { id: `${sid}-pasted`, list: series.list, subject: series.subject, points: (points as Array<Record<string, unknown>>).map((p, i) => ({ ...p, id: `${sid}-pasted-${i}` })) };
          }),
        ],
        targets: doc.targets ?? [],
      };
      const loaded = loadFactBase([...data, { path: 'pasted.yaml', text: stringify(copies) }]);
      const pasted = [...loaded.result.facts.values()].filter((f) => f.id.includes('-pasted') || !fb.facts.has(f.id));
      expect(pasted.length).toBe(count);
      expect(checkSources(loaded.result, seeds)).toEqual([]);
    });
  }
});
