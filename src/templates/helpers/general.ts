/** Helpers for dates, lookups and loops over the fact base, and small logic. */
import type { HelperDelegate } from 'handlebars';
import { formatChineseDate, type DatePrecision } from '../../format/dates.js';
import { chineseNumeral, formatQuantity } from '../../format/numbers.js';
import { LookupError, unknown as unknownId, type FactLookup } from '../lookup.js';
import type { CitationRegistry } from '../citations.js';
import { msg } from '../../i18n/index.js';

interface HelperOptions {
  hash: Record<string, unknown>;
}

const last = (args: unknown[]) => args[args.length - 1] as HelperOptions;
const positional = (args: unknown[]) => args.slice(0, -1);

export function generalHelpers(lookup: FactLookup, registry: CitationRegistry): Record<string, HelperDelegate> {
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
    /** (milestones tag="policy,infrastructure" subject="qingdao" from="2019" to="2027") → dated events, oldest first. Each cites its source. */
    milestones(...args: unknown[]) {
      const h = last(args).hash;
      return lookup.milestones({
        tag: h.tag as string | undefined,
        subject: h.subject as string | undefined,
        from: h.from as string | undefined,
        to: h.to as string | undefined,
      });
    },
    /** {{when "milestone-id"}} → 2019年7月: a milestone's date, cited. */
    when(...args: unknown[]) {
      const id = String(positional(args)[0]);
      const m = lookup.fb.milestones.get(id);
      if (!m) return unknownId('milestone', id, lookup.fb.milestones.keys());
      return registry.cite({ id: m.id, source: m.source, asOf: m.date }, formatChineseDate(m.date, (last(args).hash.precision as DatePrecision) ?? 'month'));
    },
    /** {{event this}} inside a milestones loop → our wording of the event, cited. */
    event(...args: unknown[]) {
      const m = positional(args)[0] as { id?: string; event?: string; source?: string; date?: string };
      if (!m?.id || !m.event || !m.source || !m.date) throw new LookupError(msg('helper.event-expects'), msg('helper.event-expects-hint'));
      return registry.cite({ id: m.id, source: m.source, asOf: m.date }, m.event);
    },
    /** (targets tag="2027") → targets. */
    targets(...args: unknown[]) {
      return lookup.targets({ tag: last(args).hash.tag as string | undefined });
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
