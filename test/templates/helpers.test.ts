/** Every helper, rendered through a real (strict) template against the mini fact base. */
import { render as renderText } from '../../src/i18n/index.js';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFactBase } from '../../src/facts/load.js';
import { loadTemplate } from '../../src/templates/manifest.js';
import { renderTemplate } from '../../src/templates/render.js';
import { TemplateError } from '../../src/errors.js';
import { CITE_END, CITE_ID, CITE_START } from '../../src/templates/citations.js';
import { fixtures, readData } from '../helpers/fixtures.js';

const fb = loadFactBase(readData(path.join(fixtures, 'mini-data'))).result;
const manifest = 'name: t\ndescription: helper test\nformats: [md]\nentry: t.md.hbs\nmeta:\n  title: 标题\n  issuer: 单位\n';

/** Render a one-line template; citation markers removed, cited fact ids returned. */
function render(source: string) {
  const template = loadTemplate({ dir: 'templates/t', files: new Map([['template.yaml', manifest], ['t.md.hbs', source]]) });
  const r = renderTemplate(template, fb).result;
  const cited = [...r.markdown.matchAll(new RegExp(`${CITE_ID}([^${CITE_END}]*)${CITE_END}`, 'g'))].map((m) => m[1]);
  const text = r.markdown.replace(new RegExp(`${CITE_ID}[^${CITE_END}]*${CITE_END}`, 'g'), '').replaceAll(CITE_START, '').trim();
  return { text, cited };
}

describe('figure helpers print from facts and cite them', () => {
  it.each([
    ['{{fact "qingdao-5g-base-stations@2024-03"}}', '3.78万个（2024年3月）', ['qingdao-5g-base-stations@2024-03']],
    ['{{fact "qingdao-5g-base-stations"}}', '4.6万个', ['qingdao-5g-base-stations@2025-12']],
    ['{{fact "cosmoplat-enterprises-served" style="yu"}}', '16万余家', ['cosmoplat-enterprises-served@2025-12']],
    ['{{fact "cosmoplat-enterprises-served" unit=false}}', '超16万', ['cosmoplat-enterprises-served@2025-12']],
    ['{{value "cosmoplat-enterprises-served"}}|{{unitOf "cosmoplat-enterprises-served"}}', '超16|万家', ['cosmoplat-enterprises-served@2025-12']],
    ['{{first "qingdao-5g-base-stations"}}→{{latest "qingdao-5g-base-stations"}}', '超1.2万个（2020年9月）→4.6万个', ['qingdao-5g-base-stations@2020-09', 'qingdao-5g-base-stations@2025-12']],
    ['{{growth "qingdao-5g-base-stations"}}', '较2020年增长不到2.9倍', ['qingdao-5g-base-stations@2020-09', 'qingdao-5g-base-stations@2025-12']],
    ['{{growth "qingdao-5g-base-stations" from="2024"}}', '较2024年增长21.7%', ['qingdao-5g-base-stations@2024-03', 'qingdao-5g-base-stations@2025-12']],
    ['{{change "qingdao-5g-base-stations" from="2024"}}', '较2024年增加8200个', ['qingdao-5g-base-stations@2024-03', 'qingdao-5g-base-stations@2025-12']],
    ['{{rank "cosmoplat-shuangkua-rank"}}', '连续七年位居第一', ['cosmoplat-shuangkua-rank@2025']],
    ['{{rank "cosmoplat-shuangkua-rank" consecutive=false}}', '第1位', ['cosmoplat-shuangkua-rank@2025']],
    ['{{movement "lemonbean-shuangkua-rank@2025"}}', '上升6位', ['lemonbean-shuangkua-rank@2025']],
    ['{{cite "qingdao-5g-base-stations@2024-03"}}', '', ['qingdao-5g-base-stations@2024-03']],
    ['{{when "plan-2020"}}', '2020年4月', ['plan-2020']],
  ])('%s → %s', (source, expected, cited) => {
    const r = render(source);
    expect(r.text).toBe(expected);
    expect([...new Set(r.cited)].sort()).toEqual([...cited].sort());
  });
});

describe('dates, numbers and lookups', () => {
  it.each([
    ['{{asOf "qingdao-5g-base-stations@2024-03"}}', '2024年3月'],
    ['{{asOf "qingdao-5g-base-stations" point="first" precision="year"}}', '2020年'],
    ['{{date "2025-03-20"}}', '2025年3月20日'],
    ['{{date "2025-03-20" precision="month"}}', '2025年3月'],
    ['{{num 12345678 "元"}}', '1235万元'],
    ['{{cn 7}}', '七'],
    ['{{entityName "cosmoplat"}}/{{entityName "cosmoplat" short=true}}', '卡奥斯COSMOPlat工业互联网平台/卡奥斯'],
    ['{{#each (series "qingdao-5g-base-stations")}}{{asOf id precision="year"}};{{/each}}', '2020年;2024年;2025年;'],
    ['{{#each (tagged "ranking")}}{{id}};{{/each}}', 'cosmoplat-shuangkua-rank;lemonbean-shuangkua-rank;'],
    ['{{#each (about "cosmoplat")}}{{id}};{{/each}}', 'cosmoplat-enterprises-served;cosmoplat-shuangkua-rank;'],
    ['{{#each (entities "platform")}}{{short}};{{/each}}', '卡奥斯;柠檬豆;'],
    ['{{#each (milestones tag="policy" subject="qingdao")}}{{event this}}{{/each}}', '印发工业互联网三年攻坚实施方案'],
    ['{{#each (milestones from="2021")}}x{{/each}}', ''],
    ['{{#each (targets)}}x{{/each}}', ''],
    ['{{fact "qingdao-5g-base-stations"}}{{#each (sourcesCited)}}（{{publisher}}）{{/each}}', '4.6万个（青岛日报社/观海新闻）'],
    ['{{#if (has "qingdao-5g-base-stations")}}有{{/if}}{{#if (has "nope")}}无{{/if}}', '有'],
    ['{{#if (and (eq 1 1) (gt 2 1) (gte 2 2) (or false true) (not false))}}真{{/if}}', '真'],
  ])('%s → %s', (source, expected) => {
    expect(render(source).text).toBe(expected);
  });

  it('refuses a change across points marked not comparable', () => {
    const local = loadFactBase(readData(path.join(fixtures, 'mini-data'))).result;
    local.indicators.get('qingdao-5g-base-stations')!.points[0].comparable = false;
    const template = loadTemplate({ dir: 'templates/t', files: new Map([['template.yaml', manifest], ['t.md.hbs', '\n{{growth "qingdao-5g-base-stations"}}']]) });
    expect(() => renderTemplate(template, local)).toThrow(TemplateError);
    try {
      renderTemplate(template, local);
    } catch (e) {
      expect((e as TemplateError).problems[0]).toMatchObject({ file: 'templates/t/t.md.hbs', line: 2 });
      expect(renderText((e as TemplateError).problems[0].message, 'en')).toContain('not comparable');
    }
  });
});
