/**
 * A bank statement as every bank format reads into it (camt.053, camt.054, CFONB 120):
 * the account, its balances when the format gives them, and one line per movement.
 * Pure types and rules; the format readers (`camt.ts`, `cfonb120.ts`) fill them.
 */
import type { CalendarDate } from '../../shared/calendar-date.ts';
import type { Cents } from '../../shared/money.ts';

/** How a statement names the company's account it is about. */
export type BankAccountKey =
  | { kind: 'iban'; iban: string }
  /** CFONB: bank code (5 digits), branch code (5), account number (11). */
  | { kind: 'rib'; bankCode: string; branchCode: string; accountNumber: string };

/** A balance the statement states: booked on `date`, signed (a debit balance is negative). */
export type StatedBalance = { date: CalendarDate; amountCents: Cents };

export type BankLine = {
  /** Where the line is in the file, for messages: a line number (CFONB) or an XML path (camt). */
  position: string;
  bookingDate: CalendarDate;
  valueDate: CalendarDate | null;
  /** Signed: a credit (money in) is positive, a debit negative. */
  amountCents: Cents;
  currency: string;
  counterpartyName: string | null;
  counterpartyIban: string | null;
  /** The free remittance text, lines joined with a space. */
  remittanceText: string | null;
  /** Structured creditor references (ISO 11649 RF…, or a national one), as given. */
  structuredReferences: readonly string[];
  /** The bank's own references, by name (`entryReference`, `accountServicerReference`, `endToEndId`, …). */
  bankReferences: Readonly<Record<string, string>>;
  /** The bank's transaction code, as given (camt domain/family/sub-family, CFONB operation code). */
  transactionCode: string | null;
  /** A reversal of an earlier movement (camt `RvslInd`, a returned direct debit). */
  isReversal: boolean;
  /** Why it was returned or rejected (ISO return reason such as `AC06`), when said. */
  returnReason: string | null;
};

export type BankStatement = {
  /** Where the statement starts in the file, for messages. */
  position: string;
  account: BankAccountKey;
  currency: string;
  /** The statement's own id (camt `Stmt/Id`, or built from the CFONB 01 record), if any. */
  statementId: string | null;
  opening: StatedBalance | null;
  closing: StatedBalance | null;
  lines: readonly BankLine[];
};

/**
 * Whether the statement balances: opening + movements = closing, exactly, in cents.
 * A statement without both balances cannot be checked (`undefined`).
 */
export function statementBalances(statement: BankStatement): boolean | undefined {
  if (statement.opening === null || statement.closing === null) {
    return undefined;
  }
  const movements = statement.lines.reduce((sum, line) => sum + line.amountCents, 0);
  return statement.opening.amountCents + movements === statement.closing.amountCents;
}
