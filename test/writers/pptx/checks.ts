/** Geometry checks every plan must pass. */
import { expect } from 'vitest';
import type { Shape, SlidePlan } from '../../../src/writers/pptx/plan-types.js';
import { CHROME, insideSlide, overlaps } from '../../../src/writers/pptx/geometry.js';

export const contentLayouts = new Set(['bullets', 'columns', 'chart', 'chart-text', 'kpis', 'table', 'timeline', 'callout', 'sources']);

/** Checks every plan must pass: inside the slide, no overlapping front shapes, text boxes tall enough for their lines. */
export function checkGeometry(slides: SlidePlan[]): void {
  for (const s of slides) {
    const all: Shape[] = [...s.shapes, ...(s.title ? [s.title] : [])];
    for (const sh of all) expect(insideSlide(sh.box), `${sh.name} on slide ${s.number}`).toBe(true);
    const front = all.filter((x) => x.layer === 'front');
    // Content slides: the master's title, footer and page number are front shapes too.
    if (contentLayouts.has(s.layout)) {
      for (const sh of s.shapes.filter((x) => x.layer === 'front')) {
        for (const chrome of [CHROME.footer, CHROME.pageNumber, CHROME.title]) expect(overlaps(sh.box, chrome), `${sh.name} vs chrome on ${s.number}`).toBe(false);
      }
    }
    for (let i = 0; i < front.length; i++) {
      for (let j = i + 1; j < front.length; j++) expect(overlaps(front[i].box, front[j].box), `${front[i].name} vs ${front[j].name} on slide ${s.number}`).toBe(false);
    }
    for (const x of all) {
      if (x.kind === 'table') {
        expect(x.rowH.reduce((a, b) => a + b, 0)).toBeCloseTo(x.box.h, 2);
        x.rows.forEach((row, ri) => {
          for (const cell of row) {
            const pt = cell.paragraphs.reduce((h, pp) => h + pp.lines.length * pp.lineSpacingPt, 0);
            expect(pt / 72 + 2 * x.marginY, `table row ${ri} on slide ${s.number}`).toBeLessThanOrEqual(x.rowH[ri] + 1e-6);
          }
        });
      }
      if (x.kind !== 'text') continue;
      const pt = x.paragraphs.reduce((h, pp, i) => h + (i ? pp.spaceBeforePt : 0) + pp.lines.length * pp.lineSpacingPt, 0);
      expect(pt / 72, `${x.name} height on slide ${s.number}`).toBeLessThanOrEqual(x.box.h + 1e-6);
    }
  }
}

