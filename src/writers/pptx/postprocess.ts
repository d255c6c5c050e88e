/**
 * String fixes on the XML pptxgenjs writes, each for a reason PowerPoint,
 * WPS or LibreOffice would show:
 * - fonts: every run gets <a:latin> and <a:ea> from the theme (pptxgenjs
 *   writes one face for all three scripts) and lang="zh-CN";
 * - paragraphs: pptxgenjs repeats <a:pPr> before every run (a schema error
 *   that triggers PowerPoint's repair prompt); keep the first only and set
 *   East Asian line breaking (eaLnBrk, hangingPunct) on it;
 * - bullets take the theme's primary colour;
 * - <p:bgPr> needs an effect list; shape ids must be unique per part;
 * - the theme's major/minor fonts and colours come from our theme;
 * - notes become one paragraph per line;
 * - package level: presentation.xml's children in schema order (pptxgenjs
 *   puts notesMasterIdLst after sldIdLst) and no content-type override for a
 *   part that does not exist (pptxgenjs declares a slide master per slide).
 * All functions are pure string → string.
 */

import type { Theme } from '../../model/theme.js';
import { escapeXml } from '../xml.js';

/** Font names emit writes and fixRunProperties replaces with the theme's (never a real font name). */
export const FONT_MARKER = { heading: '@@GR-FONT-HEAD@@', body: '@@GR-FONT-BODY@@' } as const;

export interface FontPair {
  latin: string;
  eastAsia: string;
}

export interface DeckFonts {
  heading: FontPair;
  body: FontPair;
}

const RPR = /<a:(rPr|defRPr|endParaRPr)\b([^>]*?)(\/>|>([\s\S]*?)<\/a:\1>)/g;
const FONT_CHILD = /<a:(latin|ea|cs|sym)\b[^>]*?(\/>|>[\s\S]*?<\/a:\1>)/g;
/** Children of CT_TextCharacterProperties that must come after the fonts. */
const AFTER_FONTS = /<a:(sym|hlinkClick|hlinkMouseOver|rtl|extLst)\b/;

function fontXml(f: FontPair): string {
  const l = escapeXml(f.latin);
  return `<a:latin typeface="${l}"/><a:ea typeface="${escapeXml(f.eastAsia)}"/><a:cs typeface="${l}"/>`;
}

function setAttr(attrs: string, name: string, value: string): string {
  const re = new RegExp(`\\s${name}="[^"]*"`);
  return re.test(attrs) ? attrs.replace(re, ` ${name}="${value}"`) : `${attrs} ${name}="${value}"`;
}

/** lang="zh-CN" and explicit latin/ea fonts on every run property element that does not defer to the theme. */
export function fixRunProperties(xml: string, fonts: DeckFonts): string {
  return xml.replace(RPR, (_m, tag: string, attrs: string, _end: string, inner: string | undefined) => {
    let a = setAttr(setAttr(attrs, 'lang', 'zh-CN'), 'altLang', 'en-US');
    let body = inner ?? '';
    const heading = body.includes(FONT_MARKER.heading);
    const marked = heading || body.includes(FONT_MARKER.body);
    const themed = /typeface="\+m[nj]-/.test(body);
    if (marked || (!themed && !/<a:ea\b/.test(body))) {
      body = body.replace(FONT_CHILD, '');
      const fx = fontXml(heading ? fonts.heading : fonts.body);
      const at = body.search(AFTER_FONTS);
      body = at < 0 ? body + fx : body.slice(0, at) + fx + body.slice(at);
    }
    a = a.replace(/\s+$/, '');
    return `<a:${tag}${a}>${body}</a:${tag}>`;
  });
}

const PPR = /<a:pPr\b[^>]*?(?:\/>|>[\s\S]*?<\/a:pPr>)/g;

