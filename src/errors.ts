/**
 * One error type per stage, one exit-code table. Stages throw these (or
 * return them in warnings); only the CLI prints them and sets exit codes.
 */
export interface Problem {
  file?: string;
  line?: number;
  column?: number;
  message: string;
  /** What the user should do about it. */
  hint?: string;
}

export function formatProblem(p: Problem): string {
  const where = p.file ? `${p.file}${p.line ? `:${p.line}${p.column ? `:${p.column}` : ''}` : ''}: ` : '';
  return `${where}${p.message}${p.hint ? `\n  → ${p.hint}` : ''}`;
}

export abstract class StageError extends Error {
  abstract readonly stage: string;
  abstract readonly exitCode: number;
  constructor(readonly problems: Problem[]) {
    super(problems.map(formatProblem).join('\n'));
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
} as const;

export const exitCodeTable: Array<[number, string]> = [
  [ExitCode.Success, 'success'],
  [ExitCode.InputError, 'data or template error (file:line says where)'],
  [ExitCode.UsageError, 'usage error (unknown option, bad value)'],
  [ExitCode.OutputError, 'output error (could not write the files; the previous output is kept)'],
  [ExitCode.InternalError, 'internal error (a bug in gen-report: please report it)'],
];
