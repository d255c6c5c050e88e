/**
 * The fast YAML path (src/util/fast-yaml.ts) against the `yaml` library it
 * stands in for: on every text it accepts, the value must be the same, to the
 * key order and the sign of zero, and every position it gives must be the
 * one `yaml` gives. It must refuse every text `yaml` rejects. Texts: the real
 * data, the fixtures, edge cases, and random edits of the real data.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stringify } from 'yaml';
import { fastParseYaml } from '../../src/util/fast-yaml.js';
import { readWithYaml } from '../../src/facts/load.js';

const repo = fileURLToPath(new URL('../../', import.meta.url));

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) return yamlFiles(p);
    return n.endsWith('.yaml') || n.endsWith('.yml') ? [p] : [];
  });
}

const dataTexts = yamlFiles(join(repo, 'data')).map((f) => readFileSync(f, 'utf8'));
const fixtureTexts = [...yamlFiles(join(repo, 'test/fixtures')), ...yamlFiles(join(repo, 'templates'))].map((f) => readFileSync(f, 'utf8'));

/** A value written out with key order, -0, NaN and Infinity kept apart. */
function canon(v: unknown): string {
  if (typeof v === 'number') return Object.is(v, -0) ? 'num:-0' : `num:${String(v)}`;
  if (v === null || typeof v !== 'object') return `${typeof v}:${JSON.stringify(v)}`;
  if (Array.isArray(v)) return `[${v.map(canon).join(',')}]`;
  const proto = Object.getPrototypeOf(v) === Object.prototype ? '' : 'proto!';
  return `${proto}{${Object.keys(v).map((k) => `${JSON.stringify(k)}:${canon((v as Record<string, unknown>)[k])}`).join(',')}}`;
}

/** Every path in a value, and a missing child of each collection. */
function paths(v: unknown, base: Array<string | number> = []): Array<Array<string | number>> {
  const out: Array<Array<string | number>> = [base];
  if (Array.isArray(v)) {
    v.forEach((x, i) => out.push(...paths(x, [...base, i])));
    out.push([...base, v.length], [...base, String(Math.max(0, v.length - 1))]);
  } else if (v && typeof v === 'object') {
    for (const [k, x] of Object.entries(v)) out.push(...paths(x, [...base, k]));
    out.push([...base, 'no-such-key'], [...base, 'no-such-key', 0]);
  } else out.push([...base, 'below-a-scalar']);
  return out;
}

/** Compares the two readings of one text; returns what the fast path did, for coverage counts. */
function agree(text: string): 'fast' | 'slow' {
  const fast = fastParseYaml(text);
  if (!fast) return 'slow';
  const slow = readWithYaml('f.yaml', text);
  expect('problem' in slow ? slow.problem : undefined, `yaml rejects what the fast path read:\n${JSON.stringify(text)}`).toBeUndefined();
  if ('problem' in slow) return 'fast';
  expect(canon(fast.value), JSON.stringify(text)).toBe(canon(slow.value));
  for (const p of paths(slow.value)) {
    const at = fast.locate(p);
    if (at) expect(at, `${JSON.stringify(p)} in ${JSON.stringify(text)}`).toEqual(slow.locate(p));
  }
  return 'fast';
}

const EDGE_CASES = [
  'a: 1',
  'a: 0o17\nb: 0x1F\nc: +12\nd: -0\ne: 007\nf: 1_000\ng: 0b101\nh: 1e3\ni: .5\nj: -.5\nk: 1.\nl: .inf\nm: -.Inf\nn: .NaN\no: 1e999\np: ' + '9'.repeat(400),
  'a: yes\nb: no\nc: on\nd: True\ne: FALSE\nf: ~\ng: Null\nh:\ni: nULL\nj: 2024-01-15\nk: 2024-01-15T10:00:00Z\nl: 12:30',
  '~: a\n"": b',
  'null: 1',
  '1: a\n"1": b',
  '1.0: a\n2024: b\ntrue: c',
  '__proto__: {a: 1}\ntoString: x\nconstructor: y',
  'a: &x 1\nb: *x',
  'a: !!str 12\nb: !!int "3"',
  '%YAML 1.1\n---\na: yes',
  'a: 1\n---\nb: 2',
  '<<: {a: 1}\nb: 2',
  'a:\n  <<: {x: 1}\n  y: 2',
  '? a\n: 1',
  '? [a, b]\n: 1',
  '[a, b]: 1',
  '{a: 1}',
  '- a\n- b',
  'just text',
  '',
  '# only a comment\n',
  'a: 1\r\nb:\r\n  - x\r\n',
  'a: 1\rb: 2',
  '\uFEFFa: 1',
  'a: "x\uFEFFy"\nb: x\uFEFFy',
  'a: "line\n  two"\nb: \'it\'\'s\'\nc: plain\n  continued\nd: |\n  lit\n  eral\ne: >-\n  fol\n  ded\nf: |+\n  keep\n\ng: "esc \\t \\u00e9 \\x41 \\N \\_"',
  'a: b: c',
  'a:\tb',
  'a:\n\t- b',
  'a: "unclosed\nb: 2',
  'a: 1\na: 2',
  'a: [1, 2,]\nb: {c: 1, }',
  'a: [b, c\nd: 1',
  'a: {b}\nc: {d: }',
  'a:   \n  - x\n  -\n  - \n',
  'a: "quoted"# comment',
  'a: x #c\nb: "y" #c',
  'key：value',
  'a: [中文，逗号]',
  'a: \u00a0b',
  'a: b\u2028c',
  'a: \x01',
  'a: b\n c: d',
  'a:\n- b\n- c',
  'a:\n  - b\n   - c',
  'a: -\nb: - x',
  '- - a\n  - b\n- c',
  'a: |2\n   x\n',
  'a: >\n\n  x\n\n  y\n',
  'a: \'\'\nb: ""\nc: \' \'',
  'x' + ': y\n'.repeat(1),
  `${'k'.repeat(1100)}: v`,
  'a: 1\n...\n',
  '# c\n...\na: 1',
  '---\n---\na: 1',
  '---\n...\n---\na: 1',
  'a: 1\n--- \n',
  '    : kind: x\nb: 1',
  'a:\n  b: 1\n  : c\n',
  '--- \na: 1',
  'a: !local 1',
  'a: @b',
  'a: `b`',
  'a: %b',
  'a: *b',
  'a: &b',
  'indicators:\n  - id: x\n    points:\n      - {asOf: 2024, value: 1}\n      - asOf: 2025\n        value:\n',
];

