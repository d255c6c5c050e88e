/** Helpers for dates, lookups and loops over the fact base, and small logic. */
import type { HelperDelegate } from 'handlebars';
import { formatChineseDate, type DatePrecision } from '../../format/dates.js';
import { chineseNumeral, formatQuantity } from '../../format/numbers.js';
import { LookupError, unknown as unknownId, type FactLookup } from '../lookup.js';
import type { CitationRegistry } from '../citations.js';
import type { MilestoneRecord } from '../../facts/schema.js';
import { chineseNumeral as cnNumeral } from '../../format/numbers.js';
import type { HelperOptions as HbsOptions } from 'handlebars';
import { targetStatus, type TimeContext } from '../time.js';

/**
 * What a template gets for a milestone: no raw `date` to print, so a date
 * reaches the output only through `when` (on-dated events) or `by`
 * (截至…, for events whose source only says they had happened by then).
 */
export interface MilestoneView {
  id: string;
  event: string;
  subject: string;
  kind: string;
  tags: string[];
  source: string;
  /** on: happened at its date; by: no later than its date. */
  dateKind: 'on' | 'by';
  /** True when the source prints no day or month: the event is undated within its year. */
  yearOnly: boolean;
}

function view(m: MilestoneRecord): MilestoneView {
  return { id: m.id, event: m.event, subject: m.subject, kind: m.kind, tags: m.tags, source: m.source, dateKind: m.dateKind, yearOnly: !m.date.includes('-') };
}

// In the marker range the sanitiser strips from data, so no data string can fake one.
const ITEM_START = '\uE018';
const ITEM_END = '\uE019';
const LINE_MARKS = /\uE000\d+:\d+\uE001/g;
const ENUM_STYLES: Record<string, (n: number) => string> = {
  yishi: (n) => `${cnNumeral(n)}是`,
  paren: (n) => `（${cnNumeral(n)}）`,
  number: (n) => `${n}. `,
  none: () => '',
};
import { msg } from '../../i18n/index.js';

interface HelperOptions {
  hash: Record<string, unknown>;
}

const last = (args: unknown[]) => args[args.length - 1] as HelperOptions;
const positional = (args: unknown[]) => args.slice(0, -1);

