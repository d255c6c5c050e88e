/**
 * Each folder under test/fixtures/data-errors is a small broken copy of the
 * data with expected.json { file, line, message }: loading it must fail with
 * a DataError whose problems include that file, line and message.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadFactBase } from '../../src/facts/load.js';
import { DataError, formatProblem } from '../../src/errors.js';
import { render } from '../../src/i18n/index.js';

const root = fileURLToPath(new URL('../fixtures/data-errors/', import.meta.url));
const cases = readdirSync(root).filter((n) => statSync(join(root, n)).isDirectory()).sort();

interface Expected {
  file: string;
  line: number;
  /** The English text (with --lang en) … */
  message: string;
  /** … and the Chinese one (the default). */
  zh: string;
}

function load(dir: string): unknown {
  const files = readdirSync(dir)
    .filter((n) => n.endsWith('.yaml'))
    .sort()
    .map((n) => ({ path: n, text: readFileSync(join(dir, n), 'utf8') }));
  try {
    loadFactBase(files);
  } catch (e) {
    return e;
  }
  return undefined;
}

describe('broken data fixtures', () => {
  it('has at least 15 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(15);
  });

  it.each(cases)('%s fails at the expected file:line with the expected message', (name) => {
    const dir = join(root, name);
    const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as Expected;
    const err = load(dir);
    expect(err).toBeInstanceOf(DataError);
    const problems = (err as DataError).problems;
    const all = problems.map((p) => formatProblem(p, 'en')).join('\n');
    const hit = problems.find((p) => p.file === expected.file && p.line === expected.line && render(p.message, 'en').includes(expected.message));
    expect(hit, `expected ${expected.file}:${expected.line} '${expected.message}', got:\n${all}`).toBeDefined();
    expect(render(hit!.message, 'zh-CN'), problems.map((p) => formatProblem(p, 'zh-CN')).join('\n')).toContain(expected.zh);
    // Every problem says where it is, so the CLI can print file:line:column.
    for (const p of problems) {
      expect(p.file).toBeTruthy();
      expect(p.line).toBeGreaterThan(0);
      expect(p.column).toBeGreaterThan(0);
    }
  });
});
