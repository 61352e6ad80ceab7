import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ctx } from '../../src/app/context.ts';
import type { Deps } from '../../src/app/deps.ts';
import {
  applyLineMatch,
  listLineMatchPage,
  runMatcher,
  setLineAside,
  undoLineMatch,
} from '../../src/bank/matching/service.ts';
import { importBankFile } from '../../src/bank/service.ts';
import type { DbHandle } from '../../src/db/client.ts';
import { getCustomerBalance } from '../../src/ledger/service.ts';
import { listPayments } from '../../src/ledger/payment-lists.ts';
import { ZListInvoicesQuery } from '../../src/ledger/schemas.ts';
import { listInvoices } from '../../src/ledger/invoice-lists.ts';
import { cents } from '../../src/shared/money.ts';
import type { TestMovement } from '../bank-files.ts';
import {
  bankFees,
  createCurrentAccount,
  marchStatement,
  MARTIN_IBAN,
  MARTIN_TRANSFER,
} from '../cash-application-fixture.ts';
import { openTestRuntime } from '../db.ts';
import { makeCompany, makeCustomer, makeInvoices } from '../factories.ts';
import { findLedgerInconsistencies } from '../ledger-invariants.ts';

let handle: DbHandle;
let deps: Deps;

beforeAll(async () => {
  ({ handle, deps } = await openTestRuntime());
});
afterAll(async () => {
  await handle.close();
});

async function ledger() {
  const { ctx } = await makeCompany(deps);
  await createCurrentAccount(deps, ctx);
  const martin = await makeCustomer(deps, ctx, { legalName: 'Boulangerie Martin SARL' });
  const dupont = await makeCustomer(deps, ctx, { legalName: 'Transports Dupont SAS' });
  await makeInvoices(deps, ctx, martin.id, [
    { number: 'FA-2026-000101', issueDate: '2026-01-05', dueDate: '2026-02-04', amount: 120_000 },
    { number: 'FA-2026-000102', issueDate: '2026-01-12', dueDate: '2026-02-11', amount: 45_000 },
    { number: 'FA-2026-000103', issueDate: '2026-01-20', dueDate: '2026-02-19', amount: 30_000 },
    {
      number: 'AV-2026-000007',
      kind: 'credit_note',
      issueDate: '2026-01-25',
      dueDate: '2026-01-25',
      amount: 5_000,
    },
  ]);
  await makeInvoices(deps, ctx, dupont.id, [
    { number: 'FA-2026-000201', issueDate: '2026-01-08', dueDate: '2026-02-07', amount: 99_900 },
  ]);
  return { ctx, martin, dupont };
}

function importMovements(ctx: Ctx, id: string, movements: TestMovement[]) {
  return importBankFile(deps, ctx, {
    bytes: new TextEncoder().encode(marchStatement(id, movements)),
    fileName: `${id}.xml`,
    addAccount: false,
    dryRun: false,
  });
}

async function findItem(ctx: Ctx, number: string) {
  const query = ZListInvoicesQuery.parse({ search: number, status: 'all' });
  const page = await listInvoices(deps, ctx, query);
  return page.items.find((item) => item.number === number);
}

async function openOf(ctx: Ctx, number: string) {
  return (await findItem(ctx, number))?.openAmount;
}

