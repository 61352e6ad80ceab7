/**
 * The dispute report on a real database (docs/disputes.md « Reports »): a hand-made set of
 * open and resolved disputes over three customers, two departments, two currencies and a
 * year and more, read on today and on a past day, with exact counts, amounts, age classes,
 * average days, held-back amounts (a partial part, a whole invoice, a part capped at what a
 * payment left open) and the recurring causes; an empty company; who may read it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ctx } from '../../src/app/context.ts';
import type { Deps } from '../../src/app/deps.ts';
import type { TCustomerDetail } from '../../src/customers/schemas.ts';
import type { DbHandle } from '../../src/db/client.ts';
import { disputeReport } from '../../src/disputes/reports.ts';
import { listInvoicesByIds } from '../../src/ledger/service.ts';
import { calendarDate } from '../../src/shared/calendar-date.ts';
import { ForbiddenError } from '../../src/shared/errors.ts';
import { openTestRuntime } from '../db.ts';
import {
  addDepartment,
  addDispute,
  invoiceIdsByNumber,
  type DepartmentRef,
  type DisputeRowSpec,
} from '../dispute-rows.ts';
import { makeCompany, makeCustomer, makeInvoices, makePayment } from '../factories.ts';

let handle: DbHandle;
let deps: Deps;

beforeAll(async () => {
  ({ handle, deps } = await openTestRuntime());
});
afterAll(async () => {
  await handle.close();
});

type Spec = Omit<DisputeRowSpec, 'customerId' | 'invoices'> & {
  customer: TCustomerDetail;
  invoices: { number: string; disputedCents: number | null }[];
};

type Fixture = {
  ctx: Ctx;
  a: TCustomerDetail;
  b: TCustomerDetail;
  c: TCustomerDetail;
  sales: DepartmentRef;
  logistics: DepartmentRef;
};

const PAUL = 'Paul Lefèvre';
const INES = 'Inès Roux';

/**
 * The set, on the tests' today (2026-03-15). Open: D1 (A, price, sales, 200,00 € of F1,
 * 1 day old), D2 (A, price, sales, all of F2 and 100,00 € of F3, 14 days, overdue), D3 (B,
 * not delivered, logistics, all of F4, 64 days, overdue), D4 (B, quantity, no department,
 * 100,00 $ of F5, 23 days, overdue), D5 (C, price, sales, 700,00 € of F6, on which a payment
 * left 500,00 €, 30 days). Resolved: R1 (A, price, 10 days), R2 (A, price, 3 days), R6 (A,
 * price, 1 day), R3 (B, not delivered, 32 days), R5 (B, not delivered, 5 days, a year ago),
 * R4 (C, other, 28 days, more than a year ago).
 */
