/**
 * Issue 20: qingdao-briefing-short, the 10-minute deck, extends the default
 * deck: 10–12 slides at the newest month (never more at any month), no slide
 * spilling onto a continuation, the parent's charts used without copying and
 * one chart of its own, and every content slide with a source line.
 */
import { describe, expect, it } from 'vitest';
import { loadTemplate } from '../../src/templates/manifest.js';
import { buildDefault, templateFiles } from '../helpers/build.js';
import { readZip } from '../helpers/ooxml.js';

const texts = (xml: string) => [...xml.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => m[1]);

async function slides(pkg: Buffer): Promise<string[][]> {
  const parts = await readZip(pkg);
  return [...parts.keys()]
    .filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n))
    .sort((a, b) => Number(/\d+/.exec(a)![0]) - Number(/\d+/.exec(b)![0]))
    .map((n) => texts(parts.get(n)!.toString('utf8')));
}

describe('qingdao-briefing-short', () => {
  it('extends the default deck: its charts merged with one of its own, its formats and theme inherited', () => {
    const short = loadTemplate(templateFiles('qingdao-briefing-short'));
    const parent = loadTemplate(templateFiles('qingdao-briefing'));
    expect(short.manifest.extends).toBe('qingdao-briefing');
    expect(short.manifest.default).toBe(false);
    expect(short.manifest.formats).toEqual(parent.manifest.formats);
    expect(short.theme).toEqual(parent.theme);
    expect(Object.keys(short.charts).sort()).toEqual([...Object.keys(parent.charts), 'software-tiers'].sort());
  });

  it.each(['2020-09', '2022-02', '2024-03', '2026-01'])('as of %s: at most 12 slides, none continued, each content slide sourced', async (month) => {
    const r = await buildDefault('qingdao-briefing-short', ['pptx'], { asOf: month });
    const deck = await slides(r.result.files[0].data);
    expect(deck.length, `${month}: ${deck.length} slides`).toBeLessThanOrEqual(12);
    expect(deck.length).toBeGreaterThanOrEqual(month === '2026-01' ? 10 : 8);
    for (const s of deck) expect(s.join(''), `${month}: ${s[0]}`).not.toMatch(/（续）|\(cont/);
    expect(r.warnings.filter((w) => /^pptx-/.test(w.code)), `${month}: layout warnings`).toEqual([]);
    // Cover, content slides with a source line, sources, closing.
    const content = deck.slice(1, -2);
    for (const s of content) expect(s.some((t) => t.startsWith('数据来源：')), `${month}: '${s[0]}' has no source line`).toBe(true);
  }, 120_000);
});
