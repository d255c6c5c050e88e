import { beforeAll, describe, expect, it, vi } from 'vitest';
import { writePptx } from '../../../src/writers/pptx/index.js';
import { planDeck } from '../../../src/writers/pptx/plan.js';
import { FONT_MARKER } from '../../../src/writers/pptx/postprocess.js';
import { childElements, findAll, findFirst, textContent } from '../../helpers/ooxml.js';
import { boxes, entryDates, notesText, placeholderText, readDeck, shapeText, type ReadDeck } from './deck-reader.js';
import { TIMESTAMP, sampleCharts, sampleDoc } from './fixtures.js';
import { hostileDoc } from './hostile-fixture.js';
import { defaultTheme } from '../../../src/model/default-theme.js';

const LAYOUT_NAMES: Record<string, string> = {
  cover: '封面', agenda: '目录', section: '章节页', bullets: '要点', columns: '两栏', chart: '图表', 'chart-text': '图文',
  kpis: '指标卡', table: '表格', timeline: '时间轴', callout: '重点提示', sources: '资料来源', closing: '结束页',
};
const CONTENT = new Set(['要点', '两栏', '图表', '图文', '指标卡', '表格', '时间轴', '重点提示', '资料来源']);

describe('writePptx on the sample deck', () => {
  let deck: ReadDeck;
  let buf: Buffer;
  const doc = sampleDoc();
  const { plan } = planDeck(doc, sampleCharts());

  beforeAll(async () => {
    buf = (await writePptx(doc, sampleCharts(), { timestamp: TIMESTAMP })).result;
    deck = await readDeck(buf);
  });

  it('has well-formed XML in every part', () => {
    expect(deck.xml.size).toBeGreaterThan(30);
    for (const name of deck.parts.keys()) if (/\.(xml|rels)$/.test(name)) expect(deck.xml.has(name), name).toBe(true);
    expect(deck.slideSize).toEqual({ cx: 12192000, cy: 6858000 });
  });

  it('declares a content type for every part and resolves every relationship', () => {
    const types = deck.xml.get('[Content_Types].xml')!;
    const overrides = new Set(findAll(types, 'Override').map((o) => o.attrs.PartName.slice(1)));
    const defaults = new Set(findAll(types, 'Default').map((d) => d.attrs.Extension));
    for (const name of deck.parts.keys()) {
      if (name === '[Content_Types].xml') continue;
      const ext = name.split('.').pop()!;
      // Slides, layouts, masters, notes, theme and properties need their own type; media and rels go by extension.
      if (name.endsWith('.xml')) expect(overrides.has(name), name).toBe(true);
      else expect(defaults.has(ext), name).toBe(true);
    }
    for (const [name, root] of deck.xml) {
      if (!name.endsWith('.rels')) continue;
      // The folder of the part the relationships belong to ("" for the package's own _rels/.rels).
      const base = name.replace(/(^|\/)_rels\/([^/]*)\.rels$/, '$1$2').replace(/[^/]*$/, '');
      for (const r of findAll(root, 'Relationship')) {
        if (r.attrs.TargetMode === 'External') continue;
        const target = r.attrs.Target.startsWith('/') ? r.attrs.Target.slice(1) : new URL(r.attrs.Target, `http://x/${base}`).pathname.slice(1);
        expect(deck.parts.has(target), `${name} → ${r.attrs.Target}`).toBe(true);
      }
    }
  });

  it('declares content types only for parts that exist', () => {
    const types = deck.xml.get('[Content_Types].xml')!;
    const missing = findAll(types, 'Override').map((o) => o.attrs.PartName.slice(1)).filter((n) => !deck.parts.has(n));
    expect(missing).toEqual([]);
  });

  it('writes the presentation part in schema order (notes master list before the slide list)', () => {
    const order = ['p:sldMasterIdLst', 'p:notesMasterIdLst', 'p:handoutMasterIdLst', 'p:sldIdLst', 'p:sldSz', 'p:notesSz', 'p:defaultTextStyle', 'p:extLst'];
    const names = childElements(deck.xml.get('ppt/presentation.xml')!).map((c) => c.name);
    expect(names).toContain('p:notesMasterIdLst');
    expect(names.map((n) => order.indexOf(n))).toEqual(names.map((n) => order.indexOf(n)).sort((a, b) => a - b));
  });

  it('has one slide per planned slide, each on the master of its layout', () => {
    expect(deck.slides.map((s) => s.layoutName)).toEqual(plan.slides.map((s) => LAYOUT_NAMES[s.layout]));
  });

  it('puts the title in the title placeholder of every slide', () => {
    deck.slides.forEach((s, i) => {
      const want = plan.slides[i].title!.paragraphs.map((p) => p.runs.map((r) => r.text).join('')).join('\n');
      expect(placeholderText(s.xml, 'title')).toBe(want);
    });
    expect(placeholderText(deck.slides[0].xml, 'title')).toBe('青岛市工业互联网发展情况汇报');
    expect(placeholderText(deck.slides.at(-1)!.xml, 'title')).toBe('谢谢！请批评指正');
  });

  it('writes speaker notes one paragraph per line', () => {
    expect(notesText(deck.slides[0].notes)).toBe('开场：介绍汇报内容和背景。');
    const platform = deck.slides.find((s) => placeholderText(s.xml, 'title') === '平台体系加快构建')!;
    expect(notesText(platform.notes)).toBe('平台体系是核心竞争力。\n• 卡奥斯\n• 行业平台');
    expect(notesText(deck.slides[1].notes)).toBe('');
  });

  it('embeds chart images as PNG with the alt text as descr', () => {
    const chartSlides = deck.slides.filter((s) => s.layoutName === '图表' || s.layoutName === '图文');
    expect(chartSlides).toHaveLength(2);
    for (const s of chartSlides) {
      const pic = findFirst(s.xml, 'p:pic')!;
      expect(findFirst(pic, 'p:cNvPr')!.attrs.descr).toMatch(/：2021年1\.2万个，2025年4\.6万个/);
      const rid = findFirst(pic, 'a:blip')!.attrs['r:embed'];
      expect(s.media.get(rid)!.subarray(1, 4).toString()).toBe('PNG');
    }
  });

  it('sets lang="zh-CN" and the theme East Asian font on every run', () => {
    for (const s of deck.slides) {
      const runs = [...findAll(s.xml, 'a:rPr'), ...findAll(s.xml, 'a:endParaRPr')];
      expect(runs.length).toBeGreaterThan(0);
      for (const r of runs) {
        expect(r.attrs.lang, `slide ${s.number}`).toBe('zh-CN');
        expect(childElements(r, 'a:ea')[0]?.attrs.typeface, `slide ${s.number}`).toBe('Microsoft YaHei');
        expect(childElements(r, 'a:latin')[0]?.attrs.typeface).toBe('Arial');
      }
    }
    for (const [name, buf] of deck.parts) if (name.endsWith('.xml')) expect(buf.toString('utf8')).not.toContain(FONT_MARKER.body.slice(0, 6));
  });

  it('writes one a:pPr per paragraph, first, with East Asian line breaking', () => {
    for (const [name, root] of deck.xml) {
      if (!/^ppt\/(slides|slideLayouts|notesSlides)\//.test(name)) continue;
      for (const p of findAll(root, 'a:p')) {
        const kids = childElements(p);
        const pprs = kids.filter((k) => k.name === 'a:pPr');
        expect(pprs.length, name).toBe(1);
        expect(kids[0].name).toBe('a:pPr');
        expect(pprs[0].attrs.eaLnBrk).toBe('1');
      }
    }
  });

  it('sets the theme fonts and colours', () => {
    const theme = deck.xml.get('ppt/theme/theme1.xml')!;
    for (const tag of ['a:majorFont', 'a:minorFont']) {
      const f = findFirst(theme, tag)!;
      expect(childElements(f, 'a:ea')[0].attrs.typeface).toBe('Microsoft YaHei');
      expect(childElements(f, 'a:font').find((x) => x.attrs.script === 'Hans')!.attrs.typeface).toBe('Microsoft YaHei');
    }
    expect(findFirst(findFirst(theme, 'a:accent1')!, 'a:srgbClr')!.attrs.val).toBe('C00000');
  });

  it('gives every content slide a page number, the footer and its source line', () => {
    for (const s of deck.slides) {
      const num = findAll(s.xml, 'a:fld').find((f) => f.attrs.type === 'slidenum');
      if (!CONTENT.has(s.layoutName)) {
        expect(num, `slide ${s.number}`).toBeUndefined();
        continue;
      }
      expect(textContent(findFirst(num!, 'a:t')!)).toBe(String(s.number));
      expect(findAll(s.layout, 'a:t').map(textContent)).toContain('青岛市工业和信息化局　2026年1月');
      const planned = plan.slides[s.number - 1].sourceLine;
      expect(shapeText(s.xml, 'source-line')).toBe(planned);
    }
    const kpi = deck.slides.find((s) => s.layoutName === '指标卡')!;
    expect(shapeText(kpi.xml, 'source-line')).toBe('数据来源：青岛市通信管理局；工业和信息化部公示；青岛市工业和信息化局；截至2025年12月');
  });

  it('keeps every shape box on the slide, in slides and layouts', () => {
    const { cx, cy } = deck.slideSize;
    for (const [name, root] of deck.xml) {
      if (!/^ppt\/(slides|slideLayouts)\//.test(name)) continue;
      for (const b of boxes(root)) {
        expect(b.x, name).toBeGreaterThanOrEqual(0);
        expect(b.y, name).toBeGreaterThanOrEqual(0);
        expect(b.x + b.cx, name).toBeLessThanOrEqual(cx + 1000);
        expect(b.y + b.cy, name).toBeLessThanOrEqual(cy + 1000);
      }
    }
  });

  it('gives shapes unique ids within each slide', () => {
    for (const s of deck.slides) {
      const ids = findAll(s.xml, 'p:cNvPr').map((c) => c.attrs.id);
      expect(new Set(ids).size).toBe(ids.length);
    }
  });

  it('records the data hash and as-of date in the custom properties, and dates from the timestamp', () => {
    const custom = deck.xml.get('docProps/custom.xml')!;
    const prop = (n: string) => textContent(findAll(custom, 'property').find((p) => p.attrs.name === n)!);
    expect(prop('DataHash')).toBe(doc.meta.dataHash);
    expect(prop('AsOf')).toBe('2025-12');
    const types = findAll(deck.xml.get('[Content_Types].xml')!, 'Override').find((o) => o.attrs.PartName === '/docProps/custom.xml');
    expect(types?.attrs.ContentType).toBe('application/vnd.openxmlformats-officedocument.custom-properties+xml');
    expect(findAll(deck.xml.get('_rels/.rels')!, 'Relationship').some((r) => r.attrs.Target === 'docProps/custom.xml' && r.attrs.Type.endsWith('/custom-properties'))).toBe(true);
    const core = deck.xml.get('docProps/core.xml')!;
    expect(textContent(findFirst(core, 'dcterms:created')!)).toBe('2026-01-01T00:00:00Z');
    expect(textContent(findFirst(core, 'dcterms:modified')!)).toBe('2026-01-01T00:00:00Z');
    expect(textContent(findFirst(core, 'dc:title')!)).toBe('青岛市工业互联网发展情况汇报');
  });

  it('is byte-for-byte deterministic, with zip dates from the timestamp', async () => {
    const again = (await writePptx(sampleDoc(), sampleCharts(), { timestamp: TIMESTAMP })).result;
    expect(again.equals(buf)).toBe(true);
    for (const d of await entryDates(buf)) expect(d.toISOString()).toBe('2026-01-01T00:00:00.000Z');
    const later = (await writePptx(sampleDoc(), sampleCharts(), { timestamp: TIMESTAMP + 86400 })).result;
    expect(later.equals(buf)).toBe(false);
    expect(Object.keys((await readDeck(buf)).parts)).toEqual(Object.keys(deck.parts));
  });
});

describe('writePptx with an unusual theme', () => {
  it('escapes theme font names and uses them for every run', async () => {
    const doc = sampleDoc();
    doc.theme = { ...defaultTheme, fonts: { eastAsia: '方正"黑体"&<简>', latin: "Times 'New'", headingEastAsia: 'SimHei', headingLatin: 'Arial Black' } };
    const deck = await readDeck((await writePptx(doc, sampleCharts(), { timestamp: TIMESTAMP })).result);
    const slide = deck.slides.find((s) => s.layoutName === '要点')!;
    const body = findAll(slide.xml, 'a:rPr').filter((r) => r.attrs.b !== '1' && r.attrs.sz === '2000');
    expect(body.length).toBeGreaterThan(0);
    for (const r of body) expect(childElements(r, 'a:ea')[0].attrs.typeface).toBe('方正"黑体"&<简>');
    const title = findAll(slide.xml, 'p:sp').find((s) => findAll(s, 'p:ph').some((p) => p.attrs.type === 'title'))!;
    expect(childElements(findFirst(title, 'a:rPr')!, 'a:ea')[0].attrs.typeface).toBe('SimHei');
    expect(childElements(findFirst(title, 'a:rPr')!, 'a:latin')[0].attrs.typeface).toBe('Arial Black');
  });

  it('prints nothing (pptxgenjs warns on the console for some inputs)', async () => {
    const spies = (['log', 'warn', 'error', 'info'] as const).map((m) => vi.spyOn(console, m).mockImplementation(() => {}));
    try {
      await writePptx(sampleDoc(), sampleCharts(), { timestamp: TIMESTAMP });
      await writePptx(hostileDoc(), new Map(), { timestamp: TIMESTAMP });
      for (const spy of spies) expect(spy).not.toHaveBeenCalled();
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
  });

  it('returns a warning, not an error, for a chart without an image', async () => {
    const r = await writePptx(sampleDoc(), new Map(), { timestamp: TIMESTAMP });
    expect(r.warnings.filter((w) => w.code === 'pptx-chart-missing')).toHaveLength(2);
    const deck = await readDeck(r.result);
    expect(deck.slides.every((s) => findAll(s.xml, 'p:pic').length === 0)).toBe(true);
  });
});
