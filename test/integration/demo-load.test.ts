import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { cliContext } from '../../src/app/context.ts';
import type { Deps } from '../../src/app/deps.ts';
import { verifyAuditTrail } from '../../src/audit/service.ts';
import { inBulkTransaction } from '../../src/db/bulk-copy.ts';
import type { DbHandle } from '../../src/db/client.ts';
import { loadAsOnlyCompany } from '../../src/db/rebuilt-indexes.ts';
import { loadDemo, type DemoProgress, type DemoResult } from '../../src/demo/load-demo.ts';
import { disputeReport } from '../../src/disputes/reports.ts';
import { openTestRuntime } from '../db.ts';
import { makeCompany, makeCustomer } from '../factories.ts';
import { findLedgerInconsistencies } from '../ledger-invariants.ts';

const opened: DbHandle[] = [];

async function freshRuntime(): Promise<{ handle: DbHandle; deps: Deps }> {
  const runtime = await openTestRuntime();
  opened.push(runtime.handle);
  return runtime;
}

afterEach(async () => {
  await Promise.all(opened.splice(0).map((handle) => handle.close()));
});

/** Every key, constraint and index of the schema as the catalog defines it. */
async function schemaOf(handle: DbHandle) {
  const constraints = await sql<{
    table: string;
    name: string;
    definition: string;
    valid: boolean;
  }>`
    SELECT conrelid::regclass::text AS table, conname AS name,
           pg_get_constraintdef(oid) AS definition, convalidated AS valid
      FROM pg_constraint
     WHERE connamespace = 'public'::regnamespace
     ORDER BY 1, 2`.execute(handle.db);
  const indexes = await sql<{ name: string; definition: string }>`
    SELECT indexname AS name, indexdef AS definition
      FROM pg_indexes WHERE schemaname = 'public' ORDER BY 1`.execute(handle.db);
  return { constraints: constraints.rows, indexes: indexes.rows };
}

/** The demo company's ledger, whatever its company id: ids and amounts of every row. */
async function fingerprintOf(handle: DbHandle, companyId: string) {
  const result = await sql<{ table: string; rows: number; digest: string }>`
    SELECT 'customer' AS table, count(*)::int AS rows,
           md5(string_agg(concat_ws('|', id, code, legal_name, collector_user_id IS NULL, status), ',' ORDER BY id)) AS digest
      FROM customer WHERE company_id = ${companyId}
    UNION ALL
    SELECT 'contact', count(*)::int, md5(string_agg(concat_ws('|', id, customer_id, email), ',' ORDER BY id))
      FROM customer_contact WHERE company_id = ${companyId}
    UNION ALL
    SELECT 'invoice', count(*)::int,
           md5(string_agg(concat_ws('|', id, number, due_date, amount_cents, open_cents, status), ',' ORDER BY id))
      FROM invoice WHERE company_id = ${companyId}
    UNION ALL
    SELECT 'payment', count(*)::int,
           md5(string_agg(concat_ws('|', id, reference, amount_cents, unapplied_cents), ',' ORDER BY id))
      FROM payment WHERE company_id = ${companyId}
    UNION ALL
    SELECT 'allocation', count(*)::int,
           md5(string_agg(concat_ws('|', id, invoice_id, payment_id, credit_note_id, amount_cents), ',' ORDER BY id))
      FROM allocation WHERE company_id = ${companyId}
    UNION ALL
    SELECT 'balance', count(*)::int, md5(string_agg(concat_ws('|', customer_id, open_cents), ',' ORDER BY customer_id))
      FROM customer_open_balance WHERE company_id = ${companyId} AND open_cents <> 0
    UNION ALL
    SELECT 'dispute', count(*)::int,
           md5(string_agg(concat_ws('|', id, reference, customer_id, cause, amount_cents, department_id, status, outcome, raised_on, resolved_on), ',' ORDER BY id))
      FROM dispute WHERE company_id = ${companyId}
    UNION ALL
    SELECT 'dispute_invoice', count(*)::int,
           md5(string_agg(concat_ws('|', dispute_id, invoice_id, disputed_cents, is_open), ',' ORDER BY dispute_id, invoice_id))
      FROM dispute_invoice WHERE company_id = ${companyId}
    UNION ALL
    SELECT 'dispute_comment', count(*)::int,
           md5(string_agg(concat_ws('|', id, dispute_id, author_kind, body), ',' ORDER BY id))
      FROM dispute_comment WHERE company_id = ${companyId}
    UNION ALL
    SELECT 'event', count(*)::int, md5(string_agg(concat_ws('|', action, entity_id), ',' ORDER BY entity_id, action))
      FROM event WHERE company_id = ${companyId} AND action = 'customer.created'`.execute(
    handle.db,
  );
  return result.rows;
}

