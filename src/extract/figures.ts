/**
 * Finding the figures a paragraph prints: numbers with their scale, unit and
 * qualifier words (超1.2万个, 800余家, 90%以上, 超九成, 千亿级), ranks (第23,
 * 榜首, 全省第一) with their streaks (连续七年, 七连冠) and moves (跃升6位).
 * Pure: text in, mentions with offsets out.
 */
import type { Qualifier } from '../facts/schema.js';
import { ARABIC_NUMBER, CHINESE_NUMBER, clean, readArabic, readNumber } from './numbers.js';

export interface Mention {
  start: number;
  end: number;
  /** As printed, qualifier words included. */
  printed: string;
  kind: 'value' | 'rank';
  value: number;
  unit: string;
  /** Counted noun standing for the measure word: 9省 → unit 个, noun 省. */
  noun?: string;
  qualifier: Qualifier;
  rank?: number;
  consecutive?: number;
  movement?: number;
  /** Further strings backing the figure (连续三年, 跃升6位). */
  alsoPrinted: string[];
}

/** Measure words, longest first so 个百分点 wins over 个. */
const UNITS = ['个百分点', '平方公里', '平方米', '场次', '千瓦', '公里', '元', '个', '家', '项', '款', '座', '台', '只', '名', '人', '吨', '亩', '轮', '榜', '份', '倍', '%', '％', 'P', '升', '场', '次', '户', '件', '套', '辆', '位'];
/** Nouns printed where a measure word would be: 9省 (9个省), 12大区域. */
const NOUNS = ['大区域', '省'];

const NUMERAL = /[零〇一二两三四五六七八九十百千万亿]/;
const SMALL_NUMBER = '(\\d+|[一二两三四五六七八九十]+)';

const PREFIX_QUALIFIERS: Array<[RegExp, Qualifier]> = [
  [/(超过|突破|高于|超|逾)$/, 'more-than'],
  [/(小于|不足|低于|不到)$/, 'less-than'],
  [/(接近|将近|近)$/, 'nearly'],
  [/约$/, 'about'],
];

function smallNumber(s: string): number {
  return /^\d+$/.test(s) ? Number(s) : (readNumber(s) ?? NaN);
}

function sticky(re: RegExp, text: string, at: number): RegExpExecArray | null {
  const r = new RegExp(re.source, 'y');
  r.lastIndex = at;
  return r.exec(text);
}

function startsWithAny(text: string, at: number, words: string[]): string | undefined {
  return words.find((w) => text.startsWith(w, at));
}

