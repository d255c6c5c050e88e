/** What every planning step needs: the theme, the chart images, a warning sink. */
import type { SourceLocation, Theme, Warning } from '../../model/document.js';
import type { RenderedCharts } from '../../model/rendered.js';
import type { Text } from '../../i18n/index.js';
import type { ChartOutput } from '../../model/chart.js';

export interface PlanContext {
  theme: Theme;
  charts: RenderedCharts;
  /** Native chart or picture, for charts whose definition does not say. */
  chartOutput?: ChartOutput;
  warnings: Warning[];
  /** The section being planned, for warnings. */
  loc?: SourceLocation;
}

export function warn(ctx: PlanContext, code: string, message: Text): void {
  const same = (a: Text, b: Text) => JSON.stringify(a) === JSON.stringify(b);
  const dup = ctx.warnings.some((w) => w.code === code && same(w.message, message) && w.line === ctx.loc?.line);
  if (!dup) ctx.warnings.push({ code, message, file: ctx.loc?.file, line: ctx.loc?.line });
}

/** Greys the theme does not name. */
export const GREY = { rule: 'D9D9D9', faint: 'EDEDED', white: 'FFFFFF' } as const;
