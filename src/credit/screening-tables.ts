/**
 * Row types of the solvency screen's tables (migration 202612070200), beside the only SQL
 * that names them (screening-store.ts), joined to the database's type with Kysely's
 * `withTables` (`screeningDb`).
 */
import type { ColumnType, Kysely } from 'kysely';
import type { Queryable } from '../db/client.ts';
import type { Database } from '../db/schema.ts';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** A `date` column: read and written as `YYYY-MM-DD` (the pg type parser is set so). */
type DateColumn = ColumnType<string, string, string>;
/** A `jsonb` column: read parsed, written as its JSON text. */
type Json = ColumnType<unknown, string, string>;
type NullableJson = ColumnType<unknown, string | null, string | null>;

/** A score received for a SIREN (a file's line, a person's entry, a provider's answer). */
export type RiskScoreTable = {
  company_id: string;
  siren: string;
  source: string;
  assessed_on: DateColumn;
  raw: string;
  scale: string;
  normalized: number | null;
  incident_count: number | null;
  /** A `bigint` of cents: read as a number (the BIGINT parser is pinned). */
  incident_amount_cents: number | null;
  origin: string;
  file_name: string | null;
  received_at: Timestamp;
};

/** One screen of a customer, with what it judged and what it recommended. */
export type SolvencyScreenTable = {
  company_id: string;
  id: string;
  customer_id: string;
  siren: string;
  siret: string | null;
  screened_on: DateColumn;
  screened_at: Timestamp;
  screened_by: string | null;
  screened_by_name: string | null;
  verdict: string;
  deposit_bps: number | null;
  reasons: Json;
  policy: Json;
  company: NullableJson;
  proceedings: Json;
  incidents: NullableJson;
  score: NullableJson;
  sources: Json;
  notices: Json;
};

/** The solvency screen's tables. */
export type ScreeningTables = {
  risk_score: RiskScoreTable;
  solvency_screen: SolvencyScreenTable;
};

/** `q`, able to name the screen's tables too. */
export function screeningDb(q: Queryable): Kysely<Database & ScreeningTables> {
  return q.withTables<ScreeningTables>();
}
