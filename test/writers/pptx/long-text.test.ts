/**
 * Very long text: the planner's work grows in proportion to the text, not to
 * its square. Sizes are chosen so that quadratic layout would take minutes
 * (the issue measured 98 s for 256K characters, and no end for 1 MB) while
 * linear layout takes seconds; the timeouts are generous, no timing is asserted.
 */
import { describe, expect, it } from 'vitest';
import type { Block, DocumentModel } from '../../../src/model/document.js';
import { TemplateError } from '../../../src/errors.js';
import { render } from '../../../src/i18n/index.js';
import { planDeck } from '../../../src/writers/pptx/plan.js';
import { LIMITS } from '../../../src/limits.js';
import { breakLines } from '../../../src/writers/pptx/text-layout.js';
import { p, sampleCharts, sampleDoc, section, t } from './fixtures.js';

const PHRASE = '工业互联网平台赋能制造业数字化转型，';
const long = (n: number) => PHRASE.repeat(Math.ceil(n / PHRASE.length)).slice(0, n);

function deckOf(blocks: Block[]): DocumentModel {
  const doc = sampleDoc();
  return { ...doc, sections: [doc.sections[0], section(2, '长文本', 'content', blocks), doc.sections.at(-1)!] };
}

/** Text of every shape on the plan's slides (cells included), in order. */
function planText(plan: ReturnType<typeof planDeck>['plan'], name: string): string {
  return plan.slides
    .flatMap((s) => s.shapes)
    .flatMap((sh) => (sh.kind === 'text' && sh.name === name ? [sh.paragraphs] : sh.kind === 'table' && name === 'table' ? sh.rows.slice(1).map((r) => r[0].paragraphs) : []))
    .flatMap((ps) => ps.flatMap((pp) => pp.runs.map((r) => r.text)))
    .join('');
}

describe('long text is laid out in linear time', () => {
  it('breaks only the lines asked for', () => {
    const text = long(4 * 1024 * 1024);
    const lines = breakLines([{ text, sizePt: 20 }], 200, 3);
    expect(lines).toHaveLength(3);
    expect(lines.map((l) => l.text).join('')).toBe(text.slice(0, lines[2].end));
  }, 120_000);

  it('plans a 256K-character paragraph over continuation slides, losing no character', () => {
    const text = long(256 * 1024);
    const { plan } = planDeck(deckOf([p(t(text))]), sampleCharts());
    expect(plan.slides.length).toBeGreaterThan(50);
    expect(plan.slides.length).toBeLessThanOrEqual(LIMITS.slides);
    expect(planText(plan, 'body')).toBe(text);
  }, 240_000);

  it('plans a table with a 256K-character cell over continuation slides, losing no character', () => {
    const text = long(256 * 1024);
    const table: Block = { type: 'table', header: [[t('事项')], [t('数值')]], align: ['left', 'right'], rows: [[[t(text)], [t('1')]]] };
    const { plan } = planDeck(deckOf([table]), sampleCharts());
    expect(plan.slides.length).toBeGreaterThan(20);
    expect(planText(plan, 'table')).toBe(text);
  }, 240_000);

  it('stops a 1 MB paragraph at the slide limit with an error naming its section', () => {
    const doc = deckOf([p(t(long(1024 * 1024)))]);
    let error: unknown;
    try {
      planDeck(doc, sampleCharts());
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(TemplateError);
    const problem = (error as TemplateError).problems[0];
    const text = render(problem.message, 'zh-CN');
    expect(text).toContain(String(LIMITS.slides));
    expect(text).toContain('长文本');
    expect(render(problem.message, 'en')).toContain('slides');
    expect(problem.file).toBe(doc.sections[1].loc?.file);
    expect(problem.line).toBe(doc.sections[1].loc?.line);
  }, 240_000);
});
