/**
 * `gen-report diff OLD [NEW]`: the fact-level changes between two data sets
 * (folders or git revisions). Exits 0 whether or not anything changed, like
 * a report rather than a check; `--json` gives the list to scripts.
 */
import path from 'node:path';
import { countChanges, describeChange, diffData, type FactChange } from '../../diff/index.js';
import { displayPath, readDataDir, readDataSnapshot, type DataSnapshot } from '../io.js';
import { info, jsonWarnings, printWarnings, say, type Printer } from '../output.js';
import { checkAsOf } from '../args.js';

export interface DiffArgs extends Printer {
  old: string;
  new?: string;
  data: string;
  asOf?: string;
}

/** NEW defaults to the working data folder (--data). */
export async function readNewSide(spec: string | undefined, dataDir: string): Promise<DataSnapshot> {
  if (spec) return readDataSnapshot(spec, dataDir);
  return { label: displayPath(path.resolve(dataDir)), files: await readDataDir(dataDir) };
}

export async function runDiff(args: DiffArgs): Promise<number> {
  checkAsOf(args.asOf);
  const before = await readDataSnapshot(args.old, args.data);
  const after = await readNewSide(args.new, args.data);
  const d = diffData(before.files, after.files, { asOf: args.asOf });
  const counts = countChanges(d.result);
  if (args.json) {
    process.stdout.write(`${JSON.stringify({ old: before.label, new: after.label, counts, changes: d.result, warnings: jsonWarnings(d.warnings) }, null, 2)}\n`);
    return 0;
  }
  printWarnings(args, d.warnings);
  if (!d.result.length) {
    say(args, 'cli.diff.none', { old: before.label, new: after.label });
    return 0;
  }
  const n = d.result.length;
  say(args, 'cli.diff.summary', { old: before.label, new: after.label, count: n, ...counts });
  info(args, '');
  info(args, changeTable(d.result));
  return 0;
}

// Terminal columns: CJK and full-width characters take two.
const WIDE = /[\u1100-\u115F\u2E80-\u303E\u3041-\u33FF\u3400-\u4DBF\u4E00-\u9FFF\uA000-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/u;

export function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += WIDE.test(ch) ? 2 : 1;
  return w;
}

function clip(text: string, max: number): string {
  if (displayWidth(text) <= max) return text;
  let out = '';
  for (const ch of text) {
    if (displayWidth(out + ch) > max - 1) break;
    out += ch;
  }
  return `${out}…`;
}

const pad = (text: string, width: number) => text + ' '.repeat(Math.max(0, width - displayWidth(text)));

/** One line per change; the id (and for a change, the fields) last, since it is what to search the YAML for. */
export function changeTable(changes: FactChange[]): string {
  const header = ['变化', '指标', '原数据 → 新数据', '数据时间', '来源', 'id'];
  const rows = changes.map((c) => {
    const d = describeChange(c);
    const id = c.kind === 'changed' ? `${c.id} (${c.fields.join(', ')})` : c.id;
    return [d.kindLabel, clip(d.label, 30), `${d.from} → ${d.to}`, d.asOfLabel, clip(d.sourceLabel, 40), id];
  });
  const widths = header.map((h, i) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i]))));
  const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : pad(c, widths[i]))).join('  ');
  return [line(header), ...rows.map(line)].join('\n');
}
