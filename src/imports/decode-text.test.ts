import { describe, expect, it } from 'vitest';

import { decodeText, findInvalidUtf8Offset, isTextEncodingName } from './decode-text.ts';

const utf8 = (text: string): number[] => [...new TextEncoder().encode(text)];

/** The UTF-16 code units of `text` as bytes, low byte first (LE) or high byte first (BE). */
function utf16(text: string, order: 'le' | 'be'): number[] {
  const bytes: number[] = [];
  for (let index = 0; index < text.length; index += 1) {
    const unit = text.charCodeAt(index);
    bytes.push(...(order === 'le' ? [unit & 0xff, unit >> 8] : [unit >> 8, unit & 0xff]));
  }
  return bytes;
}

const utf16le = (text: string): number[] => utf16(text, 'le');
const utf16be = (text: string): number[] => utf16(text, 'be');

/** "Société" in Windows-1252: é is the single byte 0xE9. */
const SOCIETE_1252 = [0x53, 0x6f, 0x63, 0x69, 0xe9, 0x74, 0xe9];

describe('decodeText', () => {
  it.each([
    ['plain UTF-8', utf8('code;name\nC1;Société'), 'utf-8', false],
    ['UTF-8 with BOM', [0xef, 0xbb, 0xbf, ...utf8('code;name\nC1;Société')], 'utf-8', true],
    ['UTF-16LE with BOM', [0xff, 0xfe, ...utf16le('code;name\nC1;Société')], 'utf-16le', true],
    ['UTF-16BE with BOM', [0xfe, 0xff, ...utf16be('code;name\nC1;Société')], 'utf-16be', true],
  ])('decodes %s and strips the BOM', (_label, bytes, encoding, hasByteOrderMark) => {
    expect(decodeText(new Uint8Array(bytes), 'clients.csv')).toEqual({
      ok: true,
      value: { text: 'code;name\nC1;Société', encoding, hasByteOrderMark },
    });
  });

  it('refuses Windows-1252 without --encoding, naming the line of the first bad byte and the fix', () => {
    const bytes = new Uint8Array([...utf8('code;name\r\nC1;Acme\r\nC2;'), ...SOCIETE_1252]);

    const result = decodeText(bytes, 'clients.csv');

    expect(result).toEqual({
      ok: false,
      issue: {
        line: 3,
        field: 'file',
        code: 'bad_encoding',
        message:
          '"clients.csv" is not valid UTF-8: byte 0xE9 on line 3. It was probably saved by Excel in Windows-1252; import it again with --encoding windows-1252, or save it as "CSV UTF-8".',
        params: { file: 'clients.csv', byte: 'E9', line: 3 },
      },
    });
  });

  // 0x80, 0x92 and 0x9C are where Windows-1252 and ISO-8859-1 differ (and where
  // Node 20's own decoder goes wrong): €, ’ and œ.
  it.each(['windows-1252', 'latin1'] as const)(
    'decodes the same file with --encoding %s',
    (encoding) => {
      const bytes = new Uint8Array([...utf8('C2;'), ...SOCIETE_1252, 0x20, 0x80, 0x20, 0x92, 0x9c]);

      expect(decodeText(bytes, 'clients.csv', { encoding })).toEqual({
        ok: true,
        value: { text: 'C2;Société € ’œ', encoding, hasByteOrderMark: false },
      });
    },
  );

  it('decodes ISO-8859-15, where € œ Š Ÿ take the places of ¤ ½ ¦ ¾', () => {
    const bytes = new Uint8Array([...SOCIETE_1252, 0x20, 0xa4, 0xbd, 0xa6, 0xbe, 0xe9]);

    expect(decodeText(bytes, 'fec.txt', { encoding: 'iso-8859-15' })).toEqual({
      ok: true,
      value: { text: 'Société €œŠŸé', encoding: 'iso-8859-15', hasByteOrderMark: false },
    });
  });

  it('decodes an 8-bit file longer than one decoding chunk whole', () => {
    const bytes = new Uint8Array(200_000).map((_, index) => (index % 2 === 0 ? 0x61 : 0x80));

    const result = decodeText(bytes, 'big.csv', { encoding: 'windows-1252' });

    expect(result.ok && result.value.text).toBe('a€'.repeat(100_000));
  });

  it('lets a BOM win over --encoding, since a BOM cannot be mistaken', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('Société')]);

    expect(decodeText(bytes, 'a.csv', { encoding: 'windows-1252' })).toEqual({
      ok: true,
      value: { text: 'Société', encoding: 'utf-8', hasByteOrderMark: true },
    });
  });

  it('decodes UTF-16LE without BOM when asked to', () => {
    expect(decodeText(new Uint8Array(utf16le('é;ü')), 'a.csv', { encoding: 'utf-16le' })).toEqual({
      ok: true,
      value: { text: 'é;ü', encoding: 'utf-16le', hasByteOrderMark: false },
    });
  });

  it('refuses invalid UTF-8 even with --encoding utf-8', () => {
    const result = decodeText(new Uint8Array([0x61, 0x0a, 0xe9]), 'a.csv', { encoding: 'utf-8' });

    expect(result.ok ? undefined : [result.issue.code, result.issue.line]).toEqual([
      'bad_encoding',
      2,
    ]);
  });

  it('points at UTF-16 when a file without BOM is full of NUL bytes on odd offsets', () => {
    const result = decodeText(new Uint8Array(utf16le('code;name\nC1;Acme')), 'a.csv');

    expect(result).toEqual({
      ok: false,
      issue: {
        field: 'file',
        code: 'bad_encoding',
        message:
          '"a.csv" looks like UTF-16 text without a byte-order mark; import it again with --encoding utf-16le, or save it as "CSV UTF-8".',
        params: { file: 'a.csv', context: 'no_bom' },
      },
    });
  });

  it('refuses a binary file', () => {
    const result = decodeText(
      new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x00, 0x0d]),
      'a.png',
    );

    expect(result.ok ? undefined : result.issue.code).toBe('unsupported_format');
  });
});