async function makeFixture(): Promise<Fixture> {
  const { ctx } = await makeCompany(deps);
  const a = await makeCustomer(deps, ctx, { legalName: 'Ateliers Arnaud SARL' });
  const b = await makeCustomer(deps, ctx, { legalName: 'Boulonnerie Blanc SA' });
  const c = await makeCustomer(deps, ctx, { legalName: 'Chaudronnerie Colin SAS' });
  const invoice = (number: string, amount: number, currency = 'EUR') => ({
    number,
    issueDate: '2025-01-02',
    dueDate: '2025-02-01',
    amount,
    currency,
  });
  await makeInvoices(deps, ctx, a.id, [
    invoice('F1', 100_000),
    invoice('F2', 50_000),
    invoice('F3', 30_000),
  ]);
  await makeInvoices(deps, ctx, b.id, [invoice('F4', 20_000), invoice('F5', 40_000, 'USD')]);
  await makeInvoices(deps, ctx, c.id, [invoice('F6', 80_000)]);
  await makePayment(deps, ctx, c.id, {
    reference: 'VIR-F6',
    receivedOn: '2026-03-01',
    amount: 30_000,
    invoiceNumber: 'F6',
  });
  const ids = await invoiceIdsByNumber(deps, ctx);
  const sales = await addDepartment(deps, ctx, 'sales', 'Commercial');
  const logistics = await addDepartment(deps, ctx, 'logistics', 'Logistique');
  // The invoices by number, the customer by its detail.
  const add = ({ customer, invoices, ...spec }: Spec) =>
    addDispute(deps, ctx, {
      ...spec,
      customerId: customer.id,
      invoices: invoices.map(({ number, disputedCents }) => ({
        invoiceId: ids.get(number) ?? '',
        disputedCents,
      })),
    });
  // Open.
  await add({
    customer: a,
    cause: 'price',
    department: sales,
    invoices: [{ number: 'F1', disputedCents: 20_000 }],
    amountCents: 20_000,
    raisedOn: '2026-03-14',
    deadline: '2026-03-19',
    salesRep: PAUL,
  });
  await add({
    customer: a,
    cause: 'price',
    department: sales,
    invoices: [
      { number: 'F2', disputedCents: null },
      { number: 'F3', disputedCents: 10_000 },
    ],
    amountCents: 60_000,
    raisedOn: '2026-03-01',
    deadline: '2026-03-06',
    salesRep: PAUL,
    status: 'waiting_department',
  });
  await add({
    customer: b,
    cause: 'not_delivered',
    department: logistics,
    invoices: [{ number: 'F4', disputedCents: null }],
    amountCents: 20_000,
    raisedOn: '2026-01-10',
    deadline: '2026-01-17',
    salesRep: INES,
  });
  await add({
    customer: b,
    cause: 'quantity',
    currency: 'USD',
    invoices: [{ number: 'F5', disputedCents: 10_000 }],
    amountCents: 10_000,
    raisedOn: '2026-02-20',
    deadline: '2026-02-27',
    salesRep: INES,
    status: 'waiting_customer',
  });
  await add({
    customer: c,
    cause: 'price',
    department: sales,
    invoices: [{ number: 'F6', disputedCents: 70_000 }],
    amountCents: 70_000,
    raisedOn: '2026-02-13',
    deadline: '2026-03-20',
    salesRep: PAUL,
  });
  // Resolved.
  await add({
    customer: a,
    cause: 'price',
    department: sales,
    invoices: [{ number: 'F3', disputedCents: null }],
    amountCents: 30_000,
    raisedOn: '2026-01-05',
    deadline: '2026-01-10',
    salesRep: PAUL,
    resolved: { on: '2026-01-15', outcome: 'rejected' },
  });
  await add({
    customer: a,
    cause: 'price',
    department: sales,
    invoices: [{ number: 'F3', disputedCents: null }],
    amountCents: 30_000,
    raisedOn: '2026-02-01',
    deadline: '2026-02-06',
    salesRep: PAUL,
    resolved: { on: '2026-02-04', outcome: 'justified' },
  });
  await add({
    customer: a,
    cause: 'price',
    department: sales,
    invoices: [{ number: 'F3', disputedCents: 5_000 }],
    amountCents: 5_000,
    raisedOn: '2026-03-02',
    deadline: '2026-03-07',
    salesRep: PAUL,
    resolved: { on: '2026-03-03', outcome: 'corrected' },
  });
  await add({
    customer: b,
    cause: 'not_delivered',
    department: logistics,
    invoices: [{ number: 'F4', disputedCents: null }],
    amountCents: 20_000,
    raisedOn: '2025-12-01',
    deadline: '2025-12-08',
    salesRep: INES,
    resolved: { on: '2026-01-02', outcome: 'corrected' },
  });
  await add({
    customer: b,
    cause: 'not_delivered',
    department: logistics,
    invoices: [{ number: 'F4', disputedCents: 15_000 }],
    amountCents: 15_000,
    raisedOn: '2025-03-20',
    deadline: '2025-03-27',
    salesRep: INES,
    resolved: { on: '2025-03-25', outcome: 'rejected' },
  });
  await add({
    customer: c,
    cause: 'other',
    invoices: [{ number: 'F6', disputedCents: null }],
    amountCents: 80_000,
    raisedOn: '2025-02-01',
    deadline: '2025-02-11',
    salesRep: PAUL,
    resolved: { on: '2025-03-01', outcome: 'rejected' },
  });
  return { ctx, a, b, c, sales, logistics };
}

