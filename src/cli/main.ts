#!/usr/bin/env node
/**
 * gen-report's command line: a thin layer over the library. Parses
 * arguments, calls a command, and is the one place that prints errors and
 * sets the exit code.
 */
import yargs, { type Argv } from 'yargs';
import { hideBin } from 'yargs/helpers';
import { ExitCode, UsageError } from '../errors.js';
import { exitCodeHelp, reportError } from './output.js';
import { runBuild } from './commands/build.js';
import { runValidate } from './commands/validate.js';
import { runList } from './commands/list.js';
import { runCheckSources } from './commands/check-sources.js';
import { runDiff } from './commands/diff.js';
import { runWatch } from './commands/watch.js';

type Handler = (argv: Record<string, unknown>) => Promise<number>;

const common = (y: Argv) =>
  y
    .option('data', { type: 'string', default: './data', describe: 'Folder of YAML fact files' })
    .option('quiet', { type: 'boolean', default: false, describe: 'Print nothing but errors' })
    .option('verbose', { type: 'boolean', default: false, describe: 'Print every warning' })
    .option('json', { type: 'boolean', default: false, describe: 'Print a machine-readable summary' });

const asOfOption = { type: 'string', describe: 'Only facts known by this date (YYYY-MM or YYYY-MM-DD)' } as const;

/** Options shared by build and watch. */
const buildOptions = (y: Argv) =>
  common(y)
    .option('format', { type: 'string', array: true, default: ['pptx'], describe: 'pptx, docx, md or all (repeatable)' })
    .option('template', { type: 'string', describe: 'Template NAME (under templates/) or DIR' })
    .option('out', { type: 'string', default: './output', describe: 'Output folder' })
    .option('as-of', asOfOption)
    .option('changes-since', {
      type: 'string',
      describe: 'Add a 本次更新 slide / section listing the changes since OLD: a data folder, a git revision (HEAD~1: the --data folder then) or REV:PATH',
    })
    .option('cache', { type: 'boolean', default: true, describe: 'Keep rendered charts in OUT/.cache/charts and redraw only changed ones (--no-cache: draw all)' });

export async function main(argv: string[]): Promise<number> {
  let exitCode: number = ExitCode.Success;
  const run = (handler: Handler) => async (args: Record<string, unknown>) => {
    exitCode = await handler(args);
  };
  let usageError: string | undefined;
  const parser = yargs(argv)
    .scriptName('gen-report')
    .usage('$0 [command] [options]\n\nQingdao industrial-internet briefing decks (PPTX) and reports (DOCX) from a source-cited fact base.')
    .command(
      ['build', '$0'],
      'Render the briefing (default command)',
      (y) =>
        buildOptions(y)
          .example('$0 --format pptx', 'the default deck into ./output')
          .example('$0 --format all --as-of 2024-06', 'deck, report and Markdown as known in June 2024')
          .example('$0 --format docx --template qingdao-report-gbt', 'the report in GB/T 9704 layout')
          .example('$0 --format all --changes-since HEAD~1', 'with a 本次更新 slide / section: what changed since the last commit'),
      run((a) => runBuild(a as never)),
    )
    .command(
      'watch',
      'Build, then rebuild whenever the data or template files change (Ctrl+C to stop)',
      (y) => buildOptions(y).example('$0 watch --format pptx --format docx', 'rebuild deck and report on every save'),
      run((a) => runWatch(a as never)),
    )
    .command(
      'diff <old> [new]',
      'List the fact-level changes from OLD to NEW (data folders or git revisions; NEW defaults to --data). Exits 0 with or without changes',
      (y) =>
        common(y)
          .positional('old', { type: 'string', demandOption: true, describe: 'folder, git revision (the --data folder then) or REV:PATH' })
          .positional('new', { type: 'string', describe: 'the same; default: the --data folder' })
          .option('as-of', asOfOption)
          .example('$0 diff HEAD~1', 'what changed in ./data since the last commit')
          .example('$0 diff HEAD~3:data HEAD:data --json', 'between two commits, as JSON'),
      run((a) => runDiff(a as never)),
    )
    .command(
      'validate',
      'Check data and templates without writing anything',
      (y) => common(y).option('template', { type: 'string', describe: 'Only this template' }).option('as-of', asOfOption),
      run((a) => runValidate(a as never)),
    )
    .command(
      'list [what]',
      'List templates, facts and charts',
      (y) => common(y).positional('what', { choices: ['all', 'templates', 'facts', 'charts'] as const, default: 'all' as const }),
      run((a) => runList(a as never)),
    )
    .command(
      'check-sources <dir>',
      'Check that every printed figure appears in its source text in DIR',
      (y) => common(y).positional('dir', { type: 'string', demandOption: true }),
      run((a) => runCheckSources(a as never)),
    )
    .epilog(`${exitCodeHelp()}\n\nSOURCE_DATE_EPOCH, when set, fixes every timestamp in the output files.`)
    .strict()
    .help()
    .alias('h', 'help')
    .version()
    .wrap(Math.min(110, process.stdout.columns || 100))
    .exitProcess(false)
    .fail((msg, err) => {
      if (err) throw err;
      usageError = msg;
    });
  try {
    await parser.parseAsync();
  } catch (e) {
    return reportError(e);
  }
  if (usageError) return reportError(new UsageError([{ message: usageError, hint: 'run gen-report --help' }]));
  return exitCode;
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
