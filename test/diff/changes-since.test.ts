/**
 * `build --changes-since OLD` on the real data and default templates: the
 * deck gets a 本次更新 slide (continued on （续） slides when long) and the
 * report a 本次更新 section, both listing old → new with date and source.
 *
 * OLD is made from data/ here: most files dropped (so the list is long), the
 * latest 5G point lowered to 4.5万个 and its 2024 point removed (so it comes
 * back as a new point, shown after the previous one).
 */
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { changeRows, diffData } from '../../src/diff/index.js';
import { findAll, parseXml, readZip, textContent, type XmlElement } from '../helpers/ooxml.js';
import { readData, repoRoot } from '../helpers/fixtures.js';
import { runCli } from '../helpers/cli.js';
import { placeholderText, readDeck, type ReadDeck } from '../writers/pptx/deck-reader.js';

const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'gen-report-changes-'));

function makeOldData(): string {
  const dir = tmp();
  cpSync(path.join(repoRoot, 'data'), dir, { recursive: true });
  for (const f of ['milestones.yaml', 'rankings.yaml', 'targets.yaml']) rmSync(path.join(dir, f));
  for (const f of readdirSync(path.join(dir, 'indicators'))) if (f !== 'infrastructure.yaml') rmSync(path.join(dir, 'indicators', f));
  const file = path.join(dir, 'indicators/infrastructure.yaml');
  const doc = parseDocument(readFileSync(file, 'utf8'));
  const series = (doc.toJS().indicators as Array<{ id: string; points: Array<{ asOf: string; value: number }> }>).findIndex((s) => s.id === 'qingdao-5g-base-stations');
  const points = doc.getIn(['indicators', series, 'points']) as { items: unknown[] };
  const asOfs = (doc.toJS().indicators[series].points as Array<{ asOf: string; value: number }>).map((p) => `${p.asOf}=${p.value}`);
  // The data this test was written against; if it moved on, update the figures below.
  expect(asOfs).toEqual(['2020-09=12000', '2024-03=37800', '2026-01=46000']);
  doc.setIn(['indicators', series, 'points', 2, 'value'], 45000);
  doc.setIn(['indicators', series, 'points', 2, 'printed'], '4.5万个');
  points.items.splice(1, 1);
  writeFileSync(file, doc.toString());
  return dir;
}

const slideTitle = (xml: XmlElement) => placeholderText(xml, 'title') ?? '';
const rowTexts = (xml: XmlElement) => findAll(xml, 'a:tr').map((tr) => findAll(tr, 'a:tc').map((c) => textContent(c).trim()));

