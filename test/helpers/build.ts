/** Build through the library the way the CLI does, from folders on disk. */
import path from 'node:path';
import { build, type BuildInput } from '../../src/pipeline/build.js';
import type { TemplateFiles } from '../../src/templates/manifest.js';
import { isXmlPart, parseXml, readZip } from './ooxml.js';
import { readData, readTemplate, repoRoot } from './fixtures.js';

/** A template folder with `extends` resolved, as the CLI reads it. */
export function templateFiles(name: string): TemplateFiles {
  const own = readTemplate(path.join(repoRoot, 'templates', name), `templates/${name}`);
  const origins = new Map([...own.files.keys()].map((f) => [f, `${own.dir}/${f}`]));
  const parentName = /^extends:\s*(\S+)/m.exec(own.files.get('template.yaml')!)?.[1];
  if (!parentName) return { ...own, origins };
  const parent = templateFiles(parentName);
  return { dir: own.dir, files: new Map([...parent.files, ...own.files]), origins: new Map([...parent.origins!, ...origins]), parent };
}

export function buildDefault(template: string, formats: BuildInput['formats'], extra: Partial<BuildInput> = {}) {
  return build({ data: readData(path.join(repoRoot, 'data')), template: templateFiles(template), formats, timestamp: 1767225600, ...extra });
}

/** Every XML part of a package parses; returns the parts. */
export async function parsedParts(pkg: Buffer): Promise<Map<string, Buffer>> {
  const parts = await readZip(pkg);
  for (const [name, data] of parts) {
    if (!isXmlPart(name)) continue;
    try {
      parseXml(data.toString('utf8'));
    } catch (e) {
      throw new Error(`${name}: ${(e as Error).message}`);
    }
  }
  return parts;
}
