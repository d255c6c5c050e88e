// Chart stage benchmark: n renders of mixed kinds and both media, no cache.
// Reports throughput and memory, to show renderers are reused and the heap
// stays bounded. Needs the build: `npx tsc -p tsconfig.json` first.
// Run alone: `node --expose-gc bench/charts.mjs [n]` prints one JSON line.
import { pathToFileURL } from 'node:url';
import { renderCharts, rendererCount } from '../dist/charts/index.js';
import { defaultTheme } from '../dist/model/default-theme.js';

const years = ['2020年', '2021年', '2022年', '2023年', '2024年', '2025年'];
const source = '数据来源：青岛市工业和信息化局；青岛日报，2025年3月';

/** Six specs, one per kind, with values shifted by `k` so no two renders are alike. */
function specsFor(k) {
  const f = (v) => Math.round(v * (1 + (k % 7) / 50) * 100) / 100;
  const series = (vals, unit, extra = {}) => ({ label: '青岛', data: vals.map(f), dataLabels: vals.map((v) => `${f(v)}万`), unit, ...extra });
  return [
    { id: `col-${k}`, kind: 'column', title: '青岛5G基站累计开通数', labels: years, datasets: [series([1.2, 2.06, 2.9, 3.3, 3.78, 4.6], '万个')], axisTitles: { left: '万个' }, sourceNote: source, alt: '' },
    { id: `line-${k}`, kind: 'line', title: '工业互联网产业规模', labels: years, datasets: [series([1200, 1560, null, 2400, 2850, 3300], '亿元'), { ...series([600, 800, 1050, 1250, 1500, 1700], '亿元'), label: '带动增加值' }], axisTitles: { left: '亿元' }, sourceNote: source, alt: '' },
    { id: `combo-${k}`, kind: 'combo', title: '数字经济核心产业增加值及占GDP比重', labels: years.slice(2), datasets: [series([1.18, 1.32, 1.45, 1.62], '万亿元', { axis: 'left', draw: 'bar' }), { label: '占比', data: [8.2, 8.9, 9.3, 9.8], dataLabels: ['8.2%', '8.9%', '9.3%', '9.8%'], unit: '%', axis: 'right', draw: 'line' }], axisTitles: { left: '万亿元', right: '%' }, sourceNote: source, alt: '' },
    { id: `hbar-${k}`, kind: 'hbar', title: '双跨平台评价排名', labels: ['卡奥斯COSMOPlat', '根云', '柠檬豆', '用友精智'], datasets: [{ label: '排名', data: [1, 3, 9, 5], dataLabels: ['第1位', '第3位', '第9位', '第5位'], unit: '位次' }], axisTitles: { left: '位次' }, sourceNote: source, alt: '', reverseValueAxis: true },
    { id: `share-${k}`, kind: 'doughnut', title: '平台服务企业行业分布', labels: ['家电', '机械装备', '纺织服装', '化工', '其他'], datasets: [{ label: '占比', data: [32, 24, 14, 11, 19], dataLabels: ['32%', '24%', '14%', '11%', '19%'], unit: '%' }], sourceNote: source, alt: '' },
    { id: `stack-${k}`, kind: 'stacked', title: '试点示范项目数', labels: years.slice(2), datasets: ['国家级', '省级', '市级'].map((l, i) => ({ label: l, data: [5 + i * 10, 8 + i * 12, 11 + i * 15, 14 + i * 20], dataLabels: [5 + i * 10, 8 + i * 12, 11 + i * 15, 14 + i * 20].map(String), unit: '个' })), axisTitles: { left: '个' }, sourceNote: source, alt: '' },
  ];
}

const mb = (bytes) => Math.round((bytes / 1048576) * 10) / 10;
const gc = () => globalThis.gc?.();

export async function benchCharts({ n = 500 } = {}) {
  // Warm-up: renderers, fonts and Chart.js load once, outside the measurement.
  renderCharts(specsFor(0).slice(0, 1), defaultTheme, { media: ['slide', 'page'] });
  gc();
  const heapUsedStart = process.memoryUsage().heapUsed;
  let peakRss = process.memoryUsage().rss;
  const rssEvery100 = [];
  const started = performance.now();
  for (let i = 0; i < n; i++) {
    const k = Math.floor(i / 6);
    const spec = specsFor(k)[i % 6];
    renderCharts([spec], defaultTheme, { media: [i % 2 ? 'page' : 'slide'] });
    if (i % 10 === 0) peakRss = Math.max(peakRss, process.memoryUsage().rss);
    if ((i + 1) % 100 === 0) rssEvery100.push(mb(process.memoryUsage().rss));
  }
  const seconds = (performance.now() - started) / 1000;
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  gc();
  return {
    n,
    chartsPerSecond: Math.round((n / seconds) * 10) / 10,
    peakRssMb: mb(peakRss),
    heapUsedStartMb: mb(heapUsedStart),
    heapUsedEndMb: mb(process.memoryUsage().heapUsed),
    // Flat after the first hundred when memory is bounded.
    rssMbEvery100: rssEvery100,
    renderers: rendererCount(),
    gcExposed: typeof globalThis.gc === 'function',
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const n = Number(process.argv[2] ?? 500);
  console.log(JSON.stringify(await benchCharts({ n })));
}
