import { describe, expect, it } from 'vitest';

import { currencyCode } from '../../shared/money.ts';
import { FEC_COLUMNS } from './fec-format.ts';
import { parseFec } from './parse-fec.ts';
import { planFec, type PlanFecOptions } from './plan-fec.ts';

const EUR = currencyCode('EUR');

/** The checked lines of a `|`-separated FEC whose rows are written after the header. */
function linesOf(rows: readonly string[]) {
  const text = [FEC_COLUMNS.join('|'), ...rows].join('\r\n');
  const result = parseFec(new TextEncoder().encode(text), 'fec.txt');
  if (!result.ok || result.issues.length > 0) {
    throw new Error(`The fixture is refused: ${JSON.stringify(result.issues)}`);
  }
  return result.lines;
}

function plan(rows: readonly string[], options: Partial<PlanFecOptions> = {}) {
  return planFec(linesOf(rows), { currency: EUR, ...options });
}

/**
 * A year of two customers, with the file's line numbers on the left:
 * - Dupont (auxiliary account C001 on 411000) had F2023-090 open at the opening (AN),
 *   paid in full by BQ 7 (lettering A); then F2024-001 and F2024-002, a credit note
 *   AV2024-001 and one payment BQ 8 that do not cover them (lettering B, partial);
 * - Martin (its own account 411MARTIN, no auxiliary) had 75,00 of unapplied cash at the
 *   opening, then F2024-003 paid in two parts (BQ 9 and BQ 10, lettering C), and 50,00
 *   received without lettering (BQ 11).
 */
const YEAR = [
  /*  2 */ 'AN|A nouveaux|1|20240101|411000|Clients|C001|Dupont SA|F2023-090|20231215|Facture F2023-090|1200,00|0,00|A|20240201|20240101||',
  /*  3 */ 'AN|A nouveaux|1|20240101|411MARTIN|Martin SARL|||AV2023-010|20231220|Trop-perçu|0,00|75,00|||20240101||',
  /*  4 */ "AN|A nouveaux|1|20240101|890000|Bilan d'ouverture|||AN2024|20240101|A nouveaux|0,00|1125,00|||20240101||",
  /*  5 */ 'VT|Ventes|1|20240110|411000|Clients|C001|Dupont SA|F2024-001|20240110|Facture F2024-001|600,00|0,00|B|20240206|20240110||',
  /*  6 */ 'VT|Ventes|1|20240110|706000|Prestations|||F2024-001|20240110|Facture F2024-001|0,00|500,00|||20240110||',
  /*  7 */ 'VT|Ventes|1|20240110|445710|TVA collectée|||F2024-001|20240110|Facture F2024-001|0,00|100,00|||20240110||',
  /*  8 */ 'VT|Ventes|2|20240115|411000|Clients|C001|Dupont SA|F2024-002|20240115|Facture F2024-002|300,00|0,00|B|20240206|20240115||',
  /*  9 */ 'VT|Ventes|2|20240115|706000|Prestations|||F2024-002|20240115|Facture F2024-002|0,00|300,00|||20240115||',
  /* 10 */ 'VT|Ventes|3|20240120|411000|Clients|C001|Dupont SA|AV2024-001|20240120|Avoir AV2024-001|0,00|120,00|B|20240206|20240120||',
  /* 11 */ 'VT|Ventes|3|20240120|706000|Prestations|||AV2024-001|20240120|Avoir AV2024-001|120,00|0,00|||20240120||',
  /* 12 */ 'VT|Ventes|4|20240201|411MARTIN|Martin SARL|||F2024-003|20240201|Facture F2024-003|1000,00|0,00|C|20240301|20240201||',
  /* 13 */ 'VT|Ventes|4|20240201|706000|Prestations|||F2024-003|20240201|Facture F2024-003|0,00|1000,00|||20240201||',
  /* 14 */ 'BQ|Banque|7|20240131|512000|Banque|||VIR-0131|20240131|Virement Dupont|1200,00|0,00|||20240131||',
  /* 15 */ 'BQ|Banque|7|20240131|411000|Clients|C001|Dupont SA|VIR-0131|20240131|Virement Dupont|0,00|1200,00|A|20240201|20240131||',
  /* 16 */ 'BQ|Banque|8|20240205|512000|Banque|||VIR-0205|20240205|Virement Dupont|500,00|0,00|||20240205||',
  /* 17 */ 'BQ|Banque|8|20240205|411000|Clients|C001|Dupont SA|VIR-0205|20240205|Virement Dupont|0,00|500,00|B|20240206|20240205||',
  /* 18 */ 'BQ|Banque|9|20240215|512000|Banque|||CHQ-77|20240215|Chèque Martin|400,00|0,00|||20240215||',
  /* 19 */ 'BQ|Banque|9|20240215|411MARTIN|Martin SARL|||CHQ-77|20240215|Chèque Martin|0,00|400,00|C|20240215|20240215||',
  /* 20 */ 'BQ|Banque|10|20240301|512000|Banque|||VIR-0301|20240301|Virement Martin|600,00|0,00|||20240301||',
  /* 21 */ 'BQ|Banque|10|20240301|411MARTIN|Martin SARL|||VIR-0301|20240301|Virement Martin|0,00|600,00|C|20240301|20240301||',
  /* 22 */ 'BQ|Banque|11|20240310|512000|Banque|||VIR-0310|20240310|Virement Martin|50,00|0,00|||20240310||',
  /* 23 */ 'BQ|Banque|11|20240310|411MARTIN|Martin SARL|||VIR-0310|20240310|Virement Martin|0,00|50,00|||20240310||',
];

