// Compiles the shipped templates ahead of time: renders each once with the
// shipped data and keeps the code Handlebars generated for every file it
// rendered (src/templates/precompiled.ts) in dist/templates/precompiled/<name>.json,
// one file per template so a build reads only its own.
// A build whose template files are exactly these texts skips parsing and code
// generation. A template that cannot render here is left out, and compiles
// when it is built. Runs after tsc, on the compiled modules.
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = (file) => import(path.join(root, 'dist', file));
const { readDataDir, readTemplateDir } = await dist('cli/io.js');
const { loadFactBase } = await dist('facts/load.js');
const { latestAsOf } = await dist('facts/as-of.js');
const { loadTemplate } = await dist('templates/manifest.js');
const { CompiledTemplateCache, renderTemplate } = await dist('templates/render.js');
const { formatChineseDate } = await dist('format/dates.js');

const out = path.join(root, 'dist/templates/precompiled');
rmSync(out, { recursive: true, force: true });
rmSync(path.join(root, 'dist/templates/precompiled.json'), { force: true }); // the one file of earlier builds
mkdirSync(out, { recursive: true });
const fb = loadFactBase(await readDataDir(path.join(root, 'data'))).result;
const asOf = latestAsOf(fb);
for (const name of readdirSync(path.join(root, 'templates')).sort()) {
  try {
    const template = loadTemplate(await readTemplateDir(path.join(root, 'templates', name)));
    const cache = new CompiledTemplateCache();
    // The same context a build passes (pipeline/build.ts).
    renderTemplate(template, fb, { asOf, asOfLabel: formatChineseDate(asOf.slice(0, 7)), changes: [] }, cache);
    const compiled = cache.export();
    if (compiled) writeFileSync(path.join(out, `${name}.json`), `${JSON.stringify(compiled)}\n`);
  } catch (e) {
    console.warn(`precompile-templates: ${name} left out, it compiles when built (${e instanceof Error ? e.message.split('\n')[0] : e})`);
  }
}
