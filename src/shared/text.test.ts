import { describe, expect, it } from 'vitest';
import { findUnstorableCharacter } from './text.ts';

describe('findUnstorableCharacter', () => {
  it.each([
    ['Société Générale', undefined],
    ['emoji 😀 and CJK 漢字', undefined],
    ['', undefined],
    ['NUL\u0000X', { index: 3, codePoint: 'U+0000' }],
    [
      'a\ud800b',
      {
        index: 1,
        codePoint: 'U+D800',
      },
    ],
    [
      'ab\udc00',
      {
        index: 2,
        codePoint: 'U+DC00',
      },
    ],
    // The first of several wins: a low surrogate after a complete pair is alone.
    [
      '😀\udc00\u0000',
      {
        index: 2,
        codePoint: 'U+DC00',
      },
    ],
  ])('%j → %j', (text, expected) => {
    expect(findUnstorableCharacter(text)).toEqual(expected);
  });
});
