/**
 * `extract`'s pure core: an article's text and the fact base in, a proposed
 * point for every figure the article prints out (paragraph, printed form,
 * value in base units, unit, qualifier, date and why, goal or not, the
 * likely series, or an id for a new one, and whether the data already holds
 * it). Nothing here reads or writes files.
 */
import type { FactBase, Fact } from '../facts/model.js';
import type { Qualifier } from '../facts/schema.js';
import { paragraphs } from '../facts/check-sources.js';
import { sameNumber } from '../facts/figures.js';
import { msg, type Message } from '../i18n/index.js';
import type { Warning } from '../model/document.js';
import { findFigures, plainText, sentenceOf, type Mention } from './figures.js';
import { announcedOn, articleMonth, dateOf, evaluationYearOf, periodOf, targetOf, type Article, type TargetGuess } from './context.js';
import { catalogueOf, entitiesIn, matchSeries, suggestId, type Catalogue, type SeriesMatch } from './match.js';

/** Below this confidence a figure is offered as a new series rather than forced into one. */
export const NEW_SERIES_BELOW = 0.4;

export interface Proposal {
  para: number;
  printed: string;
  alsoPrinted: string[];
  /** The sentence the figure is in (for the reviewer; never stored in data). */
  sentence: string;
  kind: 'value' | 'rank';
  value: number;
  unit: string;
  noun?: string;
  qualifier: Qualifier;
  rank?: { rank: number; consecutive?: number; movement?: number; evaluationYear: number };
  asOf: string;
  asOfReason: Message;
  target?: TargetGuess;
  per?: 'year' | 'quarter' | 'month';
  /** Likely series, best first; empty when none fits the unit. */
  series: SeriesMatch[];
  /** For a goal, set with newSeries when an existing target looks alike (series[0]): it may repeat it. */
  resembles?: boolean;
  /** Set when no series fits well enough (and for every goal): an id for a new record. */
  newSeries?: { id: string; subject: string; /** False when the article names no entity of the data near it and the subject is a guess. */ named: boolean };
  /** The data already holds this figure: the same fact, or the same value for the same series and date. */
  known?: { ids: string[]; how: 'same-fact' | 'same-value' };
}

export interface Extraction {
  source: string;
  paragraphs: number;
  proposals: Proposal[];
  /** Ids in use (the data's and those suggested here), for more suggestions. */
  taken: Set<string>;
}

const CONNECTOR = /以及|并且|和|与|及|并|、|，|,/;

/** The words that belong to one figure: its clause, cut at its neighbours and at 以及/和. */
function localWords(text: string, ms: Mention[], i: number): string {
  const m = ms[i];
  const bound = /[，、；。：,;:！？!?]/;
  let left = m.start;
  while (left > 0 && !bound.test(text[left - 1])) left--;
  let right = m.end;
  while (right < text.length && !bound.test(text[right])) right++;
  let before = text.slice(left, m.start);
  let after = text.slice(m.end, right);
  const prev = ms[i - 1];
  if (prev && prev.end > left) {
    before = text.slice(prev.end, m.start);
    const parts = before.split(CONNECTOR);
    if (parts.length > 1) before = parts[parts.length - 1];
    // 从1.7万家增长至3.2万家: the end of a change counts the same thing as its start.
    else if (/^(增长|增加|提升|提高|上升|下降|减少)?(至|到)$/.test(before)) before = text.slice(left, m.start);
  }
  // 登记319家、增长26.6%: a bare change belongs to the clause before it.
  if (/^(同比)?(名义)?(增长|提高|提升|下降|减少|增加)/.test(before) && left > 0) {
    let l = left - 1;
    while (l > 0 && !bound.test(text[l - 1])) l--;
    before = text.slice(l, left - 1) + before;
  }
  const next = ms[i + 1];
  if (next && next.start < right) {
    after = text.slice(m.end, next.start);
    after = after.split(CONNECTOR)[0];
  }
  return before + m.printed + after;
}

function sameUnit(f: Fact, m: Mention, fb: FactBase): boolean {
  if (f.kind === 'rank') return m.kind === 'rank';
  if (m.kind === 'rank') return false;
  if (m.unit === '') return true;
  const series = fb.indicators.get(f.seriesId);
  return f.unit === m.unit || (series?.alsoUnits ?? []).includes(m.unit) || (m.noun !== undefined && series?.noun === m.noun);
}

function knownAs(fb: FactBase, source: string, p: Proposal, m: Mention): Proposal['known'] {
  const same = [...fb.facts.values()].filter(
    (f) => f.source === source && f.para === p.para && sameUnit(f, m, fb) && (f.kind === 'rank' ? f.rank === p.rank?.rank : sameNumber(f.value, p.value) && f.qualifier === p.qualifier),
  );
  const rankOf = (f: Fact) => p.series.findIndex((s) => s.id === f.seriesId) >>> 0;
  if (same.length) return { ids: same.sort((a, b) => rankOf(a) - rankOf(b)).map((f) => f.id), how: 'same-fact' };
  const best = p.newSeries && !p.resembles ? undefined : p.series[0];
  if (!best) return undefined;
  const inSeries = [...fb.facts.values()].filter(
    (f) => f.seriesId === best.id && f.asOf === p.asOf && (f.kind === 'rank' ? f.rank === p.rank?.rank : sameNumber(f.value, p.value)),
  );
  return inSeries.length ? { ids: inSeries.map((f) => f.id), how: 'same-value' } : undefined;
}

