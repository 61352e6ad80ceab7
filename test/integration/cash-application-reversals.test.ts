/**
 * Reversals that name nothing (CFONB returns: a reject reason code, no reference, no
 * IBAN) and reversals read before the line they take back (docs/cash-application.md,
 * « Reversals »): the import's own run pairs them, on a real database.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ctx } from '../../src/app/context.ts';
import type { Deps } from '../../src/app/deps.ts';
import { listLineMatchPage } from '../../src/bank/matching/service.ts';
import { importBankFile } from '../../src/bank/service.ts';
import type { DbHandle } from '../../src/db/client.ts';
import { ZListInvoicesQuery } from '../../src/ledger/schemas.ts';
import { listInvoices } from '../../src/ledger/invoice-lists.ts';
import { listPayments } from '../../src/ledger/payment-lists.ts';
import type { BankLineMatchStatus } from '../../src/bank/matching/line-match.ts';
import { camtFile, cfonbFile, cfonbStatement, type Rib, type TestMovement } from '../bank-files.ts';
import { ACCOUNT, createCurrentAccount } from '../cash-application-fixture.ts';
import { openTestRuntime } from '../db.ts';
import { makeCompany, makeCustomer, makeInvoices } from '../factories.ts';
import { findLedgerInconsistencies } from '../ledger-invariants.ts';

/** `ACCOUNT` as CFONB names it: FR76 30006 00001 12345678901 89. */
const RIB: Rib = { bank: '30006', branch: '00001', account: '12345678901' };

let handle: DbHandle;
let deps: Deps;

beforeAll(async () => {
  ({ handle, deps } = await openTestRuntime());
});
afterAll(async () => {
  await handle.close();
});

/** A company with its current account and Dupont, who owes FA-2026-000201 (999,00 €). */
async function ledger() {
  const { ctx } = await makeCompany(deps);
  await createCurrentAccount(deps, ctx);
  const dupont = await makeCustomer(deps, ctx, { legalName: 'Transports Dupont SAS' });
  await makeInvoices(deps, ctx, dupont.id, [
    { number: 'FA-2026-000201', issueDate: '2026-01-08', dueDate: '2026-02-07', amount: 99_900 },
  ]);
  return { ctx, dupont };
}

type Format = 'camt' | 'cfonb';

/** A file of `ACCOUNT` with `movements`, its day the movements' (a camt.054 without balances). */
function bankFile(format: Format | 'camt054', id: string, movements: TestMovement[]) {
  const date = movements[0]?.date ?? '2026-03-02';
  const day = Number(date.slice(-2));
  const openingDate = `${date.slice(0, -2)}${String(day - 1).padStart(2, '0')}`;
  const text =
    format === 'cfonb'
      ? cfonbFile(
          cfonbStatement(RIB, { openingDate, openingCents: 0, closingDate: date, movements }),
        )
      : camtFile({
          kind: format === 'camt054' ? '054' : '053',
          iban: ACCOUNT,
          id,
          openingDate,
          openingCents: 0,
          closingDate: date,
          movements,
        });
  return {
    bytes: new TextEncoder().encode(text),
    fileName: `${id}.${format === 'cfonb' ? 'txt' : 'xml'}`,
  };
}

async function importFile(ctx: Ctx, file: { bytes: Uint8Array; fileName: string }) {
  const report = await importBankFile(deps, ctx, { ...file, addAccount: false, dryRun: false });
  expect(report.errors).toEqual([]);
  expect(report.committed).toBe(true);
  return report;
}

async function openOf(ctx: Ctx, number: string) {
  const query = ZListInvoicesQuery.parse({ search: number, status: 'all' });
  const page = await listInvoices(deps, ctx, query);
  return page.items.find((item) => item.number === number)?.openAmount;
}

async function linesIn(ctx: Ctx, status: BankLineMatchStatus) {
  return (await listLineMatchPage(deps, ctx, { status, page: 1, pageSize: 20 })).items;
}

