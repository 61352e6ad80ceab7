import { ConflictError, fieldIssue, InvalidError, type DomainError } from '../shared/errors.ts';
import type { MessageCode } from '../shared/messages/catalogue.ts';
import { MAX_AMOUNT_CENTS, MAX_TOTAL_CENTS, toDecimalString } from '../shared/money.ts';

/**
 * What the database's own errors mean for a user. Both drivers report the same
 * fields (`code`, `constraint`, `table`, `detail`): PGlite throws PostgreSQL's own
 * error, pg its `DatabaseError`.
 */

/** PostgreSQL's SQLSTATE for a CHECK constraint violation. */
const CHECK_VIOLATION = '23514';

/**
 * The bounds of migration 202612011100_amount_bounds, by constraint name: the field
 * at fault and what to say. Services check these bounds first, with the line or the
 * field; the database's constraints catch any writer that did not (or two racing).
 */
const BOUNDS: Readonly<Record<string, { field: string; reason: MessageCode }>> = {
  invoice_amount_cents_max_check: { field: 'amount', reason: 'invoice_amount_too_large' },
  payment_amount_cents_max_check: { field: 'amount', reason: 'payment_amount_too_large' },
  allocation_amount_cents_max_check: { field: 'amount', reason: 'allocation_amount_too_large' },
  customer_credit_limit_cents_max_check: { field: 'creditLimit', reason: 'credit_limit_too_large' },
  customer_open_balance_open_cents_check: { field: 'amount', reason: 'open_balance_too_large' },
};

/** The largest accepted figure of each bound, as its message names it. */
const BOUND_MAXIMUMS: Readonly<Record<string, string>> = {
  customer_open_balance_open_cents_check: toDecimalString(MAX_TOTAL_CENTS),
};

type DatabaseErrorFields = { code?: unknown; table?: unknown; detail?: unknown };

export function sqlState(error: unknown): string | undefined {
  const code = (error as DatabaseErrorFields | null)?.code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? code : undefined;
}

const UNIQUE_VIOLATION = '23505';

/**
 * The key of a unique violation, read from PostgreSQL's detail
 * (`Key (company_id, code)=(0193…, RACE1) already exists.`) without the company,
 * which every key starts with and which says nothing to the user.
 */
export function duplicateKey(detail: string): { columns: string[]; values: string[] } | undefined {
  const match = /^Key \((.+)\)=\((.*)\) already exists\.?$/s.exec(detail);
  if (!match) {
    return undefined;
  }
  const columns = (match[1] ?? '').split(', ');
  let values = (match[2] ?? '').split(', ');
  if (values.length !== columns.length) {
    // A value holds ", ": the leading columns are ids, the rest is the last value.
    values = [...values.slice(0, columns.length - 1), values.slice(columns.length - 1).join(', ')];
  }
  const kept = columns.flatMap((column, index) =>
    column === 'company_id' ? [] : [{ column, value: values[index] ?? '' }],
  );
  return { columns: kept.map((k) => k.column), values: kept.map((k) => k.value) };
}

/** A unique violation as the conflict it is: "A customer with code RACE1 already exists". */
export function conflictFromUniqueViolation(error: unknown): ConflictError | undefined {
  if (sqlState(error) !== UNIQUE_VIOLATION) {
    return undefined;
  }
  const { table, detail } = error as DatabaseErrorFields;
  const entity = typeof table === 'string' ? table.replace(/_/g, ' ') : 'row';
  const key = typeof detail === 'string' ? duplicateKey(detail) : undefined;
  if (!key) {
    return new ConflictError('record_exists', { entity }, [], { cause: error });
  }
  const described = key.columns.map((column, index) => `${column} ${key.values[index]}`).join(', ');
  return new ConflictError(
    'already_exists',
    // The article is English only: the French sentence does not say it.
    { article: /^[aeiou]/.test(entity) ? 'An' : 'A', entity, key: described },
    [fieldIssue(key.columns.at(-1) ?? 'key', 'duplicate', { key: described })],
    { cause: error },
  );
}

/**
 * The domain error a database error stands for: a unique violation is the conflict
 * it is (another writer committed the same key first), a violated bound of ours is
 * invalid input; `undefined` for anything else, which stays an unexpected error.
 * `inTransaction` and the edges (HTTP, CLI) call it.
 */
export function domainErrorOfDatabase(error: unknown): DomainError | undefined {
  if (typeof error !== 'object' || error === null) {
    return undefined;
  }
  const conflict = conflictFromUniqueViolation(error);
  if (conflict !== undefined) {
    return conflict;
  }
  const { code, constraint } = error as { code?: unknown; constraint?: unknown };
  const bound =
    code === CHECK_VIOLATION && typeof constraint === 'string' && Object.hasOwn(BOUNDS, constraint)
      ? BOUNDS[constraint]
      : undefined;
  if (bound === undefined) {
    return undefined;
  }
  const max = BOUND_MAXIMUMS[constraint as string] ?? toDecimalString(MAX_AMOUNT_CENTS);
  return new InvalidError(bound.reason, { max }, [
    fieldIssue(bound.field, 'amount_too_large', { max }),
  ]);
}
