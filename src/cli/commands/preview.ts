/**
 * `gen-report preview`: the deck and the report as web pages on
 * http://127.0.0.1:PORT, rebuilt like `watch` (same watcher, same inputs
 * hash, one chart cache across builds) whenever a data or template file
 * changes. A good build reloads the open pages; a broken one leaves the last
 * good page and lays the error (file:line, the user's language) over it.
 */
import path from 'node:path';
import { RebuildCache } from '../../pipeline/rebuild-cache.js';
import { StageError, UsageError, formatProblem } from '../../errors.js';
import { msg, t } from '../../i18n/index.js';
import { checkAsOf, today } from '../args.js';
import { readDataDir, readPrecompiledTemplates, readTemplateDir, templateChain } from '../io.js';
import { printWarnings, reportError, type Printer } from '../output.js';
import { EVENTS_PATH, PreviewServer } from '../preview-server.js';
import { runRebuildLoop } from '../rebuild-loop.js';
import type { Warning } from '../../model/document.js';
import { buildGroups, defaultTemplateFor, templateGroups, type TemplateGroup } from './build.js';
import { hashInputs } from './watch.js';

export interface PreviewArgs extends Printer {
  data: string;
  template?: string;
  asOf?: string;
  port?: number;
}

/** The deck and the report (each default template, in that order), or the one template asked for. */
function previewGroups(template: string | undefined): TemplateGroup[] {
  if (template) return templateGroups(['html'], template);
  const seen = new Set<string>();
  return (['pptx', 'docx'] as const).flatMap((f) => {
    const choice = defaultTemplateFor(f);
    if (seen.has(choice.dir)) return [];
    seen.add(choice.dir);
    return [{ choice, formats: ['html' as const] }];
  });
}

/** An error as the terminal shows it, for the page's overlay. */
function errorText(e: unknown): string {
  if (e instanceof StageError) {
    const lines = e.problems.slice(0, 50).map((p) => formatProblem(p));
    return [t(`cli.error-heading.${e.stage}`, { count: e.problems.length }), ...lines].join('\n');
  }
  return t('cli.internal-error', { message: e instanceof Error ? e.message : String(e) });
}

export function checkPort(port: unknown): number {
  const n = port === undefined ? 0 : Number(port);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new UsageError([{ message: msg('preview.port-bad', { value: String(port) }), hint: msg('preview.port-hint') }]);
  return n;
}

export async function runPreview(args: PreviewArgs): Promise<number> {
  checkAsOf(args.asOf);
  const port = checkPort(args.port);
  const groups = previewGroups(args.template);
  const say = (line: string) => !args.quiet && process.stdout.write(`${line}\n`);
  const links = groups.length > 1 ? groups.map((g, i) => ({ label: t(i === 0 ? 'preview.link.deck' : 'preview.link.report'), href: `/${g.choice.name}/` })) : [];
  const server = new PreviewServer(`/${groups[0].choice.name}/`);
  try {
    await server.listen(port);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError([{ message: msg(code === 'EADDRINUSE' ? 'preview.port-in-use' : 'preview.cannot-listen', { port, reason: String(code ?? e) }), hint: msg('preview.port-hint') }]);
  }
  const url = `http://127.0.0.1:${server.port}/`;
  // Charts, parsed data files and compiled templates kept between rebuilds (as watch does).
  const cache = new RebuildCache(undefined, readPrecompiledTemplates());
  let lastInputs = '';
  let builds = 0;
  let lastFailed = false;

  const rebuild = async (changed: string[]) => {
    const started = performance.now();
    const what = changed.length ? t('cli.watch.changed', { files: changed.slice(0, 3), more: changed.length > 3 ? ` (+${changed.length - 3})` : '' }) : '';
    try {
      const data = await readDataDir(args.data);
      const templates = await Promise.all(groups.map((g) => readTemplateDir(g.choice.dir)));
      const inputs = hashInputs(data, templates);
      if (builds > 0 && inputs === lastInputs && !lastFailed) return;
      const version = inputs.slice(0, 16);
      const site = new Map<string, Buffer>();
      const warnings: Warning[] = [];
      for (const [i, g] of groups.entries()) {
        const r = await buildGroups([g], data, { asOf: args.asOf, today: today(), cache, templates: [templates[i]], html: { live: { events: EVENTS_PATH, version }, links } });
        warnings.push(...r.warnings);
        // Served under the template's name, so the address stays when the data's month changes.
        for (const f of r.files) site.set(`${g.choice.name}/${f.name.slice(f.name.indexOf('/') + 1)}`, f.data);
      }
      lastInputs = inputs;
      server.publish(site, version);
      printWarnings(args, builds === 0 ? warnings : []);
      const ms = Math.round(performance.now() - started);
      say(`${what}${t(lastFailed && builds ? 'preview.recovered' : builds ? 'preview.rebuilt' : 'preview.built', { ms })}`);
      lastFailed = false;
    } catch (e) {
      if (builds === 0 && e instanceof UsageError) throw e;
      lastFailed = true;
      reportError(e);
      server.fail({ title: t('preview.failed-title'), message: errorText(e) });
      say(`${what}${t('preview.failed')}`);
    } finally {
      builds++;
    }
  };

  const dirs = [...new Set([path.resolve(args.data), ...groups.flatMap((g) => templateChain(g.choice.dir))])];
  try {
    return await runRebuildLoop({
      dirs,
      rebuild,
      watching: () => {
        say(t('preview.serving', { url }));
        say(t('preview.keys'));
      },
      stopped: async () => {
        await server.close();
        say(t('preview.stopped'));
      },
    });
  } catch (e) {
    // Only the first build throws (a usage error): nothing is served yet.
    await server.close();
    throw e;
  }
}
