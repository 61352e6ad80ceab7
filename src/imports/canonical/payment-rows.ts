/**
 * Payment rows of an import file: `reference, customer_code, date, amount,
 * currency, invoice_number, method`. Pure: a table in, typed rows and per-line
 * errors out; allocation to invoices is the service's business.
 */
import type { PaymentMethod } from '../../customers/model.ts';
import type { CalendarDate } from '../../shared/calendar-date.ts';
import type { Issue } from '../../shared/errors.ts';
import type { Cents, CurrencyCode } from '../../shared/money.ts';
import {
  PAYMENT_COLUMN_SPEC,
  type ColumnMapping,
  type MappedRecord,
  type PaymentColumn,
} from '../table/column-mapping.ts';
import { parseRows, requiredColumns } from '../table/parse-rows.ts';
import type { Table } from '../table/read-table.ts';
import {
  addIssue,
  optionalText,
  quote,
  readAmount,
  readCurrency,
  readDate,
  readPaymentMethod,
  readCustomerCode,
  requireText,
  type RowContext,
  type RowParseOptions,
} from '../table/row-fields.ts';

/** One valid payment line of a file. */
export type PaymentImportRow = {
  line: number;
  /** The payment's own reference (bank transaction, cheque number…), unique per company. */
  reference: string;
  customerCode: string;
  date: CalendarDate;
  /** Positive, in minor units of `currency`. */
  amount: Cents;
  currency: CurrencyCode;
  /** The invoice the customer said it pays, if the file says so. */
  invoiceNumber: string | undefined;
  /** `undefined` when the cell is empty (the service's default applies). */
  method: PaymentMethod | undefined;
};

/** Options of `parsePaymentRows`. */
export type PaymentRowsOptions = RowParseOptions & { mapping?: ColumnMapping | undefined };

/** `parsePaymentRows`'s answer (see `InvoiceRowsResult`). */
export type PaymentRowsResult = {
  rows: PaymentImportRow[];
  errors: Issue[];
  notices: Issue[];
  columns: PaymentColumn[];
};

/**
 * Parses the payment rows of a table. Refused: a missing reference, customer code
 * or date; an invalid date; a zero or negative amount (a refund is not a payment);
 * an unknown currency or method; the same reference twice in the file.
 */
export function parsePaymentRows(
  table: Table,
  options: PaymentRowsOptions = {},
): PaymentRowsResult {
  return parseRows(
    table,
    {
      mapping: options.mapping,
      decimalMark: options.decimalMark,
      firstLineOf: options.firstLineOf,
      required: requiredColumns(PAYMENT_COLUMN_SPEC, options.defaultCurrency),
    },
    {
      spec: PAYMENT_COLUMN_SPEC,
      read: (context, record) => readPaymentRow(context, record, options.defaultCurrency),
      keyOf: (row) =>
        row.reference === undefined
          ? undefined
          : {
              column: 'reference',
              key: row.reference,
              variant: 'payment_reference',
              value: row.reference,
            },
      complete: (row) => completeRow(row),
    },
  );
}

type PartialPaymentRow = { [K in keyof PaymentImportRow]: PaymentImportRow[K] | undefined };

function readPaymentRow(
  context: RowContext,
  record: MappedRecord<PaymentColumn>,
  defaultCurrency: CurrencyCode | undefined,
): PartialPaymentRow {
  const { cell } = record;
  const reference = requireText(context, 'reference', cell('reference'));
  const customerCode = readCustomerCode(context, cell('customer_code'));
  const date =
    requireText(context, 'date', cell('date')) === undefined
      ? undefined
      : readDate(context, 'date', cell('date'));
  const currency = readCurrency(context, cell('currency'), defaultCurrency);
  const amount = readPositiveAmount(context, cell('amount'), currency);
  const invoiceNumber = optionalText(cell('invoice_number'));
  const method = readPaymentMethod(context, 'method', cell('method'));
  return {
    line: record.line,
    reference,
    customerCode,
    date,
    amount,
    currency,
    invoiceNumber,
    method,
  };
}

function readPositiveAmount(
  context: RowContext,
  value: string,
  currency: CurrencyCode | undefined,
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
  if (amount < 0) {
    addIssue(context, 'amount', 'negative_amount', { value: quote(value), context: 'payment' });
    return undefined;
  }
  return amount;
}

/** A row without issues has every required value; anything else is a bug in this file. */
function completeRow(row: PartialPaymentRow): PaymentImportRow {
  const { line, reference, customerCode, date, amount, currency, invoiceNumber, method } = row;
  if (
    line === undefined ||
    reference === undefined ||
    customerCode === undefined ||
    date === undefined ||
    amount === undefined ||
    currency === undefined
  ) {
    throw new Error(`Payment row of line ${line} has no issue but a missing value`);
  }
  return { line, reference, customerCode, date, amount, currency, invoiceNumber, method };
}
