/**
 * Model text as literal Markdown: the writer's own escaping (writers do not
 * import the template stage). Same rules as the template stage's escaper.
 */

/** Punctuation that is syntax anywhere in a line: emphasis, code, links, entities, table cells, attributes. */
const INLINE_SYNTAX = /[\\`*_{}[\]<&|~#"]/g;
/** What opens a block at the start of a line: quote, list, rule, ::: div, 1. or 1) */
const LINE_START_SYNTAX = /^(?:>|[-+=](?=\s|$|[-+=])|:(?=:)|\d{1,9}(?=[.)](?:\s|$)))/;

export function escapeInline(text: string): string {
  const flat = text
    .replace(/[\r\n\t\f\v\u2028\u2029]+/g, ' ')
    .replace(/^ +| +$/g, '')
    .replace(INLINE_SYNTAX, (c) => `\\${c}`);
  return flat.replace(LINE_START_SYNTAX, (m) => (/^\d/.test(m) ? m + '\\' : `\\${m}`));
}

/** A YAML double-quoted scalar (JSON's string syntax is valid YAML). */
export function yamlString(text: string): string {
  return JSON.stringify(text.replace(/[\r\n]+/g, ' '));
}