/** Dupont's transfer naming its invoice: applied at once. */
const DUPONT_TRANSFER = {
  date: '2026-03-02',
  amountCents: 99_900,
  text: 'VIR FA-2026-000201',
  counterparty: 'TRANSPORTS DUPONT',
  reference: '0000001',
} satisfies TestMovement;

/** A transfer of 123,00 € from a payer nobody knows: queued, with no suggestion. */
const STRANGER_TRANSFER = {
  date: '2026-03-02',
  amountCents: 12_300,
  text: 'VIREMENT',
  counterparty: 'INCONNU SA',
  reference: '0000003',
} satisfies TestMovement;

describe('a CFONB return, which names no transaction', () => {
  it('takes back the transfer of its amount from an earlier statement: payment voided, invoice open again', async () => {
    const { ctx, dupont } = await ledger();
    // The transfer gives its end-to-end id (a 05 RCN); the return, as CFONB returns do, none.
    const paid = await importFile(
      ctx,
      bankFile('cfonb', 'S1', [{ ...DUPONT_TRANSFER, endToEndId: 'E2E-0201' }]),
    );
    expect(paid.matching).toMatchObject({ applied: 1 });
    expect(await openOf(ctx, 'FA-2026-000201')).toBe(0);

    const returned = await importFile(
      ctx,
      bankFile('cfonb', 'S2', [
        {
          date: '2026-03-09',
          amountCents: -99_900,
          text: 'RETOUR VIR SEPA',
          counterparty: 'TRANSPORTS DUPONT SAS',
          reference: '0000002',
          reversal: { reason: '04' },
        },
      ]),
    );

    expect(returned.matching).toMatchObject({ reversals: 1, reversed: 1, applied: 0 });
    expect(await openOf(ctx, 'FA-2026-000201')).toBe(99_900);
    const payments = await listPayments(deps, ctx, {
      customerId: dupont.id,
      page: 1,
      pageSize: 10,
    });
    expect(payments.items).toEqual([]);
    expect((await linesIn(ctx, 'reversed')).map((item) => item.line.amountCents)).toEqual([99_900]);
    const [reversal] = await linesIn(ctx, 'reversal');
    expect(reversal?.line).toMatchObject({ isReversal: true, returnReason: '04' });
    expect(reversal?.match).toMatchObject({
      customerId: dupont.id,
      reasons: [
        { code: 'match_reason_reverses', params: { date: '2026-03-02', reference: '0000001' } },
      ],
    });
    expect(await findLedgerInconsistencies(deps.db, ctx.companyId)).toEqual([]);
  });

  it('pairs nothing when two lines have its amount, and still takes back the one that alone has its own', async () => {
    const { ctx } = await ledger();
    await importFile(
      ctx,
      bankFile('cfonb', 'S1', [
        { date: '2026-03-02', amountCents: 30_000, text: 'VIREMENT', reference: '0000001' },
        { date: '2026-03-02', amountCents: 30_000, text: 'VIR ACOMPTE', reference: '0000002' },
        STRANGER_TRANSFER,
      ]),
    );
    const returned = await importFile(
      ctx,
      bankFile('cfonb', 'S2', [
        {
          date: '2026-03-09',
          amountCents: -30_000,
          text: 'RETOUR VIR SEPA',
          reference: '0000004',
          reversal: { reason: '04' },
        },
        {
          date: '2026-03-09',
          amountCents: -12_300,
          text: 'RETOUR VIR SEPA',
          reference: '0000005',
          reversal: { reason: '04' },
        },
      ]),
    );

    expect(returned.matching).toMatchObject({ reversals: 2, reversed: 1 });
    // Which of the two 300,00 € the bank took back is for a person to tell.
    expect((await linesIn(ctx, 'queued')).map((item) => item.line.amountCents)).toEqual([
      30_000, 30_000,
    ]);
    const reversals = await linesIn(ctx, 'reversal');
    expect(
      reversals.map((item) => [item.line.amountCents, item.match.reasons.map((r) => r.code)]),
    ).toEqual(
      expect.arrayContaining([
        [-30_000, []],
        [-12_300, ['match_reason_reverses_unmatched']],
      ]),
    );
    const [aside] = await linesIn(ctx, 'ignored');
    expect(aside?.line.amountCents).toBe(12_300);
    expect(aside?.match.reasons).toEqual([
      { code: 'match_reason_taken_back', params: { date: '2026-03-09', reason: '04' } },
    ]);
  });
});

