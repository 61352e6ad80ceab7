import { sql, type Selectable } from 'kysely';
import {
  chunksOf,
  insertRows,
  unnestRows,
  type ArrayElement,
  type ColumnTypes,
} from '../db/array-parameters.ts';
import type { Queryable } from '../db/client.ts';
import type { BankAccountTable, BankLineTable, BankStatementTable } from '../db/schema.ts';
import type { BankLine } from '../imports/bank/statement.ts';
import type { CalendarDate } from '../shared/calendar-date.ts';
import { cents } from '../shared/money.ts';
import type {
  BankAccount,
  StatementFigures,
  StatementFormat,
  StoredBankLine,
  StoredBankStatement,
} from './model.ts';

function toBankAccount(row: Selectable<BankAccountTable>): BankAccount {
  return {
    id: row.id,
    name: row.name,
    iban: row.iban,
    rib:
      row.bank_code === null || row.branch_code === null || row.account_number === null
        ? null
        : {
            bankCode: row.bank_code,
            branchCode: row.branch_code,
            accountNumber: row.account_number,
          },
    currency: row.currency,
    createdAt: row.created_at,
  };
}

/** Inserts new accounts; one whose IBAN or RIB the company has already fails on its unique key. */
export async function insertBankAccounts(
  q: Queryable,
  companyId: string,
  accounts: readonly BankAccount[],
): Promise<void> {
  await insertRows(
    q,
    'bank_account',
    {
      company_id: 'uuid',
      id: 'uuid',
      name: 'text',
      iban: 'text',
      bank_code: 'text',
      branch_code: 'text',
      account_number: 'text',
      currency: 'text',
      created_at: 'timestamptz',
    },
    accounts.map((account) => ({
      company_id: companyId,
      id: account.id,
      name: account.name,
      iban: account.iban,
      bank_code: account.rib?.bankCode ?? null,
      branch_code: account.rib?.branchCode ?? null,
      account_number: account.rib?.accountNumber ?? null,
      currency: account.currency,
      created_at: account.createdAt,
    })),
  );
}

/** The company's bank accounts, by name. A company has a handful: they are read whole. */
export async function listBankAccounts(q: Queryable, companyId: string): Promise<BankAccount[]> {
  const rows = await q
    .selectFrom('bank_account')
    .selectAll()
    .where('company_id', '=', companyId)
    .orderBy('name')
    .orderBy('id')
    .execute();
  return rows.map(toBankAccount);
}

type Row = Record<string, ArrayElement>;

/**
 * Inserts `rows` that are not stored yet, in statements of `ROWS_PER_STATEMENT` rows with
 * one array parameter per column: a row whose unique key is taken (the same statement or
 * movement, stored by an earlier import or earlier in this one) is left as it is. Returns
 * the ids of the rows inserted. `select` says how each column is read from the arrays
 * (`row.<column>` when absent). On PostgreSQL a row another transaction is inserting with
 * the same key waits for it, then is left out if it committed.
 */
async function insertNew(
  q: Queryable,
  table: 'bank_statement' | 'bank_line',
  companyId: string,
  columns: ColumnTypes<Row>,
  rows: readonly Row[],
  select: Readonly<Record<string, ReturnType<typeof sql>>> = {},
): Promise<Set<string>> {
  const names = Object.keys(columns);
  const inserted = new Set<string>();
  for (const chunk of chunksOf(rows)) {
    const result = await sql<{ id: string }>`INSERT INTO ${sql.table(table)}
        (company_id, ${sql.join(names.map((name) => sql.ref(name)))})
      SELECT ${companyId}::uuid, ${sql.join(names.map((name) => select[name] ?? sql.ref(`row.${name}`)))}
        FROM ${unnestRows('row', columns, chunk)}
      ON CONFLICT (company_id, bank_account_id, dedup_key) DO NOTHING
      RETURNING id`.execute(q);
    for (const { id } of result.rows) {
      inserted.add(id);
    }
  }
  return inserted;
}

/** A statement to store: where it came from, what it states, and its key (dedup-key.ts). */
export type StatementRow = {
  id: string;
  bankAccountId: string;
  format: StatementFormat;
  statementId: string | null;
  figures: StatementFigures;
  dedupKey: string;
  fileName: string;
  importedAt: Date;
};

/** Stores the statements not stored yet; returns the ids of those it inserted. */
export async function insertNewStatements(
  q: Queryable,
  companyId: string,
  statements: readonly StatementRow[],
): Promise<Set<string>> {
  return insertNew(
    q,
    'bank_statement',
    companyId,
    {
      id: 'uuid',
      bank_account_id: 'uuid',
      format: 'text',
      statement_id: 'text',
      opening_date: 'date',
      opening_balance_cents: 'bigint',
      closing_date: 'date',
      closing_balance_cents: 'bigint',
      balanced: 'boolean',
      dedup_key: 'text',
      file_name: 'text',
      imported_at: 'timestamptz',
    },
    statements.map(({ figures, ...statement }) => ({
      id: statement.id,
      bank_account_id: statement.bankAccountId,
      format: statement.format,
      statement_id: statement.statementId,
      opening_date: figures.opening?.date ?? null,
      opening_balance_cents: figures.opening?.amountCents ?? null,
      closing_date: figures.closing?.date ?? null,
      closing_balance_cents: figures.closing?.amountCents ?? null,
      balanced: figures.balanced,
      dedup_key: statement.dedupKey,
      file_name: statement.fileName,
      imported_at: statement.importedAt,
    })),
  );
}

