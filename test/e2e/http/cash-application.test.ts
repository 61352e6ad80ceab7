/**
 * Cash application over HTTP: the queue a camt statement leaves once uploaded, a person's
 * match, its undo, a line set aside and back, the matcher's run and its threshold; the
 * refusals as problems (409 on a line already applied, 400 on a bad body, 403 by role).
 */
import { describe, expect, it } from 'vitest';
import { ZBankImportReport } from '../../../src/bank/schemas.ts';
import {
  ZBankLineMatch,
  ZBankLinePage,
  ZCashApplicationSettings,
  ZMatchRunReport,
  type TBankLineItem,
  type TBankLineMatchStatus,
} from '../../../src/bank/matching/schemas.ts';
import { ZAllocationList, ZInvoice, ZInvoicePage } from '../../../src/ledger/schemas.ts';
import { createCurrentAccount, fourLineStatement } from '../../cash-application-fixture.ts';
import { makeCompany, makeCustomer, makeInvoices, makeUser } from '../../factories.ts';
import { expectProblem, signIn, writeHeaders, type Session, useHttpApp } from './http-helpers.ts';

const http = useHttpApp();

/**
 * A company with two customers and their invoices, whose statement brings four lines:
 * Martin's transfer naming its invoice (applied at once), 300,00 € from Dupont that fits
 * none of its invoices exactly (queued, Dupont suggested), bank fees (money out) and
 * 777,00 € from nobody known (queued, no suggestion).
 */
async function companyWithStatement() {
  const { ctx } = await makeCompany(http.deps);
  await createCurrentAccount(http.deps, ctx);
  const martin = await makeCustomer(http.deps, ctx, {
    code: 'MARTIN',
    legalName: 'Boulangerie Martin SARL',
  });
  const dupont = await makeCustomer(http.deps, ctx, {
    code: 'DUPONT',
    legalName: 'Transports Dupont SAS',
  });
  await makeInvoices(http.deps, ctx, martin.id, [
    { number: 'FA-2026-000101', issueDate: '2026-01-05', dueDate: '2026-02-04', amount: 120_000 },
  ]);
  await makeInvoices(http.deps, ctx, dupont.id, [
    { number: 'FA-2026-000201', issueDate: '2026-01-08', dueDate: '2026-02-07', amount: 99_900 },
  ]);
  const admin = await makeUser(http.deps, ctx, 'admin');
  const session = await signIn(http.app, admin.email, admin.password);
  const file = fourLineStatement('S1', { text: 'VIREMENT', counterparty: 'INCONNU SA' });
  const uploaded = await http.app.inject({
    method: 'POST',
    url: '/api/imports/bank',
    headers: {
      ...writeHeaders(session),
      'content-type': 'application/octet-stream',
      'x-file-name': 'releve.xml',
    },
    payload: Buffer.from(file),
  });
  expect(uploaded.statusCode).toBe(200);
  expect(ZBankImportReport.parse(uploaded.json())).toMatchObject({
    committed: true,
    matching: { lines: 4, incoming: 3, outgoing: 1, applied: 1, queued: 2 },
  });
  return { ctx, session, martin, dupont };
}

async function listLines(session: Session, status: TBankLineMatchStatus = 'queued') {
  const response = await http.app.inject({
    url: `/api/bank-lines?status=${status}`,
    headers: { cookie: session.cookie },
  });
  expect(response.statusCode).toBe(200);
  return ZBankLinePage.parse(response.json());
}

function post(session: Session, url: string, payload?: unknown) {
  return http.app.inject({
    method: 'POST',
    url,
    headers: writeHeaders(session),
    ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
  });
}

/** The queued line of `amount` cents. */
async function queuedLine(session: Session, amount: number): Promise<TBankLineItem> {
  const item = (await listLines(session)).items.find((entry) => entry.line.amount === amount);
  if (item === undefined) {
    throw new Error(`no queued line of ${amount}`);
  }
  return item;
}

