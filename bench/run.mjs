// `npm run bench`: issue 18's goal table measured in one run, each row as a
// ratio against pandoc 2.17 (or an absolute target), min/median/max over
// BENCH_RUNS runs (default 5), peak memory, and how loaded the machine was.
// Writes bench/results/latest.json and prints the table. Targets are reported
// here, never asserted in tests.
//
// Ratios are taken per run: our command and pandoc's run back to back, so a
// busy neighbour slows both; the ratio's median is steadier than either time.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync, readdirSync, cpSync, existsSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// Every child runs without NODE_EXTRA_CA_CERTS: gen-report opens no TLS connection, and
// where a machine sets it (this one does) Node reads the whole certificate file at every
// start, about 70 ms before any of our code runs. Its cost is shown as its own row.
const machineCaCerts = process.env.NODE_EXTRA_CA_CERTS;
delete process.env.NODE_EXTRA_CA_CERTS;
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 5));
const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'gen-report-bench-'));
const round = (x, digits = 0) => Math.round(x * 10 ** digits) / 10 ** digits;

/** min / median / max of a list. */
function stats(xs, digits = 0) {
  const s = [...xs].sort((a, b) => a - b);
  return { min: round(s[0], digits), median: round(s[Math.floor(s.length / 2)], digits), max: round(s[s.length - 1], digits) };
}

/** One CLI run in a fresh process: wall time and the process's peak RSS (bench/cli-child.mjs reports it). */
function cli(args, out) {
  const start = performance.now();
  const r = spawnSync(process.execPath, [path.join(root, 'bench/cli-child.mjs'), ...args, '--out', out, '--quiet'], { cwd: root, encoding: 'utf8' });
  const ms = performance.now() - start;
  if (r.status !== 0) throw new Error(`gen-report ${args.join(' ')} failed:\n${r.stderr}`);
  const m = /BENCH (\{.*\})/.exec(r.stderr);
  return { ms, rssMb: m ? JSON.parse(m[1]).maxRssMb : 0 };
}

