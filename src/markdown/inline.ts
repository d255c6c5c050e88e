/** Inline Markdown tokens → runs, with citation markers turned into cited runs. */
import type { Token } from 'markdown-it';
import type { Citation, Run } from '../model/document.js';
import { CITE_END, CITE_ID, CITE_START } from '../templates/citations.js';
import { sanitizeText } from '../util/sanitize.js';

export interface InlineContext {
  citation(factId: string): Citation | undefined;
  /** Citations met without visible text (cite helper), for the section's source line. */
  silent: Citation[];
}

/** Split text on the template stage's markers into plain and cited runs. */
function splitCitations(text: string, style: { bold?: boolean; italic?: boolean }, ctx: InlineContext): Run[] {
  const runs: Run[] = [];
  let rest = text;
  const push = (t: string, cite?: Citation) => {
    const clean = sanitizeText(t);
    if (clean || cite) runs.push({ text: clean, ...(style.bold ? { bold: true } : {}), ...(style.italic ? { italic: true } : {}), ...(cite ? { cite } : {}) });
  };
  while (rest) {
    const start = rest.indexOf(CITE_START);
    const bare = rest.indexOf(CITE_ID);
    if (start < 0 && bare < 0) {
      push(rest);
      break;
    }
    if (start >= 0 && (bare < 0 || start < bare)) {
      push(rest.slice(0, start));
      const idAt = rest.indexOf(CITE_ID, start);
      const endAt = rest.indexOf(CITE_END, idAt);
      if (idAt < 0 || endAt < 0) {
        push(rest.slice(start));
        break;
      }
      const factId = rest.slice(idAt + 1, endAt);
      push(rest.slice(start + 1, idAt), ctx.citation(factId));
      rest = rest.slice(endAt + 1);
    } else {
      push(rest.slice(0, bare));
      const endAt = rest.indexOf(CITE_END, bare);
      if (endAt < 0) break;
      const c = ctx.citation(rest.slice(bare + 1, endAt));
      if (c) ctx.silent.push(c);
      rest = rest.slice(endAt + 1);
    }
  }
  return runs.filter((r) => r.text !== '' || r.cite);
}

/** Runs of an inline token; `split` at soft breaks returns separate lines. */
export function inlineToLines(children: Token[] | null, ctx: InlineContext): Run[][] {
  const lines: Run[][] = [[]];
  let bold = false;
  let italic = false;
  for (const t of children ?? []) {
    switch (t.type) {
      case 'strong_open':
        bold = true;
        break;
      case 'strong_close':
        bold = false;
        break;
      case 'em_open':
        italic = true;
        break;
      case 'em_close':
        italic = false;
        break;
      case 'softbreak':
      case 'hardbreak':
        lines.push([]);
        break;
      case 'text':
      case 'code_inline':
        lines[lines.length - 1].push(...splitCitations(t.content, { bold, italic }, ctx));
        break;
      default:
        // Links keep their text (text tokens follow); images and HTML are dropped.
        break;
    }
  }
  return lines.map(mergeRuns);
}

/** Join a soft-broken paragraph back into one line of runs (CJK needs no space at the join). */
export function inlineToRuns(children: Token[] | null, ctx: InlineContext): Run[] {
  const lines = inlineToLines(children, ctx);
  const out: Run[] = [];
  lines.forEach((line, i) => {
    if (i > 0 && out.length && line.length) {
      const prev = out[out.length - 1].text;
      const next = line[0].text;
      if (/[A-Za-z0-9]$/.test(prev) && /^[A-Za-z0-9]/.test(next)) out.push({ text: ' ' });
    }
    out.push(...line);
  });
  return mergeRuns(out);
}

function mergeRuns(runs: Run[]): Run[] {
  const out: Run[] = [];
  for (const r of runs) {
    const prev = out[out.length - 1];
    if (prev && !prev.cite && !r.cite && !!prev.bold === !!r.bold && !!prev.italic === !!r.italic) prev.text += r.text;
    else out.push({ ...r });
  }
  return out;
}

export function runsText(runs: Run[]): string {
  return runs.map((r) => r.text).join('');
}
