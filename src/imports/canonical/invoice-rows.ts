/**
 * Invoice and credit-note rows of an import file: `number, customer_code,
 * issue_date, due_date, amount, currency, kind`. Pure: a table in, typed rows and
 * per-line errors out; whether the customer exists is the service's question.
 */
import { checkLegalMaximum } from '../../shared/payment-terms.ts';
import { compareDates, type CalendarDate } from '../../shared/calendar-date.ts';
import { fieldIssue, type Issue } from '../../shared/errors.ts';
import { cents, type Cents, type CurrencyCode } from '../../shared/money.ts';
import {
  INVOICE_COLUMN_SPEC,
  type ColumnMapping,
  type InvoiceColumn,
  type MappedRecord,
} from '../table/column-mapping.ts';
import { parseRows, requiredColumns } from '../table/parse-rows.ts';
import type { Table } from '../table/read-table.ts';
import {
  addIssue,
  quote,
  readAmount,
  readChoice,
  readCurrency,
  readDate,
  readCustomerCode,
  requireText,
  type RowContext,
  type RowParseOptions,
} from '../table/row-fields.ts';

/** An invoice, or a credit note (avoir) that reduces what the customer owes. */
export type InvoiceKind = 'invoice' | 'credit_note';

/** One valid invoice or credit-note line of a file. */
export type InvoiceImportRow = {
  line: number;
  number: string;
  customerCode: string;
  kind: InvoiceKind;
  issueDate: CalendarDate;
  /** `undefined` when the cell is empty: the service computes it from the customer's terms. */
  dueDate: CalendarDate | undefined;
  /** Always positive, in minor units of `currency`; `kind` gives the direction. */
  amount: Cents;
  currency: CurrencyCode;
};

/** Options of `parseInvoiceRows`. */
export type InvoiceRowsOptions = RowParseOptions & { mapping?: ColumnMapping | undefined };

/**
 * `parseInvoiceRows`'s answer: the valid rows, one issue per problem (a row with
 * any problem is not in `rows`), notices about columns, and the canonical columns
 * the file has.
 */
export type InvoiceRowsResult = {
  rows: InvoiceImportRow[];
  errors: Issue[];
  notices: Issue[];
  columns: InvoiceColumn[];
};

/** Accepted spellings of `kind` (`choiceKey` form); empty means `invoice`. */
export const INVOICE_KIND_SPELLINGS: Readonly<Record<string, InvoiceKind>> = {
  invoice: 'invoice',
  facture: 'invoice',
  credit_note: 'credit_note',
  creditnote: 'credit_note',
  avoir: 'credit_note',
};

/**
 * Parses the invoice rows of a table. Refused: a missing number, customer code or
 * issue date; an invalid date; a due date before the issue date; a zero amount; a
 * negative amount on an invoice (a credit note is `kind=credit_note`); an unknown
 * currency; the same number and kind twice in the file.
 */
export function parseInvoiceRows(
  table: Table,
  options: InvoiceRowsOptions = {},
): InvoiceRowsResult {
  return parseRows(
    table,
    {
      mapping: options.mapping,
      decimalMark: options.decimalMark,
      firstLineOf: options.firstLineOf,
      required: requiredColumns(INVOICE_COLUMN_SPEC, options.defaultCurrency),
    },
    {
      spec: INVOICE_COLUMN_SPEC,
      read: (context, record) => readInvoiceRow(context, record, options.defaultCurrency),
      keyOf: (row) =>
        row.number === undefined || row.kind === undefined
          ? undefined
          : {
              column: 'number',
              key: `${row.kind}\u0000${row.number}`,
              variant: row.kind === 'invoice' ? 'invoice_number' : 'credit_note_number',
              value: row.number,
            },
      complete: (row, notices) => {
        const complete = completeRow(row);
        const warning = legalMaximumNotice(complete);
        if (warning !== undefined) {
          notices.push(warning);
        }
        return complete;
      },
    },
  );
}