/**
 * Propose a point for every figure of `text`, an article already listed in
 * the data as `sourceId` (its `published` dates what the article calls 目前).
 */
export function extractFigures(text: string, fb: FactBase, sourceId: string, catalogue: Catalogue = catalogueOf(fb)): { result: Extraction; warnings: Warning[] } {
  const source = fb.sources.get(sourceId);
  const article: Article = { published: source ? String(source.published) : new Date().toISOString().slice(0, 7) };
  const paras = paragraphs(text);
  const plain = paras.map(plainText);
  const taken = new Set<string>([...fb.indicators.keys(), ...fb.rankings.keys(), ...fb.targets.keys()]);
  const proposals: Proposal[] = [];
  paras.forEach((_, index) => {
    const para = index + 1;
    const t = plain[index];
    const ms = findFigures(t);
    const mentioned = entitiesIn(catalogue, t);
    ms.forEach((m, i) => {
      const s = sentenceOf(t, m.start);
      const prevEnd = i > 0 ? ms[i - 1].end : 0;
      // A figure dated in the past by its own words (2023年, 从2012年到2023年) reports; it is no goal.
      const past = m.kind === 'value' ? dateOf(t, m.start, prevEnd, article, false) : undefined;
      const datedPast = past !== undefined && past.reason.id !== 'extract.date.article' && past.reason.id !== 'extract.date.current' && (past.asOf.length === 4 ? Number(past.asOf) < Number(article.published.slice(0, 4)) : past.asOf.slice(0, 7) < articleMonth(article));
      const target = m.kind === 'value' && !datedPast ? targetOf(t, m.start, article) : undefined;
      // A place in a list is dated by the report that gives it; the list's own year is its evaluationYear.
      const date =
        m.kind === 'rank'
          ? { asOf: articleMonth(article), reason: msg('extract.date.list') }
          : ((target && announcedOn(plain, t, article)) ?? dateOf(t, m.start, prevEnd, article, target !== undefined));
      const local = localWords(t, ms, i);
      const before = mentioned.filter((e) => e.at >= s.start && e.at < m.start);
      const after = mentioned.filter((e) => e.at >= m.end && e.at < s.end);
      // 全国 names no entity in the data's list, but in a figure's own words (全国共140家) it makes the figure national.
      const national = m.kind === 'value' && /全国|我国/.test(local.slice(0, local.indexOf(m.printed))) && fb.entities.has('china') ? ['china'] : undefined;
      const nearest = national ?? (before.length ? before[before.length - 1].ids : (after[0]?.ids ?? []));
      const inParagraph = [...new Set(mentioned.flatMap((e) => e.ids))];
      const inSentence = [...new Set(before.flatMap((e) => e.ids))];
      const series = matchSeries(catalogue, { kind: m.kind, unit: m.unit, noun: m.noun, target: target !== undefined, local, sentence: t.slice(s.start, s.end), nearest, inSentence, inParagraph });
      const p: Proposal = {
        para,
        printed: m.printed,
        alsoPrinted: m.alsoPrinted,
        sentence: t.slice(s.start, s.end).trim(),
        kind: m.kind,
        value: m.value,
        unit: m.unit,
        ...(m.noun ? { noun: m.noun } : {}),
        qualifier: m.qualifier,
        asOf: date.asOf,
        asOfReason: date.reason,
        series,
      };
      if (m.kind === 'rank') p.rank = { rank: m.rank ?? 1, consecutive: m.consecutive, movement: m.movement, evaluationYear: evaluationYearOf(t, m.start, article) };
      if (target) p.target = target;
      const per = m.kind === 'value' ? periodOf(t, m.start) : undefined;
      if (per) p.per = per;
      if (!series[0] || series[0].confidence < NEW_SERIES_BELOW) {
        const subject = nearest[0] ?? inParagraph[0] ?? 'qingdao';
        p.newSeries = { id: suggestId(subject, local, taken, target ? String(target.targetYear) : m.kind === 'rank' ? 'rank' : undefined), subject, named: subject === (nearest[0] ?? inParagraph[0]) };
      }
      // A goal is always a record of its own: it gets an id even when it resembles an existing one.
      if (target && !p.newSeries) {
        const subject = nearest[0] ?? inParagraph[0] ?? 'qingdao';
        p.newSeries = { id: suggestId(subject, local, taken, String(target.targetYear)), subject, named: subject === (nearest[0] ?? inParagraph[0]) };
        p.resembles = true;
      }
      const known = knownAs(fb, sourceId, p, m);
      if (known) p.known = known;
      // The data already files it: no new series to suggest.
      if (known?.how === 'same-fact') delete p.newSeries;
      proposals.push(p);
    });
  });
  return { result: { source: sourceId, paragraphs: paras.length, proposals, taken }, warnings: [] };
}
