/**
 * `gen-report paragraphs FILE`: an article's paragraphs, numbered the way
 * check-sources and `para:` count them (the same function: non-blank lines).
 */
import { paragraphs } from '../../facts/check-sources.js';
import { DataError } from '../../errors.js';
import { msg } from '../../i18n/index.js';
import { displayPath } from '../io.js';
import { readInputFile } from '../read-input.js';
import { say, type Printer } from '../output.js';

export interface ParagraphsArgs extends Printer {
  file: string;
}

/**
 * An article's text, by read-input's rules (a regular UTF-8 file; GBK and
 * UTF-16 refused), and not binary: NUL bytes are valid UTF-8 but no article
 * has them (a .doc or .pdf saved under a .txt name does).
 */
export async function readArticle(file: string, shown: string): Promise<string> {
  const text = await readInputFile(file, shown, 'sources');
  const nul = text.indexOf('\u0000');
  if (nul >= 0) throw new DataError([{ file: shown, line: text.slice(0, nul).split('\n').length, message: msg('cli.article.binary'), hint: msg('cli.article.binary-hint') }]);
  return text;
}

export async function runParagraphs(args: ParagraphsArgs): Promise<number> {
  const shown = displayPath(args.file);
  const list = paragraphs(await readArticle(args.file, shown));
  if (args.json) {
    process.stdout.write(`${JSON.stringify({ file: shown, paragraphs: list.map((text, i) => ({ para: i + 1, text })) }, null, 2)}\n`);
    return 0;
  }
  say(args, 'cli.paragraphs.heading', { file: shown, count: list.length });
  const width = String(list.length).length;
  process.stdout.write(list.map((text, i) => `${String(i + 1).padStart(width)}  ${text}`).join('\n') + (list.length ? '\n' : ''));
  return 0;
}
