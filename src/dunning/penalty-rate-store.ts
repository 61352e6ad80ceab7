/**
 * The company's own late-payment rates (migration 202612030200, `penalty_rate`): the
 * entries it corrected or added over the published table. SQL only: every statement
 * filters on the company, and nothing is decided here. The row type lives beside the
 * only SQL naming the table, joined to the database's type with Kysely's `withTables`.
 */
import type { ColumnType, Kysely } from 'kysely';
import type { Queryable } from '../db/client.ts';
import type { Database } from '../db/schema.ts';
import type { OwnPenaltyRate, PenaltyRateSeries } from './penalty-rate-table.ts';
import type { HalfYear } from './published-rates.ts';

export type PenaltyRateRowTable = {
  company_id: string;
  series: string;
  half_year: string;
  basis_points: number;
  updated_at: ColumnType<Date, Date | string, Date | string>;
};

type PenaltyRateTables = { penalty_rate: PenaltyRateRowTable };

function rateDb(q: Queryable): Kysely<Database & PenaltyRateTables> {
  return q.withTables<PenaltyRateTables>();
}

/** The company's own rates, by series then half-year. */
export async function listPenaltyRateRows(
  q: Queryable,
  companyId: string,
): Promise<OwnPenaltyRate[]> {
  const rows = await rateDb(q)
    .selectFrom('penalty_rate')
    .select(['series', 'half_year', 'basis_points', 'updated_at'])
    .where('company_id', '=', companyId)
    .orderBy('series')
    .orderBy('half_year')
    .execute();
  return rows.map((row) => ({
    series: row.series as PenaltyRateSeries,
    halfYear: row.half_year as HalfYear,
    basisPoints: row.basis_points,
    updatedAt: row.updated_at,
  }));
}

export async function findPenaltyRateRow(
  q: Queryable,
  companyId: string,
  key: { series: PenaltyRateSeries; halfYear: HalfYear },
): Promise<OwnPenaltyRate | undefined> {
  const row = await rateDb(q)
    .selectFrom('penalty_rate')
    .select(['series', 'half_year', 'basis_points', 'updated_at'])
    .where('company_id', '=', companyId)
    .where('series', '=', key.series)
    .where('half_year', '=', key.halfYear)
    .executeTakeFirst();
  return (
    row && {
      series: row.series as PenaltyRateSeries,
      halfYear: row.half_year as HalfYear,
      basisPoints: row.basis_points,
      updatedAt: row.updated_at,
    }
  );
}

/** Inserts the company's rate of a series and half-year, or replaces it. */
export async function upsertPenaltyRateRow(
  q: Queryable,
  companyId: string,
  rate: { series: PenaltyRateSeries; halfYear: HalfYear; basisPoints: number },
  now: Date,
): Promise<void> {
  await rateDb(q)
    .insertInto('penalty_rate')
    .values({
      company_id: companyId,
      series: rate.series,
      half_year: rate.halfYear,
      basis_points: rate.basisPoints,
      updated_at: now,
    })
    .onConflict((oc) =>
      oc
        .columns(['company_id', 'series', 'half_year'])
        .doUpdateSet({ basis_points: rate.basisPoints, updated_at: now }),
    )
    .execute();
}

/** Removes the company's rate of a series and half-year: the published one applies again. */
export async function deletePenaltyRateRow(
  q: Queryable,
  companyId: string,
  key: { series: PenaltyRateSeries; halfYear: HalfYear },
): Promise<void> {
  await rateDb(q)
    .deleteFrom('penalty_rate')
    .where('company_id', '=', companyId)
    .where('series', '=', key.series)
    .where('half_year', '=', key.halfYear)
    .execute();
}