describe('cash application on import', () => {
  it('applies a transfer naming its invoice, learns the IBAN, and queues what it cannot tell', async () => {
    const { ctx, martin } = await ledger();
    const report = await importMovements(ctx, 'S1', [
      MARTIN_TRANSFER,
      bankFees('R2'),
      {
        date: '2026-03-02',
        amountCents: 77_700,
        text: 'VIREMENT',
        counterparty: 'INCONNU SA',
        reference: 'R3',
      },
    ]);

    expect(report.committed).toBe(true);
    expect(report.matching).toMatchObject({
      lines: 3,
      incoming: 2,
      outgoing: 1,
      applied: 1,
      queued: 1,
      fullyAllocated: 1,
    });
    expect(await openOf(ctx, 'FA-2026-000101')).toBe(0);
    const payments = await listPayments(deps, ctx, {
      customerId: martin.id,
      page: 1,
      pageSize: 10,
    });
    expect(payments.items.map((payment) => payment.reference)).toEqual(['R1']);

    // The IBAN is now Martin's: a transfer without any number, of the amount of its
    // oldest open invoice, is Martin's too.
    const second = await importMovements(ctx, 'S2', [
      {
        date: '2026-03-03',
        amountCents: 45_000,
        text: 'VIR SEPA',
        counterparty: 'BOULANGERIE MARTIN',
        counterpartyIban: MARTIN_IBAN,
        reference: 'R4',
      },
    ]);
    expect(second.matching).toMatchObject({ applied: 1, queued: 0 });
    expect(await openOf(ctx, 'FA-2026-000102')).toBe(0);

    const queue = await listLineMatchPage(deps, ctx, { status: 'queued', page: 1, pageSize: 10 });
    expect(queue.items.map((item) => item.line.amountCents)).toEqual([77_700]);
    expect(queue.counts).toMatchObject({ queued: 1, applied: 2, outgoing: 1 });
    expect(await findLedgerInconsistencies(deps.db, ctx.companyId)).toEqual([]);
  });

  it('settles invoices minus a credit note, and an overpayment leaves unapplied cash', async () => {
    const { ctx, martin } = await ledger();
    const report = await importMovements(ctx, 'S1', [
      {
        date: '2026-03-02',
        amountCents: 120_000 + 45_000 - 5_000,
        text: 'FA2026000101 FA2026000102 AV2026000007',
        counterparty: 'BOULANGERIE MARTIN',
        reference: 'R1',
      },
      {
        date: '2026-03-02',
        amountCents: 30_000 + 1_200,
        text: 'FACT FA-2026-000103',
        counterparty: 'BOULANGERIE MARTIN',
        reference: 'R2',
      },
    ]);
    expect(report.matching).toMatchObject({ applied: 2, fullyAllocated: 1 });
    for (const number of ['FA-2026-000101', 'FA-2026-000102', 'FA-2026-000103', 'AV-2026-000007']) {
      expect(await openOf(ctx, number)).toBe(0);
    }
    const balance = await getCustomerBalance(deps, ctx, martin.id);
    expect(balance).toMatchObject({ unappliedCash: 1_200, invoicesOpen: 0 });
    // Each line says what its payment settled: the credit note deducted named beside its invoice.
    const applied = await listLineMatchPage(deps, ctx, { status: 'applied', page: 1, pageSize: 5 });
    const settled = (amountCents: number) =>
      applied.items.find((item) => item.line.amountCents === amountCents)?.settlement;
    expect(settled(160_000)).toMatchObject({
      unappliedCents: 0,
      allocations: [
        { invoiceNumber: 'FA-2026-000101', creditNoteNumber: 'AV-2026-000007', amountCents: 5_000 },
        { invoiceNumber: 'FA-2026-000101', creditNoteNumber: null, amountCents: 115_000 },
        { invoiceNumber: 'FA-2026-000102', creditNoteNumber: null, amountCents: 45_000 },
      ],
    });
    expect(settled(31_200)).toMatchObject({
      unappliedCents: 1_200,
      allocations: [{ invoiceNumber: 'FA-2026-000103', creditNoteId: null, amountCents: 30_000 }],
    });
    expect(await findLedgerInconsistencies(deps.db, ctx.companyId)).toEqual([]);
  });

  it('never settles receivables with money going out', async () => {
    const { ctx } = await ledger();
    const report = await importMovements(ctx, 'S1', [
      { date: '2026-03-02', amountCents: -99_900, text: 'FA-2026-000201', reference: 'R1' },
    ]);
    expect(report.matching).toMatchObject({ outgoing: 1, applied: 0, queued: 0 });
    expect(await openOf(ctx, 'FA-2026-000201')).toBe(99_900);
  });
});

