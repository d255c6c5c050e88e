/**
 * `gen-report new-template NAME [--from TEMPLATE]`: a new variant folder
 * under ./templates that extends TEMPLATE (see src/templates/scaffold.ts).
 * Never overwrites: a name any template already has is refused, and the
 * folder appears whole or not at all (written aside, then renamed).
 */
import { existsSync, promises as fs } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../../errors.js';
import { msg } from '../../i18n/index.js';
import { loadTemplate } from '../../templates/manifest.js';
import { scaffoldVariant, TEMPLATE_NAME } from '../../templates/scaffold.js';
import { displayPath, listTemplates, packageRoot, readTemplateDir, resolveTemplate } from '../io.js';
import { info, say, type Printer } from '../output.js';
import { defaultTemplateFor } from './build.js';

export interface NewTemplateArgs extends Printer {
  name: string;
  from?: string;
}

const posix = (p: string) => p.split(path.sep).join('/');

export async function runNewTemplate(args: NewTemplateArgs): Promise<number> {
  const name = String(args.name);
  if (!TEMPLATE_NAME.test(name)) throw new UsageError([{ message: msg('new-template.bad-name', { name }), hint: msg('new-template.bad-name-hint') }]);
  const target = path.resolve('templates', name);
  const taken = listTemplates().find((t) => t.name === name);
  if (existsSync(target) || taken) {
    const dir = displayPath(existsSync(target) ? target : taken!.dir);
    throw new UsageError([{ message: msg('new-template.exists', { name, dir }), hint: msg('new-template.exists-hint') }]);
  }
  const from = args.from ? resolveTemplate(args.from) : defaultTemplateFor('pptx');
  // The parent must itself load: a scaffold over a broken template would only move the error.
  const parent = loadTemplate(await readTemplateDir(from.dir));
  const byPath = args.from !== undefined && (args.from.includes('/') || args.from.includes(path.sep) || args.from.startsWith('.'));
  const files = scaffoldVariant({
    name,
    parent,
    extendsRef: byPath ? posix(path.relative(target, from.dir)) : from.name,
    schemaDir: posix(path.relative(target, path.join(packageRoot, 'schema'))),
  });

  await fs.mkdir(path.dirname(target), { recursive: true });
  const staging = await fs.mkdtemp(path.join(path.dirname(target), `.${name}-`));
  try {
    for (const [file, text] of files) {
      await fs.mkdir(path.dirname(path.join(staging, file)), { recursive: true });
      await fs.writeFile(path.join(staging, file), text, { flag: 'wx' });
    }
    await fs.mkdir(path.join(staging, 'partials'));
    // rename replaces an empty folder made meanwhile; check once more right before.
    if (existsSync(target)) throw new UsageError([{ message: msg('new-template.exists', { name, dir: displayPath(target) }), hint: msg('new-template.exists-hint') }]);
    await fs.rename(staging, target);
  } catch (e) {
    await fs.rm(staging, { recursive: true, force: true });
    throw e;
  }
  const written = [...files.keys()].sort().map((file) => displayPath(path.join(target, file)));
  if (args.json) {
    process.stdout.write(`${JSON.stringify({ template: name, extends: from.name, dir: displayPath(target), files: written }, null, 2)}\n`);
    return 0;
  }
  say(args, 'new-template.created', { name, from: from.name, dir: displayPath(target) });
  for (const file of written) info(args, `  ${file}`);
  say(args, 'new-template.next', { name });
  return 0;
}
