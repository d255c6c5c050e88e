/**
 * Issue 20: the issuing office and the date line are settings. The shipped
 * templates name no office; a build without one prints none and warns,
 * naming the setting; --issuer / meta.issuer and the date line fill them.
 */
import { describe, expect, it } from 'vitest';
import { render } from '../../src/i18n/index.js';
import { dateLabelFor } from '../../src/pipeline/build.js';
import { loadTemplate } from '../../src/templates/manifest.js';
import { buildDefault, templateFiles } from '../helpers/build.js';
import { readZip } from '../helpers/ooxml.js';

const texts = (xml: string) => [...xml.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => m[1]);

async function coverAndClosing(pkg: Buffer) {
  const parts = await readZip(pkg);
  const slides = [...parts.keys()].filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n)).sort((a, b) => Number(/\d+/.exec(a)![0]) - Number(/\d+/.exec(b)![0]));
  const layouts = [...parts.keys()].filter((n) => /^ppt\/slideLayouts\/.*\.xml$/.test(n)).map((n) => parts.get(n)!.toString('utf8'));
  return {
    cover: texts(parts.get(slides[0])!.toString('utf8')),
    closing: texts(parts.get(slides.at(-1)!)!.toString('utf8')),
    layouts: layouts.flatMap(texts),
    core: parts.get('docProps/core.xml')!.toString('utf8'),
  };
}

describe('the issuer is a setting', () => {
  it('no shipped template names an issuing office', () => {
    for (const name of ['qingdao-briefing', 'qingdao-report', 'qingdao-report-gbt']) {
      expect(loadTemplate(templateFiles(name)).manifest.meta.issuer, name).toBeUndefined();
    }
  });

  it('the default deck prints no office nobody chose, and the warning names meta.issuer and --issuer', async () => {
    const r = await buildDefault('qingdao-briefing', ['pptx']);
    const w = r.warnings.find((x) => x.code === 'issuer-unset');
    expect(w?.file).toBe('templates/qingdao-briefing/template.yaml');
    expect(render(w!.message, 'zh-CN')).toMatch(/未设置发文单位.*meta\.issuer.*--issuer/);
    expect(render(w!.message, 'en')).toMatch(/no issuing office.*meta\.issuer.*--issuer/);
    const { cover, closing, layouts, core } = await coverAndClosing(r.result.files[0].data);
    for (const t of [...cover, ...closing, ...layouts]) expect(t).not.toMatch(/局|委|办公室|政府/);
    expect(cover).toContain('2026年1月');
    expect(core).toMatch(/<dc:creator><\/dc:creator>|<dc:creator\/>/);
  }, 60_000);

  it('--issuer and a date line fill the cover, the closing slide and the footer', async () => {
    const r = await buildDefault('qingdao-briefing', ['pptx'], { issuer: '青岛市某某办公室', dateLine: '2026-02-03' });
    expect(r.warnings.some((x) => x.code === 'issuer-unset')).toBe(false);
    const { cover, closing, layouts, core } = await coverAndClosing(r.result.files[0].data);
    expect(cover).toEqual(expect.arrayContaining(['青岛市某某办公室', '2026年2月3日']));
    expect(closing).toEqual(expect.arrayContaining(['青岛市某某办公室', '2026年2月3日']));
    expect(layouts).toContain('青岛市某某办公室　2026年2月3日');
    expect(core).toContain('<dc:creator>青岛市某某办公室</dc:creator>');
  }, 60_000);

  it('the GB/T report signs with the issuer set in a variant manifest', async () => {
    const files = templateFiles('qingdao-report-gbt');
    files.files.set('template.yaml', `${files.files.get('template.yaml')}  issuer: 青岛市某某局\n  dateLine: none\n`);
    files.origins!.set('template.yaml', 'templates/other/template.yaml');
    const r = await buildDefault('qingdao-report-gbt', ['docx'], { template: files });
    const doc = (await readZip(r.result.files[0].data)).get('word/document.xml')!.toString('utf8');
    const paras = [...doc.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) => [...p[0].matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''));
    const signed = paras.lastIndexOf('青岛市某某局');
    expect(signed).toBeGreaterThan(0);
    // dateLine: none: no date under the signature.
    expect(paras[signed + 1] ?? '').not.toMatch(/^\d{4}年/);
  }, 60_000);

  it('date lines: the as-of month by default, the build day, a fixed date, or none', () => {
    expect(dateLabelFor(undefined, '2026-01')).toBe('2026年1月');
    expect(dateLabelFor('as-of', '2025-12-31')).toBe('2025年12月');
    expect(dateLabelFor('today', '2026-01', '2026-03-05')).toBe('2026年3月5日');
    expect(dateLabelFor('2026-01-20', '2026-01')).toBe('2026年1月20日');
    expect(dateLabelFor('none', '2026-01')).toBe('');
    expect(() => dateLabelFor('2026-02-30', '2026-01')).toThrow();
  });
});
