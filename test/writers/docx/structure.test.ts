import { describe, expect, it } from 'vitest';
import { writeDocx } from '../../../src/writers/docx/index.js';
import type { DocumentModel, Warning } from '../../../src/model/document.js';
import type { RenderedCharts } from '../../../src/model/rendered.js';
import { WriterError } from '../../../src/errors.js';
import { CHART_ID, chartImage, sampleCharts, sampleModel, TIMESTAMP } from './fixtures.js';
import { find, findAll, openPackage, paragraphs, textOf, type XmlElement } from './helpers.js';

async function build(model: DocumentModel, charts: RenderedCharts = sampleCharts()) {
  const { result, warnings } = await writeDocx(model, charts, { timestamp: TIMESTAMP });
  return open(result, warnings);
}

async function open(result: Buffer, warnings: Warning[]) {
  const pkg = await openPackage(result);
  const doc = await pkg.xml('word/document.xml');
  const styles = await pkg.xml('word/styles.xml');
  return { result, warnings, pkg, doc, styles, paras: paragraphs(doc) };
}

const samples = new Map<string, ReturnType<typeof build>>();
/** The unmodified sample of a preset, built once for all the tests that only read it. */
function sample(preset: 'report' | 'gbt9704') {
  if (!samples.has(preset)) samples.set(preset, build(sampleModel(preset)));
  return samples.get(preset)!;
}

function style(styles: XmlElement, id: string): XmlElement {
  const s = findAll(styles, 'w:style').find((el) => el.attrs['w:styleId'] === id);
  if (!s) throw new Error(`no style ${id}`);
  return s;
}

const headingTexts = (paras: Array<{ style?: string; text: string }>, id: string) => paras.filter((p) => p.style === id).map((p) => p.text);

