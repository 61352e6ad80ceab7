import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDeps, type Deps } from '../../src/app/deps.ts';
import { customerDirectory } from '../../src/customers/directory.ts';
import { getCustomer, listCustomers } from '../../src/customers/service.ts';
import type { DbHandle } from '../../src/db/client.ts';
import { domainErrorOfDatabase } from '../../src/db/errors.ts';
import { importFile, type ImportOptions } from '../../src/imports/service.ts';
import { upsertInvoicesInTx } from '../../src/ledger/upsert-items.ts';
import { calendarDate } from '../../src/shared/calendar-date.ts';
import { issueMessage } from '../../src/shared/errors.ts';
import { cents } from '../../src/shared/money.ts';
import { fixedClock } from '../../src/shared/clock.ts';
import { openTestRuntime, TEST_NOW } from '../db.ts';
import { makeCompany, makeCustomer } from '../factories.ts';

let handle: DbHandle;
let deps: Deps;

beforeAll(async () => {
  ({ handle, deps } = await openTestRuntime());
});
afterAll(async () => {
  await handle.close();
});

const bytesOf = (text: string) => new TextEncoder().encode(text);

const byCode = { page: 1, pageSize: 10, sort: 'code', order: 'asc' } as const;

/** `count` lines of an invoices file for customer C1, each of `amount`. */
function invoiceLines(count: number, amount: string): string {
  return Array.from(
    { length: count },
    (_, index) => `F${index + 1},C1,2026-03-01,2026-03-31,${amount}\n`,
  ).join('');
}

function options(
  kind: ImportOptions['kind'],
  bytes: Uint8Array,
  extra: Partial<ImportOptions> = {},
): ImportOptions {
  return { kind, bytes, fileName: `${kind}.csv`, dryRun: false, partial: false, ...extra };
}

