/**
 * Partial ISO dates as periods: "2024-03" is the whole of March 2024. A
 * value dated 2024-03-20 is therefore not "after" a source published in
 * 2024-03; it is only after one published in 2024-02 or earlier.
 */

const DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** First day of the period, YYYY-MM-DD. */
export function periodStart(iso: string): string {
  const [y, m = '01', d = '01'] = iso.split('-');
  return `${y}-${m}-${d}`;
}

/** Last day of the period, YYYY-MM-DD (29 Feb is fine for comparisons). */
export function periodEnd(iso: string): string {
  const [y, m, d] = iso.split('-');
  if (d) return iso;
  if (m) return `${y}-${m}-${String(DAYS[Number(m) - 1]).padStart(2, '0')}`;
  return `${y}-12-31`;
}

/** True when all of period `a` lies after all of period `b`. */
export function isAfter(a: string, b: string): boolean {
  return periodStart(a) > periodEnd(b);
}

/** True when period `date` could have begun by `limit` (it starts on or before the limit's end). */
export function knownBy(date: string, limit: string): boolean {
  return !isAfter(date, limit);
}
