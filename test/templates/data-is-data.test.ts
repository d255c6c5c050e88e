/**
 * Data is data: no string from data/ can add a slide, a block, emphasis or a
 * figure. Markdown, HTML and Handlebars syntax in every free-text field of
 * the real fact base leave the document model's structure unchanged.
 */
import path from 'node:path';
import fc from 'fast-check';
import { parse, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { loadFactBase } from '../../src/facts/load.js';
import type { TextFile } from '../../src/facts/model.js';
import { toDocumentModel } from '../../src/markdown/index.js';
import type { Block, DocumentModel, Run } from '../../src/model/document.js';
import { loadTemplate } from '../../src/templates/manifest.js';
import { renderTemplate } from '../../src/templates/render.js';
import { escapeMarkdown } from '../../src/util/markdown-text.js';
import { repoRoot, readData } from '../helpers/fixtures.js';
import { templateFiles } from '../helpers/build.js';

const data = readData(path.join(repoRoot, 'data'));

function modelOf(files: TextFile[], name: string): DocumentModel {
  const fb = loadFactBase(files).result;
  const template = loadTemplate(templateFiles(name));
  const rendered = renderTemplate(template, fb, { asOf: '2026-01', asOfLabel: '2026年1月', changes: [] }).result;
  const meta = { title: 't', issuer: 'i', asOf: '2026-01', dateLabel: '', dataHash: fb.hash, templateName: name, reportPreset: 'report' as const };
  return toDocumentModel(rendered, meta, template.theme).result;
}

/** What data must never change: sections, block kinds and shapes, emphasis, and which figures are cited where. */
function structure(model: DocumentModel): unknown {
  const runs = (rs: Run[] = []) => rs.map((r) => `${r.bold ? 'B' : ''}${r.italic ? 'I' : ''}${r.cite ? `@${r.cite.factId}` : ''}`).filter(Boolean);
  const block = (b: Block): unknown => {
    switch (b.type) {
      case 'paragraph':
        return ['p', runs(b.runs)];
      case 'list':
        return ['list', b.ordered, b.items.map((i) => [i.level, runs(i.runs)])];
      case 'kpis':
        return ['kpis', b.items.map((k) => [k.value, k.cite?.factId, !!k.change])];
      case 'chart':
        return ['chart', b.chart.id, runs(b.caption)];
      case 'table':
        return ['table', b.header.length, b.rows.map((r) => r.map(runs)), b.caption !== undefined];
      case 'timeline':
        return ['timeline', b.items.map((i) => [i.date, runs(i.runs)])];
      case 'callout':
        return ['callout', b.blocks.map(block)];
      case 'columns':
        return ['columns', b.columns.map((c) => c.map(block))];
    }
  };
  return model.sections.map((s) => ({ level: s.level, role: s.role, blocks: s.blocks.map(block), notes: s.notes.map(block), cites: s.citations.map((c) => c.factId) }));
}

/** Free text: everything a person writes in data/ that is not an id, date, number, enum or a checked printed figure. */
const FREE_TEXT = new Set(['title', 'publisher', 'author', 'name', 'short', 'event', 'description', 'definition', 'note', 'list', 'aliases']);

function withText(files: TextFile[], pick: (n: number) => string): TextFile[] {
  let n = 0;
  const visit = (v: unknown, key?: string): unknown => {
    if (typeof v === 'string') return key && FREE_TEXT.has(key) ? pick(n++) : v;
    if (Array.isArray(v)) return v.map((x) => visit(x, key === 'aliases' ? key : undefined));
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, visit(x, k)]));
    return v;
  };
  return files.map((f) => ({ path: f.path, text: stringify(visit(parse(f.text))) }));
}

