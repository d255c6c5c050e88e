/**
 * `gen-report watch`: build once, then rebuild whenever a file under the data
 * folder or the template folders changes. A failed rebuild prints its error
 * and leaves the last good output in place (writes are atomic and happen
 * only after a whole build succeeded). One chart cache lives across
 * rebuilds, so only charts whose spec changed are drawn again.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { ChartCache } from '../../charts/index.js';
import { RebuildCache } from '../../pipeline/rebuild-cache.js';
import { countChanges, diffData } from '../../diff/index.js';
import { UsageError } from '../../errors.js';
import type { TextFile } from '../../facts/model.js';
import type { TemplateFiles } from '../../templates/manifest.js';
import { checkOutDir, displayPath, readDataDir, readDataSnapshot, readPrecompiledTemplates, readTemplateDir, templateChain, writeOutputs, type DataSnapshot } from '../io.js';
import { printWarnings, reportError } from '../output.js';
import { runRebuildLoop } from '../rebuild-loop.js';
import { requireSoffice } from '../pdf.js';
import { buildGroups, describeChangesSince, diskChartCache, sourceDateEpoch, templateGroups, type BuildArgs } from './build.js';
import { checkAsOf, checkDateLine, today } from '../args.js';
import { t } from '../../i18n/index.js';


export type WatchArgs = BuildArgs;

export function hashInputs(data: TextFile[], templates: TemplateFiles[]): string {
  const h = createHash('sha256');
  for (const f of data) h.update(`${f.path}\0${f.text}\0`);
  for (const t of templates) for (const [name, text] of [...t.files].sort(([a], [b]) => (a < b ? -1 : 1))) h.update(`${t.dir}/${name}\0${text}\0`);
  return h.digest('hex');
}

export async function runWatch(args: WatchArgs): Promise<number> {
  // Usage problems (bad format, unknown template, bad revision) end the command before watching.
  checkAsOf(args.asOf);
  checkDateLine(args.dateLine);
  checkOutDir(args.out);
  const groups = templateGroups(args.format, args.template);
  const soffice = groups.some((g) => g.pdf) ? requireSoffice() : undefined;
  const old: DataSnapshot | undefined = args.changesSince ? await readDataSnapshot(args.changesSince, args.data) : undefined;
  const timestamp = sourceDateEpoch();
  // Kept across rebuilds: rendered charts (on disk too), parsed data files, compiled templates.
  const rebuildCache = new RebuildCache(args.cache === false ? new ChartCache() : diskChartCache(args.out), readPrecompiledTemplates());
  const cache = rebuildCache.charts;
  const out = path.resolve(args.out);
  // --json: one JSON object per event, for scripts and editors.
  const say = (line: string, event: Record<string, unknown>) => {
    if (args.json) process.stdout.write(`${JSON.stringify(event)}\n`);
    else if (!args.quiet) process.stdout.write(`${line}\n`);
  };

  let lastInputs = '';
  let builds = 0;
  // Every state change is reported: after a failed build, the next good one says so.
  let lastFailed = false;
  const rebuild = async (changed: string[]) => {
    const started = performance.now();
    const hits = cache.hits;
    const misses = cache.misses;
    const what = changed.length ? t('cli.watch.changed', { files: changed.slice(0, 3), more: changed.length > 3 ? ` (+${changed.length - 3})` : '' }) : '';
    try {
      const data = await readDataDir(args.data);
      const templates = await Promise.all(groups.map((g) => readTemplateDir(g.choice.dir)));
      const inputs = hashInputs(data, templates);
      if (builds > 0 && inputs === lastInputs && !lastFailed) return; // saved without a change
      lastInputs = inputs;
      const since = old && { label: old.label, changes: diffData(old.files, data, { asOf: args.asOf }).result, warnings: [] };
      const r = await buildGroups(groups, data, { asOf: args.asOf, timestamp, today: today(), cache: rebuildCache, changes: since?.changes, templates, charts: args.charts, issuer: args.issuer, dateLine: args.dateLine });
      const written = await writeOutputs(args.out, r.files, soffice);
      const ms = Math.round(performance.now() - started);
      const charts = { rendered: cache.misses - misses, reused: cache.hits - hits };
      printWarnings(args, r.warnings);
      if (since) say(describeChangesSince(since), { event: 'changes', since: since.label, ...countChanges(since.changes) });
      const files = written.filter((w) => !w.path.endsWith('.png')).map((w) => w.path);
      const verb = lastFailed && builds ? 'cli.watch.recovered' : builds ? 'cli.watch.rebuilt' : 'cli.watch.built';
      say(`${what}${t(verb, { files, ms, rendered: charts.rendered, reused: charts.reused })}`, {
        event: 'build',
        ok: true,
        recovered: lastFailed && builds > 0,
        changed,
        files,
        ms,
        charts,
      });
      lastFailed = false;
    } catch (e) {
      // A usage error at the start (say, a bad --as-of) will not go away by editing files.
      if (builds === 0 && e instanceof UsageError) throw e;
      // reportError prints the problems (file:line, no stack) to stderr; the command goes on.
      lastFailed = true;
      reportError(e);
      say(`${what}${t('cli.watch.failed', { out: displayPath(out) })}`, { event: 'build', ok: false, changed, message: e instanceof Error ? e.message : String(e) });
    } finally {
      builds++;
    }
  };

  const dirs = [...new Set([path.resolve(args.data), ...groups.flatMap((g) => templateChain(g.choice.dir))])];
  return runRebuildLoop({
    dirs,
    rebuild,
    ignore: (file) => file === out || file.startsWith(out + path.sep), // our own output, if it lies inside a watched folder
    watching: () => say(t('cli.watch.watching', { dirs: dirs.map((d) => displayPath(d)) }), { event: 'watching', dirs: dirs.map((d) => displayPath(d)) }),
    stopped: () => say(t('cli.watch.stopped'), { event: 'stopped' }),
  });
}
