/**
 * `encaisse report aged-balance` as a script runs it (docs/cli.md, issue 11): a small ledger
 * imported from the canonical CSV files, then the balance as JSON with the figures worked by
 * hand, as CSV on stdout, as an XLSX workbook and a PDF written to files, as a table for
 * people; bad buckets, a future date and two outputs at once exit 2 with the reason on
 * stderr and nothing on stdout.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { useCli } from './harness.ts';
import { importCliLedger } from './import-ledger.ts';

const cli = useCli();
const { encaisse, encaisseWithEnv, pathOf } = cli;

const report = (...args: string[]) =>
  encaisse('--company', 'acme', 'report', 'aged-balance', ...args);

/**
 * C1 owes FA-2 (500.00, due 20 March) and has paid FA-1 (1,000.00) out of VIR-1 (1,200.00),
 * 200.00 left unapplied, and a credit note AV-1 (200.00) not applied; C2 owes FA-4 (800.00
 * due 1 Dec 2025: 104 days late on 15 March) and FA-3 ($300.00 due 19 Feb: 24 days late).
 */
async function importLedger(): Promise<void> {
  await importCliLedger(cli, {
    customers: ['C1;Alpha SARL', 'C2;Bêta SA'],
    invoices: [
      'FA-1,C1,2026-01-05,2026-02-04,1000.00,EUR,invoice',
      'FA-2,C1,2026-02-10,2026-03-20,500.00,EUR,invoice',
      'AV-1,C1,2026-02-20,2026-02-20,200.00,EUR,credit_note',
      'FA-4,C2,2025-11-10,2025-12-01,800.00,EUR,invoice',
      'FA-3,C2,2026-01-20,2026-02-19,300.00,USD,invoice',
    ],
    payments: ['VIR-1,C1,2026-02-15,1200.00,EUR,FA-1'],
  });
}

type Balance = {
  asOf: string;
  rowCount: number;
  buckets: { minDaysLate: number; maxDaysLate: number | null }[];
  rows: { group: { code: string | null; name: string | null }; currency: string }[];
  totals: Record<string, unknown>[];
};

