import type { Ctx } from '../app/context.ts';
import type { Deps } from '../app/deps.ts';
import { requirePermission } from '../app/permissions.ts';
import { recordEvents } from '../audit/service.ts';
import type { Queryable } from '../db/client.ts';
import { inTransaction } from '../db/transaction.ts';
import type { StatedBalance } from '../imports/bank/statement.ts';
import { runImport } from '../imports/service.ts';
import type { MatchRunReport } from './matching/line-match.ts';
import { matchLinesInTx } from './matching/service.ts';
import { invalidField, type Issue } from '../shared/errors.ts';
import { isValidIban, normalizeIban } from '../shared/identifiers.ts';
import { parseCurrencyCode } from '../shared/money.ts';
import { lineDedupKeys, statementDedupKey } from './dedup-key.ts';
import {
  describeAccountKey,
  planAccounts,
  statementFigures,
  type AssignedStatement,
  type BankAccount,
  type StatementFormat,
  type StoredBankLine,
  type StoredBankStatement,
} from './model.ts';
import { readStatementFile } from './statement-file.ts';
import {
  findStatementIds,
  insertBankAccounts,
  insertNewLines,
  insertNewStatements,
  listBankAccounts as listAccountRows,
  listBankLines as listLineRows,
  listBankStatements as listStatementRows,
  type LineRow,
  type StatementRow,
} from './store.ts';

export type CreateBankAccountInput = { iban: string; name: string; currency: string };

/**
 * Registers an account of the company by its IBAN. A French IBAN holds its RIB, so a
 * CFONB statement of the account finds it too (`findAccountFor`). The unique keys decide
 * whether it exists already: a second one with that IBAN is a conflict naming it.
 */
export async function createBankAccount(
  deps: Deps,
  ctx: Ctx,
  input: CreateBankAccountInput,
): Promise<BankAccount> {
  requirePermission(ctx, 'ledger:write');
  const iban = normalizeIban(input.iban);
  if (!isValidIban(iban)) {
    throw invalidField('iban', 'invalid_iban', { value: input.iban });
  }
  const currency = parseCurrencyCode(input.currency);
  if (currency === undefined) {
    throw invalidField('currency', 'unknown_currency', { value: input.currency });
  }
  const name = input.name.trim();
  if (name === '') {
    throw invalidField('name', 'required', { field: 'name' });
  }
  const account: BankAccount = {
    id: deps.ids.newId(),
    name,
    iban,
    rib: null,
    currency,
    createdAt: deps.clock.now(),
  };
  await inTransaction(deps.db, (tx) => saveNewAccounts(tx, ctx, [account]));
  return account;
}

/** Stores new accounts with their `bank_account.created` events, in the caller's transaction. */
async function saveNewAccounts(
  tx: Queryable,
  ctx: Ctx,
  accounts: readonly BankAccount[],
): Promise<void> {
  await insertBankAccounts(tx, ctx.companyId, accounts);
  await recordEvents(
    tx,
    ctx,
    accounts.map((account) => ({
      action: 'bank_account.created',
      entityType: 'bank_account',
      entityId: account.id,
      customerId: null,
      data: { name: account.name, iban: account.iban, currency: account.currency },
    })),
  );
}

export async function listBankAccounts(deps: Deps, ctx: Ctx): Promise<BankAccount[]> {
  requirePermission(ctx, 'ledger:read');
  return listAccountRows(deps.db, ctx.companyId);
}

/** The statements stored for one of the company's accounts (none for another company's). */
export async function listBankStatements(
  deps: Deps,
  ctx: Ctx,
  bankAccountId: string,
): Promise<StoredBankStatement[]> {
  requirePermission(ctx, 'ledger:read');
  return listStatementRows(deps.db, ctx.companyId, bankAccountId);
}

/** The movements stored on one of the company's accounts (none for another company's). */
export async function listBankLines(
  deps: Deps,
  ctx: Ctx,
  bankAccountId: string,
): Promise<StoredBankLine[]> {
  requirePermission(ctx, 'ledger:read');
  return listLineRows(deps.db, ctx.companyId, bankAccountId);
}

