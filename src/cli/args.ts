/**
 * What the command line accepts, as data: the commands and their options.
 * main.ts builds the yargs parser from it, and a misspelt option or command
 * is matched against it for a did-you-mean hint.
 */
import type { Options } from 'yargs';
import { msg, t, type Message } from '../i18n/index.js';
import { UsageError } from '../errors.js';
import { closest } from '../util/closest.js';
import { isCalendarDate } from '../format/dates.js';
import { commandRegistry } from './commands/index.js';

export type OptionSpec = Options & { describe: string };

/** Options every command takes. */
export function commonOptions(): Record<string, OptionSpec> {
  return {
    data: { type: 'string', requiresArg: true, default: './data', describe: t('cli.opt.data') },
    quiet: { type: 'boolean', default: false, describe: t('cli.opt.quiet') },
    verbose: { type: 'boolean', default: false, describe: t('cli.opt.verbose') },
    json: { type: 'boolean', default: false, describe: t('cli.opt.json') },
    lang: { type: 'string', requiresArg: true, choices: ['zh', 'zh-CN', 'en'], describe: t('cli.opt.lang') },
  };
}

const asOfOption = (): OptionSpec => ({ type: 'string', requiresArg: true, describe: t('cli.opt.as-of') });

/** Options of build and watch. */
export function buildOptions(): Record<string, OptionSpec> {
  return {
    ...commonOptions(),
    format: { type: 'string', array: true, requiresArg: true, describe: t('cli.opt.format') },
    template: { type: 'string', requiresArg: true, describe: t('cli.opt.template') },
    out: { type: 'string', requiresArg: true, default: './output', describe: t('cli.opt.out') },
    'as-of': asOfOption(),
    'changes-since': { type: 'string', requiresArg: true, describe: t('cli.opt.changes-since') },
    cache: { type: 'boolean', default: true, describe: t('cli.opt.cache') },
    charts: { type: 'string', requiresArg: true, choices: ['native', 'image'], describe: t('cli.opt.charts') },
    issuer: { type: 'string', requiresArg: true, describe: t('cli.opt.issuer') },
    'date-line': { type: 'string', requiresArg: true, describe: t('cli.opt.date-line') },
  };
}

/** The common options but --data, for commands that read no data. */
function withoutData(): Record<string, OptionSpec> {
  const { data: _data, ...rest } = commonOptions();
  return rest;
}

export function commandOptions(): Record<string, Record<string, OptionSpec>> {
  return {
    build: buildOptions(),
    watch: buildOptions(),
    preview: {
      ...commonOptions(),
      template: { type: 'string', requiresArg: true, describe: t('cli.opt.template') },
      'as-of': asOfOption(),
      port: { type: 'number', requiresArg: true, describe: t('cli.opt.port') },
    },
    diff: { ...commonOptions(), 'as-of': asOfOption() },
    validate: { ...commonOptions(), template: { type: 'string', requiresArg: true, describe: t('cli.opt.validate-template') }, 'as-of': asOfOption() },
    list: commonOptions(),
    'check-sources': commonOptions(),
    paragraphs: commonOptions(),
    'new-template': { ...withoutData(), from: { type: 'string', requiresArg: true, describe: t('cli.opt.from') } },
    extract: {
      ...commonOptions(),
      source: { type: 'string', requiresArg: true, demandOption: true, describe: t('cli.opt.source') },
      yaml: { type: 'boolean', default: false, describe: t('cli.opt.yaml') },
    },
  };
}

/** Command names, in the order `--help` lists them. */
export const COMMANDS: readonly string[] = commandRegistry.map((c) => c.name);
const GLOBAL_OPTIONS = ['help', 'h', 'version'];

/**
 * A did-you-mean hint for a usage error: the first option the command does not
 * know, or a first word that is no command, matched against what exists.
 */
export function usageHint(argv: string[]): Message {
  const command = COMMANDS.find((c) => argv.includes(c)) ?? 'build';
  const options = commandOptions()[command];
  const known = [...Object.keys(options), ...GLOBAL_OPTIONS];
  for (const arg of argv) {
    if (arg === '--') break;
    const m = /^--?(?:no-)?([^=]+)/.exec(arg);
    if (m && !/^-\d/.test(arg)) {
      const name = m[1];
      if (known.includes(name)) continue;
      const near = closest(name, known.filter((k) => k.length > 1));
      if (near) return msg('cli.hint.did-you-mean-option', { given: `--${name}`, meant: `--${near}`, command });
      return msg('cli.hint.options-of', { command });
    }
  }
  const first = argv.find((a) => !a.startsWith('-'));
  if (first && !COMMANDS.includes(first)) {
    const near = closest(first, [...COMMANDS]);
    if (near) return msg('cli.hint.did-you-mean-command', { given: first, meant: near });
  }
  return msg('cli.hint.help', { command });
}

/** Today on this computer's clock, YYYY-MM-DD (local time: a Beijing morning is already today). */
export function today(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** --date-line: as-of, today, none or a real calendar date. */
export function checkDateLine(value: string | undefined): void {
  if (value === undefined || ['as-of', 'today', 'none'].includes(value) || isCalendarDate(value)) return;
  throw new UsageError([{ message: msg('cli.date-line-invalid', { value }), hint: msg('cli.date-line-hint') }]);
}

/** --as-of: a real calendar date, YYYY-MM or YYYY-MM-DD (no 2024-02-30). */
export function checkAsOf(value: string | undefined): void {
  if (value !== undefined && !isCalendarDate(value)) throw new UsageError([{ message: msg('cli.as-of-not-a-date', { value }), hint: msg('cli.as-of-hint') }]);
}
