/**
 * A parsed YAML document's value, with alias expansion bounded: a "billion
 * laughs" file is refused as bad input at the line of its first alias,
 * instead of exhausting memory or surfacing as an internal error.
 */
import type { Document, LineCounter } from 'yaml';
import { yamlLib } from './yaml-lib.js';
import type { Problem } from '../errors.js';
import { msg } from '../i18n/index.js';
import { LIMITS } from '../limits.js';

/** Expanded aliases allowed per document; real data and templates use none. */
export const MAX_ALIAS_COUNT = LIMITS.yamlAliases;

export function yamlToJs(doc: Document, counter: LineCounter, file: string): { value: unknown } | { problem: Problem } {
  try {
    return { value: doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) };
  } catch (e) {
    if (!/alias/i.test(String((e as Error)?.message))) throw e;
    let line = 1;
    const { visit } = yamlLib();
    visit(doc, {
      Alias(_, node) {
        if (node.range) line = counter.linePos(node.range[0]).line;
        return visit.BREAK;
      },
    });
    // `title: *abc`: a value starting with * that was meant as text, not an alias.
    if (/unresolved alias/i.test(String((e as Error)?.message))) return { problem: { file, line, message: msg('yaml.needs-quotes-start'), hint: msg('yaml.needs-quotes-hint') } };
    return { problem: { file, line, message: msg('yaml.alias-bomb', { max: MAX_ALIAS_COUNT }), hint: msg('yaml.alias-bomb-hint') } };
  }
}
