/**
 * `gen-report paragraphs FILE`: an article's paragraphs, numbered the way
 * check-sources and `para:` count them (the same function: non-blank lines).
 */
import { paragraphs } from '../../facts/check-sources.js';
import { displayPath } from '../io.js';
import { readInputFile } from '../read-input.js';
import { say, type Printer } from '../output.js';

export interface ParagraphsArgs extends Printer {
  file: string;
}

export async function runParagraphs(args: ParagraphsArgs): Promise<number> {
  const shown = displayPath(args.file);
  const list = paragraphs(await readInputFile(args.file, shown, 'sources'));
  if (args.json) {
    process.stdout.write(`${JSON.stringify({ file: shown, paragraphs: list.map((text, i) => ({ para: i + 1, text })) }, null, 2)}\n`);
    return 0;
  }
  say(args, 'cli.paragraphs.heading', { file: shown, count: list.length });
  const width = String(list.length).length;
  process.stdout.write(list.map((text, i) => `${String(i + 1).padStart(width)}  ${text}`).join('\n') + (list.length ? '\n' : ''));
  return 0;
}
