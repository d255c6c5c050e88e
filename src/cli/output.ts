/** Everything the CLI prints goes through here, rendered in the user's language (src/i18n). */
import { ExitCode, formatProblem, StageError, exitCodeTable } from '../errors.js';
import { render, t, type Text, type Params } from '../i18n/index.js';
import type { Warning } from '../model/document.js';

export interface Printer {
  quiet: boolean;
  verbose: boolean;
  json: boolean;
}

/** A line for the user on stdout (not with --quiet or --json). */
export function info(p: Printer, line: Text): void {
  if (!p.quiet && !p.json) process.stdout.write(`${render(line)}\n`);
}

/** `info` for a catalogue message. */
export function say(p: Printer, id: string, params?: Params): void {
  info(p, t(id, params));
}

export function printWarnings(p: Printer, warnings: Warning[]): void {
  if (p.quiet || p.json) return;
  const shown = p.verbose ? warnings : warnings.slice(0, 10);
  for (const w of shown) {
    const where = w.file ? `${w.file}${w.line ? `:${w.line}` : ''}: ` : '';
    process.stderr.write(`${t('cli.warning', { text: `${where}${render(w.message)}` })}\n`);
  }
  if (shown.length < warnings.length) process.stderr.write(`${t('cli.more-warnings', { count: warnings.length - shown.length })}\n`);
}

/** Warnings for --json: the text rendered, the code kept for scripts. */
export function jsonWarnings(warnings: Warning[]): Array<Omit<Warning, 'message'> & { message: string }> {
  return warnings.map((w) => ({ ...w, message: render(w.message) }));
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

export function formatTimings(timings: Record<string, number>): string {
  return Object.entries(timings)
    .map(([k, v]) => `${k} ${Math.round(v)} ms`)
    .join(' · ');
}

/** The one error boundary: print what went wrong, return the exit code. */
export function reportError(e: unknown): number {
  if (e instanceof StageError) {
    const n = e.problems.length;
    process.stderr.write(`gen-report: ${t(`cli.error-heading.${e.stage}`, { count: n })}\n`);
    for (const p of e.problems.slice(0, 50)) process.stderr.write(`  ${formatProblem(p).replace(/\n/g, '\n  ')}\n`);
    if (n > 50) process.stderr.write(`  ${t('cli.more-problems', { count: n - 50 })}\n`);
    return e.exitCode;
  }
  const message = e instanceof Error ? e.message : String(e);
  process.stderr.write(`gen-report: ${t('cli.internal-error', { message })}\n`);
  if (process.env.GEN_REPORT_DEBUG && e instanceof Error) process.stderr.write(`${e.stack}\n`);
  return ExitCode.InternalError;
}

export function exitCodeHelp(): string {
  return [t('cli.exit-codes'), ...exitCodeTable.map(([c, d]) => `  ${c}  ${render(d)}`)].join('\n');
}