describe('reversals', () => {
  it('voids the payment of the transfer the bank takes back, and the invoice is open again', async () => {
    const { ctx } = await ledger();
    const paid = await importMovements(ctx, 'S1', [
      {
        date: '2026-03-02',
        amountCents: 99_900,
        text: 'FACTURE FA-2026-000201',
        counterparty: 'TRANSPORTS DUPONT',
        reference: 'R1',
        endToEndId: 'E2E-0201',
      },
    ]);
    expect(paid.matching).toMatchObject({ applied: 1 });
    expect(await openOf(ctx, 'FA-2026-000201')).toBe(0);

    const returned = await importMovements(ctx, 'S2', [
      {
        date: '2026-03-05',
        amountCents: -99_900,
        text: 'RETOUR VIREMENT',
        reference: 'R2',
        endToEndId: 'E2E-0201',
        reversal: { reason: 'AC06' },
      },
    ]);
    expect(returned.matching).toMatchObject({ reversals: 1, reversed: 1, applied: 0 });
    expect(await openOf(ctx, 'FA-2026-000201')).toBe(99_900);
    const page = await listLineMatchPage(deps, ctx, { status: 'reversed', page: 1, pageSize: 5 });
    expect(page.items.map((item) => item.line.amountCents)).toEqual([99_900]);
    const [reversal] = (
      await listLineMatchPage(deps, ctx, { status: 'reversal', page: 1, pageSize: 5 })
    ).items;
    expect(reversal?.match.reasons).toEqual([
      { code: 'match_reason_reverses', params: { date: '2026-03-02', reference: 'R1' } },
    ]);
    expect(await findLedgerInconsistencies(deps.db, ctx.companyId)).toEqual([]);
  });

  it('sets aside a queued transfer the bank took back, so nobody applies cash that is gone', async () => {
    const { ctx } = await ledger();
    await importMovements(ctx, 'S1', [
      {
        date: '2026-03-02',
        amountCents: 12_300,
        text: 'VIREMENT',
        counterparty: 'INCONNU SA',
        reference: 'R1',
        endToEndId: 'E2E-X',
      },
    ]);
    const returned = await importMovements(ctx, 'S2', [
      {
        date: '2026-03-05',
        amountCents: -12_300,
        text: 'RETOUR VIREMENT',
        reference: 'R2',
        endToEndId: 'E2E-X',
        reversal: { reason: 'AC04' },
      },
    ]);
    expect(returned.matching).toMatchObject({ reversals: 1, reversed: 1 });
    const queue = await listLineMatchPage(deps, ctx, { status: 'queued', page: 1, pageSize: 5 });
    expect(queue.items).toEqual([]);
    const [aside] = (
      await listLineMatchPage(deps, ctx, { status: 'ignored', page: 1, pageSize: 5 })
    ).items;
    expect(aside?.match.reasons).toEqual([
      { code: 'match_reason_taken_back', params: { date: '2026-03-05', reason: 'AC04' } },
    ]);
  });

  it('leaves alone a transfer of the same amount that is another transaction', async () => {
    const { ctx } = await ledger();
    await importMovements(ctx, 'S1', [
      {
        date: '2026-03-02',
        amountCents: 99_900,
        text: 'FACTURE FA-2026-000201',
        counterparty: 'TRANSPORTS DUPONT',
        reference: 'R1',
        endToEndId: 'E2E-0201',
      },
    ]);
    const returned = await importMovements(ctx, 'S2', [
      {
        date: '2026-03-05',
        amountCents: -99_900,
        text: 'RETOUR VIREMENT',
        reference: 'R2',
        endToEndId: 'E2E-9999',
        reversal: { reason: 'AC06' },
      },
    ]);
    expect(returned.matching).toMatchObject({ reversals: 1, reversed: 0 });
    expect(await openOf(ctx, 'FA-2026-000201')).toBe(0);
  });
});