describe.each(['report', 'gbt9704'] as const)('%s preset', (preset) => {
  it('writes only parts that are well-formed XML', async () => {
    const { pkg } = await sample(preset);
    const xmlParts = pkg.names.filter((n) => /\.(xml|rels)$/.test(n));
    expect(xmlParts).toEqual(expect.arrayContaining(['word/document.xml', 'word/styles.xml', 'word/footnotes.xml', 'docProps/core.xml', '[Content_Types].xml']));
    for (const name of xmlParts) await expect(pkg.xml(name), name).resolves.toBeTruthy();
  });

  it('numbers headings 一、（一） in the built-in heading styles, and drops deck-only sections', async () => {
    const { paras, result } = await sample(preset);
    expect(headingTexts(paras, 'Heading1').slice(0, 3)).toEqual(['一、基本情况', '二、存在问题', '三、下一步工作打算']);
    expect(headingTexts(paras, 'Heading2')).toEqual(['（一）数字基础设施持续夯实', '（二）平台体系不断完善']);
    const all = paras.map((p) => p.text).join('\n');
    expect(all).not.toContain('讲稿备注'); // speaker notes
    expect(all).not.toMatch(/^谢谢$/m); // closing slide title
    expect(all).toContain('以上汇报，请批评指正。');
    expect(result.length).toBeGreaterThan(0);
  });

  it('sets East Asian fonts, hint and zh-CN language in styles and in every run', async () => {
    const { doc, styles } = await sample(preset);
    const defaults = find(find(styles, 'w:docDefaults')!, 'w:rFonts')!;
    expect(defaults.attrs).toMatchObject({ 'w:eastAsia': 'FangSong_GB2312', 'w:hint': 'eastAsia', 'w:ascii': 'Times New Roman' });
    expect(find(find(styles, 'w:docDefaults')!, 'w:lang')!.attrs['w:eastAsia']).toBe('zh-CN');
    const fontOf = (id: string) => find(style(styles, id), 'w:rFonts')!.attrs['w:eastAsia'];
    expect([fontOf('Heading1'), fontOf('Heading2'), fontOf('Heading3'), fontOf('Title')]).toEqual(['SimHei', 'KaiTi_GB2312', 'FangSong_GB2312', 'FZXiaoBiaoSong-B05S']);
    const textRuns = findAll(doc, 'w:r').filter((r) => find(r, 'w:t'));
    expect(textRuns.length).toBeGreaterThan(50);
    for (const r of textRuns) {
      const fonts = find(r, 'w:rFonts');
      expect(fonts?.attrs['w:eastAsia'], textOf(r)).toBeTruthy();
      expect(fonts?.attrs['w:hint']).toBe('eastAsia');
      expect(find(r, 'w:lang')?.attrs['w:eastAsia']).toBe('zh-CN');
    }
  });

  it('takes font names from the theme', async () => {
    const model = sampleModel(preset);
    model.theme = { ...model.theme, report: { ...model.theme.report, body: 'FangSong', heading2: 'KaiTi', heading3: 'FangSong' } };
    const { doc, styles } = await build(model);
    expect(find(find(styles, 'w:docDefaults')!, 'w:rFonts')!.attrs['w:eastAsia']).toBe('FangSong');
    expect(find(style(styles, 'Heading2'), 'w:rFonts')!.attrs['w:eastAsia']).toBe('KaiTi');
    const fonts = findAll(doc, 'w:rFonts').map((f) => f.attrs['w:eastAsia']);
    expect(fonts).toContain('FangSong');
    expect(fonts).not.toContain('FangSong_GB2312');
  });

  it('cites every figure in a real footnote: one per source and date per paragraph', async () => {
    const { pkg, doc, paras } = await sample(preset);
    const notes = await pkg.xml('word/footnotes.xml');
    const real = findAll(notes, 'w:footnote').filter((f) => !f.attrs['w:type']);
    const texts = new Map(real.map((f) => [f.attrs['w:id'], textOf(f)]));
    expect([...texts.values()]).toContain(' 资料来源：青岛日报，2025年3月；数据截至2025年12月。');
    expect([...texts.values()]).toContain(' 资料来源：工业和信息化部，2025年12月；数据截至2025年。');
    const refs = findAll(doc, 'w:footnoteReference').map((r) => r.attrs['w:id']);
    expect(new Set(refs).size).toBe(refs.length);
    expect(refs.sort()).toEqual([...texts.keys()].sort());
    // The lead paragraph cites 5G (青岛日报) and two facts of one MIIT source and date: two footnotes, not three.
    const lead = paras.find((p) => p.text.startsWith('近年来'))!;
    expect(findAll(lead.el, 'w:footnoteReference')).toHaveLength(2);
    // The reference follows the cited figure.
    const runs = findAll(lead.el, 'w:r');
    const at = runs.findIndex((r) => find(r, 'w:footnoteReference'));
    expect(textOf(runs[at - 1])).toBe('4.6万个');
    const pr = find(find(doc, 'w:sectPr')!, 'w:footnotePr') ?? findAll(doc, 'w:footnotePr')[0];
    expect(find(pr, 'w:numFmt')!.attrs['w:val']).toBe('decimalEnclosedCircleChinese');
  });

  it('numbers figures and tables in captions (图N below, 表N above)', async () => {
    const { paras, doc } = await sample(preset);
    const captions = paras.filter((p) => p.style === 'Caption').map((p) => p.text);
    expect(captions).toEqual(['表1　主要指标', '图1　青岛市5G基站数量（2020—2025年）', '表2　青岛市主要工业互联网平台评价情况']);
    const seq = findAll(doc, 'w:fldSimple').map((f) => f.attrs['w:instr']);
    expect(seq).toEqual(['SEQ 表 \\* ARABIC', 'SEQ 图 \\* ARABIC', 'SEQ 表 \\* ARABIC']);
    const i = paras.findIndex((p) => p.text.startsWith('图1'));
    expect(find(paras[i - 1].el, 'w:drawing')).toBeTruthy();
    expect(paras.slice(i + 1, i + 3).map((p) => p.text)).toEqual(['注：2025年为年末数。', '数据来源：青岛日报，2025年3月；数据截至2025年12月。']);
    // A table caption comes right before its table.
    const body = find(doc, 'w:body')!;
    const kids = body.children.filter((c): c is XmlElement => typeof c !== 'string');
    const t = kids.findIndex((k) => k.name === 'w:tbl');
    expect(textOf(kids[t - 1])).toBe('表1　主要指标');
    expect(textOf(findAll(kids[t], 'w:tr')[1])).toContain('4.6万个');
  });

  it('places the chart at the text width with its alt text', async () => {
    const { pkg, doc } = await sample(preset);
    const media = pkg.names.filter((n) => n.startsWith('word/media/'));
    expect(media).toHaveLength(1);
    const png = await pkg.zip.file(media[0])!.async('nodebuffer');
    expect(png.equals(chartImage().png)).toBe(true);
    const docPr = find(doc, 'wp:docPr')!;
    expect(docPr.attrs.descr).toBe('柱状图：青岛市5G基站数量由2020年的1.2万个增至2025年的4.6万个。');
    const extent = find(doc, 'wp:extent')!;
    const textWidthEmu = (11906 - 1588 - 1474) * 635;
    expect(Number(extent.attrs.cx)).toBeCloseTo(textWidthEmu, -3);
    const image = chartImage();
    expect(Number(extent.attrs.cy) / Number(extent.attrs.cx)).toBeCloseTo(image.heightPx / image.widthPx, 2);
  });

  it('turns KPI cards into a table and a timeline into dated paragraphs', async () => {
    const { doc, paras } = await sample(preset);
    const kpi = findAll(doc, 'w:tbl')[0];
    const rows = findAll(kpi, 'w:tr').map((r) => findAll(r, 'w:tc').map(textOf));
    expect(rows[0]).toEqual(['指标', '数值', '变化情况']);
    expect(rows[1]).toEqual(['5G基站', '4.6万个', '较2020年增长2.8倍']);
    expect(paras.map((p) => p.text)).toEqual(expect.arrayContaining(['2026年　新增特定行业平台10家。', '（1）中小企业数字化转型意愿仍需提升。']));
  });

  it('records the data hash, as-of date and the fixed timestamp in the document properties', async () => {
    const { pkg } = await sample(preset);
    const custom = await pkg.xml('docProps/custom.xml');
    const props = Object.fromEntries(findAll(custom, 'property').map((p) => [p.attrs.name, textOf({ ...p, children: p.children }) || findAll(p, 'vt:lpwstr').map((v) => v.children.join('')).join('')]));
    expect(props.DataHash).toBe(sampleModel(preset).meta.dataHash);
    expect(props.AsOf).toBe('2025-12');
    const core = await pkg.text('docProps/core.xml');
    expect(core).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2026-01-01T00:00:00Z</dcterms:created>');
    expect(core).toContain('<dcterms:modified xsi:type="dcterms:W3CDTF">2026-01-01T00:00:00Z</dcterms:modified>');
    expect(core).toContain('<dc:title>关于青岛市工业互联网发展情况的汇报</dc:title>');
    const dates = Object.values(pkg.zip.files).map((f) => f.date.toISOString());
    expect(new Set(dates)).toEqual(new Set(['2026-01-01T00:00:00.000Z']));
  });

  it('fails with the chart and its template line when a chart was not rendered', async () => {
    await expect(writeDocx(sampleModel(preset), new Map(), { timestamp: TIMESTAMP })).rejects.toThrow(WriterError);
    await expect(writeDocx(sampleModel(preset), new Map(), { timestamp: TIMESTAMP })).rejects.toThrow(/report\.md\.hbs:1: 图表 5g-stations 没有画出来/);
    const slideOnly = new Map([[CHART_ID, { slide: chartImage() }]]);
    const { warnings } = await writeDocx(sampleModel(preset), slideOnly, { timestamp: TIMESTAMP });
    expect(warnings.map((w) => w.code)).toEqual(['docx-chart-slide-image']);
  });
});

