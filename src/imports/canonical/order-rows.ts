/**
 * Order rows of an import file (issue 12): `number, customer_code, order_date, amount,
 * currency, expected_delivery_date, special_conditions, prices_agreed,
 * delivery_date_confirmed, confirmation_sent`. Pure: a table in, typed rows and per-line
 * errors out. What an order may be (a positive amount, not dated after today, delivered
 * after it is ordered) is credit's `checkOrderInput`, asked when the order is received with
 * the company's today; whether the customer exists is the service's question.
 */
import type { CalendarDate } from '../../shared/calendar-date.ts';
import type { Issue } from '../../shared/errors.ts';
import type { Cents, CurrencyCode } from '../../shared/money.ts';
import {
  ORDER_COLUMN_SPEC,
  type ColumnMapping,
  type MappedRecord,
  type OrderColumn,
} from '../table/column-mapping.ts';
import { parseRows, requiredColumns } from '../table/parse-rows.ts';
import type { Table } from '../table/read-table.ts';
import {
  optionalText,
  readAmount,
  readChoice,
  readCurrency,
  readCustomerCode,
  readDate,
  requireText,
  type RowContext,
  type RowParseOptions,
} from '../table/row-fields.ts';

/** One valid order line of a file. */
export type OrderImportRow = {
  line: number;
  /** The ERP's order number, unique per company. */
  number: string;
  customerCode: string;
  orderDate: CalendarDate;
  /** As the file says it, in minor units of `currency`: its sign is checked on receipt. */
  amount: Cents;
  currency: CurrencyCode;
  expectedDeliveryDate: CalendarDate | null;
  /** The conditions sales granted (a discount, longer terms), as free text. */
  specialConditions: string | null;
  pricesAgreed: boolean;
  deliveryDateConfirmed: boolean;
  confirmationSent: boolean;
};

/** Options of `parseOrderRows`. */
export type OrderRowsOptions = RowParseOptions & { mapping?: ColumnMapping | undefined };

/** `parseOrderRows`'s answer (see `InvoiceRowsResult`). */
export type OrderRowsResult = {
  rows: OrderImportRow[];
  errors: Issue[];
  notices: Issue[];
  columns: OrderColumn[];
};

/**
 * Accepted spellings of a checklist box (`choiceKey` form). French spreadsheets write a
 * boolean cell `VRAI`/`FAUX` when saved as CSV; an empty cell is `false`.
 */
export const CHECKLIST_SPELLINGS: Readonly<Record<string, 'true' | 'false'>> = {
  oui: 'true',
  yes: 'true',
  true: 'true',
  vrai: 'true',
  '1': 'true',
  non: 'false',
  no: 'false',
  false: 'false',
  faux: 'false',
  '0': 'false',
};

/**
 * Parses the order rows of a table. Refused: a missing number, customer code, order date
 * or amount; an invalid date or amount; an unknown currency; a checklist box that is not
 * yes or no; the same number twice in the file.
 */
export function parseOrderRows(table: Table, options: OrderRowsOptions = {}): OrderRowsResult {
  return parseRows(
    table,
    {
      mapping: options.mapping,
      decimalMark: options.decimalMark,
      firstLineOf: options.firstLineOf,
      required: requiredColumns(ORDER_COLUMN_SPEC, options.defaultCurrency),
    },
    {
      spec: ORDER_COLUMN_SPEC,
      read: (context, record) => readOrderRow(context, record, options.defaultCurrency),
      keyOf: (row) =>
        row.number === undefined
          ? undefined
          : { column: 'number', key: row.number, variant: 'order_number', value: row.number },
      complete: (row) => completeRow(row),
    },
  );
}

type PartialOrderRow = { [K in keyof OrderImportRow]: OrderImportRow[K] | undefined };

function readOrderRow(
  context: RowContext,
  record: MappedRecord<OrderColumn>,
  defaultCurrency: CurrencyCode | undefined,
): PartialOrderRow {
  const { cell } = record;
  const number = requireText(context, 'number', cell('number'));
  const customerCode = readCustomerCode(context, cell('customer_code'));
  const orderDate =
    requireText(context, 'order_date', cell('order_date')) === undefined
      ? undefined
      : readDate(context, 'order_date', cell('order_date'));
  const currency = readCurrency(context, cell('currency'), defaultCurrency);
  const amount =
    requireText(context, 'amount', cell('amount')) === undefined || currency === undefined
      ? undefined
      : readAmount(context, 'amount', cell('amount'), currency);
  const expectedDeliveryDate =
    cell('expected_delivery_date') === ''
      ? null
      : readDate(context, 'expected_delivery_date', cell('expected_delivery_date'));
  return {
    line: record.line,
    number,
    customerCode,
    orderDate,
    amount,
    currency,
    expectedDeliveryDate,
    specialConditions: optionalText(cell('special_conditions')) ?? null,
    pricesAgreed: readBox(context, 'prices_agreed', cell('prices_agreed')),
    deliveryDateConfirmed: readBox(
      context,
      'delivery_date_confirmed',
      cell('delivery_date_confirmed'),
    ),
    confirmationSent: readBox(context, 'confirmation_sent', cell('confirmation_sent')),
  };
}

/** A checklist box: `false` when empty, `undefined` (with an issue) when not yes or no. */
function readBox(context: RowContext, field: OrderColumn, value: string): boolean | undefined {
  if (value === '') {
    return false;
  }
  const choice = readChoice(context, field, value, CHECKLIST_SPELLINGS, 'invalid_boolean');
  return choice === undefined ? undefined : choice === 'true';
}

/** A row without issues has every required value; anything else is a bug in this file. */
function completeRow(row: PartialOrderRow): OrderImportRow {
  const {
    line,
    number,
    customerCode,
    orderDate,
    amount,
    currency,
    expectedDeliveryDate,
    specialConditions,
    pricesAgreed,
    deliveryDateConfirmed,
    confirmationSent,
  } = row;
  if (
    line === undefined ||
    number === undefined ||
    customerCode === undefined ||
    orderDate === undefined ||
    amount === undefined ||
    currency === undefined ||
    expectedDeliveryDate === undefined ||
    specialConditions === undefined ||
    pricesAgreed === undefined ||
    deliveryDateConfirmed === undefined ||
    confirmationSent === undefined
  ) {
    throw new Error(`Order row of line ${line} has no issue but a missing value`);
  }
  return {
    line,
    number,
    customerCode,
    orderDate,
    amount,
    currency,
    expectedDeliveryDate,
    specialConditions,
    pricesAgreed,
    deliveryDateConfirmed,
    confirmationSent,
  };
}
