/** XML text shared by the OOXML writers (pptx and docx), which write some parts as text. */

const ESCAPES: Record<string, string> = { '&': '&amp;', '"': '&quot;', "'": '&apos;', '<': '&lt;', '>': '&gt;' };

/**
 * Text content and attribute values, escaped as the docx library escapes
 * them; control characters XML 1.0 does not allow are dropped (a part holding
 * one does not open).
 */
export function escapeXml(value: string): string {
  return value.replace(/[&"'<>\x00-\x08\x0B\x0C\x0E-\x1F]/g, (c) => ESCAPES[c] ?? '');
}
