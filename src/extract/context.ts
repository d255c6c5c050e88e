/**
 * What the words around a figure say about it: the date it refers to (截至8月底,
 * 2023年, 目前 → the article's date), whether it is a goal (到2027年, 力争,
 * 目标, 将…) and for which year, and the period of a flow (每年, 每季度).
 */
import { msg, type Message } from '../i18n/index.js';
import { sentenceOf } from './figures.js';
import { monthEnd } from './numbers.js';

export interface Article {
  /** The source's `published`: YYYY, YYYY-MM or YYYY-MM-DD. */
  published: string;
}

export interface DateGuess {
  asOf: string;
  reason: Message;
}

interface Marker {
  start: number;
  end: number;
  printed: string;
  /** A date, or 'current' for 目前/现在. */
  date: string | 'current';
  kind: 'month-end' | 'printed' | 'current';
}

const pad = (n: number) => String(n).padStart(2, '0');
const articleYear = (a: Article) => Number(a.published.slice(0, 4));
/** The article's month: what 目前 means, and the date of anything undated. */
export const articleMonth = (a: Article) => a.published.slice(0, 7);

/** Spans inside 《…》, “…” and （…）: a title's year (白皮书（2023年）, “2021年…案例”) dates no figure. */
function quoted(text: string): Array<[number, number]> {
  return [...text.matchAll(/《[^》]*》|“[^”]*”|（[^）]*）|\([^)]*\)/g)].map((m) => [m.index, m.index + m[0].length]);
}

function markers(text: string, a: Article): Marker[] {
  const out: Marker[] = [];
  const ay = articleYear(a);
  const am = Number(a.published.slice(5, 7)) || 12;
  const yearOf = (y: string | undefined, month: number) => (y ? Number(y) : month > am ? ay - 1 : ay);
  const add = (m: RegExpMatchArray, date: string | 'current', kind: Marker['kind']) => out.push({ start: m.index!, end: m.index! + m[0].length, printed: m[0], date, kind });
  for (const m of text.matchAll(/(?:截至)?(?:(\d{4})年)?(\d{1,2})月(底|末)/g)) add(m, monthEnd(yearOf(m[1], Number(m[2])), Number(m[2])), 'month-end');
  for (const m of text.matchAll(/(?:截至)?(\d{4})年(底|末)/g)) add(m, `${m[1]}-12-31`, 'month-end');
  for (const m of text.matchAll(/(\d{4})年(\d{1,2})月(?![底末\d])/g)) add(m, `${m[1]}-${pad(Number(m[2]))}`, 'printed');
  for (const m of text.matchAll(/(?<![到至\d])(\d{4})年(?![度\d~～\-—至到]|以来|来|以前|前|后|起)/g)) {
    if (!out.some((o) => o.start === m.index)) add(m, m[1], 'printed');
  }
  for (const m of text.matchAll(/(?<!今)年初/g)) add(m, `${ay}-01`, 'printed');
  for (const m of text.matchAll(/目前|现在|当前|如今|截至目前/g)) add(m, 'current', 'current');
  const skip = quoted(text);
  return out.filter((m) => !skip.some(([s, e]) => m.start >= s && m.start < e)).sort((x, y) => x.start - y.start);
}

/**
 * The date a figure at [start, end) refers to. `prevEnd` is where the previous
 * figure of the paragraph ends: a date written before that one belongs to it.
 */
export function dateOf(text: string, start: number, prevEnd: number, a: Article, target: boolean): DateGuess {
  const current: DateGuess = { asOf: articleMonth(a), reason: msg('extract.date.article') };
  // A goal is dated when it was set: the article's date.
  if (target) return { asOf: articleMonth(a), reason: msg('extract.date.announced') };
  const sentence = sentenceOf(text, start);
  const inSentence = markers(text.slice(sentence.start, sentence.end), a).map((m) => ({ ...m, start: m.start + sentence.start, end: m.end + sentence.start }));
  const before = inSentence.filter((m) => m.end <= start);
  // 从2012年到2023年，规模从11万亿元增长到56.1万亿元: 从/由 takes the first year, 到/至 the second.
  const range = /从(\d{4})年(?:到|至)(\d{4})年/.exec(text.slice(sentence.start, start));
  const lead = text.slice(Math.max(sentence.start, start - 4), start);
  if (range) {
    if (/(从|由)$/.test(lead)) return { asOf: range[1], reason: msg('extract.date.range-start', { printed: range[0] }) };
    if (/(到|至)$/.test(lead)) return { asOf: range[2], reason: msg('extract.date.range-end', { printed: range[0] }) };
  }
  const own = before.filter((m) => m.start >= Math.max(prevEnd, sentence.start));
  let chosen = own[own.length - 1];
  if (!chosen) {
    // The end of a change (从4月底的1.7万家增长至3.2万家) is today's figure, not the start's date.
    if (/(至|到)$/.test(lead) && prevEnd > sentence.start) return { asOf: articleMonth(a), reason: msg('extract.date.change-end') };
    chosen = before[before.length - 1];
  }
  if (!chosen) return current;
  if (chosen.date === 'current') return { asOf: articleMonth(a), reason: msg('extract.date.current', { printed: chosen.printed }) };
  // A date after the article cannot be what a reported figure refers to.
  const after = chosen.date.length >= 7 ? chosen.date.slice(0, 7) > articleMonth(a) : Number(chosen.date) > articleYear(a);
  if (after) return current;
  return { asOf: chosen.date, reason: msg(chosen.kind === 'month-end' ? 'extract.date.month-end' : 'extract.date.printed', { printed: chosen.printed }) };
}

