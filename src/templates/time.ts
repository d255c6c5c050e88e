/**
 * The build's date as the templates see it. Every figure helper asks this
 * whether a fact is current (no date needed) or from an earlier period
 * (printed with its period), and whether a target is still open.
 */
import type { Fact, FactBase, TargetFact } from '../facts/model.js';
import { formatChineseDate, isoToMonths, type DatePrecision } from '../format/dates.js';
import { periodEnd } from '../facts/periods.js';
import { CITED_FIGURE } from './citations.js';
import { msg, type Message } from '../i18n/index.js';

export interface TimeContext {
  /** The deck's date, YYYY-MM (or YYYY-MM-DD). */
  asOf: string;
  /**
   * How many months before the deck's month a figure may be dated and still
   * be stated without its date. 0 (the default): only figures of the deck's
   * own month are current.
   */
  currentMonths: number;
}

/** Month precision of an ISO date's period end, as months since year 0. */
function endMonths(iso: string): number {
  return isoToMonths(periodEnd(iso).slice(0, 7));
}

/**
 * Current: dated to a month (or day) no more than `currentMonths` before the
 * deck's month. A year-only figure (2023年软件业务收入) is a figure for that
 * year and is never current: it always carries its year.
 */
export function isCurrent(date: string, ctx: TimeContext): boolean {
  if (!date.includes('-')) return false;
  const gap = isoToMonths(ctx.asOf.slice(0, 7)) - endMonths(date);
  return gap >= 0 && gap <= ctx.currentMonths;
}

/** A target is open until its year has passed, then due. */
export function targetStatus(t: TargetFact, ctx: TimeContext): 'open' | 'due' {
  return Number(ctx.asOf.slice(0, 4)) > t.targetYear ? 'due' : 'open';
}

/** The period a figure refers to, as a reader needs it: 2024年3月, 2023年, 2020年8月31日. */
export function periodLabel(date: string, precision?: DatePrecision): string {
  return formatChineseDate(date, precision);
}

/** Does `date` lie within the period `announced` (2024-03-20 within 2024-03, 2024-03 within 2024)? */
export function within(date: string, announced: string): boolean {
  return date.startsWith(announced);
}

/** Words that put a figure in the present: such a sentence may not hold an earlier period's figure. */
const PRESENT_WORDS = /目前|当前|现已|现有|如今|至今|保持|持续|仍/;

export interface TenseProblem {
  line: number;
  message: Message;
}

/**
 * Sentences and headings that present an earlier period's figure as
 * current. Each cited figure carries its fact id; the sentence around it is
 * checked for present-tense words, and headings may hold current figures only.
 */
export function tenseProblems(markdown: string, fb: FactBase, ctx: TimeContext): TenseProblem[] {
  const problems: TenseProblem[] = [];
  const stale = (id: string): Fact | undefined => {
    const f = fb.facts.get(id);
    return f && !isCurrent(f.asOf, ctx) ? f : undefined;
  };
  markdown.split('\n').forEach((line, i) => {
    const heading = /^#{1,6}\s/.test(line);
    for (const sentence of line.split(/(?<=[。；！？])/)) {
      for (const m of sentence.matchAll(CITED_FIGURE)) {
        const f = stale(m[2]);
        if (!f) continue;
        const label = periodLabel(f.asOf);
        if (heading) {
          problems.push({ line: i + 1, message: msg('template.tense-heading', { figure: m[1], fact: f.id, period: label, asOf: ctx.asOf }) });
        } else {
          const word = PRESENT_WORDS.exec(sentence.replace(CITED_FIGURE, '$1'))?.[0];
          if (word) problems.push({ line: i + 1, message: msg('template.tense-present', { word, figure: m[1], fact: f.id, period: label, asOf: ctx.asOf }) });
        }
      }
    }
  });
  return problems;
}
