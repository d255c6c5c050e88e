/** The typed fact base the rest of the program uses. */
import type {
  EntityRecord,
  IndicatorRecord,
  MilestoneRecord,
  Qualifier,
  RankingRecord,
  SourceRecord,
  TagRecord,
  TargetRecord,
} from './schema.js';

export interface TextFile {
  /** Path as shown in messages (relative to the working directory). */
  path: string;
  text: string;
}

export interface Location {
  file: string;
  line: number;
  column: number;
}

interface FactCommon {
  id: string;
  /** The indicator, ranking or target this fact belongs to. */
  seriesId: string;
  name: string;
  subject: string;
  tags: string[];
  asOf: string;
  source: string;
  para: number;
  printed: string;
  /** Further strings of the same paragraph backing other fields (movement, consecutive years ...). */
  alsoPrinted?: string[];
  /** False when the point's definition differs from the rest of its series. */
  comparable: boolean;
  definition?: string;
  note?: string;
}

export interface ValueFact extends FactCommon {
  kind: 'value';
  value: number;
  unit: string;
  /** The counted noun after the measure word (省 in 9个省), when the series has one. */
  noun?: string;
  qualifier: Qualifier;
  /** For a flow: the period each value covers. */
  per?: 'year' | 'quarter' | 'month';
}

export interface RankFact extends FactCommon {
  kind: 'rank';
  list: string;
  rank: number;
  of?: number;
  evaluationYear: number;
  consecutive?: number;
  movement?: number;
}

export interface TargetFact extends FactCommon {
  kind: 'target';
  value: number;
  unit: string;
  qualifier: Qualifier;
  targetYear: number;
  per?: 'year' | 'quarter' | 'month';
  /** The indicator that measures progress towards this target. */
  indicator?: string;
}

export type Fact = ValueFact | RankFact | TargetFact;

/** A series with ids filled in; points sorted by asOf. */
export interface Indicator extends Omit<IndicatorRecord, 'points'> {
  points: ValueFact[];
}
export interface Ranking extends Omit<RankingRecord, 'points'> {
  points: RankFact[];
}

export interface FactBase {
  sources: Map<string, SourceRecord>;
  entities: Map<string, EntityRecord>;
  indicators: Map<string, Indicator>;
  rankings: Map<string, Ranking>;
  targets: Map<string, TargetFact>;
  milestones: Map<string, MilestoneRecord>;
  /** The tag vocabulary (data/tags.yaml), when one is declared. */
  tagVocabulary?: Map<string, TagRecord>;
  /** Every value, rank and target fact by id. */
  facts: Map<string, Fact>;
  /** Where each id is defined. */
  locations: Map<string, Location>;
  /** sha256 of the data files. */
  hash: string;
  /**
   * In a snapshot made by factBaseAsOf: ids left out because they became
   * known later, with the date they became known (for "no figure as of").
   */
  withheld?: Map<string, string>;
  /** In a snapshot: the date it was taken. */
  snapshotAsOf?: string;
  /** `sourceTexts:` (in sources.yaml): the article texts' folder, relative to the data folder. */
  sourceTexts?: string;
}

export type { SourceRecord, EntityRecord, MilestoneRecord, TargetRecord, TagRecord, Qualifier };
