/**
 * The article texts live outside the repository (data/sources.yaml's
 * sourceTexts, relative to data/). Tests that need them skip, with a message
 * saying why, in a clone without that folder; on CI they always run.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { repoRoot } from './fixtures.js';

const declared = (parse(readFileSync(path.join(repoRoot, 'data/sources.yaml'), 'utf8')) as { sourceTexts?: string }).sourceTexts ?? '';
export const sourceTextsDir = path.resolve(repoRoot, 'data', declared);
export const haveSourceTexts = declared !== '' && existsSync(sourceTextsDir);

/** Skip (and say why) when the texts are absent, except on CI, where their absence must fail. */
export const skipWithoutSourceTexts = !haveSourceTexts && !process.env.CI;
export const sourceTextsNote = skipWithoutSourceTexts ? ` [skipped: the article texts are not at ${sourceTextsDir} (sourceTexts in data/sources.yaml)]` : '';
if (skipWithoutSourceTexts) process.stderr.write(`note:${sourceTextsNote}\n`);
