/**
 * YAML syntax errors in plain words. The parser's own messages ("Implicit keys
 * need to be on a single line") mean nothing to our users; the usual causes do:
 * a full-width colon or comma typed with a Chinese input method, a tab, a line
 * out of alignment, a value that needs quotes, a quote never closed.
 */
import type { LineCounter, YAMLError } from 'yaml';
import type { Problem } from '../errors.js';
import { msg, type Message } from '../i18n/index.js';

const FULL_WIDTH_COLON_KEY = /^\s*(?:-\s+)?[A-Za-z_][\w-]*\s*：/;

function cause(code: string, message: string, line: string): { message: Message; hint: Message } {
  if (FULL_WIDTH_COLON_KEY.test(line)) return { message: msg('yaml.full-width-colon'), hint: msg('yaml.full-width-colon-hint') };
  if (/^\s*\t/.test(line) || code === 'TAB_AS_INDENT') return { message: msg('yaml.tab'), hint: msg('yaml.tab-hint') };
  if (/\[[^\]]*，/.test(line)) return { message: msg('yaml.full-width-comma'), hint: msg('yaml.full-width-comma-hint') };
  if (code === 'DUPLICATE_KEY') return { message: msg('yaml.duplicate-key'), hint: msg('yaml.duplicate-key-hint') };
  if (code === 'MISSING_CHAR' && /closing/i.test(message)) return { message: msg('yaml.unclosed-quote'), hint: msg('yaml.unclosed-quote-hint') };
  if (/^\s*(?:-\s+)?[\w-]+:\s+[*&!%@`|>]/.test(line) || code === 'BAD_ALIAS' || code === 'BAD_SCALAR_START') {
    return { message: msg('yaml.needs-quotes-start'), hint: msg('yaml.needs-quotes-hint') };
  }
  // `title: 青岛: 数字`: a second ": " in the value.
  if (/^\s*(?:-\s+)?[\w-]+:\s+[^"'#][^#]*:\s/.test(line)) return { message: msg('yaml.needs-quotes-colon'), hint: msg('yaml.needs-quotes-hint') };
  if (['BAD_INDENT', 'MISSING_CHAR', 'MULTILINE_IMPLICIT_KEY', 'BLOCK_AS_IMPLICIT_KEY', 'UNEXPECTED_TOKEN'].includes(code)) {
    return { message: msg('yaml.indentation'), hint: msg('yaml.indentation-hint') };
  }
  return { message: msg('yaml.syntax', { detail: message.split('\n')[0] }), hint: msg('yaml.syntax-hint') };
}

/** The first syntax error of a YAML text as a problem at its line (later ones are mostly echoes). */
export function yamlSyntaxProblem(file: string, text: string, error: YAMLError, counter: LineCounter): Problem {
  const lines = text.split(/\r\n|\r|\n/);
  const pos = counter.linePos(error.pos[0]);
  // The parser often notices a bad line only on the next one: look at the line before too.
  for (const line of [pos.line - 1, pos.line]) {
    const t = lines[line - 1] ?? '';
    if (line >= 1 && (FULL_WIDTH_COLON_KEY.test(t) || /^\s*\t/.test(t))) {
      return { file, line, column: 1, ...cause(error.code, error.message, t) };
    }
  }
  return { file, line: pos.line, column: pos.col, ...cause(error.code, error.message, lines[pos.line - 1] ?? '') };
}
