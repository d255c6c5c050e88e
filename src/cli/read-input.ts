/**
 * Reading one input file the safe way: symlinks resolved (a template file must
 * stay inside its folder), only regular files (a device or pipe would hang or
 * never end), and only UTF-8 text (GBK would silently become mojibake). Every
 * refusal is a stage error naming the file, never a crash.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { DataError, TemplateError, type StageError } from '../errors.js';
import { msg, type Message } from '../i18n/index.js';

export type InputKind = 'data' | 'template' | 'sources';

/** Is `p` (already real) inside folder `root` (already real)? */
export function isInside(p: string, root: string): boolean {
  const rel = path.relative(root, p);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

function errorFor(kind: InputKind, file: string, message: Message, hint?: Message, line?: number): StageError {
  const problem = { file, line, message, hint };
  return kind === 'template' ? new TemplateError([problem]) : new DataError([problem]);
}

/** Why a file could not be opened, for the user. */
function openProblem(e: unknown): { message: Message; hint?: Message } {
  switch ((e as NodeJS.ErrnoException).code) {
    case 'ELOOP':
      return { message: msg('input.symlink-loop'), hint: msg('input.symlink-hint') };
    case 'ENOENT':
      return { message: msg('input.dangling-symlink'), hint: msg('input.symlink-hint') };
    case 'EACCES':
    case 'EPERM':
      return { message: msg('input.unreadable'), hint: msg('input.unreadable-hint') };
    default:
      return { message: msg('input.cannot-open', { reason: String((e as Error).message ?? e) }) };
  }
}

/**
 * Decode UTF-8 strictly. A UTF-8 byte-order mark is dropped; UTF-16 and
 * invalid bytes (GBK, Big5, Latin-1) are refused with the line they are on.
 */
export function decodeUtf8(bytes: Uint8Array): { text: string } | { line: number; utf16?: boolean } {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return { line: 1, utf16: true };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    const decoder = new TextDecoder('utf-8', { fatal: false });
    const text = decoder.decode(bytes);
    const bad = text.indexOf('\uFFFD');
    const line = bad < 0 ? 1 : text.slice(0, bad).split('\n').length;
    return { line };
  }
}

/**
 * Read an input file as UTF-8 text. `root`, when given, is the folder the file
 * must stay in after following symlinks (templates and their partials).
 */
export async function readInputFile(file: string, shown: string, kind: InputKind, root?: string): Promise<string> {
  let real: string;
  try {
    real = await fs.realpath(file);
  } catch (e) {
    const p = openProblem(e);
    throw errorFor(kind, shown, p.message, p.hint);
  }
  if (root !== undefined) {
    const realRoot = await fs.realpath(root);
    if (!isInside(real, realRoot)) throw errorFor(kind, shown, msg('input.outside-folder', { target: real }), msg('input.outside-folder-hint'));
  }
  let bytes: Buffer;
  try {
    const st = await fs.stat(real);
    if (!st.isFile()) throw errorFor(kind, shown, msg('input.not-regular-file'), msg('input.not-regular-file-hint'));
    bytes = await fs.readFile(real);
  } catch (e) {
    if (e instanceof DataError || e instanceof TemplateError) throw e;
    const p = openProblem(e);
    throw errorFor(kind, shown, p.message, p.hint);
  }
  const decoded = decodeUtf8(bytes);
  if ('text' in decoded) return decoded.text;
  throw errorFor(kind, shown, msg(decoded.utf16 ? 'input.utf16' : 'input.not-utf8'), msg('input.not-utf8-hint'), decoded.line);
}
