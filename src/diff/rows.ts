/**
 * Changes as template rows: every field a plain string (Handlebars runs in
 * strict mode, so no field may be missing), escaped for a Markdown table
 * cell, since templates print them inside `| … |` rows verbatim. Field
 * names avoid helper names (asOf, date, fact …), which would win.
 */
import type { FactChange } from './model.js';

export interface ChangeRow {
  kind: FactChange['kind'];
  /** 更新 / 新增 / 删除. */
  kindLabel: string;
  /** 青岛5G基站数量. */
  label: string;
  /** Old figure; for a new point, the previous one with its date; — when there was none. */
  from: string;
  /** New figure, or （已删除）. */
  to: string;
  /**
   * The old side as one table cell, dated when the date differs from the new
   * one: 4.5万个 · 此前：3.78万个（2024年3月） · 新增.
   */
  before: string;
  /** The new side as one cell: 4.6万个（2026年1月） · 已删除. */
  after: string;
  /** As-of date(s): 2026年1月, or 2024年3月 → 2026年1月 when it moved. (Not `asOf`: that name is a helper.) */
  asOfLabel: string;
  /** Source label(s), the same way. */
  sourceLabel: string;
  /** Fact or milestone id to cite on the slide, '' when the built fact base lacks it. */
  factId: string;
}

const KIND_LABEL = { changed: '更新', added: '新增', removed: '删除' } as const;

/** Backslash-escape what Markdown would read as table syntax or emphasis. */
export function escapeCell(text: string): string {
  return text.replace(/[\\|*_`[\]<>#~]/g, (c) => `\\${c}`).replace(/\s*\n\s*/g, ' ');
}

const both = (a: string | undefined, b: string | undefined) => (a !== undefined && b !== undefined && a !== b ? `${a} → ${b}` : (b ?? a ?? ''));

export type PlainRow = Omit<ChangeRow, 'factId'>;

const dated = (figure: string, asOfLabel: string) => (figure === asOfLabel ? figure : `${figure}（${asOfLabel}）`);

/** A change in words, unescaped (for the terminal): old and new figure, date and source. */
export function describeChange(c: FactChange): PlainRow {
  const from = c.old ? c.old.figure : c.previous ? `${c.previous.figure}（${c.previous.asOfLabel}）` : '—';
  const before = c.old
    ? c.new && c.new.asOfLabel === c.old.asOfLabel
      ? c.old.figure
      : dated(c.old.figure, c.old.asOfLabel)
    : c.previous
      ? `此前：${dated(c.previous.figure, c.previous.asOfLabel)}`
      : '新增';
  return {
    kind: c.kind,
    kindLabel: KIND_LABEL[c.kind],
    label: c.label,
    from,
    to: c.new ? c.new.figure : '（已删除）',
    before,
    after: c.new ? dated(c.new.figure, c.new.asOfLabel) : '已删除',
    asOfLabel: both(c.old?.asOfLabel, c.new?.asOfLabel),
    sourceLabel: both(c.old?.sourceLabel, c.new?.sourceLabel),
  };
}

/**
 * Rows for the changes slide and section: facts and milestones only (a new
 * source shows through the figures it brings). `citable` says which ids the
 * built fact base holds, so the slide's source line can cite them.
 */
export function changeRows(changes: FactChange[], citable: (id: string) => boolean = () => false): ChangeRow[] {
  return changes
    .filter((c) => c.target !== 'source')
    .map((c) => {
      const d = describeChange(c);
      return {
        kind: d.kind,
        kindLabel: d.kindLabel,
        label: escapeCell(d.label),
        from: escapeCell(d.from),
        to: escapeCell(d.to),
        before: escapeCell(d.before),
        after: escapeCell(d.after),
        asOfLabel: escapeCell(d.asOfLabel),
        sourceLabel: escapeCell(d.sourceLabel),
        factId: c.new && citable(c.new.id) ? c.new.id : '',
      };
    });
}
