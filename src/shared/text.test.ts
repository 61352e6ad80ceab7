import { describe, expect, it } from 'vitest';
import { findUnstorableCharacter } from './text.ts';

describe('findUnstorableCharacter', () => {
  it.each([
    ['Société Générale', undefined],
    ['emoji 😀 and CJK 漢字', undefined],
    ['', undefined],
    ['NUL\u0000X', { index: 3, codePoint: 'U+0000', description: 'a NUL character (U+0000)' }],
    [
      'a\ud800b',
      {
        index: 1,
        codePoint: 'U+D800',
        description: 'a lone surrogate (U+D800, not a Unicode character)',
      },
    ],
    [
      'ab\udc00',
      {
        index: 2,
        codePoint: 'U+DC00',
        description: 'a lone surrogate (U+DC00, not a Unicode character)',
      },
    ],
    // The first of several wins: a low surrogate after a complete pair is alone.
    [
      '😀\udc00\u0000',
      {
        index: 2,
        codePoint: 'U+DC00',
        description: 'a lone surrogate (U+DC00, not a Unicode character)',
      },
    ],
  ])('%j → %j', (text, expected) => {
    expect(findUnstorableCharacter(text)).toEqual(expected);
  });
});
