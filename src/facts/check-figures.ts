/**
 * Checks that compare a record with its own printed figure: the commonest
 * typos (3780 for 3.78万, 0.95 for 95%, a 亿元 figure in a 个 series, 超
 * without more-than) show up here, before anyone opens the source.
 */
import type { Qualifier } from './schema.js';
import { parsePrinted, parsePrintedDate, sameNumber } from './figures.js';

/** A problem with one field of a record; the caller adds file:line:column. */
export interface FieldProblem {
  field: string;
  message: string;
  hint?: string;
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
      message: `printed figure '${f.printed}' is in '${parsed.unit}' but the unit is '${f.unit}'`,
      hint: `move the point to an indicator measured in ${parsed.unit}, fix the unit, or list '${parsed.unit}' under alsoUnits if it is the same measure word`,
    });
    return problems;
  }
  if (!sameNumber(parsed.value, f.value)) {
    const pct = f.unit === '%' && sameNumber(f.value * 100, parsed.value);
    problems.push({
      field: 'value',
      message: `value ${show(f.value)} does not match the printed figure '${f.printed}', which reads as ${show(parsed.value)}`,
      hint: pct
        ? `percentages are written as the printed number: ${show(parsed.value)}, not ${show(f.value)}`
        : `values are in base units (3.78万 → 37800, 4000亿元 → 400000000000): write ${show(parsed.value)}`,
    });
  }
  if (parsed.qualifier !== f.qualifier) {
    problems.push({
      field: 'qualifier',
      message: `qualifier is '${f.qualifier}' but the printed figure '${f.printed}' reads as '${parsed.qualifier}'`,
      hint:
        parsed.qualifier === 'exact'
          ? `copy the source's qualifying word (${QUALIFIER_WORDS[f.qualifier]}) into printed, or set qualifier: exact`
          : `set qualifier: ${parsed.qualifier}, as the wording says`,
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
    problems.push({ field: 'rank', message: `rank ${p.rank} is beyond the ${p.of} entries of the list`, hint: 'check rank and of' });
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
      problems.push({ field, message: `'${text}' gives ${field} ${show(want)} but the point has no ${field}`, hint: `add ${field}: ${show(want)}` });
    } else if (!sameNumber(have, want)) {
      problems.push({ field, message: `${field} ${have} does not match the printed '${text}' (${show(want)})`, hint: `set ${field}: ${show(want)} or fix printed` });
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
      message: `date ${m.date} does not match the printed date '${m.printed}'`,
      hint: `write date: ${want}`,
    },
  ];
}

/** 到2027年 in a target's printed strings must agree with its targetYear. */
export function checkTargetYear(t: { printed: string; alsoPrinted?: string[]; targetYear: number }): FieldProblem[] {
  for (const text of [t.printed, ...(t.alsoPrinted ?? [])]) {
    const year = text.match(/(?:到|至)(\d{4})年/)?.[1];
    if (year && Number(year) !== t.targetYear) {
      return [{ field: 'targetYear', message: `targetYear ${t.targetYear} does not match the printed '${text}'`, hint: `set targetYear: ${year}` }];
    }
  }
  return [];
}