describe('encaisse report aged-balance', () => {
  it('prints the balance as JSON, in minor units, with the totals per currency', async () => {
    await importLedger();
    const printed = await report('--as-of', '2026-03-15', '--json');
    expect(printed.code).toBe(0);
    const balance = JSON.parse(printed.stdout) as Balance;
    expect(balance).toMatchObject({ asOf: '2026-03-15', by: 'customer', rowCount: 3 });
    expect(balance.buckets.map((bucket) => bucket.maxDaysLate)).toEqual([0, 30, 60, 90, null]);
    expect(balance.rows).toEqual([
      {
        group: { id: expect.any(String), code: 'C2', name: 'Bêta SA' },
        currency: 'EUR',
        buckets: [0, 0, 0, 0, 80_000],
        invoicesOpen: 80_000,
        overdue: 80_000,
        creditNotesOpen: 0,
        unappliedCash: 0,
        net: 80_000,
      },
      {
        group: { id: expect.any(String), code: 'C1', name: 'Alpha SARL' },
        currency: 'EUR',
        buckets: [50_000, 0, 0, 0, 0],
        invoicesOpen: 50_000,
        overdue: 0,
        creditNotesOpen: 20_000,
        unappliedCash: 20_000,
        net: 10_000,
      },
      {
        group: { id: expect.any(String), code: 'C2', name: 'Bêta SA' },
        currency: 'USD',
        buckets: [0, 30_000, 0, 0, 0],
        invoicesOpen: 30_000,
        overdue: 30_000,
        creditNotesOpen: 0,
        unappliedCash: 0,
        net: 30_000,
      },
    ]);
    expect(balance.totals).toEqual([
      {
        currency: 'EUR',
        buckets: [50_000, 0, 0, 0, 80_000],
        invoicesOpen: 130_000,
        overdue: 80_000,
        creditNotesOpen: 20_000,
        unappliedCash: 20_000,
        net: 90_000,
      },
      {
        currency: 'USD',
        buckets: [0, 30_000, 0, 0, 0],
        invoicesOpen: 30_000,
        overdue: 30_000,
        creditNotesOpen: 0,
        unappliedCash: 0,
        net: 30_000,
      },
    ]);

    // Before the payment (10 Feb), one currency, buckets of 45 days.
    const past = JSON.parse(
      (await report('--as-of', '2026-02-10', '--buckets', '45', '--currency', 'eur', '--json'))
        .stdout,
    ) as Balance;
    expect(
      past.rows.map((row) => [row.group.code, (row as { buckets?: number[] }).buckets]),
    ).toEqual([
      ['C1', [50_000, 100_000, 0]],
      ['C2', [0, 0, 80_000]],
    ]);
  });

  it('prints every row as CSV, writes an XLSX and a PDF, and a table for people', async () => {
    const csv = await report('--as-of', '2026-03-15', '--csv', '--sort', 'name');
    expect(csv.code).toBe(0);
    expect(csv.stdout.split('\n')).toEqual([
      'As of,Customer code,Customer,Currency,Not yet due,1–30 days,31–60 days,61–90 days,Over 90 days,Open invoices,Overdue,Unapplied credit notes,Unapplied cash,Net balance',
      '2026-03-15,C1,Alpha SARL,EUR,500.00,0.00,0.00,0.00,0.00,500.00,0.00,200.00,200.00,100.00',
      '2026-03-15,C2,Bêta SA,EUR,0.00,0.00,0.00,0.00,800.00,800.00,800.00,0.00,0.00,800.00',
      '2026-03-15,C2,Bêta SA,USD,0.00,300.00,0.00,0.00,0.00,300.00,300.00,0.00,0.00,300.00',
      '',
    ]);

    const xlsx = pathOf('balance.xlsx');
    const written = await report('--by', 'collector', '--xlsx', xlsx);
    expect(written.code).toBe(0);
    expect(written.stdout).toContain('balance.xlsx (2 rows)');
    const { default: ExcelJS } = await import('exceljs');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(xlsx);
    const rows: unknown[][] = [];
    workbook.worksheets[0]?.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    const asOf = new Date(Date.UTC(2026, 2, 15));
    expect(rows.slice(1)).toEqual([
      [asOf, 'No collector', 'EUR', 500, 0, 0, 0, 800, 1300, 800, 200, 200, 900],
      [asOf, 'No collector', 'USD', 0, 300, 0, 0, 0, 300, 300, 0, 0, 300],
      [asOf, 'Total EUR', 'EUR', 500, 0, 0, 0, 800, 1300, 800, 200, 200, 900],
      [asOf, 'Total USD', 'USD', 0, 300, 0, 0, 0, 300, 300, 0, 0, 300],
    ]);

    const pdf = pathOf('balance.pdf');
    expect((await report('--pdf', pdf)).code).toBe(0);
    expect(readFileSync(pdf).subarray(0, 5).toString('latin1')).toBe('%PDF-');

    const table = await encaisse('--lang', 'fr', '--company', 'acme', 'report', 'aged-balance');
    expect(table.code).toBe(0);
    expect(table.stdout).toContain('Balance âgée au 15/03/2026 — Par client');
    expect(table.stdout).toMatch(/C1\s+Alpha SARL\s+EUR\s+500,00\s€/u);
    expect(table.stdout).toMatch(
      /Total EUR\s+EUR\s+500,00\s€(?:\s+0,00\s€){3}\s+800,00\s€\s+1\s300,00\s€/u,
    );

    const limited = await report('--limit', '1');
    expect(limited.stdout).toContain('1 row of 3 shown; the totals cover them all.');
  });

  it('refuses bad buckets, a future date and two outputs with exit 2, printing nothing', async () => {
    const buckets = await report('--buckets', '30,20', '--json');
    expect(buckets).toMatchObject({ code: 2, stdout: '' });
    expect(buckets.stderr).toContain(
      'buckets.1: Each bucket bound must be above the one before it: 20 after 30',
    );
    const future = await report('--as-of', '2026-03-16');
    expect(future).toMatchObject({ code: 2, stdout: '' });
    expect(future.stderr).toContain('after today (15 Mar 2026)');
    const notNumbers = await report('--buckets', 'thirty');
    expect(notNumbers).toMatchObject({ code: 2, stdout: '' });
    expect(notNumbers.stderr).toContain('--buckets');
    const two = await report('--json', '--csv');
    expect(two).toMatchObject({ code: 2, stdout: '' });
    expect(two.stderr).toContain('Choose one output: --json, --csv, --xlsx or --pdf');
  });
});

