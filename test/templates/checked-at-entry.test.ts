/**
 * Dates, numbers, minus signs and theme sizes are checked where they enter
 * (data, template helpers, the manifest): no "2025年13月45日", no "NaN年", no
 * exponent notation or "Infinity%", no negative figure read as positive, no
 * sz="-300". Charts nobody can read get a warning naming the chart.
 */
import path from 'node:path';
import { parse, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { loadFactBase } from '../../src/facts/load.js';
import { parsePrinted } from '../../src/facts/figures.js';
import { checkValueFigure } from '../../src/facts/check-figures.js';
import { formatChineseDate } from '../../src/format/dates.js';
import { formatGrowth, formatQuantity } from '../../src/format/numbers.js';
import { loadTemplate } from '../../src/templates/manifest.js';
import { renderTemplate } from '../../src/templates/render.js';
import { DataError, TemplateError } from '../../src/errors.js';
import { render as renderText } from '../../src/i18n/index.js';
import { fixtures, readData } from '../helpers/fixtures.js';

const miniData = readData(path.join(fixtures, 'mini-data'));
const fb = loadFactBase(miniData).result;
const manifest = 'name: t\ndescription: entry checks\nformats: [md]\nentry: t.md.hbs\nmeta:\n  title: 标题\n  issuer: 单位\n';

function renderOne(source: string, extraManifest = '', facts = fb) {
  const template = loadTemplate({ dir: 'templates/t', files: new Map([['template.yaml', manifest + extraManifest], ['t.md.hbs', source]]) });
  return renderTemplate(template, facts);
}

function templateError(run: () => unknown): TemplateError {
  try {
    run();
  } catch (e) {
    expect(e).toBeInstanceOf(TemplateError);
    return e as TemplateError;
  }
  throw new Error('expected a TemplateError');
}

function dataError(files: Array<{ path: string; text: string }>): DataError {
  try {
    loadFactBase(files);
  } catch (e) {
    expect(e).toBeInstanceOf(DataError);
    return e as DataError;
  }
  throw new Error('expected a DataError');
}

/** The mini data with one change to its parsed YAML. */
function miniWith(change: (doc: Record<string, any>) => void) {
  const doc = parse(miniData[0].text);
  change(doc);
  return [{ path: miniData[0].path, text: stringify(doc) }];
}

describe('impossible dates are refused', () => {
  it.each(['2025-13-45', 'garbage', '2023-02-29', '2025-00', ''])('{{date "%s"}} is a template error at its line', (iso) => {
    const e = templateError(() => renderOne(`# 一\n\n发布于{{date "${iso}"}}`));
    expect(e.problems[0]).toMatchObject({ file: 'templates/t/t.md.hbs', line: 3 });
    expect(renderText(e.problems[0].message, 'en')).toMatch(/is not a date/);
    expect(renderText(e.problems[0].message, 'zh-CN')).toMatch(/不是日期/);
  });

  it('real dates still print the Chinese way', () => {
    expect(formatChineseDate('2024-02-29')).toBe('2024年2月29日');
    expect(formatChineseDate('2025-03')).toBe('2025年3月');
    expect(() => formatChineseDate('2025-13-45')).toThrow(RangeError);
  });

  it('a data date that does not exist is a data error with its line', () => {
    const e = dataError(miniWith((d) => (d.milestones[0].date = '2024-02-30')));
    expect(renderText(e.problems[0].message, 'en')).toMatch(/day does not exist/);
    expect(e.problems[0].line).toBeGreaterThan(1);
  });
});

describe('non-finite or absurd numbers are refused', () => {
  it.each([1e308, 1e15, -1e16])('value %s in data is a data error naming the line', (value) => {
    const e = dataError(miniWith((d) => (d.indicators[0].points[0].value = value)));
    const p = e.problems.find((x) => /1000万亿/.test(renderText(x.message, 'en')));
    expect(p, e.message).toBeDefined();
    expect(p!.line).toBeGreaterThan(1);
  });

  it('.inf and .nan in data are refused', () => {
    for (const v of ['.inf', '-.inf', '.nan']) {
      const text = miniData[0].text.replace('{ value: 37800,', `{ value: ${v},`);
      expect(text).not.toBe(miniData[0].text);
      expect(() => loadFactBase([{ path: miniData[0].path, text }])).toThrow(DataError);
    }
  });

  it('{{num}} with an absurd number is a template error, not exponent notation', () => {
    const e = templateError(() => renderOne('# 一\n\n{{num 1000000000000000000 "个"}}'));
    expect(e.problems[0].line).toBe(3);
    expect(renderText(e.problems[0].message, 'en')).toMatch(/too large/);
    expect(formatQuantity(4.6e11, '元')).toBe('4600亿元');
  });

  it('a growth that overflows is refused rather than printed as Infinity', () => {
    expect(() => formatGrowth(1e-300, 1e300)).toThrow(RangeError);
    expect(formatGrowth(12000, 46000)).toBe('增长2.8倍');
  });
});

describe('a minus sign is honoured in printed', () => {
  it.each([
    ['-1.2万个', -12000],
    ['−1.2万个', -12000],
    ['－1.2万个', -12000],
    ['负1.2万个', -12000],
    ['下降1.2万个', 12000],
    ['2020-2025年增长1.2万个', 2020],
  ])('%s reads as %s', (printed, value) => {
    expect(parsePrinted(printed)?.value).toBe(value);
  });

  it('-1.2万个 with value -12000 is consistent; with 12000 the message says they disagree (printed reads -12000)', () => {
    expect(checkValueFigure({ printed: '-1.2万个', value: -12000, unit: '个', qualifier: 'exact' })).toEqual([]);
    const [p] = checkValueFigure({ printed: '-1.2万个', value: 12000, unit: '个', qualifier: 'exact' });
    expect(renderText(p.message, 'en')).toContain("printed '-1.2万个' reads as -12000");
  });
});

describe('theme sizes are range-checked', () => {
  it.each([0, -3, 500])('sizes.body %s is a template error in template.yaml', (size) => {
    const e = templateError(() => renderOne('# 一', `theme:\n  sizes:\n    body: ${size}\n`));
    expect(e.problems[0].file).toBe('templates/t/template.yaml');
    expect(e.problems[0].line).toBe(10);
    expect(renderText(e.problems[0].message, 'en')).toMatch(/sizes\.body.*points/);
  });
});

describe('charts nobody can read get a warning naming the chart', () => {
  it('a 2,000-character title', () => {
    const title = '青'.repeat(2000);
    const r = renderOne(`# 一\n\n## 图\n\n{{#chart kind="column" series="qingdao-5g-base-stations" title="${title}" id="long-title"}}\n说明\n{{/chart}}\n`);
    const w = r.warnings.find((x) => x.code === 'chart-title-too-long');
    expect(w).toMatchObject({ file: 'templates/t/t.md.hbs', line: 5 });
    expect(renderText(w!.message, 'zh-CN')).toContain('long-title');
    expect(renderText(w!.message, 'zh-CN')).toContain('2000');
  });

  it('500 categories', () => {
    const facts = loadFactBase(
      miniWith((d) => {
        d.indicators[0].points = Array.from({ length: 500 }, (_, i) => {
          const month = new Date(Date.UTC(1980, i, 1)).toISOString().slice(0, 7);
          return { value: 1000 + i, printed: `${1000 + i}个`, asOf: month, source: 'qdrb-2024', para: 6 };
        });
      }),
    ).result;
    const r = renderOne('# 一\n\n## 图\n\n{{#chart kind="line" series="qingdao-5g-base-stations" title="基站" id="many"}}\n说明\n{{/chart}}\n', '', facts);
    const w = r.warnings.find((x) => x.code === 'chart-too-many-categories');
    expect(w).toMatchObject({ file: 'templates/t/t.md.hbs', line: 5 });
    expect(renderText(w!.message, 'en')).toMatch(/chart 'many' has 500 categories/);
  });
});
