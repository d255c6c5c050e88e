/**
 * Schema of the fact base (data/*.yaml). The zod schemas are the single
 * definition: the typed model, validation and the exported JSON Schema all
 * come from here. Descriptions become hover help in editors.
 */
import * as z from 'zod';

// One build parses each object schema a few times: generating zod's compiled fast path for each costs more than it saves.
z.config({ jitless: true });
import { LIMITS } from '../limits.js';

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** YYYY, YYYY-MM or YYYY-MM-DD, and a day that exists in its month. */
const isoDateText = z
  .string()
  .regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, {
    message: 'data.date-format',
  })
  .refine(
    (s) => {
      const [y, m, d] = s.split('-').map(Number);
      if (d === undefined) return true;
      const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
      return d <= (m === 2 && !leap ? 28 : DAYS_IN_MONTH[m - 1]);
    },
    { message: 'data.day-not-in-month' },
  );

/** A bare year is read by YAML as a number (asOf: 2023); accept it as the string "2023". */
export const isoDate = z.union([isoDateText, z.number().int().min(1000).max(9999).transform(String)]);

/** A figure in base units: finite and below 1000万亿 (beyond it, a typo such as 1e308). */
const figure = z
  .number()
  .refine((v) => Number.isFinite(v) && Math.abs(v) < LIMITS.figureMagnitude, { message: 'data.value-not-finite' });

const id = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/, { message: 'data.id-format' });

/**
 * How the printed figure relates to the value:
 * exact; more-than (超、超过、突破、余、多); at-least (以上, includes the value);
 * less-than (小于、不足、低于); nearly (近、接近: just under the value);
 * about (约、左右: either side); magnitude (千亿级、万升级: an order of magnitude).
 */
export const qualifier = z
  .enum(['exact', 'more-than', 'at-least', 'less-than', 'nearly', 'about', 'magnitude'])
  .describe('exact | more-than (超/余/多/突破) | at-least (以上) | less-than (小于/不足) | nearly (近/接近) | about (约/左右) | magnitude (千亿级)');
export type Qualifier = z.infer<typeof qualifier>;

export const entityKind = z.enum([
  'country',
  'province',
  'city',
  'district',
  'group',
  'platform',
  'company',
  'facility',
  'organisation',
  'programme',
]);

/** A flow's period: 每年 → year, 每季度 → quarter. */
const period = z.enum(['year', 'quarter', 'month']).describe('for a flow: the period each value covers (每年 → year)');

export const sourceSchema = z
  .object({
    id,
    publisher: z.string().min(1),
    title: z.string().min(1),
    published: isoDate.describe('publication date, year-month at least; say in a comment how it was inferred if not printed'),
    file: z.string().min(1).describe('file name of the article text in the seeds folder'),
    author: z.string().optional(),
    url: z.string().optional(),
  })
  .strict();

export const entitySchema = z
  .object({
    id,
    name: z.string().min(1),
    short: z.string().optional().describe('short name for charts and tables'),
    kind: entityKind,
    parent: id.optional().describe("the entity this one belongs to (a platform's operator, a city's province)"),
    aliases: z.array(z.string()).optional(),
  })
  .strict();

export const tagSchema = z
  .object({
    id,
    description: z.string().min(1),
  })
  .strict();

/** Fields every sourced observation carries. */
const observation = {
  asOf: isoDate.describe('date the value refers to (not always the publication date)'),
  source: id.describe('id of a source in sources.yaml'),
  para: z
    .number()
    .int()
    .positive()
    .describe('paragraph in the source file: 1-based index among its non-blank lines'),
  printed: z
    .string()
    .min(1)
    .describe('the figure exactly as printed, e.g. "3.78万个", "超16万家"; must appear verbatim in that paragraph'),
  alsoPrinted: z
    .array(z.string().min(1))
    .optional()
    .describe('further strings of the same paragraph that back other fields (e.g. "跃升6位" for movement)'),
  comparable: z.boolean().optional().describe("false when this point's definition differs from the rest of its series"),
  definition: z.string().optional().describe("what this point measures when it differs from the series' definition"),
  note: z.string().optional(),
};

export const pointSchema = z
  .object({
    id: id.optional().describe('defaults to <indicator id>@<asOf>'),
    value: figure.describe('in base units: 37800 for 3.78万个, 400000000000 for 4000亿元'),
    qualifier: qualifier.default('exact'),
    ...observation,
  })
  .strict();

