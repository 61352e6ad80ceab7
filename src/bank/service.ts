import type { Ctx } from '../app/context.ts';
import type { Deps } from '../app/deps.ts';
import { requirePermission } from '../app/permissions.ts';
import { inTransaction } from '../db/transaction.ts';
import { runImporter } from '../imports/importer.ts';
import { invalidField } from '../shared/errors.ts';
import { isValidIban, normalizeIban } from '../shared/identifiers.ts';
import { parseCurrencyCode } from '../shared/money.ts';
import type { BankAccount, StoredBankLine, StoredBankStatement } from './model.ts';
import { saveNewAccounts } from './new-accounts.ts';
import {
  bankStatementImporter,
  type BankImportReport,
  type ImportBankFileOptions,
} from './statement-import.ts';
import {
  listBankAccounts as listAccountRows,
  listBankLines as listLineRows,
  listBankStatements as listStatementRows,
} from './store.ts';

export type {
  BankImportReport,
  BankStatementReport,
  ImportBankFileOptions,
} from './statement-import.ts';

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

/**
 * Imports a bank statement file (camt.053/054 or CFONB 120, told from its content) in one
 * transaction: all of it, or nothing when it is refused. Each statement goes to the
 * company's account it names; an account the company does not have refuses the file
 * (saying how to add it) unless `addAccount` registers it. A statement that does not
 * balance is stored flagged (`balanced: false`) and said in the report.
 *
 * A movement is stored once per account (`bank_line` is unique on its key, dedup-key.ts):
 * a re-import adds nothing, an overlapping file only what is new, and the report counts
 * both. It runs as every import does (`runImporter`): under the company's import lock, so
 * a second import of the same file waits for the first, then finds its lines stored. A
 * dry run does all of it and rolls it back, so its counts are exactly what the import
 * would do.
 */
export function importBankFile(
  deps: Deps,
  ctx: Ctx,
  options: ImportBankFileOptions,
): Promise<BankImportReport> {
  return runImporter(deps, ctx, bankStatementImporter, options);
}
