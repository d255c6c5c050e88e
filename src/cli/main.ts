#!/usr/bin/env node
/**
 * gen-report's command line: a thin layer over the library. Parses every
 * argument first (nothing is read or written before the whole command line
 * is known to be right), then calls a command; the one place that prints
 * errors and sets the exit code. Commands are imported only when run, so
 * `--help` and `--version` start fast.
 */
import yargs, { type Argv } from 'yargs';
import { hideBin } from 'yargs/helpers';
import { ExitCode, UsageError } from '../errors.js';
import { setLanguage, t } from '../i18n/index.js';
import { chooseLanguage } from './language.js';
import { exitCodeHelp, reportError } from './output.js';
import { commandOptions, usageHint } from './args.js';

type Handler = (argv: Record<string, unknown>) => Promise<number>;

const withOptions = (y: Argv, command: string) => y.options(commandOptions()[command]);

export async function main(argv: string[], env: Record<string, string | undefined> = process.env): Promise<number> {
  const lang = chooseLanguage(argv, env);
  setLanguage(lang);
  // Handlers only record what to run: the command starts after the whole line parsed cleanly.
  let chosen: { handler: () => Promise<Handler>; args: Record<string, unknown> } | undefined;
  const later = (handler: () => Promise<Handler>) => (args: Record<string, unknown>) => {
    chosen = { handler, args };
  };
  let usageError: string | undefined;
  const parser = yargs(argv)
    .locale(lang === 'en' ? 'en' : 'zh_CN')
    .updateLocale((lang === 'en' ? {} : yargsChinese()) as Record<string, string>)
    .scriptName('gen-report')
    .usage(`$0 [${t('cli.usage.command')}] [${t('cli.usage.options')}]\n\n${t('cli.usage.about')}`)
    .command(
      ['build', '$0'],
      t('cli.cmd.build'),
      (y) =>
        withOptions(y, 'build')
          .example('$0 --format pptx', t('cli.example.pptx'))
          .example('$0 --format all --as-of 2024-06', t('cli.example.all-as-of'))
          .example('$0 --format docx --template qingdao-report-gbt', t('cli.example.gbt'))
          .example('$0 --format all --changes-since HEAD~1', t('cli.example.changes-since')),
      later(async () => (await import('./commands/build.js')).runBuild as unknown as unknown as Handler),
    )
    .command(
      'watch',
      t('cli.cmd.watch'),
      (y) => withOptions(y, 'watch').example('$0 watch --format pptx --format docx', t('cli.example.watch')),
      later(async () => (await import('./commands/watch.js')).runWatch as unknown as unknown as Handler),
    )
    .command(
      'diff <old> [new]',
      t('cli.cmd.diff'),
      (y) =>
        withOptions(y, 'diff')
          .positional('old', { type: 'string', demandOption: true, describe: t('cli.pos.diff-old') })
          .positional('new', { type: 'string', describe: t('cli.pos.diff-new') })
          .example('$0 diff HEAD~1', t('cli.example.diff-head'))
          .example('$0 diff HEAD~3:data HEAD:data --json', t('cli.example.diff-json')),
      later(async () => (await import('./commands/diff.js')).runDiff as unknown as unknown as Handler),
    )
    .command(
      'validate',
      t('cli.cmd.validate'),
      (y) => withOptions(y, 'validate'),
      later(async () => (await import('./commands/validate.js')).runValidate as unknown as unknown as Handler),
    )
    .command(
      'list [what]',
      t('cli.cmd.list'),
      (y) => withOptions(y, 'list').positional('what', { choices: ['all', 'templates', 'facts', 'charts'] as const, default: 'all' as const, describe: t('cli.pos.list-what') }),
      later(async () => (await import('./commands/list.js')).runList as unknown as unknown as Handler),
    )
    .command(
      'check-sources [dir]',
      t('cli.cmd.check-sources'),
      (y) => withOptions(y, 'check-sources').positional('dir', { type: 'string', describe: t('cli.pos.check-sources-dir') }),
      later(async () => (await import('./commands/check-sources.js')).runCheckSources as unknown as unknown as Handler),
    )
    .command(
      'paragraphs <file>',
      t('cli.cmd.paragraphs'),
      (y) => withOptions(y, 'paragraphs').positional('file', { type: 'string', demandOption: true, describe: t('cli.pos.article-file') }).example('$0 paragraphs ../shared/seeds/005_new.txt', t('cli.example.paragraphs')),
      later(async () => (await import('./commands/paragraphs.js')).runParagraphs as unknown as Handler),
    )
    .command(
      'extract <file>',
      t('cli.cmd.extract'),
      (y) =>
        withOptions(y, 'extract')
          .positional('file', { type: 'string', demandOption: true, describe: t('cli.pos.article-file') })
          .example('$0 extract ../shared/seeds/005_new.txt --source qdrb-2026-05-new', t('cli.example.extract'))
          .example('$0 extract ../shared/seeds/005_new.txt --source qdrb-2026-05-new --yaml > proposals.yaml', t('cli.example.extract-yaml')),
      later(async () => (await import('./commands/extract.js')).runExtract as unknown as Handler),
    )
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
    const handler = await chosen.handler();
    return await handler(chosen.args);
  } catch (e) {
    return reportError(e);
  }
}

/** Plainer Chinese than yargs' own zh_CN for the messages our users meet most. */
function yargsChinese(): Record<string, string | { one: string; other: string }> {
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

main(hideBin(process.argv)).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    process.exitCode = reportError(e);
  },
);
