/**
 * Line provenance through Handlebars: before compiling, every newline in a
 * template's literal text is followed by an invisible marker naming the
 * template file and line; after rendering, the markers are stripped into a
 * map from output line to template line. Errors found later in the Markdown
 * (unknown block, bad table) can then name the template file and line.
 */
import type Handlebars from 'handlebars';
import type { SourceLocation } from '../model/document.js';
import { walkAst } from './ast-walk.js';

const OPEN = '\uE000';
const CLOSE = '\uE001';
const MARKER = /\uE000(\d+):(\d+)\uE001/g;

/** Insert line markers into the AST's literal text. `fileIndex` refers to SourceMapFiles. */
export function markLines(ast: hbs.AST.Program, fileIndex: number): hbs.AST.Program {
  const mark = (line: number) => `${OPEN}${fileIndex}:${line}${CLOSE}`;
  walkAst(ast, (node) => {
    if (node.type === 'ContentStatement') {
      const c = node as unknown as { value: string; original?: unknown; loc: hbs.AST.SourceLocation };
      // Typed as StripFlags upstream, but it is the unstripped text.
      const original = typeof c.original === 'string' ? c.original : c.value;
      // Whitespace control trims the value at either end; find where it sits in the original.
      const offset = Math.max(0, original.indexOf(c.value));
      const startLine = c.loc.start.line;
      const startsLine = c.loc.start.column === 0 && offset === 0;
      let out = startsLine ? mark(startLine) : '';
      let line = startLine + countNewlines(original.slice(0, offset));
      for (const ch of c.value) {
        out += ch;
        if (ch === '\n') {
          line++;
          out += mark(line);
        }
      }
      c.value = out;
      return true;
    }
  });
  return ast;
}

function countNewlines(s: string): number {
  let n = 0;
  for (const ch of s) if (ch === '\n') n++;
  return n;
}

/** Strip the markers; return clean text and the template location of each output line. */
export function stripMarkers(text: string, files: string[]): { text: string; lines: SourceLocation[] } {
  const outLines = text.split('\n');
  const lines: SourceLocation[] = [];
  let last: SourceLocation = { file: files[0] ?? '<template>', line: 1 };
  const clean = outLines.map((raw) => {
    // The marker nearest the start of the line's text says where that text came from.
    let loc: SourceLocation | undefined;
    const leading = /^(?:\uE000\d+:\d+\uE001)+/.exec(raw);
    if (leading) {
      const all = [...leading[0].matchAll(MARKER)];
      const m = all[all.length - 1];
      loc = { file: files[Number(m[1])] ?? '<template>', line: Number(m[2]) };
    } else {
      const first = MARKER.exec(raw);
      MARKER.lastIndex = 0;
      if (first) loc = { file: files[Number(first[1])] ?? '<template>', line: Number(first[2]) };
    }
    if (loc) last = loc;
    lines.push(last);
    return raw.replace(MARKER, '');
  });
  return { text: clean.join('\n'), lines };
}

export type HandlebarsAst = ReturnType<typeof Handlebars.parse>;
