/**
 * Every command the CLI knows, as data. A command's module is imported only
 * when it runs, so `--help` never loads a writer and a pptx build never loads
 * another command. Adding a command is one entry here, its options in
 * `../args.ts` and its `cli.cmd.<name>` message.
 */
import type { Argv } from 'yargs';
import { t } from '../../i18n/index.js';

export type Handler = (argv: Record<string, unknown>) => Promise<number>;

export interface CommandEntry {
  /** The name, also the key of its options in `commandOptions()` and of its `cli.cmd.<name>` message. */
  name: string;
  /** yargs command strings (positionals, `$0` for the default); default: the name. */
  usage?: string | string[];
  /** Positionals and examples, when the command has any. */
  setup?: (y: Argv) => Argv;
  /** Imports the command's module and returns its handler. */
  load: () => Promise<Handler>;
}

/** A command module's exported run function as the handler main.ts calls. */
const handler = (run: unknown) => run as Handler;

export const commandRegistry: CommandEntry[] = [
  {
    name: 'build',
    usage: ['build', '$0'],
    setup: (y) =>
      y
        .example('$0 --format pptx', t('cli.example.pptx'))
        .example('$0 --format all --as-of 2024-06', t('cli.example.all-as-of'))
        .example('$0 --format docx --template qingdao-report-gbt', t('cli.example.gbt'))
        .example('$0 --format all --changes-since HEAD~1', t('cli.example.changes-since')),
    load: async () => handler((await import('./build.js')).runBuild),
  },
  {
    name: 'watch',
    setup: (y) => y.example('$0 watch --format pptx --format docx', t('cli.example.watch')),
    load: async () => handler((await import('./watch.js')).runWatch),
  },
  {
    name: 'preview',
    setup: (y) => y.example('$0 preview', t('cli.example.preview')),
    load: async () => handler((await import('./preview.js')).runPreview),
  },
  {
    name: 'diff',
    usage: 'diff <old> [new]',
    setup: (y) =>
      y
        .positional('old', { type: 'string', demandOption: true, describe: t('cli.pos.diff-old') })
        .positional('new', { type: 'string', describe: t('cli.pos.diff-new') })
        .example('$0 diff HEAD~1', t('cli.example.diff-head'))
        .example('$0 diff HEAD~3:data HEAD:data --json', t('cli.example.diff-json')),
    load: async () => handler((await import('./diff.js')).runDiff),
  },
  { name: 'validate', load: async () => handler((await import('./validate.js')).runValidate) },
  {
    name: 'list',
    usage: 'list [what]',
    setup: (y) => y.positional('what', { choices: ['all', 'templates', 'facts', 'charts'] as const, default: 'all' as const, describe: t('cli.pos.list-what') }),
    load: async () => handler((await import('./list.js')).runList),
  },
  {
    name: 'check-sources',
    usage: 'check-sources [dir]',
    setup: (y) => y.positional('dir', { type: 'string', describe: t('cli.pos.check-sources-dir') }),
    load: async () => handler((await import('./check-sources.js')).runCheckSources),
  },
  {
    name: 'paragraphs',
    usage: 'paragraphs <file>',
    setup: (y) =>
      y
        .positional('file', { type: 'string', demandOption: true, describe: t('cli.pos.article-file') })
        .example('$0 paragraphs ../shared/seeds/005_new.txt', t('cli.example.paragraphs')),
    load: async () => handler((await import('./paragraphs.js')).runParagraphs),
  },
  {
    name: 'extract',
    usage: 'extract <file>',
    setup: (y) =>
      y
        .positional('file', { type: 'string', demandOption: true, describe: t('cli.pos.article-file') })
        .example('$0 extract ../shared/seeds/005_new.txt --source qdrb-2026-05-new', t('cli.example.extract'))
        .example('$0 extract ../shared/seeds/005_new.txt --source qdrb-2026-05-new --yaml > proposals.yaml', t('cli.example.extract-yaml')),
    load: async () => handler((await import('./extract.js')).runExtract),
  },
  {
    name: 'new-template',
    usage: 'new-template <name>',
    setup: (y) =>
      y
        .positional('name', { type: 'string', demandOption: true, describe: t('cli.pos.new-template-name') })
        .example('$0 new-template briefing-10min --from qingdao-briefing', t('cli.example.new-template')),
    load: async () => handler((await import('./new-template.js')).runNewTemplate),
  },
];