/**
 * The ids of stored statements, by `${bankAccountId} ${dedupKey}`: the statements an
 * import finds already stored, whose new lines (if any) it attaches to them.
 */
export async function findStatementIds(
  q: Queryable,
  companyId: string,
  keys: readonly { bankAccountId: string; dedupKey: string }[],
): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  for (const chunk of chunksOf(keys)) {
    const result = await sql<{ id: string; bank_account_id: string; dedup_key: string }>`
      SELECT s.id, s.bank_account_id, s.dedup_key
        FROM bank_statement s
        JOIN ${unnestRows(
          'k',
          { bank_account_id: 'uuid', dedup_key: 'text' },
          chunk.map((key) => ({ bank_account_id: key.bankAccountId, dedup_key: key.dedupKey })),
        )} ON s.bank_account_id = k.bank_account_id AND s.dedup_key = k.dedup_key
       WHERE s.company_id = ${companyId}`.execute(q);
    for (const row of result.rows) {
      found.set(`${row.bank_account_id} ${row.dedup_key}`, row.id);
    }
  }
  return found;
}

/** A movement to store, with the statement and account it belongs to and its key. */
export type LineRow = {
  id: string;
  bankStatementId: string;
  bankAccountId: string;
  line: BankLine;
  dedupKey: string;
};

/** Stores the lines not stored yet; returns the ids of those it inserted. */
export async function insertNewLines(
  q: Queryable,
  companyId: string,
  lines: readonly LineRow[],
): Promise<Set<string>> {
  return insertNew(
    q,
    'bank_line',
    companyId,
    {
      id: 'uuid',
      bank_statement_id: 'uuid',
      bank_account_id: 'uuid',
      booking_date: 'date',
      value_date: 'date',
      amount_cents: 'bigint',
      currency: 'text',
      counterparty_name: 'text',
      counterparty_iban: 'text',
      remittance_text: 'text',
      structured_references: 'jsonb',
      bank_references: 'jsonb',
      transaction_code: 'text',
      is_reversal: 'boolean',
      return_reason: 'text',
      dedup_key: 'text',
    },
    lines.map(({ line, ...row }) => ({
      id: row.id,
      bank_statement_id: row.bankStatementId,
      bank_account_id: row.bankAccountId,
      booking_date: line.bookingDate,
      value_date: line.valueDate,
      amount_cents: line.amountCents,
      currency: line.currency,
      counterparty_name: line.counterpartyName,
      counterparty_iban: line.counterpartyIban,
      remittance_text: line.remittanceText,
      structured_references: JSON.stringify(line.structuredReferences),
      bank_references: JSON.stringify(line.bankReferences),
      transaction_code: line.transactionCode,
      is_reversal: line.isReversal,
      return_reason: line.returnReason,
      dedup_key: row.dedupKey,
    })),
    // A text[] cannot travel inside an array parameter (unnest would flatten a text[][]):
    // each line's references come as a JSON array and are made an array again here.
    {
      structured_references: sql`ARRAY(SELECT jsonb_array_elements_text(row.structured_references))`,
    },
  );
}

function balanceOf(date: string | null, amountCents: number | null) {
  return date === null || amountCents === null
    ? null
    : { date: date as CalendarDate, amountCents: cents(amountCents) };
}

function toStoredStatement(row: Selectable<BankStatementTable>): StoredBankStatement {
  return {
    id: row.id,
    bankAccountId: row.bank_account_id,
    format: row.format as StatementFormat,
    statementId: row.statement_id,
    opening: balanceOf(row.opening_date, row.opening_balance_cents),
    closing: balanceOf(row.closing_date, row.closing_balance_cents),
    balanced: row.balanced,
    fileName: row.file_name,
    importedAt: row.imported_at,
  };
}

/** A `bank_line` row as the model reads it (cash application reads the lines too). */
export function toStoredLine(row: Selectable<BankLineTable>): StoredBankLine {
  return {
    id: row.id,
    bankStatementId: row.bank_statement_id,
    bankAccountId: row.bank_account_id,
    bookingDate: row.booking_date as CalendarDate,
    valueDate: row.value_date as CalendarDate | null,
    amountCents: cents(row.amount_cents),
    currency: row.currency,
    counterpartyName: row.counterparty_name,
    counterpartyIban: row.counterparty_iban,
    remittanceText: row.remittance_text,
    structuredReferences: row.structured_references,
    bankReferences: row.bank_references,
    transactionCode: row.transaction_code,
    isReversal: row.is_reversal,
    returnReason: row.return_reason,
    dedupKey: row.dedup_key,
  };
}

/** The statements stored for an account, in the order they were imported. */
export async function listBankStatements(
  q: Queryable,
  companyId: string,
  bankAccountId: string,
): Promise<StoredBankStatement[]> {
  const rows = await q
    .selectFrom('bank_statement')
    .selectAll()
    .where('company_id', '=', companyId)
    .where('bank_account_id', '=', bankAccountId)
    .orderBy('imported_at')
    .orderBy('id')
    .execute();
  return rows.map(toStoredStatement);
}

/** The movements stored on an account, by booking date. */
export async function listBankLines(
  q: Queryable,
  companyId: string,
  bankAccountId: string,
): Promise<StoredBankLine[]> {
  const rows = await q
    .selectFrom('bank_line')
    .selectAll()
    .where('company_id', '=', companyId)
    .where('bank_account_id', '=', bankAccountId)
    .orderBy('booking_date')
    .orderBy('id')
    .execute();
  return rows.map(toStoredLine);
}
