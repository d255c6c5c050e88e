/**
 * Errors that blame the right place (issue 15): plain YAML hints for the usual
 * slips of a Chinese input method, dates after today, value and printed that
 * disagree, every data error in one run, did-you-mean only when close. Texts
 * are checked in Chinese (the default) and English.
 */
import { describe, expect, it } from 'vitest';
import { loadFactBase } from '../../src/facts/load.js';
import { DataError, formatProblem, type Problem } from '../../src/errors.js';
import { render } from '../../src/i18n/index.js';
import { MINIMAL_HEAD } from './helpers.js';

function problems(files: Array<{ path: string; text: string }> | string, today?: string): Problem[] {
  const list = typeof files === 'string' ? [{ path: 'd.yaml', text: files }] : files;
  try {
    loadFactBase(list, { today });
  } catch (e) {
    if (e instanceof DataError) return e.problems;
    throw e;
  }
  return [];
}
const zh = (p: Problem) => formatProblem(p, 'zh-CN');
const en = (p: Problem) => formatProblem(p, 'en');

const series = (point: string, extra = '') => `${MINIMAL_HEAD}indicators:
  - id: qingdao-5g
    name: 5G基站
    subject: qingdao
    unit: 个
    tags: []${extra}
    points:
${point}`;
const good = '      - { value: 37800, printed: 3.78万个, asOf: 2024-03, source: s1, para: 2 }\n';

describe('YAML syntax errors name their usual cause', () => {
  it('a full-width colon typed with a Chinese input method', () => {
    const [p] = problems(series(`      - value: 49000\n        printed：4.9万个\n        asOf: 2024-03\n        source: s1\n        para: 2\n`));
    expect(p.line).toBe(19);
    expect(zh(p)).toContain('这一行用了全角冒号“：”');
    expect(zh(p)).toContain('改成英文冒号加一个空格');
    expect(en(p)).toContain('full-width colon');
    expect(en(p)).not.toMatch(/Implicit keys/);
  });

  it('a tab used for indentation', () => {
    const [p] = problems(`${MINIMAL_HEAD}tags:\n\t- id: kpi\n`);
    expect(zh(p)).toContain('这一行用 Tab 键缩进');
    expect(en(p)).toContain('indented with a tab');
  });

  it('a full-width comma in a [ ] list', () => {
    const [p] = problems(`${MINIMAL_HEAD}tags: [{ id: a，b }\n`);
    expect(zh(p)).toMatch(/全角逗号|缩进|引号/);
  });

  it('a colon and space inside a value that needs quotes', () => {
    const [p] = problems(`sources:\n  - id: s1\n    publisher: 报社\n    title: 青岛: 数字经济\n`);
    expect(p.line).toBe(4);
    expect(zh(p)).toContain('值中间有“: ”');
    expect(zh(p)).toContain('用英文双引号括起来');
  });

  it('a value starting with * (an alias without its anchor)', () => {
    const [p] = problems(`sources:\n  - id: s1\n    publisher: *报社\n`);
    expect(zh(p)).toContain('以 * & ! % @ ` | > 之类的符号开头');
  });

  it('an unclosed quote and a key written twice', () => {
    expect(zh(problems(`sources:\n  - id: "s1\n    publisher: 报社\n`)[0])).toMatch(/引号没有配对关闭|缩进/);
    expect(zh(problems(`sources:\n  - id: s1\n    id: s2\n`)[0])).toContain('同一条记录里这个字段出现了两次');
  });
});

describe('dates after today are an error', () => {
  const today = '2026-12-01';
  it('a source published after today and a figure as of after today', () => {
    const text = series('      - { value: 37800, printed: 3.78万个, asOf: 2027-06, source: s1, para: 2 }\n').replace('published: 2024-03', 'published: 2027-07');
    const found = problems(text, today);
    const future = found.filter((p) => render(p.message, 'zh-CN').startsWith('日期晚于今天'));
    expect(future.map((p) => p.line).sort((x, y) => x! - y!)).toEqual([5, 18]);
    expect(zh(future[0])).toContain('日期晚于今天：2027-07（今天是 2026-12-01）');
    expect(en(future[0])).toContain('date after today: 2027-07 (today is 2026-12-01)');
  });

  it('this month is not after today; next month is', () => {
    expect(problems(series(good.replace('2024-03', '2024-03')).replace('published: 2024-03', 'published: 2026-12'), today)).toEqual([]);
    expect(problems(series(good).replace('published: 2024-03', 'published: 2027-01'), today)).toHaveLength(1);
    // Without a today (a library call that passes none), no clock is read.
    expect(problems(series(good).replace('published: 2024-03', 'published: 2027-01'))).toEqual([]);
  });
});

describe('value and printed that disagree', () => {
  it('asks to check the article, not which one to change', () => {
    const [p] = problems(series('      - { value: 48000, printed: 4.9万个, asOf: 2024-03, source: s1, para: 2 }\n'));
    expect(zh(p)).toContain('value 和 printed 对不上：value 是 48000，printed“4.9万个”读作 49000');
    expect(zh(p)).toContain('核对原文');
    expect(en(p)).toContain('check the article: value and printed disagree');
    expect(en(p)).not.toMatch(/write 49000|write 48000/);
  });
});

describe('every data error in one run', () => {
  it('a schema error does not hide a figure error, a bad reference or a date in another file', () => {
    const a = series(
      '      - { value: "3.78万", printed: 3.78万个, asOf: 2024-03, source: s1, para: 2 }\n' +
        '      - { value: 48000, printed: 4.9万个, asOf: 2024-04, source: s1, para: 2 }\n',
    );
    const b = `milestones:\n  - id: m1\n    subject: qingdao\n    date: 2024-03-05\n    event: 事件\n    printed: 3月5日\n    source: s9\n    para: 1\n    tags: []\n`;
    const found = problems([
      { path: 'a.yaml', text: a },
      { path: 'b.yaml', text: b },
    ]);
    const texts = found.map(en);
    expect(texts.some((t) => /a\.yaml:18:\d+: 'value' should be a number/.test(t))).toBe(true);
    expect(texts.some((t) => /a\.yaml:19:\d+: value and printed disagree/.test(t))).toBe(true);
    expect(texts.some((t) => /b\.yaml:7:\d+: unknown source 's9'/.test(t))).toBe(true);
  });

  it('a reference to a record with a schema error is not reported as unknown too', () => {
    const text = `${MINIMAL_HEAD.replace('    file: a.txt\n', '    file: a.txt\n    bogus: 1\n')}indicators:\n  - id: x\n    name: n\n    subject: qingdao\n    unit: 个\n    tags: []\n    points:\n${good}`;
    const found = problems(text).map(en);
    expect(found.some((t) => /d\.yaml:7:\d+: unknown field bogus/.test(t))).toBe(true);
    expect(found.some((t) => /unknown source/.test(t))).toBe(false);
  });
});

describe('did-you-mean only for close matches', () => {
  it('suggests a near id with where it is defined, and nothing for an unrelated one', () => {
    const near = problems(series(good.replace('source: s1', 'source: s2')));
    expect(zh(near[0])).toContain('是不是想写 s1？（定义在 d.yaml:2）');
    const far = problems(series(good.replace('source: s1', 'source: qingdao-daily-2024')));
    expect(zh(far[0])).not.toContain('是不是想写');
    expect(zh(far[0])).toContain('在 data/sources.yaml 中加上这篇文章');
  });
});
