/**
 * Text as literal Markdown, and back: the one escaper the template stage (for
 * every value a mustache prints) and the md writer (for model text) share, and
 * its inverse for the Markdown stage. Dependency-free.
 */

/**
 * ASCII punctuation that means something anywhere in a line: emphasis, code,
 * links, entities, autolinks, table cells, strikethrough, our {attributes} and
 * quoted attribute values, a heading's closing #s, and the backslash itself.
 */
const INLINE_SYNTAX = /[\\`*_{}[\]<&|~#"]/g;
/** What starts a block when it opens a line: quote, list, setext/thematic rule, fence, ::: div, 1. or 1) */
const LINE_START_SYNTAX = /^(?:>|[-+=](?=\s|$|[-+=])|:(?=:)|\d{1,9}(?=[.)](?:\s|$)))/;

/**
 * Markdown-escape text so that markdown-it reads it back as the same characters
 * within one line: line breaks and tabs become spaces (a blank line would start
 * a new block), leading and trailing spaces go (four would start code, two a
 * hard break), and what could be syntax is backslash-escaped — inline syntax
 * anywhere, block syntax at the start (where the value may open a line).
 */
export function escapeMarkdown(text: string): string {
  const flat = text
    .replace(/[\r\n\t\f\v\u2028\u2029]+/g, ' ')
    .replace(/^ +| +$/g, '')
    .replace(INLINE_SYNTAX, (c) => `\\${c}`);
  return flat.replace(LINE_START_SYNTAX, (m) => (/^\d/.test(m) ? m + '\\' : `\\${m}`));
}

/** Undo escapeMarkdown's backslashes, for text read from the raw Markdown (headings, captions, attributes). */
export function unescapeMarkdown(text: string): string {
  return text.replace(/\\([!-/:-@[-`{-~])/g, '$1');
}
