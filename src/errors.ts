/**
 * One error type per stage, one exit-code table. Stages throw these (or
 * return them in warnings); only the CLI prints them and sets exit codes.
 * Messages are catalogue ids with parameters (`msg(...)`, src/i18n), rendered
 * in the user's language only when shown.
 */
import { msg, render, type Lang, type Text } from './i18n/index.js';

export interface Problem {
  file?: string;
  line?: number;
  column?: number;
  /** What is wrong: `msg(id, params)` from the catalogue. */
  message: Text;
  /** What the user should do about it. */
  hint?: Text;
}

export function formatProblem(p: Problem, lang?: Lang): string {
  const where = p.file ? `${p.file}${p.line ? `:${p.line}${p.column ? `:${p.column}` : ''}` : ''}: ` : '';
  return `${where}${render(p.message, lang)}${p.hint ? `\n  → ${render(p.hint, lang)}` : ''}`;
}

export abstract class StageError extends Error {
  abstract readonly stage: string;
  abstract readonly exitCode: number;
  constructor(readonly problems: Problem[]) {
    super();
    // Rendered on demand, in the language current when it is read.
    Object.defineProperty(this, 'message', { get: () => this.problems.map((p) => formatProblem(p)).join('\n'), configurable: true });
  }
}

/** The fact base is malformed or inconsistent. */
export class DataError extends StageError {
  readonly stage = 'data';
  readonly exitCode = ExitCode.InputError;
}

/** A template failed to render or produced Markdown the model cannot take. */
export class TemplateError extends StageError {
  readonly stage = 'template';
  readonly exitCode = ExitCode.InputError;
}

/** A chart could not be built or rendered (e.g. a label character no font covers). */
export class ChartError extends StageError {
  readonly stage = 'chart';
  readonly exitCode = ExitCode.InputError;
}

/** A writer could not produce its file. */
export class WriterError extends StageError {
  readonly stage = 'writer';
  readonly exitCode = ExitCode.OutputError;
}

/** The command line itself is wrong. */
export class UsageError extends StageError {
  readonly stage = 'usage';
  readonly exitCode = ExitCode.UsageError;
}

/** Writing the output files failed. */
export class OutputError extends StageError {
  readonly stage = 'output';
  readonly exitCode = ExitCode.OutputError;
}

export const ExitCode = {
  Success: 0,
  /** Data or template error. */
  InputError: 1,
  UsageError: 2,
  OutputError: 3,
  /** A bug in gen-report itself. */
  InternalError: 4,
  /** --format pdf: LibreOffice is missing or could not convert. */
  PdfError: 5,
} as const;

export const exitCodeTable: Array<[number, Text]> = [
  [ExitCode.Success, msg('exit.0')],
  [ExitCode.InputError, msg('exit.1')],
  [ExitCode.UsageError, msg('exit.2')],
  [ExitCode.OutputError, msg('exit.3')],
  [ExitCode.InternalError, msg('exit.4')],
  [ExitCode.PdfError, msg('exit.5')],
];
