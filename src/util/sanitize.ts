/**
 * The one text sanitiser every string passes through before a writer sees it.
 * Removes what XML 1.0 cannot hold (C0 controls other than tab/newline, lone
 * surrogates, U+FFFE/U+FFFF) and the private-use markers the template stage
 * uses internally, and normalises what a copy-paste from Word or PDF brings
 * (CRLF, non-breaking and zero-width spaces).
 */

// XML 1.0 Char: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]
const ILLEGAL_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u0084\u0086-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Private-use range reserved for the template stage's own markers. */
export const MARKER_RANGE = /[\uE000-\uE01F]/g;

/** Any character one of the replacements below acts on (all surrogates, paired or not): most strings have none. */
const NEEDS_WORK = /[\r\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u0084\u0086-\u009F\u00A0\u200B\u200C\u200D\u2060\uD800-\uDFFF\uE000-\uE01F\uFEFF\uFFFE\uFFFF]/;

export function sanitizeText(input: string): string {
  return NEEDS_WORK.test(input) ? sanitizeAll(input) : input;
}

/** Every replacement, applied whether or not one is needed: what sanitizeText's shortcut must always agree with. */
export function sanitizeAll(input: string): string {
  return input
    .replace(/\r\n?/g, '\n')
    .replace(ILLEGAL_XML, '')
    .replace(MARKER_RANGE, '')
    .replace(/[\u200B\u200C\u200D\u2060\uFEFF]/g, '')
    .replace(/\u00A0/g, ' ');
}

/** Sanitise every string in a plain data structure (YAML output, model). */
export function sanitizeDeep<T>(value: T): T {
  if (typeof value === 'string') return sanitizeText(value) as T;
  if (Array.isArray(value)) return value.map((v) => sanitizeDeep(v)) as T;
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = sanitizeDeep(v);
    return out as T;
  }
  return value;
}