describe('planFec', () => {
  it('plans customers, invoices, credit notes, payments and allocations from a year of books', () => {
    const terms = { kind: 'net', days: 30 };

    expect(plan(YEAR)).toEqual({
      customers: [
        { code: 'C001', name: 'Dupont SA', account: '411000', paymentTerms: terms, line: 2 },
        {
          code: '411MARTIN',
          name: 'Martin SARL',
          account: '411MARTIN',
          paymentTerms: terms,
          line: 3,
        },
      ],
      invoices: [
        {
          number: 'F2023-090',
          customerCode: 'C001',
          issueDate: '2023-12-15',
          dueDate: null,
          amountCents: 120_000,
          currency: 'EUR',
          isOpening: true,
          source: { key: 'AN/1/1', line: 2 },
        },
        {
          number: 'F2024-001',
          customerCode: 'C001',
          issueDate: '2024-01-10',
          dueDate: null,
          amountCents: 60_000,
          currency: 'EUR',
          isOpening: false,
          source: { key: 'VT/1/1', line: 5 },
        },
        {
          number: 'F2024-002',
          customerCode: 'C001',
          issueDate: '2024-01-15',
          dueDate: null,
          amountCents: 30_000,
          currency: 'EUR',
          isOpening: false,
          source: { key: 'VT/2/1', line: 8 },
        },
        {
          number: 'F2024-003',
          customerCode: '411MARTIN',
          issueDate: '2024-02-01',
          dueDate: null,
          amountCents: 100_000,
          currency: 'EUR',
          isOpening: false,
          source: { key: 'VT/4/1', line: 12 },
        },
      ],
      creditNotes: [
        {
          number: 'AV2024-001',
          customerCode: 'C001',
          issueDate: '2024-01-20',
          amountCents: 12_000,
          currency: 'EUR',
          source: { key: 'VT/3/1', line: 10 },
        },
      ],
      payments: [
        payment('AN/1/2', '411MARTIN', '2023-12-20', 7_500, 3, true),
        payment('BQ/7/2', 'C001', '2024-01-31', 120_000, 15),
        payment('BQ/8/2', 'C001', '2024-02-05', 50_000, 17),
        payment('BQ/9/2', '411MARTIN', '2024-02-15', 40_000, 19),
        payment('BQ/10/2', '411MARTIN', '2024-03-01', 60_000, 21),
        payment('BQ/11/2', '411MARTIN', '2024-03-10', 5_000, 23),
      ],
      allocations: [
        allocation(
          'C001',
          'F2023-090',
          { kind: 'payment', reference: 'BQ/7/2' },
          120_000,
          '2024-02-01',
          'A',
          2,
        ),
        // Oldest invoice first, from the oldest credit first: the credit note (20 Jan)
        // before the payment (5 Feb), whose rest goes to the next invoice.
        allocation(
          'C001',
          'F2024-001',
          { kind: 'credit_note', number: 'AV2024-001' },
          12_000,
          '2024-02-06',
          'B',
          5,
        ),
        allocation(
          'C001',
          'F2024-001',
          { kind: 'payment', reference: 'BQ/8/2' },
          48_000,
          '2024-02-06',
          'B',
          5,
        ),
        allocation(
          'C001',
          'F2024-002',
          { kind: 'payment', reference: 'BQ/8/2' },
          2_000,
          '2024-02-06',
          'B',
          5,
        ),
        // A lettering of several dates is dated by the latest.
        allocation(
          '411MARTIN',
          'F2024-003',
          { kind: 'payment', reference: 'BQ/9/2' },
          40_000,
          '2024-03-01',
          'C',
          12,
        ),
        allocation(
          '411MARTIN',
          'F2024-003',
          { kind: 'payment', reference: 'BQ/10/2' },
          60_000,
          '2024-03-01',
          'C',
          12,
        ),
      ],
      issues: [],
      notices: [
        {
          line: 5,
          field: 'EcritureLet',
          code: 'fec_partial_lettering',
          message:
            'Lettering "B" of customer C001 does not balance (debits €900.00, credits €620.00): €620.00 is allocated, the rest stays open.',
          params: {
            letter: 'B',
            customer: 'C001',
            debit: 90_000,
            credit: 62_000,
            allocated: 62_000,
            currency: 'EUR',
          },
        },
      ],
    });
  });

  it('gives new customers the payment terms it is told', () => {
    const { customers } = plan(YEAR, { defaultTermsDays: 45 });

    expect(customers.map((customer) => customer.paymentTerms)).toEqual([
      { kind: 'net', days: 45 },
      { kind: 'net', days: 45 },
    ]);
  });

  it.each([
    ['a code of VE, VT, VEN or VTE', 'VEN|Journal 4'],
    ['a label speaking of sales', 'J01|Journal des ventes'],
    ['an English label', 'INV|Customer Invoices'],
  ])('reads a receivable credit in a sales journal as a credit note: %s', (_label, journal) => {
    const result = plan([
      `${journal}|5|20240120|411000|Clients|C001|Dupont SA|AV-9|20240120|Avoir|0,00|10,00|||20240120||`,
      `${journal}|5|20240120|706000|Ventes|||AV-9|20240120|Avoir|10,00|0,00|||20240120||`,
    ]);

    expect([result.creditNotes.map((note) => note.number), result.payments]).toEqual([
      ['AV-9'],
      [],
    ]);
  });

  it('reads a receivable credit in another journal as a payment, unless told it is a sales journal', () => {
    const rows = [
      'OD|Opérations diverses|5|20240120|411000|Clients|C001|Dupont SA|OD-1|20240120|Compensation|0,00|10,00|||20240120||',
      'OD|Opérations diverses|5|20240120|401000|Fournisseurs|||OD-1|20240120|Compensation|10,00|0,00|||20240120||',
    ];

    expect(plan(rows).payments.map((payment) => payment.reference)).toEqual(['OD/5/1']);
    expect(plan(rows, { salesJournals: ['od'] }).creditNotes.map((note) => note.number)).toEqual([
      'OD-1',
    ]);
  });

  it.each([
    ['a journal coded RAN', 'RAN|Reprise|1'],
    ['a label saying « report »', 'RN|Report à nouveau|1'],
    ['an entry number saying so', 'OD|Opérations diverses|AN-2024'],
  ])('reads an opening entry from %s', (_label, start) => {
    const { invoices, payments } = plan([
      `${start}|20240101|411000|Clients|C001|Dupont SA|F-77|20231130|Facture F-77|80,00|0,00|||20240101||`,
      `${start}|20240101|411000|Clients|C002|Durand|R-12|20231205|Règlement|0,00|30,00|||20240101||`,
      `${start}|20240101|890000|Bilan d'ouverture|||AN|20240101|A nouveaux|0,00|50,00|||20240101||`,
    ]);

    expect(
      invoices.map((invoice) => [invoice.number, invoice.issueDate, invoice.isOpening]),
    ).toEqual([['F-77', '2023-11-30', true]]);
    expect(
      payments.map((payment) => [payment.customerCode, payment.receivedOn, payment.isOpening]),
    ).toEqual([['C002', '2023-12-05', true]]);
  });

  it('numbers a document by its entry when its PieceRef is a placeholder, as Odoo writes "-"', () => {
    const { invoices } = plan([
      'INV|Customer Invoices|INV/2024/0001|20240110|411100|Clients|P1|Partner|-|20240110|INV/2024/0001|100,00|0,00|||20240110||',
      'INV|Customer Invoices|INV/2024/0001|20240110|706000|Ventes|||-|20240110|Ventes|0,00|100,00|||20240110||',
    ]);

    expect(invoices.map((invoice) => invoice.number)).toEqual(['INV/2024/0001']);
  });

  it('numbers a bare entry number with its journal and year: entry 1 of each year is its own invoice', () => {
    const { invoices, issues } = plan([
      'REV|Revenue|1|20241210|411000|Clients|P1|Party|-|20241210|-|100,00|0,00|||20241210||',
      'REV|Revenue|1|20241210|706000|Ventes|||-|20241210|-|0,00|100,00|||20241210||',
      'REV|Revenue|1|20250105|411000|Clients|P1|Party|-|20250105|-|40,00|0,00|||20250105||',
      'REV|Revenue|1|20250105|706000|Ventes|||-|20250105|-|0,00|40,00|||20250105||',
    ]);

    expect(issues).toEqual([]);
    expect(invoices.map((invoice) => [invoice.number, invoice.amountCents])).toEqual([
      ['REV-2024-1', 10_000],
      ['REV-2025-1', 4_000],
    ]);
  });

  it('adds up the debits of one invoice and keeps the earliest date', () => {
    const { invoices } = plan([
      'VT|Ventes|1|20240110|411000|Clients|C001|Dupont SA|F1|20240110|Échéance 1|60,00|0,00|||20240110||',
      'VT|Ventes|1|20240110|411000|Clients|C001|Dupont SA|F1|20240109|Échéance 2|40,00|0,00|||20240110||',
      'VT|Ventes|1|20240110|706000|Ventes|||F1|20240110|Ventes|0,00|100,00|||20240110||',
    ]);

    expect(
      invoices.map((invoice) => [invoice.number, invoice.amountCents, invoice.issueDate]),
    ).toEqual([['F1', 10_000, '2024-01-09']]);
  });

  it('refuses a number already given to another customer, and leaves the line out', () => {
    const result = plan([
      'VT|Ventes|1|20240110|411000|Clients|C001|Dupont SA|F1|20240110|Facture|60,00|0,00|||20240110||',
      'VT|Ventes|1|20240110|411000|Clients|C002|Durand|F1|20240110|Facture|40,00|0,00|||20240110||',
      'VT|Ventes|1|20240110|706000|Ventes|||F1|20240110|Ventes|0,00|100,00|||20240110||',
    ]);

    expect(result.invoices.map((invoice) => [invoice.customerCode, invoice.amountCents])).toEqual([
      ['C001', 6_000],
    ]);
    expect(result.issues.map((issue) => [issue.line, issue.code, issue.message])).toEqual([
      [
        3,
        'fec_piece_other_customer',
        'Line 3 puts piece F1 on customer C002, but line 2 put it on customer C001: a number names one document of one customer. The line is left out.',
      ],
    ]);
  });

  it('plans an invoice in its foreign currency when the line gives one', () => {
    const { invoices } = plan([
      'VT|Ventes|1|20240110|411000|Clients|C9|Acme Inc|F-US-1|20240110|Invoice|920,00|0,00|||20240110|1000,00|USD',
      'VT|Ventes|1|20240110|706000|Ventes|||F-US-1|20240110|Invoice|0,00|920,00|||20240110|-1000,00|USD',
    ]);

    expect(invoices.map((invoice) => [invoice.amountCents, invoice.currency])).toEqual([
      [100_000, 'USD'],
    ]);
  });

  it('takes the receivable accounts it is told, and ignores the others', () => {
    const rows = [
      'VT|Ventes|1|20240110|416000|Clients douteux|C001|Dupont SA|F1|20240110|Facture|10,00|0,00|||20240110||',
      'VT|Ventes|1|20240110|706000|Ventes|||F1|20240110|Ventes|0,00|10,00|||20240110||',
    ];

    expect(plan(rows).invoices).toEqual([]);
    expect(
      plan(rows, { receivableAccounts: ['411', '416'] }).invoices.map((invoice) => invoice.number),
    ).toEqual(['F1']);
  });

  it('codes a customer in capitals, one code whatever its case (ADR 12)', () => {
    const { customers, invoices } = plan([
      'VT|Ventes|1|20240110|411000|Clients|c001|Dupont SA|F1|20240110|Facture|10,00|0,00|||20240110||',
      'VT|Ventes|1|20240110|706000|Ventes|||F1|20240110|Ventes|0,00|10,00|||20240110||',
      'VT|Ventes|2|20240111|411000|Clients|C001|Dupont SA|F2|20240111|Facture|10,00|0,00|||20240111||',
      'VT|Ventes|2|20240111|706000|Ventes|||F2|20240111|Ventes|0,00|10,00|||20240111||',
    ]);

    expect([
      customers.map((customer) => customer.code),
      invoices.map((invoice) => invoice.customerCode),
    ]).toEqual([['C001'], ['C001', 'C001']]);
  });
});

function payment(
  reference: string,
  customerCode: string,
  receivedOn: string,
  amountCents: number,
  line: number,
  isOpening = false,
) {
  return {
    reference,
    customerCode,
    receivedOn,
    amountCents,
    currency: 'EUR',
    isOpening,
    source: { key: reference, line },
  };
}

function allocation(
  customerCode: string,
  invoiceNumber: string,
  from: { kind: 'payment'; reference: string } | { kind: 'credit_note'; number: string },
  amountCents: number,
  allocatedOn: string,
  letter: string,
  line: number,
) {
  return {
    customerCode,
    invoiceNumber,
    from,
    amountCents,
    currency: 'EUR',
    allocatedOn,
    letter,
    line,
  };
}
