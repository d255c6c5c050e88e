import { describe, expect, it } from 'vitest';
import { writeDocx } from '../../../src/writers/docx/index.js';
import { normaliseDocumentXml } from '../../../src/writers/docx/package.js';
import { CHART_ID, chartImage, hostileModel, LONG, sampleCharts, sampleModel, TIMESTAMP } from './fixtures.js';
import { findAll, openPackage, paragraphs, textOf } from './helpers.js';

describe.each(['report', 'gbt9704'] as const)('%s preset with hostile text', (preset) => {
  it('still writes parseable XML in every part, keeping the legal characters', async () => {
    const { result } = await writeDocx(hostileModel(preset), sampleCharts(), { timestamp: TIMESTAMP });
    const pkg = await openPackage(result);
    for (const name of pkg.names.filter((n) => /\.(xml|rels)$/.test(n))) {
      await expect(pkg.xml(name), name).resolves.toBeTruthy();
    }
    const doc = await pkg.xml('word/document.xml');
    const text = paragraphs(doc).map((p) => p.text).join('\n');
    expect(text).toContain(`ABCD&<>"'😀E]]>`);
    expect(text).toContain(LONG);
    expect(text).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u200B]/);
    const notes = await pkg.xml('word/footnotes.xml');
    expect(textOf(notes)).toContain('青岛日报，2025年3月ABCD&<>"\'😀E');
    const docPr = findAll(doc, 'wp:docPr')[0];
    expect(docPr.attrs.descr).toContain(`ABCD&<>"'😀E`);
    const custom = await pkg.text('docProps/custom.xml');
    expect(custom).toContain('ABCD&amp;&lt;&gt;');
    // Text that happens to read like a bookmark name is not renumbered.
    expect(text).toContain('_Toc7');
  });
});

describe('determinism', () => {
  it('gives identical bytes for identical input, even after other builds in the same process', async () => {
    const a = await writeDocx(sampleModel('report'), sampleCharts(), { timestamp: TIMESTAMP });
    await writeDocx(sampleModel('gbt9704'), sampleCharts(), { timestamp: TIMESTAMP });
    await new Promise((r) => setTimeout(r, 1100));
    const b = await writeDocx(sampleModel('report'), new Map([[CHART_ID, { page: chartImage() }]]), { timestamp: TIMESTAMP });
    expect(b.result.equals(a.result)).toBe(true);
  });

  it('changes only the dates when the timestamp changes', async () => {
    const a = await openPackage((await writeDocx(sampleModel('gbt9704'), sampleCharts(), { timestamp: TIMESTAMP })).result);
    const b = await openPackage((await writeDocx(sampleModel('gbt9704'), sampleCharts(), { timestamp: TIMESTAMP + 86400 })).result);
    expect(b.names).toEqual(a.names);
    for (const name of a.names) {
      if (name === 'docProps/core.xml') continue;
      expect(await b.zip.file(name)!.async('nodebuffer'), name).toEqual(await a.zip.file(name)!.async('nodebuffer'));
    }
    expect(await b.text('docProps/core.xml')).toContain('2026-01-02T00:00:00Z');
  });

  it('writes no random relationship ids and numbers bookmarks and drawings from 1', async () => {
    const pkg = await openPackage((await writeDocx(sampleModel('report'), sampleCharts(), { timestamp: TIMESTAMP })).result);
    for (const name of pkg.names.filter((n) => n.endsWith('.rels'))) {
      const ids = [...(await pkg.text(name)).matchAll(/\bId="([^"]+)"/g)].map((m) => m[1]);
      for (const id of ids) expect(id, name).toMatch(/^rId\d+$/);
    }
    const doc = await pkg.text('word/document.xml');
    expect(doc).toContain('w:name="_Toc1"');
    expect(doc).toContain('<wp:docPr id="1"');
    expect(pkg.names[0]).toBe('[Content_Types].xml');
  });

  it('renumbers bookmark names only where a bookmark is named or referred to', () => {
    const xml =
      '<w:hyperlink w:anchor="_Toc41"><w:r><w:instrText> PAGEREF _Toc41 \\h </w:instrText></w:r></w:hyperlink>' +
      '<w:bookmarkStart w:name="_Toc41" w:id="17"/><w:t>_Toc41</w:t><w:bookmarkEnd w:id="17"/>' +
      '<w:bookmarkStart w:name="_Toc42" w:id="18"/><w:bookmarkEnd w:id="18"/>';
    expect(normaliseDocumentXml(xml)).toBe(
      '<w:hyperlink w:anchor="_Toc1"><w:r><w:instrText> PAGEREF _Toc1 \\h </w:instrText></w:r></w:hyperlink>' +
        '<w:bookmarkStart w:name="_Toc1" w:id="0"/><w:t>_Toc41</w:t><w:bookmarkEnd w:id="0"/>' +
        '<w:bookmarkStart w:name="_Toc2" w:id="1"/><w:bookmarkEnd w:id="1"/>',
    );
  });
});

describe.each(['report', 'gbt9704'] as const)('%s preset with an empty model', (preset) => {
  it('still writes a valid document: title, no contents entries, no annex', async () => {
    const model = { ...sampleModel(preset), sections: [], sources: [] };
    const { result, warnings } = await writeDocx(model, new Map(), { timestamp: TIMESTAMP });
    expect(warnings).toEqual([]);
    const pkg = await openPackage(result);
    for (const name of pkg.names.filter((n) => /\.(xml|rels)$/.test(n))) await expect(pkg.xml(name), name).resolves.toBeTruthy();
    const texts = paragraphs(await pkg.xml('word/document.xml')).map((p) => p.text);
    expect(texts).toContain('关于青岛市工业互联网发展情况的汇报');
    expect(texts.join('')).not.toContain('附件');
    expect(texts.join('')).not.toContain('[1]');
  });
});
