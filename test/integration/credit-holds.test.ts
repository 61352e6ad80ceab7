/**
 * Credit limits, exposure and holds through the real services and database (issue 12): the
 * limit shared by the accounts of one SIREN, the exposure (open items + orders − unapplied
 * cash), orders held by the check, an exception within and above authority, the hold placed
 * when the limit is crossed and released when it is raised, and two orders received at once.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ctx } from '../../src/app/context.ts';
import type { Deps } from '../../src/app/deps.ts';
import { checkCreditForOrder } from '../../src/credit/check.ts';
import {
  decideCreditLimit,
  grantCreditException,
  placeCreditHold,
  releaseCreditHold,
} from '../../src/credit/decisions.ts';
import { getOrder, receiveOrder, recordOrderEvent } from '../../src/credit/order-service.ts';
import { getInvoicingLag } from '../../src/credit/invoicing-lag-service.ts';
import { reviewCreditExposures } from '../../src/credit/review-run.ts';
import { getCustomerCredit } from '../../src/credit/service.ts';
import { getCustomer, updateCustomer } from '../../src/customers/service.ts';
import type { DbHandle } from '../../src/db/client.ts';
import type { CalendarDate } from '../../src/shared/calendar-date.ts';
import {
  ConflictError,
  ForbiddenError,
  InvalidError,
  NotFoundError,
} from '../../src/shared/errors.ts';
import { openTestRuntime } from '../db.ts';
import { makeCompany, makeCustomer, makeInvoices, makePayment, makeUser } from '../factories.ts';

let handle: DbHandle;
let deps: Deps;

beforeAll(async () => {
  ({ handle, deps } = await openTestRuntime());
});
afterAll(async () => {
  await handle.close();
});

/** The tests' today is 2026-03-15 (TEST_NOW). */
const TODAY = '2026-03-15' as CalendarDate;
const asRole = (ctx: Ctx, role: Ctx['role']): Ctx => ({ ...ctx, role });

const orderInput = (number: string, amountCents: number, customer: { id: string }) => ({
  customer,
  number,
  orderedOn: TODAY,
  amountCents,
  expectedDeliveryOn: null,
  specialConditions: null,
  checklist: { pricesAgreed: true, deliveryDateConfirmed: true, confirmationSent: false },
});

/** Two accounts of one SIREN, 6 000,00 € and 1 000,00 € open. */
async function entityOfTwoAccounts(ctx: Ctx) {
  const head = await makeCustomer(deps, ctx, { siren: '732829320' });
  const branch = await makeCustomer(deps, ctx, { siren: '732829320' });
  await makeInvoices(deps, ctx, head.id, [
    { number: `FA-${head.code}`, issueDate: '2026-02-01', dueDate: '2026-03-31', amount: 600_000 },
  ]);
  await makeInvoices(deps, ctx, branch.id, [
    {
      number: `FA-${branch.code}`,
      issueDate: '2026-02-01',
      dueDate: '2026-03-31',
      amount: 100_000,
    },
  ]);
  return { head, branch };
}

