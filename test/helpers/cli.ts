/** Run the command as users do (bin/gen-report.cjs: the bundle `npm test`'s build step makes) as a subprocess. */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { repoRoot } from './fixtures.js';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}): CliResult {
  const r = spawnSync(process.execPath, [path.join(repoRoot, 'bin/gen-report.cjs'), ...args], {
    cwd: options.cwd ?? repoRoot,
    // The machine's locale must not choose the language: Chinese unless a test asks otherwise.
    env: { ...process.env, LC_ALL: '', LC_MESSAGES: '', LANG: '', ...options.env },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** No stack trace may reach the user. */
export function hasStackTrace(text: string): boolean {
  return /^\s+at .+:\d+:\d+\)?$/m.test(text);
}
