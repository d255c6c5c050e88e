/**
 * pandoc's fenced divs for markdown-it. Unlike markdown-it-container, a bare
 * fence (`:::`) closes the innermost open div whatever its length, and a fence
 * with attributes (`::: notes`, `::: {.chart id="x"}`) always opens one, so
 * divs nest the way pandoc nests them.
 */
import type { MarkdownIt, StateBlock } from 'markdown-it';

const OPEN = /^ {0,3}(:{3,})\s*(\S.*?)\s*:*\s*$/;
const CLOSE = /^ {0,3}:{3,}\s*$/;
const CODE_FENCE = /^ {0,3}(`{3,}|~{3,})/;

function lineAt(state: StateBlock, line: number): string {
  return state.src.slice(state.bMarks[line], state.eMarks[line]);
}

export function fencedDivs(md: MarkdownIt): void {
  md.block.ruler.before(
    'fence',
    'fenced_div',
    (state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean => {
      if (state.sCount[startLine] - state.blkIndent >= 4) return false;
      const open = OPEN.exec(lineAt(state, startLine));
      if (!open || CLOSE.test(lineAt(state, startLine))) return false;
      if (silent) return true;

      // Find the matching close: count nested opens, skip code fences.
      let depth = 1;
      let line = startLine + 1;
      let inCode: string | undefined;
      for (; line < endLine; line++) {
        const text = lineAt(state, line);
        const code = CODE_FENCE.exec(text);
        if (inCode) {
          if (code && code[1][0] === inCode[0] && code[1].length >= inCode.length) inCode = undefined;
          continue;
        }
        if (code) {
          inCode = code[1];
          continue;
        }
        if (CLOSE.test(text)) {
          if (--depth === 0) break;
        } else if (OPEN.test(text)) depth++;
      }
      const closed = line < endLine;

      const openToken = state.push('fenced_div_open', 'div', 1);
      openToken.info = open[2];
      openToken.markup = open[1];
      openToken.block = true;
      openToken.map = [startLine, line];
      // The unclosed flag lets the model builder report the div at its opening line.
      if (!closed) openToken.meta = { unclosed: true };

      const oldParent = state.parentType;
      const oldLineMax = state.lineMax;
      state.parentType = 'fenced_div' as typeof state.parentType;
      state.lineMax = line;
      state.md.block.tokenize(state, startLine + 1, line);
      state.parentType = oldParent;
      state.lineMax = oldLineMax;

      const closeToken = state.push('fenced_div_close', 'div', -1);
      closeToken.block = true;
      state.line = closed ? line + 1 : line;
      return true;
    },
    { alt: ['paragraph', 'reference', 'blockquote', 'list'] },
  );
}