describe('gbt9704 preset', () => {
  it('sets the GB/T 9704 type area, 22 lines of 579 twips and the 三号 body', async () => {
    const { doc, styles } = await sample('gbt9704');
    const sect = findAll(doc, 'w:sectPr');
    expect(sect).toHaveLength(1);
    expect(find(sect[0], 'w:pgSz')!.attrs).toMatchObject({ 'w:w': '11906', 'w:h': '16838' });
    expect(find(sect[0], 'w:pgMar')!.attrs).toMatchObject({ 'w:top': '2098', 'w:bottom': '1984', 'w:left': '1588', 'w:right': '1474' });
    const normal = style(styles, 'Normal');
    expect(find(normal, 'w:spacing')!.attrs).toMatchObject({ 'w:line': '579', 'w:lineRule': 'exact' });
    expect(find(normal, 'w:ind')!.attrs['w:firstLineChars']).toBe('200');
    expect(find(normal, 'w:sz')!.attrs['w:val']).toBe('32');
    // 22 lines fit the 225 mm type area.
    expect(22 * 579).toBeLessThanOrEqual(16838 - 2098 - 1984);
    const title = style(styles, 'Title');
    expect(find(title, 'w:sz')!.attrs['w:val']).toBe('44');
    expect(find(title, 'w:jc')!.attrs['w:val']).toBe('center');
    expect(find(style(styles, 'Heading3'), 'w:b')!.attrs['w:val']).not.toBe('false');
  });

  it('puts page numbers — N — right on odd pages and left on even pages', async () => {
    const { pkg, doc } = await sample('gbt9704');
    const settings = await pkg.xml('word/settings.xml');
    expect(find(settings, 'w:evenAndOddHeaders')!.attrs['w:val'] ?? 'true').not.toBe('false');
    const refs = findAll(find(doc, 'w:sectPr')!, 'w:footerReference');
    expect(refs.map((r) => r.attrs['w:type']).sort()).toEqual(['default', 'even']);
    const rels = await pkg.text('word/_rels/document.xml.rels');
    for (const ref of refs) {
      const target = new RegExp(`Id="${ref.attrs['r:id']}"[^>]*Target="([^"]+)"`).exec(rels)![1];
      const footer = await pkg.xml(`word/${target}`);
      const p = find(footer, 'w:p')!;
      expect(textOf(p)).toBe('— ' + ' —');
      expect(findAll(p, 'w:instrText').map((i) => i.children.join('').trim())).toEqual(['PAGE']);
      expect(find(p, 'w:jc')!.attrs['w:val']).toBe(ref.attrs['w:type'] === 'even' ? 'left' : 'right');
      const fonts = findAll(p, 'w:rFonts')[0].attrs;
      expect(fonts).toMatchObject({ 'w:eastAsia': 'SimSun', 'w:ascii': 'SimSun' });
      expect(findAll(p, 'w:sz')[0].attrs['w:val']).toBe('28');
    }
  });

  it('runs a level-3 heading into its paragraph and signs off with issuer and date', async () => {
    const { paras } = await sample('gbt9704');
    const runIn = paras.find((p) => p.text.startsWith('1.网络覆盖'))!;
    expect(runIn.text).toBe('1.网络覆盖。重点工业园区实现5G网络全覆盖，4.6万个基站支撑各类工业场景。');
    expect(find(runIn.el, 'w:outlineLvl')!.attrs['w:val']).toBe('2');
    const texts = paras.map((p) => p.text);
    const notice = texts.indexOf('附件：数据来源');
    expect(notice).toBeGreaterThan(texts.indexOf('以上汇报，请批评指正。'));
    expect(texts.slice(notice + 1, notice + 4)).toEqual(['', '青岛市工业和信息化局', '2026年1月20日']);
    const annex = paras.find((p) => p.text === '附件')!;
    expect(find(annex.el, 'w:pageBreakBefore')).toBeTruthy();
    expect(texts).toContain('[1]　青岛日报，《青岛打造世界工业互联网之都》，2025年3月21日。');
    // No cover, no contents in an official document.
    expect(texts.join('')).not.toContain('目　录');
    expect(paras[0].text).toBe('关于青岛市工业互联网发展情况的汇报');
  });
});