/** The best suggestion's customer and allocations, as the web's « Valider » sends them. */
function bestMatchBody(item: TBankLineItem) {
  const [best] = item.match.suggestions;
  if (best === undefined) {
    throw new Error('no suggestion');
  }
  return {
    customerId: best.customerId,
    allocations: best.allocations.map((part) => ({
      invoiceId: part.invoiceId,
      amount: part.amount,
    })),
  };
}

async function openAmountOf(session: Session, number: string): Promise<number | undefined> {
  const response = await http.app.inject({
    url: `/api/invoices?status=all&search=${number}`,
    headers: { cookie: session.cookie },
  });
  expect(response.statusCode).toBe(200);
  return ZInvoicePage.parse(response.json()).items.find((item) => item.number === number)
    ?.openAmount;
}

describe('GET /api/bank-lines', () => {
  it('lists the queue oldest first with the suggestions, and counts every status', async () => {
    const { session, dupont } = await companyWithStatement();

    const queue = await listLines(session);

    expect(queue).toMatchObject({ total: 2, page: 1, pageSize: 50 });
    expect(queue.counts).toEqual({
      queued: 2,
      applied: 1,
      reversed: 0,
      outgoing: 1,
      reversal: 0,
      ignored: 0,
    });
    expect(queue.items.map((item) => [item.line.bookingDate, item.line.amount])).toEqual([
      ['2026-03-02', 30_000],
      ['2026-03-03', 77_700],
    ]);
    const [fromDupont, unknown] = queue.items;
    expect(fromDupont?.line).toMatchObject({
      currency: 'EUR',
      counterpartyName: 'TRANSPORTS DUPONT',
      counterpartyIban: null,
      remittanceText: 'VIREMENT ACOMPTE',
      structuredReferences: [],
      bankReferences: { accountServicerReference: 'R2' },
    });
    expect(fromDupont?.match).toMatchObject({
      status: 'queued',
      customerId: dupont.id,
      paymentId: null,
      appliedBy: null,
    });
    expect(fromDupont?.match.suggestions[0]).toMatchObject({
      customerId: dupont.id,
      customerCode: 'DUPONT',
      customerName: 'Transports Dupont SAS',
      allocations: [
        {
          invoiceNumber: 'FA-2026-000201',
          amount: 30_000,
          creditNoteId: null,
          creditNoteNumber: null,
        },
      ],
      unappliedAmount: 0,
    });
    expect(fromDupont?.match.reasons.map((reason) => reason.code)).toContain('match_reason_name');
    expect(unknown?.match).toMatchObject({ customerId: null, confidence: null, suggestions: [] });
  });

  it('lists what the matcher applied, with its confidence and reasons', async () => {
    const { session, martin } = await companyWithStatement();

    const applied = await listLines(session, 'applied');

    expect(applied.items).toHaveLength(1);
    expect(applied.items[0]?.match).toMatchObject({
      status: 'applied',
      customerId: martin.id,
      appliedBy: 'matcher',
      confidence: 99,
    });
    expect(applied.items[0]?.match.paymentId).toEqual(expect.any(String));
    expect(applied.items[0]?.match.reasons[0]).toEqual({
      code: 'match_reason_reference',
      params: { number: 'FA-2026-000101', text: 'FA-2026-000101' },
    });
    expect((await listLines(session, 'outgoing')).items.map((item) => item.line.amount)).toEqual([
      -4_590,
    ]);
  });

  it('lists what an applied line settled, by the matcher or by hand, and none once undone', async () => {
    const { session, dupont } = await companyWithStatement();
    const byHand = await queuedLine(session, 77_700);
    const invoices = await http.app.inject({
      url: `/api/invoices?customerId=${dupont.id}&status=unpaid`,
      headers: { cookie: session.cookie },
    });
    const [invoice] = ZInvoicePage.parse(invoices.json()).items;
    const matched = await post(session, `/api/bank-lines/${byHand.line.id}/match`, {
      customerId: dupont.id,
      allocations: [{ invoiceId: invoice?.id, amount: 50_000 }],
    });
    expect(matched.statusCode).toBe(200);
    const appliedItem = async (lineId: string) =>
      (await listLines(session, 'applied')).items.find((item) => item.line.id === lineId);

    const applied = await listLines(session, 'applied');

    const automatic = applied.items.find((item) => item.match.appliedBy === 'matcher');
    expect(automatic?.settlement).toEqual({
      allocations: [
        {
          invoiceId: expect.any(String),
          invoiceNumber: 'FA-2026-000101',
          amount: 120_000,
          creditNoteId: null,
          creditNoteNumber: null,
        },
      ],
      unappliedAmount: 0,
    });
    // A match by hand has no suggestion of its own: the ledger says what it settled.
    expect(byHand.match.suggestions).toEqual([]);
    expect((await appliedItem(byHand.line.id))?.settlement).toEqual({
      allocations: [
        {
          invoiceId: invoice?.id,
          invoiceNumber: 'FA-2026-000201',
          amount: 50_000,
          creditNoteId: null,
          creditNoteNumber: null,
        },
      ],
      unappliedAmount: 27_700,
    });

    // An allocation undone in the ledger is not listed; its cash is unapplied again.
    const history = await http.app.inject({
      url: `/api/invoices/${invoice?.id}/allocations`,
      headers: { cookie: session.cookie },
    });
    const [allocation] = ZAllocationList.parse(history.json()).items;
    const undoneAllocation = await http.app.inject({
      method: 'DELETE',
      url: `/api/allocations/${allocation?.id}`,
      headers: writeHeaders(session),
    });
    expect(undoneAllocation.statusCode).toBe(200);
    expect((await appliedItem(byHand.line.id))?.settlement).toEqual({
      allocations: [],
      unappliedAmount: 77_700,
    });

    // A match undone: the line is queued again, with nothing settled.
    const undone = await post(session, `/api/bank-lines/${automatic?.line.id}/undo`);
    expect(undone.statusCode).toBe(200);
    expect(await appliedItem(automatic?.line.id ?? '')).toBeUndefined();
    const requeued = (await listLines(session)).items.find(
      (item) => item.line.id === automatic?.line.id,
    );
    expect(requeued?.match.status).toBe('queued');
    expect(requeued?.settlement).toBeNull();
  });

  it('refuses an unknown status (400)', async () => {
    const { session } = await companyWithStatement();
    const response = await http.app.inject({
      url: '/api/bank-lines?status=lost',
      headers: { cookie: session.cookie },
    });
    expect(expectProblem(response, 400).code).toBe('invalid');
  });
});

