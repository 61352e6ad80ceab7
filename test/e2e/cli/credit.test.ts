/**
 * `encaisse credit check` as the ERP's batch runs it (docs/credit.md « The credit check »):
 * exit 0 when accepted, 10 when held with the reasons, 4 for an unknown customer, 2 for an
 * amount that is not one; the limit typed in the customers file applies until one is decided.
 */
import { describe, expect, it } from 'vitest';
import { useCli } from './harness.ts';

const { encaisse, file } = useCli();

const check = (...args: string[]) => encaisse('--company', 'acme', 'credit', 'check', ...args);

describe('encaisse credit check', () => {
  it('accepts within the limit, holds over it, and refuses what it cannot answer', async () => {
    expect((await encaisse('db', 'migrate')).code).toBe(0);
    expect(
      (await encaisse('companies', 'create', '--code', 'acme', '--name', 'ACME SAS')).code,
    ).toBe(0);
    const customers = file(
      'customers.csv',
      'code,name,credit_limit\nC1,Boulangerie Martin SARL,1000.00\n',
    );
    expect((await encaisse('--company', 'acme', 'import', 'customers', customers)).code).toBe(0);
    const invoices = file(
      'invoices.csv',
      'number,customer_code,issue_date,due_date,amount,currency,kind\nFA-1,C1,2026-01-05,2026-02-04,600.00,EUR,invoice\n',
    );
    expect((await encaisse('--company', 'acme', 'import', 'invoices', invoices)).code).toBe(0);

    const accepted = await check('--customer', 'c1', '--amount', '300,00');
    expect(accepted.code).toBe(0);
    expect(accepted.stdout.trim()).toBe(
      'Accepted for C1: exposure €900.00 with this order, limit €1,000.00, still available €400.00.',
    );

    const held = await check('--customer', 'C1', '--amount', '400.01', '--json');
    expect(held.code).toBe(10);
    expect(JSON.parse(held.stdout)).toMatchObject({
      decision: 'hold',
      reasons: ['over_limit'],
      exposureCents: 60_000,
      exposureAfterCents: 100_001,
      limitCents: 100_000,
      limitSource: 'account',
    });

    expect((await check('--customer', 'NOBODY', '--amount', '1')).code).toBe(4);
    // No limit decided yet (C1's is only typed on its record): the review walks none.
    const reviewed = await encaisse('--company', 'acme', 'credit', 'review', '--json');
    expect(reviewed.code).toBe(0);
    expect(JSON.parse(reviewed.stdout)).toEqual({
      entities: 0,
      reviewed: 0,
      alertsRaised: 0,
      holdsPlaced: 0,
      holdsReleased: 0,
      ordersValidated: 0,
    });
    expect((await check('--customer', 'C1', '--amount', 'beaucoup')).code).toBe(2);
  });
});
