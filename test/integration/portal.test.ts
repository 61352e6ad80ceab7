/**
 * The customer portal on a real database (docs/portal.md): the account shows only the
 * customer's own items, with exact totals and its credit notes; approvals are idempotent and
 * seen by staff; a promise in the past is refused and one for today shows on its invoice; a
 * dispute opened through the portal carries its amount; another customer's invoice is never
 * reached; each reminder of the run carries its own link, which opens its customer's portal.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authenticateAccessLink } from '../../src/access/service.ts';
import type { Ctx } from '../../src/app/context.ts';
import type { Deps } from '../../src/app/deps.ts';
import { readCustomerEvents } from '../../src/audit/service.ts';
import { saveBankDetails } from '../../src/companies/bank-details.ts';
import type { DbHandle } from '../../src/db/client.ts';
import { runDunning } from '../../src/dunning/run.ts';
import { listMessagePage } from '../../src/jobs/messages.ts';
import { listInvoices } from '../../src/ledger/invoice-lists.ts';
import { saveCause } from '../../src/disputes/configuration.ts';
import { assignScenario } from '../../src/dunning/service.ts';
import { getPortalAccount } from '../../src/portal/account.ts';
import { approveInvoices, listInvoiceApprovals } from '../../src/portal/approvals.ts';
import {
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

/** The context a customer's link opens, from its URL (the token after `#`), from `ip`. */
async function portalCtx(url: string, ip = IP): Promise<Ctx> {
  const token = url.split('#')[1] ?? '';
  return (await authenticateAccessLink(deps, token, TEST_NOW, { ip })).ctx;
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

describe('the portal’s words', () => {
  it('lists the company’s active causes in its order, and opens in the customer’s own language', async () => {
    const { ctx, customer, portal } = await account();
    const before = await getPortalAccount(deps, portal, {
      customerId: customer.id,
      language: 'fr',
    });
    expect(before.preferredLanguage).toBeNull();
    expect(before.causes.map((cause) => cause.code)).toEqual([
      'price',
      'discount_not_applied',
      'quantity',
      'quality',
      'late_delivery',
      'not_delivered',
      'invoice_error',
      'duplicate',
      'not_ordered',
      'already_paid',
      'other',
    ]);
    await saveCause(deps, ctx, 'duplicate', { label: 'Doublon', deadlineDays: 3, isActive: false });
    await saveCause(deps, ctx, 'price', { label: 'Prix hors grille', deadlineDays: 5 });
    await saveCause(deps, ctx, 'palettes', { label: 'Palettes non reprises', deadlineDays: 10 });
    await assignScenario(deps, ctx, customer.id, {
      scenarioId: null,
      manualFollowUp: false,
      language: 'en',
    });
    const after = await getPortalAccount(deps, portal, { customerId: customer.id, language: 'fr' });
    expect(after.preferredLanguage).toBe('en');
    expect(after.causes[0]).toEqual({ code: 'price', label: 'Prix hors grille' });
    expect(after.causes.map((cause) => cause.code)).not.toContain('duplicate');
    expect(after.causes.at(-1)).toEqual({ code: 'palettes', label: 'Palettes non reprises' });
  });
});

describe('approvals', () => {
  it('are recorded once with the address, answered the same again, and listed for staff', async () => {
    const { ctx, customer, id, portal, url } = await account();
    const first = await approveInvoices(deps, portal, {
      customerId: customer.id,
      invoiceIds: [id['F1'] ?? '', id['F2'] ?? ''],
    });
    expect(first.map((entry) => [entry.invoiceId, entry.approvedAt.toISOString()])).toEqual([
      [id['F1'], TEST_NOW.toISOString()],
      [id['F2'], TEST_NOW.toISOString()],
    ]);
    const again = await approveInvoices(deps, await portalCtx(url, '198.51.100.1'), {
      customerId: customer.id,
      invoiceIds: [id['F1'] ?? ''],
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
      }),
    ).rejects.toThrow(NotFoundError);
    await expect(
      approveInvoices(deps, portal, {
        customerId: customer.id,
        invoiceIds: [id['A1'] ?? ''],
      }),
    ).rejects.toMatchObject({ reason: 'approval_not_an_invoice' });
    expect(await listInvoiceApprovals(deps, ctx, customer.id)).toEqual([]);
  });
});

