/**
 * The company's bank accounts and what a statement of them means for storing it: which
 * account a statement is about, the accounts an import must register, and a statement's
 * figures. Pure (HOUSE_STYLE §3): the statements come read, the accounts loaded, the new
 * ids given.
 */
import {
  statementBalances,
  type BankAccountKey,
  type BankLine,
  type BankStatement,
  type StatedBalance,
} from '../imports/bank/statement.ts';
import { fieldIssue, type Issue } from '../shared/errors.ts';
import { ibanFromRib, isValidIban, normalizeIban } from '../shared/identifiers.ts';
import type { MessageCode, MessageParams } from '../shared/messages/catalogue.ts';

/** The formats a statement is stored from (`bank_statement.format`). */
export type StatementFormat = 'camt053' | 'camt054' | 'cfonb120';

/** How CFONB names a French account: bank code, branch code, account number. */
export type Rib = { bankCode: string; branchCode: string; accountNumber: string };

/** An account of the company at a bank. */
export type BankAccount = {
  id: string;
  /** What people call it ("Compte courant BNP"). */
  name: string;
  /**
   * Its IBAN; for an account registered from a camt statement without one, the number
   * the statement gives (`Acct/Id/Othr/Id`). `null` only for an account known by RIB alone.
   */
  iban: string | null;
  /** Its RIB when it was registered from a CFONB statement. */
  rib: Rib | null;
  currency: string;
  createdAt: Date;
};

/** A statement as stored: what the bank stated, and whether it balanced. */
export type StoredBankStatement = {
  id: string;
  bankAccountId: string;
  format: StatementFormat;
  statementId: string | null;
  opening: StatedBalance | null;
  closing: StatedBalance | null;
  /** `null` when it could not be checked (no pair of balances). */
  balanced: boolean | null;
  fileName: string;
  importedAt: Date;
};

/** A movement as stored, once per account (`dedupKey`), with the statement that first brought it. */
export type StoredBankLine = Omit<BankLine, 'position'> & {
  id: string;
  bankStatementId: string;
  bankAccountId: string;
  dedupKey: string;
};

/**
 * The number a statement's account key stands for, as `bank_account.iban` holds it: the
 * IBAN of a camt statement (electronic format), the IBAN of a CFONB RIB (`ibanFromRib`), so
 * that an account registered by either is found by a statement in the other format.
 */
export function ibanOfKey(key: BankAccountKey): string {
  return key.kind === 'iban'
    ? normalizeIban(key.iban)
    : ibanFromRib(key.bankCode, key.branchCode, key.accountNumber);
}

/** The account key as people read it: the IBAN, or the RIB's three numbers. */
export function describeAccountKey(key: BankAccountKey): string {
  return key.kind === 'iban'
    ? normalizeIban(key.iban)
    : `${key.bankCode} ${key.branchCode} ${key.accountNumber}`;
}

/** The company's account a statement is about, if it has it. */
export function findAccountFor(
  key: BankAccountKey,
  accounts: readonly BankAccount[],
): BankAccount | undefined {
  const iban = ibanOfKey(key);
  return accounts.find((account) => account.iban === iban);
}

/** Where a statement is in its file, for an issue: the 01 record's line (CFONB), or its XML path. */
function statementIssue(statement: BankStatement, code: MessageCode, params: MessageParams): Issue {
  return /^\d+$/.test(statement.position)
    ? fieldIssue('record', code, params, Number(statement.position))
    : fieldIssue(statement.position, code, params);
}

/** A statement of a file and the company's account it goes to. */
export type AssignedStatement = { statement: BankStatement; account: BankAccount };

/** What an import does with the accounts its statements name. */
export type AccountPlan = {
  /** Each statement with its account, in the file's order (none when there are issues). */
  assigned: AssignedStatement[];
  /** The accounts to register first (`addAccount`). */
  newAccounts: BankAccount[];
  /** Why the file is refused: an account the company does not have, a currency not the account's. */
  issues: Issue[];
};

export type AccountPlanOptions = {
  /** Register the accounts the company does not have yet, rather than refuse the file. */
  addAccount: boolean;
  newId: () => string;
  now: Date;
};

/**
 * Finds the account of each statement among the company's. An account it does not have
 * refuses the file, once per account and saying how to add it, unless `addAccount`
 * registers it (named as the statement names it, in the statement's currency). A statement
 * in another currency than its account refuses the file too: an account is kept in one.
 */
export function planAccounts(
  statements: readonly BankStatement[],
  accounts: readonly BankAccount[],
  options: AccountPlanOptions,
): AccountPlan {
  const known = [...accounts];
  const newAccounts: BankAccount[] = [];
  const unknown = new Set<string>();
  const issues: Issue[] = [];
  const assigned: AssignedStatement[] = [];
  for (const statement of statements) {
    let account = findAccountFor(statement.account, known);
    if (account === undefined && options.addAccount) {
      account = newAccountFor(statement, options.newId(), options.now);
      known.push(account);
      newAccounts.push(account);
    }
    if (account === undefined) {
      const iban = ibanOfKey(statement.account);
      if (!unknown.has(iban)) {
        unknown.add(iban);
        issues.push(unknownAccountIssue(statement, iban));
      }
      continue;
    }
    if (account.currency !== statement.currency) {
      issues.push(
        statementIssue(statement, 'bank_statement_other_currency', {
          account: describeAccountKey(statement.account),
          currency: statement.currency,
          accountCurrency: account.currency,
        }),
      );
    }
    assigned.push({ statement, account });
  }
  return issues.length > 0
    ? { assigned: [], newAccounts: [], issues }
    : { assigned, newAccounts, issues };
}

function newAccountFor(statement: BankStatement, id: string, now: Date): BankAccount {
  const key = statement.account;
  return {
    id,
    name: describeAccountKey(key),
    iban: ibanOfKey(key),
    rib:
      key.kind === 'rib'
        ? { bankCode: key.bankCode, branchCode: key.branchCode, accountNumber: key.accountNumber }
        : null,
    currency: statement.currency,
    createdAt: now,
  };
}

/**
 * The refusal of a statement whose account the company does not have, saying how to add
 * it: by its IBAN when it has one (a RIB always has), else only by importing with
 * `--add-account` (a number that is no IBAN cannot be typed to `bank-accounts add`).
 */
function unknownAccountIssue(statement: BankStatement, iban: string): Issue {
  const account = describeAccountKey(statement.account);
  return isValidIban(iban)
    ? statementIssue(statement, 'bank_account_unknown', { account, iban })
    : statementIssue(statement, 'bank_account_unknown_number', { account });
}

/** What a statement says of itself, for the report: its movements and whether they add up. */
export type StatementFigures = {
  opening: StatedBalance | null;
  closing: StatedBalance | null;
  /** The sum of its lines, signed. */
  movementsCents: number;
  /** `null` when it has not both balances: it cannot be checked. */
  balanced: boolean | null;
  /** closing − (opening + movements), when both balances are given: 0 when it balances. */
  differenceCents: number | null;
};

export function statementFigures(statement: BankStatement): StatementFigures {
  const { opening, closing } = statement;
  const movementsCents = statement.lines.reduce((sum, line) => sum + line.amountCents, 0);
  return {
    opening,
    closing,
    movementsCents,
    balanced: statementBalances(statement) ?? null,
    differenceCents:
      opening === null || closing === null
        ? null
        : closing.amountCents - (opening.amountCents + movementsCents),
  };
}
