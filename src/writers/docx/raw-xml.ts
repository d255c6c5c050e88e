/**
 * Blocks written as WordprocessingML text instead of docx objects, for large
 * regular structures (the 数据核对表 is four fifths of a report's
 * document.xml): docx builds, walks and serialises an object per element,
 * which cost more than the rest of the report. A block is a placeholder
 * paragraph in the docx tree, swapped for its XML before the package is
 * normalised and zipped. The XML must be what docx itself would write for the
 * same content (test/writers/docx/raw-xml.test.ts compares them).
 */
import { randomBytes } from 'node:crypto';
import { Paragraph, TextRun } from 'docx';
import type { RunFont } from './fonts.js';
import { LANGUAGE } from './fonts.js';
import { sanitizeText } from '../../util/sanitize.js';
import { escapeXml } from '../xml.js';

export class RawXml {
  /** Never in the output (every marker is replaced), so a random one keeps data text from posing as a marker. */
  private readonly nonce = randomBytes(8).toString('hex');
  private readonly blocks = new Map<string, string>();

  /** A placeholder paragraph for `xml` (one or more body-level elements). */
  block(xml: string): Paragraph {
    const marker = `gen-report-raw-${this.nonce}-${this.blocks.size}`;
    this.blocks.set(marker, xml);
    return new Paragraph({ children: [new TextRun(marker)] });
  }

  /** document.xml with every placeholder paragraph replaced by its XML. */
  fill(documentXml: string): string {
    let out = documentXml;
    for (const [marker, xml] of this.blocks) {
      const at = out.indexOf(marker);
      if (at === -1) throw new Error(`raw XML placeholder missing: ${marker}`);
      const start = Math.max(out.lastIndexOf('<w:p>', at), out.lastIndexOf('<w:p ', at));
      const end = out.indexOf('</w:p>', at) + '</w:p>'.length;
      out = out.slice(0, start) + xml + out.slice(end);
    }
    return out;
  }
}

/** The run properties docx writes for a run in `font` with the report's language (no bold, no colour). */
export function runProperties(font: RunFont): string {
  const f = (v: string) => escapeXml(v);
  return (
    `<w:rPr><w:rFonts w:ascii="${f(font.ascii)}" w:cs="${f(font.cs)}" w:eastAsia="${f(font.eastAsia)}" w:hAnsi="${f(font.hAnsi)}" w:hint="${f(font.hint)}"/>` +
    `<w:lang w:val="${LANGUAGE.value}" w:eastAsia="${LANGUAGE.eastAsia}"/></w:rPr>`
  );
}

/** What Inline.text gives for plain text, as XML: sanitised, one run per line, a line break before every line but the first. */
export function textRuns(text: string, rPr: string): string {
  return sanitizeText(text)
    .split('\n')
    .map((line, i) => `<w:r>${rPr}${i > 0 ? '<w:br/>' : ''}<w:t xml:space="preserve">${escapeXml(line)}</w:t></w:r>`)
    .join('');
}
