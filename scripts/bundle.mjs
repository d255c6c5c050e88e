// Bundles the CLI into one CommonJS file (dist/bundle/gen-report.js) that
// bin/gen-report.cjs runs with a V8 code cache: Node then reads one file and
// compiles almost nothing, instead of resolving and compiling a few hundred
// modules (issue 18). The chart worker is bundled beside it, so
// `new URL('./chart-worker.js', import.meta.url)` finds it. Then a deck build
// and a report build fill their code caches. A failure here never fails the build:
// without the bundle, bin/gen-report.cjs runs the compiled modules.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outdir = path.join(root, 'dist/bundle');

/** In a library file, import.meta.url is that file's own place in node_modules, not the bundle's. */
const libraryFileUrls = {
  name: 'library-file-urls',
  setup(b) {
    b.onLoad({ filter: /[\\/]node_modules[\\/].*\.(mjs|cjs|js)$/ }, (args) => {
      const text = readFileSync(args.path, 'utf8');
      if (!text.includes('import.meta.url')) return undefined;
      const inside = args.path.split(/[\\/]node_modules[\\/]/).pop().split(/[\\/]/);
      const pkgParts = inside[0].startsWith('@') ? 2 : 1;
      const pkg = inside.slice(0, pkgParts).join('/');
      const file = inside.slice(pkgParts).join('/');
      return { contents: text.replaceAll('import.meta.url', `packageFileUrl(${JSON.stringify(pkg)}, ${JSON.stringify(file)})`), loader: 'js' };
    });
  },
};

/**
 * string-width builds an Intl.Segmenter when its module loads (ICU data, tens
 * of ms), and yargs loads it at start-up only to wrap --help. Every import of
 * it gets a stand-in that loads the real module on the first call.
 */
const lazyStringWidth = {
  name: 'lazy-string-width',
  setup(b) {
    b.onResolve({ filter: /^string-width$/ }, async (args) => {
      if (args.pluginData?.real) return undefined;
      const real = await b.resolve(args.path, { resolveDir: args.resolveDir, kind: args.kind, importer: args.importer, pluginData: { real: true } });
      return real.errors.length ? real : { path: real.path, namespace: 'lazy-string-width' };
    });
    b.onLoad({ filter: /.*/, namespace: 'lazy-string-width' }, (args) => ({
      contents: [
        'let width;',
        'module.exports = function stringWidth(text, options) {',
        `  if (!width) { const m = require(${JSON.stringify(args.path)}); width = typeof m === 'function' ? m : m.default; }`,
        '  return width(text, options);',
        '};',
        'module.exports.default = module.exports;',
      ].join('\n'),
      loader: 'js',
      resolveDir: path.dirname(args.path),
    }));
  },
};

/**
 * The chart renderer requires chartjs-node-canvas (and with it Chart.js) on
 * its first chart, through a require of its own, which esbuild leaves to
 * node_modules: compiled from source in every cold build. Given the bundle's
 * require instead, both are bundled (still loaded on the first chart) and
 * their compiled code goes into the code cache.
 */
const bundledChartLibraries = {
  name: 'bundled-chart-libraries',
  setup(b) {
    b.onLoad({ filter: /[\\/]dist[\\/]charts[\\/]renderer\.js$/ }, (args) => {
      const text = readFileSync(args.path, 'utf8');
      const own = 'const require = createRequire(import.meta.url);';
      if (!text.includes(own)) throw new Error(`${args.path} no longer makes its own require; update bundledChartLibraries`);
      return { contents: text.replace(own, ''), loader: 'js' };
    });
  },
};

