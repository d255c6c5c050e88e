import { describe, expect, it } from 'vitest';
import { factBaseAsOf } from '../../src/facts/as-of.js';
import { loadFactBase } from '../../src/facts/load.js';
import { knownBy } from '../../src/facts/periods.js';
import { readData } from './helpers.js';

const fb = loadFactBase(readData()).result;

describe('factBaseAsOf', () => {
  const mid2024 = factBaseAsOf(fb, '2024-06');

  it('ends the 5G series at the last figure known by then', () => {
    const s = mid2024.indicators.get('qingdao-5g-base-stations')!;
    const full = fb.indicators.get('qingdao-5g-base-stations')!;
    expect(s.points.length).toBeLessThan(full.points.length);
    expect(s.points[s.points.length - 1].printed).toBe('3.78万个');
  });

  it("does not yet know COSMOPlat's seventh consecutive year", () => {
    const r = mid2024.rankings.get('cosmoplat-cross-industry-rank')!;
    expect(Math.max(...r.points.map((p) => p.consecutive ?? 0))).toBeLessThan(7);
  });

  it('drops sources published later, and everything drawn from them', () => {
    for (const s of mid2024.sources.values()) expect(knownBy(s.published, '2024-06')).toBe(true);
    expect(mid2024.sources.size).toBeLessThan(fb.sources.size);
    const kept = new Set(mid2024.sources.keys());
    for (const f of mid2024.facts.values()) expect(kept.has(f.source), f.id).toBe(true);
    for (const m of mid2024.milestones.values()) expect(kept.has(m.source), m.id).toBe(true);
    for (const t of mid2024.targets.values()) expect(kept.has(t.source), t.id).toBe(true);
  });

  it('drops series left without points, and keeps facts and series in step', () => {
    // Announced only in the 2026 article.
    expect(mid2024.indicators.has('cosmoplat-enterprises-empowered')).toBe(false);
    expect(mid2024.targets.has('qingdao-computing-power-2026')).toBe(false);
    const seriesPoints = [...mid2024.indicators.values(), ...mid2024.rankings.values()].flatMap((s) => s.points.map((p) => p.id));
    expect(new Set([...seriesPoints, ...mid2024.targets.keys()])).toEqual(new Set(mid2024.facts.keys()));
  });

  it("drops what is dated after the cut-off even when its source's month has begun", () => {
    // The 2024 article is dated only to the month, so it counts as known on 2024-03-10,
    // but the conference of 20 March and the targets set there are not.
    const early = factBaseAsOf(fb, '2024-03-10');
    expect(early.sources.has('qdrb-2024-03-digital-economy')).toBe(true);
    expect(early.indicators.get('qingdao-5g-base-stations')!.points.map((p) => p.printed)).toContain('3.78万个');
    expect(early.milestones.has('qingdao-digital-economy-conference-2024')).toBe(false);
    expect(early.targets.has('qingdao-2024-firms-transformed')).toBe(false);
  });

  it('keeps everything when the date is after the latest source, with a different hash', () => {
    const all = factBaseAsOf(fb, '2030');
    expect(all.facts.size).toBe(fb.facts.size);
    expect(all.milestones.size).toBe(fb.milestones.size);
    expect(all.hash).not.toBe(fb.hash);
  });

  it('knows nothing before the first article', () => {
    const none = factBaseAsOf(fb, '2019-01');
    expect(none.facts.size).toBe(0);
    expect(none.indicators.size).toBe(0);
    expect(none.entities.size).toBe(fb.entities.size);
  });

  it('leaves the fact base it was given untouched', () => {
    const before = fb.facts.size;
    factBaseAsOf(fb, '2021');
    expect(fb.facts.size).toBe(before);
    expect(fb.indicators.get('qingdao-5g-base-stations')!.points.length).toBe(3);
  });
});