describe('report preset', () => {
  it('has a cover, a contents section and a body numbered from page 1', async () => {
    const { doc, paras } = await sample('report');
    const sects = findAll(doc, 'w:sectPr');
    expect(sects).toHaveLength(3);
    expect(findAll(sects[0], 'w:footerReference')).toHaveLength(0);
    expect(find(sects[2], 'w:pgNumType')!.attrs['w:start']).toBe('1');
    expect(find(sects[2], 'w:footerReference')!.attrs['w:type']).toBe('default');
    const cover = paras.slice(0, 6).map((p) => p.text);
    expect(cover).toEqual(expect.arrayContaining(['关于青岛市工业互联网发展情况的汇报', '（2025年度）', '青岛市工业和信息化局', '2026年1月20日']));
  });

  it('pre-fills the TOC field with linked entries and estimated page numbers, and asks for no update', async () => {
    const { doc, paras, pkg } = await sample('report');
    const instr = findAll(doc, 'w:instrText').map((i) => i.children.join('').trim());
    expect(instr[0]).toBe('TOC \\o "1-3" \\h \\z \\u');
    expect(findAll(doc, 'w:fldChar').every((f) => f.attrs['w:dirty'] === undefined)).toBe(true);
    expect(await pkg.text('word/settings.xml')).not.toContain('updateFields');
    const toc = paras.filter((p) => /^TOC\d$/.test(p.style ?? ''));
    const entries = toc.map((p) => ({ level: p.style, title: textOf(find(p.el, 'w:hyperlink')!).replace(/\t\d*$/, ''), page: Number(/(\d+)$/.exec(p.text)?.[1]) }));
    expect(entries.map((e) => e.title)).toEqual([
      '一、基本情况',
      '（一）数字基础设施持续夯实',
      '1.网络覆盖',
      '2.算力设施',
      '（二）平台体系不断完善',
      '二、存在问题',
      '三、下一步工作打算',
      '数据来源',
    ]);
    expect(entries.map((e) => e.level)).toEqual(['TOC1', 'TOC2', 'TOC3', 'TOC3', 'TOC2', 'TOC1', 'TOC1', 'TOC1']);
    expect(entries[0].page).toBe(1);
    const pages = entries.map((e) => e.page);
    expect(pages).toEqual([...pages].sort((a, b) => a - b));
    expect(pages.at(-1)).toBeGreaterThan(1);
    // Each entry links to the bookmark on its heading.
    const marks = new Map(findAll(doc, 'w:bookmarkStart').map((b) => [b.attrs['w:name'], b]));
    for (const p of toc) {
      const anchor = find(p.el, 'w:hyperlink')!.attrs['w:anchor'];
      expect(marks.has(anchor), anchor).toBe(true);
    }
    const h = paras.find((p) => p.style === 'Heading1')!;
    expect(find(h.el, 'w:bookmarkStart')!.attrs['w:name']).toBe(find(toc[0].el, 'w:hyperlink')!.attrs['w:anchor']);
  });

  it('ends with the sources annex as an unnumbered chapter, after the closing words', async () => {
    const { paras } = await sample('report');
    const texts = paras.map((p) => p.text);
    const annex = texts.lastIndexOf('数据来源');
    expect(paras[annex].style).toBe('Heading1');
    expect(annex).toBeGreaterThan(texts.indexOf('以上汇报，请批评指正。'));
    expect(texts.slice(annex + 1)).toEqual([
      '[1]　青岛日报，《青岛打造世界工业互联网之都》，2025年3月21日。',
      '[2]　工业和信息化部，《2025年跨行业跨领域工业互联网平台动态评价结果》，2025年12月30日。',
      '[3]　大众网，《工业互联网引领，“青岛智造”深度牵手沿黄省区》，2024年11月22日。',
    ]);
  });

  it('centres a single page-number footer', async () => {
    const { pkg } = await sample('report');
    const settings = await pkg.text('word/settings.xml');
    expect(settings).not.toMatch(/<w:evenAndOddHeaders\/>|<w:evenAndOddHeaders w:val="(true|1)"/);
    const footers = pkg.names.filter((n) => /^word\/footer\d+\.xml$/.test(n));
    expect(footers).toHaveLength(1);
    const p = find(await pkg.xml(footers[0]), 'w:p')!;
    expect(find(p, 'w:jc')!.attrs['w:val']).toBe('center');
    expect(findAll(p, 'w:instrText').map((i) => i.children.join('').trim())).toEqual(['PAGE']);
  });
});
