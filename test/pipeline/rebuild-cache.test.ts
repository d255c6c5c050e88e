/**
 * A RebuildCache (what watch and preview keep between builds) changes only
 * how much work a rebuild does, never what it writes: after a data edit and
 * after a template edit, a cached rebuild gives the same bytes as a fresh
 * build, and the cache reports what it reused.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../../src/pipeline/build.js';
import { RebuildCache } from '../../src/pipeline/rebuild-cache.js';
import { fixtures, readData, readTemplate } from '../helpers/fixtures.js';

const data = readData(path.join(fixtures, 'mini-data'));
const template = readTemplate(path.join(fixtures, 'templates/mini'), 'test/fixtures/templates/mini');

async function pptx(input: { data: typeof data; template: typeof template }, cache?: RebuildCache) {
  const r = await build({ ...input, formats: ['pptx'], timestamp: 1767225600, cache });
  return { bytes: r.result.files[0].data, markdown: r.result.markdown };
}

describe('RebuildCache', () => {
  it('reuses parsed data files, compiled templates and charts, and builds the same bytes as a fresh build', async () => {
    const cache = new RebuildCache();
    const first = await pptx({ data, template }, cache);
    expect(first.bytes.equals((await pptx({ data, template })).bytes)).toBe(true);

    // A data file saved with a new comment: that file alone parsed again (its text is part of the data hash the package records).
    const edited = data.map((f, i) => (i === 0 ? { ...f, text: `${f.text}\n# saved again\n` } : f));
    const parsedBefore = cache.dataFiles.parsed;
    const again = await pptx({ data: edited, template }, cache);
    expect(cache.dataFiles.parsed - parsedBefore).toBe(1);
    expect(again.bytes.equals((await pptx({ data: edited, template })).bytes)).toBe(true);
    expect(cache.templateCache(template.dir).reused).toBeGreaterThanOrEqual(1);
    expect(cache.charts.hits).toBeGreaterThan(0);

    // A template edit: compiled afresh, and the rebuild shows it.
    const entry = [...template.files.keys()].find((n) => n.endsWith('.md.hbs'))!;
    const files = new Map(template.files);
    files.set(entry, `${files.get(entry)}\n\n## 缓存之后新增的一页\n\n- 模板改动立即生效\n`);
    const changed = { ...template, files };
    const compiledBefore = cache.templateCache(template.dir).compiled;
    const cached = await pptx({ data: edited, template: changed }, cache);
    expect(cache.templateCache(template.dir).compiled).toBe(compiledBefore + 1);
    expect(cached.markdown).toContain('缓存之后新增的一页');
    expect(cached.bytes.equals((await pptx({ data: edited, template: changed })).bytes)).toBe(true);
  }, 120_000);
});
