// Warm rebuild benchmark: what `gen-report watch` does after one fact changes.
// The library build() with one RebuildCache shared across builds (default data,
// default deck template, pptx): a cold build, then rebuilds each after a
// one-fact edit (the latest 5G base-station count), of which only the chart
// showing that series is drawn again.
// Needs the build: `npx tsc -p tsconfig.json` first.
// Run alone: `node bench/rebuild.mjs [edits]` prints one JSON line.
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from '../dist/pipeline/build.js';
import { RebuildCache } from '../dist/pipeline/rebuild-cache.js';
import { readDataDir, readTemplateDir } from '../dist/cli/io.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const FACT = /(value: )46000(\n\s+printed: )4\.6万个/;

const ms = (t) => Math.round(t * 10) / 10;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** The data with the latest 5G count set to `n` × 1000 (printed n/10 万个, so the data stays valid). */
function withFiveG(data, n) {
  let hit = false;
  const out = data.map((f) => {
    if (!FACT.test(f.text)) return f;
    hit = true;
    return { ...f, text: f.text.replace(FACT, `$1${n * 1000}$2${n / 10}万个`) };
  });
  if (!hit) throw new Error('bench/rebuild.mjs: the 5G point "value: 46000 / printed: 4.6万个" is no longer in data/; pick another fact to edit');
  return out;
}

export async function benchRebuild({ edits = 5 } = {}) {
  const data = await readDataDir(path.join(root, 'data'));
  const template = await readTemplateDir(path.join(root, 'templates/qingdao-briefing'));
  const cache = new RebuildCache();
  const chartCache = cache.charts;
  const run = async (input) => {
    const hits = chartCache.hits;
    const misses = chartCache.misses;
    const started = performance.now();
    const r = await build({ data: input, template, formats: ['pptx'], cache, timestamp: 0 });
    return { ms: performance.now() - started, rendered: chartCache.misses - misses, reused: chartCache.hits - hits, timings: r.result.timings };
  };
  const cold = await run(data);
  const warm = [];
  for (let i = 0; i < edits; i++) warm.push(await run(withFiveG(data, 47 + i)));
  const typical = warm.find((w) => w.ms === median(warm.map((x) => x.ms)));
  return {
    coldMs: ms(cold.ms),
    coldChartsRendered: cold.rendered,
    warmMs: ms(typical.ms),
    warmMsAll: warm.map((w) => ms(w.ms)),
    chartsRerendered: typical.rendered,
    chartsReused: typical.reused,
    warmStagesMs: Object.fromEntries(Object.entries(typical.timings).map(([k, v]) => [k, ms(v)])),
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const edits = Number(process.argv[2] ?? 5);
  console.log(JSON.stringify(await benchRebuild({ edits })));
}
