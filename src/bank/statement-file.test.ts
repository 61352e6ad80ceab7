import { describe, expect, it } from 'vitest';
import { camtFile, cfonbDay, cfonbFile } from '../../test/bank-files.ts';
import { detectStatementFormat, readStatementFile } from './statement-file.ts';

const bytesOf = (text: string) => new TextEncoder().encode(text);
const latin1 = (text: string) => Uint8Array.from(text, (character) => character.charCodeAt(0));

const RIB = { bank: '30004', branch: '00100', account: '00012345678' };
const CFONB = cfonbFile(cfonbDay(RIB, { amountCents: 12_000, text: 'VIR SOCIETE GENERALE' }));
const CAMT = camtFile({
  iban: 'FR7630006000011234567890189',
  id: 'STMT-1',
  openingDate: '2026-03-01',
  openingCents: 0,
  closingDate: '2026-03-02',
  movements: [{ date: '2026-03-02', amountCents: 500, text: 'FA-1' }],
});

describe('detectStatementFormat', () => {
  it.each([
    ['a camt.053 statement', CAMT, 'camt053'],
    ['a camt.054 notification', CAMT.replace(/camt\.053\.001\.08/, 'camt.054.001.04'), 'camt054'],
    [
      'a camt root with a prefix, after a comment and a byte-order mark',
      '\uFEFF<?xml version="1.0"?>\n<!-- exported by the bank -->\n<c:Document xmlns:c="urn:iso:std:iso:20022:tech:xsd:camt.053.001.13">',
      'camt053',
    ],
    [
      'other XML (a SEPA direct debit order)',
      '<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.008.001.02"><CstmrDrctDbtInitn/></Document>',
      'xml',
    ],
    [
      'XML that names camt below a root of its own',
      '<Wrapper><Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"/></Wrapper>',
      'xml',
    ],
    ['CFONB 120 records', CFONB, 'cfonb120'],
    ['CFONB 120 after blank lines', `\r\n\r\n${CFONB}`, 'cfonb120'],
  ])('tells %s', (_, text, format) => {
    expect(detectStatementFormat(bytesOf(text))).toBe(format);
  });

  it.each([
    ['a CSV', 'reference;date;amount\nVIR-1;2026-03-02;120,00\n'],
    ['an empty file', ''],
    ['text starting with digits that are no record code', '0912345 and so on'],
  ])('tells no format for %s', (_, text) => {
    expect(detectStatementFormat(bytesOf(text))).toBeUndefined();
  });
});

describe('readStatementFile', () => {
  it('reads a CFONB file in Latin-1, as French banks write it, and says so', async () => {
    const file = await readStatementFile(latin1(CFONB.replace('SOCIETE', 'SOCIÉTÉ')), 'rel.txt');

    expect(file).toMatchObject({ ok: true, format: 'cfonb120' });
    expect(file.ok && file.statements[0]?.lines[0]?.remittanceText).toBe('VIR SOCIÉTÉ GENERALE');
    expect(file.notices.map((notice) => [notice.code, notice.params])).toEqual([
      ['bank_read_as_latin1', { file: 'rel.txt' }],
    ]);
  });

  it('reads a camt.053 file', async () => {
    const file = await readStatementFile(bytesOf(CAMT), 'stmt.xml');

    expect(file.ok && file.statements.map((statement) => statement.lines.length)).toEqual([1]);
    expect(file.format).toBe('camt053');
  });

  it('refuses a file of no statement format, naming it', async () => {
    const file = await readStatementFile(bytesOf('a;b\n1;2\n'), 'export.csv');

    expect(file).toMatchObject({
      ok: false,
      format: null,
      issues: [{ field: 'file', code: 'bank_unknown_format', params: { file: 'export.csv' } }],
    });
  });

  it("refuses with the reader's issues, each with its line", async () => {
    const cut = CFONB.split('\r\n').slice(0, 2).join('\r\n');

    const file = await readStatementFile(bytesOf(cut), 'cut.txt');

    expect(file.ok).toBe(false);
    expect(!file.ok && file.issues.map((issue) => [issue.line, issue.code])).toEqual([
      [1, 'cfonb_unclosed_statement'],
    ]);
  });

  it('refuses other XML with what the camt reader says of it', async () => {
    const file = await readStatementFile(
      bytesOf('<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.008.001.02"/>'),
      'debits.xml',
    );

    expect(!file.ok && file.issues.map((issue) => issue.code)).toEqual(['camt_not_camt']);
  });
});
