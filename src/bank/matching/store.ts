/**
 * Cash application's tables: `bank_line_match` (what became of each line), the payer
 * accounts learnt, the company's threshold. Each list reaches SQL as array parameters.
 */
import { sql, type Selectable } from 'kysely';
import { anyOf, arrayParameter, chunksOf, unnestRows } from '../../db/array-parameters.ts';
import type { Queryable } from '../../db/client.ts';
import type { BankLineMatchTable, BankLineTable } from '../../db/schema.ts';
import type { CalendarDate } from '../../shared/calendar-date.ts';
import { cents } from '../../shared/money.ts';
import type { StoredBankLine } from '../model.ts';
import { toStoredLine } from '../store.ts';
import type { BankLineMatchStatus, LineMatch, ShownProposal } from './line-match.ts';
import type { MatchReason } from './match-book.ts';

function toLineMatch(row: Selectable<BankLineMatchTable>): LineMatch {
  return {
    bankLineId: row.bank_line_id,
    status: row.status,
    bookingDate: row.booking_date as CalendarDate,
    amountCents: cents(row.amount_cents),
    customerId: row.customer_id,
    paymentId: row.payment_id,
    allocationIds: row.allocation_ids,
    confidence: row.confidence,
    reasons: row.reasons as MatchReason[],
    suggestions: row.suggestions as ShownProposal[],
    appliedBy: row.applied_by,
    applications: row.applications,
  };
}

/** A line with what became of it (`undefined`: the matcher has not seen it yet). */
export type LineWithMatch = { line: StoredBankLine; match: LineMatch | undefined };

/** A line to match, with only what the matcher reads of its match: its status, its payments so far. */
export type LineToMatch = {
  line: StoredBankLine;
  match: Pick<LineMatch, 'status' | 'applications'> | undefined;
};

/**
 * The lines to (re)match: those given by id that are new or queued, or else the whole
 * queue, by booking date. Locks the lines (a person confirming one locks it too), so one
 * line is never applied twice.
 */
export async function findLinesToMatch(
  q: Queryable,
  companyId: string,
  lineIds: readonly string[] | 'queue',
): Promise<LineToMatch[]> {
  let query = q
    .selectFrom('bank_line as l')
    .leftJoin('bank_line_match as m', (join) =>
      join.onRef('m.company_id', '=', 'l.company_id').onRef('m.bank_line_id', '=', 'l.id'),
    )
    .selectAll('l')
    .select([
      'm.bank_line_id as m_bank_line_id',
      'm.status as m_status',
      'm.applications as m_applications',
    ])
    .where('l.company_id', '=', companyId);
  if (lineIds === 'queue') {
    query = query.where('m.status', '=', 'queued');
  } else {
    if (lineIds.length === 0) {
      return [];
    }
    query = query
      .where('l.id', '=', anyOf(lineIds, 'uuid'))
      .where((eb) => eb.or([eb('m.status', 'is', null), eb('m.status', '=', 'queued')]));
  }
  const rows = await query.orderBy('l.booking_date').orderBy('l.id').forNoKeyUpdate('l').execute();
  if (rows.length === 0) {
    return [];
  }
  // The lock may have waited for a person's confirmation, which changed the match row, not
  // the line: the statement above still saw the match as it was. Read it again, now.
  const matches = await q
    .selectFrom('bank_line_match')
    .select(['bank_line_id', 'status', 'applications'])
    .where('company_id', '=', companyId)
    .where(
      'bank_line_id',
      '=',
      anyOf(
        rows.map((row) => row.id),
        'uuid',
      ),
    )
    .execute();
  const now = new Map(matches.map((match) => [match.bank_line_id, match]));
  return rows.flatMap((row) => {
    const match = now.get(row.id);
    if (match !== undefined && match.status !== 'queued') {
      return [];
    }
    return [
      {
        line: toStoredLine(row),
        match:
          match === undefined
            ? undefined
            : { status: match.status, applications: match.applications },
      },
    ];
  });
}

