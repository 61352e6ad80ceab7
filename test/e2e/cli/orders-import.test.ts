/**
 * `encaisse import orders FILE` in a child process (issue 12): the report as JSON with what
 * the credit check made of the orders, a dry run that says what it would do and saves
 * nothing, a re-import that changes nothing, and a refused line that saves nothing (exit 2).
 */
import { describe, expect, it } from 'vitest';
import { useCli } from './harness.ts';

const { encaisse, file } = useCli();

const ORDERS = [
  'number,customer_code,order_date,amount,expected_delivery_date,prices_agreed',
  'CMD-1,C1,2026-03-10,600.00,2026-04-01,oui',
  'CMD-2,C1,2026-03-11,300.00,,non',
  'CMD-3,C1,2026-03-12,200.00,,',
  'CMD-4,C2,2026-03-12,50.00,,',
].join('\n');

describe('encaisse import orders', () => {
  it('checks each order on credit, says so, and re-imports as a no-op', async () => {
    expect((await encaisse('db', 'migrate', '--json')).code).toBe(0);
    expect(
      (await encaisse('companies', 'create', '--code', 'erp', '--name', 'ERP Client SAS')).code,
    ).toBe(0);
    const customers = file('customers.csv', 'code,name,credit_limit\nC1,Alpha,1000.00\nC2,Beta,\n');
    expect((await encaisse('--company', 'erp', 'import', 'customers', customers)).code).toBe(0);
    const orders = file('orders.csv', ORDERS);

    const dryRun = await encaisse('--company', 'erp', 'import', 'orders', orders, '--dry-run');
    expect(dryRun.code).toBe(0);
    expect(dryRun.stdout).toBe(
      [
        'orders.csv: 4 rows — would be 4 created, 0 updated, 0 unchanged, 0 rejected (dry run: nothing saved)',
        '  credit check of the orders created: 3 validated, 1 held',
        '',
      ].join('\n'),
    );

    const imported = await encaisse('--company', 'erp', 'import', 'orders', orders, '--json');
    expect(imported.code).toBe(0);
    expect(JSON.parse(imported.stdout)).toMatchObject({
      kind: 'orders',
      file: 'orders.csv',
      committed: true,
      rows: 4,
      created: 4,
      unchanged: 0,
      rejected: 0,
      orders: { validated: 3, held: 1 },
      errors: [],
    });

    const again = await encaisse('--company', 'erp', 'import', 'orders', orders, '--json');
    expect(JSON.parse(again.stdout)).toMatchObject({
      committed: true,
      created: 0,
      unchanged: 4,
      orders: { validated: 0, held: 0 },
    });
  });

  it('refuses a file with a changed order or an unknown customer, saving nothing (exit 2)', async () => {
    const bad = file(
      'orders-bad.csv',
      [
        'number,customer_code,order_date,amount',
        'CMD-1,C1,2026-03-10,650.00',
        'CMD-9,C9,2026-03-10,10.00',
        'CMD-10,C2,2026-03-10,10.00',
      ].join('\n'),
    );

    const refused = await encaisse('--company', 'erp', 'import', 'orders', bad, '--json');

    expect(refused.code).toBe(2);
    const report = JSON.parse(refused.stdout) as {
      committed: boolean;
      errors: { line: number; field: string; code: string }[];
    };
    expect(report.committed).toBe(false);
    expect(report.errors.map((issue) => [issue.line, issue.field, issue.code])).toEqual([
      [2, 'amount', 'order_changed'],
      [3, 'customer_code', 'unknown_customer'],
    ]);
    const said = await encaisse('--company', 'erp', 'import', 'orders', bad);
    expect(said.stderr).toContain(
      'line 2, amount: Order CMD-1 was received already with another value here',
    );
  });
});
