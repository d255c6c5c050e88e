import { unescapeMarkdown } from '../util/markdown-text.js';
/** pandoc attribute syntax on fenced divs and headings: `{#id .class key="value"}` or a bare `name`. */
export interface Attributes {
  id?: string;
  classes: string[];
  values: Record<string, string>;
}

export function parseAttributes(info: string): Attributes {
  const attrs: Attributes = { classes: [], values: {} };
  const text = info.trim();
  if (!text.startsWith('{')) {
    // `::: notes` is shorthand for `::: {.notes}`.
    const [name] = text.split(/\s+/);
    if (name) attrs.classes.push(name);
    return attrs;
  }
  const body = text.replace(/^\{/, '').replace(/\}$/, '');
  // Quoted values may hold backslash escapes (data printed into an attribute).
  const re = /([#.])([\w-]+)|([\w-]+)=(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'|(\S+))/g;
  for (const m of body.matchAll(re)) {
    if (m[1] === '#') attrs.id = m[2];
    else if (m[1] === '.') attrs.classes.push(m[2]);
    else attrs.values[m[3]] = unescapeMarkdown(m[4] ?? m[5] ?? m[6] ?? '');
  }
  return attrs;
}