describe('a reversal imported before the line it takes back', () => {
  /** The return, dated after the transfer it takes back, for each format and outcome. */
  function returnOf(format: Format, transfer: TestMovement, reason: string): TestMovement {
    return {
      date: '2026-03-09',
      amountCents: -transfer.amountCents,
      text: 'RETOUR VIR SEPA',
      reference: '0000009',
      reversal: { reason },
      // camt repeats the transaction's reference; a CFONB return names nothing.
      ...(format === 'camt' && transfer.endToEndId !== undefined
        ? { endToEndId: transfer.endToEndId }
        : {}),
    };
  }

  it.each([
    // A camt.054 notification of the return, before the camt.053 of the transfer.
    ['camt', 'camt054', 'AC06'],
    ['cfonb', 'cfonb', '04'],
  ] as const)(
    '%s: pairs when the applied transfer arrives, its payment voided and the line reversed',
    async (format, returnFormat, reason) => {
      const { ctx, dupont } = await ledger();
      const transfer: TestMovement = { ...DUPONT_TRANSFER, endToEndId: 'E2E-0201' };
      const early = await importFile(
        ctx,
        bankFile(returnFormat, 'S2', [returnOf(format, transfer, reason)]),
      );
      expect(early.matching).toMatchObject({ reversals: 1, reversed: 0 });
      expect((await linesIn(ctx, 'reversal'))[0]?.match.reasons).toEqual([]);

      const late = await importFile(ctx, bankFile(format, 'S1', [transfer]));

      expect(late.matching).toMatchObject({ applied: 1, reversed: 1 });
      expect(await openOf(ctx, 'FA-2026-000201')).toBe(99_900);
      const payments = await listPayments(deps, ctx, {
        customerId: dupont.id,
        page: 1,
        pageSize: 10,
      });
      expect(payments.items).toEqual([]);
      expect((await linesIn(ctx, 'reversed')).map((item) => item.line.amountCents)).toEqual([
        99_900,
      ]);
      const [reversal] = await linesIn(ctx, 'reversal');
      expect(reversal?.match).toMatchObject({
        customerId: dupont.id,
        confidence: 100,
        reasons: [
          { code: 'match_reason_reverses', params: { date: '2026-03-02', reference: '0000001' } },
        ],
      });
      expect(await findLedgerInconsistencies(deps.db, ctx.companyId)).toEqual([]);
    },
  );

  it.each([
    ['camt', 'camt054', 'AC04'],
    ['cfonb', 'cfonb', '04'],
  ] as const)(
    '%s: sets aside the transfer that would have been queued, so nobody applies cash that is gone',
    async (format, returnFormat, reason) => {
      const { ctx } = await ledger();
      const transfer: TestMovement = { ...STRANGER_TRANSFER, endToEndId: 'E2E-X' };
      await importFile(ctx, bankFile(returnFormat, 'S2', [returnOf(format, transfer, reason)]));

      const late = await importFile(ctx, bankFile(format, 'S1', [transfer]));

      expect(late.matching).toMatchObject({ applied: 0, reversed: 1 });
      expect(await linesIn(ctx, 'queued')).toEqual([]);
      const [aside] = await linesIn(ctx, 'ignored');
      expect(aside?.line.amountCents).toBe(12_300);
      expect(aside?.match.reasons).toEqual([
        { code: 'match_reason_taken_back', params: { date: '2026-03-09', reason } },
      ]);
      const [reversal] = await linesIn(ctx, 'reversal');
      expect(reversal?.match.reasons).toEqual([
        {
          code: 'match_reason_reverses_unmatched',
          params: { date: '2026-03-02', reference: '0000003' },
        },
      ]);
    },
  );
});
