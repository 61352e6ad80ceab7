import { describe, expect, it } from 'vitest';
import { checkFile, keptFileName, mediaTypeOf, startsAsItsType } from './file-checks.ts';

const bytes = (...values: number[]) => Uint8Array.from(values);
const text = (value: string) => new TextEncoder().encode(value);

const PDF = text('%PDF-1.7\n%%EOF\n');
const PNG = bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00);
const JPEG = bytes(0xff, 0xd8, 0xff, 0xe0, 0x00);
/** The first bytes of a Windows program (`MZ`, then NUL bytes in its DOS header). */
const EXE = bytes(0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00);
const RULES = { types: ['application/pdf', 'image/png', 'text/plain'], maxMib: 1 };

describe('mediaTypeOf', () => {
  it.each([
    ['application/pdf', 'application/pdf'],
    ['Application/PDF; name="x.pdf"', 'application/pdf'],
    ['  text/plain ;charset=utf-8', 'text/plain'],
    ['', ''],
  ])('%j → %j', (contentType, expected) => {
    expect(mediaTypeOf(contentType)).toBe(expected);
  });
});

describe('startsAsItsType', () => {
  it.each([
    ['application/pdf', PDF, true],
    ['application/pdf', text('%PDF'), false],
    ['application/pdf', EXE, false],
    ['image/png', PNG, true],
    ['image/png', JPEG, false],
    ['image/jpeg', JPEG, true],
    ['image/jpeg', bytes(0xff, 0xd8), false],
    ['text/plain', text('Livré le 12/03, signé M. Martin'), true],
    ['text/plain', EXE, false],
    ['message/rfc822', text('From: achats@client.test\r\n\r\nBon de commande'), true],
    ['message/rfc822', bytes(0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00), false],
    ['application/octet-stream', EXE, true],
  ])('%s, %j → %s', (type, content, expected) => {
    expect(startsAsItsType(type, content)).toBe(expected);
  });

  it('looks for a NUL byte in the first 8 000 bytes of a text only', () => {
    const late = new Uint8Array(8001).fill(0x41);
    late[8000] = 0;
    expect(startsAsItsType('text/plain', late)).toBe(true);
    late[7999] = 0;
    expect(startsAsItsType('text/plain', late)).toBe(false);
  });
});

describe('checkFile', () => {
  const oneMib = 1024 * 1024;
  const pdfOf = (size: number) => {
    const file = new Uint8Array(size);
    file.set(PDF);
    return file;
  };

  it.each([
    ['a PDF', 'application/pdf', PDF, []],
    ['a PDF of exactly the limit', 'application/pdf', pdfOf(oneMib), []],
    ['a typed PDF with parameters', 'APPLICATION/PDF; q=1', PDF, []],
    ['an empty file', 'application/pdf', bytes(), [{ code: 'attachment_empty', params: {} }]],
    [
      'one byte over the limit',
      'application/pdf',
      pdfOf(oneMib + 1),
      [{ code: 'attachment_too_large', params: { max: 1 } }],
    ],
    [
      'a type not accepted',
      'image/jpeg',
      JPEG,
      [{ code: 'attachment_type_refused', params: { type: 'image/jpeg' } }],
    ],
    [
      'a program renamed as a PDF',
      'application/pdf',
      EXE,
      [{ code: 'attachment_content_mismatch', params: { type: 'application/pdf' } }],
    ],
    [
      'a program renamed as a text',
      'text/plain',
      EXE,
      [{ code: 'attachment_content_mismatch', params: { type: 'text/plain' } }],
    ],
    [
      'an empty file of a refused type: empty first',
      'application/x-msdownload',
      bytes(),
      [{ code: 'attachment_empty', params: {} }],
    ],
  ])('%s', (_name, contentType, content, expected) => {
    const issues = checkFile('file', { contentType, bytes: content }, RULES);
    expect(issues.map(({ field, code, params }) => ({ field, code, params }))).toEqual(
      expected.map((issue) => ({ field: 'file', ...issue })),
    );
  });
});

describe('keptFileName', () => {
  it.each([
    ['BL signé.pdf', 'BL signé.pdf'],
    ['C:\\fakepath\\BL 4512.pdf', 'BL 4512.pdf'],
    ['../../etc/passwd', 'passwd'],
    ['  a\u0000b\tc.pdf  ', 'abc.pdf'],
    ['dossier/', 'document'],
    ['\u0007', 'document'],
    ['bon-de-livraison-4512-signé.pdf', 'bon-de-livraison-451'],
    ['😀'.repeat(21), '😀'.repeat(20)],
    ['bon de livraison    .pdf', 'bon de livraison'],
  ])('%j → %j', (name, expected) => {
    expect(keptFileName(name, 'document', 20)).toBe(expected);
  });
});
