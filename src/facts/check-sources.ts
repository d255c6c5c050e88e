/**
 * Provenance audit: every printed figure of every fact, target and milestone
 * must appear in its source's text, in the paragraph the data names.
 * Pure: the caller reads the source files and passes their texts by file name.
 */
import type { Problem } from '../errors.js';
import { msg } from '../i18n/index.js';
import type { FactBase, Location } from './model.js';

/**
 * The paragraphs of a source text: its non-blank lines, in order, so `para: 1`
 * is the first line with any visible character. Lines are taken as they are
 * in the file (HTML markup included); a line of only spaces is blank.
 */
export function paragraphs(text: string): string[] {
  return text.split(/\r\n|\r|\n/).filter((line) => line.trim() !== '');
}

/** Markup and whitespace are ignored when matching; the characters themselves are not. */
export function normalizeForMatch(s: string): string {
  return s
    .replace(/<[^>]*>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/\s+/g, '');
}

interface Claim {
  id: string;
  source: string;
  para: number;
  strings: string[];
  at?: Location;
}

function claims(fb: FactBase): Claim[] {
  const out: Claim[] = [];
  for (const f of fb.facts.values()) {
    out.push({ id: f.id, source: f.source, para: f.para, strings: [f.printed, ...(f.alsoPrinted ?? [])], at: fb.locations.get(f.id) });
  }
  for (const m of fb.milestones.values()) {
    out.push({ id: m.id, source: m.source, para: m.para, strings: [m.printed, ...(m.alsoPrinted ?? [])], at: fb.locations.get(m.id) });
  }
  return out;
}

/**
 * Check every printed string against `seedTexts` (file name → text). Returns
 * the problems found; an empty list means every figure was found where the
 * data says it is.
 */
export function checkSources(fb: FactBase, seedTexts: Map<string, string>): Problem[] {
  const problems: Problem[] = [];
  const paras = new Map<string, string[]>();
  for (const [id, s] of fb.sources) {
    const text = seedTexts.get(s.file);
    if (text === undefined) {
      problems.push({
        ...fb.locations.get(id),
        message: msg('sources.file-missing', { id, file: s.file }),
        hint: msg('sources.file-missing-hint'),
      });
      continue;
    }
    paras.set(id, paragraphs(text).map(normalizeForMatch));
  }

  for (const c of claims(fb)) {
    const list = paras.get(c.source);
    if (!list) continue; // reported above, or an unknown source the loader already rejects
    if (c.para > list.length) {
      problems.push({
        ...c.at,
        message: msg('sources.no-such-para', { id: c.id, para: c.para, source: c.source, count: list.length }),
        hint: msg('data.para-hint'),
      });
      continue;
    }
    for (const s of c.strings) {
      const needle = normalizeForMatch(s);
      if (list[c.para - 1].includes(needle)) continue;
      const elsewhere = list.flatMap((p, i) => (p.includes(needle) ? [i + 1] : []));
      problems.push({
        ...c.at,
        message: msg('sources.not-in-para', { id: c.id, printed: s, para: c.para, source: c.source }),
        hint: elsewhere.length ? msg('sources.found-elsewhere', { paras: elsewhere }) : msg('sources.not-found-hint'),
      });
    }
  }
  return problems;
}
