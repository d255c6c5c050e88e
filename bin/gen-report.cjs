#!/usr/bin/env node
// gen-report's command. Runs the one-file bundle (dist/bundle/gen-report.js,
// made by scripts/bundle.mjs) with a V8 code cache, so start-up reads one file
// and compiles almost nothing (issue 18); without the bundle it runs the
// compiled modules (dist/cli/main.js), which behave the same.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');
const { createRequire } = require('node:module');

/**
 * The young generation stays at its first 1 MB semi-space (V8 doubles it, up to
 * 16 MB, while objects survive). Touching fresh memory costs more here than the
 * extra scavenges: measured, a cached deck 50 ms faster and 17 MB smaller, a
 * first report 90 ms faster. Set before the bundle is compiled, so its code
 * cache is made and read under the same flags (V8 checks them).
 */
function smallYoungGeneration() {
  require('node:v8').setFlagsFromString('--semi-space-growth-factor=1');
}

const root = path.join(__dirname, '..');
const bundle = path.join(root, 'dist', 'bundle', 'gen-report.js');

/** `gen-report --version` alone answers before anything else loads. */
function versionOnly(argv) {
  if (argv.length !== 1 || argv[0] !== '--version') return false;
  process.stdout.write(`${JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).version}\n`);
  return true;
}

/**
 * A code cache is only valid for the exact bundle and Node that made it (V8
 * itself checks little more than the source length), so its name carries the
 * bundle's content hash (its last line, written by scripts/bundle.mjs) and
 * Node's version and architecture. It also names the formats the command line
 * asks for: V8 reads a whole cache at start-up, and a deck's, without the
 * report writer's code, starts about 40 ms sooner than one holding both. A
 * guess that misses (another command, odd spelling) only costs time.
 */
function cacheFileFor(source, argv) {
  const build = /\/\/# gen-report-build=([0-9a-f]+)\s*$/.exec(source.slice(-100));
  if (!build) return undefined;
  const formats = new Set();
  for (const arg of argv) {
    const named = /^(?:--format=)?(pptx|docx|md|html|pdf|json|all)$/.exec(arg);
    if (named) formats.add(named[1]);
  }
  // No --format builds the default deck.
  const profile = formats.size ? [...formats].sort().join('+') : 'pptx';
  return path.join(path.dirname(bundle), `gen-report.${build[1]}.${process.version}-${process.arch}.${profile}.cache`);
}

function runBundle(source, argv) {
  const cacheFile = cacheFileFor(source, argv);
  let cachedData;
  try {
    cachedData = cacheFile && fs.readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  // The bundle is written as the function CommonJS wraps a module in (scripts/bundle.mjs).
  const script = new vm.Script(source, { filename: bundle, cachedData });
  // A missing or rejected cache is written when this run ends, with every function the run compiled.
  if (cacheFile && (cachedData === undefined || script.cachedDataRejected || process.env.GEN_REPORT_WRITE_CODE_CACHE === '1')) {
    process.once('exit', () => writeCache(script, cacheFile));
  }
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(bundle), module, bundle, path.dirname(bundle));
}

function writeCache(script, cacheFile) {
  const temporary = `${cacheFile}.${process.pid}.tmp`;
  try {
    fs.writeFileSync(temporary, script.createCachedData());
    fs.renameSync(temporary, cacheFile);
  } catch {
    // A read-only install runs without a cache: slower to start, same output.
    fs.rmSync(temporary, { force: true });
  }
}

if (!versionOnly(process.argv.slice(2))) {
  smallYoungGeneration();
  let source;
  try {
    source = fs.readFileSync(bundle, 'utf8');
  } catch {
    source = undefined;
  }
  if (source === undefined) import('../dist/cli/main.js');
  else runBundle(source, process.argv.slice(2));
}
