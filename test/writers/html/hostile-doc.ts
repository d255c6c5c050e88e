/** A document whose every string tries to become markup, style or script. */
import { defaultTheme } from '../../../src/model/default-theme.js';
import type { Block, Citation, DocumentModel, Run } from '../../../src/model/document.js';
import { chartSpec, section, baseMeta } from '../pptx/fixtures.js';

export const EVIL = [
  '<script>window.__pwned=1</script>',
  '</style><script>window.__pwned=2</script>',
  '"><img src=x onerror="window.__pwned=3">',
  "'; window.__pwned=4; '",
  'a\u2028b\u2029c',
  '</script><!--',
  '{{#each}}&amp;',
].join(' ');

export function evilDoc(): DocumentModel {
  const cite: Citation = { factId: EVIL, sourceId: 'src', sourceLabel: EVIL, asOf: '2025-12', asOfLabel: EVIL, para: 3, printed: EVIL };
  const run = (text: string, c?: Citation): Run => ({ text, cite: c });
  const para = (text: string, c?: Citation): Block => ({ type: 'paragraph', runs: [run(text, c)] });
  const chart = { ...chartSpec('c1', EVIL), alt: EVIL, sourceNote: EVIL };
  return {
    meta: { ...baseMeta(), title: EVIL, subtitle: EVIL, issuer: EVIL, dateLabel: EVIL },
    theme: {
      ...defaultTheme,
      colors: { ...defaultTheme.colors, primary: 'red;}</style><script>x()</script>' },
      fonts: { ...defaultTheme.fonts, eastAsia: '</style><script>window.__pwned=5</script>', latin: '"\\\';}' },
      report: { ...defaultTheme.report, body: '</style>' },
    },
    sections: [
      section(1, EVIL, 'cover', [para(EVIL)], { notes: [para(EVIL, cite)] }),
      section(2, EVIL, 'content', [para(EVIL, cite), { type: 'kpis', items: [{ value: EVIL, unit: EVIL, label: EVIL, cite }] }], { citations: [cite], notes: [para(EVIL, cite)] }),
      section(2, EVIL, 'content', [{ type: 'table', caption: EVIL, header: [[run(EVIL)], [run('b')]], rows: [[[run(EVIL, cite)], [run('1')]]], align: ['left', 'right'] }], { citations: [cite] }),
      section(2, EVIL, 'content', [{ type: 'timeline', items: [{ date: EVIL, runs: [run(EVIL, cite)] }] }, { type: 'chart', chart, caption: [run(EVIL)] }], { citations: [cite] }),
      section(2, EVIL, 'sources'),
    ],
    sources: [{ id: 'src', label: EVIL, publisher: EVIL, title: EVIL, published: EVIL }],
  };
}

