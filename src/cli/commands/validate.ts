/** `gen-report validate`: check data and templates without writing anything. */
import { loadFactBase } from '../../facts/load.js';
import { factBaseAsOf } from '../../facts/as-of.js';
import { loadTemplate } from '../../templates/manifest.js';
import { renderTemplate } from '../../templates/render.js';
import { toDocumentModel } from '../../markdown/index.js';
import { defaultTheme } from '../../model/default-theme.js';
import type { FactBase } from '../../facts/model.js';
import { changeRows, diffFactBases } from '../../diff/index.js';
import { listTemplates, readDataDir, readTemplateDir, resolveTemplate } from '../io.js';
import { jsonWarnings, printWarnings, say, type Printer } from '../output.js';
import { checkAsOf, today } from '../args.js';
import { msg } from '../../i18n/index.js';

export interface ValidateArgs extends Printer {
  data: string;
  template?: string;
  asOf?: string;
}

export async function runValidate(args: ValidateArgs): Promise<number> {
  checkAsOf(args.asOf);
  const chosen = args.template ? [resolveTemplate(args.template)] : undefined;
  const data = await readDataDir(args.data);
  const loaded = loadFactBase(data, { asOf: args.asOf, today: today() });
  const fb = args.asOf ? factBaseAsOf(loaded.result, args.asOf) : loaded.result;
  const warnings = [...loaded.warnings];
  const templates = chosen ?? listTemplates();
  for (const t of templates) {
    const files = await readTemplateDir(t.dir);
    const template = loadTemplate(files);
    // Rendering and parsing catch template errors that only show with real data.
    const rendered = renderTemplate(template, fb, { asOf: args.asOf ?? '', asOfLabel: '', changes: sampleChanges(fb) });
    const model = toDocumentModel(
      rendered.result,
      { title: '', issuer: '', asOf: '', dateLabel: '', dataHash: fb.hash, templateName: template.manifest.name, reportPreset: 'report' },
      defaultTheme,
    );
    warnings.push(...rendered.warnings, ...model.warnings);
  }
  if (args.json) {
    process.stdout.write(`${JSON.stringify({ ok: true, facts: fb.facts.size, sources: fb.sources.size, templates: templates.map((t) => t.name), warnings: jsonWarnings(warnings) }, null, 2)}\n`);
  } else {
    printWarnings(args, warnings);
    say(args, 'cli.validate.ok', { files: data.length, facts: fb.facts.size, milestones: fb.milestones.size, sources: fb.sources.size, templates: templates.length ? templates.map((t) => t.name) : msg('io.none') });
  }
  return 0;
}

/** A few rows (new points against an empty base), so the 本次更新 partial is rendered and checked too. */
function sampleChanges(fb: FactBase) {
  const empty: FactBase = { ...fb, sources: new Map(), indicators: new Map(), rankings: new Map(), targets: new Map(), milestones: new Map(), facts: new Map() };
  const changes = diffFactBases(empty, fb).result.filter((c) => c.target !== 'source').slice(0, 3);
  return changeRows(changes, (id) => fb.facts.has(id) || fb.milestones.has(id));
}
