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
  const { proposals } = extractFigures(text, fb, source).result;
  const facts = [...fb.facts.values()].filter((f) => f.source === source);
  const r: SourceRecall = { source, facts: facts.length, found: 0, seriesMatched: 0, dateAgrees: 0, targetAgrees: 0, missed: [], mismatched: [], wrongDates: [], wrongTargets: [], proposals: proposals.length };
  for (const f of facts) {
    const hits = proposals.filter((p) => fits(fb, f, p));
    if (!hits.length) {
      r.missed.push(`${f.id} (para ${f.para}: ${f.printed})`);
      continue;
    }
    r.found++;
    if (hits.some((p) => (f.kind === 'rank' ? p.rank?.evaluationYear === f.evaluationYear && p.asOf === f.asOf : p.asOf === f.asOf))) r.dateAgrees++;
    else r.wrongDates.push(`${f.id}: ${hits.map((p) => p.asOf).join('/')}`);
    if (hits.some((p) => (f.kind === 'target') === (p.target !== undefined))) r.targetAgrees++;
    else r.wrongTargets.push(f.id);
    if (hits.some((p) => p.series[0]?.id === f.seriesId)) r.seriesMatched++;
    else r.mismatched.push({ fact: f.id, proposed: hits.map((p) => p.series[0]?.id ?? '-').join('/') });
  }
  return r;
}
