/** Reading the real data and seeds for the fact-base tests (the library itself does no I/O). */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TextFile } from '../../src/facts/model.js';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
export const dataDir = join(repoRoot, 'data');
export { sourceTextsDir as seedsDir } from '../helpers/source-texts.js';
import { sourceTextsDir } from '../helpers/source-texts.js';

export function yamlFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) return yamlFiles(p);
      return /\.ya?ml$/.test(name) ? [p] : [];
    });
}

/** The data files as the CLI would pass them: paths relative to the repo root. */
export function readData(dir = dataDir): TextFile[] {
  return yamlFiles(dir).map((p) => ({ path: relative(repoRoot, p), text: readFileSync(p, 'utf8') }));
}

export function readSeeds(dir = sourceTextsDir): Map<string, string> {
  return new Map(readdirSync(dir).map((n) => [n, readFileSync(join(dir, n), 'utf8')]));
}

/** The smallest valid head of a data file: one source and one entity. */
export const MINIMAL_HEAD = `sources:
  - id: s1
    publisher: 报社
    title: 标题
    published: 2024-03
    file: a.txt
entities:
  - id: qingdao
    name: 青岛市
    kind: city
`;
