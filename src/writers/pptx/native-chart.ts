/**
 * Package-level work on native charts after pptxgenjs:
 * - parts renumbered in slide order (pptxgenjs counts charts per process, so
 *   the second deck built in one process would get chart9.xml…: not the same bytes);
 * - chart XML fixed (native-chart-xml.ts);
 * - the embedded workbook replaced by our own: pptxgenjs's has a broken table
 *   range, wall-clock dates and dates as text. Ours holds the chart's figures
 *   as numbers (dates as dates) where the chart's formulas point, so 编辑数据
 *   opens them in PowerPoint or WPS.
 */
import JSZip from 'jszip';
import type { ChartSpec } from '../../model/chart.js';
import { type DeckFonts } from './postprocess.js';
import { escapeXml } from '../xml.js';
import { fixChartXml } from './native-chart-xml.js';
import { sheetCells, timeAxisOf } from './native-chart-data.js';

type Files = Map<string, Buffer | string>;

const CHART_TYPE = 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml';
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function column(n: number): string {
  let s = '';
  for (let k = n + 1; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
}

/** A one-sheet workbook: A1 empty, B1… series names, A2… categories (dates as dates), B2… values. */
export async function chartWorkbook(spec: ChartSpec, timestamp: number): Promise<Buffer> {
  const { header, rows } = sheetCells(spec);
  const time = timeAxisOf(spec);
  const strings: string[] = [];
  const sst = (s: string) => {
    let i = strings.indexOf(s);
    if (i < 0) i = strings.push(s) - 1;
    return i;
  };
  const cell = (ref: string, v: string | number | null, style = 0) =>
    v == null ? '' : typeof v === 'number' ? `<c r="${ref}"${style ? ` s="${style}"` : ''}><v>${v}</v></c>` : `<c r="${ref}" t="s"><v>${sst(v)}</v></c>`;
  const sheetRows = [
    `<row r="1">${header.map((h, i) => cell(`${column(i + 1)}1`, h)).join('')}</row>`,
    ...rows.map(([cat, ...vals], j) => `<row r="${j + 2}">${cell(`A${j + 2}`, cat, time ? 1 : 0)}${vals.map((v, i) => cell(`${column(i + 1)}${j + 2}`, v)).join('')}</row>`),
  ];
  const last = `${column(header.length)}${rows.length + 1}`;
  const ns = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
  const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  const head = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
  const zip = new JSZip();
  const date = new Date(Math.max(timestamp * 1000, Date.UTC(1980, 0, 1, 12)));
  const add = (name: string, xml: string) => zip.file(name, head + xml, { date, createFolders: false });
  add(
    '[Content_Types].xml',
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
      '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
      '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
      '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
  );
  add('_rels/.rels', `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`);
  add(
    'xl/workbook.xml',
    `<workbook xmlns="${ns}" xmlns:r="${rel}"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`,
  );
  add(
    'xl/_rels/workbook.xml.rels',
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      `<Relationship Id="rId1" Type="${rel}/worksheet" Target="worksheets/sheet1.xml"/>` +
      `<Relationship Id="rId2" Type="${rel}/styles" Target="styles.xml"/>` +
      `<Relationship Id="rId3" Type="${rel}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
  );
  const dateFormat = escapeXml(time?.formatCode ?? 'yyyy"年"m"月"');
  add(
    'xl/styles.xml',
    `<styleSheet xmlns="${ns}"><numFmts count="1"><numFmt numFmtId="164" formatCode="${dateFormat}"/></numFmts>` +
      '<fonts count="1"><font><sz val="11"/><name val="等线"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
      '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>',
  );
  add(
    'xl/worksheets/sheet1.xml',
    `<worksheet xmlns="${ns}"><dimension ref="A1:${last}"/><cols><col min="1" max="1" width="18" customWidth="1"/><col min="2" max="${header.length + 1}" width="14" customWidth="1"/></cols>` +
      `<sheetData>${sheetRows.join('')}</sheetData></worksheet>`,
  );
  // Strings last: the cells above registered them.
  add('xl/sharedStrings.xml', `<sst xmlns="${ns}" count="${strings.length}" uniqueCount="${strings.length}">${strings.map((s) => `<si><t xml:space="preserve">${escapeXml(s)}</t></si>`).join('')}</sst>`);
  const names = Object.keys(zip.files).sort((a, b) => (a === '[Content_Types].xml' ? -1 : b === '[Content_Types].xml' ? 1 : a < b ? -1 : 1));
  const out = new JSZip();
  for (const n of names) out.file(n, await zip.file(n)!.async('string'), { date, createFolders: false });
  return out.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', platform: 'DOS' });
}

interface FoundChart {
  slideRels: string;
  relId: string;
  oldPath: string;
  spec: ChartSpec;
}

/** Charts in slide order, matched to their specs by the graphic frame's name (chart-<id>). */
function findCharts(files: Files, specs: Map<string, ChartSpec>): FoundChart[] {
  const slides = [...files.keys()]
    .map((n) => /^ppt\/slides\/slide(\d+)\.xml$/.exec(n))
    .filter((m): m is RegExpExecArray => m != null)
    .sort((a, b) => Number(a[1]) - Number(b[1]));
  const out: FoundChart[] = [];
  for (const m of slides) {
    const xml = String(files.get(m[0]));
    const relsName = `ppt/slides/_rels/slide${m[1]}.xml.rels`;
    const rels = String(files.get(relsName) ?? '');
    for (const frame of xml.match(/<p:graphicFrame>[\s\S]*?<\/p:graphicFrame>/g) ?? []) {
      const relId = /<c:chart\b[^>]*\br:id="([^"]+)"/.exec(frame)?.[1];
      const name = /<p:cNvPr\b[^>]*\bname="([^"]*)"/.exec(frame)?.[1];
      if (!relId || name == null) continue;
      const rel = (rels.match(/<Relationship\b[^>]*>/g) ?? []).find((r) => r.includes(` Id="${relId}"`)) ?? '';
      // pptxgenjs writes the target absolute (/ppt/charts/chartN.xml).
      const target = /\bTarget="(?:\.\.\/|\/ppt\/)charts\/(chart\d+\.xml)"/.exec(rel)?.[1];
      const spec = specs.get(name);
      if (target && spec) out.push({ slideRels: relsName, relId, oldPath: `ppt/charts/${target}`, spec });
    }
  }
  return out;
}

/** Renumber, fix and give every native chart its workbook; updates `files` in place. */
export async function finalizeNativeCharts(files: Files, specs: Map<string, ChartSpec>, fonts: DeckFonts, timestamp: number): Promise<void> {
  const found = findCharts(files, specs);
  if (!found.length) return;
  const old = new Map<string, Buffer | string>();
  for (const name of [...files.keys()]) {
    if (/^ppt\/(charts|embeddings)\//.test(name)) {
      old.set(name, files.get(name)!);
      files.delete(name);
    }
  }
  let contentTypes = String(files.get('[Content_Types].xml')).replace(/<Override PartName="\/ppt\/charts\/[^"]*"[^>]*\/>/g, '');
  if (!/Extension="xlsx"/.test(contentTypes)) contentTypes = contentTypes.replace(/(<Types\b[^>]*>)/, `$1<Default Extension="xlsx" ContentType="${XLSX_TYPE}"/>`);
  for (const [i, c] of found.entries()) {
    const n = i + 1;
    const xml = old.get(c.oldPath);
    if (typeof xml !== 'string') throw new Error(`chart part missing: ${c.oldPath}`);
    files.set(`ppt/charts/chart${n}.xml`, fixChartXml(xml, c.spec, fonts));
    files.set(
      `ppt/charts/_rels/chart${n}.xml.rels`,
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        `<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/package" Target="../embeddings/Microsoft_Excel_Worksheet${n}.xlsx"/></Relationships>`,
    );
    files.set(`ppt/embeddings/Microsoft_Excel_Worksheet${n}.xlsx`, await chartWorkbook(c.spec, timestamp));
    contentTypes = contentTypes.replace('</Types>', `<Override PartName="/ppt/charts/chart${n}.xml" ContentType="${CHART_TYPE}"/></Types>`);
    const rels = String(files.get(c.slideRels));
    files.set(
      c.slideRels,
      rels.replace(/<Relationship\b[^>]*>/g, (r) => (r.includes(` Id="${c.relId}"`) ? r.replace(/\bTarget="[^"]*"/, `Target="../charts/chart${n}.xml"`) : r)),
    );
  }
  files.set('[Content_Types].xml', contentTypes);
}