describe('promises through the portal', () => {
  it('refuses a date in the past with the promises’ own message, and shows one for today', async () => {
    const { ctx, customer, id, portal } = await account();
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
    const [made] = (await readCustomerEvents(deps.db, ctx, customer.id, 100)).filter(
      (event) => event.action === 'promise.created',
    );
    expect(made).toMatchObject({ actorType: 'customer', actorId: portal.actor.id });
    expect(made?.data).toMatchObject({ ip: IP, linkId: portal.actor.id });
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
    const { ctx, customer, id, portal } = await account();
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
    const [raised] = (await readCustomerEvents(deps.db, ctx, customer.id, 100)).filter(
      (event) => event.action === 'dispute.raised',
    );
    expect(raised?.data).toMatchObject({ ip: IP, linkId: portal.actor.id });
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
  it('gives each reminder of the run its own link, tied to its message, opening only its customer', async () => {
    const { ctx } = await makeCompany(deps);
    const contacts = (email: string) => [
      { role: 'billing' as const, name: 'Claire Martin', email, phone: null },
    ];
    const first = await makeCustomer(deps, ctx, { contacts: contacts('compta@un.test') });
    const second = await makeCustomer(deps, ctx, { contacts: contacts('compta@deux.test') });
    for (const customer of [first, second]) {
      await makeInvoices(deps, ctx, customer.id, [
        {
          number: `F-${customer.code}`,
          issueDate: '2026-01-30',
          dueDate: '2026-03-01',
          amount: 100_000,
        },
      ]);
    }
    const report = await runDunning(deps, ctx, {
      date: calendarDate('2026-03-21'),
      publicUrl: `${PUBLIC_URL}/`,
    });
    expect(report.counts.messages).toBe(2);
    for (const customer of [first, second]) {
      const [message] = (await listMessagePage(deps, ctx, { customerId: customer.id, limit: 10 }))
        .items;
      const url = /https:\/\/encaisse\.example\.test\/portail#[A-Za-z0-9_-]{43}/.exec(
        message?.bodyText ?? '',
      )?.[0];
      expect(url).toBeDefined();
      const opened = await portalCtx(url ?? '');
      expect(opened.audience).toMatchObject({ kind: 'customer', customerId: customer.id });
      const links = await listPortalLinks(deps, ctx, customer.id);
      expect(links.map((link) => [link.messageId, link.expiresAt.toISOString()])).toEqual([
        [message?.id, '2026-06-13T11:00:00.000Z'],
      ]);
    }
    // The same day again sends nothing, and so makes no link.
    await runDunning(deps, ctx, { date: calendarDate('2026-03-21'), publicUrl: PUBLIC_URL });
    expect(await listPortalLinks(deps, ctx, first.id)).toHaveLength(1);
    expect(await revokePortalLinks(deps, ctx, first.id)).toBe(1);
    expect(await revokePortalLinks(deps, ctx, first.id)).toBe(0);
    expect(await listPortalLinks(deps, ctx, second.id)).toHaveLength(1);
  });

  it('makes no link in a dry run, nor for a customer without an address', async () => {
    const { ctx } = await makeCompany(deps);
    const reachable = await makeCustomer(deps, ctx, {
      contacts: [{ role: 'billing', name: 'Claire', email: 'compta@un.test', phone: null }],
    });
    const unreachable = await makeCustomer(deps, ctx, { contacts: [] });
    for (const customer of [reachable, unreachable]) {
      await makeInvoices(deps, ctx, customer.id, [
        {
          number: `F-${customer.code}`,
          issueDate: '2026-01-30',
          dueDate: '2026-03-01',
          amount: 100_000,
        },
      ]);
    }
    const preview = await runDunning(deps, ctx, {
      date: calendarDate('2026-03-21'),
      dryRun: true,
      publicUrl: PUBLIC_URL,
    });
    expect(preview.counts.messages).toBe(1);
    expect(await listPortalLinks(deps, ctx, reachable.id)).toEqual([]);
    const report = await runDunning(deps, ctx, {
      date: calendarDate('2026-03-21'),
      publicUrl: PUBLIC_URL,
    });
    expect(report.counts).toMatchObject({ messages: 1, tasks: 1 });
    expect(await listPortalLinks(deps, ctx, reachable.id)).toHaveLength(1);
    expect(await listPortalLinks(deps, ctx, unreachable.id)).toEqual([]);
  });
});
