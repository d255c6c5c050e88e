import { describe, expect, it } from 'vitest';
import { buildDefault } from '../helpers/build.js';

describe('identical rebuilds', () => {
  it('two builds of the same input give byte-identical pptx, md and chart PNGs', async () => {
    const a = (await buildDefault('qingdao-briefing', ['pptx', 'md'])).result.files;
    const b = (await buildDefault('qingdao-briefing', ['pptx', 'md'])).result.files;
    expect(a.map((f) => f.name)).toEqual(b.map((f) => f.name));
    expect(a.filter((f) => f.format === 'png').length).toBeGreaterThanOrEqual(6);
    for (let i = 0; i < a.length; i++) expect(a[i].data.equals(b[i].data), a[i].name).toBe(true);
  });

  it('two builds of the report give byte-identical docx; another timestamp changes only the dates', async () => {
    const a = (await buildDefault('qingdao-report', ['docx'])).result.files[0].data;
    const b = (await buildDefault('qingdao-report', ['docx'])).result.files[0].data;
    expect(a.equals(b)).toBe(true);
    const c = (await buildDefault('qingdao-report', ['docx'], { timestamp: 1767312000 })).result.files[0].data;
    expect(c.equals(a)).toBe(false);
  });
});
