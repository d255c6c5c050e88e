/**
 * The html output in a real browser: Debian's Chromium (/usr/bin/chromium,
 * installed by .ci/run) driven by playwright-core; nothing downloads a
 * browser. One browser for the whole file. The preview runs as the CLI
 * does, on a temporary copy of data/ and templates/, never the real ones.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/fixtures.js';
import { runCli } from '../helpers/cli.js';
import { writeHtml } from '../../src/writers/html/index.js';
import { evilDoc } from '../writers/html/hostile-doc.js';
import { makeChartPng } from '../writers/pptx/fixtures.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const cli = path.join(repoRoot, 'dist/cli/main.js');

let browser: Browser;
let work: string;
let preview: ChildProcess;
let url: string;
let stdout = '';
const exited = { code: undefined as number | null | undefined };

/** Console errors and failed requests of a page, collected as they happen. */
function watchPage(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  // The event stream is cut when the page reloads; that is no failure.
  page.on('requestfailed', (r) => !r.url().endsWith('/__events') && problems.push(`request failed: ${r.url()}`));
  return problems;
}

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'gen-report-preview-'));
  cpSync(path.join(repoRoot, 'data'), path.join(work, 'data'), { recursive: true });
  cpSync(path.join(repoRoot, 'templates'), path.join(work, 'templates'), { recursive: true });
  // A link to a system file beside the data and the template: the preview must never serve it.
  symlinkSync('/etc/passwd', path.join(work, 'data', 'leak.png'));
  symlinkSync('/etc/passwd', path.join(work, 'templates', 'qingdao-briefing', 'leak.png'));
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  // cwd is the copy, so the default templates are the copied ones.
  preview = spawn(process.execPath, [cli, 'preview', '--data', 'data', '--port', '0'], { cwd: work, env: { ...process.env, LC_ALL: '', LC_MESSAGES: '', LANG: '' } });
  preview.stdout!.on('data', (d) => (stdout += d));
  preview.on('exit', (code) => (exited.code = code));
  url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no preview address in: ${stdout}`)), 110_000);
    preview.stdout!.on('data', () => {
      const m = /http:\/\/127\.0\.0\.1:\d+\//.exec(stdout);
      if (m) {
        clearTimeout(timer);
        resolve(m[0]);
      }
    });
    preview.on('exit', () => reject(new Error(`preview exited: ${stdout}`)));
  });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  if (preview && exited.code === undefined) preview.kill('SIGKILL');
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('gen-report preview in Chromium', () => {
  it('prints a 127.0.0.1 address in Chinese and serves the deck', async () => {
    expect(stdout).toContain('预览地址：');
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const problems = watchPage(page);
    await page.goto(url);
    expect(new URL(page.url()).pathname).toBe('/qingdao-briefing/');
    const slides = await page.locator('main > .slide').count();
    expect(slides).toBeGreaterThan(20);
    // Every slide: shown one at a time with the arrow key, drawn, its pictures loaded.
    await page.keyboard.press('g');
    for (let i = 0; i < slides; i++) {
      const current = page.locator('main > .slide.current');
      await expect.poll(() => current.getAttribute('data-n')).toBe(String(i + 1));
      const box = await current.locator('.canvas').boundingBox();
      expect(box!.width).toBeGreaterThan(300);
      expect(await current.locator('.sh').count()).toBeGreaterThan(0);
      const broken = await current.locator('img').evaluateAll((imgs) => imgs.filter((im) => !(im as HTMLImageElement).complete || (im as HTMLImageElement).naturalWidth === 0).length);
      expect(broken).toBe(0);
      await page.keyboard.press('ArrowRight');
    }
    expect(problems).toEqual([]);
    // The report is served too, as pages.
    await page.goto(new URL('/qingdao-report/', url).href);
    expect(await page.locator('main > .page').count()).toBeGreaterThan(3);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('hovering a figure shows its fact, source and paragraph; n and f show notes and facts', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${url}qingdao-briefing/#slide-4`);
    const fig = page.locator('#slide-4 .fig').first();
    await fig.hover();
    const tip = page.locator('#tip');
    await expect.poll(() => tip.isVisible()).toBe(true);
    const text = await tip.innerText();
    expect(text).toMatch(/事实编号\s*\S+@\d{4}/);
    expect(text).toMatch(/来源\s*\S+《/);
    expect(text).toMatch(/段落\s*第\d+段/);
    expect(text).toMatch(/数据时间\s*\d{4}年/);
    await page.keyboard.press('f');
    await expect.poll(() => page.locator('#slide-4 .facts').isVisible()).toBe(true);
    expect(await page.locator('#slide-4 .facts li').count()).toBeGreaterThan(1);
    await page.keyboard.press('n');
    await expect.poll(() => page.locator('.slide.current .notes').isVisible()).toBe(true);
    await page.close();
  });

  it('reloads with the new figure after a data edit; a broken edit shows the error until the next good save', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const problems = watchPage(page);
    await page.goto(`${url}qingdao-briefing/#slide-4`);
    const kpis = () => page.locator('#slide-4 .canvas').innerText();
    expect(await kpis()).toContain('4.6');
    const file = path.join(work, 'data/indicators/infrastructure.yaml');
    const good = readFileSync(file, 'utf8');
    const edited = good.replace('value: 46000\n        printed: 4.6万个', 'value: 47000\n        printed: 4.7万个');
    expect(edited).not.toBe(good);

    await Promise.all([page.waitForEvent('load', { timeout: 90_000 }), Promise.resolve().then(() => writeFileSync(file, edited))]);
    await expect.poll(kpis, { timeout: 30_000 }).toContain('4.7');

    const broken = edited.replace('value: 47000', 'value: [47000');
    writeFileSync(file, broken);
    const overlay = page.locator('#gr-error');
    await expect.poll(() => overlay.isVisible(), { timeout: 90_000 }).toBe(true);
    const message = await overlay.innerText();
    expect(message).toContain('生成失败');
    expect(message).toMatch(/data[\\/]indicators[\\/]infrastructure\.yaml:\d+/);
    // The last good page stays underneath.
    expect(await kpis()).toContain('4.7');

    await Promise.all([page.waitForEvent('load', { timeout: 90_000 }), Promise.resolve().then(() => writeFileSync(file, good))]);
    await expect.poll(kpis, { timeout: 30_000 }).toContain('4.6');
    expect(await overlay.isVisible()).toBe(false);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('serves only the build: no symlinked file, no file of the project', async () => {
    for (const p of ['leak.png', 'data/leak.png', 'qingdao-briefing/leak.png', 'templates/qingdao-briefing/leak.png', 'data/indicators/infrastructure.yaml', 'qingdao-briefing/%2e%2e/%2e%2e/data/sources.yaml']) {
      const r = await fetch(new URL(p, url));
      expect([400, 404], p).toContain(r.status);
      expect(await r.text()).not.toMatch(/root:|indicators:/);
    }
  });

  it('stops cleanly on Ctrl+C (SIGINT): exit 0, port closed', async () => {
    preview.kill('SIGINT');
    await expect.poll(() => exited.code, { timeout: 30_000 }).toBe(0);
    const refused = await fetch(url).then(
      () => false,
      () => true,
    );
    expect(refused).toBe(true);
  });
});

