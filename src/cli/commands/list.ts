/** `gen-report list`: templates, facts and charts available. */
import { loadFactBase } from '../../facts/load.js';
import { loadTemplate } from '../../templates/manifest.js';
import { listTemplates, readDataDir, readTemplateDir } from '../io.js';
import type { Printer } from '../output.js';
import { t } from '../../i18n/index.js';
import { today } from '../args.js';

export interface ListArgs extends Printer {
  data: string;
  what: 'all' | 'templates' | 'facts' | 'charts';
}

export async function runList(args: ListArgs): Promise<number> {
  const templates = await Promise.all(
    listTemplates().map(async (tpl) => {
      // Loaded as a build loads it: a variant's formats and charts merge with what it extends.
      const loaded = await readTemplateDir(tpl.dir).then(loadTemplate, () => undefined).catch(() => undefined);
      if (!loaded) return { name: tpl.name, description: t('cli.list.invalid-manifest'), formats: [], charts: [] };
      return { name: tpl.name, description: loaded.manifest.description, formats: loaded.manifest.formats, charts: Object.keys(loaded.charts) };
    }),
  );
  const fb = args.what === 'templates' || args.what === 'charts' ? undefined : loadFactBase(await readDataDir(args.data), { today: today() }).result;
  const series = fb
    ? [
        ...[...fb.indicators.values()].map((s) => ({ id: s.id, kind: 'indicator', name: s.name, points: s.points.length, tags: s.tags })),
        ...[...fb.rankings.values()].map((s) => ({ id: s.id, kind: 'ranking', name: s.list, points: s.points.length, tags: s.tags })),
        ...[...fb.targets.values()].map((s) => ({ id: s.id, kind: 'target', name: s.name, points: 1, tags: s.tags })),
      ]
    : [];
  if (args.json) {
    process.stdout.write(`${JSON.stringify({ templates, series, milestones: fb ? [...fb.milestones.keys()] : [] }, null, 2)}\n`);
    return 0;
  }
  const out: string[] = [];
  if (args.what === 'all' || args.what === 'templates') {
    out.push(t('cli.list.templates'));
    for (const t of templates) out.push(`  ${t.name.padEnd(24)} ${t.formats.join(',').padEnd(12)} ${t.description}`);
  }
  if (args.what === 'all' || args.what === 'charts') {
    out.push(t('cli.list.charts'));
    for (const t of templates) for (const c of t.charts) out.push(`  ${t.name}/${c}`);
  }
  if (fb && (args.what === 'all' || args.what === 'facts')) {
    out.push(t('cli.list.series', { count: series.length, facts: fb.facts.size, milestones: fb.milestones.size }));
    for (const s of series) out.push(`  ${s.id.padEnd(44)} ${s.kind.padEnd(9)} ${String(s.points).padStart(2)}  ${s.name}  [${s.tags.join(', ')}]`);
  }
  process.stdout.write(`${out.join('\n')}\n`);
  return 0;
}