describe('build --changes-since', () => {
  let out: string;
  let oldDir: string;
  let deck: ReadDeck;
  let stdout: string;

  beforeAll(async () => {
    oldDir = makeOldData();
    out = tmp();
    const r = runCli(['--format', 'pptx', '--format', 'docx', '--changes-since', oldDir, '--out', out]);
    // Only the warnings every build gives: figures older than 18 months at the deck's date, and no issuing office set.
    expect(r.stderr.split('\n').filter((l) => l && !/早了 ?18 ?个月以上|个月内没有新?数据|另有 \d+ 条提醒|未设置发文单位/.test(l))).toEqual([]);
    expect(r.code).toBe(0);
    stdout = r.stdout;
    const pptx = readdirSync(out).find((n) => n.endsWith('.pptx'))!;
    deck = await readDeck(readFileSync(path.join(out, pptx)));
  }, 120_000);

  it('says how many changes it found', () => {
    expect(stdout).toMatch(/^自 .+ 以来有 \d+ 处变化（修改 1，新增 \d+，删除 0）$/m);
  });

  it('puts a 本次更新 slide right after the agenda, with the changed and the re-added 5G figures', () => {
    const titles = deck.slides.map((s) => slideTitle(s.xml));
    const first = titles.indexOf('本次更新');
    expect(first).toBe(titles.indexOf('目录') + 1);
    const rows = deck.slides.filter((s) => slideTitle(s.xml).startsWith('本次更新')).flatMap((s) => rowTexts(s.xml).slice(1));
    const fiveG = rows.filter((r) => r[0] === '青岛5G基站数量');
    expect(fiveG).toEqual([
      ['青岛5G基站数量', '此前：超1.2万个（2020年9月）', '3.78万个（2024年3月）', expect.stringMatching(/^青岛日报.*（2024年3月）$/)],
      ['青岛5G基站数量', '4.5万个', '4.6万个（2026年1月）', expect.stringMatching(/（2026年1月）$/)],
    ]);
    expect(rowTexts(deck.slides[first].xml)[0]).toEqual(['指标', '原数据', '新数据', '来源']);
  });

  it('continues a long list on （续） slides with the header repeated, losing no row', () => {
    const changeSlides = deck.slides.filter((s) => slideTitle(s.xml).startsWith('本次更新'));
    expect(changeSlides.length).toBeGreaterThan(3);
    expect(changeSlides.slice(1).every((s) => slideTitle(s.xml) === '本次更新（续）')).toBe(true);
    for (const s of changeSlides) expect(rowTexts(s.xml)[0]).toEqual(['指标', '原数据', '新数据', '来源']);
    const shown = changeSlides.flatMap((s) => rowTexts(s.xml).slice(1));
    const expected = changeRows(diffData(readData(oldDir), readData(path.join(repoRoot, 'data'))).result);
    expect(shown.length).toBe(expected.length);
    expect(shown.map((r) => r[0])).toEqual(expected.map((r) => r.label.replace(/\\(.)/g, '$1')));
  });

  it('adds a 本次更新 section before the report body, with the same rows', async () => {
    const docx = readdirSync(out).find((n) => n.endsWith('.docx'))!;
    const parts = await readZip(readFileSync(path.join(out, docx)));
    const body = parseXml(parts.get('word/document.xml')!.toString('utf8'));
    const paragraphs = findAll(body, 'w:p').map(textContent);
    const heading = paragraphs.findIndex((p) => /^一、\s*本次更新$/.test(p));
    expect(heading).toBeGreaterThanOrEqual(0);
    expect(paragraphs.findIndex((p) => /^二、\s*总体情况$/.test(p))).toBeGreaterThan(heading);
    const table = findAll(body, 'w:tbl')[0];
    const rows = findAll(table, 'w:tr').map((tr) => findAll(tr, 'w:tc').map(textContent));
    expect(rows[0]).toEqual(['指标', '原数据', '新数据', '来源']);
    expect(rows).toContainEqual(['青岛5G基站数量', '4.5万个', '4.6万个（2026年1月）', expect.stringMatching(/（2026年1月）$/)]);
  });

  it('without changes there is no 本次更新 slide', () => {
    const mdOf = (dir: string) => readFileSync(path.join(dir, readdirSync(dir).find((n) => n.endsWith('.md'))!), 'utf8');
    const none = tmp();
    const r = runCli(['--format', 'md', '--changes-since', path.join(repoRoot, 'data'), '--out', none]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('数据没有变化，不加“本次更新”页');
    expect(mdOf(none)).not.toContain('本次更新');
    const some = tmp();
    const j = runCli(['--format', 'md', '--changes-since', oldDir, '--out', some, '--json']);
    expect(JSON.parse(j.stdout).changes).toMatchObject({ changed: 1, removed: 0 });
    expect(mdOf(some)).toContain('## 本次更新 {.changes}');
  });
});

describe('validate and the change partial', () => {
  it('renders the 本次更新 partial with sample rows, so a mistake in it is caught before any update', () => {
    const dir = tmp();
    cpSync(path.join(repoRoot, 'templates/qingdao-briefing'), dir, { recursive: true });
    const partial = path.join(dir, 'partials/changes.hbs');
    expect(runCli(['validate', '--template', dir]).code).toBe(0);
    writeFileSync(partial, readFileSync(partial, 'utf8').replace('{{before}}', '{{befor}}'));
    const r = runCli(['validate', '--template', dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/partials\/changes\.hbs:\d+:\d+: 字段 befor 不存在/);
  });
});
