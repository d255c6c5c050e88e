/** A child process's output, collected as it comes, with waits for a line (polling, with a deadline). */
import type { ChildProcess } from 'node:child_process';

export class ChildOutput {
  stdout = '';
  stderr = '';
  constructor(child: ChildProcess) {
    child.stdout!.setEncoding('utf8').on('data', (d: string) => (this.stdout += d));
    child.stderr!.setEncoding('utf8').on('data', (d: string) => (this.stderr += d));
  }
  lines(): string[] {
    return this.stdout.split('\n').filter(Boolean);
  }
  /** The `n`-th stdout line matching `re` (1-based). */
  async nth(re: RegExp, n = 1, timeoutMs = 30_000): Promise<string> {
    return this.waitFor(() => this.lines().filter((l) => re.test(l))[n - 1], `${re} (#${n})`, timeoutMs);
  }
  /** The first stdout line matching `re` at or after line index `from`. */
  async after(re: RegExp, from = 0, timeoutMs = 30_000): Promise<{ text: string; index: number }> {
    return this.waitFor(() => {
      const index = this.lines().findIndex((l, i) => i >= from && re.test(l));
      return index >= 0 ? { text: this.lines()[index], index } : undefined;
    }, `${re} after line ${from}`, timeoutMs);
  }
  private async waitFor<T>(probe: () => T | undefined, what: string, timeoutMs: number): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const hit = probe();
      if (hit !== undefined) return hit;
      if (Date.now() > deadline) throw new Error(`no line ${what} within ${timeoutMs} ms;\nstdout:\n${this.stdout}\nstderr:\n${this.stderr}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}