/** A number at `at` with what follows it: 余/多, 成, the unit, 级, 以上/左右. */
function quantityAt(text: string, at: number): Mention | undefined {
  const prev = text[at - 1] ?? '';
  let value: number | undefined;
  let pos: number;
  let chinese = false;
  if (prev === '第') return undefined;
  const arabic = /[\d.]/.test(prev) || /[A-Za-z]/.test(prev) ? null : sticky(ARABIC_NUMBER, text, at);
  if (arabic) {
    value = readArabic(arabic[1], arabic[2]);
    pos = at + arabic[0].length;
  } else {
    // A numeral run must start here (not inside 二十三) and not follow 几/数 (几十万 is no figure) or 第 (第五场 is an ordinal).
    if (NUMERAL.test(prev) || /[几数若第]/.test(prev)) return undefined;
    const run = sticky(CHINESE_NUMBER, text, at);
    if (!run) return undefined;
    value = readNumber(run[0]);
    if (value === undefined) return undefined;
    chinese = true;
    pos = at + run[0].length;
    // 一 alone is an article-like "a" (一个信号, 一家企业), not a figure; 一成 is.
    if (run[0] === '一' && text[pos] !== '成') return undefined;
  }
  let qualifier: Qualifier = 'exact';
  let unit = '';
  let noun: string | undefined;
  if (text[pos] === '余' || text[pos] === '多') {
    qualifier = 'more-than';
    pos += 1;
    // 30余万吨: the scale word may follow 余.
    const scale = /^(万亿|亿|万)/.exec(text.slice(pos, pos + 2));
    if (scale) {
      value = clean(value * (scale[1] === '万亿' ? 1e12 : scale[1] === '亿' ? 1e8 : 1e4));
      pos += scale[1].length;
    }
  }
  if (text[pos] === '成' && !/[功为立本果员绩型]/.test(text[pos + 1] ?? '')) {
    value = clean(value * 10);
    unit = '%';
    pos += 1;
  } else {
    const n = startsWithAny(text, pos, NOUNS);
    const u = n ? undefined : startsWithAny(text, pos, UNITS);
    if (n) {
      unit = '个';
      noun = n;
      pos += n.length;
    } else if (u && !(u === '位' && /[于置]/.test(text[pos + 1] ?? ''))) {
      unit = u === '％' ? '%' : u;
      pos += u.length;
    }
  }
  if (text[pos] === '级') {
    // 千亿级, 万升级 are orders of magnitude; 二级节点 is a grade, not a figure.
    if (!/^10*$/.test(String(value)) || value < 100) return undefined;
    qualifier = 'magnitude';
    if (unit === '' && value >= 1e8) unit = '元'; // 千亿级产业: money drops its unit
    pos += 1;
  }
  const suffix = /^(以上|以下|左右)/.exec(text.slice(pos, pos + 2));
  if (suffix) {
    qualifier = suffix[1] === '以上' ? 'at-least' : suffix[1] === '以下' ? 'less-than' : 'about';
    pos += 2;
  }
  let start = at;
  if (chinese && text[at - 1] === '上' && /^[百千万]/.test(text[at])) {
    // 上千: a thousand or more.
    qualifier = 'at-least';
    start = at - 1;
  } else {
    for (const [re, q] of PREFIX_QUALIFIERS) {
      const m = re.exec(text.slice(Math.max(0, at - 2), at));
      if (m && qualifier === 'exact') {
        qualifier = q;
        start = at - m[0].length;
        break;
      }
    }
  }
  // A bare number with neither unit nor qualifier is a year, a version or a name (2020, 4.0, 5G), not a figure.
  if (unit === '' && qualifier === 'exact') return undefined;
  if (chinese && unit === '' && qualifier !== 'at-least' && qualifier !== 'magnitude' && !/[超近约逾破]/.test(text[start] ?? '')) return undefined;
  return { start, end: pos, printed: text.slice(start, pos), kind: 'value', value, unit, noun, qualifier, alsoPrinted: [] };
}

type Marker = { kind: 'streak'; start: number; end: number; printed: string; years: number; leads: boolean } | { kind: 'move'; start: number; end: number; printed: string; places: number };

