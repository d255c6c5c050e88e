/** Plain-text tables whose columns line up with Chinese text (a Han character takes two cells). */
import stringWidth from 'string-width';

/** Cut a cell to `max` cells, ending with … when cut. */
export function fit(text: string, max: number): string {
  if (stringWidth(text) <= max) return text;
  let out = '';
  let width = 0;
  for (const ch of text) {
    const w = stringWidth(ch);
    if (width + w > max - 1) break;
    out += ch;
    width += w;
  }
  return `${out}…`;
}

function pad(text: string, width: number, target: number, right: boolean): string {
  const gap = ' '.repeat(Math.max(0, target - width));
  return right ? gap + text : text + gap;
}

/** Rows under a header, each column as wide as its widest cell (at most `max[i]`), two spaces apart. */
export function table(header: string[], rows: string[][], max: number[] = [], rightAligned: boolean[] = []): string {
  const cut = [header, ...rows].map((r) => r.map((c, i) => fit(c, max[i] ?? 40)));
  const sized = cut.map((r) => r.map((c) => ({ c, w: stringWidth(c) })));
  const widths = header.map((_, i) => Math.max(...sized.map((r) => r[i]?.w ?? 0)));
  const line = (r: Array<{ c: string; w: number }>) => r.map(({ c, w }, i) => pad(c, w, widths[i], rightAligned[i] ?? false)).join('  ').trimEnd();
  const rule = widths.map((w) => '─'.repeat(w)).join('  ');
  return [line(sized[0]), rule, ...sized.slice(1).map(line)].join('\n');
}
