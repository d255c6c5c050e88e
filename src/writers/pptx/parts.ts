/** Names of the slide parts a warning can be about, in the user's language. */
import { msg, type Message } from '../../i18n/index.js';

const PARTS: Record<string, string> = {
  'agenda entry': 'pptx.part.agenda-entry',
  'agenda number': 'pptx.part.agenda-number',
  'agenda title': 'pptx.part.agenda-title',
  'change line': 'pptx.part.change-line',
  'chart placeholder': 'pptx.part.chart-placeholder',
  'chart takeaway': 'pptx.part.chart-takeaway',
  'cover subtitle': 'pptx.part.cover-subtitle',
  date: 'pptx.part.date',
  'footer (issuer and date)': 'pptx.part.footer',
  issuer: 'pptx.part.issuer',
  label: 'pptx.part.label',
  'section lead': 'pptx.part.section-lead',
  'section number': 'pptx.part.section-number',
  'section title': 'pptx.part.section-title',
  'slide title': 'pptx.part.slide-title',
  'source line': 'pptx.part.source-line',
  'sub-heading': 'pptx.part.sub-heading',
  'table caption': 'pptx.part.table-caption',
  'table header': 'pptx.part.table-header',
  'timeline date': 'pptx.part.timeline-date',
  unit: 'pptx.part.unit',
  value: 'pptx.part.value',
};

export function partName(what: string): Message | string {
  const id = PARTS[what];
  return id ? msg(id) : what;
}
