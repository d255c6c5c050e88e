/** ISO partial dates (YYYY, YYYY-MM, YYYY-MM-DD) and their Chinese forms. */

import { msg, MessageRangeError } from '../i18n/index.js';
/** Compare partial ISO dates; a shorter date sorts as the start of its period. */
export function compareIso(a: string, b: string): number {
  const pad = (s: string) => (s + '-00-00').slice(0, 10);
  return pad(a) < pad(b) ? -1 : pad(a) > pad(b) ? 1 : 0;
}

/** Months since year 0, for distances between dates. */
export function isoToMonths(iso: string): number {
  const [y, m] = iso.split('-');
  return Number(y) * 12 + (m ? Number(m) - 1 : 0);
}

export type DatePrecision = 'day' | 'month' | 'year';

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Is this a real date written YYYY, YYYY-MM or YYYY-MM-DD (no 2025-13-45, no 2023-02-29)? */
export function isIsoDate(iso: string): boolean {
  const m = /^(\d{4})(?:-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?)?$/.exec(iso);
  if (!m) return false;
  if (!m[3]) return true;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return d <= (mo === 2 && !leap ? 28 : DAYS_IN_MONTH[mo - 1]);
}

/** 2025年3月20日 / 2025年3月 / 2025年; no zero padding, per GB/T 9704. Refuses a date that does not exist. */
export function formatChineseDate(iso: string, precision?: DatePrecision): string {
  if (!isIsoDate(iso)) throw new MessageRangeError(msg('format.not-a-date', { value: iso }));
  const [y, m, d] = iso.split('-');
  const want = precision ?? (d ? 'day' : m ? 'month' : 'year');
  let out = `${Number(y)}年`;
  if (m && want !== 'year') out += `${Number(m)}月`;
  if (d && want === 'day') out += `${Number(d)}日`;
  return out;
}

/** A partial ISO date as a fractional year (start of its period), for time axes. */
export function isoToYears(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number);
  const days = m ? (Date.UTC(y, m - 1, d || 1) - Date.UTC(y, 0, 1)) / 86_400_000 : 0;
  const length = (Date.UTC(y + 1, 0, 1) - Date.UTC(y, 0, 1)) / 86_400_000;
  return y + days / length;
}

/** YYYY-MM or YYYY-MM-DD naming a real day or month (no 2024-02-30, no month 13). */
export function isCalendarDate(iso: string): boolean {
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(iso);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), m[3] === undefined ? 1 : Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return mo >= 1 && mo <= 12 && d >= 1 && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}
