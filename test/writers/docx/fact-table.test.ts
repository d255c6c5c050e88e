/** The 数据核对表 appendix: on in the working report, off in the GB/T 9704 document unless its template asks. */
import { describe, expect, it } from 'vitest';
import { build } from '../../../src/pipeline/build.js';
import { buildLineage } from '../../../src/lineage/index.js';
import { textWidth, REPORT } from '../../../src/writers/docx/preset.js';
import { buildDefault, templateFiles } from '../../helpers/build.js';
import { readData, repoRoot } from '../../helpers/fixtures.js';
import { findAll, openPackage, textOf } from './helpers.js';
import path from 'node:path';

async function body(docx: Buffer) {
  return (await openPackage(docx)).xml('word/document.xml');
}

/** The table that follows the 数据核对表 heading. */
function factTable(doc: Awaited<ReturnType<typeof body>>) {
  return findAll(doc, 'w:tbl').find((t) => textOf(findAll(t, 'w:tr')[0]).startsWith('序号文中写法数据时间来源段落事实编号'));
}

describe('数据核对表', () => {
  it('the working report ends with it: every figure of the lineage, with date, source number and paragraph, under a repeated header', async () => {
    const r = (await buildDefault('qingdao-report', ['docx'])).result;
    const doc = await body(r.files[0].data);
    const heading = findAll(doc, 'w:p').find((p) => textOf(p) === '数据核对表');
    expect(heading).toBeDefined();
    const table = factTable(doc)!;
    expect(table).toBeDefined();
    const rows = findAll(table, 'w:tr');
    // The header row repeats on every page and never splits.
    expect(findAll(rows[0], 'w:tblHeader')).toHaveLength(1);
    expect(rows.every((row) => findAll(row, 'w:cantSplit').length === 1)).toBe(true);
    // Six fixed columns spanning exactly the text width.
    const grid = findAll(table, 'w:gridCol').map((c) => Number(c.attrs['w:w']));
    expect(grid).toHaveLength(6);
    expect(grid.reduce((a, b) => a + b, 0)).toBe(textWidth(REPORT));
    expect(findAll(table, 'w:tblLayout')[0].attrs['w:type']).toBe('fixed');

    const text = textOf(table);
    const figures = buildLineage(r.model).result.sections.flatMap((s) => s.figures);
    for (const f of figures) expect(text, f.factId).toContain(f.factId);
    // A figure row: what we print, the article's wording when it differs, the date, [n] of the sources list, the paragraph.
    const card = rows.map((row) => findAll(row, 'w:tc').map(textOf)).find((cells) => cells[5] === 'qingdao-above-size-digital-coverage@2024-03')!;
    expect(card.slice(1, 5)).toEqual(['超90%原文：超九成', '2024年3月', '[3] 青岛日报/观海新闻，2024年3月', '第22段']);
    // The TOC lists it after the sources.
    const toc = findAll(doc, 'w:p').filter((p) => findAll(p, 'w:pStyle')[0]?.attrs['w:val'] === 'TOC1').map((p) => textOf(p).split('\t')[0]);
    expect(toc.slice(-2)).toEqual(['数据来源', '数据核对表']);
  });

  it('the GB/T 9704 document leaves it out, and has it when its template.yaml says factCheckTable: true', async () => {
    const gbt = (await buildDefault('qingdao-report-gbt', ['docx'])).result;
    expect(factTable(await body(gbt.files[0].data))).toBeUndefined();
    const files = templateFiles('qingdao-report-gbt');
    files.files.set('template.yaml', `${files.files.get('template.yaml')}\nfactCheckTable: true\n`);
    const asked = await build({ data: readData(path.join(repoRoot, 'data')), template: files, formats: ['docx'], timestamp: 1767225600 });
    const table = factTable(await body(asked.result.files[0].data));
    expect(table).toBeDefined();
    expect(findAll(table!, 'w:gridCol').map((c) => Number(c.attrs['w:w'])).reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(textWidth((await import('../../../src/writers/docx/preset.js')).GBT9704));
  });
});
