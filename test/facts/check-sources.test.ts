import { render } from '../../src/i18n/index.js';
import { skipWithoutSourceTexts, sourceTextsNote } from '../helpers/source-texts.js';
import { describe, expect, it } from 'vitest';
import { checkSources, normalizeForMatch, paragraphs } from '../../src/facts/check-sources.js';
import { loadFactBase } from '../../src/facts/load.js';
import type { FactBase, ValueFact } from '../../src/facts/model.js';
import { readData, readSeeds, MINIMAL_HEAD as SOURCE } from './helpers.js';


function base(points: string): FactBase {
  const text = `${SOURCE}indicators:
  - id: qingdao-5g
    name: 5G基站数量
    subject: qingdao
    unit: 个
    points:
${points}`;
  return loadFactBase([{ path: 'data.yaml', text }]).result;
}

const point = (printed: string, value: number, para: number) =>
  `      - asOf: 2024-03\n        value: ${value}\n        printed: ${printed}\n        source: s1\n        para: ${para}\n`;

const SEED = '标题\n\n  \n\u00a0\n目前，青岛开通5G基站3.78万个，数量全省第一。\n\n<p>下一步<strong>3.78</strong>万个。</p>\n';

describe('paragraphs', () => {
  it('counts non-blank lines only; lines of spaces or no-break spaces are blank', () => {
    const ps = paragraphs(SEED);
    expect(ps).toHaveLength(3);
    expect(ps[1]).toContain('3.78万个');
  });

  it('reads CRLF files the same as LF files', () => {
    expect(paragraphs(SEED.replace(/\n/g, '\r\n'))).toEqual(paragraphs(SEED));
  });

  it('ignores markup and whitespace when matching, not characters', () => {
    expect(normalizeForMatch('<p>下一步<strong>3.78</strong>万个。</p>')).toBe('下一步3.78万个。');
    expect(normalizeForMatch('孙 欣')).toBe('孙欣');
  });
});

describe('checkSources', () => {
  it('accepts a figure printed in the stated paragraph', () => {
    expect(checkSources(base(point('3.78万个', 37800, 2)), new Map([['a.txt', SEED]]))).toEqual([]);
  });

  it('finds a figure split by HTML markup', () => {
    expect(checkSources(base(point('3.78万个', 37800, 3)), new Map([['a.txt', SEED]]))).toEqual([]);
  });

  it('reports a figure that is not in the source, at the fact', () => {
    const fb = base(point('3.87万个', 38700, 2));
    const problems = checkSources(fb, new Map([['a.txt', SEED]]));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: 'data.yaml', line: fb.locations.get('qingdao-5g@2024-03')!.line });
    expect(render(problems[0].message, 'en')).toContain("'3.87万个' is not in paragraph 2");
    expect(render(problems[0].hint, 'en')).toContain('nowhere');
  });

  it('reports a figure in another paragraph and says which', () => {
    const problems = checkSources(base(point('3.78万个', 37800, 1)), new Map([['a.txt', SEED]]));
    expect(problems).toHaveLength(1);
    expect(render(problems[0].hint, 'en')).toContain('paragraph 2, 3');
  });

  it('reports a paragraph beyond the end of the source', () => {
    const problems = checkSources(base(point('3.78万个', 37800, 9)), new Map([['a.txt', SEED]]));
    expect(render(problems[0].message, 'en')).toContain('paragraph 9 does not exist');
  });

  it('reports a source whose file is missing, at the source', () => {
    const fb = base(point('3.78万个', 37800, 2));
    const problems = checkSources(fb, new Map([['b.txt', SEED]]));
    expect(problems).toHaveLength(1);
    expect(render(problems[0].message, 'en')).toContain("file 'a.txt'");
    expect(problems[0].line).toBe(fb.locations.get('s1')!.line);
  });

  it('checks alsoPrinted strings too', () => {
    const fb = base(point('3.78万个', 37800, 2).replace('        source:', '        alsoPrinted: [全国第一]\n        source:'));
    const problems = checkSources(fb, new Map([['a.txt', SEED]]));
    expect(problems.map((p) => render(p.message, 'en'))).toEqual(["'qingdao-5g@2024-03': '全国第一' is not in paragraph 2 of source 's1'"]);
  });

  it.skipIf(skipWithoutSourceTexts)(`catches a wrong figure slipped into the real data${sourceTextsNote}`, () => {
    const fb = loadFactBase(readData()).result;
    const seeds = readSeeds();
    expect(checkSources(fb, seeds)).toEqual([]);
    const fact = fb.facts.get('qingdao-5g-base-stations@2024-03') as ValueFact;
    const broken: FactBase = { ...fb, facts: new Map(fb.facts).set(fact.id, { ...fact, printed: '3.87万个' }) };
    const problems = checkSources(broken, seeds);
    expect(problems).toHaveLength(1);
    expect(problems[0].file).toBe('data/indicators/infrastructure.yaml');
    expect(problems[0].line).toBe(fb.locations.get(fact.id)!.line);
  });

  it.skipIf(skipWithoutSourceTexts)(`catches a right figure cited from the wrong paragraph of the real data${sourceTextsNote}`, () => {
    const fb = loadFactBase(readData()).result;
    const fact = fb.facts.get('qingdao-5g-base-stations@2026-01') as ValueFact;
    const broken: FactBase = { ...fb, facts: new Map(fb.facts).set(fact.id, { ...fact, para: fact.para + 1 }) };
    const problems = checkSources(broken, readSeeds());
    expect(problems).toHaveLength(1);
    expect(render(problems[0].hint, 'en')).toContain(`paragraph ${fact.para}`);
  });
});
