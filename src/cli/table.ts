/** Plain-text tables whose columns line up with Chinese text (a Han character takes two cells). */
import stringWidth from 'string-width';

/** Cut a cell to `max` cells, ending with … when cut. */
export function fit(text: string, max: number): string {
  if (stringWidth(text) <= max) return text;
  let out = '';
  for (const ch of text) {
    if (stringWidth(out + ch) > max - 1) break;
    out += ch;
  }
  return `${out}…`;
}

export function padCell(text: string, width: number, right = false): string {
  const gap = ' '.repeat(Math.max(0, width - stringWidth(text)));
  return right ? gap + text : text + gap;
}

/** Rows under a header, each column as wide as its widest cell (at most `max[i]`), two spaces apart. */
export function table(header: string[], rows: string[][], max: number[] = [], rightAligned: boolean[] = []): string {
  const cut = [header, ...rows].map((r) => r.map((c, i) => fit(c, max[i] ?? 40)));
  const widths = header.map((_, i) => Math.max(...cut.map((r) => stringWidth(r[i] ?? ''))));
  const line = (r: string[]) => r.map((c, i) => padCell(c, widths[i], rightAligned[i])).join('  ').trimEnd();
  const rule = widths.map((w) => '─'.repeat(w)).join('  ');
  return [line(cut[0]), rule, ...cut.slice(1).map(line)].join('\n');
}
