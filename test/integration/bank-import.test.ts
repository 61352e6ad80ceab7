import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { Ctx } from '../../src/app/context.ts';
import type { Deps } from '../../src/app/deps.ts';
import {
  createBankAccount,
  importBankFile,
  listBankAccounts,
  listBankLines,
  listBankStatements,
} from '../../src/bank/service.ts';
import type { DbHandle } from '../../src/db/client.ts';
import { ibanFromRib } from '../../src/shared/identifiers.ts';
import {
  camtFile,
  cfonbDay,
  cfonbFile,
  cfonbStatement,
  newStatement0302,
  type Rib,
  type TestMovement,
} from '../bank-files.ts';
import { openTestRuntime } from '../db.ts';
import { makeCompany } from '../factories.ts';

let handle: DbHandle;
let deps: Deps;

beforeAll(async () => {
  ({ handle, deps } = await openTestRuntime());
});
afterAll(async () => {
  await handle.close();
});

const IBAN = 'FR7630006000011234567890189';
const RIB: Rib = { bank: '30004', branch: '00100', account: '00012345678' };
const RIB_IBAN = ibanFromRib(RIB.bank, RIB.branch, RIB.account);

const bytesOf = (text: string) => new TextEncoder().encode(text);

function importText(
  ctx: Ctx,
  text: string,
  options: { fileName?: string; addAccount?: boolean; dryRun?: boolean } = {},
) {
  return importBankFile(deps, ctx, {
    bytes: bytesOf(text),
    fileName: options.fileName ?? 'releve.txt',
    addAccount: options.addAccount ?? false,
    dryRun: options.dryRun ?? false,
  });
}

async function companyWithAccount(iban = IBAN) {
  const { ctx } = await makeCompany(deps);
  const account = await createBankAccount(deps, ctx, {
    iban,
    name: 'Compte courant',
    currency: 'EUR',
  });
  return { ctx, account };
}

// Two days of one account in camt.053: the bank's references make each entry's key.
const MONDAY: TestMovement[] = [
  {
    date: '2026-03-02',
    amountCents: 120_000,
    text: 'FA-2026-0042',
    counterparty: 'Boulangerie Martin',
    reference: 'REF-0001',
    structuredReference: 'RF18539007547034',
  },
  {
    date: '2026-03-02',
    amountCents: -4_590,
    text: 'Frais de tenue de compte',
    reference: 'REF-0002',
  },
];
const TUESDAY: TestMovement[] = [
  { date: '2026-03-03', amountCents: 35_000, text: 'FA-2026-0043', reference: 'REF-0003' },
];

function camt(id: string, movements: TestMovement[], closingCents?: number) {
  return camtFile({
    iban: IBAN,
    id,
    openingDate: '2026-03-01',
    openingCents: 1_000_000,
    closingDate: movements.at(-1)?.date ?? '2026-03-01',
    ...(closingCents === undefined ? {} : { closingCents }),
    movements,
  });
}

