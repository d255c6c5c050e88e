/**
 * Every size limit in one place (docs/reliability.md lists them with what the
 * user gets). Each is far above what a briefing needs and far below what
 * would hang a build or exhaust memory; going past one is a clear error or
 * warning naming the file and line, never a hang.
 */
export const LIMITS = {
  /** Bytes of one data YAML file. */
  dataFileBytes: 8 * 1024 * 1024,
  /** Bytes of one template file (.hbs, .yaml, .md). */
  templateFileBytes: 1024 * 1024,
  /** YAML aliases (*anchor) resolved in one data file: stops "billion laughs" expansion. */
  yamlAliases: 1000,
  /** Characters of Markdown one template renders (and any one partial returns). */
  markdownChars: 8 * 1024 * 1024,
  /** Partials called inside partials. */
  partialDepth: 64,
  /** Slides in one deck, continuation slides included. */
  slides: 500,
  /** Characters of one paragraph or list item. */
  paragraphChars: 20_000,
  /** Characters of one table cell. */
  tableCellChars: 5_000,
  /** Past these a chart still draws, with a warning naming it: nobody can read it. */
  readableChartCategories: 40,
  readableChartTitleChars: 60,
  /** Magnitude of any figure (data value, computed change): 1000万亿; China's GDP is about 1.3e14 元. */
  figureMagnitude: 1e15,
} as const;