/** Writes what became of lines, one row per line (inserted, or replaced). */
export async function saveLineMatches(
  q: Queryable,
  companyId: string,
  matches: readonly LineMatch[],
  now: Date,
): Promise<void> {
  for (const chunk of chunksOf(matches)) {
    await sql`INSERT INTO bank_line_match AS m (company_id, bank_line_id, status, booking_date,
        amount_cents, customer_id, payment_id, allocation_ids, confidence, reasons, suggestions,
        applied_by, applications, updated_at)
      SELECT ${companyId}::uuid, row.bank_line_id, row.status, row.booking_date, row.amount_cents,
        row.customer_id, row.payment_id,
        ARRAY(SELECT jsonb_array_elements_text(row.allocation_ids))::uuid[],
        row.confidence, row.reasons, row.suggestions, row.applied_by, row.applications,
        ${now}::timestamptz
      FROM ${unnestRows(
        'row',
        {
          bank_line_id: 'uuid',
          status: 'text',
          booking_date: 'date',
          amount_cents: 'bigint',
          customer_id: 'uuid',
          payment_id: 'uuid',
          allocation_ids: 'jsonb',
          confidence: 'integer',
          reasons: 'jsonb',
          suggestions: 'jsonb',
          applied_by: 'text',
          applications: 'integer',
        },
        chunk.map((match) => ({
          bank_line_id: match.bankLineId,
          status: match.status,
          booking_date: match.bookingDate,
          amount_cents: match.amountCents,
          customer_id: match.customerId,
          payment_id: match.paymentId,
          allocation_ids: JSON.stringify(match.allocationIds),
          confidence: match.confidence,
          reasons: JSON.stringify(match.reasons),
          suggestions: JSON.stringify(match.suggestions),
          applied_by: match.appliedBy,
          applications: match.applications,
        })),
      )}
      ON CONFLICT (company_id, bank_line_id) DO UPDATE SET
        status = EXCLUDED.status, customer_id = EXCLUDED.customer_id,
        payment_id = EXCLUDED.payment_id, allocation_ids = EXCLUDED.allocation_ids,
        confidence = EXCLUDED.confidence, reasons = EXCLUDED.reasons,
        suggestions = EXCLUDED.suggestions, applied_by = EXCLUDED.applied_by,
        applications = EXCLUDED.applications, updated_at = EXCLUDED.updated_at`.execute(q);
  }
}

/** The codes a reversal's reasons carry once it is paired with the line it takes back. */
const PAIRED_REVERSAL_REASONS = [
  'match_reason_reverses',
  'match_reason_reverses_unmatched',
] as const satisfies readonly MatchReason['code'][];

/** A reversal and what it looks for: the amount, currency and account of the lines sought. */
type ReversalKey = {
  bankAccountId: string;
  amountCents: number;
  currency: string;
  bookingDate: CalendarDate;
};

/**
 * The lines reversals may take back, on the account of one of them, in its currency, of
 * its opposite amount (the index on amounts finds them), booked on or before it, and not
 * returns themselves: applied or queued ones, and those a person set aside (`ignored`),
 * which a reversal's pairing counts as candidates too; not those already taken back
 * (`reversed`, or `ignored` with `match_reason_taken_back`). With their matches, match
 * rows locked. One statement whatever the number of reversals.
 */
export async function findReversibleLines(
  q: Queryable,
  companyId: string,
  reversals: readonly ReversalKey[],
): Promise<{ line: StoredBankLine; match: LineMatch }[]> {
  // One row per account, currency and amount (the latest date), or a line would come twice.
  const keys = new Map<string, ReversalKey>();
  for (const reversal of reversals) {
    const key = `${reversal.bankAccountId}|${reversal.currency}|${reversal.amountCents}`;
    const known = keys.get(key);
    if (known === undefined || known.bookingDate < reversal.bookingDate) {
      keys.set(key, reversal);
    }
  }
  if (keys.size === 0) {
    return [];
  }
  const { rows } = await sql<Selectable<BankLineTable> & { match: Selectable<BankLineMatchTable> }>`
    SELECT l.*, to_jsonb(m) AS match FROM bank_line l
    JOIN ${unnestRows(
      'r',
      { bank_account_id: 'uuid', currency: 'text', amount_cents: 'bigint', booked_by: 'date' },
      [...keys.values()].map((reversal) => ({
        bank_account_id: reversal.bankAccountId,
        currency: reversal.currency,
        amount_cents: -reversal.amountCents,
        booked_by: reversal.bookingDate,
      })),
    )} ON l.bank_account_id = r.bank_account_id AND l.amount_cents = r.amount_cents
      AND l.currency = r.currency AND l.booking_date <= r.booked_by
    JOIN bank_line_match m ON m.company_id = l.company_id AND m.bank_line_id = l.id
    WHERE l.company_id = ${companyId} AND NOT l.is_reversal AND l.return_reason IS NULL
      AND (m.status IN ('applied', 'queued')
        OR (m.status = 'ignored' AND NOT m.reasons @> '[{"code": "match_reason_taken_back"}]'))
    ORDER BY l.booking_date, l.id
    FOR NO KEY UPDATE OF m`.execute(q);
  return rows.map(({ match, ...line }) => ({
    line: toStoredLine(line),
    match: toLineMatch(match),
  }));
}