describe('importing camt statements', () => {
  it('stores the statement and its lines, as the bank wrote them', async () => {
    const { ctx, account } = await companyWithAccount();

    const report = await importText(ctx, camt('STMT-0302', MONDAY), { fileName: 'stmt.xml' });

    expect(report).toMatchObject({
      file: 'stmt.xml',
      format: 'camt053',
      committed: true,
      errors: [],
      accountsAdded: [],
      totals: { statements: 1, statementsNew: 1, lines: 2, linesNew: 2, linesKnown: 0 },
    });
    expect(report.statements).toEqual([
      expect.objectContaining(newStatement0302(IBAN, account.id)),
    ]);
    const [statement] = await listBankStatements(deps, ctx, account.id);
    expect(statement).toMatchObject({
      format: 'camt053',
      statementId: 'STMT-0302',
      balanced: true,
      fileName: 'stmt.xml',
      importedAt: new Date('2026-03-15T11:00:00Z'),
    });
    const lines = await listBankLines(deps, ctx, account.id);
    expect(lines.map(({ id: _id, ...line }) => line)).toEqual([
      {
        bankStatementId: statement?.id,
        bankAccountId: account.id,
        bookingDate: '2026-03-02',
        valueDate: '2026-03-02',
        amountCents: 120_000,
        currency: 'EUR',
        counterpartyName: 'Boulangerie Martin',
        counterpartyIban: null,
        remittanceText: 'FA-2026-0042',
        structuredReferences: ['RF18539007547034'],
        bankReferences: { accountServicerReference: 'REF-0001' },
        transactionCode: null,
        isReversal: false,
        returnReason: null,
        dedupKey: 'servicer:REF-0001#1',
      },
      expect.objectContaining({ amountCents: -4_590, structuredReferences: [] }),
    ]);
  });

  it('adds nothing when the same file is imported again', async () => {
    const { ctx, account } = await companyWithAccount();
    await importText(ctx, camt('STMT-0302', MONDAY));

    const again = await importText(ctx, camt('STMT-0302', MONDAY));

    expect(again.committed).toBe(true);
    expect(again.totals).toEqual({
      statements: 1,
      statementsNew: 0,
      lines: 2,
      linesNew: 0,
      linesKnown: 2,
      unbalanced: 0,
    });
    expect(await listBankStatements(deps, ctx, account.id)).toHaveLength(1);
    expect(await listBankLines(deps, ctx, account.id)).toHaveLength(2);
  });

  it('stores one statement and its lines once when two imports of the file run at once', async () => {
    // On PostgreSQL each import has its own connection: the company's import lock makes
    // the second wait, then find everything stored (PGlite runs them one after the other).
    const { ctx, account } = await companyWithAccount();

    const reports = await Promise.all([
      importText(ctx, camt('STMT-0302', MONDAY)),
      importText(ctx, camt('STMT-0302', MONDAY)),
    ]);

    expect(reports.map((report) => report.committed)).toEqual([true, true]);
    expect(reports.map((report) => report.totals.linesNew).sort((a, b) => a - b)).toEqual([0, 2]);
    expect(await listBankStatements(deps, ctx, account.id)).toHaveLength(1);
    expect(await listBankLines(deps, ctx, account.id)).toHaveLength(2);
  });

  it('stores only the new lines of a file that overlaps one imported before', async () => {
    const { ctx, account } = await companyWithAccount();
    await importText(ctx, camt('STMT-0302', MONDAY));

    const overlapping = await importText(ctx, camt('STMT-0303', [...MONDAY, ...TUESDAY]));

    expect(overlapping.statements).toEqual([
      expect.objectContaining({ isNew: true, lines: 3, linesNew: 1, linesKnown: 2 }),
    ]);
    const [first, second] = await listBankStatements(deps, ctx, account.id);
    const lines = await listBankLines(deps, ctx, account.id);
    // A line stays with the statement that brought it first.
    expect(lines.map((line) => [line.amountCents, line.bankStatementId])).toEqual([
      [120_000, first?.id],
      [-4_590, first?.id],
      [35_000, second?.id],
    ]);
  });

  it('finds the camt.054 notification of lines a camt.053 brought, by their references', async () => {
    const { ctx, account } = await companyWithAccount();
    await importText(ctx, camt('STMT-0302', MONDAY));
    const notification = camtFile({
      kind: '054',
      iban: IBAN,
      id: 'NTFCTN-0302',
      openingDate: '2026-03-02',
      openingCents: 0,
      closingDate: '2026-03-02',
      movements: MONDAY.slice(0, 1),
    });

    const report = await importText(ctx, notification);

    expect(report).toMatchObject({ format: 'camt054', totals: { linesNew: 0, linesKnown: 1 } });
    expect(report.statements[0]).toMatchObject({ balanced: null, differenceCents: null });
    expect(await listBankLines(deps, ctx, account.id)).toHaveLength(2);
  });

  it('stores a statement that does not balance, flagged, and says so with its figures', async () => {
    const { ctx, account } = await companyWithAccount();

    const report = await importText(ctx, camt('STMT-0302', MONDAY, 1_115_000));

    expect(report.committed).toBe(true);
    expect(report.totals).toMatchObject({ unbalanced: 1, linesNew: 2 });
    expect(report.statements[0]).toMatchObject({
      opening: { amountCents: 1_000_000 },
      movementsCents: 115_410,
      closing: { amountCents: 1_115_000 },
      balanced: false,
      differenceCents: -410,
    });
    expect(await listBankStatements(deps, ctx, account.id)).toEqual([
      expect.objectContaining({
        balanced: false,
        closing: { date: '2026-03-02', amountCents: 1_115_000 },
      }),
    ]);
  });

  it('counts and checks in a dry run, and stores nothing', async () => {
    const { ctx, account } = await companyWithAccount();

    const report = await importText(ctx, camt('STMT-0302', MONDAY), { dryRun: true });

    expect(report).toMatchObject({
      dryRun: true,
      committed: false,
      totals: { linesNew: 2 },
      errors: [],
    });
    expect(await listBankStatements(deps, ctx, account.id)).toEqual([]);
    expect(await listBankLines(deps, ctx, account.id)).toEqual([]);
  });
});

