/**
 * The keys that make a movement, and a statement, stored once per account however many
 * files bring it: two exports whose days overlap, the camt.054 notification and the
 * camt.053 statement of one day, the same file imported twice. `bank_line` and
 * `bank_statement` are unique on (company, account, key), the account being the other half.
 *
 * Deterministic, and nothing but a function of the statement: it hashes with node:crypto
 * (SHA-256, so that two different movements never share a key by accident), which is why
 * it is not in model.ts, where no `node:` module may be imported.
 */
import { createHash } from 'node:crypto';
import type { BankLine, BankStatement } from '../imports/bank/statement.ts';
import type { StatementFormat } from './model.ts';

/**
 * What banks write where a reference is expected and they have none: ISO 20022's
 * `NOTPROVIDED`, SWIFT's `NONREF`. Keyed on, they would make every such line one.
 */
const NO_REFERENCE = new Set(['NOTPROVIDED', 'NONREF', 'NONE']);

function stable(reference: string | undefined): string | undefined {
  const text = reference?.trim();
  return text === undefined || text === '' || NO_REFERENCE.has(text.toUpperCase())
    ? undefined
    : text;
}

function sha256(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex');
}

/**
 * What identifies a movement, before its occurrence in the statement is counted:
 * - camt: the bank's reference of the transaction (`TxDtls/Refs/AcctSvcrRef`), else of
 *   its entry (`Ntry/AcctSvcrRef`, which the details of a batch share); else the entry's
 *   `NtryRef` with the detail's own reference (`TxId`, `EndToEndId` or `InstrId`): an
 *   `NtryRef` alone is often a number within the statement (PostFinance gives every entry
 *   of a notification the same one);
 * - CFONB: the entry number (positions 82-88) with the booking date, the bank numbering
 *   its entries by day;
 * - else a SHA-256 of what the line says: booking date, amount and currency, counterparty
 *   (name and IBAN), remittance text.
 */
function identityOf(format: StatementFormat, line: BankLine): string {
  const references = line.bankReferences;
  if (format === 'cfonb120') {
    const entry = stable(references['entryReference']);
    if (entry !== undefined) {
      return `cfonb-entry:${line.bookingDate}:${entry}`;
    }
  } else {
    const servicer =
      stable(references['transactionAccountServicerReference']) ??
      stable(references['accountServicerReference']);
    if (servicer !== undefined) {
      return `servicer:${servicer}`;
    }
    const entry = stable(references['entryReference']);
    const detail =
      stable(references['transactionId']) ??
      stable(references['endToEndId']) ??
      stable(references['instructionId']);
    if (entry !== undefined && detail !== undefined) {
      return `entry:${entry}:${detail}`;
    }
  }
  return `hash:${sha256([
    line.bookingDate,
    line.amountCents,
    line.currency,
    line.counterpartyName,
    line.counterpartyIban,
    line.remittanceText,
  ])}`;
}

/**
 * The key of each line of a statement: its identity (`identityOf`) and its occurrence
 * among the statement's lines of that identity (`#1`, `#2`…). Two card payments of 4,20 €
 * at one shop on one day are two movements, whatever else reads the same; and as the
 * hashed identity holds the booking date, they are counted within their day, so a later
 * file that holds the whole day again gives them the same keys.
 */
export function lineDedupKeys(format: StatementFormat, lines: readonly BankLine[]): string[] {
  const seen = new Map<string, number>();
  return lines.map((line) => {
    const identity = identityOf(format, line);
    const occurrence = (seen.get(identity) ?? 0) + 1;
    seen.set(identity, occurrence);
    return `${identity}#${occurrence}`;
  });
}

/**
 * The key of a statement: its format, its id, its balances and its lines' keys. The same
 * statement read again is stored once; a statement the bank sent again corrected (another
 * line, another balance) is a new one.
 */
export function statementDedupKey(
  format: StatementFormat,
  statement: BankStatement,
  lineKeys: readonly string[],
): string {
  return `statement:${sha256([format, statement.statementId, statement.opening, statement.closing, lineKeys])}`;
}