describe('credit limits and exposure', () => {
  it('shares one limit between the accounts of a SIREN and counts both in the exposure', async () => {
    const { ctx } = await makeCompany(deps);
    const { head, branch } = await entityOfTwoAccounts(ctx);

    await decideCreditLimit(deps, ctx, head.id, {
      amountCents: 1_000_000,
      coveredCents: 600_000,
      cover: 'credit_insurance',
      reviewOn: '2026-09-30' as CalendarDate,
      expiresOn: null,
      reason: 'Bilan 2025 correct',
    });

    const credit = await getCustomerCredit(deps, ctx, branch.id);
    expect(credit.entity).toEqual({ kind: 'siren', siren: '732829320' });
    expect(credit.limit).toMatchObject({
      amountCents: 1_000_000,
      coveredCents: 600_000,
      source: 'decision',
      state: 'in_force',
    });
    expect(credit.exposures).toEqual([
      {
        currency: 'EUR',
        openItemsCents: 700_000,
        ordersCents: 0,
        unappliedCashCents: 0,
        totalCents: 700_000,
      },
    ]);
    expect(credit.usedBps).toBe(7000);
    expect((await getCustomer(deps, ctx, branch.id)).creditLimit).toBe(1_000_000);

    const fits = await checkCreditForOrder(deps, ctx, {
      customer: { code: branch.code },
      amountCents: 150_000,
    });
    expect(fits).toMatchObject({
      decision: 'accept',
      notices: ['alert_threshold'],
      exposureAfterCents: 850_000,
      availableCents: 300_000,
      uncoveredCents: 250_000,
    });
    const over = await checkCreditForOrder(deps, ctx, {
      customer: { id: head.id },
      amountCents: 300_001,
    });
    expect(over).toMatchObject({ decision: 'hold', reasons: ['over_limit'] });

    // Cash received and not yet applied lowers the exposure: the same order now fits.
    await makePayment(deps, ctx, branch.id, {
      reference: 'VIR-1',
      receivedOn: '2026-03-10',
      amount: 100_000,
    });
    expect(
      await checkCreditForOrder(deps, ctx, { customer: { id: head.id }, amountCents: 300_001 }),
    ).toMatchObject({ decision: 'accept', exposureCents: 600_000, exposureAfterCents: 900_001 });
  });

  it('tells no limit from a zero limit', async () => {
    const { ctx } = await makeCompany(deps);
    const customer = await makeCustomer(deps, ctx);

    expect(await checkCreditForOrder(deps, ctx, { customer, amountCents: 1 })).toMatchObject({
      decision: 'accept',
      notices: ['no_limit'],
      limitCents: null,
    });
    await decideCreditLimit(deps, ctx, customer.id, {
      amountCents: 0,
      coveredCents: 0,
      cover: null,
      reviewOn: null,
      expiresOn: null,
      reason: 'Paiement à la commande uniquement',
    });
    expect(await checkCreditForOrder(deps, ctx, { customer, amountCents: 1 })).toMatchObject({
      decision: 'hold',
      reasons: ['over_limit'],
      limitCents: 0,
    });
  });

  it('refuses a negative limit and one above the decider’s authority, changing nothing', async () => {
    const { ctx } = await makeCompany(deps);
    const customer = await makeCustomer(deps, ctx);
    const limit = { coveredCents: 0, cover: null, reviewOn: null, expiresOn: null, reason: null };

    await expect(
      decideCreditLimit(deps, ctx, customer.id, { ...limit, amountCents: -1 }),
    ).rejects.toMatchObject({
      reason: 'credit_limit_refused',
      issues: [{ field: 'amountCents', code: 'negative_amount' }],
    });
    const refused = decideCreditLimit(deps, asRole(ctx, 'credit_manager'), customer.id, {
      ...limit,
      amountCents: 10_000_001,
    });
    await expect(refused).rejects.toBeInstanceOf(ForbiddenError);
    await expect(refused).rejects.toMatchObject({ reason: 'credit_above_authority' });
    await decideCreditLimit(deps, asRole(ctx, 'credit_manager'), customer.id, {
      ...limit,
      amountCents: 10_000_000,
    });

    const credit = await getCustomerCredit(deps, ctx, customer.id);
    expect(credit.history.map((entry) => [entry.amountCents, entry.authorityLevel])).toEqual([
      [10_000_000, 2],
    ]);
  });

  it('refuses a check or an order for an unknown customer, and a closed customer’s order explicitly', async () => {
    const { ctx } = await makeCompany(deps);
    const customer = await makeCustomer(deps, ctx);

    await expect(
      checkCreditForOrder(deps, ctx, { customer: { code: 'NOBODY' }, amountCents: 100 }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      receiveOrder(deps, ctx, orderInput('CMD-X', 100, { id: crypto.randomUUID() })),
    ).rejects.toBeInstanceOf(NotFoundError);
    await updateCustomer(deps, ctx, customer.id, { status: 'closed' });
    expect(await checkCreditForOrder(deps, ctx, { customer, amountCents: 100 })).toMatchObject({
      decision: 'hold',
      reasons: ['customer_closed'],
    });
  });
});

describe('orders, holds and exceptions', () => {
  it('holds an order over the limit until a credit manager grants an exception for it', async () => {
    const { ctx } = await makeCompany(deps);
    const { head } = await entityOfTwoAccounts(ctx);
    await decideCreditLimit(deps, ctx, head.id, {
      amountCents: 1_000_000,
      coveredCents: 0,
      cover: null,
      reviewOn: null,
      expiresOn: null,
      reason: null,
    });

    const first = await receiveOrder(deps, ctx, orderInput('CMD-1', 250_000, head));
    expect(first.order).toMatchObject({ status: 'validated', holdReason: null });
    const second = await receiveOrder(deps, ctx, orderInput('CMD-2', 200_000, head));
    expect(second.order).toMatchObject({ status: 'held', holdReason: 'over_limit' });
    expect(second.check).toMatchObject({ exposureCents: 950_000, exposureAfterCents: 1_150_000 });
    await expect(receiveOrder(deps, ctx, orderInput('CMD-2', 1, head))).rejects.toBeInstanceOf(
      ConflictError,
    );

    // Above a collector's ceiling (1 000,00 €): refused, and nothing changed.
    const exception = {
      amountCents: 150_000,
      expiresOn: '2026-04-15' as CalendarDate,
      reason: 'Commande de réassort, client historique',
      orderId: second.order.id,
    };
    await expect(
      grantCreditException(deps, asRole(ctx, 'collector'), head.id, exception),
    ).rejects.toMatchObject({ reason: 'credit_above_authority' });
    await expect(
      grantCreditException(deps, ctx, head.id, { ...exception, reason: '  ' }),
    ).rejects.toBeInstanceOf(InvalidError);
    expect((await getOrder(deps, ctx, second.order.id)).status).toBe('held');

    const granted = await grantCreditException(
      deps,
      asRole(ctx, 'credit_manager'),
      head.id,
      exception,
    );
    expect(granted.review.validatedOrderIds).toEqual([second.order.id]);
    expect(await getOrder(deps, ctx, second.order.id)).toMatchObject({
      status: 'validated',
      exceptionId: granted.exceptionId,
    });
    const credit = await getCustomerCredit(deps, ctx, head.id);
    expect(credit.exposures[0]).toMatchObject({ ordersCents: 450_000, totalCents: 1_150_000 });
    // Over the limit itself, the order's own exception does not count for the entity: hold.
    expect(credit.holds.map((hold) => hold.source)).toEqual(['over_limit', 'over_limit']);
  });

  it('puts the entity on hold when the limit is lowered under its exposure, and releases it when raised', async () => {
    const { ctx } = await makeCompany(deps);
    const { head, branch } = await entityOfTwoAccounts(ctx);
    const limit = {
      coveredCents: 0,
      cover: null,
      reviewOn: null,
      expiresOn: null,
      reason: 'Revue',
    };
    await decideCreditLimit(deps, ctx, head.id, { ...limit, amountCents: 1_000_000 });

    const lowered = await decideCreditLimit(deps, ctx, head.id, { ...limit, amountCents: 500_000 });
    expect(lowered.review.holdsPlaced.sort()).toEqual([head.id, branch.id].sort());
    expect(lowered.review.alertsRaised).toEqual(['alert', 'block']);
    expect((await getCustomer(deps, ctx, branch.id)).status).toBe('on_hold');
    expect(
      await checkCreditForOrder(deps, ctx, { customer: branch, amountCents: 100 }),
    ).toMatchObject({
      decision: 'hold',
      reasons: ['on_hold', 'over_limit'],
    });
    const held = await receiveOrder(deps, ctx, orderInput('CMD-H', 10_000, branch));
    expect(held.order.holdReason).toBe('on_hold');

    await expect(
      releaseCreditHold(deps, ctx, branch.id, 'Le client a promis'),
    ).rejects.toMatchObject({
      reason: 'credit_still_over_limit',
    });

    const raised = await decideCreditLimit(deps, ctx, head.id, {
      ...limit,
      amountCents: 2_000_000,
    });
    expect(raised.review.holdsReleased.sort()).toEqual([head.id, branch.id].sort());
    expect(raised.review.validatedOrderIds).toEqual([held.order.id]);
    expect((await getCustomer(deps, ctx, head.id)).status).toBe('active');
    expect((await getCustomerCredit(deps, ctx, head.id)).holds).toEqual([]);
  });

  it('e-mails each alert to the credit managers and the account’s sales rep, once, in their language', async () => {
    const { ctx } = await makeCompany(deps);
    const manager = await makeUser(deps, ctx, 'credit_manager');
    const rep = await makeUser(deps, ctx, 'collector');
    await makeUser(deps, ctx, 'read_only');
    const customer = await makeCustomer(deps, ctx, { salesRep: rep.email });
    await makeInvoices(deps, ctx, customer.id, [
      { number: 'FA-M', issueDate: '2026-02-01', dueDate: '2026-03-31', amount: 85_000 },
    ]);
    const limit = { coveredCents: 0, cover: null, reviewOn: null, expiresOn: null, reason: null };

    await decideCreditLimit(deps, ctx, customer.id, { ...limit, amountCents: 100_000 });
    await decideCreditLimit(deps, ctx, customer.id, { ...limit, amountCents: 99_000 });

    const { rows } = await sql<{ recipients: string[]; subject: string }>`
      SELECT recipients, subject FROM outbox_message
      WHERE company_id = ${ctx.companyId} AND source_type = 'credit_alert' ORDER BY recipients[1]`.execute(
      deps.db,
    );
    expect(rows.map((row) => row.recipients[0] ?? '').toSorted()).toEqual(
      [manager.email, rep.email].toSorted(),
    );
    expect(rows[0]?.subject).toBe(
      `Alerte d’encours\u00a0: ${customer.code} ${customer.legalName} à 85\u00a0% de son encours autorisé`,
    );
  });

  it('releases a hand-placed hold only for a credit manager, with a reason', async () => {
    const { ctx } = await makeCompany(deps);
    const customer = await makeCustomer(deps, ctx);
    await placeCreditHold(deps, ctx, customer.id, 'Litige qualité en cours');
    expect((await getCustomer(deps, ctx, customer.id)).status).toBe('on_hold');

    await expect(
      releaseCreditHold(deps, asRole(ctx, 'collector'), customer.id, 'Réglé'),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await expect(releaseCreditHold(deps, ctx, customer.id, ' ')).rejects.toBeInstanceOf(
      InvalidError,
    );
    await releaseCreditHold(deps, asRole(ctx, 'credit_manager'), customer.id, 'Litige clos');
    expect((await getCustomer(deps, ctx, customer.id)).status).toBe('active');
  });

  it('counts what remains to invoice of an order, and nothing once cancelled', async () => {
    const { ctx } = await makeCompany(deps);
    const customer = await makeCustomer(deps, ctx);
    const { order } = await receiveOrder(deps, ctx, orderInput('CMD-P', 100_000, customer));

    await recordOrderEvent(deps, ctx, { id: order.id }, { kind: 'delivered', on: TODAY });
    await recordOrderEvent(
      deps,
      ctx,
      { number: 'CMD-P' },
      { kind: 'invoiced', invoicedCents: 40_000 },
    );
    expect((await getCustomerCredit(deps, ctx, customer.id)).exposures[0]?.ordersCents).toBe(
      60_000,
    );
    await expect(
      recordOrderEvent(deps, ctx, { id: order.id }, { kind: 'invoiced', invoicedCents: 30_000 }),
    ).rejects.toBeInstanceOf(ConflictError);
    await recordOrderEvent(deps, ctx, { id: order.id }, { kind: 'cancelled' });
    expect((await getCustomerCredit(deps, ctx, customer.id)).exposures).toEqual([]);
  });

  it('lets only one of two orders received at once through when both do not fit', async () => {
    const { ctx } = await makeCompany(deps);
    const customer = await makeCustomer(deps, ctx);
    await decideCreditLimit(deps, ctx, customer.id, {
      amountCents: 100_000,
      coveredCents: 0,
      cover: null,
      reviewOn: null,
      expiresOn: null,
      reason: null,
    });

    const received = await Promise.all([
      receiveOrder(deps, ctx, orderInput('CMD-A', 70_000, customer)),
      receiveOrder(deps, ctx, orderInput('CMD-B', 70_000, customer)),
    ]);
    expect(received.map((r) => r.order.status).sort()).toEqual(['held', 'validated']);
    expect((await getCustomerCredit(deps, ctx, customer.id)).exposures[0]?.ordersCents).toBe(
      70_000,
    );
  });
});

describe('invoicing lag', () => {
  it('measures the days from delivery to invoice on the invoices the ERP links to each order', async () => {
    const { ctx } = await makeCompany(deps);
    const early = await makeCustomer(deps, ctx);
    const late = await makeCustomer(deps, ctx);
    const invoice = (number: string, issueDate: string) => ({
      number,
      issueDate,
      dueDate: '2026-04-30',
      amount: 10_000,
    });
    await makeInvoices(deps, ctx, early.id, [
      invoice('FA-A', '2026-03-12'),
      invoice('FA-B', '2026-03-10'),
      invoice('FA-C', '2026-03-05'),
    ]);
    await makeInvoices(deps, ctx, late.id, [invoice('FA-D', '2026-03-14')]);
    const order = async (number: string, customer: { id: string }) =>
      (
        await receiveOrder(deps, ctx, {
          ...orderInput(number, 10_000, customer),
          orderedOn: '2026-02-16' as CalendarDate,
        })
      ).order;
    const deliver = (id: string, on: string) =>
      recordOrderEvent(deps, ctx, { id }, { kind: 'delivered', on: on as CalendarDate });
    const bill = (id: string, invoicedCents: number, invoiceNumbers: string[]) =>
      recordOrderEvent(deps, ctx, { id }, { kind: 'invoiced', invoicedCents, invoiceNumbers });

    const a = await order('CMD-A', early);
    await deliver(a.id, '2026-03-02');
    await bill(a.id, 10_000, ['FA-A']);
    const b = await order('CMD-B', early);
    await deliver(b.id, '2026-03-10');
    await bill(b.id, 10_000, ['FA-B']);
    // Invoiced ahead, delivered after: no lag.
    const c = await order('CMD-C', early);
    await bill(c.id, 5_000, ['FA-C']);
    await deliver(c.id, '2026-03-08');
    const d = await order('CMD-D', late);
    await deliver(d.id, '2026-02-20');
    await bill(d.id, 10_000, ['FA-D']);
    await expect(bill(d.id, 10_000, ['FA-A'])).rejects.toBeInstanceOf(ConflictError);
    const e = await order('CMD-E', late);
    await expect(bill(e.id, 1_000, ['FA-A'])).rejects.toMatchObject({
      reason: 'order_refused',
      issues: [{ field: 'invoiceNumbers[0]', code: 'order_invoice_unknown' }],
    });

    const lag = await getInvoicingLag(deps, ctx, { from: '2026-03-01' as CalendarDate });
    expect(lag).toMatchObject({ from: '2026-03-01', to: TODAY });
    expect(lag.overall).toEqual({
      links: 4,
      meanDays: 8,
      bands: [
        { upToDays: 2, links: 2 },
        { upToDays: 7, links: 0 },
        { upToDays: 15, links: 1 },
        { upToDays: 30, links: 1 },
        { upToDays: null, links: 0 },
      ],
    });
    expect(lag.customers.map((row) => [row.code, row.links, row.meanDays])).toEqual([
      [late.code, 1, 22],
      [early.code, 3, 3.3],
    ]);
  });
});

describe('the daily credit review', () => {
  it('raises the alerts and holds the ledger’s crossings call for, once, and lifts them when paid', async () => {
    const { ctx } = await makeCompany(deps);
    const customer = await makeCustomer(deps, ctx);
    const quiet = await makeCustomer(deps, ctx);
    const limit = { coveredCents: 0, cover: null, reviewOn: null, expiresOn: null, reason: null };
    await decideCreditLimit(deps, ctx, customer.id, { ...limit, amountCents: 100_000 });
    await decideCreditLimit(deps, ctx, quiet.id, { ...limit, amountCents: 100_000 });
    await makeInvoices(deps, ctx, customer.id, [
      { number: 'FA-BIG', issueDate: '2026-03-01', dueDate: '2026-03-31', amount: 120_000 },
    ]);

    expect(await reviewCreditExposures(deps, ctx)).toEqual({
      entities: 2,
      reviewed: 1,
      alertsRaised: 2,
      holdsPlaced: 1,
      holdsReleased: 0,
      ordersValidated: 0,
    });
    expect((await getCustomer(deps, ctx, customer.id)).status).toBe('on_hold');
    expect(await reviewCreditExposures(deps, ctx)).toMatchObject({ reviewed: 0 });

    await makePayment(deps, ctx, customer.id, {
      reference: 'VIR-BIG',
      receivedOn: '2026-03-14',
      amount: 120_000,
      invoiceNumber: 'FA-BIG',
    });
    expect(await reviewCreditExposures(deps, ctx)).toMatchObject({ reviewed: 1, holdsReleased: 1 });
    expect((await getCustomer(deps, ctx, customer.id)).status).toBe('active');
    expect((await getCustomerCredit(deps, ctx, customer.id)).level).toBeNull();
  });
});
