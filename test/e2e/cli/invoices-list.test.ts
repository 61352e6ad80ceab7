import { describe, expect, it } from 'vitest';
import { useCli } from './harness.ts';

const { encaisse, file } = useCli();

type Listing = {
  items: { number: string; status: string }[];
  total: number;
  totals: {
    currency: string;
    count: number;
    amount: number;
    openAmount: number;
    overdueAmount: number;
  }[];
};

describe('encaisse invoices list', () => {
  it('opens on what is open, the oldest overdue first, searches by number and prints its totals', async () => {
    expect((await encaisse('db', 'migrate')).code).toBe(0);
    expect(
      (await encaisse('companies', 'create', '--code', 'acme', '--name', 'ACME SAS')).code,
    ).toBe(0);
    const customers = file('customers.csv', 'code;raison_sociale\nC1;Boulangerie Martin SARL\n');
    expect((await encaisse('--company', 'acme', 'import', 'customers', customers)).code).toBe(0);
    const invoices = file(
      'invoices.csv',
      [
        'number,customer_code,issue_date,due_date,amount,currency,kind',
        'FA-2026-2,C1,2026-03-01,2026-04-30,50.00,EUR,invoice',
        'FA-2024-9,C1,2024-01-10,2024-02-09,99.00,EUR,invoice',
        'FA-2025-1,C1,2025-11-01,2025-12-01,200.00,EUR,invoice',
      ].join('\n'),
    );
    expect((await encaisse('--company', 'acme', 'import', 'invoices', invoices)).code).toBe(0);
    const payments = file(
      'payments.csv',
      'reference,customer_code,date,amount,currency,invoice_number\nVIR-1,C1,2024-02-01,99.00,EUR,FA-2024-9\n',
    );
    expect((await encaisse('--company', 'acme', 'import', 'payments', payments)).code).toBe(0);

    const list = async (...args: string[]) => {
      const result = await encaisse('--company', 'acme', 'invoices', 'list', ...args, '--json');
      expect(result.stderr).toBe('');
      return JSON.parse(result.stdout) as Listing;
    };
    const open = await list();
    expect(open.items.map((item) => item.number)).toEqual(['FA-2025-1', 'FA-2026-2']);
    expect(open.totals).toEqual([
      {
        currency: 'EUR',
        count: 2,
        amount: 25_000,
        openAmount: 25_000,
        overdueAmount: 20_000,
        amountsCapped: false,
      },
    ]);
    // --limit prints fewer rows; the totals stay those of every matching row.
    const one = await list('--limit', '1');
    expect([one.items.length, one.total, one.totals[0]?.count]).toEqual([1, 2, 2]);
    expect((await list('--status', 'all')).items.map((item) => item.number)).toEqual([
      'FA-2024-9',
      'FA-2025-1',
      'FA-2026-2',
    ]);
    expect((await list('--search', 'fa-2026')).items.map((item) => item.number)).toEqual([
      'FA-2026-2',
    ]);

    const table = await encaisse('--lang', 'fr', '--company', 'acme', 'invoices', 'list');
    expect(table.code).toBe(0);
    const text = table.stdout.replace(/\s+/g, ' ');
    expect(text).not.toContain('FA-2024-9');
    expect(text).toMatch(/Total EUR 2 pièces 250,00 € 250,00 € 200,00 €/);
  });
});