describe('importing CFONB 120 statements', () => {
  const monday = cfonbStatement(RIB, {
    openingDate: '2026-03-01',
    openingCents: 50_000,
    closingDate: '2026-03-02',
    movements: [
      // Two card payments of one amount at one shop: two movements, stored both.
      { date: '2026-03-02', amountCents: -420, text: 'CB BOULANGERIE 02/03' },
      { date: '2026-03-02', amountCents: -420, text: 'CB BOULANGERIE 02/03' },
      { date: '2026-03-02', amountCents: 98_000, text: 'VIR DUPONT FA-0042', reference: '0000889' },
    ],
  });
  const tuesday = cfonbStatement(RIB, {
    openingDate: '2026-03-02',
    openingCents: 147_160,
    closingDate: '2026-03-03',
    movements: [{ date: '2026-03-03', amountCents: -1_210, text: 'FRAIS PRLV' }],
  });

  it('finds an account registered by IBAN from the RIB a CFONB statement names', async () => {
    const { ctx, account } = await companyWithAccount(RIB_IBAN);

    const report = await importText(ctx, cfonbFile(monday));

    expect(report).toMatchObject({
      format: 'cfonb120',
      committed: true,
      totals: { statements: 1, linesNew: 3, unbalanced: 0 },
    });
    expect(report.statements[0]).toMatchObject({
      account: '30004 00100 00012345678',
      bankAccountId: account.id,
      statementId: '30004-00100-00012345678-2026-03-01',
      balanced: true,
    });
    const keys = (await listBankLines(deps, ctx, account.id)).map((line) => line.dedupKey);
    expect(keys).toEqual([
      expect.stringMatching(/^hash:[0-9a-f]{64}#1$/),
      expect.stringMatching(/^hash:[0-9a-f]{64}#2$/),
      'cfonb-entry:2026-03-02:0000889#1',
    ]);
    expect(keys[1]?.slice(0, -1)).toBe(keys[0]?.slice(0, -1));
  });

  it('stores only the new day of a file that repeats the day before', async () => {
    const { ctx, account } = await companyWithAccount(RIB_IBAN);
    await importText(ctx, cfonbFile(monday));

    const again = await importText(ctx, cfonbFile(monday, tuesday));

    expect(again.statements.map((statement) => [statement.isNew, statement.linesNew])).toEqual([
      [false, 0],
      [true, 1],
    ]);
    expect(await listBankLines(deps, ctx, account.id)).toHaveLength(4);
  });

  it('stores a file of more lines than one statement inserts, and finds them all again', async () => {
    const { ctx, account } = await companyWithAccount(RIB_IBAN);
    const movements = Array.from({ length: 10_050 }, (_, index) => ({
      date: '2026-03-02',
      amountCents: index + 1,
      text: `VIR CLIENT ${index}`,
    }));
    const big = cfonbFile(
      cfonbStatement(RIB, {
        openingDate: '2026-03-01',
        openingCents: 0,
        closingDate: '2026-03-02',
        movements,
      }),
    );

    expect((await importText(ctx, big)).totals).toMatchObject({ linesNew: 10_050, unbalanced: 0 });
    expect((await importText(ctx, big)).totals).toMatchObject({ linesNew: 0, linesKnown: 10_050 });
    expect(await listBankLines(deps, ctx, account.id)).toHaveLength(10_050);
  });

  it("refuses a file the reader finds fault with, naming the record's line, and stores nothing", async () => {
    const { ctx, account } = await companyWithAccount(RIB_IBAN);
    const cut = cfonbFile(monday.slice(0, -1));

    const report = await importText(ctx, cut);

    expect(report.committed).toBe(false);
    expect(report.errors.map((issue) => [issue.line, issue.code])).toEqual([
      [1, 'cfonb_unclosed_statement'],
    ]);
    expect(await listBankStatements(deps, ctx, account.id)).toEqual([]);
  });
});

describe('the accounts of an import', () => {
  it('refuses a statement of an account the company does not have, storing nothing of the file', async () => {
    // The first statement's account is known, the second's is not: the file is one whole.
    const { ctx, account } = await companyWithAccount(RIB_IBAN);
    const other: Rib = { bank: '10278', branch: '02204', account: '0004567890K' };
    const file = cfonbFile(
      cfonbDay(RIB, { amountCents: 100, text: 'VIR' }),
      cfonbDay(other, { amountCents: 200, text: 'VIR' }),
    );

    const report = await importText(ctx, file);

    expect(report).toMatchObject({ committed: false, statements: [], accountsAdded: [] });
    expect(report.errors).toEqual([
      expect.objectContaining({
        line: 4,
        code: 'bank_account_unknown',
        params: {
          account: '10278 02204 0004567890K',
          iban: ibanFromRib('10278', '02204', '0004567890K'),
        },
      }),
    ]);
    expect(report.errors[0]?.message).toContain('encaisse bank-accounts add --iban FR');
    expect(await listBankStatements(deps, ctx, account.id)).toEqual([]);
    expect(await listBankAccounts(deps, ctx)).toHaveLength(1);
  });

  it('registers the accounts it does not have with addAccount, by RIB and IBAN', async () => {
    const { ctx } = await makeCompany(deps);
    const file = cfonbFile(cfonbDay(RIB, { amountCents: 100, text: 'VIR' }));

    const report = await importText(ctx, file, { addAccount: true });

    const accounts = await listBankAccounts(deps, ctx);
    expect(accounts).toEqual([
      {
        id: report.accountsAdded[0]?.id,
        name: '30004 00100 00012345678',
        iban: RIB_IBAN,
        rib: { bankCode: '30004', branchCode: '00100', accountNumber: '00012345678' },
        currency: 'EUR',
        createdAt: new Date('2026-03-15T11:00:00Z'),
      },
    ]);
    expect(report).toMatchObject({ committed: true, totals: { linesNew: 1 } });
    // A camt statement of the account, by its IBAN, finds the account a RIB registered.
    const camtReport = await importText(
      ctx,
      camtFile({
        iban: RIB_IBAN,
        id: 'X',
        openingDate: '2026-03-01',
        openingCents: 0,
        closingDate: '2026-03-02',
        movements: MONDAY,
      }),
    );
    expect(camtReport.statements[0]?.bankAccountId).toBe(accounts[0]?.id);
    expect(camtReport.accountsAdded).toEqual([]);
  });

  it.each([
    ['registered twice', 'fr76 3000 6000 0112 3456 7890 189', 'conflict', 'already_exists'],
    ['whose IBAN is not one', 'FR7630006000011234567890188', 'invalid', 'invalid_iban'],
  ])('refuses a bank account %s', async (_, iban, code, reason) => {
    const { ctx } = await companyWithAccount();

    await expect(
      createBankAccount(deps, ctx, { iban, name: 'Bis', currency: 'EUR' }),
    ).rejects.toMatchObject({ code, reason });
  });
});

describe('companies and their bank data', () => {
  it("never see each other's accounts, statements or lines", async () => {
    const first = await companyWithAccount();
    await importText(first.ctx, camt('STMT-0302', MONDAY));
    const { ctx: other } = await makeCompany(deps);

    const refused = await importText(other, camt('STMT-0302', MONDAY));

    expect(refused.errors.map((issue) => issue.code)).toEqual(['bank_account_unknown']);
    expect(await listBankAccounts(deps, other)).toEqual([]);
    expect(await listBankStatements(deps, other, first.account.id)).toEqual([]);
    expect(await listBankLines(deps, other, first.account.id)).toEqual([]);
    // The same account in another company is its own, and so are its lines.
    const own = await createBankAccount(deps, other, {
      iban: IBAN,
      name: 'Compte',
      currency: 'EUR',
    });
    const report = await importText(other, camt('STMT-0302', MONDAY));
    expect(report.totals).toMatchObject({ statementsNew: 1, linesNew: 2 });
    expect(report.statements[0]?.bankAccountId).toBe(own.id);
    expect(await listBankLines(deps, first.ctx, first.account.id)).toHaveLength(2);
  });
});

describe('the audit trail of bank accounts', () => {
  it('records each account registered, by hand or on the way of an import', async () => {
    const { ctx } = await companyWithAccount();
    await importText(ctx, cfonbFile(cfonbDay(RIB, { amountCents: 98_000, text: 'VIR DUPONT' })), {
      addAccount: true,
    });
    const { rows } = await sql<{ action: string; iban: string }>`
      SELECT action, data->>'iban' AS iban FROM event
      WHERE company_id = ${ctx.companyId} AND entity_type = 'bank_account' ORDER BY seq`.execute(
      deps.db,
    );
    expect(rows).toEqual([
      { action: 'bank_account.created', iban: IBAN },
      { action: 'bank_account.created', iban: RIB_IBAN },
    ]);
  });
});
