/**
 * Schema of the fact base (data/*.yaml). The zod schemas are the single
 * definition: the typed model, validation and the exported JSON Schema all
 * come from here.
 */
import { z } from 'zod';

/** YYYY, YYYY-MM or YYYY-MM-DD. */
export const isoDate = z
  .string()
  .regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, {
    message: 'expected a date written YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2025-12',
  });

const id = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/, { message: 'ids use lower-case letters, digits and hyphens, e.g. qingdao-5g-base-stations' });

/**
 * How the printed figure relates to the value:
 * exact; more-than (超、超过、余、多); at-least (以上, includes the value);
 * less-than (小于、不足); about (约、左右、近).
 */
export const qualifier = z.enum(['exact', 'more-than', 'at-least', 'less-than', 'about']);
export type Qualifier = z.infer<typeof qualifier>;

export const entityKind = z.enum(['country', 'province', 'city', 'district', 'platform', 'company', 'facility', 'organisation', 'programme']);

export const sourceSchema = z
  .object({
    id,
    publisher: z.string().min(1),
    title: z.string().min(1),
    /** Publication date: year-month at least. */
    published: isoDate,
    /** File name of the article text in the seeds folder. */
    file: z.string().min(1),
    author: z.string().optional(),
    url: z.string().optional(),
  })
  .strict();

export const entitySchema = z
  .object({
    id,
    name: z.string().min(1),
    /** Short name for charts and tables. */
    short: z.string().optional(),
    kind: entityKind,
    /** The entity this one belongs to (a platform's operator, a city's province). */
    parent: id.optional(),
    aliases: z.array(z.string()).optional(),
  })
  .strict();

/** Fields every sourced observation carries. */
const observation = {
  /** Date the value refers to (not always the publication date). */
  asOf: isoDate,
  source: id,
  /** Paragraph number in the source text, counting non-empty lines from 1. */
  para: z.number().int().positive(),
  /** The figure exactly as printed in the source, e.g. "3.78万个", "超16万家". */
  printed: z.string().min(1),
  /** Set to false when this point's definition differs from the rest of its series. */
  comparable: z.boolean().optional(),
  /** What this point measures when it differs from the series' definition. */
  definition: z.string().optional(),
  note: z.string().optional(),
};

export const pointSchema = z
  .object({
    id: id.optional(),
    value: z.number(),
    qualifier: qualifier.default('exact'),
    ...observation,
  })
  .strict();

export const indicatorSchema = z
  .object({
    id,
    name: z.string().min(1),
    subject: id,
    /** Base unit of every point's value, unscaled: 个, 家, 元, %, P (not 万个 or 亿元). */
    unit: z.string(),
    tags: z.array(z.string()).default([]),
    /** What the series measures; points that differ say so with `definition` and `comparable: false`. */
    definition: z.string().optional(),
    /** cumulative (running total), stock (level at a date), flow (per period), ratio. */
    measure: z.enum(['cumulative', 'stock', 'flow', 'ratio']).default('stock'),
    points: z.array(pointSchema).min(1),
  })
  .strict();

export const rankPointSchema = z
  .object({
    id: id.optional(),
    rank: z.number().int().positive(),
    /** Number of entries in the evaluated list, where stated. */
    of: z.number().int().positive().optional(),
    /** Year the evaluation is for (e.g. 2025年度评价). */
    evaluationYear: z.number().int(),
    /** Consecutive years at this rank, where stated (连续七年第一 → 7). */
    consecutive: z.number().int().positive().optional(),
    /** Places moved since the previous evaluation, up positive (跃升6位 → 6). */
    movement: z.number().int().optional(),
    ...observation,
  })
  .strict();

export const rankingSchema = z
  .object({
    id,
    /** The list or evaluation, e.g. 跨行业跨领域工业互联网平台评价. */
    list: z.string().min(1),
    subject: id,
    tags: z.array(z.string()).default([]),
    definition: z.string().optional(),
    points: z.array(rankPointSchema).min(1),
  })
  .strict();

export const targetSchema = z
  .object({
    id,
    name: z.string().min(1),
    subject: id,
    unit: z.string(),
    value: z.number(),
    qualifier: qualifier.default('exact'),
    /** Year by which the target is to be met. */
    targetYear: z.number().int(),
    tags: z.array(z.string()).default([]),
    /** asOf is the date the target was set or announced. */
    ...observation,
  })
  .strict();

export const milestoneSchema = z
  .object({
    id,
    /** When it happened. */
    date: isoDate,
    /** Our own short wording of the event. */
    event: z.string().min(1),
    subject: id,
    kind: z.enum(['event', 'policy', 'award', 'launch', 'finance']).default('event'),
    tags: z.array(z.string()).default([]),
    source: id,
    para: z.number().int().positive(),
    /** A date or figure as printed in the source, checked by check-sources. */
    printed: z.string().min(1),
    note: z.string().optional(),
  })
  .strict();

/** One data file: any combination of these top-level keys. */
export const dataFileSchema = z
  .object({
    sources: z.array(sourceSchema).optional(),
    entities: z.array(entitySchema).optional(),
    indicators: z.array(indicatorSchema).optional(),
    rankings: z.array(rankingSchema).optional(),
    targets: z.array(targetSchema).optional(),
    milestones: z.array(milestoneSchema).optional(),
  })
  .strict();

export type SourceRecord = z.infer<typeof sourceSchema>;
export type EntityRecord = z.infer<typeof entitySchema>;
export type PointRecord = z.infer<typeof pointSchema>;
export type IndicatorRecord = z.infer<typeof indicatorSchema>;
export type RankPointRecord = z.infer<typeof rankPointSchema>;
export type RankingRecord = z.infer<typeof rankingSchema>;
export type TargetRecord = z.infer<typeof targetSchema>;
export type MilestoneRecord = z.infer<typeof milestoneSchema>;
export type DataFile = z.infer<typeof dataFileSchema>;
