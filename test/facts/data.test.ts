/** The real fact base in data/: it loads, it is complete enough, and every figure is in its source. */
import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { loadFactBase } from '../../src/facts/load.js';
import { checkSources } from '../../src/facts/check-sources.js';
import { formatProblem } from '../../src/errors.js';
import { readData, readSeeds, repoRoot } from './helpers.js';
import { skipWithoutSourceTexts, sourceTextsNote } from '../helpers/source-texts.js';

const files = readData();
const { result: fb, warnings } = loadFactBase(files, { asOf: '2026-03' });

describe('data/', () => {
  it('loads without problems; staleness is only a warning', () => {
    expect(fb.facts.size).toBeGreaterThan(0);
    expect(warnings.every((w) => w.code === 'stale')).toBe(true);
  });

  it('covers more than a hundred facts', () => {
    const values = [...fb.facts.values()].filter((f) => f.kind === 'value').length;
    expect(values + fb.milestones.size + fb.rankings.size).toBeGreaterThan(100);
    expect(fb.facts.size).toBeGreaterThan(100);
  });

  it.skipIf(skipWithoutSourceTexts)(`passes check-sources against the article texts with no exceptions${sourceTextsNote}`, () => {
    const problems = checkSources(fb, readSeeds());
    expect(problems.map(formatProblem)).toEqual([]);
  });

  it('cites every source and draws on all five articles', () => {
    const cited = new Set([...fb.facts.values()].map((f) => f.source));
    for (const m of fb.milestones.values()) cited.add(m.source);
    expect(fb.sources.size).toBe(5);
    expect([...fb.sources.keys()].filter((s) => !cited.has(s))).toEqual([]);
  });

  it('points every data file at the exported JSON Schema', () => {
    for (const f of files) {
      const first = f.text.split('\n')[0];
      const m = first.match(/^# yaml-language-server: \$schema=(\S+)$/);
      expect(m, `${f.path} must start with the $schema line`).not.toBeNull();
      const target = resolve(dirname(join(repoRoot, f.path)), m![1]);
      expect(target).toBe(join(repoRoot, 'schema', 'data.schema.json'));
      expect(existsSync(target)).toBe(true);
    }
  });

  it('tags every series and uses every declared tag', () => {
    const series = [...fb.indicators.values(), ...fb.rankings.values(), ...fb.targets.values()];
    expect(series.filter((s) => s.tags.length === 0).map((s) => s.id)).toEqual([]);
    const used = new Set(series.flatMap((s) => s.tags));
    for (const m of fb.milestones.values()) m.tags.forEach((t) => used.add(t));
    expect([...fb.tagVocabulary!.keys()].filter((t) => !used.has(t))).toEqual([]);
  });

  it('explains every point marked not comparable', () => {
    const flagged = [...fb.facts.values()].filter((f) => !f.comparable);
    expect(flagged.length).toBeGreaterThan(0);
    for (const f of flagged) expect(f.note ?? f.definition, f.id).toBeTruthy();
  });

  it('declares look-alike indicators on both sides', () => {
    for (const ind of fb.indicators.values()) {
      for (const other of ind.notComparableWith ?? []) {
        expect(fb.indicators.get(other)!.notComparableWith ?? [], `${other} ↔ ${ind.id}`).toContain(ind.id);
      }
    }
  });

  it('keeps 5G base stations as one series across three articles, in date order', () => {
    const s = fb.indicators.get('qingdao-5g-base-stations')!;
    expect(new Set(s.points.map((p) => p.source)).size).toBe(3);
    const dates = s.points.map((p) => p.asOf);
    expect([...dates].sort()).toEqual(dates);
    for (let i = 1; i < s.points.length; i++) expect(s.points[i].value).toBeGreaterThan(s.points[i - 1].value);
    expect(s.points.every((p) => p.comparable)).toBe(true);
  });

  it("tracks COSMOPlat's first place with a rising consecutive count", () => {
    const r = fb.rankings.get('cosmoplat-cross-industry-rank')!;
    expect(r.points.length).toBeGreaterThanOrEqual(3);
    expect(r.points.every((p) => p.rank === 1)).toBe(true);
    const counts = r.points.map((p) => p.consecutive!);
    for (let i = 1; i < counts.length; i++) {
      // One more consecutive year per evaluation year.
      expect(counts[i] - counts[i - 1]).toBe(r.points[i].evaluationYear - r.points[i - 1].evaluationYear);
    }
  });

  it('marks a repeated count as not comparable rather than as no growth', () => {
    const s = fb.indicators.get('qingdao-national-platforms')!;
    const [a, b] = s.points;
    expect(a.value).toBe(b.value);
    expect(b.comparable).toBe(false);
  });

  it("keeps Haier's lighthouse factories apart from Qingdao's", () => {
    const city = fb.indicators.get('qingdao-lighthouse-factories')!;
    const haier = fb.indicators.get('haier-lighthouse-factories')!;
    expect(city.subject).not.toBe(haier.subject);
    expect(city.notComparableWith).toContain(haier.id);
  });

  it('dates every fact no later than its source', () => {
    for (const f of fb.facts.values()) {
      const published = fb.sources.get(f.source)!.published;
      expect(f.asOf.slice(0, 7) <= published.slice(0, 7), f.id).toBe(true);
    }
  });
});
