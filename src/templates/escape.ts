/**
 * Data is data: whatever a `{{…}}` prints (a field of the fact base, a helper's
 * figure or wording) reaches the Markdown as literal text, never as Markdown or
 * as our block syntax. Template literal text stays Markdown.
 *
 * Every mustache in a template is rewritten, before compiling, into a call of
 * one internal helper that escapes its value. Helpers need no escaping of
 * their own; block helpers ({{#chart}}, {{#each}}) and partials are not
 * mustaches and keep their Markdown.
 */
import { walkAst, type AstNode } from './ast-walk.js';
import { escapeMarkdown } from '../util/markdown-text.js';

/** Helper a plain value ({{name}}, {{this.title}}) prints through. */
export const DATA_HELPER = '__data';
/** Helper a helper call ({{fact "id"}}) prints through. */
export const OUTPUT_HELPER = '__output';

/**
 * A value printed by a mustache, as Handlebars would print it, then escaped.
 * Citation markers in it come from our helpers (possibly via a partial's
 * parameter): data cannot hold them, as every string from data, manifests and
 * the render context is sanitised (markers removed) where it enters.
 */
export function printable(value: unknown): string {
  if (value === undefined || value === null) return '';
  return escapeMarkdown(typeof value === 'string' ? value : String(value));
}


const pathTo = (name: string, loc: unknown) => ({ type: 'PathExpression', data: false, depth: 0, parts: [name], original: name, loc });

/**
 * Rewrite every {{mustache}} (and {{{triple}}}) as {{__output (helper …)}} or
 * {{__data path}}. `ours` names the registered helpers whose output carries
 * citation markers.
 */
export function escapeMustaches<T>(ast: T, ours: Set<string>): T {
  walkAst(ast, (node) => {
    if (node.type === 'MustacheStatement') {
      const path = node.path as AstNode & { parts?: string[]; original?: unknown; data?: boolean; depth?: number };
      const params = (node.params as AstNode[]) ?? [];
      const hash = node.hash as AstNode | undefined;
      const simpleName = path.type === 'PathExpression' && !path.data && path.depth === 0 && path.parts?.length === 1 ? path.parts[0] : undefined;
      const callsHelper = params.length > 0 || !!hash || (simpleName !== undefined && ours.has(simpleName));
      let inner: AstNode;
      let wrapper = DATA_HELPER;
      if (callsHelper) {
        inner = { type: 'SubExpression', path, params, hash, loc: node.loc };
        if (simpleName !== undefined && ours.has(simpleName)) wrapper = OUTPUT_HELPER;
      } else {
        inner = path;
        // Keep strict mode's "not defined" error for a missing field.
        if (path.type === 'PathExpression') (path as { strict?: boolean }).strict = true;
      }
      node.path = pathTo(wrapper, node.loc);
      node.params = [inner];
      node.hash = undefined;
      node.escaped = true;
      return true;
    }
  });
  return ast;
}
