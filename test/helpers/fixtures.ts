/** Reading fixture folders the way the CLI reads real ones. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TextFile } from '../../src/facts/model.js';
import type { TemplateFiles } from '../../src/templates/manifest.js';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const fixtures = path.join(repoRoot, 'test/fixtures');

function walk(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((n) => {
      const full = path.join(dir, n);
      return statSync(full).isDirectory() ? walk(full) : [full];
    });
}

export function readData(dir: string): TextFile[] {
  return walk(dir)
    .filter((f) => /\.ya?ml$/.test(f))
    .map((f) => ({ path: path.relative(repoRoot, f), text: readFileSync(f, 'utf8') }));
}

export function readTemplate(dir: string, display = path.relative(repoRoot, dir)): TemplateFiles {
  const files = new Map<string, string>();
  for (const f of walk(dir)) if (/\.(hbs|ya?ml|md)$/.test(f) && !f.endsWith('expected.json')) files.set(path.relative(dir, f), readFileSync(f, 'utf8'));
  return { dir: display, files };
}
