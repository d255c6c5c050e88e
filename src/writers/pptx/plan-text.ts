/** Paragraphs for the planner: building runs, measuring height, splitting at a height. */
import type { Run } from '../../model/document.js';
import { sanitizeText } from '../../util/sanitize.js';
import type { Bullet, FontRole, PlannedParagraph, PlannedRun } from './plan-types.js';
import { LINE_PITCH, WIDTH_BUDGET, breakLines, splitStyled } from './text-layout.js';
import { inToPt, ptToIn } from './geometry.js';

/** Extra height every text box gets beyond its lines, inches (rounding, renderer differences). */
export const TEXT_PAD = 0.06;

/**
 * The one place slide text is cleaned: the shared sanitiser, then line
 * breaks and tabs become spaces (the planner owns line breaking).
 */
export function cleanText(s: string): string {
  return sanitizeText(s).replace(/[\t\n\r\f\v\u0085\u2028\u2029]/g, ' ');
}

export interface RunStyle {
  sizePt: number;
  color: string;
  font?: FontRole;
  bold?: boolean;
}

export function run(text: string, style: RunStyle, extra: Partial<PlannedRun> = {}): PlannedRun {
  return { text: cleanText(text), sizePt: style.sizePt, color: style.color, bold: style.bold || undefined, font: style.font ?? 'body', ...extra };
}

/** Model runs to planned runs; a run's own bold/italic add to the style. */
export function runsFrom(runs: Run[], style: RunStyle): PlannedRun[] {
  const out: PlannedRun[] = [];
  for (const r of runs) {
    const text = cleanText(r.text);
    if (!text) continue;
    out.push({
      text,
      sizePt: style.sizePt,
      color: style.color,
      bold: style.bold || r.bold || undefined,
      italic: r.italic || undefined,
      font: style.font ?? 'body',
      cite: r.cite,
    });
  }
  return out;
}

export function plainText(runs: Run[]): string {
  return runs.map((r) => cleanText(r.text)).join('');
}

export interface ParaOptions {
  align?: PlannedParagraph['align'];
  lineFactor?: number;
  spaceBeforePt?: number;
  bullet?: Bullet;
  indentPt?: number;
  level?: number;
}

export function para(runs: PlannedRun[], o: ParaOptions = {}): PlannedParagraph {
  const size = Math.max(...runs.map((r) => r.sizePt), 1);
  return {
    runs,
    align: o.align ?? 'left',
    lineSpacingPt: Math.round(size * (o.lineFactor ?? LINE_PITCH.body) * 10) / 10,
    spaceBeforePt: o.spaceBeforePt ?? 0,
    bullet: o.bullet,
    indentPt: o.indentPt ?? 0,
    level: o.level ?? 0,
    lines: [],
  };
}

/** Line pitch of a paragraph: the exact spacing, or more if a run is larger than it allows. */
function pitch(p: PlannedParagraph): number {
  return p.lineSpacingPt;
}

/** Break one paragraph's lines at a box width (inches); at most `maxLines` of them. */
export function layoutLines(p: PlannedParagraph, widthIn: number, maxLines = Infinity): string[] {
  const width = (inToPt(widthIn) - p.indentPt) * WIDTH_BUDGET;
  const parts = p.runs.map((r) => ({ text: r.text, sizePt: r.sizePt, bold: r.bold }));
  return breakLines(parts, Math.max(width, 1), maxLines).map((l) => l.text);
}

/**
 * Lay out paragraphs in a box of the given width: fills `lines`, drops the
 * space before the first paragraph (renderers disagree on it), and returns
 * the height in inches including TEXT_PAD.
 *
 * With `limitIn`, stops one line past that height (the height returned is
 * then over the limit and the paragraphs are cut: for measuring only). A
 * caller that only asks "does it fit?" so does work in proportion to the
 * box, not to the text.
 */
export function layoutParas(paras: PlannedParagraph[], widthIn: number, limitIn = Infinity): { paras: PlannedParagraph[]; heightIn: number } {
  const limitPt = inToPt(limitIn - TEXT_PAD);
  let pt = 0;
  const out: PlannedParagraph[] = [];
  for (let i = 0; i < paras.length; i++) {
    const p = paras[i];
    const before = i === 0 ? 0 : p.spaceBeforePt;
    const room = Number.isFinite(limitPt) && pitch(p) > 0 ? Math.max(0, Math.floor((limitPt - pt - before) / pitch(p))) + 1 : Infinity;
    const lines = layoutLines(p, widthIn, room);
    out.push({ ...p, lines, spaceBeforePt: before });
    pt += before + lines.length * pitch(p);
    if (pt > limitPt) break;
  }
  return { paras: out, heightIn: ptToIn(pt) + TEXT_PAD };
}

/**
 * Take as many paragraphs (and lines of the next one) as fit in `maxHeightIn`.
 * A paragraph cut between lines continues without its bullet, at the same
 * indent. `head` is empty when not even one line fits. Only the lines that
 * can fit (and two more, to tell how many would remain) are laid out.
 */
export function splitParas(
  paras: PlannedParagraph[],
  widthIn: number,
  maxHeightIn: number,
): { head: PlannedParagraph[]; tail: PlannedParagraph[] } {
  const budget = inToPt(maxHeightIn - TEXT_PAD);
  let used = 0;
  const head: PlannedParagraph[] = [];
  for (let i = 0; i < paras.length; i++) {
    const p = paras[i];
    const before = head.length === 0 ? 0 : p.spaceBeforePt;
    const fitLines = Math.floor((budget - used - before) / pitch(p));
    const lines = layoutLines(p, widthIn, Math.max(fitLines, 0) + 3);
    const h = before + lines.length * pitch(p);
    if (used + h <= budget) {
      head.push(p);
      used += h;
      continue;
    }
    // Split inside the paragraph only when at least two lines stay on each side, or when nothing else fits.
    const canSplit = fitLines >= 1 && (head.length === 0 || (fitLines >= 2 && lines.length - fitLines >= 2));
    if (!canSplit) return { head, tail: paras.slice(i) };
    const parts = p.runs;
    const offset = lines.slice(0, fitLines).reduce((n, l) => n + l.length, 0);
    const [a, b] = splitStyled(parts, offset);
    head.push({ ...p, runs: a });
    const rest: PlannedParagraph = { ...p, runs: trimStart(b), bullet: undefined, spaceBeforePt: 0 };
    return { head, tail: [rest, ...paras.slice(i + 1)] };
  }
  return { head, tail: [] };
}

function trimStart(runs: PlannedRun[]): PlannedRun[] {
  const out = [...runs];
  while (out.length && !out[0].text.trimStart()) out.shift();
  if (out.length) out[0] = { ...out[0], text: out[0].text.trimStart() };
  return out;
}
