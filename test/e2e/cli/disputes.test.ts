import { describe, expect, it } from 'vitest';
import { useCli } from './harness.ts';

const { encaisse, file } = useCli();

type Summary = {
  id: string;
  reference: string;
  amountCents: number;
  status: string;
  outcome: string | null;
};

describe('encaisse disputes open|list|resolve', () => {
  it('opens a dispute on part of an invoice, lists it and resolves it by its reference', async () => {
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
        'FA-1,C1,2026-01-10,2026-02-10,500.00,EUR,invoice',
      ].join('\n'),
    );
    expect((await encaisse('--company', 'acme', 'import', 'invoices', invoices)).code).toBe(0);

    const above = await encaisse(
      '--company',
      'acme',
      'disputes',
      'open',
      '--invoice',
      'FA-1',
      '--amount',
      '500,01',
      '--cause',
      'price',
    );
    expect(above.code).not.toBe(0);
    expect(above.stderr).toContain('500.00');

    const opened = await encaisse(
      '--company',
      'acme',
      'disputes',
      'open',
      '--invoice',
      'FA-1',
      '--amount',
      '120,50',
      '--cause',
      'price',
      '--json',
    );
    expect(opened.code).toBe(0);
    const dispute = JSON.parse(opened.stdout) as Summary;
    expect(dispute).toMatchObject({ reference: 'LIT-000001', amountCents: 12_050, status: 'open' });

    const listed = await encaisse(
      '--company',
      'acme',
      'disputes',
      'list',
      '--status',
      'open',
      '--json',
    );
    expect(
      (JSON.parse(listed.stdout) as { items: Summary[] }).items.map((item) => item.id),
    ).toEqual([dispute.id]);
    const table = await encaisse('--lang', 'fr', '--company', 'acme', 'disputes', 'list');
    expect(table.stdout).toMatch(/LIT-000001\s+C1\s+Prix\s+120,50\s€\s+ouvert/u);

    const resolved = await encaisse(
      '--company',
      'acme',
      'disputes',
      'resolve',
      'LIT-000001',
      '--outcome',
      'rejected',
      '--json',
    );
    expect(resolved.code).toBe(0);
    expect(JSON.parse(resolved.stdout)).toMatchObject({ status: 'resolved', outcome: 'rejected' });
    const twice = await encaisse(
      '--lang',
      'en',
      '--company',
      'acme',
      'disputes',
      'resolve',
      dispute.id,
      '--outcome',
      'rejected',
    );
    expect(twice.code).not.toBe(0);
    expect(twice.stderr).toContain('The dispute LIT-000001 is already resolved');
  });
});
