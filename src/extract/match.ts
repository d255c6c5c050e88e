/**
 * Which series a figure most likely belongs to. Candidates must fit the
 * figure's unit (or measure word, or counted noun); among them the score
 * weighs the series' name and definition against the words around the
 * figure (character pairs, rarer pairs counting more) and whether the
 * series' subject is the entity named nearest before it. Points are never
 * looked at: a new article's figures are matched as if the data had none.
 */
import type { FactBase } from '../facts/model.js';

export type SeriesKind = 'indicator' | 'ranking' | 'target';

export interface SeriesInfo {
  id: string;
  kind: SeriesKind;
  name: string;
  definition: string;
  units: string[];
  noun?: string;
  subject: string;
}

export interface SeriesMatch {
  id: string;
  kind: SeriesKind;
  name: string;
  /** 0–1: how well name, definition, subject and kind fit. */
  confidence: number;
}

export interface Catalogue {
  series: SeriesInfo[];
  /** Entity names, short names and aliases → entity ids, longest name first. */
  names: Array<[string, string[]]>;
  weight: (pair: string) => number;
}

/** Quotes, brackets and punctuation carry no meaning for matching. */
const strip = (s: string) => s.replace(/[\s“”"'‘’「」《》（）()【】、，。：；:;,.!?！？·—\-…]/g, '');

export function pairs(s: string): string[] {
  const t = [...strip(s)];
  const out: string[] = [];
  for (let i = 0; i + 1 < t.length; i++) out.push(t[i] + t[i + 1]);
  return out;
}

export function catalogueOf(fb: FactBase): Catalogue {
  const series: SeriesInfo[] = [
    ...[...fb.indicators.values()].map((s) => ({ id: s.id, kind: 'indicator' as const, name: s.name, definition: s.definition ?? '', units: [s.unit, ...(s.alsoUnits ?? [])], noun: s.noun, subject: s.subject })),
    ...[...fb.rankings.values()].map((s) => ({ id: s.id, kind: 'ranking' as const, name: s.list, definition: s.definition ?? '', units: [], subject: s.subject })),
    ...[...fb.targets.values()].map((t) => ({ id: t.id, kind: 'target' as const, name: t.name, definition: '', units: [t.unit], subject: t.subject })),
  ];
  const df = new Map<string, number>();
  for (const s of series) for (const p of new Set(pairs(s.name + s.definition))) df.set(p, (df.get(p) ?? 0) + 1);
  const n = series.length || 1;
  const byName = new Map<string, string[]>();
  for (const e of fb.entities.values()) {
    for (const name of [e.name, e.short, ...(e.aliases ?? [])]) {
      // 全国 is mostly an adjective (全国首位, 全国12大区域), not a subject.
      if (!name || name === '全国') continue;
      byName.set(name, [...(byName.get(name) ?? []), e.id]);
    }
  }
  const names = [...byName].sort((a, b) => b[0].length - a[0].length);
  return { series, names, weight: (p) => Math.log(1 + n / (df.get(p) ?? 0.5)) };
}

/** Entities named in `text`, in order, longest name first at each place. */
export function entitiesIn(cat: Catalogue, text: string): Array<{ at: number; ids: string[] }> {
  const found: Array<{ at: number; ids: string[] }> = [];
  let i = 0;
  while (i < text.length) {
    const hit = cat.names.find(([name]) => text.startsWith(name, i));
    if (hit) {
      found.push({ at: i, ids: hit[1] });
      i += hit[0].length;
    } else i += 1;
  }
  return found;
}

function overlap(cat: Catalogue, target: string, near: Set<string>, far: Set<string>): number {
  const ps = pairs(target);
  if (!ps.length) return 0;
  let have = 0;
  let all = 0;
  for (const p of ps) {
    const w = cat.weight(p);
    all += w;
    if (near.has(p)) have += w;
    else if (far.has(p)) have += w * 0.4;
  }
  return have / all;
}

export interface FigureContext {
  kind: 'value' | 'rank';
  unit: string;
  noun?: string;
  target: boolean;
  /** The words belonging to this figure (its clause, up to the neighbouring figures). */
  local: string;
  sentence: string;
  /** Entities named nearest before the figure, elsewhere before it in its sentence, and in its paragraph. */
  nearest: string[];
  inSentence: string[];
  inParagraph: string[];
}

function unitFits(s: SeriesInfo, f: FigureContext): boolean {
  if (f.kind === 'rank') return s.kind === 'ranking';
  // A reported figure goes into an indicator; a goal is a target (an indicator may measure it).
  if (s.kind === 'ranking' || (s.kind === 'target' && !f.target)) return false;
  if (f.noun) return s.noun === f.noun || s.units.includes(f.noun);
  if (f.unit === '') return true;
  return s.units.includes(f.unit);
}

/** The candidate series, best first (at most `limit`). */
export function matchSeries(cat: Catalogue, f: FigureContext, limit = 3): SeriesMatch[] {
  const near = new Set(pairs(f.local));
  const far = new Set(pairs(f.sentence));
  const scored = cat.series.filter((s) => unitFits(s, f)).map((s) => {
    const name = overlap(cat, s.name, near, far);
    const definition = overlap(cat, s.definition, near, far);
    const subject = f.nearest.includes(s.subject) ? 1 : f.inSentence.includes(s.subject) ? 0.7 : f.inParagraph.includes(s.subject) ? 0.4 : 0;
    const kindFits = f.kind === 'rank' || (s.kind === 'target') === f.target ? 1 : 0;
    // Subject and kind only count for a series the words already point at: they break ties, they do not make a match.
    const evidence = Math.min(1, (name + definition) / 0.25);
    const score = 0.55 * name + 0.1 * definition + evidence * (0.25 * subject + 0.1 * kindFits) - (f.unit === '' && f.kind === 'value' && !s.units.includes('') ? 0.1 : 0);
    return { id: s.id, kind: s.kind, name: s.name, confidence: Math.max(0, Math.min(1, Math.round(score * 100) / 100)) };
  });
  return scored.sort((a, b) => b.confidence - a.confidence || a.id.localeCompare(b.id)).slice(0, limit);
}

/** Words for a new series' id, from the figure's own words. */
const GLOSSARY: Array<[string, string]> = [
  ['5G', '5g'], ['基站', 'base-stations'], ['数据中心', 'data-centres'], ['算力', 'computing'], ['软件', 'software'], ['收入', 'revenue'],
  ['数字经济', 'digital-economy'], ['工业互联网', 'ii'], ['平台', 'platforms'], ['供应商', 'suppliers'], ['经销商', 'dealers'], ['门店', 'stores'],
  ['企业', 'enterprises'], ['场景', 'scenarios'], ['工厂', 'factories'], ['灯塔', 'lighthouse'], ['项目', 'projects'], ['园区', 'parks'],
  ['人才', 'talents'], ['基金', 'funds'], ['投资', 'investment'], ['产值', 'output-value'], ['节点', 'nodes'], ['标识', 'identifier'],
  ['增长', 'growth'], ['增速', 'growth'], ['占比', 'share'], ['比重', 'share'], ['覆盖率', 'coverage'], ['绿色', 'green'], ['政策', 'policies'],
  ['实验室', 'labs'], ['协议', 'agreements'], ['需求', 'demands'], ['榜单', 'lists'], ['经济体', 'economies'], ['面积', 'area'],
  ['员工', 'employees'], ['模型', 'models'], ['APP', 'apps'], ['效率', 'efficiency'], ['成本', 'cost'], ['能耗', 'energy'], ['研发', 'rd'],
  ['车间', 'workshops'], ['智能工厂', 'smart-factories'], ['农田', 'farmland'], ['废料', 'waste'], ['算力', 'computing'], ['专利', 'patents'], ['用户', 'users'], ['城市', 'cities'], ['国家级', 'national'], ['国家', 'countries'], ['行业', 'industries'], ['产品', 'products'],
];

/** A lower-case id for a figure no series fits: subject + the figure's key words, unique. */
export function suggestId(subject: string, local: string, taken: Set<string>, suffix?: string): string {
  const hits = GLOSSARY.map(([zh, en]) => ({ at: local.indexOf(zh), end: local.indexOf(zh) + zh.length, en }))
    .filter((h) => h.at >= 0)
    .sort((a, b) => a.at - b.at || b.end - a.end);
  // In the order the article says them; a word inside a longer one (工厂 in 智能工厂) adds nothing.
  const kept = hits.filter((h, i) => !hits.slice(0, i).some((o) => h.at >= o.at && h.end <= o.end && o !== h));
  const words = [...new Set(kept.map((h) => h.en))].slice(0, 3);
  const base = [subject, ...(words.length ? words : ['figure']), ...(suffix ? [suffix] : [])].join('-');
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return id;
}
