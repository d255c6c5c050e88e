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
    return [t('extract.table.rank', { rank: r.rank }), r.consecutive ? t('extract.table.consecutive', { years: r.consecutive }) : '', r.movement ? t('extract.table.movement', { places: r.movement }) : ''].filter(Boolean).join(' ');
  }
  return String(p.value);
}

function seriesCell(p: Proposal): string {
  const best = p.series[0];
  if (p.newSeries && !p.resembles) return t('extract.table.new-series', { id: p.newSeries.id }) + (best ? ` | ${best.id} (${best.confidence.toFixed(2)})` : '');
  return best ? `${best.id} (${best.confidence.toFixed(2)})` : '-';
}

/** ✓ and the record: just @date when it is a point of the series shown beside it. */
function knownCell(p: Proposal): string {
  if (!p.known) return '';
  const id = p.known.ids[0];
  const series = p.series[0]?.id;
  const short = series && id.startsWith(`${series}@`) ? id.slice(series.length) : id === series ? '' : id;
  return `✓ ${short}${p.known.ids.length > 1 ? ` +${p.known.ids.length - 1}` : ''}`.trimEnd();
}

function reviewTable(proposals: Proposal[]): string {
  const header = ['para', 'printed', 'value', 'unit', 'qualifier', 'as-of', 'why', 'target', 'series', 'known'].map((c) => t(`extract.col.${c}`));
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
    knownCell(p),
  ]);
  return table(header, rows, [4, 16, 24, 10, 10, 10, 28, 6, 60, 40], [true, false, true]);
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
