/** --format md from the document model alone: headings, footnoted figures, charts as images, literal text. */
import { execFileSync, spawnSync } from 'node:child_process';
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { writeMarkdown } from '../../../src/writers/md/index.js';
import type { DocumentModel, Run } from '../../../src/model/document.js';
import { buildDefault } from '../../helpers/build.js';

const deck = (await buildDefault('qingdao-briefing', ['md'])).result;
const report = (await buildDefault('qingdao-report', ['md'])).result;
const mdOf = (r: typeof deck) => r.files.find((f) => f.format === 'md')!.data.toString('utf8');
const hasPandoc = !spawnSync('pandoc', ['--version'], { stdio: 'ignore' }).error;

function citedRuns(model: DocumentModel): Run[] {
  const out: Run[] = [];
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (typeof o.text === 'string' && o.cite) out.push(o as unknown as Run);
      else Object.values(o).forEach(walk);
    }
  };
  model.sections.forEach((s) => walk([s.blocks, s.notes]));
  return out;
}

describe('--format md', () => {
  it.each([['deck', deck], ['report', report]])('%s: every section is a heading at its level, in order, with its role', (_, r) => {
    const headings = mdOf(r).split('\n').filter((l) => /^#{1,3} /.test(l));
    expect(headings).toEqual(r.model.sections.map((s) => `${'#'.repeat(s.level)} ${s.title}${['cover', 'agenda', 'sources', 'closing', 'changes'].includes(s.role) ? ` {.${s.role}}` : ''}`));
  });

  it.each([['deck', deck], ['report', report]])('%s: every cited fact has one footnote naming its source, paragraph and date', (_, r) => {
    const md = mdOf(r);
    const ids = [...new Set(citedRuns(r.model).map((c) => c.cite!.factId))];
    const notes = md.split('\n').filter((l) => /^\[\^\d+\]: /.test(l));
    expect(notes).toHaveLength(ids.length + r.model.sections.flatMap((s) => s.blocks).filter((b) => b.type === 'kpis').flatMap((b) => (b.type === 'kpis' ? b.items : [])).filter((k) => k.cite && !ids.includes(k.cite.factId)).length);
    for (const n of notes) expect(n).toMatch(/^\[\^\d+\]: .+《.+》，\d{4}年.*，第\d+段；数据截至\d{4}年/);
    // Every note is referenced, every reference has its note.
    const refs = new Set([...md.matchAll(/\[\^(\d+)\](?!:)/g)].map((m) => m[1]));
    expect([...refs].sort()).toEqual(notes.map((n) => /^\[\^(\d+)\]/.exec(n)![1]).sort());
    expect(md).toContain('4.6万个');
  });

  it('places each chart as its PNG beside the file, with the source line under it', () => {
    const md = mdOf(deck);
    const charts = deck.model.sections.flatMap((s) => s.blocks.flatMap((b) => (b.type === 'chart' ? [b] : b.type === 'columns' ? b.columns.flat().filter((c) => c.type === 'chart') : [])));
    expect(charts.length).toBeGreaterThan(5);
    const images = deck.files.filter((f) => f.format === 'png').map((f) => f.name);
    for (const c of charts) {
      if (c.type !== 'chart') continue;
      const name = `qingdao-briefing-2026-01.charts/${c.chart.id}.png`;
      expect(images).toContain(name);
      expect(md).toContain(`](${name})`);
      expect(md.slice(md.indexOf(`](${name})`))).toContain(c.chart.sourceNote);
    }
  });

  it('prints model text literally: Markdown in a title or a run stays text', () => {
    const model = structuredClone(deck.model);
    const hostile = '**粗体** [链接](x) # 标题 | 竖线 ::: notes\n\n## 注入';
    model.sections[2].title = hostile;
    model.sections[2].blocks = [{ type: 'paragraph', runs: [{ text: hostile }] }];
    const md = writeMarkdown(model, new Map(), 'x').result.markdown;
    // pandoc reads the YAML title block; CommonMark alone would see a setext heading in it.
    const tokens = new MarkdownIt().parse(md.replace(/^---\n[\s\S]*?\n---\n/, ''), {});
    expect(tokens.filter((t) => t.type === 'heading_open').length).toBe(model.sections.length);
    const inline = tokens.filter((t) => t.type === 'inline' && t.content.includes('粗体'));
    expect(inline.length).toBe(2);
    for (const t of inline) {
      expect(t.children!.map((c) => c.type)).toEqual(['text']);
      expect(t.children![0].content).toBe(hostile.replace(/\n+/g, ' '));
    }
  });

  it.skipIf(!hasPandoc)('pandoc reads it: one note per reference, no footnote mark left as text', () => {
    const md = mdOf(report);
    const json = JSON.parse(execFileSync('pandoc', ['-f', 'markdown', '-t', 'json'], { input: md, encoding: 'utf8', maxBuffer: 32 << 20 }));
    let notes = 0;
    const walk = (v: unknown) => {
      if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === 'object') {
        if ((v as { t?: string }).t === 'Note') notes++;
        Object.values(v).forEach(walk);
      }
    };
    walk(json.blocks);
    expect(notes).toBe([...md.matchAll(/\[\^\d+\](?!:)/g)].length);
    expect(json.meta.title.c.map((x: { c?: string }) => x.c ?? '').join('')).toBe('关于青岛市工业互联网发展情况的汇报');
    const plain = execFileSync('pandoc', ['-f', 'markdown', '-t', 'plain'], { input: md, encoding: 'utf8', maxBuffer: 32 << 20 });
    expect(plain).not.toMatch(/\[\^\d/);
  });
});
