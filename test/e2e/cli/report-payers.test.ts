/**
 * `encaisse report payers` as a script runs it (docs/cli.md, issue 11): a small ledger
 * imported from the canonical CSV files, then the profiles as JSON with the figures worked by
 * hand, as a table for people in French formats, one customer's; bad thresholds, a bad
 * category and a future date exit 2 with the reason on stderr and nothing on stdout.
 */
import { describe, expect, it } from 'vitest';
import { useCli } from './harness.ts';
import { importCliLedger } from './import-ledger.ts';

const cli = useCli();
const { encaisse, encaisseWithEnv } = cli;

const payers = (...args: string[]) => encaisse('--company', 'acme', 'report', 'payers', ...args);
/** In French, as people in France read it (`ENCAISSE_LANG=fr`). */
const payersInFrench = (...args: string[]) =>
  encaisseWithEnv({ ENCAISSE_LANG: 'fr' }, '--company', 'acme', 'report', 'payers', ...args);

/**
 * On 15 March 2026 (the tests' today): C1 paid FA-1 (1,000.00, due 4 Feb) on 15 Feb, 11 days
 * late, and owes FA-2 (due 20 March); C2 owes FA-4 (800.00, due 1 Dec 2025: 104 days late)
 * and FA-3 ($300.00, due 19 Feb: 24 days late).
 */
async function importLedger(): Promise<void> {
  await importCliLedger(cli, {
    customers: ['C1;Alpha SARL', 'C2;Bêta SA'],
    invoices: [
      'FA-1,C1,2026-01-05,2026-02-04,1000.00,EUR,invoice',
      'FA-2,C1,2026-02-10,2026-03-20,500.00,EUR,invoice',
      'FA-4,C2,2025-11-10,2025-12-01,800.00,EUR,invoice',
      'FA-3,C2,2026-01-20,2026-02-19,300.00,USD,invoice',
    ],
    payments: ['VIR-1,C1,2026-02-15,1000.00,EUR,FA-1'],
  });
}

describe('encaisse report payers', () => {
  it('prints the profiles as JSON, as the API answers them, the worst payers first', async () => {
    await importLedger();
    const printed = await payers('--json');
    expect(printed.code).toBe(0);
    const report = JSON.parse(printed.stdout);
    expect(report).toMatchObject({
      asOf: '2026-03-15',
      from: '2025-03-16',
      thresholds: [5, 15, 30],
      rowCount: 3,
      categoryCounts: [
        { currency: 'EUR', A: 0, B: 1, C: 0, D: 1, none: 0 },
        { currency: 'USD', A: 0, B: 0, C: 1, D: 0, none: 0 },
      ],
    });
    expect(
      report.rows.map((row: Record<string, unknown>) => [
        row['code'],
        row['currency'],
        row['weightedDaysLate'],
        row['category'],
      ]),
    ).toEqual([
      ['C2', 'EUR', 104, 'D'],
      ['C2', 'USD', 24, 'C'],
      ['C1', 'EUR', 11, 'B'],
    ]);
    const one = JSON.parse((await payers('--customer', 'c1', '--json')).stdout);
    expect(one.rows.map((row: { code: string }) => row.code)).toEqual(['C1']);
  });

  it('prints a table for people, in French formats', async () => {
    const table = await payersInFrench('--thresholds', '10,20,200', '--limit', '2');
    expect(table.code).toBe(0);
    expect(table.stdout).toContain(
      'Profils payeurs au 15/03/2026, sur 12 mois depuis le 16/03/2025',
    );
    expect(table.stdout).toContain(
      'Catégories\u00a0: A jusqu’à 10 jours de retard, B jusqu’à 20, C jusqu’à 200, D au-delà',
    );
    expect(table.stdout).toMatch(
      /C2\s+Bêta SA\s+EUR\s+104,0\u00a0j\s+0,0\u00a0%\s+0,0\u00a0%\s+C/u,
    );
    expect(table.stdout).toContain('2 lignes affichées sur 3');
  });

  it('exits 2 on bad thresholds, a bad category or a future date, nothing on stdout', async () => {
    for (const args of [
      ['--thresholds', '30,15'],
      ['--thresholds', 'cinq'],
      ['--category', 'E'],
      ['--as-of', '2026-03-16'],
    ]) {
      const refused = await payers(...args);
      expect({ args, code: refused.code, stdout: refused.stdout }).toEqual({
        args,
        code: 2,
        stdout: '',
      });
    }
    const refused = await payersInFrench('--thresholds', '30,15');
    expect(refused.stderr).toContain('Donnez 3 seuils');
    expect((await payers('--customer', 'NOPE')).stderr).toContain('NOPE');
  });
});