describe('the matching queue', () => {
  it('confirms a suggestion by hand, undoes it, and the invoice is open again', async () => {
    const { ctx, dupont } = await ledger();
    // A payer found by its name alone, with no invoice of that amount: a suggestion only.
    await importMovements(ctx, 'S1', [
      {
        date: '2026-03-02',
        amountCents: 50_000,
        text: 'VIREMENT ACOMPTE',
        counterparty: 'TRANSPORTS DUPONT',
        reference: 'R1',
      },
    ]);
    const queue = await listLineMatchPage(deps, ctx, { status: 'queued', page: 1, pageSize: 10 });
    const [item] = queue.items;
    expect(item?.match.suggestions[0]).toMatchObject({
      customerId: dupont.id,
      allocations: [{ invoiceNumber: 'FA-2026-000201', amountCents: 50_000 }],
    });
    const suggestion = item?.match.suggestions[0];
    if (item === undefined || suggestion === undefined) {
      throw new Error('no suggestion');
    }
    const applied = await applyLineMatch(deps, ctx, item.line.id, {
      customerId: suggestion.customerId,
      allocations: suggestion.allocations,
    });
    expect(applied).toMatchObject({ status: 'applied', appliedBy: 'user' });
    expect(await openOf(ctx, 'FA-2026-000201')).toBe(49_900);
    await expect(
      applyLineMatch(deps, ctx, item.line.id, { customerId: dupont.id, allocations: [] }),
    ).rejects.toMatchObject({ reason: 'bank_line_not_queued' });

    const undone = await undoLineMatch(deps, ctx, item.line.id);
    expect(undone.status).toBe('queued');
    expect(await openOf(ctx, 'FA-2026-000201')).toBe(99_900);
    const payments = await listPayments(deps, ctx, {
      customerId: dupont.id,
      page: 1,
      pageSize: 10,
    });
    expect(payments.items).toEqual([]);
    expect(await findLedgerInconsistencies(deps.db, ctx.companyId)).toEqual([]);

    // Applied again, the line's second payment gets a reference of its own.
    await applyLineMatch(deps, ctx, item.line.id, {
      customerId: dupont.id,
      allocations: [
        { invoiceId: suggestion.allocations[0]?.invoiceId ?? '', amountCents: cents(50_000) },
      ],
    });
    const again = await listPayments(deps, ctx, { customerId: dupont.id, page: 1, pageSize: 10 });
    expect(again.items.map((payment) => payment.reference)).toEqual(['R1-2']);
  });

  it('refuses allocations over the line, sets a line aside and back', async () => {
    const { ctx, dupont } = await ledger();
    await importMovements(ctx, 'S1', [
      { date: '2026-03-02', amountCents: 10_000, text: 'REMBOURSEMENT', reference: 'R1' },
    ]);
    const [item] = (await listLineMatchPage(deps, ctx, { status: 'queued', page: 1, pageSize: 10 }))
      .items;
    const lineId = item?.line.id ?? '';
    const invoice = await findItem(ctx, 'FA-2026-000201');
    await expect(
      applyLineMatch(deps, ctx, lineId, {
        customerId: dupont.id,
        allocations: [{ invoiceId: invoice?.id ?? '', amountCents: cents(20_000) }],
      }),
    ).rejects.toMatchObject({ reason: 'bank_line_allocations_exceed' });
    // A customer the company does not have (another company's, or none): not found, nothing saved.
    await expect(
      applyLineMatch(deps, ctx, lineId, {
        customerId: '01a23395-0000-7000-8000-000000000000',
        allocations: [],
      }),
    ).rejects.toMatchObject({ code: 'not_found', reason: 'customer_not_found' });
    expect((await setLineAside(deps, ctx, lineId, true)).status).toBe('ignored');
    expect((await setLineAside(deps, ctx, lineId, false)).status).toBe('queued');
  });

  it('matches the queue again once the invoice arrives', async () => {
    const { ctx, dupont } = await ledger();
    await importMovements(ctx, 'S1', [
      {
        date: '2026-03-02',
        amountCents: 12_345,
        text: 'FACTURE FA-2026-000299',
        counterparty: 'TRANSPORTS DUPONT',
        reference: 'R1',
      },
    ]);
    expect((await runMatcher(deps, ctx)).applied).toBe(0);
    await makeInvoices(deps, ctx, dupont.id, [
      { number: 'FA-2026-000299', issueDate: '2026-02-28', dueDate: '2026-03-30', amount: 12_345 },
    ]);
    const run = await runMatcher(deps, ctx);
    expect(run).toMatchObject({ lines: 1, applied: 1, payerRate: 1, invoiceRate: 1 });
    expect(await openOf(ctx, 'FA-2026-000299')).toBe(0);
  });
});