/** One <a:pPr> per paragraph, first; East Asian line breaking on; bullets in the primary colour. */
export function fixParagraphs(xml: string, bulletColor: string, bulletFont: string): string {
  return xml.replace(/<a:p>([\s\S]*?)<\/a:p>/g, (_m, inner: string) => {
    const first = inner.match(/^\s*(<a:pPr\b[^>]*?(?:\/>|>[\s\S]*?<\/a:pPr>))/);
    let ppr = first ? first[1] : '<a:pPr/>';
    const rest = (first ? inner.slice(first[0].length) : inner).replace(PPR, '');
    ppr = ppr.replace(/^<a:pPr\b([^>]*?)(\/?)>/, (_t, attrs: string, slash: string) => {
      let a = attrs.replace(/\s+$/, '');
      for (const [k, v] of [['eaLnBrk', '1'], ['latinLnBrk', '0'], ['hangingPunct', '1']]) a = setAttr(a, k, v);
      return `<a:pPr${a}${slash}>`;
    });
    if (/<a:buChar\b/.test(ppr) || /<a:buAutoNum\b/.test(ppr)) {
      ppr = ppr.replace(/<a:buClr>[\s\S]*?<\/a:buClr>/, '');
      const clr = `<a:buClr><a:srgbClr val="${bulletColor}"/></a:buClr>`;
      ppr = /<a:buSzPct\b/.test(ppr) ? ppr.replace(/<a:buSzPct\b/, `${clr}<a:buSzPct`) : ppr.replace(/<a:(buFont|buChar|buAutoNum)\b/, `${clr}<a:$1`);
      if (/<a:buChar\b/.test(ppr)) {
        ppr = ppr.replace(/<a:buSzPct val="\d+"\/>/, '<a:buSzPct val="60000"/>');
        // Draw ■ and • from the East Asian font, whose squares sit centred on CJK text.
        if (!/<a:buFont\b/.test(ppr)) ppr = ppr.replace(/<a:buChar\b/, `<a:buFont typeface="${escapeXml(bulletFont)}"/><a:buChar`);
      }
    }
    return `<a:p>${ppr}${rest}</a:p>`;
  });
}

/** A background fill needs an effect list after it (CT_BackgroundProperties). */
export function fixBackground(xml: string): string {
  return xml.replace(/<p:bgPr>([\s\S]*?)<\/p:bgPr>/g, (m, inner: string) => (/<a:effect(Lst|Dag)\b/.test(inner) ? m : `<p:bgPr>${inner}<a:effectLst/></p:bgPr>`));
}

/** Shape ids unique within a part (pptxgenjs restarts them per object type). */
export function renumberShapes(xml: string): string {
  let id = 0;
  return xml.replace(/<p:cNvPr id="\d+"/g, () => `<p:cNvPr id="${++id}"`);
}

/** All fixes for a slide, layout, master or notes part. */
export function fixPart(xml: string, fonts: DeckFonts, bulletColor: string): string {
  return renumberShapes(fixBackground(fixParagraphs(fixRunProperties(xml, fonts), bulletColor, fonts.body.eastAsia)));
}

export type ThemeColours = Omit<Theme['colors'], 'series'>;