export type ImportBankFileOptions = {
  bytes: Uint8Array;
  fileName: string;
  /** Register the accounts the company does not have yet, rather than refuse the file. */
  addAccount: boolean;
  /** Read, check and count; store nothing. */
  dryRun: boolean;
  /** The matcher's threshold for this import's lines, over the company's. */
  threshold?: number | undefined;
};

/** One statement of the file, as the import stored it (or would have). */
export type BankStatementReport = {
  /** Where it is in the file: the 01 record's line (CFONB) or its XML path (camt). */
  position: string;
  /** The account as the statement names it: an IBAN, or a RIB's three numbers. */
  account: string;
  bankAccountId: string;
  statementId: string | null;
  currency: string;
  opening: StatedBalance | null;
  closing: StatedBalance | null;
  movementsCents: number;
  /** `false`: stored flagged, the user must look; `null`: it gives no balances to check. */
  balanced: boolean | null;
  /** closing − (opening + movements), when both balances are given. */
  differenceCents: number | null;
  /** Stored now, or found stored by an earlier import (the same statement again). */
  isNew: boolean;
  lines: number;
  linesNew: number;
  linesKnown: number;
};

export type BankImportReport = {
  file: string;
  format: StatementFormat | null;
  dryRun: boolean;
  /** Whether anything was saved. */
  committed: boolean;
  statements: BankStatementReport[];
  totals: {
    statements: number;
    statementsNew: number;
    lines: number;
    linesNew: number;
    linesKnown: number;
    unbalanced: number;
  };
  /** The accounts registered on the way (`addAccount`). */
  accountsAdded: BankAccount[];
  /** What the matcher did with the new lines at once (`null` when the file was refused). */
  matching: MatchRunReport | null;
  /** Why the file is refused (nothing is saved): the reader's issues, an unknown account… */
  errors: Issue[];
  notices: Issue[];
};

/**
 * Imports a bank statement file (camt.053/054 or CFONB 120, told from its content) in one
 * transaction: all of it, or nothing when it is refused. Each statement goes to the
 * company's account it names; an account the company does not have refuses the file
 * (saying how to add it) unless `addAccount` registers it. A statement that does not
 * balance is stored flagged (`balanced: false`) and said in the report.
 *
 * A movement is stored once per account (`bank_line` is unique on its key, dedup-key.ts):
 * a re-import adds nothing, an overlapping file only what is new, and the report counts
 * both. It runs as every import does (`runImport`): under the company's import lock, so
 * a second import of the same file waits for the first, then finds its lines stored. A
 * dry run does all of it and rolls it back, so its counts are exactly what the import
 * would do.
 */
export async function importBankFile(
  deps: Deps,
  ctx: Ctx,
  options: ImportBankFileOptions,
): Promise<BankImportReport> {
  requirePermission(ctx, 'imports:run');
  if (options.addAccount) {
    requirePermission(ctx, 'ledger:write');
  }
  const file = await readStatementFile(options.bytes, options.fileName);
  const report: BankImportReport = {
    file: options.fileName,
    format: file.format,
    dryRun: options.dryRun,
    committed: false,
    statements: [],
    totals: totalsOf([]),
    accountsAdded: [],
    matching: null,
    errors: [],
    notices: file.notices,
  };
  if (!file.ok) {
    return { ...report, errors: file.issues };
  }
  const { result, committed } = await runImport(
    deps,
    ctx,
    { dryRun: options.dryRun, partial: false },
    async (tx) => {
      const plan = planAccounts(file.statements, await listAccountRows(tx, ctx.companyId), {
        addAccount: options.addAccount,
        newId: () => deps.ids.newId(),
        now: deps.clock.now(),
      });
      if (plan.issues.length > 0) {
        return { ...report, errors: plan.issues };
      }
      await saveNewAccounts(tx, ctx, plan.newAccounts);
      const { statements, newLineIds } = await storeStatements(deps, tx, ctx, {
        format: file.format,
        assigned: plan.assigned,
        fileName: options.fileName,
      });
      const matching = await matchLinesInTx(deps, tx, ctx, newLineIds, {
        threshold: options.threshold,
      });
      return {
        ...report,
        accountsAdded: plan.newAccounts,
        statements,
        totals: totalsOf(statements),
        matching,
      };
    },
    (stored) => ({
      kind: 'bank',
      file: stored.file,
      format: file.format,
      ...stored.totals,
      accountsAdded: stored.accountsAdded.map((account) => account.iban),
    }),
  );
  return { ...result, committed };
}

