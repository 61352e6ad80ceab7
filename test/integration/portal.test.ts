/**
 * The customer portal on a real database (docs/portal.md): the account shows only the
 * customer's own items, with exact totals and its credit notes; approvals are idempotent and
 * seen by staff; a promise in the past is refused and one for today shows on its invoice; a
 * dispute opened through the portal carries its amount; another customer's invoice is never
 * reached; a reminder's own link (`createMessagePortalLinkInTx`) opens the portal.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authenticateAccessLink } from '../../src/access/service.ts';
import type { Ctx } from '../../src/app/context.ts';
import type { Deps } from '../../src/app/deps.ts';
import { readCustomerEvents } from '../../src/audit/service.ts';
import { saveBankDetails } from '../../src/companies/bank-details.ts';
import type { DbHandle } from '../../src/db/client.ts';
import { inTransaction } from '../../src/db/transaction.ts';
import { listInvoices } from '../../src/ledger/invoice-lists.ts';
import { getPortalAccount } from '../../src/portal/account.ts';
import { approveInvoices, listInvoiceApprovals } from '../../src/portal/approvals.ts';
import {
  createMessagePortalLinkInTx,
  createPortalLink,
  listPortalLinks,
  revokePortalLinks,
} from '../../src/portal/portal-links.ts';
import { createPortalPromise } from '../../src/portal/portal-promises.ts';
import { openPortalDispute } from '../../src/portal/problems.ts';
import { calendarDate } from '../../src/shared/calendar-date.ts';
import { InvalidError, NotFoundError } from '../../src/shared/errors.ts';
import { openTestRuntime, TEST_NOW } from '../db.ts';
import { makeCompany, makeCustomer, makeInvoices } from '../factories.ts';

let handle: DbHandle;
let deps: Deps;

beforeAll(async () => {
  ({ handle, deps } = await openTestRuntime());
});
afterAll(async () => {
  await handle.close();
});

const PUBLIC_URL = 'https://encaisse.example.test';
const IP = '203.0.113.7';

/** The context a customer's link opens, from its URL (the token after `#`). */
async function portalCtx(url: string): Promise<Ctx> {
  const token = url.split('#')[1] ?? '';
  return (await authenticateAccessLink(deps, token, TEST_NOW)).ctx;
}

/**
 * A company (today: 15 March 2026) whose customer owes F1 (1 000,00 €, due 10 February: 33
 * days late), F2 (500,00 €, due 10 April), F3 ($300.00, due 1 March), with a credit note A1
 * (200,00 €); another customer owes F9. The first customer's portal context.
 */
async function account() {
  const { ctx } = await makeCompany(deps);
  const customer = await makeCustomer(deps, ctx, { legalName: 'Boulangerie Martin SARL' });
  const other = await makeCustomer(deps, ctx);
  await makeInvoices(deps, ctx, customer.id, [
    { number: 'F1', issueDate: '2026-01-10', dueDate: '2026-02-10', amount: 100_000 },
    { number: 'F2', issueDate: '2026-03-10', dueDate: '2026-04-10', amount: 50_000 },
    {
      number: 'F3',
      issueDate: '2026-02-01',
      dueDate: '2026-03-01',
      amount: 30_000,
      currency: 'USD',
    },
    {
      number: 'A1',
      issueDate: '2026-02-20',
      dueDate: '2026-02-20',
      amount: 20_000,
      kind: 'credit_note',
    },
  ]);
  await makeInvoices(deps, ctx, other.id, [
    { number: 'F9', issueDate: '2026-01-05', dueDate: '2026-02-05', amount: 70_000 },
  ]);
  const page = await listInvoices(deps, ctx, {
    status: 'all',
    sort: 'number',
    order: 'asc',
    page: 1,
    pageSize: undefined,
  });
  const id = Object.fromEntries(page.items.map((item) => [item.number, item.id]));
  const { url } = await createPortalLink(deps, ctx, {
    customerId: customer.id,
    publicUrl: PUBLIC_URL,
  });
  return { ctx, customer, other, id, url, portal: await portalCtx(url) };
}