/** The theme part: our fonts as major/minor (latin, ea and the Simplified Chinese script font) and our colours as accents. */
export function fixTheme(xml: string, fonts: DeckFonts, c: ThemeColours): string {
  const fontBlock = (tag: 'majorFont' | 'minorFont', f: FontPair) =>
    (s: string) =>
      s.replace(new RegExp(`<a:${tag}>([\\s\\S]*?)</a:${tag}>`), (_m, inner: string) => {
        const scripts = inner.replace(/^\s*<a:latin\b[^>]*\/>\s*<a:ea\b[^>]*\/>\s*<a:cs\b[^>]*\/>/, '').replace(/<a:font script="Hans" typeface="[^"]*"\/>/, `<a:font script="Hans" typeface="${escapeXml(f.eastAsia)}"/>`);
        return `<a:${tag}><a:latin typeface="${escapeXml(f.latin)}"/><a:ea typeface="${escapeXml(f.eastAsia)}"/><a:cs typeface=""/>${scripts}</a:${tag}>`;
      });
  const colour = (slot: string, hex: string) => (s: string) => s.replace(new RegExp(`<a:${slot}>[\\s\\S]*?</a:${slot}>`), `<a:${slot}><a:srgbClr val="${hex}"/></a:${slot}>`);
  const steps = [
    fontBlock('majorFont', fonts.heading),
    fontBlock('minorFont', fonts.body),
    colour('dk2', c.dark),
    colour('lt2', c.tint),
    colour('accent1', c.primary),
    colour('accent2', c.accent),
    colour('accent3', c.dark),
    colour('accent4', c.secondary),
  ];
  return steps.reduce((s, f) => f(s), xml).replace(/<a:theme\b([^>]*?)name="[^"]*"/, '<a:theme$1name="gen-report"');
}

/** Replace the notes body with one paragraph per line of `notes`. */
export function fixNotes(xml: string, notes: string[], fonts: DeckFonts): string {
  const paras = notes.length
    ? notes.map((n) => `<a:p><a:r><a:rPr lang="zh-CN" altLang="en-US" dirty="0">${fontXml(fonts.body)}</a:rPr><a:t>${escapeXml(n)}</a:t></a:r></a:p>`).join('')
    : `<a:p><a:endParaRPr lang="zh-CN" altLang="en-US" dirty="0">${fontXml(fonts.body)}</a:endParaRPr></a:p>`;
  return xml.replace(/(<p:ph type="body"[^>]*\/><\/p:nvPr><\/p:nvSpPr><p:spPr\/><p:txBody><a:bodyPr\/><a:lstStyle\/>)[\s\S]*?(<\/p:txBody>)/, `$1${paras}$2`);
}

/** Children of CT_Presentation, in the order the schema requires. */
const PRESENTATION_ORDER = [
  'sldMasterIdLst', 'notesMasterIdLst', 'handoutMasterIdLst', 'sldIdLst', 'sldSz', 'notesSz', 'smartTags', 'embeddedFontLst',
  'custShowLst', 'photoAlbum', 'custDataLst', 'kinsoku', 'defaultTextStyle', 'modifyVerifier', 'extLst',
];

/** presentation.xml with its children in schema order; anything unexpected leaves it untouched. */
export function fixPresentationOrder(xml: string): string {
  const root = /<p:presentation\b[^>]*>/.exec(xml);
  const end = xml.lastIndexOf('</p:presentation>');
  if (!root || end < 0) return xml;
  const bodyStart = root.index + root[0].length;
  const body = xml.slice(bodyStart, end);
  const child = /\s*<p:([A-Za-z]+)\b[^>]*?(?:\/>|>[\s\S]*?<\/p:\1>)/y;
  const children: Array<{ rank: number; xml: string }> = [];
  let at = 0;
  for (;;) {
    child.lastIndex = at;
    const m = child.exec(body);
    if (!m) break;
    const rank = PRESENTATION_ORDER.indexOf(m[1]);
    if (rank < 0) return xml;
    children.push({ rank, xml: m[0].trim() });
    at = child.lastIndex;
  }
  if (body.slice(at).trim() !== '') return xml;
  const sorted = [...children].sort((a, b) => a.rank - b.rank);
  return xml.slice(0, bodyStart) + sorted.map((c) => c.xml).join('') + xml.slice(end);
}

/** [Content_Types].xml without the overrides whose part is not in the package. */
export function dropMissingOverrides(contentTypes: string, parts: ReadonlySet<string>): string {
  return contentTypes.replace(/<Override\b[^>]*?\bPartName="\/([^"]*)"[^>]*?\/>/g, (o, name: string) => (parts.has(name) ? o : ''));
}