/**
 * A due date past C. com. L441-10 I's maximum is imported with a notice, not
 * refused: the invoice exists and must be collected; the terms are the seller's
 * compliance problem (administrative fine, L441-16).
 */
function legalMaximumNotice(row: InvoiceImportRow): Issue | undefined {
  // A credit note's due date only says when it may be used; no payment deadline applies.
  if (row.dueDate === undefined || row.kind === 'credit_note') {
    return undefined;
  }
  const warning = checkLegalMaximum(row.issueDate, row.dueDate);
  return (
    warning &&
    fieldIssue(
      'due_date',
      warning.code,
      {
        dueDate: row.dueDate,
        excessDays: warning.excessDays,
        maximumDueDate: warning.maximumDueDate,
        issueDate: row.issueDate,
        context: 'due_date',
      },
      row.line,
    )
  );
}

type PartialInvoiceRow = { [K in keyof InvoiceImportRow]: InvoiceImportRow[K] | undefined };

/** A row without issues has every required value; anything else is a bug in this file. */
function completeRow(row: PartialInvoiceRow): InvoiceImportRow {
  const { line, number, customerCode, kind, issueDate, dueDate, amount, currency } = row;
  if (
    line === undefined ||
    number === undefined ||
    customerCode === undefined ||
    kind === undefined ||
    issueDate === undefined ||
    amount === undefined ||
    currency === undefined
  ) {
    throw new Error(`Invoice row of line ${line} has no issue but a missing value`);
  }
  return { line, number, customerCode, kind, issueDate, dueDate, amount, currency };
}

function readInvoiceRow(
  context: RowContext,
  record: MappedRecord<InvoiceColumn>,
  defaultCurrency: CurrencyCode | undefined,
): PartialInvoiceRow {
  const { cell } = record;
  const number = requireText(context, 'number', cell('number'));
  const customerCode = readCustomerCode(context, cell('customer_code'));
  const kind =
    cell('kind') === ''
      ? 'invoice'
      : readChoice(context, 'kind', cell('kind'), INVOICE_KIND_SPELLINGS, 'invalid_kind');
  const issueDate =
    requireText(context, 'issue_date', cell('issue_date')) === undefined
      ? undefined
      : readDate(context, 'issue_date', cell('issue_date'));
  const dueDate = readDate(context, 'due_date', cell('due_date'));
  if (issueDate !== undefined && dueDate !== undefined && compareDates(dueDate, issueDate) < 0) {
    addIssue(context, 'due_date', 'due_before_issue', {
      value: quote(cell('due_date')),
      issueDate: quote(cell('issue_date')),
    });
  }
  const currency = readCurrency(context, cell('currency'), defaultCurrency);
  const amount = readInvoiceAmount(context, cell('amount'), currency, kind);
  return { line: record.line, number, customerCode, kind, issueDate, dueDate, amount, currency };
}

/**
 * The positive amount of the row. Credit notes are often exported negative (they
 * reduce the balance), so a credit note's sign is dropped; a negative invoice is
 * refused instead, because it is most likely a credit note labelled as an invoice
 * and importing it as a debt would be wrong.
 */
function readInvoiceAmount(
  context: RowContext,
  value: string,
  currency: CurrencyCode | undefined,
  kind: InvoiceKind | undefined,
): Cents | undefined {
  if (requireText(context, 'amount', value) === undefined || currency === undefined) {
    return undefined;
  }
  const amount = readAmount(context, 'amount', value, currency);
  if (amount === undefined) {
    return undefined;
  }
  if (amount === 0) {
    addIssue(context, 'amount', 'zero_amount', { value: quote(value) });
    return undefined;
  }
  if (amount < 0 && kind === 'invoice') {
    addIssue(context, 'amount', 'negative_amount', {
      value: quote(value),
      context: 'for_invoice',
    });
    return undefined;
  }
  return cents(Math.abs(amount));
}
