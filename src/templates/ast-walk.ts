/** One walk over a Handlebars AST for the passes that rewrite it before compiling. */
export type AstNode = { type: string; loc?: unknown } & Record<string, unknown>;

/**
 * Visit every statement depth first through `body`, `program` and `inverse`.
 * `visit` returns true when it handled a node, so its children are not visited.
 */
export function walkAst(ast: unknown, visit: (node: AstNode) => boolean | void): void {
  const walk = (node: AstNode | undefined | null): void => {
    if (!node || typeof node !== 'object') return;
    if (visit(node)) return;
    for (const key of ['body', 'program', 'inverse']) {
      const child = node[key] as AstNode | AstNode[] | undefined;
      if (Array.isArray(child)) child.forEach(walk);
      else if (child) walk(child);
    }
  };
  walk(ast as AstNode);
}