export const indicatorSchema = z
  .object({
    id,
    name: z.string().min(1).describe('our short name, shown in decks and reports'),
    subject: id.describe('id of an entity'),
    unit: z
      .string()
      .describe('base unit of every value, unscaled: 个, 家, 元, %, P (not 万个 or 亿元); "" for a pure number such as PUE'),
    alsoUnits: z
      .array(z.string().min(1))
      .optional()
      .describe('other measure words the sources print for the same unit, e.g. 个 beside 家'),
    noun: z
      .string()
      .min(1)
      .optional()
      .describe('the counted noun after the measure word: 省 in 9个省 (printed 9省), 大区域 in 12个大区域'),
    tags: z.array(z.string()).default([]),
    definition: z.string().optional().describe('what the series measures; points that differ say so'),
    measure: z
      .enum(['cumulative', 'stock', 'flow', 'ratio'])
      .default('stock')
      .describe('cumulative (running total), stock (level at a date), flow (per period), ratio'),
    per: period.optional(),
    notComparableWith: z
      .array(id)
      .optional()
      .describe('indicators that look alike but measure something else; never chart them as one series'),
    note: z.string().optional(),
    points: z.array(pointSchema).min(1),
  })
  .strict();

export const rankPointSchema = z
  .object({
    id: id.optional().describe('defaults to <ranking id>@<evaluationYear>'),
    rank: z.number().int().positive().max(100000),
    of: z.number().int().positive().max(100000).optional().describe('number of entries in the evaluated list, where stated'),
    evaluationYear: z.number().int().min(1000).max(9999).describe('year the evaluation is for (2025年度评价 → 2025)'),
    consecutive: z.number().int().positive().max(1000).optional().describe('consecutive years at this rank (连续七年 → 7)'),
    movement: z.number().int().min(-100000).max(100000).optional().describe('places moved since the previous evaluation, up positive (跃升6位 → 6)'),
    ...observation,
  })
  .strict();

export const rankingSchema = z
  .object({
    id,
    list: z.string().min(1).describe('our short name of the list or evaluation'),
    subject: id,
    tags: z.array(z.string()).default([]),
    definition: z.string().optional(),
    note: z.string().optional(),
    points: z.array(rankPointSchema).min(1),
  })
  .strict();

export const targetSchema = z
  .object({
    id,
    name: z.string().min(1),
    subject: id,
    unit: z.string().describe('base unit, as for indicators'),
    value: figure,
    qualifier: qualifier.default('exact'),
    targetYear: z.number().int().min(1000).max(9999).describe('year by which the target is to be met'),
    per: period.optional(),
    indicator: id.optional().describe('the indicator that measures progress towards this target'),
    tags: z.array(z.string()).default([]),
    ...observation,
    asOf: isoDate.describe('date the target was set or announced'),
  })
  .strict();

export const milestoneSchema = z
  .object({
    id,
    date: isoDate.describe('when it happened'),
    dateKind: z
      .enum(['on', 'by'])
      .default('on')
      .describe('on: happened at that date; by: happened no later than that date (exact date not printed)'),
    event: z.string().min(1).describe('our own short wording of the event'),
    subject: id,
    kind: z.enum(['event', 'policy', 'award', 'launch', 'finance']).default('event'),
    tags: z.array(z.string()).default([]),
    source: id,
    para: z.number().int().positive().describe('1-based index among the non-blank lines of the source file'),
    printed: z.string().min(1).describe('a date or figure as printed in the source, checked by check-sources'),
    alsoPrinted: z.array(z.string().min(1)).optional(),
    note: z.string().optional(),
  })
  .strict();

/** One data file: any combination of these top-level keys. */
export const dataFileSchema = z
  .object({
    sources: z.array(sourceSchema).optional(),
    sourceTexts: z
      .string()
      .min(1)
      .optional()
      .describe('the folder holding the articles\' texts (the `file` of each source), relative to the data folder; check-sources reads it'),
    entities: z.array(entitySchema).optional(),
    tags: z.array(tagSchema).optional().describe('the tag vocabulary; once declared, every tag used must be in it'),
    indicators: z.array(indicatorSchema).optional(),
    rankings: z.array(rankingSchema).optional(),
    targets: z.array(targetSchema).optional(),
    milestones: z.array(milestoneSchema).optional(),
  })
  .strict();

export type SourceRecord = z.infer<typeof sourceSchema>;
export type EntityRecord = z.infer<typeof entitySchema>;
export type TagRecord = z.infer<typeof tagSchema>;
export type PointRecord = z.infer<typeof pointSchema>;
export type IndicatorRecord = z.infer<typeof indicatorSchema>;
export type RankPointRecord = z.infer<typeof rankPointSchema>;
export type RankingRecord = z.infer<typeof rankingSchema>;
export type TargetRecord = z.infer<typeof targetSchema>;
export type MilestoneRecord = z.infer<typeof milestoneSchema>;
export type DataFile = z.infer<typeof dataFileSchema>;