describe('the portal account', () => {
  it('shows only the customer’s own open items, the credit note and the totals exactly', async () => {
    const { ctx, customer, portal, url } = await account();
    expect(url).toMatch(/^https:\/\/encaisse\.example\.test\/portail#[A-Za-z0-9_-]{43}$/);
    await saveBankDetails(deps, ctx, {
      accountHolder: 'Menuiseries Dupont SAS',
      iban: 'fr76 3000 6000 0112 3456 7890 189',
      bic: 'agrifrpp',
    });
    const shown = await getPortalAccount(deps, portal, {
      customerId: customer.id,
      language: 'fr',
    });
    expect(shown.company).toEqual({
      legalName: 'Menuiseries Dupont SAS',
      addressLines: ['12 rue des Artisans', '69003 Lyon'],
    });
    expect(shown.bankDetails).toEqual({
      accountHolder: 'Menuiseries Dupont SAS',
      iban: 'FR7630006000011234567890189',
      bic: 'AGRIFRPP',
      bankName: null,
    });
    expect(shown.customer).toMatchObject({ code: customer.code, name: 'Boulangerie Martin SARL' });
    expect(shown.today).toBe('2026-03-15');
    expect(
      shown.items.map((item) => [
        item.number,
        item.kind,
        item.openCents,
        item.currency,
        item.daysLate,
      ]),
    ).toEqual([
      ['F1', 'invoice', 100_000, 'EUR', 33],
      ['A1', 'credit_note', 20_000, 'EUR', 0],
      ['F3', 'invoice', 30_000, 'USD', 14],
      ['F2', 'invoice', 50_000, 'EUR', 0],
    ]);
    expect(shown.totals).toEqual([
      { currency: 'EUR', openCents: 150_000, overdueCents: 100_000, creditsCents: 20_000 },
      { currency: 'USD', openCents: 30_000, overdueCents: 30_000, creditsCents: 0 },
    ]);
    expect(shown.items.every((item) => item.approvedAt === null && item.dispute === null)).toBe(
      true,
    );
    expect(shown.disputes).toEqual([]);
  });

  it('refuses another customer’s account to a portal link', async () => {
    const { other, portal } = await account();
    await expect(
      getPortalAccount(deps, portal, { customerId: other.id, language: 'fr' }),
    ).rejects.toMatchObject({ code: 'forbidden', reason: 'link_forbidden' });
  });
});

describe('approvals', () => {
  it('are recorded once with the address, answered the same again, and listed for staff', async () => {
    const { ctx, customer, id, portal } = await account();
    const first = await approveInvoices(deps, portal, {
      customerId: customer.id,
      invoiceIds: [id['F1'] ?? '', id['F2'] ?? ''],
      ip: IP,
    });
    expect(first.map((entry) => [entry.invoiceId, entry.approvedAt.toISOString()])).toEqual([
      [id['F1'], TEST_NOW.toISOString()],
      [id['F2'], TEST_NOW.toISOString()],
    ]);
    const again = await approveInvoices(deps, portal, {
      customerId: customer.id,
      invoiceIds: [id['F1'] ?? ''],
      ip: '198.51.100.1',
    });
    expect(again).toEqual([first[0]]);
    const listed = await listInvoiceApprovals(deps, ctx, customer.id);
    const byNumber = (a: string[], b: string[]) => (a[0] ?? '').localeCompare(b[0] ?? '');
    expect(listed.map((entry) => [entry.number, entry.ip ?? '']).sort(byNumber)).toEqual([
      ['F1', IP],
      ['F2', IP],
    ]);
    const events = (await readCustomerEvents(deps.db, ctx, customer.id, 100)).filter(
      (event) => event.action === 'invoice.approved',
    );
    expect(events).toHaveLength(2);
    expect(events[0]).toMatchObject({ actorType: 'customer' });
    expect(events[0]?.data).toMatchObject({ ip: IP, linkId: portal.actor.id });
    const shown = await getPortalAccount(deps, portal, { customerId: customer.id, language: 'fr' });
    expect(shown.items.find((item) => item.number === 'F1')?.approvedAt).toEqual(TEST_NOW);
  });

  it('refuses an invoice of another customer and a credit note, approving nothing', async () => {
    const { ctx, customer, id, portal } = await account();
    await expect(
      approveInvoices(deps, portal, {
        customerId: customer.id,
        invoiceIds: [id['F1'] ?? '', id['F9'] ?? ''],
        ip: IP,
      }),
    ).rejects.toThrow(NotFoundError);
    await expect(
      approveInvoices(deps, portal, {
        customerId: customer.id,
        invoiceIds: [id['A1'] ?? ''],
        ip: IP,
      }),
    ).rejects.toMatchObject({ reason: 'approval_not_an_invoice' });
    expect(await listInvoiceApprovals(deps, ctx, customer.id)).toEqual([]);
  });
});

describe('promises through the portal', () => {
  it('refuses a date in the past with the promises’ own message, and shows one for today', async () => {
    const { customer, id, portal } = await account();
    const past = createPortalPromise(deps, portal, {
      customerId: customer.id,
      invoiceIds: [id['F1'] ?? ''],
      promisedOn: calendarDate('2026-03-14'),
    });
    await expect(past).rejects.toThrow(InvalidError);
    await expect(past).rejects.toMatchObject({
      reason: 'promise_refused',
      issues: [
        {
          field: 'promisedOn',
          code: 'promise_date_past',
          message: 'The promised date cannot be before today (15 Mar 2026)',
        },
      ],
    });
    const promise = await createPortalPromise(deps, portal, {
      customerId: customer.id,
      invoiceIds: [id['F1'] ?? '', id['F2'] ?? ''],
      promisedOn: calendarDate('2026-03-15'),
    });
    expect(promise).toMatchObject({
      promisedOn: '2026-03-15',
      amountCents: 150_000,
      currency: 'EUR',
    });
    const shown = await getPortalAccount(deps, portal, { customerId: customer.id, language: 'fr' });
    expect(shown.items.find((item) => item.number === 'F2')?.promise).toEqual({
      promisedOn: '2026-03-15',
      amountCents: 150_000,
    });
  });

  it('refuses an invoice of another customer', async () => {
    const { customer, id, portal } = await account();
    await expect(
      createPortalPromise(deps, portal, {
        customerId: customer.id,
        invoiceIds: [id['F9'] ?? ''],
        promisedOn: calendarDate('2026-03-20'),
      }),
    ).rejects.toThrow(NotFoundError);
  });
});

describe('a problem reported through the portal', () => {
  it('opens a dispute with its disputed amount, shown on the invoice and in the list', async () => {
    const { customer, id, portal } = await account();
    const dispute = await openPortalDispute(deps, portal, {
      customerId: customer.id,
      invoices: [{ invoiceId: id['F1'] ?? '', disputedCents: 30_000 }],
      cause: 'quantity',
      message: 'Deux palettes livrées sur trois',
    });
    expect(dispute).toMatchObject({
      customerId: customer.id,
      amountCents: 30_000,
      currency: 'EUR',
      source: 'portal',
      cause: 'quantity',
      description: 'Deux palettes livrées sur trois',
      status: 'open',
    });
    const shown = await getPortalAccount(deps, portal, { customerId: customer.id, language: 'fr' });
    expect(shown.items.find((item) => item.number === 'F1')?.dispute).toEqual({
      id: dispute.id,
      reference: dispute.reference,
      status: 'open',
      disputedCents: 30_000,
    });
    expect(shown.disputes).toEqual([
      {
        id: dispute.id,
        reference: dispute.reference,
        status: 'open',
        cause: 'quantity',
        amountCents: 30_000,
        currency: 'EUR',
        raisedOn: '2026-03-15',
      },
    ]);
  });

  it('refuses an invoice of another customer, opening nothing', async () => {
    const { other, customer, id, portal } = await account();
    await expect(
      openPortalDispute(deps, portal, {
        customerId: customer.id,
        invoices: [{ invoiceId: id['F9'] ?? '' }],
        cause: 'price',
        message: 'Pas le bon prix',
      }),
    ).rejects.toThrow(NotFoundError);
    const shown = await getPortalAccount(deps, portal, { customerId: customer.id, language: 'fr' });
    expect(shown.disputes).toEqual([]);
    expect(other.id).not.toBe(customer.id);
  });
});

describe('portal links', () => {
  it('makes a reminder’s own link in the run’s transaction, tied to its message', async () => {
    const { ctx, customer } = await account();
    const messageId = deps.ids.newId();
    const url = await inTransaction(deps.db, (tx) =>
      createMessagePortalLinkInTx(deps, tx, ctx, {
        customerId: customer.id,
        messageId,
        now: TEST_NOW,
        publicUrl: `${PUBLIC_URL}/`,
      }),
    );
    expect(url).toMatch(/^https:\/\/encaisse\.example\.test\/portail#[A-Za-z0-9_-]{43}$/);
    const opened = await portalCtx(url);
    expect(opened.audience).toMatchObject({ kind: 'customer', customerId: customer.id });
    const links = await listPortalLinks(deps, ctx, customer.id);
    expect(links.map((link) => link.messageId)).toContain(messageId);
    const made = links.find((link) => link.messageId === messageId);
    expect(made?.expiresAt.toISOString()).toBe('2026-06-13T11:00:00.000Z');
    expect(await revokePortalLinks(deps, ctx, customer.id)).toBe(2);
    expect(await revokePortalLinks(deps, ctx, customer.id)).toBe(0);
    await expect(
      authenticateAccessLink(deps, url.split('#')[1] ?? '', TEST_NOW),
    ).rejects.toMatchObject({ reason: 'link_revoked' });
  });
});
