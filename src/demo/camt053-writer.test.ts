import { describe, expect, it } from 'vitest';
import { readCamt } from '../imports/bank/camt.ts';
import { statementBalances, type BankLine } from '../imports/bank/statement.ts';
import { calendarDate } from '../shared/calendar-date.ts';
import { ibanFromRib } from '../shared/identifiers.ts';
import { cents } from '../shared/money.ts';
import { camt053Xml, type Camt053Statement } from './camt053-writer.ts';
import { generateNoisyBankLines, type LedgerOpenItem } from './noisy-bank-lines.ts';

const DAY = calendarDate('2026-03-02');
const ACCOUNT = ibanFromRib('30004', '00001', '12345678901');

function line(overrides: Partial<BankLine>): BankLine {
  return {
    position: '1',
    bookingDate: DAY,
    valueDate: DAY,
    amountCents: cents(12_345),
    currency: 'EUR',
    counterpartyName: 'ACME SAS',
    counterpartyIban: ibanFromRib('30003', '01234', '00012345678'),
    remittanceText: 'FACTURE F230875',
    structuredReferences: [],
    bankReferences: { accountServicerReference: 'NB1-0000001' },
    transactionCode: 'PMNT/RCDT/ESCT',
    isReversal: false,
    returnReason: null,
    ...overrides,
  };
}

function statementOf(lines: readonly BankLine[]): Camt053Statement {
  return {
    iban: ACCOUNT,
    currency: 'EUR',
    statementId: 'STMT-2026-03-02',
    openingCents: 1_000_000,
    openingDate: calendarDate('2026-03-01'),
    lines,
    createdAt: new Date('2026-03-02T20:00:00Z'),
  };
}

async function readBack(statement: Camt053Statement) {
  const result = await readCamt(new TextEncoder().encode(camt053Xml(statement)));
  expect(result.issues).toEqual([]);
  expect(result.statements).toHaveLength(1);
  const [read] = result.statements;
  if (read === undefined) {
    throw new Error('No statement read back');
  }
  return read;
}

/** What the writer promises to keep of a line (`position` is the reader's XML path). */
function kept(bankLine: BankLine) {
  return {
    amountCents: bankLine.amountCents,
    bookingDate: bankLine.bookingDate,
    valueDate: bankLine.valueDate,
    currency: bankLine.currency,
    counterpartyName: bankLine.counterpartyName,
    counterpartyIban: bankLine.counterpartyIban,
    remittanceText: bankLine.remittanceText,
    structuredReferences: bankLine.structuredReferences,
    bankReferences: bankLine.bankReferences,
    transactionCode: bankLine.transactionCode,
    isReversal: bankLine.isReversal,
    returnReason: bankLine.returnReason,
  };
}

describe('camt053Xml', () => {
  it('writes a statement the camt reader reads back line for line, and it balances', async () => {
    const items: LedgerOpenItem[] = Array.from({ length: 60 }, (_, index) => ({
      id: `item-${index}`,
      customerId: `customer-${index % 12}`,
      kind: index % 10 === 9 ? 'credit_note' : 'invoice',
      number: `F${230_000 + index}`,
      issueDate: calendarDate('2026-01-15'),
      dueDate: calendarDate('2026-02-14'),
      openCents: cents(10_000 + index * 1_237),
      currency: 'EUR',
    }));
    const customers = Array.from({ length: 12 }, (_, index) => ({
      id: `customer-${index}`,
      code: `C${String(index + 1).padStart(5, '0')}`,
      legalName: `Menuiserie Lefèvre & Fils ${index} SARL`,
    }));
    const { lines } = generateNoisyBankLines(
      { customers, openItems: items },
      { seed: 5, count: 40, bookingDate: DAY, mix: { outgoing: 10, unknown_payer: 10 } },
    );
    expect(lines.some((generated) => generated.amountCents < 0)).toBe(true);

    const read = await readBack(statementOf(lines));

    expect(read.account).toEqual({ kind: 'iban', iban: ACCOUNT });
    expect(read.statementId).toBe('STMT-2026-03-02');
    expect(read.currency).toBe('EUR');
    expect(read.lines.map(kept)).toEqual(lines.map(kept));
    expect(statementBalances(read)).toBe(true);
    const total = lines.reduce((sum, generated) => sum + generated.amountCents, 0);
    expect(read.opening).toEqual({ date: '2026-03-01', amountCents: 1_000_000 });
    expect(read.closing).toEqual({ date: '2026-03-02', amountCents: 1_000_000 + total });
  });

  it('escapes XML text, splits long texts at 140 characters, and keeps debits, references and reversals', async () => {
    const long = `REGLEMENT ${Array.from({ length: 30 }, (_, index) => `F${230_000 + index}`).join(' ')}`;
    const lines = [
      line({
        counterpartyName: `L'ATELIER & CO <"PARIS">`,
        remittanceText: `FACT F1 & F2 <AVOIR> "A1" l'acompte`,
        structuredReferences: ['RF18539007547034'],
        bankReferences: { accountServicerReference: 'NB1-0000001', endToEndId: 'E2E&1' },
      }),
      line({ position: '2', remittanceText: long }),
      line({
        position: '3',
        amountCents: cents(-250_075),
        counterpartyName: 'URSSAF',
        remittanceText: 'PRLV SEPA URSSAF COTISATIONS 02/2026',
        transactionCode: 'PMNT/ICDT/ESCT',
      }),
      line({
        position: '4',
        amountCents: cents(-12_345),
        isReversal: true,
        returnReason: 'AC04',
        counterpartyIban: null,
        remittanceText: null,
        transactionCode: 'RJT',
      }),
    ];
    const xml = camt053Xml(statementOf(lines));
    expect(xml).toContain('<Nm>L&apos;ATELIER &amp; CO &lt;&quot;PARIS&quot;&gt;</Nm>');
    const ustrd = [...xml.matchAll(/<Ustrd>([^<]*)<\/Ustrd>/g)].map((match) => match[1] ?? '');
    expect(ustrd.length).toBeGreaterThan(3);
    expect(Math.max(...ustrd.map((chunk) => chunk.length))).toBeLessThanOrEqual(140);

    const read = await readBack(statementOf(lines));

    expect(read.lines.map(kept)).toEqual(lines.map(kept));
    expect(read.lines[2]?.amountCents).toBe(-250_075);
    expect(statementBalances(read)).toBe(true);
  });

  it('closes on the opening balance and date when there is no line', async () => {
    const read = await readBack({ ...statementOf([]), openingCents: -5_000 });

    expect(read.lines).toEqual([]);
    expect(read.closing).toEqual({ date: '2026-03-01', amountCents: -5_000 });
  });
});