describe('loading the demo', () => {
  it('into an empty database: one transaction, and the schema comes back exactly as migrated', async () => {
    const { handle, deps } = await freshRuntime();
    const before = await schemaOf(handle);
    const phases: Parameters<DemoProgress>[0]['phase'][] = [];

    const demo = await loadDemo(handle, deps, {
      size: 'S',
      seed: 7,
      operator: 'tester',
      onProgress: (progress) => phases.push(progress.phase),
    });

    expect(await schemaOf(handle)).toEqual(before);
    expect(before.constraints.every((constraint) => constraint.valid)).toBe(true);
    expect(phases.at(-1)).toBe('indexes');
    expect(phases.filter((phase) => phase === 'indexes')).toHaveLength(1);
    const counts = await fingerprintOf(handle, demo.company.id);
    expect(counts.find((row) => row.table === 'invoice')?.rows).toBe(demo.counts.invoices);
    expect(counts.find((row) => row.table === 'payment')?.rows).toBe(demo.counts.payments);
    expect(counts.find((row) => row.table === 'allocation')?.rows).toBe(demo.counts.allocations);
    expect(demo.counts.invoices).toBeGreaterThan(5_000);
    // The kept balances (open items and unapplied cash) hold after a load with triggers on.
    expect(await findLedgerInconsistencies(handle.db, demo.company.id)).toEqual([]);
    // Its customers' creation, the team (6) and the load itself, numbered and chained.
    expect(await verifyAuditTrail(deps, cliContext(demo.company.id, 'tester'))).toMatchObject({
      ok: true,
      events: demo.counts.customers + 7,
    });
    await expectLiveDisputes(handle, deps, demo);
  });

  it('beside another company: batch by batch, the same ledger as into an empty database', async () => {
    const empty = await freshRuntime();
    const shared = await freshRuntime();
    const other = await makeCompany(shared.deps);
    await makeCustomer(shared.deps, other.ctx, { code: 'C00001', legalName: 'Voisin SA' });
    const phases: Parameters<DemoProgress>[0]['phase'][] = [];

    const whole = await loadDemo(empty.handle, empty.deps, {
      size: 'S',
      seed: 3,
      operator: 'tester',
    });
    const batched = await loadDemo(shared.handle, shared.deps, {
      size: 'S',
      seed: 3,
      operator: 'tester',
      onProgress: (progress) => phases.push(progress.phase),
    });

    expect(phases).not.toContain('indexes');
    expect(batched.counts).toEqual(whole.counts);
    expect(await findLedgerInconsistencies(shared.handle.db, batched.company.id)).toEqual([]);
    expect(await fingerprintOf(shared.handle, batched.company.id)).toEqual(
      await fingerprintOf(empty.handle, whole.company.id),
    );
    const neighbour = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM customer WHERE company_id = ${other.company.id}`.execute(
      shared.handle.db,
    );
    expect(neighbour.rows[0]?.n).toBe(1);
    expect(
      await verifyAuditTrail(shared.deps, cliContext(batched.company.id, 'tester')),
    ).toMatchObject({ ok: true, events: batched.counts.customers + 7 });
  });
});

/**
 * The demo's disputes (src/demo/demo-disputes.ts): a few % of the invoices, about half still
 * open on open invoices and holding back no more than is open, numbered LIT-000001… with the
 * counter on the last, over the four departments, some past their deadline; the report alive.
 */
async function expectLiveDisputes(handle: DbHandle, deps: Deps, demo: DemoResult) {
  const companyId = demo.company.id;
  const { total, open } = demo.disputes;
  expect(total / demo.counts.invoices).toBeGreaterThan(0.015);
  expect(total / demo.counts.invoices).toBeLessThan(0.04);
  expect(open / total).toBeGreaterThan(0.35);
  expect(open / total).toBeLessThan(0.65);
  const facts = await sql<{
    references: number;
    first: string;
    last: string;
    counter: number;
    open_on_paid: number;
    above_open: number;
    departments: number;
    department_emails: number;
    partial: number;
    comments: number;
  }>`
    SELECT
      (SELECT count(DISTINCT reference)::int FROM dispute WHERE company_id = ${companyId}) AS references,
      (SELECT min(reference) FROM dispute WHERE company_id = ${companyId}) AS first,
      (SELECT max(reference) FROM dispute WHERE company_id = ${companyId}) AS last,
      (SELECT last_number FROM dispute_counter WHERE company_id = ${companyId}) AS counter,
      (SELECT count(*)::int FROM dispute_invoice di
         JOIN invoice i ON i.company_id = di.company_id AND i.id = di.invoice_id
        WHERE di.company_id = ${companyId} AND di.is_open AND i.open_cents = 0) AS open_on_paid,
      (SELECT count(*)::int FROM dispute_invoice di
         JOIN invoice i ON i.company_id = di.company_id AND i.id = di.invoice_id
        WHERE di.company_id = ${companyId} AND di.is_open AND di.disputed_cents > i.open_cents) AS above_open,
      (SELECT count(*)::int FROM department WHERE company_id = ${companyId}) AS departments,
      (SELECT count(*)::int FROM department WHERE company_id = ${companyId}
          AND default_assignee_email LIKE '%.example' AND manager_email LIKE '%.example') AS department_emails,
      (SELECT count(*)::int FROM dispute_invoice WHERE company_id = ${companyId} AND disputed_cents IS NOT NULL) AS partial,
      (SELECT count(*)::int FROM dispute_comment WHERE company_id = ${companyId}) AS comments`.execute(
    handle.db,
  );
  const row = facts.rows[0];
  expect(row).toMatchObject({
    references: total,
    first: 'LIT-000001',
    last: `LIT-${String(total).padStart(6, '0')}`,
    counter: total,
    open_on_paid: 0,
    above_open: 0,
    departments: 4,
    department_emails: 4,
  });
  expect(row?.partial).toBeGreaterThan(total / 5);
  expect(row?.comments).toBeGreaterThan(total);
  const report = await disputeReport(deps, cliContext(companyId, 'tester'));
  expect(
    report.openByDepartment.map((line) => line.department?.name ?? '(none)').toSorted(),
  ).toEqual(['(none)', 'Commercial', 'Facturation', 'Logistique', 'Production']);
  const overdue = report.openByDepartment.reduce((sum, line) => sum + line.overdueCount, 0);
  expect(overdue).toBeGreaterThan(0);
  expect(overdue).toBeLessThan(open / 2);
  expect(report.resolutionByCause.length).toBeGreaterThan(5);
  expect(report.recurringByCustomer.length).toBeGreaterThan(0);
  expect(report.recurringBySalesRep.length).toBeGreaterThan(0);
  expect(report.blocked[0]?.disputeCount).toBe(open);
}

describe('loadAsOnlyCompany', () => {
  const TABLES = ['customer', 'invoice'];

  /** A company and a customer's worth of COPY rows, with whatever invoice rows the case needs. */
  async function attempt(handle: DbHandle, deps: Deps, invoices: (string | number)[][]) {
    const { company } = await makeCompany(deps);
    const customerId = '0195d4a0-0000-7000-8000-000000000001';
    const row = (values: (string | number)[]) => [company.id, ...values];
    return inBulkTransaction(handle, (session) =>
      loadAsOnlyCompany(session, { companyId: company.id, tables: TABLES }, async () => {
        await session.copyText(
          'customer',
          ['company_id', 'id', 'code', 'legal_name'],
          `${row([customerId, 'C1', 'Client'].map(String)).join('\t')}\n`,
          { freeze: true },
        );
        await session.copyText(
          'invoice',
          [
            'company_id',
            'id',
            'customer_id',
            'number',
            'issue_date',
            'due_date',
            'amount_cents',
            'currency',
            'open_cents',
            'status',
          ],
          invoices.map((values) => `${row(values).join('\t')}\n`).join(''),
          { freeze: true },
        );
      }),
    );
  }

  const invoice = (id: string, customerId: string, number: string) => [
    id,
    customerId,
    number,
    '2026-01-10',
    '2026-02-09',
    10_000,
    'EUR',
    10_000,
    'open',
  ];
  const KNOWN = '0195d4a0-0000-7000-8000-000000000001';
  const UNKNOWN = '0195d4a0-0000-7000-8000-0000000000ff';

  it.each([
    [
      'an invoice of an unknown customer',
      [invoice('0195d4a0-0000-7000-8000-00000000a001', UNKNOWN, 'FA-1')],
      /foreign key/,
    ],
    [
      'a duplicate invoice number',
      [
        invoice('0195d4a0-0000-7000-8000-00000000a001', KNOWN, 'FA-1'),
        invoice('0195d4a0-0000-7000-8000-00000000a002', KNOWN, 'FA-1'),
      ],
      /duplicate key|unique/,
    ],
  ])(
    'refuses %s when rebuilding, and leaves the schema and the tables as they were',
    async (_, rows, message) => {
      const { handle, deps } = await freshRuntime();
      const before = await schemaOf(handle);

      await expect(attempt(handle, deps, rows)).rejects.toThrow(message);

      expect(await schemaOf(handle)).toEqual(before);
      const left = await sql<{ n: number }>`
      SELECT (SELECT count(*) FROM customer) + (SELECT count(*) FROM invoice) AS n`.execute(
        handle.db,
      );
      expect(Number(left.rows[0]?.n)).toBe(0);
    },
  );

  it('loads nothing and changes nothing when another company has rows', async () => {
    const { handle, deps } = await freshRuntime();
    const { ctx } = await makeCompany(deps);
    await makeCustomer(deps, ctx);
    const { company } = await makeCompany(deps);
    const before = await schemaOf(handle);
    let called = false;

    const loaded = await inBulkTransaction(handle, (session) =>
      loadAsOnlyCompany(session, { companyId: company.id, tables: TABLES }, async () => {
        called = true;
      }),
    );

    expect(loaded).toBe(false);
    expect(called).toBe(false);
    expect(await schemaOf(handle)).toEqual(before);
  });
});
