/**
 * Template files compiled ahead of time. Parsing and generating code for the
 * shipped templates was most of the template stage (about 150 of 180 ms on a
 * cold build), so `npm run build` renders each shipped template once and keeps
 * the code Handlebars generated for it (scripts/precompile-templates.mjs →
 * dist/templates/precompiled/<name>.json). A build whose template files are exactly
 * those texts runs that code; any edit changes the key and compiles as usual.
 * Runtime compiling goes through the same spec text, so both paths run the
 * same code.
 */
import Handlebars from 'handlebars';
import { createHash } from 'node:crypto';

/** Bump when the passes before compiling (escaping, line markers) change what they produce. */
const PASSES_VERSION = 1;

export interface PrecompiledTemplate {
  /** precompiledKey() of the files it was compiled from. */
  key: string;
  /** File names in the order their line markers number them. */
  order: string[];
  /** Handlebars' generated code, by file name (files never rendered are absent and compile when used). */
  specs: Record<string, string>;
}

/** What a file's compiled code depends on: every file's name and text, the helper names the escaping pass knows, and the compiler. */
export function precompiledKey(files: Iterable<[string, string]>, helperNames: Iterable<string>): string {
  const h = createHash('sha256').update(`handlebars ${Handlebars.VERSION} passes ${PASSES_VERSION}\0`);
  for (const name of [...helperNames].sort()) h.update(name).update('\0');
  h.update('\0');
  for (const [name, text] of [...files].sort(([a], [b]) => (a < b ? -1 : 1))) h.update(name).update('\0').update(text).update('\0');
  return h.digest('hex');
}

/** Generated code for a parsed (and already escaped and marked) file; throws Handlebars' own compile errors. */
export function generateSpec(hb: typeof Handlebars, ast: hbs.AST.Program, knownHelpers: Record<string, boolean>): string {
  return hb.precompile(ast, { strict: true, knownHelpers, knownHelpersOnly: true, noEscape: true }) as unknown as string;
}

/** A runnable template from generated code. */
export function templateFromSpec(hb: typeof Handlebars, spec: string): Handlebars.TemplateDelegate {
  // The spec is Handlebars' own output for a template file (never data), as compile() itself evaluates it.
  return hb.template(new Function(`return ${spec}`)() as TemplateSpecification);
}
