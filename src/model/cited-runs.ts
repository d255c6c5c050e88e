import type { Block, Citation, Run } from './document.js';

export type CitedPlace = 'text' | 'kpi' | 'table' | 'timeline' | 'chart';

export interface CitedRun {
  cite: Citation;
  /** The figure as this block prints it. */
  shown: string;
  place: CitedPlace;
}

/** Every cited run, KPI card and chart point of a block list, in reading order (one walk for citations and lineage). */
export function citedRuns(blocks: Block[]): CitedRun[] {
  const out: CitedRun[] = [];
  const runs = (rs: Run[] | undefined, place: CitedPlace) => rs?.forEach((r) => r.cite && out.push({ cite: r.cite, shown: r.text, place }));
  const visit = (bs: Block[]) => {
    for (const b of bs) {
      switch (b.type) {
        case 'paragraph':
          runs(b.runs, 'text');
          break;
        case 'list':
          b.items.forEach((it) => runs(it.runs, 'text'));
          break;
        case 'kpis':
          for (const k of b.items) {
            if (k.cite) out.push({ cite: k.cite, shown: `${k.value}${k.unit}`, place: 'kpi' });
            runs(k.change, 'kpi');
          }
          break;
        case 'table':
          [...b.header, ...b.rows.flat()].forEach((cell) => runs(cell, 'table'));
          break;
        case 'timeline':
          b.items.forEach((it) => runs(it.runs, 'timeline'));
          break;
        case 'chart':
          b.figures?.forEach((f) => out.push({ cite: f.cite, shown: f.label, place: 'chart' }));
          runs(b.caption, 'text');
          break;
        case 'callout':
          visit(b.blocks);
          break;
        case 'columns':
          b.columns.forEach(visit);
          break;
      }
    }
  };
  visit(blocks);
  return out;
}