describe('encaisse report dso', () => {
  // The ledger imported by the tests above.
  it('prints the history as JSON and as a table in French, one customer’s too, and refuses bad months', async () => {
    const dso = (...args: string[]) => encaisse('--company', 'acme', 'report', 'dso', ...args);
    const printed = await dso(
      '--as-of',
      '2026-03-15',
      '--months',
      '2',
      '--currency',
      'EUR',
      '--json',
    );
    expect(printed.code).toBe(0);
    const history = JSON.parse(printed.stdout) as {
      lastMonthEnd: string;
      currencies: {
        currency: string;
        months: { dso: { days: number }; receivablesCents: number }[];
      }[];
    };
    expect(history.lastMonthEnd).toBe('2026-02-28');
    expect(history.currencies[0]?.months.map((m) => [m.receivablesCents, m.dso.days])).toEqual([
      [180_000, 92],
      [130_000, 59],
    ]);
    const table = await encaisseWithEnv(
      { ENCAISSE_LANG: 'fr' },
      '--company',
      'acme',
      'report',
      'dso',
      '--as-of',
      '2026-03-15',
      '--months',
      '2',
      '--currency',
      'EUR',
    );
    expect(table.code).toBe(0);
    expect(table.stdout).toContain('DSO en EUR, fins de mois jusqu’au 28/02/2026');
    expect(table.stdout).toMatch(/28\/02\/2026\s+59,0/u);
    const ofC1 = await dso('--as-of', '2026-03-15', '--months', '1', '--customer', 'c1', '--json');
    expect(JSON.parse(ofC1.stdout).currencies[0].months[0].receivablesCents).toBe(50_000);
    const unknown = await dso('--customer', 'NOPE');
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toContain('NOPE');
    const refused = await dso('--months', '61');
    expect(refused.code).toBe(2);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toContain('60');
  });

  it('prints the history as CSV, writes it to an XLSX and to a PDF of one customer', async () => {
    const dso = (...args: string[]) => encaisse('--company', 'acme', 'report', 'dso', ...args);
    const csv = await dso('--as-of', '2026-03-15', '--months', '1', '--currency', 'EUR', '--csv');
    expect(csv.code).toBe(0);
    expect(csv.stdout.split('\n')).toEqual([
      'Currency,Month end,DSO (days),Simple DSO,Best possible DSO,Days delinquent,Collection index (%),Sales incl. tax,Receivables,Not yet due,Note',
      'EUR,2026-02-28,59.0,90.0,34.2,24.8,50.0,300.00,1300.00,500.00,',
      '',
    ]);
    const xlsx = pathOf('dso.xlsx');
    const written = await dso('--months', '3', '--xlsx', xlsx);
    expect(written.code).toBe(0);
    // Three month ends in each of the two currencies.
    expect(written.stdout).toContain('dso.xlsx (6 month ends)');
    const { default: ExcelJS } = await import('exceljs');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(xlsx);
    expect(workbook.worksheets[0]?.getRow(7).getCell(3).value).toBe(59);
    const pdf = pathOf('dso.pdf');
    expect((await dso('--customer', 'C1', '--pdf', pdf)).code).toBe(0);
    expect(readFileSync(pdf).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const two = await dso('--csv', '--pdf', pdf);
    expect(two).toMatchObject({ code: 2, stdout: '' });
  });
});
