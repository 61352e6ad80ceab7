import { describe, expect, it } from 'vitest';
import type { BankLine, BankStatement } from '../imports/bank/statement.ts';
import { calendarDate } from '../shared/calendar-date.ts';
import { cents } from '../shared/money.ts';
import { lineDedupKeys, statementDedupKey } from './dedup-key.ts';

function line(overrides: Partial<BankLine> = {}): BankLine {
  return {
    position: '2',
    bookingDate: calendarDate('2026-03-02'),
    valueDate: null,
    amountCents: cents(12_000),
    currency: 'EUR',
    counterpartyName: 'BOULANGERIE MARTIN',
    counterpartyIban: null,
    remittanceText: 'VIR FA-2026-0042',
    structuredReferences: [],
    bankReferences: {},
    transactionCode: null,
    isReversal: false,
    returnReason: null,
    ...overrides,
  };
}

const SHA256_HEX = /^hash:[0-9a-f]{64}#\d+$/;

describe('lineDedupKeys on camt lines', () => {
  it("keys on the transaction's own servicer reference before its entry's", () => {
    const keys = lineDedupKeys('camt053', [
      line({
        bankReferences: {
          accountServicerReference: 'ENTRY-1',
          transactionAccountServicerReference: 'TX-9',
        },
      }),
      line({ bankReferences: { accountServicerReference: 'ENTRY-2' } }),
    ]);

    expect(keys).toEqual(['servicer:TX-9#1', 'servicer:ENTRY-2#1']);
  });

  it("counts the details of a batch entry, which share the entry's reference", () => {
    const batch = { accountServicerReference: '2013122711513230000' };

    expect(
      lineDedupKeys('camt053', [
        line({ amountCents: cents(-350), bankReferences: batch }),
        line({ amountCents: cents(-250), bankReferences: batch }),
      ]),
    ).toEqual(['servicer:2013122711513230000#1', 'servicer:2013122711513230000#2']);
  });

  it('keys on NtryRef only with the detail’s own reference, since banks number entries per file', () => {
    const keys = lineDedupKeys('camt054', [
      line({ bankReferences: { entryReference: '41107767420881932', endToEndId: 'E2E-7' } }),
      line({ bankReferences: { entryReference: '41107767420881932' } }),
    ]);

    expect(keys[0]).toBe('entry:41107767420881932:E2E-7#1');
    expect(keys[1]).toMatch(SHA256_HEX);
  });

  it('takes NOTPROVIDED and NONREF for the absence of a reference they are', () => {
    const keys = lineDedupKeys('camt053', [
      line({ bankReferences: { accountServicerReference: 'NOTPROVIDED' } }),
      line({ bankReferences: { entryReference: '7', endToEndId: 'nonref', instructionId: 'I-1' } }),
    ]);

    expect(keys[0]).toMatch(SHA256_HEX);
    expect(keys[1]).toBe('entry:7:I-1#1');
  });
});

describe('lineDedupKeys on CFONB lines', () => {
  it('keys on the entry number of the booking day', () => {
    const keys = lineDedupKeys('cfonb120', [
      line({ bankReferences: { entryReference: '0000889' } }),
      line({
        bookingDate: calendarDate('2026-03-03'),
        bankReferences: { entryReference: '0000889' },
      }),
    ]);

    expect(keys).toEqual(['cfonb-entry:2026-03-02:0000889#1', 'cfonb-entry:2026-03-03:0000889#1']);
  });

  it("does not key on a camt-style servicer reference (a 05 REF is the customer's text)", () => {
    const [key] = lineDedupKeys('cfonb120', [
      line({ bankReferences: { accountServicerReference: 'REFERENCE' } }),
    ]);

    expect(key).toMatch(SHA256_HEX);
  });
});

describe('lineDedupKeys without a reference', () => {
  it('counts identical lines of a day: two payments of one amount are two movements', () => {
    const keys = lineDedupKeys('cfonb120', [line(), line()]);

    expect(keys[0]).toMatch(SHA256_HEX);
    expect(keys[1]).toBe(keys[0]?.replace(/#1$/, '#2'));
  });

  it('gives a day its keys whatever else the statement holds, so overlapping files agree', () => {
    const day = [line(), line(), line({ amountCents: cents(-790) })];
    const before = line({ bookingDate: calendarDate('2026-03-01') });

    expect(lineDedupKeys('cfonb120', [before, ...day]).slice(1)).toEqual(
      lineDedupKeys('cfonb120', day),
    );
  });

  it.each<[string, Partial<BankLine>]>([
    ['the booking date', { bookingDate: calendarDate('2026-03-03') }],
    ['the amount', { amountCents: cents(12_001) }],
    ['the currency', { currency: 'CHF' }],
    ['the counterparty', { counterpartyName: 'MARTIN SARL' }],
    ["the counterparty's IBAN", { counterpartyIban: 'FR7630006000011234567890189' }],
    ['the remittance text', { remittanceText: 'VIR FA-2026-0043' }],
  ])('tells lines apart by %s', (_, change) => {
    const [first, second] = lineDedupKeys('cfonb120', [line(), line(change)]);

    // Each is the first of its kind (#1), under another hash.
    expect(first).toMatch(/#1$/);
    expect(second).toMatch(/#1$/);
    expect(second).not.toBe(first);
  });

  it('does not tell lines apart by what a bank may write differently another time', () => {
    const [first, second] = lineDedupKeys('cfonb120', [
      line({ position: '2', valueDate: calendarDate('2026-03-02'), transactionCode: '05' }),
      line({ position: '9', valueDate: calendarDate('2026-03-04'), transactionCode: null }),
    ]);

    expect(second).toBe(first?.replace(/#1$/, '#2'));
  });
});

describe('statementDedupKey', () => {
  const statement: BankStatement = {
    position: '1',
    account: { kind: 'iban', iban: 'FR7630006000011234567890189' },
    currency: 'EUR',
    statementId: 'STMT-2026-03-02',
    opening: { date: calendarDate('2026-03-01'), amountCents: cents(100_000) },
    closing: { date: calendarDate('2026-03-02'), amountCents: cents(112_000) },
    lines: [line()],
  };
  const keys = lineDedupKeys('camt053', statement.lines);

  it('is the same for the same statement read again', () => {
    expect(statementDedupKey('camt053', { ...statement }, [...keys])).toBe(
      statementDedupKey('camt053', statement, keys),
    );
  });

  it('differs for a statement the bank sent again with another balance or other lines', () => {
    const key = statementDedupKey('camt053', statement, keys);
    const closing = { date: calendarDate('2026-03-02'), amountCents: cents(112_001) };

    expect(statementDedupKey('camt053', { ...statement, closing }, keys)).not.toBe(key);
    expect(statementDedupKey('camt053', statement, [...keys, 'servicer:X#1'])).not.toBe(key);
    expect(statementDedupKey('camt054', statement, keys)).not.toBe(key);
  });
});