const syntax = fc.constantFrom(
  '\n\n## 注入的幻灯片\n\n- **100万亿元**',
  '**加粗**',
  '*斜体*',
  '_x_',
  '# 标题',
  '---',
  '***',
  '===',
  '\n===\n',
  ':::',
  '::: notes\n讲稿\n:::',
  ':::: columns',
  '{.cover}',
  '{#id .sources}',
  '| a | b |\n|---|---|',
  '|',
  '1. ',
  '2025. ',
  '3) ',
  '> 引用',
  '- ',
  '+ ',
  '`code`',
  '```\nfence\n```',
  '    缩进',
  '[链接](http://x)',
  '![图](x.png)',
  '<b>粗</b>',
  '<!-- c -->',
  '<http://x>',
  '&amp;&#35;',
  '~~删~~',
  '\\',
  '  \n',
  'Table: 表题',
  '{{fact "qingdao-5g-base-stations"}}',
  '{{#each x}}',
  '}}',
  '{{{raw}}}',
  '\uE012伪造\uE010qingdao-5g-base-stations\uE011',
  '\uE0000:1\uE001',
  '"',
  "'",
);
const hostile = fc.array(fc.oneof(syntax, fc.constantFrom('青岛', 'COSMOPlat', ' ')), { minLength: 1, maxLength: 6 }).map((a) => `文${a.join('')}字`);

describe('data reaches the model as text', () => {
  const baseline = structure(modelOf(data, 'qingdao-briefing'));

  it('a source title holding Markdown adds no slide and no figure', () => {
    const injected = '\n\n## 注入的幻灯片\n\n- **100万亿元**';
    const files = data.map((f) =>
      f.path.endsWith('sources.yaml') ? { path: f.path, text: f.text.replace(/^(\s+title: )(.*)$/m, (_, k: string, v: string) => `${k}${JSON.stringify(v + injected)}`) } : f,
    );
    const model = modelOf(files, 'qingdao-briefing');
    expect(model.sections.map((s) => s.title)).not.toContain('注入的幻灯片');
    expect(structure(model)).toEqual(baseline);
    const text = JSON.stringify(model.sections.flatMap((s) => s.blocks));
    expect(text).toContain('## 注入的幻灯片');
  });

  it('** in a milestone event glues nothing onto the date label', () => {
    const files = data.map((f) => (f.path.endsWith('milestones.yaml') ? { path: f.path, text: f.text.replace(/^(\s+event: )(.*)$/gm, (_, k: string, v: string) => `${k}${JSON.stringify(`**${v}**尾`)}`) } : f));
    const model = modelOf(files, 'qingdao-briefing');
    expect(structure(model)).toEqual(baseline);
    const timeline = model.sections.flatMap((s) => s.blocks).find((b) => b.type === 'timeline');
    expect(timeline?.type === 'timeline' && timeline.items.map((i) => i.date).filter((d) => !/^\d{4}年(\d{1,2}月)?(（目标）)?$/.test(d))).toEqual([]);
    expect(JSON.stringify(timeline)).toContain('**');
  });

  it('Markdown, HTML and Handlebars syntax in every free-text field leave the structure unchanged (deck and report)', () => {
    const report = structure(modelOf(data, 'qingdao-report'));
    fc.assert(
      fc.property(fc.array(hostile, { minLength: 8, maxLength: 8 }), (strings) => {
        const files = withText(data, (n) => strings[n % strings.length]);
        expect(structure(modelOf(files, 'qingdao-briefing'))).toEqual(baseline);
        expect(structure(modelOf(files, 'qingdao-report'))).toEqual(report);
      }),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 25) },
    );
  }, 600_000);
});

describe('escapeMarkdown', () => {
  it.each([
    ['- a', '\\- a'],
    ['2025. x', '2025\\. x'],
    ['12) y', '12\\) y'],
    ['-1.2万', '-1.2万'],
    ['--', '\\--'],
    ['**b**', '\\*\\*b\\*\\*'],
    ['===', '\\==='],
    ['::: notes', '\\::: notes'],
    ['a\n\n## b', 'a \\#\\# b'],
    ['    code', 'code'],
    ['4.6万个（青岛日报社/观海新闻）', '4.6万个（青岛日报社/观海新闻）'],
  ])('%j → %j', (input, out) => {
    expect(escapeMarkdown(input)).toBe(out);
  });
});
