/**
 * The FEC (fichier des écritures comptables) as art. A47 A-1 of the Livre des procédures
 * fiscales defines it: one line per accounting line, 18 fields in a fixed order, a header
 * row naming them, a tab or `|` between fields, amounts with a decimal comma and dates
 * written AAAAMMJJ. This file holds the layout and the typed line; `parse-fec.ts` reads a
 * file into lines, `plan-fec.ts` turns lines into customers, invoices and payments.
 */
import type { CalendarDate } from '../../shared/calendar-date.ts';
import type { Cents, CurrencyCode } from '../../shared/money.ts';

/** The 18 columns of art. A47 A-1, in their order. */
export const FEC_COLUMNS = [
  'JournalCode',
  'JournalLib',
  'EcritureNum',
  'EcritureDate',
  'CompteNum',
  'CompteLib',
  'CompAuxNum',
  'CompAuxLib',
  'PieceRef',
  'PieceDate',
  'EcritureLib',
  'Debit',
  'Credit',
  'EcritureLet',
  'DateLet',
  'ValidDate',
  'Montantdevise',
  'Idevise',
] as const;

/**
 * The variant art. A47 A-1 allows: `Montant` (the amount) and `Sens` (`D` or `C`) in
 * place of `Debit` and `Credit`, so still 18 columns.
 */
export const FEC_AMOUNT_DIRECTION_COLUMNS = [
  ...FEC_COLUMNS.slice(0, 11),
  'Montant',
  'Sens',
  ...FEC_COLUMNS.slice(13),
] as const;

/** A column of either layout, as issues name it in `field`. */
export type FecColumn = (typeof FEC_COLUMNS)[number] | 'Montant' | 'Sens';

/** Where each field is on a line (both layouts share every position). */
export const FEC_FIELD = {
  journalCode: 0,
  journalLib: 1,
  ecritureNum: 2,
  ecritureDate: 3,
  compteNum: 4,
  compteLib: 5,
  compAuxNum: 6,
  compAuxLib: 7,
  pieceRef: 8,
  pieceDate: 9,
  ecritureLib: 10,
  /** `Debit`, or `Montant` in the amount-and-direction layout. */
  debit: 11,
  /** `Credit`, or `Sens`. */
  credit: 12,
  ecritureLet: 13,
  dateLet: 14,
  validDate: 15,
  montantDevise: 16,
  idevise: 17,
} as const;

/** The field separators art. A47 A-1 allows. */
export type FecSeparator = '\t' | '|';

/** How a file writes amounts: `Debit` and `Credit`, or `Montant` and `Sens`. */
export type FecAmountLayout = 'debit_credit' | 'amount_direction';

/**
 * One line of a FEC, checked. Fields keep the FEC's own names (camel-cased), so the
 * specification reads against the code; text fields are trimmed, and an optional one
 * that is empty is `''` (a date or an amount, `null`). The amount-and-direction layout
 * is read into `debitCents` / `creditCents` too.
 */
export type FecLine = {
  /** The line's number in the file (the header is line 1). */
  line: number;
  /** Its rank among the lines of its entry (same `journalCode` and `ecritureNum`), from 1. */
  lineInEntry: number;
  journalCode: string;
  journalLib: string;
  ecritureNum: string;
  ecritureDate: CalendarDate;
  compteNum: string;
  compteLib: string;
  compAuxNum: string;
  compAuxLib: string;
  pieceRef: string;
  pieceDate: CalendarDate;
  ecritureLib: string;
  /** In the books' currency; at most one of the two is not zero. */
  debitCents: Cents;
  creditCents: Cents;
  ecritureLet: string;
  dateLet: CalendarDate | null;
  validDate: CalendarDate;
  /** The amount in `idevise`, signed as the file writes it; `null` when empty. */
  montantDeviseCents: Cents | null;
  idevise: CurrencyCode | null;
};

/**
 * The stable key of what a line builds: journal, entry number and rank in the entry
 * (`VT/F2024-0012/2`). The file's line number would change with any line added above;
 * these three do not, so a re-import of the same books finds its items again.
 */
export function fecSourceKey(
  line: Pick<FecLine, 'journalCode' | 'ecritureNum' | 'lineInEntry'>,
): string {
  return `${line.journalCode}/${line.ecritureNum}/${line.lineInEntry}`;
}

/**
 * An entry's name within a file, for sets and maps: its journal and number, which
 * together name it (LPF art. A47 A-1), joined by a NUL, which no decoded field holds.
 */
export function fecEntryKey(line: { journalCode: string; ecritureNum: string }): string {
  return `${line.journalCode}\u0000${line.ecritureNum}`;
}