/** One paragraph's raw mentions and rank markers, in order. */
function scan(text: string): { mentions: Mention[]; markers: Marker[] } {
  const mentions: Mention[] = [];
  const markers: Marker[] = [];
  let i = 0;
  const rank = (start: number, end: number, n: number) => mentions.push({ start, end, printed: text.slice(start, end), kind: 'rank', value: n, unit: '', qualifier: 'exact', rank: n, alsoPrinted: [] });
  while (i < text.length) {
    const dur = sticky(/(\d+)分(\d+)秒/, text, i);
    if (dur) {
      mentions.push({ start: i, end: i + dur[0].length, printed: dur[0], kind: 'value', value: Number(dur[1]) * 60 + Number(dur[2]), unit: '秒', qualifier: 'exact', alsoPrinted: [] });
      i += dur[0].length;
      continue;
    }
    const streak = sticky(new RegExp(`连续第?${SMALL_NUMBER}(年|届)`), text, i);
    if (streak) {
      const leads = /^.{0,3}(领跑|领先|居首|夺冠)/.test(text.slice(i + streak[0].length));
      markers.push({ kind: 'streak', start: i, end: i + streak[0].length, printed: streak[0], years: smallNumber(streak[1]), leads });
      i += streak[0].length;
      continue;
    }
    const crowns = sticky(new RegExp(`${SMALL_NUMBER}连冠`), text, i);
    if (crowns && !NUMERAL.test(text[i - 1] ?? '')) {
      markers.push({ kind: 'streak', start: i, end: i + crowns[0].length, printed: crowns[0], years: smallNumber(crowns[1]), leads: true });
      i += crowns[0].length;
      continue;
    }
    const move = sticky(new RegExp(`(上升|提升|跃升|前进|下降|后退)${SMALL_NUMBER}个?(位次|名次|位)`), text, i);
    if (move) {
      const places = smallNumber(move[2]) * (/下降|后退/.test(move[1]) ? -1 : 1);
      markers.push({ kind: 'move', start: i, end: i + move[0].length, printed: move[0], places });
      i += move[0].length;
      continue;
    }
    const ordinal = sticky(new RegExp(`第${SMALL_NUMBER}(位|名)?`), text, i);
    if (ordinal && (ordinal[2] || /^([，。、；,.;!?！？（(”"）)\s]|$)/.test(text.slice(i + ordinal[0].length, i + ordinal[0].length + 1)))) {
      rank(i, i + ordinal[0].length, smallNumber(ordinal[1]));
      i += ordinal[0].length;
      continue;
    }
    const top = sticky(/榜首|首位|居首/, text, i);
    // 揭榜首批 is "the first batch to take up the challenge", not a first place.
    if (top && !(top[0] === '榜首' && text[i - 1] === '揭')) {
      rank(i, i + top[0].length, 1);
      i += top[0].length;
      continue;
    }
    const whole = sticky(/全覆盖/, text, i);
    if (whole && !/[\dA-Za-z]/.test(text[i - 1] ?? '')) {
      mentions.push({ start: i, end: i + 3, printed: '全覆盖', kind: 'value', value: 100, unit: '%', qualifier: 'exact', alsoPrinted: [] });
      i += 3;
      continue;
    }
    const only = sticky(/唯一/, text, i);
    if (only) {
      mentions.push({ start: i, end: i + 2, printed: '唯一', kind: 'value', value: 1, unit: '', qualifier: 'exact', alsoPrinted: [] });
      i += 2;
      continue;
    }
    const q = quantityAt(text, i);
    if (q) {
      mentions.push(q);
      i = q.end;
      continue;
    }
    i += 1;
  }
  return { mentions, markers };
}

/** Sentence boundaries: 。！？； and their ASCII forms. */
export function sentenceOf(text: string, at: number): { start: number; end: number } {
  const stops = /[。！？；!?;]/;
  let s = at;
  while (s > 0 && !stops.test(text[s - 1])) s--;
  let e = at;
  while (e < text.length && !stops.test(text[e])) e++;
  return { start: s, end: Math.min(text.length, e + 1) };
}

const sameSentence = (text: string, a: number, b: number) => sentenceOf(text, a).start === sentenceOf(text, b).start;

/**
 * Every figure of a paragraph (markup already removed). Streaks and moves join
 * the rank they qualify (连续七年…榜首 → rank 1, consecutive 7); a streak
 * with no rank backs the next figure of its sentence (连续三年增长超过20%).
 */
export function findFigures(text: string): Mention[] {
  const { mentions, markers } = scan(text);
  const ranks = mentions.filter((m) => m.kind === 'rank');
  for (const mk of markers) {
    if (mk.kind === 'streak') {
      const next = ranks.find((r) => r.start >= mk.end && sameSentence(text, r.start, mk.start) && !/[，,]/.test(text.slice(mk.end, r.start)) && r.consecutive === undefined);
      if (next) {
        next.consecutive = mk.years;
        next.alsoPrinted.push(next.printed);
        next.printed = mk.printed;
        continue;
      }
      if (mk.leads) {
        mentions.push({ start: mk.start, end: mk.end, printed: mk.printed, kind: 'rank', value: 1, unit: '', qualifier: 'exact', rank: 1, consecutive: mk.years, alsoPrinted: [] });
        continue;
      }
      const after = mentions.find((m) => m.kind === 'value' && m.start >= mk.end && sameSentence(text, m.start, mk.start));
      if (after) after.alsoPrinted.push(mk.printed);
    } else {
      const near = ranks
        .filter((r) => sameSentence(text, r.start, mk.start) && r.movement === undefined)
        .sort((a, b) => distance(a, mk) - distance(b, mk) || (a.consecutive === undefined ? -1 : 1))[0];
      if (near) {
        near.movement = mk.places;
        near.alsoPrinted.push(mk.printed);
      } else {
        mentions.push({ start: mk.start, end: mk.end, printed: mk.printed, kind: 'value', value: mk.places, unit: '位', qualifier: 'exact', alsoPrinted: [] });
      }
    }
  }
  return mentions.sort((a, b) => a.start - b.start);
}

function distance(a: { start: number; end: number }, b: { start: number; end: number }): number {
  return a.start >= b.end ? a.start - b.end : b.start >= a.end ? b.start - a.end : 0;
}

/** A paragraph as the reader sees it: HTML tags and the commonest entities removed. */
export function plainText(paragraph: string): string {
  return paragraph
    .replace(/<[^>]*>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>');
}