const ZERO_AGES = (currency: string) =>
  ['0-7', '8-15', '16-30', '31-60', '61+'].map((bucket) => ({
    bucket,
    count: 0,
    amountCents: 0,
    currency,
  }));

describe('the dispute report', () => {
  let fixture: Fixture;
  beforeAll(async () => {
    fixture = await makeFixture();
  });

  it('on today: the open disputes by cause, department and age, to the cent', async () => {
    const { ctx, sales, logistics } = fixture;
    const report = await disputeReport(deps, ctx);

    expect(report.asOf).toBe('2026-03-15');
    expect(report.openByCause).toEqual([
      { cause: 'price', count: 3, amountCents: 150_000, currency: 'EUR' },
      { cause: 'not_delivered', count: 1, amountCents: 20_000, currency: 'EUR' },
      { cause: 'quantity', count: 1, amountCents: 10_000, currency: 'USD' },
    ]);
    expect(report.openByDepartment).toEqual([
      { department: sales, count: 3, amountCents: 150_000, currency: 'EUR', overdueCount: 1 },
      { department: logistics, count: 1, amountCents: 20_000, currency: 'EUR', overdueCount: 1 },
      { department: null, count: 1, amountCents: 10_000, currency: 'USD', overdueCount: 1 },
    ]);
    const ages = ZERO_AGES('EUR').concat(ZERO_AGES('USD'));
    ages[0] = { bucket: '0-7', count: 1, amountCents: 20_000, currency: 'EUR' };
    ages[1] = { bucket: '8-15', count: 1, amountCents: 60_000, currency: 'EUR' };
    ages[2] = { bucket: '16-30', count: 1, amountCents: 70_000, currency: 'EUR' };
    ages[4] = { bucket: '61+', count: 1, amountCents: 20_000, currency: 'EUR' };
    ages[7] = { bucket: '16-30', count: 1, amountCents: 10_000, currency: 'USD' };
    expect(report.openByAge).toEqual(ages);
  });

  it('on today: resolution times of the year, averaged to a tenth of a day', async () => {
    const { ctx, sales, logistics } = fixture;
    const report = await disputeReport(deps, ctx);

    // price: 10 + 3 + 1 days over 3 = 4.67; not delivered: 32 + 5 over 2. R4 is older.
    expect(report.resolutionByCause).toEqual([
      { cause: 'price', resolvedCount: 3, averageDays: 4.7 },
      { cause: 'not_delivered', resolvedCount: 2, averageDays: 18.5 },
    ]);
    expect(report.resolutionByDepartment).toEqual([
      { department: sales, resolvedCount: 3, averageDays: 4.7 },
      { department: logistics, resolvedCount: 2, averageDays: 18.5 },
    ]);
  });

  it('on today: what is held back, a part capped at what a payment left open', async () => {
    const { ctx } = fixture;
    const report = await disputeReport(deps, ctx);

    // 200 (part of F1) + 500 (all of F2) + 100 (part of F3) + 200 (all of F4) + 500 (700
    // disputed on F6, of which 500 is open).
    expect(report.blocked).toEqual([
      { currency: 'EUR', amountCents: 150_000, disputeCount: 4, invoiceCount: 5 },
      { currency: 'USD', amountCents: 10_000, disputeCount: 1, invoiceCount: 1 },
    ]);
    const [f6] = await listInvoicesByIds(deps.db, ctx, [
      (await invoiceIdsByNumber(deps, ctx)).get('F6') ?? '',
    ]);
    expect(f6?.openCents).toBe(50_000);
  });

  it('on today: the causes that came back over the year, per customer and per sales rep', async () => {
    const { ctx, a, b } = fixture;
    const report = await disputeReport(deps, ctx);

    expect(report.recurringByCustomer).toEqual([
      {
        customer: { id: a.id, code: a.code, name: 'Ateliers Arnaud SARL' },
        cause: 'price',
        count: 5,
        amountCents: 145_000,
        currency: 'EUR',
      },
      {
        customer: { id: b.id, code: b.code, name: 'Boulonnerie Blanc SA' },
        cause: 'not_delivered',
        count: 3,
        amountCents: 55_000,
        currency: 'EUR',
      },
    ]);
    expect(report.recurringBySalesRep).toEqual([
      { salesRep: PAUL, cause: 'price', count: 6, amountCents: 215_000, currency: 'EUR' },
      { salesRep: INES, cause: 'not_delivered', count: 3, amountCents: 55_000, currency: 'EUR' },
    ]);
  });

  it('on a past day: what was open then, at its age then, and the year before it', async () => {
    const { ctx, a, b, logistics, sales } = fixture;
    const report = await disputeReport(deps, ctx, { asOf: calendarDate('2026-02-15') });

    expect(report.asOf).toBe('2026-02-15');
    expect(report.openByCause).toEqual([
      { cause: 'price', count: 1, amountCents: 70_000, currency: 'EUR' },
      { cause: 'not_delivered', count: 1, amountCents: 20_000, currency: 'EUR' },
    ]);
    const ages = ZERO_AGES('EUR');
    ages[0] = { bucket: '0-7', count: 1, amountCents: 70_000, currency: 'EUR' };
    ages[3] = { bucket: '31-60', count: 1, amountCents: 20_000, currency: 'EUR' };
    expect(report.openByAge).toEqual(ages);
    expect(report.openByDepartment).toEqual([
      { department: sales, count: 1, amountCents: 70_000, currency: 'EUR', overdueCount: 0 },
      { department: logistics, count: 1, amountCents: 20_000, currency: 'EUR', overdueCount: 1 },
    ]);
    // R4 closed on 2025-03-01, within the year to 2026-02-15; R6 closed after it.
    expect(report.resolutionByCause).toEqual([
      { cause: 'not_delivered', resolvedCount: 2, averageDays: 18.5 },
      { cause: 'price', resolvedCount: 2, averageDays: 6.5 },
      { cause: 'other', resolvedCount: 1, averageDays: 28 },
    ]);
    expect(report.blocked).toEqual([
      { currency: 'EUR', amountCents: 70_000, disputeCount: 2, invoiceCount: 2 },
    ]);
    expect(
      report.recurringByCustomer.map((row) => [row.customer.id, row.cause, row.count]),
    ).toEqual([
      [b.id, 'not_delivered', 3],
      [a.id, 'price', 2],
    ]);
  });

  it('for every staff role, never for a link holder', async () => {
    const { ctx } = fixture;
    const readOnly: Ctx = { ...ctx, role: 'read_only' };
    expect((await disputeReport(deps, readOnly)).openByCause).toHaveLength(3);
    const department: Ctx = {
      ...ctx,
      actor: { type: 'department', id: null, name: 'Logistique' },
      audience: {
        kind: 'department',
        linkId: deps.ids.newId(),
        disputeId: deps.ids.newId(),
        customerId: fixture.b.id,
        ip: null,
      },
    };
    await expect(disputeReport(deps, department)).rejects.toBeInstanceOf(ForbiddenError);
  });
});

it('says nothing but five empty age classes for a company without disputes', async () => {
  const { ctx } = await makeCompany(deps);
  expect(await disputeReport(deps, ctx, { asOf: calendarDate('2026-03-15') })).toEqual({
    asOf: '2026-03-15',
    openByCause: [],
    openByDepartment: [],
    openByAge: ZERO_AGES('EUR'),
    resolutionByCause: [],
    resolutionByDepartment: [],
    blocked: [],
    recurringByCustomer: [],
    recurringBySalesRep: [],
  });
});
