/**
 * sanitizeText returns a string untouched when no replacement applies; that
 * shortcut must never change a result. Checked against every replacement
 * applied (sanitizeAll), on random text rich in the characters they act on;
 * what the replacements do is pinned by the first test.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sanitizeAll, sanitizeText } from '../../src/util/sanitize.js';

describe('sanitizeText', () => {
  it('cleans what it must', () => {
    expect(sanitizeText('a\r\nb\rc\u0001d\u200Be\u00A0f\uE001g\uD800h\uFEFF')).toBe('a\nb\ncde fgh');
    expect(sanitizeText('青岛 2024 😀')).toBe('青岛 2024 😀');
  });

  it('gives what the replacements one by one give, shortcut or not', () => {
    const special = fc.constantFrom('\r', '\n', '\r\n', '\u0000', '\u0008', '\u000B', '\u001F', '\u007F', '\u0085', '\u009F', '\u00A0', '\u200B', '\u2060', '\uD800', '\uDC00', '\uD83D\uDE00', '\uE000', '\uE01F', '\uE020', '\uFEFF', '\uFFFE', '\uFFFF', '\t', ' ', '青', 'a');
    const plain = fc.array(fc.constantFrom('a', '青', ' ', '\n', '\t', '1'), { maxLength: 6 }).map((a) => a.join(''));
    // One special character in plain text: each must trigger the full path on its own.
    const one = fc.tuple(plain, special, plain).map(([a, c, b]) => a + c + b);
    const text = fc.oneof(one, fc.array(special, { maxLength: 12 }).map((a) => a.join('')), fc.string({ unit: 'binary' }), fc.string());
    fc.assert(fc.property(text, (s) => {
        expect(sanitizeText(s)).toBe(sanitizeAll(s));
      }), { numRuns: 500 });
  });
});