async function bundle() {
  // Imported here: an install without esbuild (optional platform packages skipped) still builds, without the bundle.
  const { build } = await import('esbuild');
  rmSync(outdir, { recursive: true, force: true });
  mkdirSync(outdir, { recursive: true });
  // The package is "type": "module"; the bundle's .js files are CommonJS.
  writeFileSync(path.join(outdir, 'package.json'), '{ "type": "commonjs" }\n');
  const shim = path.join(outdir, 'import-meta-url.js');
  writeFileSync(
    shim,
    [
      "export const importMetaUrl = require('node:url').pathToFileURL(__filename).href;",
      // A library file's own URL, found where its package is installed now (yargs reads its locales beside it);
      // the bundle's own where the package hides its package.json (yargs-parser only makes a require from it).
      'export function packageFileUrl(pkg, file) {',
      "  const path = require('node:path');",
      '  try {',
      // Where npm puts it, checked first: require.resolve reads and checks the package's exports (about 4 ms for yargs at every start).
      "    const usual = path.join(__dirname, '..', '..', 'node_modules', pkg);",
      "    const dir = require('node:fs').existsSync(path.join(usual, 'package.json')) ? usual : path.dirname(require.resolve(`${pkg}/package.json`));",
      "    return require('node:url').pathToFileURL(path.join(dir, file)).href;",
      '  } catch {',
      '    return importMetaUrl;',
      '  }',
      '}',
      '',
    ].join('\n'),
  );
  await build({
    entryPoints: { 'gen-report': path.join(root, 'dist/cli/main.js'), 'chart-worker': path.join(root, 'dist/charts/chart-worker.js') },
    outdir,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    // The native canvas addon loads from node_modules as it is.
    external: ['@napi-rs/canvas', 'canvas'],
    // import() becomes a lazy init function: a pptx build still never runs the docx writer's module code.
    supported: { 'dynamic-import': false },
    define: { 'import.meta.url': 'importMetaUrl' },
    inject: [shim],
    plugins: [libraryFileUrls, lazyStringWidth, bundledChartLibraries],
    logLevel: 'warning',
    legalComments: 'none',
    minify: process.env.BUNDLE_MINIFY !== '0',
    // Error classes and yargs' checks read constructor and function names.
    keepNames: true,
  });
  rmSync(shim);
  for (const name of ['gen-report.js', 'chart-worker.js']) {
    const file = path.join(outdir, name);
    const code = asciiOnly(readFileSync(file, 'utf8'));
    if (name !== 'gen-report.js') {
      writeFileSync(file, code);
      continue;
    }
    // bin/gen-report.cjs compiles the file as it is: written as the function CommonJS wraps a module in, it
    // need not build a second 2 MB string to wrap it. The entry's #! line is not JavaScript inside a function.
    const wrapped = `(function (exports, require, module, __filename, __dirname) {${code.replace(/^#![^\n]*/, '')}\n})`;
    // The code cache is only valid for these exact bytes: the last line names them (bin/gen-report.cjs reads it).
    writeFileSync(file, `${wrapped}//# gen-report-build=${createHash('sha256').update(wrapped).digest('hex').slice(0, 16)}\n`);
  }
}

/**
 * esbuild escapes strings but leaves regular expressions' Chinese as it is, and
 * one such character makes V8 hold the whole 2 MB source as a two-byte string:
 * reading it then takes about 10 ms longer. Outside strings and templates (already
 * escaped) they occur only in regular expressions, where \uXXXX means the same
 * (a surrogate pair too, with or without the u flag).
 */
function asciiOnly(code) {
  // After a backslash (an identity escape) the character would need different handling: stop rather than guess.
  if (/\\[^\x00-\x7f]/.test(code)) throw new Error('a backslash before a non-ASCII character; asciiOnly() needs to handle it');
  return code.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * Fills the code caches through the bin (it names caches by the formats asked
 * for): a report's from a first build, which draws its charts; a deck's from a
 * rebuild whose charts come from the chart cache, as most deck builds are
 * (regenerating after a data edit redraws only the changed charts), so it
 * does not carry Chart.js's compiled code for every start. Other formats'
 * caches are written by their first run.
 */
function fillCodeCache() {
  const run = (format, out, env = {}) => {
    const r = spawnSync(process.execPath, [path.join(root, 'bin/gen-report.cjs'), '--format', format, '--out', out, '--quiet'], { cwd: root, env: { ...process.env, ...env }, encoding: 'utf8' });
    if (r.status !== 0) console.warn(`bundle: the ${format} code cache was not filled (the build exited ${r.status}); gen-report fills it on its first run.\n${r.stderr}`);
  };
  const dropCache = (format) => {
    for (const f of readdirSync(outdir)) if (f.endsWith(`.${format}.cache`)) rmSync(path.join(outdir, f));
  };
  for (const [format, chartsCached] of [['pptx', true], ['docx', false]]) {
    const out = mkdtempSync(path.join(os.tmpdir(), 'gen-report-code-cache-'));
    try {
      if (chartsCached) {
        run(format, out); // draws the charts into out/.cache
        dropCache(format);
      }
      run(format, out, { GEN_REPORT_WRITE_CODE_CACHE: '1' });
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }
}

try {
  await bundle();
  fillCodeCache();
  const files = readdirSync(outdir);
  if (!files.some((f) => f.endsWith('.cache'))) console.warn('bundle: no code cache written; gen-report starts slower until its first run writes one.');
} catch (e) {
  rmSync(outdir, { recursive: true, force: true });
  console.warn(`bundle: skipped (${e instanceof Error ? e.message : e}); gen-report runs the compiled modules, a little slower to start.`);
}
