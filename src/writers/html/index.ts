/**
 * HTML writer: the document model → a self-contained folder (index.html and
 * its chart images) that opens from disk with no server and no network.
 * `deck` shows the slides at 16:9 (drawn from the pptx plan), `report` the
 * A4 sheets. Every cited figure opens its citation card; every slide or
 * chapter has a panel listing the facts it uses.
 */
import type { DocumentModel, StageResult } from '../../model/document.js';
import type { RenderedCharts } from '../../model/rendered.js';
import { esc } from './escape.js';
import { CiteCards } from './cite.js';
import { slidesHtml, type ImageFile } from './slides.js';
import { reportHtml } from './report.js';
import { stylesheet } from './css.js';
import { createHash } from 'node:crypto';
import { CLIENT_SCRIPT } from './client.js';

/** Only our own script may run: its hash is the one script source the page allows. */
const SCRIPT_HASH = `'sha256-${createHash('sha256').update(CLIENT_SCRIPT, 'utf8').digest('base64')}'`;

export interface HtmlOptions {
  kind: 'deck' | 'report';
  /** Preview only: the server's event stream and the build's version (reload when it differs). */
  live?: { events: string; version: string };
  /** Links to the other documents of the same preview, e.g. the report from the deck. */
  links?: Array<{ label: string; href: string }>;
}

export interface HtmlFile {
  /** Relative to the html folder, with / separators: index.html, images/….png. */
  name: string;
  data: Buffer;
}

export function writeHtml(doc: DocumentModel, charts: RenderedCharts, options: HtmlOptions): StageResult<HtmlFile[]> {
  const cards = new CiteCards(doc);
  const images = new Map<string, ImageFile>();
  const deck = options.kind === 'deck';
  const main = deck ? slidesHtml(doc, charts, cards, images) : { ...reportHtml(doc, charts, cards, images), warnings: [] };
  const m = doc.meta;
  const links = (options.links ?? []).map((l) => `<a href="${esc(l.href)}">${esc(l.label)}</a>`).join('');
  const toggles = [
    ...(deck ? [['show-notes', '备注', 'n']] : []),
    ['show-facts', '数据来源', 'f'],
    ['single', deck ? '单页' : '逐页', 'g'],
  ]
    .map(([cls, label, key]) => `<button type="button" data-toggle="${cls}" aria-pressed="false">${esc(label)} <kbd>${key}</kbd></button>`)
    .join('');
  const live = options.live ? ` data-live="${esc(options.live.events)}" data-version="${esc(options.live.version)}"` : '';
  const html = `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; script-src ${SCRIPT_HASH}${options.live ? "; connect-src 'self'" : ''}">
<meta name="generator" content="gen-report">
<link rel="icon" href="data:,">
<title>${esc(`${m.title}（${m.dateLabel}）`)}</title>
<style>${stylesheet(doc)}</style>
</head>
<body class="${deck ? 'deck' : 'report'}"${live}>
<header class="toolbar"><span class="doc-title">${esc(m.title)}</span><span class="as-of">${esc(`数据截至${m.dateLabel}`)}</span>${links}<span class="counter" id="counter"></span>${toggles}</header>
<main>
${main.html}
</main>
${cards.html()}
<div id="tip" role="tooltip" hidden></div>
<div id="gr-error" role="alert" hidden><div class="box"><h2></h2><pre></pre></div></div>
<script>${CLIENT_SCRIPT}</script>
</body>
</html>
`;
  const files: HtmlFile[] = [{ name: 'index.html', data: Buffer.from(html, 'utf8') }, ...[...images.values()].map((i) => ({ name: i.name, data: i.png }))];
  return { result: files, warnings: main.warnings };
}
