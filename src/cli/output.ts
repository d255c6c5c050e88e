/** Everything the CLI prints goes through here. */
import { ExitCode, formatProblem, StageError, exitCodeTable } from '../errors.js';
import type { Warning } from '../model/document.js';

export interface Printer {
  quiet: boolean;
  verbose: boolean;
  json: boolean;
}

export function info(p: Printer, line: string): void {
  if (!p.quiet && !p.json) process.stdout.write(`${line}\n`);
}

export function printWarnings(p: Printer, warnings: Warning[]): void {
  if (p.quiet || p.json) return;
  const shown = p.verbose ? warnings : warnings.slice(0, 10);
  for (const w of shown) {
    const where = w.file ? `${w.file}${w.line ? `:${w.line}` : ''}: ` : '';
    process.stderr.write(`warning: ${where}${w.message}\n`);
  }
  if (shown.length < warnings.length) process.stderr.write(`(${warnings.length - shown.length} more warnings; --verbose shows all)\n`);
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

export function formatTimings(t: Record<string, number>): string {
  return Object.entries(t)
    .map(([k, v]) => `${k} ${Math.round(v)} ms`)
    .join(' · ');
}

/** The one error boundary: print what went wrong, return the exit code. */
export function reportError(e: unknown): number {
  if (e instanceof StageError) {
    const n = e.problems.length;
    process.stderr.write(`gen-report: ${e.stage} error${n > 1 ? `s (${n})` : ''}\n`);
    for (const p of e.problems.slice(0, 50)) process.stderr.write(`  ${formatProblem(p).replace(/\n/g, '\n  ')}\n`);
    if (n > 50) process.stderr.write(`  … and ${n - 50} more\n`);
    return e.exitCode;
  }
  const message = e instanceof Error ? e.message : String(e);
  process.stderr.write(`gen-report: internal error: ${message}\n  This is a bug in gen-report; set GEN_REPORT_DEBUG=1 for a stack trace and report it.\n`);
  if (process.env.GEN_REPORT_DEBUG && e instanceof Error) process.stderr.write(`${e.stack}\n`);
  return ExitCode.InternalError;
}

export function exitCodeHelp(): string {
  return ['Exit codes:', ...exitCodeTable.map(([c, d]) => `  ${c}  ${d}`)].join('\n');
}
