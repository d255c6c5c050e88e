/**
 * Escaping for the three contexts the html writer writes into. Data is text:
 * every string from the model passes through one of these, so `<script>`,
 * `</style>`, quotes or U+2028 in a figure's label come out as inert text.
 */
import { sanitizeText } from '../../util/sanitize.js';

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '\u2028': '&#x2028;', '\u2029': '&#x2029;' };

/** Text content and attribute values (always written double-quoted). */
export function esc(text: string | number): string {
  return sanitizeText(String(text)).replace(/[&<>"'\u2028\u2029]/g, (c) => HTML_ESCAPES[c]);
}

/** A CSS string literal: anything but letters, digits, spaces and CJK becomes a hex escape (so no `</style>`, no quote). */
export function cssString(text: string): string {
  const body = [...sanitizeText(text)]
    .map((ch) => (/^[\p{L}\p{N} _-]$/u.test(ch) && ch !== '\u2028' && ch !== '\u2029' ? ch : `\\${ch.codePointAt(0)!.toString(16)} `))
    .join('');
  return `"${body}"`;
}

/** A colour from the theme; anything that is not six hex digits falls back (the manifest checks them, this is a last guard). */
export function cssColour(hex: string, fallback = '000000'): string {
  return `#${/^[0-9A-Fa-f]{6}$/.test(hex) ? hex : fallback}`;
}

/** JSON inside a <script> element: no `</script>`, no `<!--`, no line separators that end a JS string. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