describe('fast YAML path against yaml', () => {
  it('reads the real data files on the fast path, the same as yaml', () => {
    for (const t of dataTexts) expect(agree(t)).toBe('fast');
  });

  it('agrees on every fixture and template file', () => {
    for (const t of fixtureTexts) agree(t);
  });

  it('agrees on edge cases, and leaves the doubtful ones to yaml', () => {
    const taken = EDGE_CASES.map((t) => [t, agree(t)] as const);
    // These must not be read on the fast path: js-yaml reads them differently or not at all.
    for (const t of ['a: &x 1\nb: *x', 'a: !!str 12\nb: !!int "3"', '%YAML 1.1\n---\na: yes', 'a: 1\rb: 2', '\uFEFFa: 1', '- a\n- b', '', '# c\n...\na: 1', '    : kind: x\nb: 1']) {
      expect(taken.find(([s]) => s === t)?.[1], JSON.stringify(t)).toBe('slow');
    }
    // And the plain ones are read fast.
    expect(taken.filter(([, w]) => w === 'fast').length).toBeGreaterThan(20);
  });

  const TOKENS = [':', ': ', ' ', '  ', '\t', '\n', '\n  ', '- ', '-', '"', "'", '#', ' #', '[', ']', '{', '}', ',', '|', '>', '|-', '&a ', '*a', '!', '!!str ', '? ', '%', '：', '，', '\r', '\r\n', '\uFEFF', '~', 'null', '0x1F', '1e3', '.5', '-.inf', '0o17', 'true', 'yes', '2024-01-01', '<<: ', '\u00a0', '\u2028', '\x01', '\\', '\\u00e9', '...', '---', '@', '`', '1', 'a: b'];

  it('agrees on random values written by yaml in every string and collection style', () => {
    const text = fc.oneof(
      fc.string({ unit: 'grapheme' }),
      fc.string({ unit: 'binary' }),
      fc.constantFrom('yes', 'No', '~', 'null', '1e3', '0x1F', '0o7', '-.5', '1_000', '2024-01-01', '12:30', '#x', 'a: b', '- x', '"q"', "'", 'a\nb', 'a\n\nb\n', ' lead', 'trail ', '\t', '%x', '!x', '&x', '*x', '? x', '[x]', '{x}', 'x,y', '中文：全角', '\u2028', '\u00a0', '\uFEFF', '\x85'),
    );
    const leaf = fc.oneof(text, fc.integer(), fc.double(), fc.boolean(), fc.constant(null));
    const value = fc.letrec((tie) => ({ v: fc.oneof({ depthSize: 'small' }, leaf, fc.array(tie('v'), { maxLength: 4 }), fc.dictionary(text, tie('v'), { maxKeys: 4 })) })).v;
    const style = fc.record({
      defaultStringType: fc.constantFrom('PLAIN', 'QUOTE_DOUBLE', 'QUOTE_SINGLE', 'BLOCK_LITERAL', 'BLOCK_FOLDED'),
      collectionStyle: fc.constantFrom('any', 'block', 'flow'),
      lineWidth: fc.integer({ min: 0, max: 80 }),
      indent: fc.integer({ min: 2, max: 4 }),
    });
    let fast = 0;
    fc.assert(
      fc.property(fc.dictionary(text, value, { minKeys: 1, maxKeys: 5 }), style, (obj, options) => {
        if (agree(stringify(obj, options as Parameters<typeof stringify>[1])) === 'fast') fast++;
      }),
      { numRuns: 100 },
    );
    expect(fast).toBeGreaterThan(75);
  });

  it('agrees on random edits of the real data', () => {
    const edit = fc.record({
      file: fc.nat(),
      at: fc.nat(),
      cut: fc.integer({ min: 0, max: 6 }),
      insert: fc.constantFrom(...TOKENS),
      lineOp: fc.constantFrom('none', 'dup', 'indent', 'dedent', 'drop'),
    });
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 3 }), (edits) => {
        let text = dataTexts[edits[0].file % dataTexts.length];
        for (const e of edits) {
          const at = e.at % (text.length + 1);
          text = text.slice(0, at) + e.insert + text.slice(at + e.cut);
          if (e.lineOp !== 'none') {
            const lines = text.split('\n');
            const n = e.at % lines.length;
            if (e.lineOp === 'dup') lines.splice(n, 0, lines[n]);
            else if (e.lineOp === 'indent') lines[n] = ` ${lines[n]}`;
            else if (e.lineOp === 'dedent') lines[n] = lines[n].replace(/^ /, '');
            else lines.splice(n, 1);
            text = lines.join('\n');
          }
        }
        agree(text);
      }),
      { numRuns: Number(process.env.FAST_YAML_RUNS ?? 300), seed: process.env.FAST_YAML_SEED ? Number(process.env.FAST_YAML_SEED) : undefined },
    );
  });
});