/** A line's account, currency and amount, which the lines it may pair with are sought by. */
type LineKey = { bankAccountId: string; amountCents: number; currency: string };

/**
 * The stored reversals not paired yet (status `reversal`, with none of the reasons a
 * pairing writes), with their matches, match rows locked: those that may take back one of
 * `takingBack` (same account and currency, the opposite amount), so that a reversal read
 * before its line pairs when the line arrives, and those `alike` one of the given
 * reversals (the same amount), which may claim the same line. One statement whatever the
 * number of lines.
 */
export async function findUnpairedReversals(
  q: Queryable,
  companyId: string,
  sought: { takingBack: readonly LineKey[]; alike: readonly LineKey[] },
): Promise<{ line: StoredBankLine; match: LineMatch }[]> {
  const unique = new Map(
    [
      ...sought.takingBack.map((key) => ({ ...key, amountCents: -key.amountCents })),
      ...sought.alike,
    ].map((key) => [`${key.bankAccountId}|${key.currency}|${key.amountCents}`, key]),
  );
  if (unique.size === 0) {
    return [];
  }
  const { rows } = await sql<Selectable<BankLineTable> & { match: Selectable<BankLineMatchTable> }>`
    SELECT l.*, to_jsonb(m) AS match FROM bank_line l
    JOIN ${unnestRows(
      'k',
      { bank_account_id: 'uuid', currency: 'text', amount_cents: 'bigint' },
      [...unique.values()].map((key) => ({
        bank_account_id: key.bankAccountId,
        currency: key.currency,
        amount_cents: key.amountCents,
      })),
    )} ON l.bank_account_id = k.bank_account_id AND l.amount_cents = k.amount_cents
      AND l.currency = k.currency
    JOIN bank_line_match m ON m.company_id = l.company_id AND m.bank_line_id = l.id
    WHERE l.company_id = ${companyId} AND m.status = 'reversal'
      AND NOT EXISTS (SELECT 1 FROM jsonb_array_elements(m.reasons) AS reason
        WHERE reason ->> 'code' = ANY(${arrayParameter(PAIRED_REVERSAL_REASONS, 'text')}))
    ORDER BY l.booking_date, l.id
    FOR NO KEY UPDATE OF m`.execute(q);
  return rows.map(({ match, ...line }) => ({
    line: toStoredLine(line),
    match: toLineMatch(match),
  }));
}

/** One line and its match, the line locked until the transaction ends. */
export async function findLineForUpdate(
  q: Queryable,
  companyId: string,
  lineId: string,
): Promise<LineWithMatch | undefined> {
  // The line is the lock the matcher takes too; its match is read after it, as it is now.
  const line = await q
    .selectFrom('bank_line')
    .selectAll()
    .where('company_id', '=', companyId)
    .where('id', '=', lineId)
    .forNoKeyUpdate()
    .executeTakeFirst();
  if (line === undefined) {
    return undefined;
  }
  const match = await q
    .selectFrom('bank_line_match')
    .selectAll()
    .where('company_id', '=', companyId)
    .where('bank_line_id', '=', lineId)
    .forUpdate()
    .executeTakeFirst();
  return { line: toStoredLine(line), match: match && toLineMatch(match) };
}

/** The accounts the company's customers are known to pay from. */
export async function listPayerAccounts(
  q: Queryable,
  companyId: string,
): Promise<{ iban: string; customerId: string }[]> {
  const rows = await q
    .selectFrom('payer_account')
    .select(['iban', 'customer_id'])
    .where('company_id', '=', companyId)
    .execute();
  return rows.map((row) => ({ iban: row.iban, customerId: row.customer_id }));
}