/** One run of any command: wall time. */
function timed(cmd, args, cwd, env = process.env) {
  const start = performance.now();
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', env });
  const ms = performance.now() - start;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed:\n${r.stderr}`);
  return ms;
}

/**
 * A row: RUNS times, our command then the reference right after it.
 * `ours(i)` returns { ms, rssMb }; `reference()` returns ms (or undefined when there is none).
 */
function row(name, goal, ours, reference) {
  const times = [];
  const refs = [];
  const ratios = [];
  let peak = 0;
  for (let i = 0; i < RUNS; i++) {
    const o = ours(i);
    times.push(o.ms);
    peak = Math.max(peak, o.rssMb ?? 0);
    const ref = reference?.();
    if (ref !== undefined) {
      refs.push(ref);
      ratios.push(o.ms / ref);
    }
  }
  return { name, goal, ms: stats(times), peakRssMb: peak || undefined, ...(refs.length ? { referenceMs: stats(refs), ratio: stats(ratios, 2) } : {}) };
}

/** A synthetic deck: 200 slides, 100 of them with a chart, from the real data. */
function syntheticTemplate() {
  const dir = tmp();
  cpSync(path.join(root, 'templates/qingdao-briefing/charts.yaml'), path.join(dir, 'charts.yaml'));
  const slides = [];
  for (let i = 0; i < 200; i++) {
    const title = `## 第${i + 1}页`;
    if (i % 2 === 0) {
      slides.push(`${title}\n\n{{#chart kind="column" id="c${i}" title="示例图${i}" series="qingdao-5g-base-stations"}}\n5G基站{{latest "qingdao-5g-base-stations"}}。\n{{/chart}}\n\n::: notes\n讲解要点。\n:::\n`);
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

const load = () => os.loadavg().map((x) => round(x, 2));
const results = {
  date: new Date().toISOString(),
  machine: `${os.cpus()[0]?.model ?? 'cpu'} ×${os.cpus().length}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, node ${process.version}`,
  runs: RUNS,
  loadAverageBefore: load(),
};

const pv = pandocVersion();
// pandoc converts our own Markdown (with the same chart PNGs): same content, its writer.
let mdDir;
let md;
if (pv) {
  mdDir = tmp();
  cli(['--format', 'md'], mdDir);
  md = readdirSync(mdDir).find((f) => f.endsWith('.md'));
}
const pandoc = (to) => (pv ? () => timed('pandoc', [md, '-o', `pandoc.${to}`], mdDir) : undefined);
const fresh = (args) => () => {
  const out = tmp();
  try {
    return cli(args, out);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
};

const rows = [];
rows.push(row('cold default deck, charts drawn (pptx)', { ratio: 3 }, fresh(['--format', 'pptx']), pandoc('pptx')));
const cachedOut = tmp();
cli(['--format', 'pptx'], cachedOut); // fills OUT/.cache/charts
rows.push(row('default deck, charts from cache (pptx)', { ratio: 1.5 }, () => cli(['--format', 'pptx'], cachedOut), pandoc('pptx')));
rows.push(row('cold default report (docx)', { ratio: 3 }, fresh(['--format', 'docx']), pandoc('docx')));

let rebuild;
if (existsSync(path.join(root, 'bench/rebuild.mjs'))) {
  const { benchRebuild } = await import('./rebuild.mjs');
  rebuild = await benchRebuild({ edits: Math.max(5, RUNS) });
  rows.push({ name: 'warm rebuild after a one-fact edit (watch)', goal: { ms: 150 }, ms: stats(rebuild.warmMsAll), detail: rebuild });
}

const synthetic = syntheticTemplate();
rows.push(row('200 slides, 100 charts, cold (pptx)', { ms: 4000, rssMb: 400 }, fresh(['--format', 'pptx', '--template', synthetic])));
rows.push(row('gen-report --version', { ms: 120 }, () => ({ ms: timed(process.execPath, [path.join(root, 'bin/gen-report.cjs'), '--version'], root) })));
// The floor under every row: node starting and exiting, on this machine, now.
rows.push(row('node -e 0 (start-up floor, no goal)', {}, () => ({ ms: timed(process.execPath, ['-e', '0'], root) })));
if (machineCaCerts) {
  rows.push(row('node -e 0 with this machine\'s NODE_EXTRA_CA_CERTS (no goal)', {}, () => ({ ms: timed(process.execPath, ['-e', '0'], root, { ...process.env, NODE_EXTRA_CA_CERTS: machineCaCerts }) })));
}

results.pandoc = pv ?? 'pandoc not installed (apt-get install pandoc): no ratios';
results.rows = rows;
results.loadAverageAfter = load();
mkdirSync(path.join(root, 'bench/results'), { recursive: true });
writeFileSync(path.join(root, 'bench/results/latest.json'), `${JSON.stringify(results, null, 2)}\n`);

/** Whether the row's median meets its goal. */
function verdict(r) {
  const ok = [];
  if (r.goal.ratio !== undefined && r.ratio) ok.push(r.ratio.median <= r.goal.ratio);
  if (r.goal.ms !== undefined) ok.push(r.ms.median <= r.goal.ms);
  if (r.goal.rssMb !== undefined && r.peakRssMb) ok.push(r.peakRssMb <= r.goal.rssMb);
  return ok.length ? (ok.every(Boolean) ? 'met' : 'missed') : '';
}
const goalText = (g) => [g.ratio !== undefined ? `≤ ${g.ratio}× pandoc` : '', g.ms !== undefined ? `≤ ${g.ms} ms` : '', g.rssMb !== undefined ? `≤ ${g.rssMb} MB` : ''].filter(Boolean).join(', ');
const mmm = (s, unit = '') => `${s.min} / ${s.median} / ${s.max}${unit}`;

console.log(`gen-report benchmark — ${results.machine}; ${results.pandoc}`);
console.log(`${RUNS} runs a row; load average (1/5/15 min) ${results.loadAverageBefore.join(' ')} before, ${results.loadAverageAfter.join(' ')} after\n`);
console.log(`${'measure'.padEnd(44)} ${'ms min/median/max'.padEnd(22)} ${'× pandoc min/med/max'.padEnd(22)} ${'peak'.padEnd(8)} goal`);
for (const r of rows) {
  console.log(
    `${r.name.padEnd(44)} ${mmm(r.ms).padEnd(22)} ${(r.ratio ? mmm(r.ratio, '×') : '').padEnd(22)} ${(r.peakRssMb ? `${r.peakRssMb} MB` : '').padEnd(8)} ${goalText(r.goal)} ${verdict(r)}`,
  );
}
if (rebuild) console.log(`\nwarm rebuild stages (ms): ${Object.entries(rebuild.warmStagesMs).map(([k, v]) => `${k} ${v}`).join(' · ')}`);
console.log('\nwritten to bench/results/latest.json');
