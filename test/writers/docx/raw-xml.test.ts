/**
 * The 数据核对表 is written as XML text (raw-xml.ts) instead of docx objects.
 * It must be exactly what docx writes for the same table, hostile text and
 * odd font names included: docx itself is the reference here.
 */
import { describe, expect, it } from 'vitest';
import { AlignmentType, BorderStyle, Document, Packer, Paragraph, Table, TableCell, TableLayoutType, TableRow, VerticalAlignTable, WidthType, type IBorderOptions } from 'docx';
import { createContext, type WriteContext } from '../../../src/writers/docx/context.js';
import { factTableXml, type FactGroup } from '../../../src/writers/docx/fact-table.js';
import { GBT9704, REPORT, textWidth } from '../../../src/writers/docx/preset.js';
import { STYLE } from '../../../src/writers/docx/styles.js';
import { defaultTheme } from '../../../src/model/default-theme.js';
import { RawXml } from '../../../src/writers/docx/raw-xml.js';

const HOSTILE = ['a & b <c> "d" \'e\'', '\u0001\u0008控制\u000b字符\u001f', '两行\n文字\n', '', ' 前后空格 ', '\n', '😀𠀀', '\u202e反向\u200b', ']]>', '&amp;'];

function groups(): FactGroup[] {
  return [
    { title: '总体情况 & <概况>', rows: HOSTILE.map((t, i) => ({ shown: t, ...(i % 2 ? { printed: `${t}原文` } : {}), date: `2025年${i + 1}月${t}`, source: `[1] ${t}`, para: i % 3 ? `第${i}段` : '', factId: `fact-${i}${t}` })) },
    { title: HOSTILE[2], rows: [{ shown: '1', date: '', source: '', para: '', factId: '' }] },
  ];
}

/** The table built with docx objects, as fact-table.ts did before it wrote XML. */
function withDocx(ctx: WriteContext, gs: FactGroup[]): Table {
  const HEADER = ['序号', '文中写法', '数据时间', '来源', '段落', '事实编号'];
  const SHARES = [0.07, 0.2, 0.14, 0.25, 0.1, 0.24];
  const total = textWidth(ctx.preset);
  const widths = SHARES.map((s) => Math.floor(s * total));
  widths[widths.length - 1] += total - widths.reduce((a, b) => a + b, 0);
  const thin: IBorderOptions = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  const paragraph = (text: string, opts: { header?: boolean; bold?: boolean; center?: boolean } = {}) =>
    new Paragraph({
      style: STYLE.tableText,
      alignment: opts.center ? AlignmentType.CENTER : AlignmentType.LEFT,
      children: ctx.inline.text(text, { role: opts.header || opts.bold ? 'heading1' : 'body' }),
    });
  const cell = (children: Paragraph[], width: number, span = 1, shade = false) =>
    new TableCell({
      width: { size: width, type: WidthType.DXA },
      columnSpan: span > 1 ? span : undefined,
      verticalAlign: VerticalAlignTable.CENTER,
      margins: { top: 30, bottom: 30, left: 80, right: 80 },
      shading: shade ? { fill: 'F2F2F2', color: 'auto', type: 'clear' } : undefined,
      children,
    });
  const rows: TableRow[] = [new TableRow({ tableHeader: true, cantSplit: true, children: HEADER.map((h, i) => cell([paragraph(h, { header: true, center: true })], widths[i], 1, true)) })];
  let n = 0;
  for (const g of gs) {
    rows.push(new TableRow({ cantSplit: true, children: [cell([paragraph(g.title, { bold: true })], total, HEADER.length)] }));
    for (const r of g.rows) {
      n += 1;
      const shown = [paragraph(r.shown), ...(r.printed ? [paragraph(`原文：${r.printed}`)] : [])];
      const cells = [[paragraph(String(n), { center: true })], shown, [paragraph(r.date)], [paragraph(r.source)], [paragraph(r.para, { center: true })], [paragraph(r.factId)]];
      rows.push(new TableRow({ cantSplit: true, children: cells.map((c, i) => cell(c, widths[i])) }));
    }
  }
  return new Table({
    rows,
    width: { size: total, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    alignment: AlignmentType.CENTER,
    borders: { top: thin, bottom: thin, left: thin, right: thin, insideHorizontal: thin, insideVertical: thin },
  });
}

function documentXml(children: Array<Paragraph | Table>): string {
  const compiler = (Packer as unknown as { compiler: { compile(f: unknown, p: undefined, o: unknown[]): Map<string, string | Uint8Array> } }).compiler;
  const xml = compiler.compile(new Document({ sections: [{ children }] }), undefined, []).get('word/document.xml')!;
  return typeof xml === 'string' ? xml : new TextDecoder().decode(xml);
}

describe('the fact-check table written as XML', () => {
  const oddFonts = { ...defaultTheme, report: { ...defaultTheme.report, latin: 'Times "New" <Roman> & Co\u0001', body: "仿宋'GB2312'" } };
  for (const [name, preset, theme] of [['report', REPORT, defaultTheme], ['gbt9704', GBT9704, defaultTheme], ['odd font names', REPORT, oddFonts]] as const) {
    it(`is what docx writes for the same table (${name})`, () => {
      const ctx = createContext(preset, theme, new Map());
      const reference = documentXml([withDocx(ctx, groups())]);
      const raw = new RawXml();
      const filled = raw.fill(documentXml([raw.block(factTableXml(ctx, groups()))]));
      expect(filled).toBe(reference);
      expect(filled).toContain('a &amp; b &lt;c&gt; &quot;d&quot; &apos;e&apos;');
    });
  }

  it('puts each block where its placeholder was, and fails loudly if one went missing', () => {
    const raw = new RawXml();
    const a = raw.block('<w:p><w:r><w:t>A</w:t></w:r></w:p>');
    const b = raw.block('<w:p><w:r><w:t>B</w:t></w:r></w:p>');
    const xml = documentXml([new Paragraph('前'), a, new Paragraph('中'), b]);
    const filled = raw.fill(xml);
    expect(filled.indexOf('>A<')).toBeGreaterThan(filled.indexOf('>前<'));
    expect(filled.indexOf('>中<')).toBeGreaterThan(filled.indexOf('>A<'));
    expect(filled.indexOf('>B<')).toBeGreaterThan(filled.indexOf('>中<'));
    expect(filled).not.toContain('gen-report-raw-');
    expect(() => raw.fill(xml.replace(/gen-report-raw-[0-9a-f]+-1/, 'gone'))).toThrow(/placeholder missing/);
  });
});