describe('POST /api/bank-lines/:id/match and /undo', () => {
  it('confirms the best suggestion, settles the invoice, and undoes it back into the queue', async () => {
    const { session, dupont } = await companyWithStatement();
    const item = await queuedLine(session, 30_000);

    const confirmed = await post(session, `/api/bank-lines/${item.line.id}/match`, {
      ...bestMatchBody(item),
    });

    expect(confirmed.statusCode).toBe(200);
    const applied = ZBankLineMatch.parse(confirmed.json());
    expect(applied).toMatchObject({
      bankLineId: item.line.id,
      status: 'applied',
      customerId: dupont.id,
      appliedBy: 'user',
      // A person's decision carries no confidence, nor the matcher's reasons.
      confidence: null,
      reasons: [],
    });
    expect(applied.paymentId).toEqual(expect.any(String));
    expect(await openAmountOf(session, 'FA-2026-000201')).toBe(99_900 - 30_000);
    expect((await listLines(session)).counts).toMatchObject({ queued: 1, applied: 2 });

    const again = await post(session, `/api/bank-lines/${item.line.id}/match`, {
      ...bestMatchBody(item),
    });
    expect(expectProblem(again, 409)).toMatchObject({
      code: 'conflict',
      reason: 'bank_line_not_queued',
      params: { status: 'applied' },
    });

    const undone = await post(session, `/api/bank-lines/${item.line.id}/undo`);

    expect(undone.statusCode).toBe(200);
    expect(ZBankLineMatch.parse(undone.json())).toMatchObject({
      status: 'queued',
      paymentId: null,
      appliedBy: null,
      customerId: dupont.id,
    });
    expect(await openAmountOf(session, 'FA-2026-000201')).toBe(99_900);
    expect((await listLines(session)).counts).toMatchObject({ queued: 2, applied: 1 });
    const twice = await post(session, `/api/bank-lines/${item.line.id}/undo`);
    expect(expectProblem(twice, 409).reason).toBe('bank_line_not_applied');
  });

  it('applies a match of one’s own: part to an invoice, the rest unapplied on the account', async () => {
    const { session, dupont } = await companyWithStatement();
    const item = await queuedLine(session, 77_700);
    const invoices = await http.app.inject({
      url: `/api/invoices?customerId=${dupont.id}&status=unpaid`,
      headers: { cookie: session.cookie },
    });
    const [invoice] = ZInvoicePage.parse(invoices.json()).items;

    const response = await post(session, `/api/bank-lines/${item.line.id}/match`, {
      customerId: dupont.id,
      allocations: [{ invoiceId: invoice?.id, amount: 50_000 }],
    });

    expect(response.statusCode).toBe(200);
    expect(ZBankLineMatch.parse(response.json())).toMatchObject({
      status: 'applied',
      customerId: dupont.id,
      appliedBy: 'user',
      confidence: null,
    });
    const settled = await http.app.inject({
      url: `/api/invoices/${invoice?.id}`,
      headers: { cookie: session.cookie },
    });
    expect(ZInvoice.parse(settled.json()).openAmount).toBe(99_900 - 50_000);
  });

  it('refuses a bad body (400), allocations above the line (400), an unknown line (404)', async () => {
    const { session, dupont } = await companyWithStatement();
    const item = await queuedLine(session, 30_000);
    const [part] = bestMatchBody(item).allocations;
    const url = `/api/bank-lines/${item.line.id}/match`;

    const noCustomer = await post(session, url, { allocations: [] });
    expect(expectProblem(noCustomer, 400).issues?.map((issue) => issue.field)).toContain(
      'customerId',
    );
    const negative = await post(session, url, {
      customerId: dupont.id,
      allocations: [{ invoiceId: part?.invoiceId, amount: -100 }],
    });
    expect(expectProblem(negative, 400).code).toBe('invalid');
    const tooMuch = await post(session, url, {
      customerId: dupont.id,
      allocations: [{ invoiceId: part?.invoiceId, amount: 30_001 }],
    });
    expect(expectProblem(tooMuch, 400)).toMatchObject({
      reason: 'bank_line_allocations_exceed',
      params: { total: 30_001, amount: 30_000, currency: 'EUR' },
    });
    const unknown = await post(
      session,
      '/api/bank-lines/00000000-0000-4000-8000-000000000000/match',
      {
        customerId: dupont.id,
        allocations: [],
      },
    );
    expect(expectProblem(unknown, 404).reason).toBe('bank_line_not_found');
    expect((await listLines(session)).counts.queued).toBe(2);
  });

  it('lets a collector confirm, and refuses a read-only user (403) who may still look', async () => {
    const { ctx, session } = await companyWithStatement();
    const item = await queuedLine(session, 30_000);
    const collector = await makeUser(http.deps, ctx, 'collector');
    const reader = await makeUser(http.deps, ctx, 'read_only');
    const readerSession = await signIn(http.app, reader.email, reader.password);

    const refused = await post(readerSession, `/api/bank-lines/${item.line.id}/match`, {
      ...bestMatchBody(item),
    });
    expect(expectProblem(refused, 403).reason).toBe('role_forbidden');
    expect((await listLines(readerSession)).total).toBe(2);

    const collectorSession = await signIn(http.app, collector.email, collector.password);
    const confirmed = await post(collectorSession, `/api/bank-lines/${item.line.id}/match`, {
      ...bestMatchBody(item),
    });
    expect(confirmed.statusCode).toBe(200);
    expect(ZBankLineMatch.parse(confirmed.json()).status).toBe('applied');
  });
});

