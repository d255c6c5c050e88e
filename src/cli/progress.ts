/**
 * Stage-by-stage progress on stderr for a build that takes over a second on a
 * terminal. Nothing when stderr is not a TTY, or with --quiet or --json.
 */
import { t } from '../i18n/index.js';
import type { Printer } from './output.js';

const DELAY_MS = 1000;

export class Progress {
  private readonly enabled: boolean;
  private readonly started = Date.now();
  private current = '';
  private shown = false;
  private timer: NodeJS.Timeout | undefined;

  constructor(p: Printer, stream: NodeJS.WriteStream = process.stderr) {
    this.stream = stream;
    this.enabled = Boolean(stream.isTTY) && !p.quiet && !p.json;
    if (this.enabled) {
      this.timer = setTimeout(() => this.show(), DELAY_MS);
      this.timer.unref();
    }
  }

  private readonly stream: NodeJS.WriteStream;

  stage(name: string): void {
    if (!this.enabled || name === this.current) return;
    this.current = name;
    if (Date.now() - this.started >= DELAY_MS) this.show();
  }

  private show(): void {
    if (!this.current) return;
    this.shown = true;
    this.stream.write(`\r\x1b[K${t('cli.progress', { stage: t(`cli.stage.${this.current}`) })}`);
  }

  /** Clear the progress line, so what follows starts on a clean line. */
  done(): void {
    clearTimeout(this.timer);
    if (this.shown) this.stream.write('\r\x1b[K');
    this.shown = false;
    this.current = '';
  }
}
