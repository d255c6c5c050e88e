/**
 * The kernel's pseudo file systems (/proc, /sys): a read there may never end
 * (or return another process's secrets) and a write means nothing, so inputs
 * and --out resolving there are refused. Paths are judged after following
 * symlinks, so /proc/self/cwd/out (a link to a real folder) is fine.
 */
import { existsSync, realpathSync } from 'node:fs';
import path from 'node:path';

const PSEUDO_ROOTS = ['/proc', '/sys'];

/** The pseudo file system a real (symlink-free) path lies in, if any. */
export function pseudoFsRoot(realPath: string): string | undefined {
  if (process.platform === 'win32') return undefined;
  return PSEUDO_ROOTS.find((r) => realPath === r || realPath.startsWith(`${r}/`));
}

/** Where `p` really is: its nearest existing ancestor with symlinks resolved, plus the rest of the path. */
export function realTarget(p: string): string {
  let dir = path.resolve(p);
  const rest: string[] = [];
  while (!existsSync(dir)) {
    const parent = path.dirname(dir);
    if (parent === dir) break;
    rest.unshift(path.basename(dir));
    dir = parent;
  }
  try {
    return path.join(realpathSync(dir), ...rest);
  } catch {
    return path.resolve(p);
  }
}
