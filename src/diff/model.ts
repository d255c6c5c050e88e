/** What changed between two fact bases, ready to print or to show on a slide. */

export type ChangeKind = 'added' | 'removed' | 'changed';
/** What the change is about: a value, rank or target fact, a milestone, or a source article. */
export type ChangeTarget = 'value' | 'rank' | 'target' | 'milestone' | 'source';

/** One side (old, new, or the previous point for context) of a change. */
export interface ChangeSide {
  id: string;
  /** The figure as the deck and report write it: 4.6万个, 连续七年位居第一, 2020年4月24日. */
  figure: string;
  /** The figure exactly as the source prints it. */
  printed: string;
  /** Date the figure refers to (a milestone's date, a source's publication date), ISO. */
  asOf: string;
  asOfLabel: string;
  source: string;
  /** 青岛日报（2024年3月）. */
  sourceLabel: string;
}

export interface FactChange {
  kind: ChangeKind;
  target: ChangeTarget;
  /** The new id, or the old one when removed. */
  id: string;
  /** Indicator, ranking or target the fact belongs to (a milestone's or source's own id). */
  seriesId: string;
  /** Indicator name, ranking list, target name, milestone event or source title. */
  name: string;
  /** Entity id (a source's publisher). */
  subject: string;
  /** The entity's short name. */
  subjectName: string;
  /** Subject and name as a reader sees it: 青岛5G基站数量. */
  label: string;
  /** Fields that differ (kind 'changed' only), in a fixed order. */
  fields: string[];
  old?: ChangeSide;
  new?: ChangeSide;
  /** For a point added to an existing series: the latest earlier point of the old data. */
  previous?: ChangeSide;
}

export interface ChangeCounts {
  added: number;
  removed: number;
  changed: number;
}

export function countChanges(changes: FactChange[]): ChangeCounts {
  const out: ChangeCounts = { added: 0, removed: 0, changed: 0 };
  for (const c of changes) out[c.kind]++;
  return out;
}
