/**
 * `--format md`: the rendered briefing Markdown, for debugging a template or
 * handing to pandoc/Quarto. Cited figures become pandoc footnotes and chart
 * blocks get the rendered chart as an image next to the file.
 */
import type { StageResult } from '../../model/document.js';
import type { RenderedCharts } from '../../model/rendered.js';
import { BARE_CITATION, CITED_FIGURE } from '../../templates/citations.js';
import type { RenderedTemplate } from '../../templates/render.js';
import { sanitizeText } from '../../util/sanitize.js';
import { escapeMarkdown } from '../../templates/escape.js';

export interface MarkdownOutput {
  markdown: string;
  images: Array<{ name: string; png: Buffer }>;
}

export function writeMarkdown(rendered: RenderedTemplate, charts: RenderedCharts, baseName: string): StageResult<MarkdownOutput> {
  const numbers = new Map<string, number>();
  const notes: string[] = [];
  const titles = new Map(rendered.registry.sources().map((s) => [s.id, s.title]));
  const footnote = (factId: string) => {
    let n = numbers.get(factId);
    if (n === undefined) {
      n = numbers.size + 1;
      numbers.set(factId, n);
      const c = rendered.registry.get(factId);
      notes.push(`[^${n}]: ${escapeMarkdown(c ? `${c.sourceLabel}《${titles.get(c.sourceId) ?? ''}》，数据截至${c.asOfLabel}。` : factId)}`);
    }
    return `[^${n}]`;
  };
  const images: MarkdownOutput['images'] = [];
  let text = rendered.markdown
    .replace(CITED_FIGURE, (_, figure: string, id: string) => `${figure}${footnote(id)}`)
    .replace(BARE_CITATION, '');
  text = text.replace(/^(:{3,})\s*\{\.chart id="([^"]+)"\}\s*$/gm, (line, _colons, id: string) => {
    const built = rendered.charts.get(id);
    const png = charts.get(id)?.slide?.png;
    if (!built || !png) return line;
    const name = `${baseName}.charts/${id}.png`;
    images.push({ name, png });
    // The image carries no source line; the Markdown states it under the image.
    return `![${escapeMarkdown(built.spec.title)}](${name})\n\n${escapeMarkdown(built.spec.sourceNote)}\n\n${line}`;
  });
  const markdown = sanitizeText(`${text.trimEnd()}\n${notes.length ? `\n${notes.join('\n')}\n` : ''}`);
  return { result: { markdown, images }, warnings: [] };
}
