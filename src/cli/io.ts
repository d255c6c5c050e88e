/**
 * The only file-system code: reading data and template folders (data also
 * from git revisions), and writing outputs atomically (temporary file, then
 * rename), so a failed build never leaves a broken file and never replaces
 * the last good one.
 */
import { promises as fs, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { DataError, OutputError, TemplateError, UsageError } from '../errors.js';
import { msg } from '../i18n/index.js';
import type { TextFile } from '../facts/model.js';
import type { TemplateFiles } from '../templates/manifest.js';
import type { PrecompiledTemplate } from '../templates/precompiled.js';
import type { OutputFile } from '../pipeline/build.js';
import { commitOutputs } from './commit-outputs.js';
import { convertToPdf } from './pdf.js';
import { decodeUtf8, readInputFile } from './read-input.js';
import { pseudoFsRoot, realTarget } from './pseudo-fs.js';

export const packageRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * The shipped templates' code, generated at `npm run build`
 * (scripts/precompile-templates.mjs, one file per template): those of
 * `names` (template folder names), or all. A template whose file is missing
 * or unreadable compiles as it renders.
 */
export function readPrecompiledTemplates(names?: string[]): PrecompiledTemplate[] {
  const dir = path.join(packageRoot, 'dist/templates/precompiled');
  let files: string[];
  try {
    // A build reads only its own templates' code (about 170 kB each, of 670 kB for all four).
    files = names ? names.filter((n) => /^[\w-][\w.-]*$/.test(n)).map((n) => `${n}.json`) : readdirSync(dir).filter((f) => f.endsWith('.json'));
  } catch {
    return [];
  }
  const templates: PrecompiledTemplate[] = [];
  for (const file of files) {
    try {
      const parsed = JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as PrecompiledTemplate;
      if (typeof parsed?.key === 'string') templates.push(parsed);
    } catch {
      // Not shipped for this template (or unreadable): it compiles as it renders.
    }
  }
  return templates;
}

/** Paths in messages are relative to where the user stands. */
export function displayPath(p: string): string {
  const rel = path.relative(process.cwd(), p);
  return rel && !rel.startsWith('..') ? rel : p;
}

async function listFiles(dir: string, accept: (name: string) => boolean): Promise<string[]> {
  const out: string[] = [];
  const walk = async (d: string) => {
    const entries = await fs.readdir(d, { withFileTypes: true });
    for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (e.name.startsWith('.')) continue;
      const full = path.join(d, e.name);
      if (e.isDirectory()) await walk(full);
      else if (accept(e.name)) out.push(full);
    }
  };
  await walk(dir);
  return out;
}

export async function readDataDir(dir: string): Promise<TextFile[]> {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new DataError([{ file: displayPath(dir), message: msg('io.data-folder-missing'), hint: msg('io.data-folder-missing-hint') }]);
  }
  const files = await listFiles(dir, (n) => /\.ya?ml$/.test(n));
  if (!files.length) throw new DataError([{ file: displayPath(dir), message: msg('io.data-folder-empty'), hint: msg('io.data-folder-missing-hint') }]);
  return Promise.all(files.map(async (f) => ({ path: displayPath(f), text: await readInputFile(f, displayPath(f), 'data') })));
}

/**
 * A template folder's files. `extends: NAME|PATH` in its template.yaml first
 * loads that template's files, then lays this folder's over them, so a
 * variant (say, the GB/T 9704 report) changes only what differs; `parent`
 * keeps the inherited template, whose manifest and charts loadTemplate merges.
 */
