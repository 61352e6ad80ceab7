/**
 * Bank statement files as an importer (src/imports/importer.ts): the parse tells the
 * format from the content and reads it (`readStatementFile`: camt.053/054, CFONB 120), the
 * apply assigns each statement to the company's account, stores what is new and matches
 * the new lines, in the import's transaction. `importBankFile` (service.ts) runs it.
 */
import type { StatedBalance } from '../imports/bank/statement.ts';
import type { Importer, Refusal } from '../imports/importer.ts';
import type { Ctx } from '../app/context.ts';
import type { Deps } from '../app/deps.ts';
import type { Queryable } from '../db/client.ts';
import type { Issue } from '../shared/errors.ts';
import { lineDedupKeys, statementDedupKey } from './dedup-key.ts';
import type { MatchRunReport } from './matching/line-match.ts';
import { matchLinesInTx } from './matching/service.ts';
import {
  describeAccountKey,
  planAccounts,
  statementFigures,
  type AssignedStatement,
  type BankAccount,
  type StatementFormat,
} from './model.ts';
import { saveNewAccounts } from './new-accounts.ts';
import { readStatementFile, type StatementFile } from './statement-file.ts';
import {
  findStatementIds,
  insertNewLines,
  insertNewStatements,
  listBankAccounts,
  type LineRow,
  type StatementRow,
} from './store.ts';

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

/** A file read without issue. */
type ReadStatements = Extract<StatementFile, { ok: true }>;

/** A file its reader refused: the format it was told to be, if any, is still reported. */
type RefusedStatements = Refusal & { format: StatementFormat | null };

/** What the apply stored, or why it refused the file (an account the company lacks…). */
type StoredStatements = Pick<
  BankImportReport,
  'statements' | 'totals' | 'accountsAdded' | 'matching' | 'errors'
>;

/** A file refused before anything is stored. */
function nothingStored(errors: Issue[]): StoredStatements {
  return { statements: [], totals: totalsOf([]), accountsAdded: [], matching: null, errors };
}

/**
 * A statement file, all of it or nothing (never `partial`): each statement goes to the
 * company's account it names; an account the company does not have refuses the file
 * (saying how to add it) unless `addAccount` registers it, which takes `ledger:write`.
 */
export const bankStatementImporter: Importer<
  ImportBankFileOptions,
  ReadStatements,
  StoredStatements,
  BankImportReport,
  RefusedStatements
> = {
  kind: 'bank',
  permissions: (options) => (options.addAccount ? ['ledger:write'] : []),
  async parse(options) {
    const file = await readStatementFile(options.bytes, options.fileName);
    return file.ok
      ? { ok: true, parsed: file }
      : { ok: false, format: file.format, errors: file.issues, notices: file.notices };
  },
  async apply(deps, tx, ctx, file, options) {
    const plan = planAccounts(file.statements, await listBankAccounts(tx, ctx.companyId), {
      addAccount: options.addAccount,
      newId: () => deps.ids.newId(),
      now: deps.clock.now(),
    });
    if (plan.issues.length > 0) {
      return nothingStored(plan.issues);
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
      statements,
      totals: totalsOf(statements),
      accountsAdded: plan.newAccounts,
      matching,
      errors: [],
    };
  },
  summary: (stored, file) => ({
    format: file.format,
    ...stored.totals,
    accountsAdded: stored.accountsAdded.map((account) => account.iban),
  }),
  report(run, options) {
    const stored = run.ok ? run.result : nothingStored(run.errors);
    return {
      file: options.fileName,
      format: run.ok ? run.parsed.format : run.format,
      dryRun: options.dryRun,
      committed: run.committed,
      ...stored,
      notices: run.ok ? run.parsed.notices : run.notices,
    };
  },
};

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
