/**
 * `gen-report extract FILE --source ID`: propose a data point for every figure
 * an article prints. A review table by default, `--yaml` stubs to paste,
 * `--json` for scripts. Reads the article and the data; writes nothing but
 * standard output (a person decides what goes into data/).
 */
import { loadFactBase } from '../../facts/load.js';
import { extractFigures, type Proposal } from '../../extract/index.js';
import { yamlStubs } from '../../extract/yaml.js';
import { UsageError } from '../../errors.js';
import { msg, render, t } from '../../i18n/index.js';
import { closest } from '../../util/closest.js';
import { formatFigure } from '../../format/numbers.js';
import { displayPath, readDataDir } from '../io.js';
import { readArticle } from './paragraphs.js';
import { say, type Printer } from '../output.js';
import { today } from '../args.js';
import { table } from '../table.js';

export interface ExtractArgs extends Printer {
  data: string;
  file: string;
  source: string;
  yaml: boolean;
}

function valueCell(p: Proposal): string {
  if (p.kind === 'rank' && p.rank) {
    const r = p.rank;
    return [t('extract.table.rank', { rank: r.rank }), r.consecutive ? t('extract.table.consecutive', { years: r.consecutive }) : '', r.movement ? t(r.movement > 0 ? 'extract.table.up' : 'extract.table.down', { places: Math.abs(r.movement) }) : ''].filter(Boolean).join(' ');
  }
  return String(p.value);
}

/**
 * Where the figure goes: ✓ and the record when the data holds it, else the
 * likely series with its confidence, or a new series' id beside the nearest one.
 */
function seriesCell(p: Proposal): string {
  const best = p.series[0];
  const shown = best ? `${best.id} (${best.confidence.toFixed(2)})` : '-';
  if (p.known) {
    const id = p.known.ids[0];
    const more = p.known.ids.length > 1 ? ` +${p.known.ids.length - 1}` : '';
    return `✓ ${id}${more}`;
  }
  if (p.repeats) return `${t('extract.table.repeats', { para: p.repeats })} ${shown}`;
  if (p.newSeries && !p.resembles) return t('extract.table.new-series', { id: p.newSeries.id }) + (best ? ` | ${shown}` : '');
  return shown;
}

/** Column limits; on a narrow terminal the reason and series columns give way first. */
function limits(columns: number): number[] {
  const base = [4, 16, 22, 10, 10, 10, 26, 6, 56];
  const over = base.reduce((a, b) => a + b + 2, 0) - columns;
  if (over > 0) {
    base[6] = Math.max(12, base[6] - Math.ceil(over / 2));
    base[8] = Math.max(24, base[8] - Math.floor(over / 2));
  }
  return base;
}

function reviewTable(proposals: Proposal[]): string {
  const header = ['para', 'printed', 'value', 'unit', 'qualifier', 'as-of', 'why', 'target', 'series'].map((c) => t(`extract.col.${c}`));
  const rows = proposals.map((p) => [
    String(p.para),
    p.printed,
    valueCell(p),
    p.noun ? `${p.unit}(${p.noun})` : p.unit,
    p.kind === 'rank' ? '' : p.qualifier,
    p.asOf,
    render(p.asOfReason),
    p.target ? String(p.target.targetYear) : '',
    seriesCell(p),
  ]);
  // Piped into a file or another program, nothing is cut to a screen's width.
  return table(header, rows, limits(process.stdout.isTTY ? process.stdout.columns || 160 : Infinity), [true, false, true]);
}

export async function runExtract(args: ExtractArgs): Promise<number> {
  if (args.json && args.yaml) throw new UsageError([{ message: msg('cli.extract.yaml-or-json'), hint: msg('cli.extract.yaml-or-json-hint') }]);
  const fb = loadFactBase(await readDataDir(args.data), { today: today() }).result;
  if (!fb.sources.has(args.source)) {
    const near = closest(args.source, [...fb.sources.keys()]);
    throw new UsageError([
      {
        message: msg('cli.extract.unknown-source', { id: args.source }),
        hint: near ? msg('cli.extract.unknown-source-near', { near }) : msg('cli.extract.unknown-source-hint', { ids: [...fb.sources.keys()] }),
      },
    ]);
  }
  const shown = displayPath(args.file);
  const text = await readArticle(args.file, shown);
  const { result } = extractFigures(text, fb, args.source);
  if (args.json) {
    const proposals = result.proposals.map((p) => ({ ...p, asOfReason: render(p.asOfReason), target: p.target && { ...p.target, reason: render(p.target.reason) }, display: formatFigure(p.value, p.unit, p.qualifier) }));
    process.stdout.write(`${JSON.stringify({ file: shown, source: result.source, paragraphs: result.paragraphs, proposals }, null, 2)}\n`);
    return 0;
  }
  if (args.yaml) {
    process.stdout.write(yamlStubs(result, (m) => render(m)));
    return 0;
  }
  const known = result.proposals.filter((p) => p.known).length;
  const fresh = result.proposals.filter((p) => !p.newSeries && !p.known).length;
  say(args, 'cli.extract.heading', { file: shown, source: args.source, paragraphs: result.paragraphs, count: result.proposals.length, known, fresh, candidates: result.proposals.filter((p) => p.newSeries && !p.known).length });
  if (result.proposals.length) process.stdout.write(`${reviewTable(result.proposals)}\n`);
  say(args, 'cli.extract.next');
  return 0;
}
