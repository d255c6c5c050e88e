#!/usr/bin/env node
/**
 * gen-report's command line: a thin layer over the library. Parses every
 * argument first (nothing is read or written before the whole command line
 * is known to be right), then calls a command; the one place that prints
 * errors and sets the exit code. Commands are imported only when run
 * (commands/index.ts), so `--help` and `--version` start fast.
 */
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Argv } from 'yargs';
import type { Handler } from './commands/index.js';

/** `gen-report --version` alone: answered before yargs or any message catalogue loads. */
function versionOnly(argv: string[]): string | undefined {
  if (argv.length !== 1 || argv[0] !== '--version') return undefined;
  return (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
}

export async function main(argv: string[], env: Record<string, string | undefined> = process.env): Promise<number> {
  const version = versionOnly(argv);
  if (version !== undefined) {
    process.stdout.write(`${version}\n`);
    return 0;
  }
  // Loaded together, and only the command that runs loads more (commands/index.ts).
  const [{ default: yargs }, { ExitCode, UsageError }, { setLanguage, t }, { chooseLanguage }, { exitCodeHelp, reportError }, { commandOptions, usageHint }, { commandRegistry }] =
    await Promise.all([import('yargs'), import('../errors.js'), import('../i18n/index.js'), import('./language.js'), import('./output.js'), import('./args.js'), import('./commands/index.js')]);
  const lang = chooseLanguage(argv, env);
  setLanguage(lang);
  const options = commandOptions();
  // Handlers only record what to run: the command starts after the whole line parsed cleanly.
  let chosen: { load: () => Promise<Handler>; args: Record<string, unknown> } | undefined;
  let usageError: string | undefined;
  let parser: Argv = yargs(argv)
    .locale(lang === 'en' ? 'en' : 'zh_CN')
    .updateLocale((lang === 'en' ? {} : yargsChinese(t)) as Record<string, string>)
    .scriptName('gen-report')
    .usage(`$0 [${t('cli.usage.command')}] [${t('cli.usage.options')}]\n\n${t('cli.usage.about')}`);
  for (const c of commandRegistry) {
    parser = parser.command(
      c.usage ?? c.name,
      t(`cli.cmd.${c.name}`),
      (y) => {
        const withOptions = y.options(options[c.name] ?? {});
        return c.setup ? c.setup(withOptions) : withOptions;
      },
      (args) => {
        chosen = { load: c.load, args };
      },
    );
  }
  parser = parser
    .epilog(`${exitCodeHelp()}\n\n${t('cli.epilog.source-date-epoch')}`)
    .strict()
    .help()
    .alias('h', 'help')
    .version()
    .wrap(Math.min(110, process.stdout.columns || 100))
    .exitProcess(false)
    .fail((message, err) => {
      // yargs' own errors (say, an option given without its value) are usage errors too.
      if (err && err.name !== 'YError') throw err;
      usageError = message || err?.message || '';
    });
  try {
    await parser.parseAsync();
  } catch (e) {
    return reportError(e);
  }
  if (usageError !== undefined) return reportError(new UsageError([{ message: usageError, hint: usageHint(argv) }]));
  if (!chosen) return ExitCode.Success; // --help or --version
  try {
    const handler = await chosen.load();
    return await handler(chosen.args);
  } catch (e) {
    return reportError(e);
  }
}

/** Plainer Chinese than yargs' own zh_CN for the messages our users meet most. */
function yargsChinese(t: (id: string) => string): Record<string, string | { one: string; other: string }> {
  const both = (id: string) => ({ one: t(id), other: t(id) });
  return {
    'Unknown argument: %s': both('cli.yargs.unknown-argument'),
    'Not enough arguments following: %s': t('cli.yargs.missing-value'),
    'Not enough non-option arguments: got %s, need at least %s': both('cli.yargs.missing-positional'),
    'Too many non-option arguments: got %s, maximum of %s': both('cli.yargs.too-many-positionals'),
    'Missing required argument: %s': both('cli.yargs.missing-required'),
    'Positionals:': t('cli.yargs.positionals'),
  };
}

// `gen-report list | head` closes the pipe early: stop quietly, not with a crash.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});

/**
 * This file run as the program itself, not through bin/gen-report.cjs: an npx
 * bin link made before the bin existed still points here (npx never renews
 * it). The bin runs the bundle with its code cache, about 300 ms sooner, so
 * this hands over to it when there is a bundle. Inside the bundle, under the
 * bin, or with GEN_REPORT_MODULES=1 (tests of the modules themselves), this
 * file runs as it is.
 */
function handedOverToBin(): boolean {
  if (process.env.GEN_REPORT_MODULES === '1' || !process.argv[1]) return false;
  try {
    if (realpathSync(process.argv[1]) !== fileURLToPath(import.meta.url)) return false;
  } catch {
    return false;
  }
  const bin = fileURLToPath(new URL('../../bin/gen-report.cjs', import.meta.url));
  if (!existsSync(bin) || !existsSync(fileURLToPath(new URL('../bundle/gen-report.js', import.meta.url)))) return false;
  createRequire(import.meta.url)(bin);
  return true;
}

if (!handedOverToBin()) runMain();

function runMain(): void {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    async (e) => {
      process.exitCode = (await import('./output.js')).reportError(e);
    },
  );
}
