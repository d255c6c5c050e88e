/**
 * Is every number a section prints in its lineage? A number token is:
 * - a date (2024年3月, 2020—2022年, 2025年度, 4月24日, 4月底): covered when it is
 *   the date of a figure on the same section (its as-of, target or evaluation
 *   year, its source's publication date, or a date its source prints with it);
 * - any other Arabic number, or a Chinese numeral counting something (三年,
 *   第一, 十大): covered when a figure of the section shows or prints it with
 *   the same qualifier and measure word (近1 is not covered by 1个). A bare
 *   一 counts only after 第 or 连续: 一家龙头, 同一年度 say "a", "the same".
 * Not number tokens: names in “” or 《》 (“一张网”), numerals fused with
 * Latin letters (5G), enumerations (一是、二是, （一）, 两方面), and slide or
 * page numbers (the writers add them; they are not in the model).
 * A figure printed by a cited run is covered only by a lineage entry for
 * that fact showing that text.
 */
import type { Block, DocumentModel, Run } from '../model/document.js';
import type { Lineage, LineageFigure } from './index.js';

export interface UncoveredNumber {
  section: number;
  title: string;
  token: string;
  /** The text around it. */
  context: string;
}

const CN = '〇零一二两三四五六七八九十百千';
const MEASURE = '(?:个|家|项|年|倍|次|场|座|位|名|批|届|省|市|成|大|所|种|类|条|件|台|人|份)';
const PREFIX = '(?:第|连续|近|超过|超|约|逾|不到|不足)';
const DATE = /(\d{4})\s*[—–~－\-至到]\s*(\d{4})年|(\d{4})年度?(?:(\d{1,2})月(?:(\d{1,2})日)?)?|(\d{1,2})月(?:(\d{1,2})日|底|初|末)?/gu;
const TOKEN = new RegExp(`(${PREFIX})?(\\d+(?:\\.\\d+)?|[${CN}][${CN}万亿]*)(${MEASURE})?`, 'gu');
const NAME = /“[^”]*”|《[^》]*》|「[^」]*」/gu;
const ENUMERATION = new RegExp(`[${CN}]+(?:是|个?方面)|^[${CN}]+、|（[${CN}]+）`, 'gu');

type DateParts = { y?: number; m?: number; d?: number };

export interface NumberToken {
  token: string;
  phrase: string;
  date?: DateParts[];
  at: number;
}

const blank = (s: string, re: RegExp) => s.replace(re, (m) => ' '.repeat(m.length));

/** The number tokens of a plain text, with names and enumerations left out. */
export function numberTokens(text: string): NumberToken[] {
  let rest = blank(blank(text, NAME), ENUMERATION);
  const out: NumberToken[] = [];
  for (const m of rest.matchAll(DATE)) {
    const dates: DateParts[] = m[1]
      ? [{ y: Number(m[1]) }, { y: Number(m[2]) }]
      : m[3]
        ? [{ y: Number(m[3]), ...(m[4] ? { m: Number(m[4]) } : {}), ...(m[5] ? { d: Number(m[5]) } : {}) }]
        : [{ m: Number(m[6]), ...(m[7] ? { d: Number(m[7]) } : {}) }];
    out.push({ token: m[0], phrase: m[0], date: dates, at: m.index });
  }
  rest = blank(rest, DATE);
  for (const m of rest.matchAll(TOKEN)) {
    const before = rest[m.index - 1] ?? '';
    const after = rest[m.index + m[0].length] ?? '';
    const arabic = /\d/.test(m[2]);
    // 5G, COSMOPlat2: part of a name.
    if (arabic && (/[A-Za-z]/.test(before) || /[A-Za-z]/.test(after))) continue;
    // A Chinese numeral is a number only when it counts or ranks something; a bare 一 is "a"/"the same" (一家龙头, 同一年度).
    if (!arabic && !m[1] && (!m[3] || m[2] === '一')) continue;
    out.push({ token: m[2], phrase: m[0], at: m.index + (m[1]?.length ?? 0) });
  }
  return out.sort((a, b) => a.at - b.at);
}

function isoParts(iso: string): DateParts {
  const [y, m, d] = iso.split('-').map(Number);
  return { y, ...(m ? { m } : {}), ...(d ? { d } : {}) };
}