describe('at the same time', () => {
  /** A customer with `count` invoices and a statement paying each by its number, all queued. */
  async function queuedStatement(count: number) {
    const { ctx, dupont } = await ledger();
    const numbers = Array.from(
      { length: count },
      (_, i) => `FB-2026-${String(i + 1).padStart(6, '0')}`,
    );
    await makeInvoices(
      deps,
      ctx,
      dupont.id,
      numbers.map((number, i) => ({
        number,
        issueDate: '2026-01-10',
        dueDate: '2026-02-10',
        amount: 10_000 + i,
      })),
    );
    const movements = numbers.map((number, i) => ({
      date: '2026-03-02',
      amountCents: 10_000 + i,
      text: `FACTURE ${number}`,
      counterparty: 'TRANSPORTS DUPONT',
      reference: `P${i + 1}`,
    }));
    const stored = await importBankFile(deps, ctx, {
      bytes: new TextEncoder().encode(marchStatement('BIG', movements)),
      fileName: 'big.xml',
      addAccount: false,
      dryRun: false,
      threshold: 101,
    });
    expect(stored.matching).toMatchObject({ queued: count, applied: 0 });
    return { ctx, dupont, numbers };
  }

  it('two runs over one queue apply each line once', async () => {
    const { ctx, dupont } = await queuedStatement(60);
    const runs = await Promise.all([runMatcher(deps, ctx), runMatcher(deps, ctx)]);
    expect(runs.reduce((sum, run) => sum + run.applied, 0)).toBe(60);
    const payments = await listPayments(deps, ctx, {
      customerId: dupont.id,
      page: 1,
      pageSize: 200,
    });
    expect(payments.total).toBe(60);
    expect(await findLedgerInconsistencies(deps.db, ctx.companyId)).toEqual([]);
  });

  it('a person confirming a line while the matcher runs: one payment for it, whoever wins', async () => {
    const { ctx, dupont, numbers } = await queuedStatement(60);
    const queue = await listLineMatchPage(deps, ctx, { status: 'queued', page: 1, pageSize: 100 });
    const last = queue.items.at(-1);
    const invoice = await findItem(ctx, numbers.at(-1) ?? '');
    if (last === undefined || invoice === undefined) {
      throw new Error('no line to confirm');
    }
    const [run, confirmed] = await Promise.allSettled([
      runMatcher(deps, ctx),
      applyLineMatch(deps, ctx, last.line.id, {
        customerId: dupont.id,
        allocations: [{ invoiceId: invoice.id, amountCents: last.line.amountCents }],
      }),
    ]);
    expect(run.status).toBe('fulfilled');
    // Either the person was first, or the line was applied when they came: refused, not twice.
    const refusal =
      confirmed.status === 'rejected' ? (confirmed.reason as { reason?: string }).reason : 'none';
    expect(['none', 'bank_line_not_queued']).toContain(refusal);
    const payments = await listPayments(deps, ctx, {
      customerId: dupont.id,
      page: 1,
      pageSize: 200,
    });
    expect(payments.total).toBe(60);
    expect(await openOf(ctx, numbers.at(-1) ?? '')).toBe(0);
    expect(await findLedgerInconsistencies(deps.db, ctx.companyId)).toEqual([]);
  });
});
