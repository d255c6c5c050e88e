/** gen-report as a library: the same pipeline the CLI runs. */
export { build, latestAsOf, outputBaseName, FORMATS, type BuildInput, type BuildResult, type Format, type OutputFile } from './pipeline/build.js';
export { RebuildCache } from './pipeline/rebuild-cache.js';
export { loadFactBase } from './facts/load.js';
export { factBaseAsOf } from './facts/as-of.js';
export { checkSources } from './facts/check-sources.js';
export type { FactBase, Fact, TextFile } from './facts/model.js';
export { loadTemplate, type TemplateFiles } from './templates/manifest.js';
export { renderTemplate } from './templates/render.js';
export { toDocumentModel } from './markdown/index.js';
export { renderCharts } from './charts/index.js';
export { writePptx } from './writers/pptx/index.js';
export { writeDocx } from './writers/docx/index.js';
export { writeMarkdown } from './writers/md/index.js';
export { diffFactBases, diffData, changeRows, type FactChange, type ChangeRow } from './diff/index.js';
export * from './errors.js';
export type * from './model/document.js';
export type * from './model/rendered.js';
