/** Speaker notes as plain paragraphs (the notes pane shows no layout). */
import type { Block } from '../../model/document.js';
import { cleanText, plainText } from './plan-text.js';

export function notesText(blocks: Block[]): string[] {
  const out: string[] = [];
  for (const b of blocks) {
    switch (b.type) {
      case 'paragraph':
        out.push(plainText(b.runs));
        break;
      case 'list':
        b.items.forEach((it, i) => out.push(`${'　'.repeat(it.level)}${b.ordered ? `${i + 1}.` : '•'} ${plainText(it.runs)}`));
        break;
      case 'kpis':
        for (const k of b.items) out.push(`${cleanText(k.label)}：${cleanText(k.value)}${cleanText(k.unit)}${k.change ? `，${plainText(k.change)}` : ''}`);
        break;
      case 'timeline':
        for (const t of b.items) out.push(`${cleanText(t.date)}：${plainText(t.runs)}`);
        break;
      case 'table':
        for (const r of [b.header, ...b.rows]) out.push(r.map(plainText).join('｜'));
        break;
      case 'chart':
        out.push(cleanText(b.chart.alt));
        break;
      case 'callout':
        out.push(...notesText(b.blocks));
        break;
      case 'columns':
        for (const col of b.columns) out.push(...notesText(col));
        break;
    }
  }
  return out.filter((s) => s.trim());
}