export function generalHelpers(lookup: FactLookup, registry: CitationRegistry, time: TimeContext): Record<string, HelperDelegate> {
  const milestoneOf = (v: unknown, helper: string): MilestoneRecord => {
    const id = typeof v === 'string' ? v : v && typeof v === 'object' && 'id' in v ? String((v as { id: unknown }).id) : undefined;
    if (!id) throw new LookupError(msg('helper.expects-milestone', { helper }), msg('helper.event-expects-hint'));
    return lookup.milestone(id);
  };
  return {
    /** {{date "2025-03-20"}} → 2025年3月20日; precision="month"|"year". */
    date(...args: unknown[]) {
      const [iso] = positional(args);
      if (typeof iso !== 'string') throw new LookupError(msg('helper.date-expects'));
      return formatChineseDate(iso, last(args).hash.precision as DatePrecision | undefined);
    },
    /** {{num 37800 "个"}} → 3.78万个, for numbers a template computes or a loop yields (not for facts: use fact). */
    num(...args: unknown[]) {
      const [value, unit] = positional(args);
      if (typeof value !== 'number') throw new LookupError(msg('helper.expects-number', { helper: 'num', got: JSON.stringify(value) ?? '' }));
      return formatQuantity(value, typeof unit === 'string' ? unit : '');
    },
    /** {{cn 7}} → 七. */
    cn(...args: unknown[]) {
      const [n] = positional(args);
      if (typeof n !== 'number') throw new LookupError(msg('helper.expects-number', { helper: 'cn', got: JSON.stringify(n) ?? '' }));
      return chineseNumeral(n);
    },
    /** {{entityName "cosmoplat"}} → the entity's name (short="true" for its short name). */
    entityName(...args: unknown[]) {
      const [id] = positional(args);
      const e = lookup.entity(String(id));
      return last(args).hash.short && e.short ? e.short : e.name;
    },
    /** (has "id"): whether a fact, series, target or milestone exists (after --as-of filtering). */
    has(...args: unknown[]) {
      const [id] = positional(args);
      const fb = lookup.fb;
      const key = String(id);
      return fb.facts.has(key) || fb.indicators.has(key) || fb.rankings.has(key) || fb.milestones.has(key);
    },
    /** (series "id") → the points of an indicator or ranking, oldest first. */
    series(...args: unknown[]) {
      return lookup.series(String(positional(args)[0])).points;
    },
    /** (tagged "platform") → indicators, rankings and targets with that tag. */
    tagged(...args: unknown[]) {
      return lookup.withTag(String(positional(args)[0]));
    },
    /** (about "cosmoplat") → everything whose subject is that entity. */
    about(...args: unknown[]) {
      return lookup.bySubject(String(positional(args)[0]));
    },
    /** (entities "platform") → entities of a kind. */
    entities(...args: unknown[]) {
      return lookup.entitiesOfKind(String(positional(args)[0]));
    },
    /**
     * (milestones tag="policy,infrastructure" subject="qingdao" from="2019" to="2027" dateKind="on")
     * → events, oldest first; year-only events after the dated ones of their year.
     */
    milestones(...args: unknown[]) {
      const h = last(args).hash;
      return lookup
        .milestones({
          tag: h.tag as string | undefined,
          subject: h.subject as string | undefined,
          from: h.from as string | undefined,
          to: h.to as string | undefined,
        })
        .filter((m) => !h.dateKind || m.dateKind === h.dateKind)
        .map(view);
    },
    /**
     * {{when "milestone-id"}} or {{when this}} → 2019年7月: the date an event happened, cited.
     * Refuses an event whose source only says it had happened by then (dateKind: by): use {{by}}.
     */
    when(...args: unknown[]) {
      const m = milestoneOf(positional(args)[0], 'when');
      if (m.dateKind === 'by') {
        throw new LookupError(
          `milestone '${m.id}' is dated 'by' (its source says only that it had happened by ${formatChineseDate(m.date)}); write {{by "${m.id}"}}（截至…，已…）or leave it out of a dated timeline (milestones dateKind="on")`,
        );
      }
      return registry.cite({ id: m.id, source: m.source, asOf: m.date, para: m.para, printed: m.printed }, formatChineseDate(m.date, (last(args).hash.precision as DatePrecision) ?? 'month'));
    },
    /** {{by "milestone-id"}} → 截至2026年1月: the date by which an event had happened, cited (any dateKind). */
    by(...args: unknown[]) {
      const m = milestoneOf(positional(args)[0], 'by');
      return registry.cite({ id: m.id, source: m.source, asOf: m.date, para: m.para, printed: m.printed }, `截至${formatChineseDate(m.date, (last(args).hash.precision as DatePrecision) ?? 'month')}`);
    },
    /**
     * {{#enumerate style="yishi" sep="\n\n"}}…{{#item}}…{{/item}}…{{/enumerate}}: numbers the
     * items that rendered (guarded ones that did not are skipped), so 一是/二是… stay consecutive.
     * Inside, {{@count}} is not known yet; use {{#countOf}}…{{/countOf}} in `intro`:
     * intro="围绕{n}条主线推进：" puts the count (in Chinese numerals) before the items.
     * With no items, renders the {{else}} part.
     */
    enumerate(this: unknown, ...args: unknown[]) {
      const o = args[args.length - 1] as HbsOptions;
      const body = o.fn(this);
      // An item is empty when only whitespace and line markers remain (its guard failed).
      const items = [...body.matchAll(new RegExp(`${ITEM_START}([\\s\\S]*?)${ITEM_END}`, 'g'))]
        .map((m) => m[1])
        .filter((t) => t.replace(LINE_MARKS, '').trim())
        .map((t) => {
          const marks = (/^(?:\s|\uE000\d+:\d+\uE001)*/.exec(t)?.[0] ?? '').match(LINE_MARKS)?.join('') ?? '';
          return { marks, text: t.replace(/^(?:\s|\uE000\d+:\d+\uE001)*/, '').trim() };
        });
      if (!items.length) return o.inverse ? o.inverse(this) : '';
      const style = ENUM_STYLES[String(o.hash.style ?? 'yishi')];
      if (!style) throw new LookupError(msg('helper.enumerate-style', { styles: Object.keys(ENUM_STYLES) }));
      const sep = typeof o.hash.sep === 'string' ? o.hash.sep.replace(/\\n/g, '\n') : '\n\n';
      // A count before a measure word: 两条, not 二条.
      const intro = typeof o.hash.intro === 'string' ? o.hash.intro.replace('{n}', items.length === 2 ? '两' : cnNumeral(items.length)) : '';
      const prefix = typeof o.hash.prefix === 'string' ? o.hash.prefix : '';
      return `${intro}${items.map((t, i) => `${t.marks}${prefix}${style(i + 1)}${t.text}`).join(sep)}\n`;
    },
    /** {{#item}}…{{/item}} inside {{#enumerate}}: one entry; an entry that renders empty is dropped. */
    item(this: unknown, ...args: unknown[]) {
      const o = args[args.length - 1] as HbsOptions;
      return `${ITEM_START}${o.fn(this)}${ITEM_END}`;
    },
    /** {{event this}} inside a milestones loop (or {{event "id"}}) → our wording of the event, cited. */
    event(...args: unknown[]) {
      const m = milestoneOf(positional(args)[0], 'event');
      return registry.cite({ id: m.id, source: m.source, asOf: m.date, para: m.para, printed: m.printed }, m.event);
    },
    /** (targets tag="2027") → targets. */
    targets(...args: unknown[]) {
      const h = last(args).hash;
      if (h.status !== undefined && h.status !== 'open' && h.status !== 'due') throw new LookupError('targets status must be "open" or "due"');
      return lookup.targets({ tag: h.tag as string | undefined }).filter((t) => !h.status || targetStatus(t, time) === h.status);
    },
    /** (sourcesCited) → the sources cited so far in this document, in order of first use. */
    sourcesCited() {
      return registry.sources();
    },
    eq: (...args: unknown[]) => positional(args)[0] === positional(args)[1],
    gt: (...args: unknown[]) => Number(positional(args)[0]) > Number(positional(args)[1]),
    gte: (...args: unknown[]) => Number(positional(args)[0]) >= Number(positional(args)[1]),
    and: (...args: unknown[]) => positional(args).every(Boolean),
    or: (...args: unknown[]) => positional(args).some(Boolean),
    not: (...args: unknown[]) => !positional(args)[0],
  };
}
