/**
 * Watch every folder under some roots for file changes. One plain (non-
 * recursive) fs.watch per folder: inotify on Linux, FSEvents/ReadDirectoryChanges
 * elsewhere. Node 20's `recursive: true` on Linux misses edits after a file is
 * replaced by rename (how sed -i and many editors save) and keeps the process
 * alive after close, so it is not used.
 */
import { existsSync, readdirSync, statSync, watch, type FSWatcher } from 'node:fs';
import path from 'node:path';

export class TreeWatcher {
  private readonly watchers = new Map<string, FSWatcher>();

  constructor(
    private readonly onChange: (file: string) => void,
    private readonly onError: (dir: string, e: Error) => void,
  ) {}

  add(root: string): void {
    this.scan(path.resolve(root));
  }

  get folders(): number {
    return this.watchers.size;
  }

  close(): void {
    for (const w of this.watchers.values()) w.close();
    this.watchers.clear();
  }

  private scan(dir: string): void {
    if (!this.watchers.has(dir)) {
      try {
        const w = watch(dir, (event, name) => {
          const file = name ? path.join(dir, name.toString()) : dir;
          // A folder created, moved or deleted: watch (or forget) it.
          if (event === 'rename') this.refresh(file);
          this.onChange(file);
        });
        w.on('error', (e) => {
          this.forget(dir);
          this.onError(dir, e);
        });
        this.watchers.set(dir, w);
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
      if (isDir(full)) this.scan(full);
    }
  }

  private refresh(file: string): void {
    if (isDir(file)) this.scan(file);
    for (const dir of [...this.watchers.keys()]) if (!existsSync(dir)) this.forget(dir);
  }

  private forget(dir: string): void {
    this.watchers.get(dir)?.close();
    this.watchers.delete(dir);
  }
}

function isDir(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}
