/**
 * Issue 13: helpers that know the deck's date. One regression per defect the
 * issue lists, run against the real fact base at an explicit as-of date.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFactBase } from '../../src/facts/load.js';
import { factBaseAsOf } from '../../src/facts/as-of.js';
import type { FactBase } from '../../src/facts/model.js';
import { parsePrinted } from '../../src/facts/figures.js';
import { formatBoundedChange, formatBoundedGrowth, formatFigure, formatMagnitude } from '../../src/format/numbers.js';
import { loadTemplate } from '../../src/templates/manifest.js';
import { renderTemplate } from '../../src/templates/render.js';
import { TemplateError } from '../../src/errors.js';
import { render as render18n } from '../../src/i18n/index.js';
import { CITE_END, CITE_ID, CITE_START } from '../../src/templates/citations.js';
import { build } from '../../src/pipeline/build.js';
import { repoRoot, readData } from '../helpers/fixtures.js';
import { templateFiles } from '../helpers/build.js';

const data = readData(path.join(repoRoot, 'data'));
const full = loadFactBase(data).result;
const manifest = (extra = '') => `name: t\ndescription: time test\nformats: [md]\nentry: t.md.hbs\n${extra}meta:\n  title: 标题\n  issuer: 单位\n`;

function render(source: string, asOf = '2026-01', fb: FactBase = full, extra = ''): string {
  const template = loadTemplate({ dir: 'templates/t', files: new Map([['template.yaml', manifest(extra)], ['t.md.hbs', source]]) });
  const r = renderTemplate(template, fb, { asOf }).result;
  return r.markdown.replace(new RegExp(`${CITE_ID}[^${CITE_END}]*${CITE_END}`, 'g'), '').replaceAll(CITE_START, '').trim();
}
function renderError(source: string, asOf = '2026-01', fb: FactBase = full): string {
  try {
    render(source, asOf, fb);
  } catch (e) {
    expect(e).toBeInstanceOf(TemplateError);
    return (e as TemplateError).problems.map((p) => `${render18n(p.message, 'en')} → ${render18n(p.hint, 'en')}`).join('\n');
  }
  throw new Error(`expected an error from ${source}`);
}

describe('stale as current: a figure from an earlier period carries its period', () => {
  it.each([
    ['{{fact "qingdao-5g-base-stations"}}', '4.6万个'],
    ['{{fact "qingdao-5g-base-stations@2024-03"}}', '3.78万个（2024年3月）'],
    ['{{fact "qingdao-5g-count-rank-shandong"}}', '第1位（2024年3月）'],
    ['{{#dated "qingdao-5g-base-stations@2024-03"}}5G基站{{fact "qingdao-5g-base-stations@2024-03"}}，居全省{{fact "qingdao-5g-count-rank-shandong"}}{{/dated}}', '2024年3月，5G基站3.78万个，居全省第1位'],
    ['{{#dated "qingdao-5g-base-stations"}}5G基站{{latest "qingdao-5g-base-stations"}}{{/dated}}', '5G基站4.6万个'],
    ['{{#dated "qingdao-5g-base-stations@2024-03" lead="截至"}}{{fact "qingdao-5g-base-stations@2024-03"}}{{/dated}}', '截至2024年3月，3.78万个'],
    ['{{asOf "qingdao-software-revenue"}}，软件业务收入{{fact "qingdao-software-revenue" style="tupo"}}', '2023年，软件业务收入突破4000亿元'],
    ['{{asOfNote "qingdao-above-size-digital-coverage"}}|{{asOfNote "qingdao-5g-base-stations"}}', '（2024年3月）|'],
  ])('as of 2026-01: %s → %s', (source, expected) => {
    expect(render(source)).toBe(expected);
  });

  it('the same figure is current in its own month and dated a month later', () => {
    const fb = factBaseAsOf(full, '2024-03');
    expect(render('{{latest "qingdao-5g-base-stations"}}', '2024-03', fb)).toBe('3.78万个');
    expect(render('{{latest "qingdao-5g-base-stations"}}', '2024-04', factBaseAsOf(full, '2024-04'))).toBe('3.78万个（2024年3月）');
  });

  it('currentMonths in template.yaml widens what counts as current', () => {
    const fb = factBaseAsOf(full, '2024-06');
    expect(render('{{latest "qingdao-5g-base-stations"}}', '2024-06', fb, 'currentMonths: 3\n')).toBe('3.78万个');
    expect(render('{{latest "qingdao-5g-base-stations"}}', '2024-06', fb, 'currentMonths: 2\n')).toBe('3.78万个（2024年3月）');
  });

  it('refuses 目前/保持/持续 wording around an earlier figure, and a stale figure in a heading', () => {
    expect(renderError('5G网络规模保持全省{{fact "qingdao-5g-count-rank-shandong"}}。')).toMatch(/'保持' presents '第1位' .*2024年3月.* as current at 2026-01/);
    expect(renderError('目前，全市规上工业数字化转型覆盖率{{fact "qingdao-above-size-digital-coverage"}}。')).toMatch(/'目前'/);
    expect(renderError('## 5G网络：规模全省{{fact "qingdao-5g-count-rank-shandong"}}\n')).toMatch(/heading states/);
    // Current figures may be stated in the present.
    expect(render('目前，全市5G基站{{latest "qingdao-5g-base-stations"}}。')).toBe('目前，全市5G基站4.6万个。');
  });

  it('a growth names its base period and, when not current, its end period', () => {
    expect(render('{{growth "qingdao-5g-base-stations"}}')).toBe('较2020年增长不到2.9倍');
    expect(render('{{growth "china-digital-economy-size"}}')).toBe('2023年较2012年增长4.1倍');
  });

  it('every build warns about stale headline figures, not only with --as-of', async () => {
    const r = await build({ data, template: templateFiles('qingdao-briefing'), formats: ['md'], timestamp: 1767225600 });
    expect(r.result.asOf).toBe('2026-01');
    expect(r.warnings.filter((w) => w.code === 'stale').map((w) => render18n(w.message, 'en')).join('\n')).toMatch(/qingdao-above-size-digital-coverage' is from 2024-03/);
  }, 60_000);
});

describe('targets have a status at the deck date', () => {
  it('a target whose year has passed is refused as a plan', () => {
    expect(renderError('新增特定行业平台{{fact "qingdao-2024-new-industry-platforms"}}')).toMatch(/was due in 2024; at 2026-01 it is not a plan/);
    expect(renderError('{{targetYear "qingdao-3yr-sme-cloud"}}')).toMatch(/due in 2022/);
  });
  it('is open until its year has passed', () => {
    const fb = factBaseAsOf(full, '2024-12');
    expect(render('{{#if (isOpen "qingdao-2024-new-industry-platforms")}}open{{/if}}', '2024-12', fb)).toBe('open');
    expect(render('{{#if (isOpen "qingdao-2024-new-industry-platforms")}}open{{else}}due{{/if}}', '2025-01', factBaseAsOf(full, '2025-01'))).toBe('due');
  });
  it('may be shown as what was set, with the later figure on the same measure', () => {
    expect(render('{{fact "qingdao-3yr-ii-industry-scale" set=true}}')).toBe('千亿级');
    expect(render('{{targetSet "shandong-2022-typical-scenarios"}}')).toBe('2022年提出的目标：分行业重点打造的典型应用场景100个');
    // A target linked to the series that measures it gets that series' later figure (the shipped data no longer links one).
    const linked: FactBase = { ...full, targets: new Map(full.targets) };
    linked.targets.set('shandong-2022-typical-scenarios', { ...full.targets.get('shandong-2022-typical-scenarios')!, indicator: 'shandong-typical-scenarios' });
    expect(render('{{targetSet "shandong-2022-typical-scenarios"}}', '2026-01', linked)).toBe('2022年提出的目标：分行业重点打造的典型应用场景100个；2022年2月，山东“一行业一重点”打造的典型应用场景100个');
    expect(render('{{targetSet "qingdao-2024-new-industry-platforms" short=true}}')).toBe('新增特定行业平台10家以上（2024年提出）');
  });
  it('lists filter by status', () => {
    const open = render('{{#each (targets tag="qingdao" status="open")}}{{id}};{{/each}}');
    expect(open).toBe('qingdao-computing-power-2026;qingdao-above-size-digital-coverage-2027;');
  });
  it('the default deck and report at 2026-01 show no 2024 target as a next step, and count what they list', async () => {
    for (const name of ['qingdao-briefing', 'qingdao-report']) {
      const r = await build({ data, template: templateFiles(name), formats: ['md'], timestamp: 1767225600 });
      const md = r.result.markdown;
      const next = md.slice(md.search(/# (目标与)?下一步/));
      for (const stale of ['10家以上', '5万家以上', '1000家以上', '每年提升']) expect(next, `${name}: ${stale}`).not.toContain(stale);
      expect(next).not.toMatch(/三是|三条主线/);
    }
  }, 60_000);
});

describe('lists are counted and numbered after filtering', () => {
  it('skips items whose guard failed and counts the rest', () => {
    const src =
      '{{#enumerate style="yishi" sep="" intro="重点抓好{n}方面工作。"}}{{#item}}{{#if false}}甲。{{/if}}{{/item}}{{#item}}乙。{{/item}}{{#item}}丙。{{/item}}{{/enumerate}}';
    expect(render(src)).toBe('重点抓好两方面工作。一是乙。二是丙。');
    expect(render('{{#enumerate}}{{#item}}{{/item}}{{else}}无{{/enumerate}}')).toBe('无');
  });
});

describe('events say what the source says', () => {
  it('refuses to date a by-dated event as if it happened that month', () => {
    expect(renderError('{{when "qingdao-gigabit-city"}} 入选千兆城市')).toMatch(/dated 'by'/);
    expect(render('{{by "qingdao-gigabit-city"}}，{{event "qingdao-gigabit-city"}}')).toBe('截至2026年1月，青岛已入选全国首批“千兆城市”');
  });
  it('timelines get no raw date, leave by-dated events out on request, and sort year-only events last in their year', () => {
    expect(renderError('{{#each (milestones)}}{{date date}}{{/each}}')).toMatch(/date/);
    const timeline = render('{{#each (milestones subject="qingdao" dateKind="on" to="2020")}}{{when this}} {{event this}}\n{{/each}}');
    expect(timeline).not.toMatch(/千兆|出入口局/);
    const dates = timeline.split('\n').map((l) => l.split(' ')[0]);
    expect(dates).toEqual(['2019年7月', '2020年3月', '2020年4月', '2020年', '2020年']);
  });
  it('the default deck timeline has no event dated 2026年1月', async () => {
    const r = await build({ data, template: templateFiles('qingdao-briefing'), formats: ['md'], timestamp: 1767225600 });
    const timeline = /::: timeline\n([\s\S]*?)\n:::/.exec(r.result.markdown)![1];
    expect(timeline).not.toContain('2026年1月');
    expect(timeline).not.toMatch(/千兆城市|出入口局|骨干直联点/);
  }, 60_000);
});

describe('qualifiers, units and multiples as printed', () => {
  it('近 is its own qualifier, distinct from 约', () => {
    expect(parsePrinted('近30%')).toMatchObject({ qualifier: 'nearly' });
    expect(parsePrinted('约30%')).toMatchObject({ qualifier: 'about' });
    expect(render('{{fact "qingdao-core-digital-share-of-province"}}|{{value "qingdao-core-digital-share-of-province"}}|{{fact "kaos-employees"}}')).toBe('近30%（2024年3月）|近30|近5000人（2020年9月）');
  });
  it('keeps orders of magnitude (千亿级, 万升级)', () => {
    expect(parsePrinted('千亿级')).toMatchObject({ value: 1e11, qualifier: 'magnitude' });
    expect(formatFigure(1e11, '元', 'magnitude')).toBe('千亿级');
    expect(formatMagnitude(1e4, '升')).toBe('万升级');
    expect(render('{{fact "lihe-extraction-equipment-class"}}')).toBe('万升级（2023年11月）');
  });
  it('separates the measure word from the counted noun', () => {
    expect(render('{{fact "lemondou-yellow-river-provinces"}}|{{fact "lemondou-yellow-river-provinces" measure=false}}', '2023-11', factBaseAsOf(full, '2023-11'))).toBe('9个省|9省');
    expect(render('{{fact "cosmoplat-regions" measure=false}}', '2022-02', factBaseAsOf(full, '2022-02'))).toBe('12大区域');
  });
  it('bounds a multiple between approximate ends and says which bound it is', () => {
    // 超1.2万 → 4.6万: the true multiple is below 2.83.
    expect(formatBoundedGrowth(12000, 46000, 'more-than', 'exact')).toBe('增长不到2.9倍');
    // exact → 超X: a lower bound.
    expect(formatBoundedGrowth(12000, 46000, 'exact', 'more-than')).toBe('增长超2.8倍');
    // 近 at the end (just under) is an upper bound too.
    expect(formatBoundedGrowth(1300, 5000, 'exact', 'nearly')).toBe('增长不到2.9倍');
    expect(formatBoundedGrowth(100, 120, 'exact', 'about')).toBe('增长约20%');
    expect(() => formatBoundedGrowth(12000, 46000, 'more-than', 'more-than')).toThrow(/opposite directions/);
    expect(formatBoundedChange(21.6, 44, '%', 'exact', 'exact')).toBe('提高22.4个百分点');
  });
});

describe('a figure not known yet at the as-of date', () => {
  it('says "no figure for X as of DATE", not "unknown fact … did you mean"', () => {
    const fb = factBaseAsOf(full, '2022-06');
    const msg = renderError('{{fact "qingdao-national-platforms"}}', '2022-06', fb);
    expect(msg).toMatch(/no figure for 'qingdao-national-platforms' as of 2022-06 \(first known 2024-03\)/);
    expect(msg).not.toMatch(/did you mean/);
    expect(renderError('{{growth "qingdao-5g-base-stations"}}', '2022-06', fb)).toMatch(/canCompare/);
    expect(render('{{#if (canCompare "qingdao-5g-base-stations")}}x{{else}}y{{/if}}', '2022-06', fb)).toBe('y');
  });
});

describe('sentences the articles do not support stay out', () => {
  it.each(['qingdao-briefing', 'qingdao-report'])('%s at 2026-01', async (name) => {
    const r = await build({ data, template: templateFiles(name), formats: ['md'], timestamp: 1767225600 });
    const md = r.result.markdown.replace(new RegExp(`${CITE_ID}[^${CITE_END}]*${CITE_END}`, 'g'), '').replaceAll(CITE_START, '');
    for (const bad of ['平台体系已经形成', '海外', '市委召开', '约30%', '约5000人', '约1000亿元', '沿黄9个推广', '保持全省', '最有代表性的名片', '奠定了', '覆盖了从原材料', '走在全国前列', '多年来']) {
      expect(md, `${name}: ${bad}`).not.toContain(bad);
    }
    // 海川云服 (Deyang, Sichuan) is not one of Qingdao's own vertical platforms.
    const table = /\| 平台 \|[\s\S]*?Table: 青岛部分垂直行业工业互联网平台/.exec(md)?.[0] ?? '';
    expect(table).not.toContain('海川云服');
  }, 60_000);
  it('the milestone data uses the meeting name and the grade the article prints', () => {
    expect(full.milestones.get('haier-platform-symposium')!.event).toContain('海尔集团发展规划工作专题座谈会');
    expect(full.milestones.get('qingdao-green-evaluation-first-grade')!.event).toContain('“一等”');
    expect(full.sources.get('qdrb-2026-01-two-lists')!.url).toBeUndefined();
    expect(full.facts.get('shandong-typical-scenarios@2022-02')).toMatchObject({ value: 100 });
  });
});
