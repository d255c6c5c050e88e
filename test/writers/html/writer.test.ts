/**
 * The html writer: data is text (hostile strings come out inert), every cited
 * figure carries its card, the folder references only its own files.
 */
import { describe, expect, it } from 'vitest';
import { writeHtml } from '../../../src/writers/html/index.js';
import type { DocumentModel, Run } from '../../../src/model/document.js';
import type { RenderedCharts } from '../../../src/model/rendered.js';
import { makeChartPng } from '../pptx/fixtures.js';
import { evilDoc } from './hostile-doc.js';
import { hostileDoc } from '../pptx/hostile-fixture.js';
import { buildDefault } from '../../helpers/build.js';

/** Our own tags only: anything else in the page came from data. */
const OUR_TAGS = new Set('html head meta title style body header span button kbd a main section div aside h2 h3 h4 p b i img table colgroup col tr td th thead tbody caption ol ul li code dl dt dd article figure figcaption script br h1 pre link'.split(' '));

function html(doc: DocumentModel, kind: 'deck' | 'report', charts: RenderedCharts = new Map()): string {
  return writeHtml(doc, charts, { kind }).result.find((f) => f.name === 'index.html')!.data.toString('utf8');
}

describe('html writer: data is text', () => {
  for (const kind of ['deck', 'report'] as const) {
    it(`${kind}: hostile strings come out inert`, () => {
      const page = html(evilDoc(), kind, new Map([['c1', { slide: makeChartPng(), page: makeChartPng(6, 3.5), column: makeChartPng(5, 3) }]]));
      const tags = [...page.matchAll(/<\/?([a-zA-Z][a-zA-Z0-9-]*)/g)].map((m) => m[1].toLowerCase());
      expect(tags.filter((t) => !OUR_TAGS.has(t))).toEqual([]);
      // One script (ours), one style block; the data's never open or close one.
      expect(page.match(/<script\b/g)).toHaveLength(1);
      expect(page.match(/<\/script>/g)).toHaveLength(1);
      expect(page.match(/<\/style>/g)).toHaveLength(1);
      expect(page).not.toMatch(/[\u2028\u2029]/);
      // Inside our tags, only our attributes (no onerror= from a figure's label).
      const attrs = [...page.matchAll(/<[a-zA-Z][^>]*>/g)].flatMap((m) => [...m[0].replace(/="[^"]*"/g, '').matchAll(/\s([^\s>]+)/g)].map((a) => a[1]));
      expect(attrs.filter((a) => !/^(class|id|style|data-[a-z-]+|aria-[a-z]+|tabindex|title|src|alt|href|rel|type|hidden|role|lang|charset|name|content|http-equiv)$/.test(a))).toEqual([]);
      expect(page).not.toContain('window.__pwned=1</');
      expect(page).toContain('&lt;script&gt;window.__pwned=1&lt;/script&gt;');
      // A colour that is not a colour falls back; a font name stays inside its CSS string.
      expect(page).not.toContain('red;}');
      const style = page.slice(page.indexOf('<style>') + 7, page.indexOf('</style>'));
      expect(style).not.toMatch(/<|>/);
    });
  }

  it('the pptx hostile fixture writes both kinds without a crash', () => {
    for (const kind of ['deck', 'report'] as const) {
      const page = html(hostileDoc(), kind);
      expect(page.match(/<script\b/g)).toHaveLength(1);
      expect(page).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/);
    }
  });
});

describe('html writer: the default deck and report', () => {
  it('marks every cited figure with its card and references only its own files', async () => {
    const { result } = await buildDefault('qingdao-briefing', ['html', 'pptx']);
    const files = result.files.filter((f) => f.name.startsWith('qingdao-briefing-2026-01-html/'));
    const page = files.find((f) => f.name.endsWith('/index.html'))!.data.toString('utf8');
    const slides = page.match(/<section class="slide"/g)!.length;
    expect(slides).toBeGreaterThan(20);
    // Every figure the model cites is on the page as a figure with a card naming its paragraph.
    const cited = new Set<string>();
    const visit = (rs: Run[] | undefined) => rs?.forEach((r) => r.cite && cited.add(r.cite.factId));
    for (const s of result.model.sections)
      for (const b of s.blocks) {
        if (b.type === 'paragraph') visit(b.runs);
        if (b.type === 'kpis') b.items.forEach((k) => k.cite && cited.add(k.cite.factId));
      }
    expect(cited.size).toBeGreaterThan(10);
    const cards = new Map([...page.matchAll(/<div class="cite-card" id="cite-(\d+)" data-fact="([^"]+)"><dl>(.*?)<\/dl>/g)].map((m) => [m[2], m[3]]));
    for (const id of cited) {
      expect(cards.get(id), id).toMatch(/第\d+段/);
      expect(cards.get(id), id).toMatch(/<dd class="cc-src">[^<]*《/);
    }
    const figs = [...page.matchAll(/class="fig" tabindex="0" data-cite="(\d+)"/g)].map((m) => Number(m[1]));
    expect(new Set(figs).size).toBeGreaterThanOrEqual(cited.size);
    // Every src/href is a file of the folder (no http, no //, no ..).
    const refs = [...page.matchAll(/\s(?:src|href)="([^"]*)"/g)].map((m) => m[1]).filter((r) => r !== "data:,");
    const names = new Set(files.map((f) => f.name.replace('qingdao-briefing-2026-01-html/', '')));
    for (const r of refs) expect(names.has(r), r).toBe(true);
    expect(refs.length).toBeGreaterThan(0);
  });
});
