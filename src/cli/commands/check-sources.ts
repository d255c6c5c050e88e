/**
 * `gen-report check-sources [DIR]`: every printed figure appears in its source
 * text. DIR defaults to the folder `sourceTexts:` in data/sources.yaml names
 * (relative to the data folder).
 */
import path from 'node:path';
import { loadFactBase } from '../../facts/load.js';
import { checkSources } from '../../facts/check-sources.js';
import { DataError, UsageError } from '../../errors.js';
import { msg } from '../../i18n/index.js';
import { displayPath, readDataDir, readSeedTexts } from '../io.js';
import { say, type Printer } from '../output.js';
import { today } from '../args.js';

export interface CheckSourcesArgs extends Printer {
  data: string;
  dir?: string;
}

/** The texts folder: DIR if given, else `sourceTexts:` resolved against the data folder. */
export function sourceTextsDir(dir: string | undefined, dataDir: string, declared: string | undefined): string {
  if (dir) return dir;
  if (!declared) throw new UsageError([{ message: msg('cli.check-sources.no-folder'), hint: msg('cli.check-sources.no-folder-hint') }]);
  return path.resolve(dataDir, declared);
}

export async function runCheckSources(args: CheckSourcesArgs): Promise<number> {
  const fb = loadFactBase(await readDataDir(args.data), { today: today() }).result;
  const dir = sourceTextsDir(args.dir, args.data, fb.sourceTexts);
  const texts = await readSeedTexts(dir);
  const problems = checkSources(fb, texts);
  if (problems.length) throw new DataError(problems);
  const checked = fb.facts.size + fb.milestones.size;
  if (args.json) process.stdout.write(`${JSON.stringify({ ok: true, checked, dir: displayPath(dir) }, null, 2)}\n`);
  else say(args, 'cli.check-sources.ok', { count: checked, dir: displayPath(dir) });
  return 0;
}
