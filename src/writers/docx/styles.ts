/**
 * Paragraph and character styles. Heading1–3 keep Word's built-in ids so the
 * TOC field (\o "1-3") and the navigation pane find them; every style names
 * its East Asian font, so a user switching 仿宋_GB2312 → 仿宋 edits the style.
 */
import { AlignmentType, LineRuleType, type IParagraphStyleOptions, type IStylesOptions } from 'docx';
import type { Theme } from '../../model/theme.js';
import { FontSet, LANGUAGE, type FontRole } from './fonts.js';
import { chars, halfPoints, type Preset, type TextStyleSpec } from './preset.js';

export const STYLE = {
  title: 'Title',
  subtitle: 'DocSubtitle',
  coverMeta: 'CoverMeta',
  tocHeading: 'TocHeading',
  body: 'Normal',
  caption: 'Caption',
  figure: 'Figure',
  sourceNote: 'SourceNote',
  tableText: 'TableText',
  callout: 'Callout',
  annexLabel: 'AnnexLabel',
  annexEntry: 'AnnexEntry',
  signature: 'Signature',
  footer: 'Footer',
} as const;

const BLACK = '000000';

/** Issuer and date lines of the report cover. */
export const COVER_LINE: TextStyleSpec = { size: 16, line: 560 };

function exact(spec: TextStyleSpec) {
  return { line: spec.line, lineRule: LineRuleType.EXACT };
}

export function buildStyles(preset: Preset, theme: Theme): IStylesOptions {
  const fonts = new FontSet(theme.report);
  const run = (role: FontRole, spec: { size: number }, extra: { bold?: boolean; color?: string } = {}) => ({
    font: fonts.run(role),
    size: halfPoints(spec.size),
    sizeComplexScript: halfPoints(spec.size),
    language: LANGUAGE,
    bold: extra.bold ?? false,
    color: extra.color ?? BLACK,
    characterSpacing: preset.charSpacing && spec.size === preset.body.size ? preset.charSpacing : undefined,
  });
  const indent2 = { firstLine: chars(preset, 2), firstLineChars: 200 };

  const heading = (level: 0 | 1 | 2) => {
    const role: FontRole = (['heading1', 'heading2', 'heading3'] as const)[level];
    const spec = preset.heading[level];
    // 黑体 and 楷体 carry their own weight; only the 仿宋 level-3 heading is bold (GB/T 9704 practice).
    const bold = level === 2 || (preset.name === 'report' && level === 1);
    return {
      run: run(role, spec, { bold }),
      paragraph: {
        spacing: { ...exact(spec), before: preset.headingSpaceBefore[level], after: 0 },
        indent: indent2,
        keepNext: true,
        keepLines: true,
        outlineLevel: level,
        alignment: AlignmentType.JUSTIFIED,
      },
    };
  };

  const para = (
    id: string,
    name: string,
    role: FontRole,
    spec: TextStyleSpec,
    paragraph: NonNullable<IParagraphStyleOptions['paragraph']>,
    extra: { bold?: boolean; color?: string } = {},
  ): IParagraphStyleOptions => ({
    id,
    name,
    basedOn: 'Normal',
    next: 'Normal',
    quickFormat: true,
    run: run(role, spec, extra),
    paragraph: { spacing: { ...exact(spec), before: 0, after: 0 }, indent: { firstLine: 0 }, ...paragraph },
  });

  const tocLevel = (level: number): IParagraphStyleOptions => ({
    id: `TOC${level}`,
    name: `toc ${level}`,
    basedOn: 'Normal',
    next: 'Normal',
    run: run(level === 1 ? 'heading1' : 'body', preset.body),
    paragraph: {
      spacing: { ...exact(preset.body), before: level === 1 ? 120 : 0, after: 0 },
      indent: { left: chars(preset, 2 * (level - 1)), firstLine: 0 },
    },
  });

  return {
    default: {
      document: {
        run: run('body', preset.body),
        paragraph: { spacing: { ...exact(preset.body), before: 0, after: 0 } },
      },
      title: {
        run: run('title', preset.title),
        paragraph: { alignment: AlignmentType.CENTER, spacing: { ...exact(preset.title), before: 0, after: 0 }, indent: { firstLine: 0 } },
      },
      heading1: heading(0),
      heading2: heading(1),
      heading3: heading(2),
      caption: {
        run: run('heading1', preset.caption),
        paragraph: { alignment: AlignmentType.CENTER, spacing: { ...exact(preset.caption), before: 0, after: 0 }, indent: { firstLine: 0 }, keepLines: true },
      },
      footnoteText: {
        run: run('body', preset.footnote),
        paragraph: { spacing: { ...exact(preset.footnote), before: 0, after: 0 }, indent: { firstLine: 0 }, alignment: AlignmentType.JUSTIFIED },
      },
      footnoteReference: { run: { superScript: true } },
    },
    paragraphStyles: [
      {
        id: 'Normal',
        name: 'Normal',
        quickFormat: true,
        run: run('body', preset.body),
        paragraph: { spacing: { ...exact(preset.body), before: 0, after: 0 }, indent: indent2, alignment: AlignmentType.JUSTIFIED },
      },
      para(STYLE.subtitle, 'Subtitle (report)', 'heading2', preset.subtitle, { alignment: AlignmentType.CENTER }),
      para(STYLE.coverMeta, 'Cover line', 'body', COVER_LINE, { alignment: AlignmentType.CENTER }),
      para(STYLE.tocHeading, 'TOC Heading', 'heading1', { size: 18, line: 720 }, { alignment: AlignmentType.CENTER, spacing: { ...exact({ size: 18, line: 720 }), before: 0, after: 240 } }),
      para(STYLE.figure, 'Figure', 'body', preset.body, {
        alignment: AlignmentType.CENTER,
        // An inline picture in an exact-height line is clipped to that height.
        spacing: { line: 240, lineRule: LineRuleType.AUTO, before: 120, after: 60 },
        keepNext: true,
      }),
      para(STYLE.sourceNote, 'Source note', 'body', preset.sourceNote, { alignment: AlignmentType.LEFT, spacing: { ...exact(preset.sourceNote), before: 0, after: 120 } }, { color: '404040' }),
      para(STYLE.tableText, 'Table text', 'body', preset.table, { alignment: AlignmentType.LEFT }),
      para(STYLE.callout, 'Callout', 'heading2', preset.body, { indent: indent2 }),
      para(STYLE.annexLabel, 'Annex label', 'heading1', preset.body, { alignment: AlignmentType.LEFT }),
      para(STYLE.annexEntry, 'Annex entry', 'body', preset.annex, {
        indent: { left: chars(preset, 2), hanging: chars(preset, 2) },
        alignment: AlignmentType.LEFT,
      }),
      para(STYLE.signature, 'Signature', 'body', preset.body, { alignment: AlignmentType.RIGHT }),
      { id: STYLE.footer, name: 'footer', basedOn: 'Normal', run: { ...run('pageNumber', preset.pageNumber), size: halfPoints(preset.pageNumber.size) }, paragraph: { spacing: { line: 240, lineRule: LineRuleType.AUTO, before: 0, after: 0 }, indent: { firstLine: 0 } } },
      tocLevel(1),
      tocLevel(2),
      tocLevel(3),
    ],
  };
}