export interface TargetGuess {
  targetYear: number;
  reason: Message;
  /** The due year as printed (到2027年), to back targetYear in the data. */
  due?: string;
}

/** 将 as "will" (青岛将进一步…), not as "把" (将设备应用于…): it must be followed by a verb of plans. */
const WILL = '将(?:持续|进一步|继续|加快|加速|聚焦|大力|全面|深化|推进|强化|着力|重点|实现|建成|达到|打造|培育|新增|推动|带动|建设|做强|做大|提升|力争|围绕|以|在|再)';
/** 到2027年 is a due year; 从2012年到2023年 is a past range. */
const SENTENCE_CUES = new RegExp(`(?<!年)到\\d{4}年|力争|目标|计划|争取|预计|可达|要求|${WILL}`);
const PARAGRAPH_CUES = new RegExp(`${WILL}|继续以|下一步|工作报告提出`, 'g');
/** Words of what has been done: after them a figure reports, whatever plan came before. */
const DONE = /已经|已|目前|现已|截至|现在/;

/** Whether a figure is a goal, and the year it is due. */
export function targetOf(text: string, start: number, a: Article): TargetGuess | undefined {
  const sentence = sentenceOf(text, start);
  const head = text.slice(sentence.start, start);
  const cue = SENTENCE_CUES.exec(head);
  let reason: string | undefined = cue?.[0];
  if (!cue) {
    const earlier = [...text.slice(0, sentence.start).matchAll(PARAGRAPH_CUES)].pop();
    if (!earlier || DONE.test(text.slice(earlier.index, start))) return undefined;
    reason = earlier[0];
  }
  const sentenceText = text.slice(sentence.start, sentence.end);
  const due = /(?:到|至)(\d{4})年/.exec(sentenceText);
  if (due) return { targetYear: Number(due[1]), reason: msg('extract.target.due', { printed: due[0] }), due: due[0] };
  const ay = articleYear(a);
  const years = [...text.slice(0, start).matchAll(/(\d{4})年(?!度|以来|来)/g)].map((m) => Number(m[1])).filter((y) => y >= ay);
  if (years.length) return { targetYear: years[years.length - 1], reason: msg('extract.target.year', { printed: reason ?? '', year: years[years.length - 1] }) };
  return { targetYear: ay, reason: msg('extract.target.article-year', { printed: reason ?? '', year: ay }) };
}

/** 每年 → year, 每季度 → quarter, in the words just before a figure. */
export function periodOf(text: string, start: number): 'year' | 'quarter' | 'month' | undefined {
  const sentence = sentenceOf(text, start);
  const head = text.slice(sentence.start, start);
  const clause = head.slice(Math.max(head.search(/[^，、,]*$/), 0));
  if (/每年|年均/.test(clause)) return 'year';
  if (/每季度/.test(clause)) return 'quarter';
  if (/每月/.test(clause)) return 'month';
  return undefined;
}

/** The year an evaluation or list is for: 2025年度…评价 → 2025; else the article's year. */
export function evaluationYearOf(text: string, start: number, a: Article): number {
  const sentence = sentenceOf(text, start);
  const years = [...text.slice(sentence.start, start).matchAll(/(\d{4})年/g)].map((m) => Number(m[1])).filter((y) => y <= articleYear(a));
  return years.length ? years[years.length - 1] : articleYear(a);
}

/**
 * When the goals of an article were set: the date of the plan or meeting they
 * come from, if the article prints one (4月24日…方案…印发, 3月20日…会议).
 * A goal whose paragraph names a 方案 takes the plan's date; any other goal
 * the date of the meeting the article reports. Undefined when none is printed.
 */
export function announcedOn(paragraphs: string[], goalParagraph: string, a: Article): DateGuess | undefined {
  const ay = articleYear(a);
  const dated = (word: RegExp) => {
    for (const p of paragraphs) {
      const m = /(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日/.exec(p);
      if (m && word.test(p.slice(m.index))) {
        const date = `${m[1] ?? ay}-${pad(Number(m[2]))}-${pad(Number(m[3]))}`;
        if (date.slice(0, 7) <= articleMonth(a)) return { asOf: date, reason: msg('extract.date.announced-on', { printed: m[0] }) };
      }
    }
    return undefined;
  };
  return (/方案/.test(goalParagraph) ? dated(/方案[^。]*(印发|发布|出台)|(印发|发布|出台)[^。]*方案/) : undefined) ?? dated(/会议/);
}