function datesOf(f: LineageFigure): DateParts[] {
  const printed = [f.printed, ...(f.alsoPrinted ?? [])].flatMap((s) => numberTokens(s).flatMap((t) => t.date ?? []));
  return [
    isoParts(f.asOf),
    ...(f.targetYear ? [{ y: f.targetYear }] : []),
    ...(f.evaluationYear ? [{ y: f.evaluationYear }] : []),
    ...(f.source.published ? [isoParts(f.source.published)] : []),
    ...printed,
  ];
}

/** A date in the text matches a known date when every part the text gives is the same. */
function sameDate(text: DateParts, known: DateParts): boolean {
  for (const k of ['y', 'm', 'd'] as const) if (text[k] !== undefined && known[k] !== text[k]) return false;
  return true;
}

function printedWith(phrase: string, strings: string[]): boolean {
  const boundary = `[\\d.${CN}万亿]`;
  const re = new RegExp(`(?<!${boundary})${phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?!\\d)`, 'u');
  return strings.some((s) => re.test(s));
}

/** Plain text and cited runs of a block list, in reading order. */
function pieces(blocks: Block[]): Array<{ text: string; cite?: { factId: string } }> {
  const out: Array<{ text: string; cite?: { factId: string } }> = [];
  const runs = (rs: Run[] | undefined) => rs?.forEach((r) => out.push({ text: r.text, ...(r.cite ? { cite: r.cite } : {}) }));
  for (const b of blocks) {
    switch (b.type) {
      case 'paragraph':
        runs(b.runs);
        break;
      case 'list':
        b.items.forEach((it) => runs(it.runs));
        break;
      case 'kpis':
        for (const k of b.items) {
          out.push({ text: `${k.value}${k.unit}`, ...(k.cite ? { cite: k.cite } : {}) }, { text: k.label });
          runs(k.change);
        }
        break;
      case 'table':
        if (b.caption) out.push({ text: b.caption });
        [...b.header, ...b.rows.flat()].forEach(runs);
        break;
      case 'timeline':
        b.items.forEach((it) => {
          out.push({ text: it.date });
          runs(it.runs);
        });
        break;
      case 'chart': {
        const c = b.chart;
        out.push({ text: c.title }, ...c.labels.map((text) => ({ text })), { text: c.sourceNote }, ...(c.footnotes ?? []).map((text) => ({ text })));
        c.datasets.forEach((ds, i) =>
          ds.dataLabels.forEach((label, j) => {
            if (label === null) return;
            const fig = b.figures?.find((f) => f.series === ds.label && f.category === c.labels[j] && f.label === label);
            out.push({ text: label, ...(fig ? { cite: fig.cite } : {}) });
            void i;
          }),
        );
        runs(b.caption);
        break;
      }
      case 'callout':
        out.push(...pieces(b.blocks));
        break;
      case 'columns':
        b.columns.forEach((col) => out.push(...pieces(col)));
        break;
    }
  }
  return out;
}

/** Number tokens of the model's text that its lineage does not cover. */
export function uncoveredNumbers(model: DocumentModel, lineage: Lineage): UncoveredNumber[] {
  const out: UncoveredNumber[] = [];
  model.sections.forEach((s, index) => {
    const figures = lineage.sections[index]?.figures ?? [];
    const dates = figures.flatMap(datesOf);
    // The sources page lists the publication dates of every source.
    if (s.role === 'sources') dates.push(...lineage.sources.map((src) => isoParts(src.published)));
    const strings = figures.flatMap((f) => [f.shown, f.printed, ...(f.alsoPrinted ?? [])]);
    const miss = (token: string, context: string) => out.push({ section: index, title: s.title, token, context });
    for (const p of [{ text: s.title }, ...pieces(s.blocks), ...pieces(s.notes)]) {
      if (p.cite) {
        const listed = figures.some((f) => f.factId === p.cite!.factId && f.shown === p.text);
        if (!listed) numberTokens(p.text).forEach((t) => miss(t.token, p.text));
        continue;
      }
      for (const t of numberTokens(p.text)) {
        const covered = t.date ? t.date.every((d) => dates.some((k) => sameDate(d, k))) : printedWith(t.phrase, strings);
        if (!covered) miss(t.token, p.text.slice(Math.max(0, t.at - 12), t.at + t.token.length + 12));
      }
    }
  });
  return out;
}
