/** `gen-report check-sources DIR`: every printed figure appears in its source text. */
import { loadFactBase } from '../../facts/load.js';
import { checkSources } from '../../facts/check-sources.js';
import { DataError } from '../../errors.js';
import { readDataDir, readSeedTexts } from '../io.js';
import { info, type Printer } from '../output.js';

export interface CheckSourcesArgs extends Printer {
  data: string;
  dir: string;
}

export async function runCheckSources(args: CheckSourcesArgs): Promise<number> {
  const fb = loadFactBase(await readDataDir(args.data)).result;
  const texts = await readSeedTexts(args.dir);
  const problems = checkSources(fb, texts);
  if (problems.length) throw new DataError(problems);
  const checked = fb.facts.size + fb.milestones.size;
  if (args.json) process.stdout.write(`${JSON.stringify({ ok: true, checked }, null, 2)}\n`);
  else info(args, `ok: all ${checked} facts and milestones found in their sources in ${args.dir}`);
  return 0;
}