describe('POST /api/bank-lines/:id/set-aside and /requeue', () => {
  it('sets a queued line aside and puts it back', async () => {
    const { session } = await companyWithStatement();
    const item = await queuedLine(session, 77_700);

    const aside = await post(session, `/api/bank-lines/${item.line.id}/set-aside`);

    expect(aside.statusCode).toBe(200);
    expect(ZBankLineMatch.parse(aside.json()).status).toBe('ignored');
    const ignored = await listLines(session, 'ignored');
    expect(ignored.items.map((entry) => entry.line.id)).toEqual([item.line.id]);
    expect(ignored.counts).toMatchObject({ queued: 1, ignored: 1 });
    const twice = await post(session, `/api/bank-lines/${item.line.id}/set-aside`);
    expect(expectProblem(twice, 409).reason).toBe('bank_line_not_queued');

    const back = await post(session, `/api/bank-lines/${item.line.id}/requeue`);

    expect(back.statusCode).toBe(200);
    expect(ZBankLineMatch.parse(back.json()).status).toBe('queued');
    expect((await listLines(session)).counts).toMatchObject({ queued: 2, ignored: 0 });
  });

  it('refuses to set aside money going out (409)', async () => {
    const { session } = await companyWithStatement();
    const [fees] = (await listLines(session, 'outgoing')).items;
    const response = await post(session, `/api/bank-lines/${fees?.line.id}/set-aside`);
    expect(expectProblem(response, 409).reason).toBe('bank_line_not_queued');
  });
});