type StatementsToStore = {
  format: StatementFormat;
  assigned: readonly AssignedStatement[];
  fileName: string;
};

/**
 * Stores the statements not stored yet, then the lines not stored yet, each in a fixed
 * number of statements whatever the file's size, and says for each statement of the file
 * what was new. A line already stored stays with the statement that first brought it.
 */
async function storeStatements(
  deps: Deps,
  tx: Queryable,
  ctx: Ctx,
  input: StatementsToStore,
): Promise<{ statements: BankStatementReport[]; newLineIds: string[] }> {
  const importedAt = deps.clock.now();
  const planned = input.assigned.map(({ statement, account }) => {
    const lineKeys = lineDedupKeys(input.format, statement.lines);
    const row: StatementRow = {
      id: deps.ids.newId(),
      bankAccountId: account.id,
      format: input.format,
      statementId: statement.statementId,
      figures: statementFigures(statement),
      dedupKey: statementDedupKey(input.format, statement, lineKeys),
      fileName: input.fileName,
      importedAt,
    };
    return { statement, row, lineKeys };
  });
  const rows = planned.map(({ row }) => row);
  const inserted = await insertNewStatements(tx, ctx.companyId, rows);
  // The others were stored before, or earlier in this file: their new lines go to them.
  const stored = await findStatementIds(
    tx,
    ctx.companyId,
    rows.filter((row) => !inserted.has(row.id)),
  );
  const lineRows: LineRow[] = [];
  const lineIdsOf = planned.map(({ statement, row, lineKeys }) => {
    const bankStatementId = inserted.has(row.id)
      ? row.id
      : stored.get(`${row.bankAccountId} ${row.dedupKey}`);
    if (bankStatementId === undefined) {
      // ON CONFLICT left it out, so a committed statement holds its key: a bug if not found.
      throw new Error(`Statement ${row.dedupKey} was neither stored nor found`);
    }
    return statement.lines.map((line, index) => {
      const id = deps.ids.newId();
      const dedupKey = lineKeys[index] ?? '';
      lineRows.push({ id, bankStatementId, bankAccountId: row.bankAccountId, line, dedupKey });
      return id;
    });
  });
  const insertedLines = await insertNewLines(tx, ctx.companyId, lineRows);
  const statements = planned.map(({ statement, row }, index) => {
    const lineIds = lineIdsOf[index] ?? [];
    const linesNew = lineIds.filter((id) => insertedLines.has(id)).length;
    const { movementsCents, balanced, differenceCents } = row.figures;
    return {
      position: statement.position,
      account: describeAccountKey(statement.account),
      bankAccountId: row.bankAccountId,
      statementId: statement.statementId,
      currency: statement.currency,
      opening: statement.opening,
      closing: statement.closing,
      movementsCents,
      balanced,
      differenceCents,
      isNew: inserted.has(row.id),
      lines: lineIds.length,
      linesNew,
      linesKnown: lineIds.length - linesNew,
    };
  });
  return { statements, newLineIds: [...insertedLines] };
}

function totalsOf(statements: readonly BankStatementReport[]): BankImportReport['totals'] {
  const count = (pick: (statement: BankStatementReport) => number) =>
    statements.reduce((sum, statement) => sum + pick(statement), 0);
  return {
    statements: statements.length,
    statementsNew: count((statement) => (statement.isNew ? 1 : 0)),
    lines: count((statement) => statement.lines),
    linesNew: count((statement) => statement.linesNew),
    linesKnown: count((statement) => statement.linesKnown),
    unbalanced: count((statement) => (statement.balanced === false ? 1 : 0)),
  };
}