describe('--format html opens from disk', () => {
  it('loads every image from its own folder and makes no other request', async () => {
    const out = path.join(work, 'out');
    const r = runCli(['--format', 'html', '--data', path.join(work, 'data'), '--out', out], { cwd: work });
    expect(r.code, r.stderr).toBe(0);
    const folder = path.join(out, 'qingdao-briefing-2026-01-html');
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const problems = watchPage(page);
    const requests: string[] = [];
    page.on('request', (req) => requests.push(req.url()));
    await page.goto(pathToFileURL(path.join(folder, 'index.html')).href);
    await page.waitForLoadState('load');
    const inside = pathToFileURL(folder).href + '/';
    expect(requests.filter((u) => !u.startsWith(inside) && !u.startsWith('data:'))).toEqual([]);
    expect(requests.filter((u) => u.endsWith('.png')).length).toBeGreaterThan(3);
    const broken = await page.locator('img').evaluateAll((imgs) => imgs.filter((im) => (im as HTMLImageElement).naturalWidth === 0).length);
    expect(broken).toBe(0);
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe('hostile data in the browser', () => {
  for (const kind of ['deck', 'report'] as const) {
    it(`${kind}: a figure label holding <script>, </style> or an onerror runs nothing and shows as text`, async () => {
      const dir = path.join(work, `evil-${kind}`);
      const charts = new Map([['c1', { slide: makeChartPng(), page: makeChartPng(6, 3.5), column: makeChartPng(5, 3) }]]);
      for (const f of writeHtml(evilDoc(), charts, { kind }).result) {
        mkdirSync(path.dirname(path.join(dir, f.name)), { recursive: true });
        writeFileSync(path.join(dir, f.name), f.data);
      }
      const page = await browser.newPage();
      const problems = watchPage(page);
      let dialogs = 0;
      page.on('dialog', (d) => {
        dialogs++;
        void d.dismiss();
      });
      await page.goto(pathToFileURL(path.join(dir, 'index.html')).href);
      expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
      expect(dialogs).toBe(0);
      expect(await page.locator('main').innerText()).toContain('<script>window.__pwned=1</script>');
      // Our own script still runs (the hostile text did not break it).
      expect(await page.locator('#counter').innerText()).toMatch(/^1 \/ \d+$/);
      expect(problems).toEqual([]);
      await page.close();
    });
  }
});