describe('decodeText refuses text that is not text', () => {
  it.each([
    [
      'after a UTF-8 BOM',
      [0xef, 0xbb, 0xbf, ...utf8('code;name\nC1;NUL\u0000X')],
      undefined,
      'UTF-8',
    ],
    ['with --encoding latin1', utf8('code;name\nC1;NUL\u0000X'), 'latin1', 'LATIN1'],
    [
      'with --encoding windows-1252',
      utf8('code;name\nC1;NUL\u0000X'),
      'windows-1252',
      'WINDOWS-1252',
    ],
    ['with --encoding utf-16le', utf16le('code;name\nC1;NUL\u0000X'), 'utf-16le', 'UTF-16LE'],
    [
      'after a UTF-16BE BOM',
      [0xfe, 0xff, ...utf16be('code;name\nC1;NUL\u0000X')],
      undefined,
      'UTF-16BE',
    ],
  ] as const)('refuses a NUL character %s, with its line', (_label, bytes, encoding, named) => {
    const result = decodeText(new Uint8Array(bytes), 'a.csv', { encoding });

    expect(result).toEqual({
      ok: false,
      issue: {
        line: 2,
        field: 'file',
        code: 'bad_encoding',
        message: expect.stringMatching(
          /^"a\.csv" contains a NUL character \(U\+0000\) on line 2, which no text holds: /,
        ) as unknown,
        params: { file: 'a.csv', codePoint: 'U+0000', line: 2, encoding: named, context: 'nul' },
      },
    });
  });

  it('refuses a lone surrogate in UTF-16, with its line', () => {
    const bytes = [0xff, 0xfe, ...utf16le('code;name\r\nC1;A\r\nC2;'), 0x00, 0xd8, 0x41, 0x00];

    expect(decodeText(new Uint8Array(bytes), 'a.csv')).toEqual({
      ok: false,
      issue: {
        line: 3,
        field: 'file',
        code: 'bad_encoding',
        message:
          '"a.csv" is not valid UTF-16LE text: a lone surrogate (U+D800) on line 3. Check the --encoding option, or save the file as "CSV UTF-8".',
        params: {
          file: 'a.csv',
          encoding: 'UTF-16LE',
          line: 3,
          codePoint: 'U+D800',
          context: 'lone_unit',
        },
      },
    });
  });

  it('refuses UTF-16 cut in the middle of a character, at the last line', () => {
    const bytes = [...utf16le('code\nC1\nC2'), 0x41];

    expect(decodeText(new Uint8Array(bytes), 'a.csv', { encoding: 'utf-16le' })).toEqual({
      ok: false,
      issue: {
        line: 3,
        field: 'file',
        code: 'bad_encoding',
        message:
          '"a.csv" is not valid UTF-16LE text: an odd number of bytes, the last character cut on line 3. Check the --encoding option, or save the file as "CSV UTF-8".',
        params: { file: 'a.csv', encoding: 'UTF-16LE', line: 3, context: 'odd_bytes' },
      },
    });
  });
});

describe('findInvalidUtf8Offset', () => {
  it.each([
    ['ASCII', [0x61, 0x62], undefined],
    ['2, 3 and 4-byte sequences (é € 😀)', utf8('é€😀'), undefined],
    ['a lone Windows-1252 é', [0x61, 0xe9, 0x62], 1],
    ['an overlong "/" (C0 AF)', [0x61, 0xc0, 0xaf], 1],
    ['an overlong 3-byte form (E0 80 80)', [0xe0, 0x80, 0x80], 0],
    ['a UTF-16 surrogate (ED A0 80)', [0x61, 0x62, 0xed, 0xa0, 0x80], 2],
    ['a code point above U+10FFFF (F4 90 80 80)', [0xf4, 0x90, 0x80, 0x80], 0],
    ['a sequence cut by the end of the file', [0x61, 0xe2, 0x82], 1],
    ['a continuation byte without lead', [0x80], 0],
  ])('%s → %s', (_label, bytes, expected) => {
    expect(findInvalidUtf8Offset(new Uint8Array(bytes))).toBe(expected);
  });
});

describe('isTextEncodingName', () => {
  it.each([
    ['windows-1252', true],
    ['utf-16le', true],
    ['cp1252', false],
    ['UTF-8', false],
  ])('%s → %s', (name, expected) => {
    expect(isTextEncodingName(name)).toBe(expected);
  });
});
