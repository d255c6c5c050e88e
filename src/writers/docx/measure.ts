/**
 * Text widths in em, for the page estimate, table columns and the 落款: a CJK
 * character is one em in every 仿宋/黑体/楷体, and only line counts are
 * needed, so class averages do for Latin.
 */

/** Average advance of Latin characters in em, close to Times New Roman. */
function latinEm(c: number): number {
  if (c === 0x20) return 0.25;
  if (c >= 0x30 && c <= 0x39) return 0.5;
  if (c >= 0x41 && c <= 0x5a) return 0.68;
  if (c >= 0x61 && c <= 0x7a) return 0.46;
  if (c < 0x80) return 0.33;
  return 0.6;
}

function isWide(c: number): boolean {
  return (
    (c >= 0x1100 && c <= 0x115f) ||
    (c >= 0x2e80 && c <= 0xa4cf) ||
    (c >= 0xac00 && c <= 0xd7a3) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0xfe30 && c <= 0xfe4f) ||
    (c >= 0xff00 && c <= 0xff60) ||
    (c >= 0xffe0 && c <= 0xffe6) ||
    c >= 0x1f000 ||
    c === 0x2014 ||
    c === 0x2026 ||
    (c >= 0x2018 && c <= 0x201f) ||
    (c >= 0x2460 && c <= 0x24ff)
  );
}

/** Width in em of text: CJK and full-width forms 1, Latin by class. */
export function widthEm(text: string): number {
  let w = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    w += isWide(c) ? 1 : latinEm(c);
  }
  return w;
}
