/** Checks of the loader beyond the fixture table: date periods, warnings, record kinds. */
import { render } from '../../src/i18n/index.js';
import { describe, expect, it } from 'vitest';
import { loadFactBase } from '../../src/facts/load.js';
import { DataError } from '../../src/errors.js';
import { MINIMAL_HEAD as HEAD } from './helpers.js';

function problemsOf(text: string, asOf?: string): string[] {
  try {
    loadFactBase([{ path: 'd.yaml', text: HEAD + text }], { asOf });
    return [];
  } catch (e) {
    if (!(e instanceof DataError)) throw e;
    return e.problems.map((p) => render(p.message, 'en'));
  }
}

const indicator = (fields: string, point: string) => `indicators:
  - id: x
    name: 名称
    subject: qingdao
${fields}    points:
      - source: s1
        para: 1
${point}`;

describe('dates', () => {
  it('treats a month as a period: a day inside the publication month is not after it', () => {
    const ok = indicator('    unit: 个\n', '        asOf: 2024-03-20\n        value: 5\n        printed: 5个\n');
    expect(problemsOf(ok)).toEqual([]);
    expect(problemsOf(ok.replace('2024-03-20', '2024-04-01'))).toEqual([expect.stringContaining('is after its source')]);
  });

  it('accepts a bare year, which YAML reads as a number', () => {
    expect(problemsOf(indicator('    unit: 元\n', '        asOf: 2023\n        value: 400000000000\n        qualifier: more-than\n        printed: 突破4000亿元\n'))).toEqual([]);
  });
});

describe('units and values', () => {
  it('accepts a measure word listed under alsoUnits and rejects one that is not', () => {
    const pt = '        asOf: 2024-03\n        value: 14\n        printed: 14个\n';
    expect(problemsOf(indicator('    unit: 家\n    alsoUnits: [个]\n', pt))).toEqual([]);
    expect(problemsOf(indicator('    unit: 家\n', pt))).toEqual([expect.stringContaining("is in '个' but the unit is '家'")]);
  });

  it('asks for the qualifying word when the data claims one the printed figure lacks', () => {
    const msgs = problemsOf(indicator('    unit: 个\n', '        asOf: 2024-03\n        value: 5\n        qualifier: about\n        printed: 5个\n'));
    expect(msgs).toEqual([expect.stringContaining('qualifier is about but')]);
  });
});

describe('targets and milestones', () => {
  const target = (year: number) => `targets:
  - id: t
    name: 全覆盖
    subject: qingdao
    unit: '%'
    value: 100
    targetYear: ${year}
    asOf: 2024-03
    printed: 全覆盖
    alsoPrinted: [到2027年]
    source: s1
    para: 1
`;
  it('checks targetYear against a printed 到YYYY年', () => {
    expect(problemsOf(target(2027))).toEqual([]);
    expect(problemsOf(target(2026))).toEqual([expect.stringContaining("targetYear and the article disagree: 2026 here, '到2027年' in the article")]);
  });

  const milestone = (date: string, kind: string) => `milestones:
  - id: m
    date: ${date}
    dateKind: ${kind}
    event: 事件
    subject: qingdao
    source: s1
    para: 1
    printed: 2025年度
`;
  it("does not hold a 'by' milestone to the year its printed text names", () => {
    expect(problemsOf(milestone('2024-03', 'by'))).toEqual([]);
  });

  it('rejects a tag vocabulary entry declared twice', () => {
    const tags = 'tags:\n  - id: a\n    description: 甲\n  - id: a\n    description: 乙\n';
    expect(problemsOf(tags)).toEqual([expect.stringContaining("duplicate tag 'a'")]);
  });
});

describe('warnings', () => {
  const two = (tags: string) => `indicators:
  - id: headline
    name: 头条
    subject: qingdao
    unit: 个
    tags: [${tags}]
    points:
      - asOf: 2020-01
        value: 5
        printed: 5个
        source: s1
        para: 1
  - id: other
    name: 其他
    subject: qingdao
    unit: 个
    points:
      - asOf: 2020-01
        value: 6
        printed: 6个
        source: s1
        para: 1
`;
  it('warns about stale figures without failing: one line per kpi series, one summary for the rest', () => {
    const { warnings } = loadFactBase([{ path: 'd.yaml', text: HEAD + two('kpi') }], { asOf: '2024-03' });
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toMatchObject({ code: 'stale', file: 'd.yaml' });
    expect(render(warnings[0].message, 'en')).toContain("'headline'");
    expect(render(warnings[1].message, 'en')).toContain('1 other series');
  });

  it('does not warn when the figures are recent or no report date is given', () => {
    expect(loadFactBase([{ path: 'd.yaml', text: HEAD + two('kpi') }], { asOf: '2021-01' }).warnings).toEqual([]);
    expect(loadFactBase([{ path: 'd.yaml', text: HEAD + two('kpi') }]).warnings).toEqual([]);
  });
});