/** Remembers accounts customers paid from; one already known is left as it is. */
export async function insertPayerAccounts(
  q: Queryable,
  companyId: string,
  accounts: readonly { iban: string; customerId: string }[],
  now: Date,
): Promise<void> {
  for (const chunk of chunksOf(accounts)) {
    await sql`INSERT INTO payer_account (company_id, iban, customer_id, learned_at)
      SELECT ${companyId}::uuid, row.iban, row.customer_id, ${now}::timestamptz
      FROM ${unnestRows(
        'row',
        { iban: 'text', customer_id: 'uuid' },
        chunk.map((account) => ({ iban: account.iban, customer_id: account.customerId })),
      )}
      ON CONFLICT DO NOTHING`.execute(q);
  }
}

/** The company's threshold, if it set one. */
export async function findAutoApplyThreshold(
  q: Queryable,
  companyId: string,
): Promise<number | undefined> {
  const row = await q
    .selectFrom('cash_application_setting')
    .select('auto_apply_threshold')
    .where('company_id', '=', companyId)
    .executeTakeFirst();
  return row?.auto_apply_threshold;
}

export async function saveAutoApplyThreshold(
  q: Queryable,
  companyId: string,
  threshold: number,
): Promise<void> {
  await q
    .insertInto('cash_application_setting')
    .values({ company_id: companyId, auto_apply_threshold: threshold })
    .onConflict((oc) => oc.column('company_id').doUpdateSet({ auto_apply_threshold: threshold }))
    .execute();
}

/** A page of lines in one status, with their matches, by booking date then id. */
export async function listLineMatches(
  q: Queryable,
  companyId: string,
  query: { status: BankLineMatchStatus; limit: number; offset: number },
): Promise<{ rows: { line: StoredBankLine; match: LineMatch }[]; total: number }> {
  const base = q
    .selectFrom('bank_line_match as m')
    .innerJoin('bank_line as l', (join) =>
      join.onRef('l.company_id', '=', 'm.company_id').onRef('l.id', '=', 'm.bank_line_id'),
    )
    .where('m.company_id', '=', companyId)
    .where('m.status', '=', query.status);
  const [rows, count] = await Promise.all([
    base
      .selectAll('l')
      .select([
        'm.bank_line_id as m_bank_line_id',
        'm.status as m_status',
        'm.booking_date as m_booking_date',
        'm.amount_cents as m_amount_cents',
        'm.customer_id as m_customer_id',
        'm.payment_id as m_payment_id',
        'm.allocation_ids as m_allocation_ids',
        'm.confidence as m_confidence',
        'm.reasons as m_reasons',
        'm.suggestions as m_suggestions',
        'm.applied_by as m_applied_by',
        'm.applications as m_applications',
        'm.updated_at as m_updated_at',
      ])
      .orderBy('m.booking_date', query.status === 'queued' ? 'asc' : 'desc')
      .orderBy('m.bank_line_id')
      .limit(query.limit)
      .offset(query.offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
  ]);
  return {
    rows: rows.map((row) => ({
      line: toStoredLine(row),
      match: toLineMatch({
        company_id: companyId,
        bank_line_id: row.m_bank_line_id,
        status: row.m_status,
        booking_date: row.m_booking_date,
        amount_cents: row.m_amount_cents,
        customer_id: row.m_customer_id,
        payment_id: row.m_payment_id,
        allocation_ids: row.m_allocation_ids,
        confidence: row.m_confidence,
        reasons: row.m_reasons,
        suggestions: row.m_suggestions,
        applied_by: row.m_applied_by,
        applications: row.m_applications,
        updated_at: row.m_updated_at,
      }),
    })),
    total: count.total,
  };
}

/** How many lines are in each status. */
export async function countLineMatches(
  q: Queryable,
  companyId: string,
): Promise<Map<BankLineMatchStatus, number>> {
  const rows = await q
    .selectFrom('bank_line_match')
    .select(['status', (eb) => eb.fn.countAll<number>().as('count')])
    .where('company_id', '=', companyId)
    .groupBy('status')
    .execute();
  return new Map(rows.map((row) => [row.status, row.count]));
}
