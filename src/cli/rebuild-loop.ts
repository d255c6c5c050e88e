/**
 * The loop `watch` and `preview` share: build once, then rebuild whenever a
 * relevant file under the watched folders changes (debounced, one build at a
 * time), until Ctrl+C. Signals are taken from the start, so Ctrl+C during a
 * build lets it finish (and its atomic write land) before the command stops.
 */
import { t } from '../i18n/index.js';
import { displayPath } from './io.js';
import { TreeWatcher } from './watcher.js';

export const DEBOUNCE_MS = 150;
/** Files whose change matters; editors' swap and backup files (and vim's 4913 probe) do not. */
export const RELEVANT = /\.(ya?ml|hbs|md)$/;

export interface RebuildLoop {
  /** Folders to watch (absolute). */
  dirs: string[];
  /** One build; it reports its own failures (only the first build may throw, ending the command). */
  rebuild: (changed: string[]) => Promise<void>;
  /** Changed files to leave alone (say, our own output inside a watched folder). */
  ignore?: (file: string) => boolean;
  /** After the first build, once the folders are watched. */
  watching?: () => void;
  /** On Ctrl+C, after any build in progress has finished. */
  stopped: () => void | Promise<void>;
}

export async function runRebuildLoop(loop: RebuildLoop): Promise<number> {
  let stopRequested = false;
  const early = () => (stopRequested = true);
  process.on('SIGINT', early);
  process.on('SIGTERM', early);
  try {
    await loop.rebuild([]);
  } finally {
    process.off('SIGINT', early);
    process.off('SIGTERM', early);
  }
  if (stopRequested) {
    await loop.stopped();
    return 0;
  }

  return new Promise<number>((resolve) => {
    const pending = new Set<string>();
    let timer: NodeJS.Timeout | undefined;
    let running: Promise<void> | undefined;
    let stopping = false;

    const run = () => {
      timer = undefined;
      if (running || stopping) return; // the running build re-checks `pending` when it ends
      const changed = [...pending].sort();
      pending.clear();
      running = loop.rebuild(changed).finally(() => {
        running = undefined;
        if (pending.size && !stopping) timer = setTimeout(run, DEBOUNCE_MS);
      });
    };
    const onChange = (file: string) => {
      // A watched folder itself replaced or removed counts as a change of everything in it.
      if (!RELEVANT.test(file) && !loop.dirs.includes(file)) return;
      if (loop.ignore?.(file)) return;
      pending.add(displayPath(file));
      clearTimeout(timer);
      timer = setTimeout(run, DEBOUNCE_MS);
    };
    const watcher = new TreeWatcher(onChange, (dir, e) => process.stderr.write(`gen-report: ${t('cli.watch.cannot-watch', { dir: displayPath(dir), reason: e.message })}\n`));
    for (const dir of loop.dirs) watcher.add(dir);
    loop.watching?.();

    const stop = () => {
      if (stopping) return;
      stopping = true;
      clearTimeout(timer);
      watcher.close();
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      void Promise.resolve(running)
        .then(() => loop.stopped())
        .then(() => resolve(0));
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
