/**
 * Watch every folder under some roots for file changes. One plain (non-
 * recursive) fs.watch per folder: inotify on Linux, FSEvents/ReadDirectoryChanges
 * elsewhere. Node 20's `recursive: true` on Linux misses edits after a file is
 * replaced by rename (how sed -i and many editors save) and keeps the process
 * alive after close, so it is not used.
 *
 * A watch follows a folder's inode, not its name: when a root is replaced
 * (rm -r data && mv data.new data, a sync tool, a git checkout) the old
 * watches see nothing more. So each root's parent is watched too, and every
 * folder is re-checked on any rename: a folder gone or replaced (other inode)
 * is forgotten and the one now at its path watched.
 */
import { readdirSync, statSync, watch, type FSWatcher } from 'node:fs';
import path from 'node:path';

interface Watched {
  watcher: FSWatcher;
  /** Identity of the folder watched (device and inode), to tell a replaced folder. */
  id: string;
}

export class TreeWatcher {
  private readonly watchers = new Map<string, Watched>();
  private readonly parents = new Map<string, FSWatcher>();
  private readonly roots = new Set<string>();

  constructor(
    private readonly onChange: (file: string) => void,
    private readonly onError: (dir: string, e: Error) => void,
  ) {}

  add(root: string): void {
    const r = path.resolve(root);
    this.roots.add(r);
    this.watchParent(r);
    this.scan(r);
  }

  get folders(): number {
    return this.watchers.size;
  }

  close(): void {
    for (const w of this.watchers.values()) w.watcher.close();
    for (const w of this.parents.values()) w.close();
    this.watchers.clear();
    this.parents.clear();
  }

  /** The parent reports a root created, removed or renamed (the root's own watch cannot). */
  private watchParent(root: string): void {
    const parent = path.dirname(root);
    if (parent === root || this.parents.has(parent)) return;
    try {
      const w = watch(parent, (_event, name) => {
        const file = name ? path.join(parent, name.toString()) : undefined;
        const roots = file ? (this.roots.has(file) ? [file] : []) : [...this.roots].filter((r) => path.dirname(r) === parent);
        if (roots.length === 0) return;
        this.refresh();
        for (const r of roots) this.onChange(r);
      });
      w.on('error', () => {
        w.close();
        this.parents.delete(parent);
      });
      this.parents.set(parent, w);
    } catch {
      // An unwatchable parent (permissions): the root's own watch still sees edits inside it.
    }
  }

  private scan(dir: string): void {
    if (!this.watchers.has(dir)) {
      const id = identity(dir);
      if (id === undefined) return;
      try {
        const w = watch(dir, (event, name) => {
          const file = name ? path.join(dir, name.toString()) : dir;
          // A folder created, moved or deleted: watch (or forget) it.
          if (event === 'rename') this.refresh();
          this.onChange(file);
        });
        w.on('error', (e) => {
          this.forget(dir);
          this.onError(dir, e);
        });
        this.watchers.set(dir, { watcher: w, id });
      } catch (e) {
        this.onError(dir, e as Error);
        return;
      }
    }
    let entries: string[] = [];
    try {
      entries = readdirSync(dir);
    } catch {
      return;
    }
    for (const name of entries) {
      if (name.startsWith('.')) continue;
      const full = path.join(dir, name);
      if (identity(full) !== undefined) this.scan(full);
    }
  }

  /** Forget folders gone or replaced; watch what is now at the roots' paths. */
  private refresh(): void {
    for (const [dir, w] of [...this.watchers]) if (identity(dir) !== w.id) this.forget(dir);
    for (const r of this.roots) this.scan(r);
  }

  private forget(dir: string): void {
    this.watchers.get(dir)?.watcher.close();
    this.watchers.delete(dir);
  }
}

/** Device and inode of a folder; undefined when `p` is not a folder (or is gone). */
function identity(p: string): string | undefined {
  try {
    const st = statSync(p);
    return st.isDirectory() ? `${st.dev}:${st.ino}` : undefined;
  } catch {
    return undefined;
  }
}
