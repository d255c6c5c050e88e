// `npm run bench`: one run that measures what a user waits for, writes
// bench/results/latest.json and prints a table. Targets are reported here,
// never asserted in tests (see the README's benchmark section).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync, readdirSync, cpSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'gen-report-bench-'));

/** Time a CLI build in a fresh process (cold), RUNS times; median wall time, max peak RSS. */
function cliBuild(args, { warmCache = false } = {}) {
  const times = [];
  let rss = 0;
  const shared = tmp();
  // With warmCache the output folder (and its .cache/charts) is kept: a rebuild with nothing changed.
  if (warmCache) spawnSync(process.execPath, [path.join(root, 'dist/cli/main.js'), ...args, '--out', shared, '--quiet'], { cwd: root });
  for (let i = 0; i < RUNS; i++) {
    const out = warmCache ? shared : tmp();
    const start = performance.now();
    const r = spawnSync(process.execPath, [path.join(root, 'bench/cli-child.mjs'), ...args, '--out', out, '--quiet'], { cwd: root, encoding: 'utf8' });
    times.push(performance.now() - start);
    if (r.status !== 0) throw new Error(`gen-report ${args.join(' ')} failed:\n${r.stderr}`);
    const m = /BENCH (\{.*\})/.exec(r.stderr);
    if (m) rss = Math.max(rss, JSON.parse(m[1]).maxRssMb);
  }
  return { ms: Math.round(median(times)), peakRssMb: rss };
}

function timeCommand(cmd, args, cwd) {
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    const r = spawnSync(cmd, args, { cwd, encoding: 'utf8' });
    times.push(performance.now() - start);
    if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed:\n${r.stderr}`);
  }
  return Math.round(median(times));
}

/** A synthetic deck: 200 slides, 100 of them with a chart, from the real data. */
function syntheticTemplate() {
  const dir = tmp();
  cpSync(path.join(root, 'templates/qingdao-briefing/charts.yaml'), path.join(dir, 'charts.yaml'));
  const charts = ['fiveg', 'cosmoplat-effects', 'china-digital-economy', 'innovation-cases', 'cosmoplat-above-size'];
  const slides = [];
  for (let i = 0; i < 200; i++) {
    const title = `## 第${i + 1}页`;
    if (i % 2 === 0) {
      const kind = charts[(i / 2) % charts.length];
      slides.push(`${title}\n\n{{#chart kind="column" id="c${i}" title="示例图${i}" series="qingdao-5g-base-stations"}}\n5G基站{{latest "qingdao-5g-base-stations"}}。\n{{/chart}}\n\n::: notes\n${kind}\n:::\n`);
    } else {
      slides.push(`${title}\n\n- 卡奥斯赋能企业{{fact "cosmoplat-enterprises-empowered"}}\n- 国家级平台{{fact "qingdao-national-platforms"}}\n\n::: notes\n讲解要点。\n:::\n`);
    }
  }
  writeFileSync(path.join(dir, 'deck.md.hbs'), `# 压力测试\n\n${slides.join('\n')}`);
  writeFileSync(path.join(dir, 'template.yaml'), 'name: synthetic\ndescription: 200 slides, 100 charts\nformats: [pptx]\nentry: deck.md.hbs\nmeta:\n  title: 压力测试\n  issuer: 基准测试\n');
  return dir;
}

function pandocVersion() {
  const r = spawnSync('pandoc', ['--version'], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.split('\n')[0] : undefined;
}

async function optional(file, fn) {
  if (!existsSync(path.join(root, 'bench', file))) return { skipped: `bench/${file} missing` };
  const mod = await import(`./${file}`);
  return fn(mod);
}

const results = { date: new Date().toISOString(), machine: `${os.cpus()[0]?.model ?? 'cpu'} ×${os.cpus().length}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, node ${process.version}`, runs: RUNS };

results.deckCold = cliBuild(['--format', 'pptx']);
results.deckCached = cliBuild(['--format', 'pptx'], { warmCache: true });
results.reportCold = cliBuild(['--format', 'docx']);
results.synthetic200 = cliBuild(['--format', 'pptx', '--template', syntheticTemplate()]);
results.synthetic200.ratioToDeck = Math.round((results.synthetic200.ms / results.deckCold.ms) * 10) / 10;

const pv = pandocVersion();
if (pv) {
  // pandoc converts our own Markdown (with the same chart PNGs): same content, its writer.
  const mdOut = tmp();
  const r = spawnSync(process.execPath, [path.join(root, 'dist/cli/main.js'), '--format', 'md', '--out', mdOut, '--quiet'], { cwd: root, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  const md = readdirSync(mdOut).find((f) => f.endsWith('.md'));
  const pandocPptx = timeCommand('pandoc', [md, '-o', 'pandoc.pptx'], mdOut);
  const pandocDocx = timeCommand('pandoc', [md, '-o', 'pandoc.docx'], mdOut);
  results.pandoc = { version: pv, pptxMs: pandocPptx, docxMs: pandocDocx, deckRatio: Math.round((results.deckCold.ms / pandocPptx) * 100) / 100, reportRatio: Math.round((results.reportCold.ms / pandocDocx) * 100) / 100 };
} else {
  results.pandoc = { skipped: 'pandoc not installed (apt-get install pandoc)' };
}

results.charts = await optional('charts.mjs', (m) => m.benchCharts({ n: Number(process.env.BENCH_CHARTS ?? 500) }));
results.warmRebuild = await optional('rebuild.mjs', (m) => m.benchRebuild());

mkdirSync(path.join(root, 'bench/results'), { recursive: true });
writeFileSync(path.join(root, 'bench/results/latest.json'), `${JSON.stringify(results, null, 2)}\n`);

const rows = [
  ['cold build, default deck (pptx)', `${results.deckCold.ms} ms`, `${results.deckCold.peakRssMb} MB`, results.pandoc.deckRatio ? `${results.pandoc.deckRatio}× pandoc (target ≤ 1.5×)` : ''],
  ['rebuild, charts from .cache (pptx)', `${results.deckCached.ms} ms`, `${results.deckCached.peakRssMb} MB`, results.pandoc.pptxMs ? `${Math.round((results.deckCached.ms / results.pandoc.pptxMs) * 100) / 100}× pandoc` : ''],
  ['cold build, report (docx)', `${results.reportCold.ms} ms`, `${results.reportCold.peakRssMb} MB`, results.pandoc.reportRatio ? `${results.pandoc.reportRatio}× pandoc` : ''],
  ['200 slides, 100 charts (pptx)', `${results.synthetic200.ms} ms`, `${results.synthetic200.peakRssMb} MB`, `${results.synthetic200.ratioToDeck}× default deck (target ≤ 10×)`],
  ['pandoc md → pptx / docx', results.pandoc.pptxMs ? `${results.pandoc.pptxMs} / ${results.pandoc.docxMs} ms` : results.pandoc.skipped, '', ''],
  ['charts per second', results.charts.chartsPerSecond ? `${results.charts.chartsPerSecond}/s` : results.charts.skipped ?? '', results.charts.peakRssMb ? `${results.charts.peakRssMb} MB` : '', ''],
  ['warm rebuild after one fact', results.warmRebuild.warmMs ? `${results.warmRebuild.warmMs} ms` : results.warmRebuild.skipped ?? '', '', 'target ≤ 150 ms'],
];
console.log(`gen-report benchmark — ${results.machine}\n`);
for (const [a, b, c, d] of rows) console.log(`${a.padEnd(34)} ${String(b).padStart(16)} ${String(c).padStart(9)}  ${d}`);
console.log('\nwritten to bench/results/latest.json');
