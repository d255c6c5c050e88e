/**
 * The diff stage: two fact bases (or two sets of data texts) → the list of
 * fact-level changes. Pure; the CLI reads the folders or git revisions.
 */
import { loadFactBase } from '../facts/load.js';
import { factBaseAsOf } from '../facts/as-of.js';
import type { TextFile } from '../facts/model.js';
import type { StageResult } from '../model/document.js';
import { diffFactBases } from './diff.js';
import type { FactChange } from './model.js';

export { diffFactBases, factFigure, rankFigure } from './diff.js';
export { changeRows, describeChange, escapeCell, type ChangeRow, type PlainRow } from './rows.js';
export { countChanges, type ChangeCounts, type ChangeKind, type ChangeSide, type ChangeTarget, type FactChange } from './model.js';

/**
 * Load both data sets (a problem in either is a DataError naming its files)
 * and diff them; with `asOf`, both as they could be known on that date.
 */
export function diffData(oldFiles: TextFile[], newFiles: TextFile[], options: { asOf?: string } = {}): StageResult<FactChange[]> {
  const load = (files: TextFile[]) => {
    const r = loadFactBase(files, { asOf: options.asOf });
    return { fb: options.asOf ? factBaseAsOf(r.result, options.asOf) : r.result, warnings: r.warnings };
  };
  const a = load(oldFiles);
  const b = load(newFiles);
  const d = diffFactBases(a.fb, b.fb);
  // Data warnings of the old snapshot are history; only the new data's matter now.
  return { result: d.result, warnings: [...b.warnings, ...d.warnings] };
}