export async function readTemplateDir(dir: string, seen: string[] = []): Promise<TemplateFiles> {
  if (seen.includes(path.resolve(dir))) {
    throw new UsageError([{ message: msg('io.template-loop', { chain: [...seen, dir].map(displayPath).join(' → ') }), hint: msg('io.template-loop-hint') }]);
  }
  const files = await listFiles(dir, (n) => /\.(hbs|ya?ml|md)$/.test(n));
  const map = new Map<string, string>();
  const origins = new Map<string, string>();
  // A template reads only files inside its own folder, symlinks followed.
  for (const f of files) {
    const name = path.relative(dir, f).split(path.sep).join('/');
    map.set(name, await readInputFile(f, displayPath(f), 'template', dir));
    origins.set(name, displayPath(f));
  }
  const parent = /^extends:\s*["']?([^"'#\s]+)/m.exec(map.get('template.yaml') ?? '')?.[1];
  if (!parent) return { dir: displayPath(dir), files: map, origins };
  let base: TemplateChoice;
  try {
    base = resolveTemplate(path.isAbsolute(parent) || parent.startsWith('.') ? path.resolve(dir, parent) : parent);
  } catch (e) {
    // Name the extends: line that asks for the missing template.
    if (!(e instanceof UsageError)) throw e;
    const line = (map.get('template.yaml') ?? '').split(/\r\n|\r|\n/).findIndex((l) => /^extends:/.test(l)) + 1;
    throw new TemplateError(e.problems.map((p) => ({ ...p, file: origins.get('template.yaml'), line })));
  }
  const inherited = await readTemplateDir(base.dir, [...seen, path.resolve(dir)]);
  // An inherited file keeps its real path for messages.
  return { dir: displayPath(dir), files: new Map([...inherited.files, ...map]), origins: new Map([...(inherited.origins ?? []), ...origins]), parent: inherited };
}

/** A template folder and the folders it extends, nearest first (what watch mode watches). */
export function templateChain(dir: string): string[] {
  const out: string[] = [];
  let d: string | undefined = path.resolve(dir);
  while (d && !out.includes(d)) {
    out.push(d);
    const manifest = path.join(d, 'template.yaml');
    const parent = existsSync(manifest) ? /^extends:\s*["']?([^"'#\s]+)/m.exec(readFileSync(manifest, 'utf8'))?.[1] : undefined;
    try {
      d = parent ? resolveTemplate(path.isAbsolute(parent) || parent.startsWith('.') ? path.resolve(d, parent) : parent).dir : undefined;
    } catch {
      d = undefined; // the build reports the missing parent
    }
  }
  return out;
}

/** Folders that hold templates: ./templates if present, then the package's own. */
export function templateRoots(): string[] {
  const roots = [path.resolve('templates'), path.join(packageRoot, 'templates')];
  return [...new Set(roots)].filter((r) => existsSync(r));
}

export interface TemplateChoice {
  dir: string;
  name: string;
}

/** `--template NAME` (a folder under templates/) or `--template PATH` (any folder). */
export function resolveTemplate(nameOrPath: string): TemplateChoice {
  if (existsSync(path.join(nameOrPath, 'template.yaml'))) return { dir: path.resolve(nameOrPath), name: path.basename(nameOrPath) };
  for (const root of templateRoots()) {
    const dir = path.join(root, nameOrPath);
    if (existsSync(path.join(dir, 'template.yaml'))) return { dir, name: nameOrPath };
  }
  const available = listTemplates().map((t) => t.name);
  throw new UsageError([
    { message: msg('io.template-not-found', { name: nameOrPath }), hint: msg('io.template-not-found-hint', { available: available.length ? available : msg('io.none') }) },
  ]);
}

export interface TemplateSummary {
  name: string;
  dir: string;
  manifestText: string;
}

export function listTemplates(): TemplateSummary[] {
  const seen = new Set<string>();
  const out: TemplateSummary[] = [];
  for (const root of templateRoots()) {
    for (const name of readdirSync(root).sort()) {
      const manifest = path.join(root, name, 'template.yaml');
      if (seen.has(name) || !existsSync(manifest)) continue;
      seen.add(name);
      out.push({ name, dir: path.join(root, name), manifestText: readFileSync(manifest, 'utf8') });
    }
  }
  return out;
}


/** --out may not lead into /proc or /sys (symlinks followed): writing there hangs or means nothing. A usage error, before anything is read. */
export function checkOutDir(outDir: string): void {
  const real = realTarget(outDir);
  const root = pseudoFsRoot(real);
  if (root) throw new UsageError([{ file: displayPath(outDir), message: msg('io.out-pseudo-fs', { target: real, root }), hint: msg('io.out-pseudo-fs-hint') }]);
}

/** Write every file of a build, all or nothing (see commit-outputs.ts). */
/**
 * Write a build's files all or nothing. Files marked toPdf are first converted
 * by one LibreOffice run (a failure leaves the previous outputs untouched);
 * files marked internal were built only for that and are not written.
 */
export async function writeOutputs(
  outDir: string,
  files: Array<OutputFile & { toPdf?: boolean; internal?: boolean }>,
  soffice?: string,
): Promise<Array<{ path: string; bytes: number; format: OutputFile['format'] }>> {
  const toPdf = files.filter((f) => f.toPdf);
  const pdfs: OutputFile[] = toPdf.length ? (await convertToPdf(outDir, toPdf, soffice)).map((p) => ({ format: 'pdf', ...p })) : [];
  // Each PDF right after what it came from, or in the office file's place.
  const ordered = files.flatMap((f) => {
    const i = toPdf.indexOf(f);
    return [...(f.internal ? [] : [f]), ...(i >= 0 ? [pdfs[i]] : [])];
  });
  return commitOutputs(outDir, ordered, displayPath).map((w, i) => ({ ...w, format: ordered[i].format }));
}

export async function readSeedTexts(dir: string): Promise<Map<string, string>> {
  if (!existsSync(dir)) throw new UsageError([{ file: displayPath(dir), message: msg('io.sources-folder-missing'), hint: msg('io.sources-folder-missing-hint') }]);
  if (!statSync(dir).isDirectory()) throw new UsageError([{ file: displayPath(dir), message: msg('io.sources-not-folder'), hint: msg('io.sources-folder-missing-hint') }]);
  const files = await fs.readdir(dir);
  const map = new Map<string, string>();
  for (const f of files.sort()) {
    const full = path.join(dir, f);
    // Subfolders and broken links are not articles; anything else must read as UTF-8.
    const st = await fs.stat(full).catch(() => undefined);
    if (st?.isFile()) map.set(f, await readInputFile(full, displayPath(full), 'sources'));
  }
  return map;
}

/** A data set read from a folder or from git, with a label for messages. */
export interface DataSnapshot {
  /** data, HEAD~1:data … */
  label: string;
  files: TextFile[];
}

/** git runs only for --changes-since: child_process is loaded then, not in every build (about 7 ms). */
async function execGit<E extends 'utf8' | 'buffer'>(args: string[], cwd: string, encoding: E): Promise<E extends 'utf8' ? string : Buffer> {
  const { execFile } = await import('node:child_process');
  const run = promisify(execFile) as (file: string, args: string[], options: object) => Promise<{ stdout: string | Buffer }>;
  return (await run('git', args, { cwd, encoding, maxBuffer: 256 * 1024 * 1024 })).stdout as E extends 'utf8' ? string : Buffer;
}

async function git(args: string[], cwd: string): Promise<string> {
  try {
    return await execGit(args, cwd, 'utf8');
  } catch (e) {
    const err = e as NodeJS.ErrnoException & { stderr?: string };
    if (err.code === 'ENOENT') throw new UsageError([{ message: msg('io.git-missing'), hint: msg('io.git-missing-hint') }]);
    throw Object.assign(new Error((err.stderr ?? err.message).trim().split('\n')[0]), { gitFailed: true });
  }
}

/**
 * The old or new side of `diff` and `--changes-since`: a folder, `REV:PATH`
 * (git's own syntax, e.g. HEAD:data), or a bare revision (HEAD~1, a tag),
 * meaning the data folder `dataDir` as it was at that revision.
 */
export async function readDataSnapshot(spec: string, dataDir: string): Promise<DataSnapshot> {
  if (existsSync(spec) && statSync(spec).isDirectory()) return { label: displayPath(path.resolve(spec)), files: await readDataDir(spec) };
  const colon = /^[A-Za-z]:[\\/]/.test(spec) ? -1 : spec.indexOf(':');
  let cwd = process.cwd();
  let treeSpec: string;
  let label: string;
  if (colon > 0) {
    treeSpec = spec;
    label = spec.replace(/\/+$/, '');
  } else {
    // Run git inside the data folder so `rev:./` names that folder whatever the working directory.
    const dir = path.resolve(dataDir);
    if (existsSync(dir)) cwd = dir;
    const rel = existsSync(dir) ? '' : path.relative(cwd, dir).split(path.sep).join('/');
    treeSpec = `${spec}:./${rel}`;
    label = `${spec}:${displayPath(dir)}`;
  }
  let tree: string;
  try {
    const type = (await git(['cat-file', '-t', treeSpec], cwd)).trim();
    if (type !== 'tree') throw new Error(`${treeSpec}: ${type}`);
    tree = (await git(['rev-parse', treeSpec], cwd)).trim();
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw new UsageError([
      {
        message: msg('io.not-data-revision', { spec, reason: (e as Error).message }),
        hint: msg('io.not-data-revision-hint'),
      },
    ]);
  }
  const names = (await git(['ls-tree', '-r', '-z', '--full-tree', '--name-only', tree], cwd))
    .split('\0')
    .filter((n) => n && /\.ya?ml$/.test(n) && !n.split('/').some((part) => part.startsWith('.')));
  if (!names.length) throw new DataError([{ file: label, message: msg('io.revision-empty') }]);
  const files = await Promise.all(
    names.map(async (n) => {
      const shown = `${label}/${n}`;
      // Bytes, then strict UTF-8: an old GBK file in history is refused like one on disk.
      const bytes = await execGit(['cat-file', 'blob', `${tree}:${n}`], cwd, 'buffer');
      const decoded = decodeUtf8(bytes);
      if (!('text' in decoded)) {
        throw new DataError([{ file: shown, line: decoded.line, message: msg(decoded.utf16 ? 'input.utf16' : 'input.not-utf8'), hint: msg('input.not-utf8-hint') }]);
      }
      return { path: shown, text: decoded.text };
    }),
  );
  return { label, files };
}
