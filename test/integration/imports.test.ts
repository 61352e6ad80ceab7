import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deps } from '../../src/app/deps.ts';
import { getCustomer, getCustomerTimeline, listCustomers } from '../../src/customers/service.ts';
import type { DbHandle } from '../../src/db/client.ts';
import { importFile, type ImportOptions } from '../../src/imports/service.ts';
import { listInvoices } from '../../src/ledger/invoice-lists.ts';
import { issueMessage } from '../../src/shared/errors.ts';
import { openTestRuntime } from '../db.ts';
import { makeCompany, makeUser } from '../factories.ts';

let handle: DbHandle;
let deps: Deps;

beforeAll(async () => {
  ({ handle, deps } = await openTestRuntime());
});
afterAll(async () => {
  await handle.close();
});

const page = { page: 1, pageSize: 50 } as const;
const csv = (text: string) => new TextEncoder().encode(text);

function options(
  kind: ImportOptions['kind'],
  bytes: Uint8Array,
  extra: Partial<ImportOptions> = {},
): ImportOptions {
  return { kind, bytes, fileName: `${kind}.csv`, dryRun: false, partial: false, ...extra };
}

describe('imports', () => {
  it('creates customers with their billing contact and collector, then re-import changes nothing', async () => {
    const { ctx } = await makeCompany(deps);
    const collector = await makeUser(deps, ctx, 'collector');
    const file = csv(
      `code,name,siren,city,payment_terms,email,phone,collector_email,credit_limit\nC1,Boulangerie Martin SARL,732829320,Lyon,45 jours fin de mois,compta@martin.fr,04 72 00 00 00,${collector.email},"15 000,00"\n`,
    );
    const first = await importFile(deps, ctx, options('customers', file));
    expect(first).toMatchObject({
      created: 1,
      updated: 0,
      unchanged: 0,
      rejected: 0,
      committed: true,
    });
    const again = await importFile(deps, ctx, options('customers', file));
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 1, committed: true });

    const [summary] = (await listCustomers(deps, ctx, { ...page, sort: 'code', order: 'asc' }))
      .items;
    const detail = await getCustomer(deps, ctx, summary?.id ?? '');
    expect(detail).toMatchObject({
      siren: '732829320',
      paymentTerms: { code: 'eom:45', label: '45 jours fin de mois', exceedsLegalMaximum: false },
      creditLimit: 1_500_000,
      collector: { id: collector.id },
      billingAddress: { city: 'Lyon', country: 'FR' },
    });
    expect(detail.contacts).toEqual([
      expect.objectContaining({
        role: 'billing',
        email: 'compta@martin.fr',
        phone: '04 72 00 00 00',
      }),
    ]);
  });

  it('updates only the columns the file carries and records what changed', async () => {
    const { ctx } = await makeCompany(deps);
    await importFile(
      deps,
      ctx,
      options('customers', csv('code,name,city,payment_terms\nC1,Garage Dupuis,Paris,60 jours\n')),
    );
    const report = await importFile(
      deps,
      ctx,
      options('customers', csv('code,name,city\nC1,Garage Dupuis SAS,Paris\n')),
    );
    expect(report).toMatchObject({ updated: 1 });
    const [summary] = (await listCustomers(deps, ctx, { ...page, sort: 'code', order: 'asc' }))
      .items;
    const detail = await getCustomer(deps, ctx, summary?.id ?? '');
    expect(detail.legalName).toBe('Garage Dupuis SAS');
    expect(detail.paymentTerms.code).toBe('net:60');
    const [latest] = await getCustomerTimeline(deps, ctx, detail.id);
    expect(latest).toMatchObject({
      action: 'customer.updated',
      data: { changes: { legalName: { from: 'Garage Dupuis', to: 'Garage Dupuis SAS' } } },
    });
  });

  it('imports nothing when one line is bad, unless partial', async () => {
    const { ctx } = await makeCompany(deps);
    await importFile(deps, ctx, options('customers', csv('code,name\nC1,Alpha\n')));
    const invoices = csv(
      'number,customer_code,issue_date,due_date,amount,currency\nFA-1,C1,2026-01-05,2026-02-04,100.00,EUR\nFA-2,C1,2026-01-06,2026-02-05,100.00,EUR\nFA-1,C1,2026-01-05,2026-02-04,100.00,EUR\n',
    );
    const refused = await importFile(deps, ctx, options('invoices', invoices));
    expect(refused).toMatchObject({ committed: false, rejected: 1 });
    expect(refused.errors).toEqual([
      expect.objectContaining({ line: 4, code: 'duplicate_in_file' }),
    ]);
    expect((await listInvoices(deps, ctx, { ...page, sort: 'number', order: 'asc' })).total).toBe(
      0,
    );

    const partial = await importFile(deps, ctx, options('invoices', invoices, { partial: true }));
    expect(partial).toMatchObject({ committed: true, created: 2, rejected: 1 });
  });

  it('reads an Excel workbook the same way as a CSV', async () => {
    const { ctx } = await makeCompany(deps);
    await importFile(
      deps,
      ctx,
      options('customers', csv('code,name,payment_terms\nC7,Menuiserie Roche,30 jours\n')),
    );
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Factures');
    sheet.addRow(['N° facture', 'Code client', 'Date facture', 'Montant TTC', 'Devise']);
    sheet.addRow(['FA-77', 'C7', new Date(Date.UTC(2026, 1, 10)), 1234.56, 'EUR']);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const report = await importFile(deps, ctx, {
      ...options('invoices', bytes),
      fileName: 'factures.xlsx',
    });
    expect(report).toMatchObject({ format: 'xlsx', created: 1, rejected: 0, committed: true });
    const { items } = await listInvoices(deps, ctx, { ...page, sort: 'number', order: 'asc' });
    // No due date in the file: 30 days net from the customer's terms.
    expect(items.map((i) => [i.number, i.issueDate, i.dueDate, i.amount])).toEqual([
      ['FA-77', '2026-02-10', '2026-03-12', 123_456],
    ]);
  });

  it('dry-run reports what would happen and saves nothing', async () => {
    const { ctx } = await makeCompany(deps);
    const report = await importFile(
      deps,
      ctx,
      options('customers', csv('code,name\nC1,Alpha\nC2,Beta\n'), { dryRun: true }),
    );
    expect(report).toMatchObject({ created: 2, committed: false, dryRun: true });
    expect((await listCustomers(deps, ctx, { ...page, sort: 'code', order: 'asc' })).total).toBe(0);
  });

  it('refuses a payment for an unknown invoice or another customer’s invoice, by line', async () => {
    const { ctx } = await makeCompany(deps);
    await importFile(deps, ctx, options('customers', csv('code,name\nC1,Alpha\nC2,Beta\n')));
    await importFile(
      deps,
      ctx,
      options(
        'invoices',
        csv(
          'number,customer_code,issue_date,due_date,amount\nFA-1,C1,2026-01-05,2026-02-04,100.00\n',
        ),
      ),
    );
    const report = await importFile(
      deps,
      ctx,
      options(
        'payments',
        csv(
          'reference,customer_code,date,amount,invoice_number\nP1,C2,2026-02-01,10.00,FA-1\nP2,C1,2026-02-01,10.00,FA-9\nP3,C1,2026-02-01,10.00,FA-1\n',
        ),
      ),
    );
    expect(report.errors).toEqual([
      {
        line: 2,
        field: 'invoice_number',
        code: 'other_customer',
        message: 'Payment P1 belongs to another customer than invoice FA-1',
        params: { number: 'FA-1', source: 'P1', context: 'payment' },
      },
      {
        line: 3,
        field: 'invoice_number',
        code: 'unknown_invoice',
        message: 'Invoice FA-9 does not exist',
        params: { number: 'FA-9' },
      },
    ]);
    // The report's reader hears them in French from the codes and parameters.
    expect(report.errors.map((issue) => issueMessage('fr', issue))).toEqual([
      "L'encaissement P1 appartient à un autre client que la facture FA-1",
      "La facture FA-9 n'existe pas",
    ]);
    expect(report.committed).toBe(false);
  });
});
