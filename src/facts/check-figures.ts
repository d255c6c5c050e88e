/**
 * Checks that compare a record with its own printed figure: the commonest
 * typos (3780 for 3.78万, 0.95 for 95%, a 亿元 figure in a 个 series, 超
 * without more-than) show up here, before anyone opens the source.
 */
import type { Qualifier } from './schema.js';
import { msg, type Text } from '../i18n/index.js';
import { parsePrinted, parsePrintedDate, sameNumber } from './figures.js';

/** A problem with one field of a record; the caller adds file:line:column. */
export interface FieldProblem {
  field: string;
  message: Text;
  hint?: Text;
}

const QUALIFIER_WORDS: Record<Qualifier, string> = {
  exact: '',
  'more-than': '超/超过/突破/余/多',
  'at-least': '以上/上千',
  'less-than': '小于/不足/低于',
  nearly: '近/接近',
  about: '约/左右',
  magnitude: '级（千亿级）',
};

function show(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Number(n.toPrecision(12)));
}

/** A value point or a target: value, unit and qualifier against the printed figure. */
export function checkValueFigure(f: {
  printed: string;
  value: number;
  unit: string;
  qualifier: Qualifier;
  alsoUnits?: string[];
}): FieldProblem[] {
  const parsed = parsePrinted(f.printed);
  if (!parsed) return [];
  const problems: FieldProblem[] = [];
  const units = [f.unit, ...(f.alsoUnits ?? [])];
  if (parsed.unit !== '' && !units.includes(parsed.unit)) {
    problems.push({
      field: 'printed',
      message: msg('data.unit-mismatch', { printed: f.printed, printedUnit: parsed.unit, unit: f.unit }),
      hint: msg('data.unit-mismatch-hint', { printedUnit: parsed.unit }),
    });
    return problems;
  }
  if (!sameNumber(parsed.value, f.value)) {
    const pct = f.unit === '%' && sameNumber(f.value * 100, parsed.value);
    problems.push({
      field: 'value',
      // Either may be the typo: the article decides, so the message does not say which to change.
      message: msg('data.value-printed-disagree', { value: show(f.value), printed: f.printed, reads: show(parsed.value) }),
      hint: pct ? msg('data.percent-hint', { reads: show(parsed.value) }) : msg('data.value-printed-disagree-hint'),
    });
  }
  if (parsed.qualifier !== f.qualifier) {
    problems.push({
      field: 'qualifier',
      message: msg('data.qualifier-mismatch', { qualifier: msg(`qualifier.${f.qualifier}`), printed: f.printed, reads: msg(`qualifier.${parsed.qualifier}`) }),
      hint:
        parsed.qualifier === 'exact'
          ? msg('data.qualifier-exact-hint', { words: QUALIFIER_WORDS[f.qualifier], qualifier: f.qualifier })
          : msg('data.qualifier-hint', { reads: parsed.qualifier }),
    });
  }
  return problems;
}

/** Which field of a rank point a printed figure backs: 连续七年 → consecutive, 跃升6位 → movement, 第23 → rank. */
function rankField(printed: string, before: string): 'rank' | 'consecutive' | 'movement' | undefined {
  if (/连续|连冠|蝉联/.test(printed)) return 'consecutive';
  if (/[升降进退]$|提升|下降/.test(before)) return 'movement';
  if (/第|首/.test(printed)) return 'rank';
  return undefined;
}

export function checkRankFigure(p: {
  printed: string;
  alsoPrinted?: string[];
  rank: number;
  of?: number;
  consecutive?: number;
  movement?: number;
}): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (p.of !== undefined && p.rank > p.of) {
    problems.push({ field: 'rank', message: msg('data.rank-beyond-list', { rank: p.rank, of: p.of }), hint: msg('data.rank-beyond-list-hint') });
  }
  for (const text of [p.printed, ...(p.alsoPrinted ?? [])]) {
    const parsed = parsePrinted(text);
    if (!parsed) continue;
    const field = rankField(text, parsed.before);
    if (!field) continue;
    const down = /降|退/.test(parsed.before);
    const want = field === 'movement' && down ? -parsed.value : parsed.value;
    const have = p[field];
    if (have === undefined) {
      problems.push({ field, message: msg('data.rank-field-missing', { printed: text, field, want: show(want) }), hint: msg('data.rank-field-missing-hint', { field, want: show(want) }) });
    } else if (!sameNumber(have, want)) {
      problems.push({ field, message: msg('data.rank-field-disagree', { field, have, printed: text, want: show(want) }), hint: msg('data.check-article-hint') });
    }
  }
  return problems;
}

/** A milestone's date against a printed date such as 3月5日 or 2020年6月. */
export function checkMilestoneDate(m: { printed: string; date: string }): FieldProblem[] {
  const printed = parsePrintedDate(m.printed);
  if (!printed) return [];
  const [y, mo, d] = m.date.split('-').map(Number);
  const wrong =
    (printed.year !== undefined && printed.year !== y) ||
    (printed.month !== undefined && printed.month !== mo) ||
    (printed.day !== undefined && printed.day !== d);
  if (!wrong) return [];
  const want = [printed.year ?? y, printed.month, printed.day]
    .filter((x) => x !== undefined)
    .map((x, i) => (i === 0 ? String(x) : String(x).padStart(2, '0')))
    .join('-');
  return [
    {
      field: 'date',
      message: msg('data.milestone-date-disagree', { date: m.date, printed: m.printed, want }),
      hint: msg('data.check-article-hint'),
    },
  ];
}

/** 到2027年 in a target's printed strings must agree with its targetYear. */
export function checkTargetYear(t: { printed: string; alsoPrinted?: string[]; targetYear: number }): FieldProblem[] {
  for (const text of [t.printed, ...(t.alsoPrinted ?? [])]) {
    const year = text.match(/(?:到|至)(\d{4})年/)?.[1];
    if (year && Number(year) !== t.targetYear) {
      return [{ field: 'targetYear', message: msg('data.target-year-disagree', { year: t.targetYear, printed: text }), hint: msg('data.check-article-hint') }];
    }
  }
  return [];
}
