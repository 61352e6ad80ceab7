/**
 * `encaisse report pareto` and `encaisse report collectors` as a script runs them
 * (docs/cli.md, issue 11): a small ledger imported from the canonical CSV files, the Pareto
 * as JSON worked by hand and as a table for people in French, the collectors' activity as
 * JSON (twelve weeks) and a table; a bad share exits 2 with the reason on stderr.
 */
import { describe, expect, it } from 'vitest';
import { useCli } from './harness.ts';
import { importCliLedger } from './import-ledger.ts';

const cli = useCli();
const { encaisse } = cli;

const report = (...args: string[]) => encaisse('--company', 'acme', 'report', ...args);

/**
 * On 15 March 2026: C1 owes FA-1 (1 000,00 €, due 4 Feb) and FA-2 (500,00 €, due 20 March:
 * not yet due); C2 owes FA-4 (800,00 €, due 1 Dec 2025) and FA-5 (100,00 €, due 1 March).
 * Overdue: 1 900,00 €; 80 % is 1 520,00 €: FA-1 then FA-4 (1 800,00 €, 94,7 %).
 */
async function importLedger(): Promise<void> {
  await importCliLedger(cli, {
    customers: ['C1;Alpha SARL', 'C2;Bêta SA'],
    invoices: [
      'FA-1,C1,2026-01-05,2026-02-04,1000.00,EUR,invoice',
      'FA-2,C1,2026-02-10,2026-03-20,500.00,EUR,invoice',
      'FA-4,C2,2025-11-10,2025-12-01,800.00,EUR,invoice',
      'FA-5,C2,2026-02-01,2026-03-01,100.00,EUR,invoice',
    ],
  });
}

describe('encaisse report pareto and collectors', () => {
  it('prints the Pareto and the collectors’ weeks as JSON and tables, and refuses a bad share', async () => {
    await importLedger();
    const json = await report('pareto', '--of', 'invoices', '--as-of', '2026-03-15', '--json');
    expect(json.code).toBe(0);
    const pareto = JSON.parse(json.stdout) as {
      currencies: { lines: { invoice: { number: string } }[] }[];
    };
    expect(pareto).toMatchObject({
      asOf: '2026-03-15',
      of: 'invoices',
      share: 80,
      currencies: [
        {
          currency: 'EUR',
          totalCents: 190_000,
          coveredCents: 180_000,
          sharePercent: 94.7,
          setCount: 2,
          itemCount: 3,
        },
      ],
    });
    expect(pareto.currencies[0]?.lines.map((line) => line.invoice.number)).toEqual([
      'FA-1',
      'FA-4',
    ]);
    // By customer: C1 (1 000,00 €) and C2 (900,00 €) are both needed to reach 1 520,00 €.
    const table = await encaisse('--lang', 'fr', '--company', 'acme', 'report', 'pareto');
    expect(table.code).toBe(0);
    expect(table.stdout).toContain('Pareto de l’échu au 15/03/2026, en EUR');
    expect(table.stdout).toContain(
      '2 lignes sur 2 portent 1\u00a0900,00\u00a0€ des 1\u00a0900,00\u00a0€ échus (100,0\u00a0%).',
    );
    expect(table.stdout).toMatch(/C1\s+Alpha SARL\s+1\s000,00\s€\s+52,6\s%/u);
    expect(table.stdout).toMatch(/C2\s+Bêta SA\s+900,00\s€\s+100,0\s%/u);

    const activity = await report('collectors', '--json');
    expect(activity.code).toBe(0);
    expect(JSON.parse(activity.stdout)).toMatchObject({
      from: '2025-12-22',
      to: '2026-03-15',
      collectors: [],
    });
    const quiet = await encaisse('--lang', 'fr', '--company', 'acme', 'report', 'collectors');
    expect(quiet.stdout).toContain(
      'Activité des chargés de recouvrement, semaines du 22/12/2025 au 15/03/2026',
    );
    expect(quiet.stdout).toContain('Aucune activité sur cette période.');

    const refused = await encaisse(
      '--lang',
      'en',
      '--company',
      'acme',
      'report',
      'pareto',
      '--share',
      '0',
    );
    expect(refused.code).toBe(2);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toContain('The share is a whole percentage from 1 to 100: 0');
  });
});