describe('imports of hostile files', () => {
  it('reads a CRLF header over LF rows as one customer per line', async () => {
    const { ctx } = await makeCompany(deps);

    const report = await importFile(
      deps,
      ctx,
      options('customers', bytesOf('code,name,city\r\nL001,Alpha\nL002,Beta\n')),
    );

    expect(report).toMatchObject({ created: 2, rejected: 0, committed: true, errors: [] });
    const { items } = await listCustomers(deps, ctx, {
      page: 1,
      pageSize: 10,
      sort: 'code',
      order: 'asc',
    });
    expect(items.map((item) => [item.code, item.legalName, item.city])).toEqual([
      ['L001', 'Alpha', null],
      ['L002', 'Beta', null],
    ]);
  });

  it('refuses an amount above the largest accepted (a SIRET pasted into the amount column), by line', async () => {
    const { ctx } = await makeCompany(deps);
    await importFile(deps, ctx, options('customers', bytesOf('code,name\nC1,Alpha\n')));

    const report = await importFile(
      deps,
      ctx,
      options(
        'invoices',
        bytesOf(
          `number,customer_code,issue_date,due_date,amount\n${invoiceLines(2, '73282932000074')}`,
        ),
      ),
    );

    expect(report).toMatchObject({ committed: false, rejected: 2, created: 0 });
    expect(report.errors).toEqual(
      [2, 3].map((line) => ({
        line,
        field: 'amount',
        code: 'invalid_amount',
        message:
          'amount "73282932000074" is not a valid EUR amount ("73282932000074" is above the largest amount accepted, 99999999999.99).',
        params: {
          field: 'amount',
          value: '73282932000074',
          currency: 'EUR',
          figure: '73282932000074',
          digits: 2,
          max: '99999999999.99',
          context: 'above_max',
        },
      })),
    );
    const { items } = await listCustomers(deps, ctx, byCode);
    expect(items.map((item) => [item.code, item.openAmount, item.amountsCapped])).toEqual([
      ['C1', 0, false],
    ]);
  });

  it.each([
    [
      'invoices',
      `number,customer_code,issue_date,due_date,amount\n${invoiceLines(101, '99999999999.99')}`,
      'open invoices',
      'open_invoices',
      'factures ouvertes',
    ],
    [
      'payments',
      `reference,customer_code,date,amount\n${invoiceLines(101, '99999999999.99')
        .replace(/,2026-03-31/g, '')
        .replace(/^F/gm, 'VIR')}`,
      'unapplied payments',
      'unapplied_payments',
      'paiements non affectés',
    ],
  ] as const)(
    'refuses the %s lines that would take a customer past the largest total, by line',
    async (kind, file, total, context, frenchTotal) => {
      const { ctx } = await makeCompany(deps);
      await importFile(deps, ctx, options('customers', bytesOf('code,name\nC1,Alpha\n')));

      const refused = await importFile(deps, ctx, options(kind, bytesOf(file)));
      const partial = await importFile(deps, ctx, options(kind, bytesOf(file), { partial: true }));

      const issue = {
        line: 102,
        field: 'amount',
        code: 'total_too_large',
        message: `With this line the customer's ${total} in EUR would total more than €9,999,999,999,999.99, the largest total accepted.`,
        params: { currency: 'EUR', max: 999_999_999_999_999, context },
      };
      expect(refused).toMatchObject({
        committed: false,
        rejected: 1,
        errors: [issue],
      });
      expect(partial).toMatchObject({
        committed: true,
        created: 100,
        rejected: 1,
        errors: [issue],
      });
      expect(refused.errors.map((refusal) => issueMessage('fr', refusal))).toEqual([
        `Avec cette ligne, les ${frenchTotal} du client en EUR totaliseraient plus de 9\u00a0999\u00a0999\u00a0999\u00a0999,99\u00a0€, le plus grand total accepté.`,
      ]);
      const [customer] = (await listCustomers(deps, ctx, byCode)).items;
      const detail = await getCustomer(deps, ctx, customer?.id ?? '');
      expect(detail.balance).toMatchObject(
        kind === 'invoices'
          ? { invoicesOpen: 999_999_999_999_900, netBalance: 999_999_999_999_900 }
          : { unappliedCash: 999_999_999_999_900, netBalance: -999_999_999_999_900 },
      );
      expect(detail.balance.amountsCapped).toBe(false);
    },
  );

  it('the database refuses an amount past the largest from any writer, and says why', async () => {
    const { ctx } = await makeCompany(deps);
    const customer = await makeCustomer(deps, ctx);

    const failure = await deps.db
      .transaction()
      .execute((tx) =>
        upsertInvoicesInTx(deps, tx, ctx, [
          {
            customerId: customer.id,
            kind: 'invoice',
            number: 'F1',
            issueDate: calendarDate('2026-03-01'),
            dueDate: calendarDate('2026-03-31'),
            amountCents: cents(10_000_000_000_000),
            currency: 'EUR',
          },
        ]),
      )
      .then(
        () => undefined,
        (error: unknown) => error,
      );

    expect(domainErrorOfDatabase(failure)).toMatchObject({
      code: 'invalid',
      reason: 'invoice_amount_too_large',
      message: 'An invoice or credit note amount is above the largest accepted, 99999999999.99',
      issues: [
        {
          field: 'amount',
          code: 'amount_too_large',
          message: 'The amount is above the largest accepted, 99999999999.99',
          params: { max: '99999999999.99' },
        },
      ],
    });
  });

  it('a customer whose stored items pass the bounds (written before them) shows capped figures; the list still answers', async () => {
    const { ctx } = await makeCompany(deps);
    const over = await makeCustomer(deps, ctx, { code: 'A-OVER' });
    await makeCustomer(deps, ctx, { code: 'B-FINE' });

    // What the issue's database holds: two amounts of 73 282 932 000 074,00 €, written
    // before the bounds. Rolled back after the reads, constraints included.
    const seen = await deps.db
      .transaction()
      .execute(async (tx) => {
        for (const constraint of [
          'invoice_amount_cents_max_check',
          'customer_open_balance_open_cents_check',
        ]) {
          await sql`ALTER TABLE ${sql.table(constraint.startsWith('invoice') ? 'invoice' : 'customer_open_balance')} DROP CONSTRAINT IF EXISTS ${sql.ref(constraint)}`.execute(
            tx,
          );
        }
        await upsertInvoicesInTx(deps, tx, ctx, invoicesOf(over.id, 7_328_293_200_007_400, 2));
        const inTx = createDeps(tx, { customers: customerDirectory, clock: fixedClock(TEST_NOW) });
        const seen = {
          list: (await listCustomers(inTx, ctx, byCode)).items.map((item) => [
            item.code,
            item.openAmount,
            item.overdueAmount,
            item.amountsCapped,
          ]),
          byOverdue: (
            await listCustomers(inTx, ctx, { ...byCode, sort: 'overdue_amount', order: 'desc' })
          ).items.map((item) => item.code),
          balance: (await getCustomer(inTx, ctx, over.id)).balance,
        };
        throw new RollbackWith(seen);
      })
      .catch((error: unknown) => (error instanceof RollbackWith ? error.value : error));

    expect(seen).toEqual({
      list: [
        ['A-OVER', 999_999_999_999_999, 999_999_999_999_999, true],
        ['B-FINE', 0, 0, false],
      ],
      byOverdue: ['A-OVER', 'B-FINE'],
      balance: {
        currency: 'EUR',
        invoicesOpen: 999_999_999_999_999,
        overdue: 999_999_999_999_999,
        creditNotesOpen: 0,
        unappliedCash: 0,
        netBalance: 999_999_999_999_999,
        amountsCapped: true,
      },
    });
  });
});

/** Thrown to roll a transaction back, carrying what was read in it. */
class RollbackWith extends Error {
  readonly value: unknown;

  constructor(value: unknown) {
    super('rollback');
    this.value = value;
  }
}

/** `count` invoices of `amount` cents for one customer, due before the tests' today. */
function invoicesOf(customerId: string, amount: number, count: number) {
  return Array.from({ length: count }, (_, index) => ({
    customerId,
    kind: 'invoice' as const,
    number: `BIG-${index + 1}`,
    issueDate: calendarDate('2026-01-01'),
    dueDate: calendarDate('2026-01-31'),
    amountCents: cents(amount),
    currency: 'EUR',
  }));
}
