import { describe, expect, it } from 'vitest';
import { FONT_MARKER, dropMissingOverrides, fixBackground, fixNotes, fixParagraphs, fixPart, fixPresentationOrder, fixRunProperties, renumberShapes } from '../../../src/writers/pptx/postprocess.js';
import { childElements, findAll, parseXml } from '../../helpers/ooxml.js';

const fonts = { heading: { latin: 'Arial Black', eastAsia: 'SimHei' }, body: { latin: 'Arial', eastAsia: 'Microsoft YaHei' } };
const A = 'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"';

describe('postprocess', () => {
  it('keeps only the first a:pPr of a paragraph (pptxgenjs repeats it before every run)', () => {
    const xml = `<a:txBody ${A}><a:p><a:pPr algn="l" indent="0" marL="0"><a:buNone/></a:pPr><a:r><a:t>一</a:t></a:r><a:pPr indent="0" marL="0"><a:buNone/></a:pPr><a:r><a:t>二</a:t></a:r></a:p></a:txBody>`;
    const p = findAll(parseXml(fixParagraphs(xml, 'C00000', 'Microsoft YaHei')), 'a:p')[0];
    expect(childElements(p).map((c) => c.name)).toEqual(['a:pPr', 'a:r', 'a:r']);
    expect(childElements(p)[0].attrs).toMatchObject({ algn: 'l', eaLnBrk: '1', hangingPunct: '1', latinLnBrk: '0' });
  });

  it('colours bullets in the given colour, before the size (schema order)', () => {
    const xml = `<a:txBody ${A}><a:p><a:pPr marL="317500" indent="-317500"><a:lnSpc><a:spcPts val="2600"/></a:lnSpc><a:buSzPct val="100000"/><a:buChar char="&#x25A0;"/></a:pPr><a:r><a:t>x</a:t></a:r></a:p></a:txBody>`;
    const ppr = findAll(parseXml(fixParagraphs(xml, 'C00000', 'Microsoft YaHei')), 'a:pPr')[0];
    expect(childElements(ppr).map((c) => c.name)).toEqual(['a:lnSpc', 'a:buClr', 'a:buSzPct', 'a:buFont', 'a:buChar']);
  });

  it('gives marked runs the theme fonts, other runs the body fonts, and leaves theme references alone', () => {
    const xml =
      `<a:p ${A}><a:r><a:rPr lang="en-US" sz="2600" b="1" dirty="0"><a:solidFill><a:srgbClr val="C00000"/></a:solidFill><a:latin typeface="${FONT_MARKER.heading}" charset="0"/><a:ea typeface="${FONT_MARKER.heading}"/><a:cs typeface="${FONT_MARKER.heading}"/><a:hlinkClick r:id="rId1" xmlns:r="r"/></a:rPr><a:t>标题</a:t></a:r>` +
      `<a:r><a:rPr lang="en-US"/><a:t>正文</a:t></a:r><a:endParaRPr lang="en-US"><a:latin typeface="+mn-lt"/><a:ea typeface="+mn-ea"/></a:endParaRPr></a:p>`;
    const once = fixRunProperties(xml, fonts);
    expect(fixRunProperties(once, fonts)).toBe(once);
    const [head, body, end] = [...findAll(parseXml(once), 'a:rPr'), ...findAll(parseXml(once), 'a:endParaRPr')];
    expect(childElements(head).map((c) => c.name)).toEqual(['a:solidFill', 'a:latin', 'a:ea', 'a:cs', 'a:hlinkClick']);
    expect(childElements(head, 'a:ea')[0].attrs.typeface).toBe('SimHei');
    expect(childElements(body, 'a:ea')[0].attrs.typeface).toBe('Microsoft YaHei');
    expect(childElements(end, 'a:ea')[0].attrs.typeface).toBe('+mn-ea');
    for (const r of [head, body, end]) expect(r.attrs).toMatchObject({ lang: 'zh-CN', altLang: 'en-US' });
  });

  it('adds the effect list a background needs and numbers shapes uniquely', () => {
    expect(fixBackground('<p:bgPr><a:solidFill><a:srgbClr val="C00000"/></a:solidFill></p:bgPr>')).toBe('<p:bgPr><a:solidFill><a:srgbClr val="C00000"/></a:solidFill><a:effectLst/></p:bgPr>');
    expect(renumberShapes('<p:cNvPr id="1" name=""/><p:cNvPr id="2" name="a"/><p:cNvPr id="2" name="b"/>')).toBe('<p:cNvPr id="1" name=""/><p:cNvPr id="2" name="a"/><p:cNvPr id="3" name="b"/>');
  });

  it('writes notes as escaped paragraphs', () => {
    const xml = `<p:notes ${A} xmlns:p="p"><p:sp><p:nvSpPr><p:nvPr><p:ph type="body" idx="1"/></p:nvPr></p:nvSpPr><p:spPr/><p:txBody><a:bodyPr/><a:lstStyle/><a:p><a:r><a:rPr lang="en-US"/><a:t> </a:t></a:r></a:p></p:txBody></p:sp></p:notes>`;
    const out = parseXml(fixPart(fixNotes(xml, ['第一段 <&>', '第二段'], fonts), fonts, 'C00000'));
    expect(findAll(out, 'a:t').map((t) => t.children.join(''))).toEqual(['第一段 <&>', '第二段']);
  });

  it('puts notesMasterIdLst before sldIdLst (CT_Presentation order; pptxgenjs writes it after)', () => {
    const P = 'xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main" xmlns:r="r"';
    const xml =
      `<?xml version="1.0"?>\n<p:presentation ${P} saveSubsetFonts="1"><p:sldMasterIdLst><p:sldMasterId id="2147483648" r:id="rId1"/></p:sldMasterIdLst>` +
      `<p:sldIdLst><p:sldId id="256" r:id="rId2"/></p:sldIdLst><p:notesMasterIdLst><p:notesMasterId r:id="rId3"/></p:notesMasterIdLst>` +
      `<p:sldSz cx="12192000" cy="6858000"/><p:notesSz cx="6858000" cy="12192000"/><p:defaultTextStyle><a:lvl1pPr ${A}/></p:defaultTextStyle></p:presentation>`;
    const out = fixPresentationOrder(xml);
    expect(childElements(parseXml(out)).map((c) => c.name)).toEqual(['p:sldMasterIdLst', 'p:notesMasterIdLst', 'p:sldIdLst', 'p:sldSz', 'p:notesSz', 'p:defaultTextStyle']);
    expect(fixPresentationOrder(out)).toBe(out);
    // Something it does not know is left exactly as it was.
    const odd = xml.replace('<p:sldSz', '<p:unknown/><p:sldSz');
    expect(fixPresentationOrder(odd)).toBe(odd);
  });

  it('drops content-type overrides for parts the package does not have (pptxgenjs declares a master per slide)', () => {
    const types =
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/ppt/slideMasters/slideMaster1.xml" ContentType="m"/><Override PartName="/ppt/slides/slide1.xml" ContentType="s"/>' +
      '<Override PartName="/ppt/slideMasters/slideMaster2.xml" ContentType="m"/></Types>';
    const out = parseXml(dropMissingOverrides(types, new Set(['ppt/slideMasters/slideMaster1.xml', 'ppt/slides/slide1.xml'])));
    expect(findAll(out, 'Override').map((o) => o.attrs.PartName)).toEqual(['/ppt/slideMasters/slideMaster1.xml', '/ppt/slides/slide1.xml']);
    expect(findAll(out, 'Default')).toHaveLength(1);
  });
});
