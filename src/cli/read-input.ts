/**
 * Reading one input file the safe way: symlinks resolved (a template file must
 * stay inside its folder), only regular files (a device or pipe would hang or
 * never end), and only UTF-8 text (GBK would silently become mojibake). Every
 * refusal is a stage error naming the file, never a crash.
 */
import { constants as fsConstants, promises as fs } from 'node:fs';
import path from 'node:path';
import { DataError, TemplateError, type StageError } from '../errors.js';
import { msg, type Message } from '../i18n/index.js';
import { LIMITS } from '../limits.js';
import { pseudoFsRoot } from './pseudo-fs.js';

const megabytes = (n: number) => Math.round((n / 1024 / 1024) * 10) / 10;

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
  const pseudo = pseudoFsRoot(real);
  if (pseudo) throw errorFor(kind, shown, msg('input.pseudo-fs', { target: real, root: pseudo }), msg('input.not-regular-file-hint'));
  const max = kind === 'template' ? LIMITS.templateFileBytes : LIMITS.dataFileBytes;
  let bytes: Buffer;
  let handle: fs.FileHandle | undefined;
  try {
    // Non-blocking open: a file swapped for a pipe after realpath still cannot make the open wait.
    handle = await fs.open(real, fsConstants.O_RDONLY | (fsConstants.O_NONBLOCK ?? 0));
    const st = await handle.stat();
    if (!st.isFile()) throw errorFor(kind, shown, msg('input.not-regular-file'), msg('input.not-regular-file-hint'));
    if (st.size > max) throw errorFor(kind, shown, msg('input.too-large', { size: megabytes(st.size), max: megabytes(max) }), msg('input.too-large-hint'));
    // Read what stat promised and no more, whatever the file does meanwhile.
    bytes = Buffer.alloc(st.size);
    let got = 0;
    while (got < st.size) {
      const { bytesRead } = await handle.read(bytes, got, st.size - got, got);
      if (bytesRead === 0) break;
      got += bytesRead;
    }
    bytes = bytes.subarray(0, got);
  } catch (e) {
    if (e instanceof DataError || e instanceof TemplateError) throw e;
    const p = openProblem(e);
    throw errorFor(kind, shown, p.message, p.hint);
  } finally {
    await handle?.close();
  }
  const decoded = decodeUtf8(bytes);
  if ('text' in decoded) return decoded.text;
  throw errorFor(kind, shown, msg(decoded.utf16 ? 'input.utf16' : 'input.not-utf8'), msg('input.not-utf8-hint'), decoded.line);
}
