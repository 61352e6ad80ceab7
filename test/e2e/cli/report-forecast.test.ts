/**
 * `encaisse report forecast` and `encaisse report backtest` as a script runs them (docs/cli.md,
 * issue 11): a small ledger imported from the canonical CSV files, then the forecast as JSON
 * and as a table of weeks in French, the backtest as JSON and in words; bad dates exit 2 with
 * the reason on stderr and nothing on stdout.
 */
import { describe, expect, it } from 'vitest';
import { useCli } from './harness.ts';
import { importCliLedger } from './import-ledger.ts';

const cli = useCli();
const { encaisse, encaisseWithEnv } = cli;

const acme = (...args: string[]) => encaisse('--company', 'acme', 'report', ...args);

/**
 * C1 paid FA-1 (1,000.00 due 4 Feb) on 15 Feb, 11 days late, its only history, and owes FA-2
 * (500.00 due 20 March): expected 31 March, in the week of 30 March, the 4th from 15 March.
 */
async function importLedger(): Promise<void> {
  await importCliLedger(cli, {
    customers: ['C1;Alpha SARL'],
    invoices: [
      'FA-1,C1,2026-01-05,2026-02-04,1000.00,EUR,invoice',
      'FA-2,C1,2026-02-10,2026-03-20,500.00,EUR,invoice',
    ],
    payments: ['VIR-1,C1,2026-02-15,1000.00,EUR,FA-1'],
  });
}

describe('encaisse report forecast', () => {
  it('prints the weeks as JSON in minor units, and as a table in French', async () => {
    await importLedger();
    const printed = await acme('forecast', '--json');
    expect(printed.code).toBe(0);
    const report = JSON.parse(printed.stdout) as {
      asOf: string;
      currencies: { currency: string; weeks: { monday: string; amountCents: number }[] }[];
      model: { paidInvoices: number; portfolioDelayDays: number };
    };
    expect(report.asOf).toBe('2026-03-15');
    expect(report.model).toMatchObject({ paidInvoices: 1, portfolioDelayDays: 11 });
    expect(report.currencies[0]?.weeks[3]).toEqual({
      monday: '2026-03-30',
      amountCents: 50_000,
      invoiceCount: 1,
    });
    const table = await encaisseWithEnv(
      { ENCAISSE_LANG: 'fr' },
      '--company',
      'acme',
      'report',
      'forecast',
    );
    expect(table.code).toBe(0);
    expect(table.stdout).toContain('Prévision d’encaissements en EUR au 15/03/2026');
    expect(table.stdout).toMatch(/30\/03\/2026\s+500,00\s€\s+1/u);
    expect(table.stdout).toMatch(/Total ouvert\s+500,00\s€\s+1/u);
    expect(table.stdout).toContain('Appris de 1 facture payée depuis le 16/03/2024');
  });

  it('refuses an impossible date and a future one with exit 2, printing nothing', async () => {
    const impossible = await acme('forecast', '--as-of', '2026-02-30');
    expect(impossible).toMatchObject({ code: 2, stdout: '' });
    const future = await acme('forecast', '--as-of', '2026-03-16', '--json');
    expect(future).toMatchObject({ code: 2, stdout: '' });
    expect(future.stderr).toContain('after today (15 Mar 2026)');
  });
});

describe('encaisse report backtest', () => {
  // The ledger imported by the tests above.
  it('prints both errors as JSON, and which one wins in words', async () => {
    const printed = await acme('backtest', '--from', '2026-02-05', '--to', '2026-03-15', '--json');
    expect(printed.code).toBe(0);
    // Open on 5 Feb: FA-1 alone, paid 15 Feb. Nothing was paid before: the model predicts the
    // due date as the baseline does (4 Feb, past: 5 Feb), 10 days off both.
    expect(JSON.parse(printed.stdout)).toMatchObject({
      from: '2026-02-05',
      to: '2026-03-15',
      paidInvoices: 1,
      unpaidInvoices: 0,
      model: { meanAbsoluteErrorDays: 10 },
      baseline: { meanAbsoluteErrorDays: 10 },
    });
    const words = await encaisseWithEnv(
      { ENCAISSE_LANG: 'fr' },
      '--company',
      'acme',
      'report',
      'backtest',
      '--from',
      '2026-02-05',
      '--to',
      '2026-03-15',
    );
    expect(words.code).toBe(0);
    expect(words.stdout).toContain('Backtest de la prévision faite le 05/02/2026');
    expect(words.stdout).toMatch(/Modèle \(historique du client\)\s+10,0/u);
    expect(words.stdout).toContain('Le modèle et la référence font jeu égal.');
  });

  it('refuses a reversed period and a missing date with exit 2', async () => {
    const reversed = await acme('backtest', '--from', '2026-03-10', '--to', '2026-03-01');
    expect(reversed).toMatchObject({ code: 2, stdout: '' });
    expect(reversed.stderr).toContain('backtest runs from one day to a later one');
    const missing = await acme('backtest', '--from', '2026-03-10');
    expect(missing).toMatchObject({ code: 2, stdout: '' });
    expect(missing.stderr).toContain('--to');
    const impossible = await acme('backtest', '--from', '2026-02-30', '--to', '2026-03-01');
    expect(impossible).toMatchObject({ code: 2, stdout: '' });
  });
});
