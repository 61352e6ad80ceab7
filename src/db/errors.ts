import { InvalidError, type DomainError } from '../shared/errors.ts';
import { MAX_AMOUNT_CENTS, MAX_TOTAL_CENTS, toDecimalString } from '../shared/money.ts';

/** PostgreSQL's SQLSTATE for a CHECK constraint violation. */
const CHECK_VIOLATION = '23514';

/**
 * The bounds of migration 202612011100_amount_bounds, by constraint name: the field
 * at fault and what to say. Services check these bounds first, with the line or the
 * field; the database's constraints catch any writer that did not (or two racing).
 */
const BOUNDS: Readonly<Record<string, { field: string; message: string }>> = {
  invoice_amount_cents_max_check: {
    field: 'amount',
    message: `An invoice or credit note amount is above the largest accepted, ${toDecimalString(MAX_AMOUNT_CENTS)}`,
  },
  payment_amount_cents_max_check: {
    field: 'amount',
    message: `A payment amount is above the largest accepted, ${toDecimalString(MAX_AMOUNT_CENTS)}`,
  },
  allocation_amount_cents_max_check: {
    field: 'amount',
    message: `An allocation amount is above the largest accepted, ${toDecimalString(MAX_AMOUNT_CENTS)}`,
  },
  customer_credit_limit_cents_max_check: {
    field: 'creditLimit',
    message: `The credit limit is above the largest amount accepted, ${toDecimalString(MAX_AMOUNT_CENTS)}`,
  },
  customer_open_balance_open_cents_check: {
    field: 'amount',
    message: `A customer's open balance would pass the largest total accepted, ${toDecimalString(MAX_TOTAL_CENTS)}`,
  },
};

/**
 * The domain error a database error stands for, when it is one of our named bounds
 * (both drivers report `code` and `constraint`); `undefined` for anything else,
 * which stays an unexpected error. The edges call it beside their `DomainError` case.
 */
export function domainErrorOfDatabase(error: unknown): DomainError | undefined {
  if (typeof error !== 'object' || error === null) {
    return undefined;
  }
  const { code, constraint } = error as { code?: unknown; constraint?: unknown };
  const bound =
    code === CHECK_VIOLATION && typeof constraint === 'string' && Object.hasOwn(BOUNDS, constraint)
      ? BOUNDS[constraint]
      : undefined;
  if (bound === undefined) {
    return undefined;
  }
  return new InvalidError(bound.message, [
    { field: bound.field, code: 'amount_too_large', message: bound.message },
  ]);
}
