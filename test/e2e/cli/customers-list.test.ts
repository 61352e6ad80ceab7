import { describe, expect, it } from 'vitest';
import { useCli } from './harness.ts';

const { encaisse, encaisseWithEnv, file } = useCli();

type Listing = {
  items: { code: string; openAmount: number }[];
  total: number;
  totals: {
    currency: string;
    openAmount: number;
    overdueAmount: number;
    customerCount: number;
    amountsCapped: boolean;
  }[];
};

describe('encaisse customers list', () => {
  it("lists one collector's customers, with the encours and totals of every matching row", async () => {
    expect((await encaisse('db', 'migrate')).code).toBe(0);
    expect(
      (await encaisse('companies', 'create', '--code', 'acme', '--name', 'ACME SAS')).code,
    ).toBe(0);
    for (const email of ['anne@acme.test', 'bruno@acme.test']) {
      const created = await encaisse(
        '--company',
        'acme',
        'users',
        'create',
        '--email',
        email,
        '--name',
        email,
        '--role',
        'collector',
      );
      expect(created.code).toBe(0);
    }
    const customers = file(
      'customers.csv',
      [
        'code,name,collector_email',
        'A1,Boulangerie Martin SARL,anne@acme.test',
        'A2,Garage Lefèvre SAS,anne@acme.test',
        'B1,Quincaillerie Petit,bruno@acme.test',
      ].join('\n'),
    );
    expect((await encaisse('--company', 'acme', 'import', 'customers', customers)).code).toBe(0);
    const invoices = file(
      'invoices.csv',
      [
        'number,customer_code,issue_date,due_date,amount,currency,kind',
        'FA-1,A1,2024-01-10,2024-02-09,1234.56,EUR,invoice',
        'FA-2,A2,2024-01-10,2099-02-09,100.00,EUR,invoice',
        'AV-1,A2,2024-01-10,2024-01-10,30.00,EUR,credit_note',
        'FA-3,B1,2024-01-10,2024-02-09,999.00,EUR,invoice',
      ].join('\n'),
    );
    expect((await encaisse('--company', 'acme', 'import', 'invoices', invoices)).code).toBe(0);
    const payments = file(
      'payments.csv',
      'reference,customer_code,date,amount,currency,invoice_number\nVIR-1,A1,2024-02-01,34.56,EUR,\n',
    );
    expect((await encaisse('--company', 'acme', 'import', 'payments', payments)).code).toBe(0);

    const list = async (...args: string[]) => {
      const result = await encaisse('--company', 'acme', 'customers', 'list', ...args, '--json');
      expect(result.stderr).toBe('');
      return JSON.parse(result.stdout) as Listing;
    };
    const anne = await list('--collector', 'Anne@acme.test', '--limit', '1');
    expect(anne.items).toEqual([expect.objectContaining({ code: 'A1', openAmount: 120_000 })]);
    expect(anne.total).toBe(2);
    // The encours: 1 234,56 − 34,56 unapplied, and 100,00 − 30,00; overdue: FA-1 only.
    expect(anne.totals).toEqual([
      {
        currency: 'EUR',
        openAmount: 120_000 + 7_000,
        overdueAmount: 123_456,
        customerCount: 2,
        amountsCapped: false,
      },
    ]);

    // In French, the CLI's default (the harness runs it in English otherwise).
    const text = await encaisseWithEnv(
      { ENCAISSE_LANG: '' },
      '--company',
      'acme',
      'customers',
      'list',
      '--collector',
      'anne@acme.test',
    );
    expect(text.stdout.replace(/\s/g, ' ')).toContain(
      'Total EUR : encours 1 270,00 €, échu 1 234,56 € (2 clients)',
    );
    // One language per output: statuses, days and the footer are French too.
    expect(text.stdout).toMatch(/Statut/);
    expect(text.stdout).toMatch(/ Actif /);
    expect(text.stdout).not.toMatch(/ Active /);
    expect(text.stdout).toContain('765 j');
    expect(text.stdout).toContain('2 sur 2 clients');

    const english = await encaisse('--lang', 'en', '--company', 'acme', 'customers', 'list');
    expect(english.stdout).toMatch(/Status/);
    expect(english.stdout).toMatch(/ Active /);
    expect(english.stdout).toContain('765 d');
    expect(english.stdout).toContain('3 of 3 customers');
    expect(english.stdout.replace(/\s/g, ' ')).toContain(
      'Total EUR: outstanding €2,269.00, overdue €2,233.56 (3 customers)',
    );
    // Amounts right-aligned in English too: `€1,200.00` and `€70.00` end together.
    const rowOf = (code: string) =>
      english.stdout.split('\n').find((line) => line.startsWith(`${code} `)) ?? '';
    const endOf = (line: string, cell: string) => line.indexOf(cell) + cell.length;
    expect(endOf(rowOf('A2'), '€70.00')).toBe(endOf(rowOf('A1'), '€1,200.00'));

    const unknown = await encaisse(
      '--company',
      'acme',
      'customers',
      'list',
      '--collector',
      'nobody@acme.test',
    );
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toContain('nobody@acme.test');
  });
});