describe('/api/cash-application', () => {
  it('runs the matcher over the queue at a threshold of the run, and reports its rates', async () => {
    const { session } = await companyWithStatement();

    const response = await post(session, '/api/cash-application/run', { threshold: 50 });

    expect(response.statusCode).toBe(200);
    expect(ZMatchRunReport.parse(response.json())).toEqual({
      threshold: 50,
      lines: 2,
      incoming: 2,
      outgoing: 0,
      reversals: 0,
      reversed: 0,
      applied: 1,
      queued: 1,
      payerFound: 1,
      fullyAllocated: 1,
      payerRate: 0.5,
      invoiceRate: 0.5,
    });
    expect((await listLines(session)).counts).toMatchObject({ queued: 1, applied: 2 });
  });

  it('reads and sets the threshold; a collector may not set it, nor 0', async () => {
    const { ctx, session } = await companyWithStatement();
    const read = () =>
      http.app.inject({
        url: '/api/cash-application/settings',
        headers: { cookie: session.cookie },
      });
    expect(ZCashApplicationSettings.parse((await read()).json())).toEqual({
      autoApplyThreshold: 90,
    });

    const put = (who: Session, payload: Record<string, unknown>) =>
      http.app.inject({
        method: 'PUT',
        url: '/api/cash-application/settings',
        headers: writeHeaders(who),
        payload,
      });
    const saved = await put(session, { autoApplyThreshold: 95 });
    expect(saved.statusCode).toBe(200);
    expect(ZCashApplicationSettings.parse(saved.json())).toEqual({ autoApplyThreshold: 95 });
    expect(ZCashApplicationSettings.parse((await read()).json())).toEqual({
      autoApplyThreshold: 95,
    });

    expect(expectProblem(await put(session, { autoApplyThreshold: 0 }), 400).code).toBe('invalid');
    const collector = await makeUser(http.deps, ctx, 'collector');
    const collectorSession = await signIn(http.app, collector.email, collector.password);
    expect(expectProblem(await put(collectorSession, { autoApplyThreshold: 80 }), 403).reason).toBe(
      'role_forbidden',
    );
  });
});
