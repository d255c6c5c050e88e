/**
 * Recall of `extract` against the data: for every value, rank and target
 * fact drawn from an article, is there a proposal at its paragraph with its
 * value, unit and qualifier (rank, consecutive years and move for ranks), and
 * is its series the first one proposed?
 */
import type { FactBase, Fact } from '../../src/facts/model.js';
import { extractFigures, type Proposal } from '../../src/extract/index.js';
import { sameNumber } from '../../src/facts/figures.js';

export interface SourceRecall {
  source: string;
  facts: number;
  found: number;
  seriesMatched: number;
  /** Among the facts found: the proposed asOf (evaluationYear for ranks) is the data's; goal or not as in the data. */
  dateAgrees: number;
  targetAgrees: number;
  /** Series right and confident enough to be offered as the place to paste (not as a new series). */
  filed: number;
  /** Run with the data as it is: the fact is marked as already known. */
  known: number;
  /** The facts not proposed, and those proposed under another series. */
  missed: string[];
  mismatched: Array<{ fact: string; proposed: string }>;
  wrongDates: string[];
  wrongTargets: string[];
  proposals: number;
}

function units(fb: FactBase, f: Fact): string[] {
  if (f.kind === 'rank') return [];
  const s = fb.indicators.get(f.seriesId);
  return [f.unit, ...(s?.alsoUnits ?? [])];
}

export function fits(fb: FactBase, f: Fact, p: Proposal): boolean {
  if (p.para !== f.para) return false;
  if (f.kind === 'rank') {
    return p.kind === 'rank' && p.rank?.rank === f.rank && (f.consecutive === undefined || p.rank.consecutive === f.consecutive) && (f.movement === undefined || p.rank.movement === f.movement);
  }
  return p.kind === 'value' && sameNumber(p.value, f.value) && (p.unit === '' || units(fb, f).includes(p.unit)) && p.qualifier === f.qualifier;
}

export function recallOf(fb: FactBase, source: string, text: string): SourceRecall {
  // Matched as a new article would be: the data's series, but none of this article's points.
  const blind = { ...fb, facts: new Map([...fb.facts].filter(([, f]) => f.source !== source)) };
  const { proposals } = extractFigures(text, blind, source).result;
  const warm = extractFigures(text, fb, source).result.proposals;
  const facts = [...fb.facts.values()].filter((f) => f.source === source);
  const r: SourceRecall = { source, facts: facts.length, found: 0, seriesMatched: 0, filed: 0, known: 0, dateAgrees: 0, targetAgrees: 0, missed: [], mismatched: [], wrongDates: [], wrongTargets: [], proposals: proposals.length };
  for (const f of facts) {
    const hits = proposals.filter((p) => fits(fb, f, p));
    if (!hits.length) {
      r.missed.push(`${f.id} (para ${f.para}: ${f.printed})`);
      continue;
    }
    r.found++;
    if (warm.some((p) => fits(fb, f, p) && p.known?.ids.includes(f.id))) r.known++;
    if (hits.some((p) => (f.kind === 'rank' ? p.rank?.evaluationYear === f.evaluationYear && p.asOf === f.asOf : p.asOf === f.asOf))) r.dateAgrees++;
    else r.wrongDates.push(`${f.id}: ${hits.map((p) => p.asOf).join('/')}`);
    if (hits.some((p) => (f.kind === 'target') === (p.target !== undefined))) r.targetAgrees++;
    else r.wrongTargets.push(f.id);
    if (hits.some((p) => p.series[0]?.id === f.seriesId && (!p.newSeries || p.resembles))) r.filed++;
    if (hits.some((p) => p.series[0]?.id === f.seriesId)) r.seriesMatched++;
    else r.mismatched.push({ fact: f.id, proposed: hits.map((p) => p.series[0]?.id ?? '-').join('/') });
  }
  return r;
}

/** The fact base without the series an article alone fills: as if the article were new and its series unknown. */
export function withoutOwnSeries(fb: FactBase, source: string): FactBase {
  const own = (points: Array<{ source: string }>) => points.every((p) => p.source === source);
  return {
    ...fb,
    indicators: new Map([...fb.indicators].filter(([, s]) => !own(s.points))),
    rankings: new Map([...fb.rankings].filter(([, s]) => !own(s.points))),
    targets: new Map([...fb.targets].filter(([, t]) => t.source !== source)),
    facts: new Map([...fb.facts].filter(([, f]) => f.source !== source)),
  };
}

/**
 * For the figures whose series the data would not have yet: how many are
 * offered as a new series (or a goal of their own) rather than filed under a
 * wrong existing one.
 */
export function newSeriesOf(fb: FactBase, source: string, text: string): { figures: number; flagged: number; misfiled: string[] } {
  const cold = withoutOwnSeries(fb, source);
  const { proposals } = extractFigures(text, cold, source).result;
  const facts = [...fb.facts.values()].filter((f) => f.source === source && !cold.indicators.has(f.seriesId) && !cold.rankings.has(f.seriesId));
  const out = { figures: facts.length, flagged: 0, misfiled: [] as string[] };
  for (const f of facts) {
    const hits = proposals.filter((p) => fits(fb, f, p));
    if (hits.some((p) => p.newSeries)) out.flagged++;
    else out.misfiled.push(`${f.id} → ${hits.map((p) => p.series[0]?.id).join('/')}`);
  }
  return out;
}
