/**
 * The solvency screen's SQL (migration 202612070200): the risk scores received by SIREN and
 * the screens run. Every statement filters on the company; lists of rows travel as arrays
 * (`unnestRows`), so a bureau file of any length is a fixed number of parameters.
 */
import { sql } from 'kysely';
import { anyOf, unnestRows } from '../db/array-parameters.ts';
import type { Queryable } from '../db/client.ts';
import type { CalendarDate } from '../shared/calendar-date.ts';
import type { Issue } from '../shared/errors.ts';
import { cents } from '../shared/money.ts';
import type { SourceFailureKind } from './screening/http-get.ts';
import type {
  CompanyRecord,
  PaymentIncidents,
  ScreeningReason,
  Verdict,
} from './screening/model.ts';
import type { ScreeningPolicy } from './screening/policy.ts';
import type { CollectiveProceeding } from './screening/proceedings.ts';
import type { RiskScore, ScoreScale } from './screening/score.ts';
import { screeningDb } from './screening-tables.ts';

/** Where a stored score came from: a bureau file, a person's entry, a provider's answer. */
export type ScoreOrigin = 'file' | 'manual' | 'provider';

/** A score as stored for a SIREN: the score, its incidents (null: none given), its provenance. */
export type StoredRiskScore = {
  siren: string;
  score: RiskScore;
  incidents: PaymentIncidents | null;
  assessedOn: CalendarDate;
  origin: ScoreOrigin;
  fileName: string | null;
};

/** A score a screen judged: the score, the day it was assessed, and where it came from. */
export type JudgedScore = RiskScore & { assessedOn: CalendarDate; origin: ScoreOrigin };

/** A source a screen asked, and how it answered (`failure` only when it failed). */
export type SourceOutcome = {
  source: 'sirene' | 'bodacc' | 'scores';
  outcome: 'answered' | 'failed' | 'not_configured';
  failure: SourceFailureKind | null;
};

/** A screen as run and stored: what it judged, and what it recommended. */
export type SolvencyScreen = {
  id: string;
  customerId: string;
  siren: string;
  siret: string | null;
  screenedOn: CalendarDate;
  screenedAt: Date;
  screenedBy: { id: string | null; name: string | null };
  verdict: Verdict;
  depositBps: number | null;
  reasons: ScreeningReason[];
  policy: ScreeningPolicy;
  company: CompanyRecord | null;
  proceedings: CollectiveProceeding[];
  incidents: PaymentIncidents | null;
  score: JudgedScore | null;
  sources: SourceOutcome[];
  notices: Issue[];
};

type ScoreRow = {
  siren: string;
  source: string;
  assessed_on: string;
  raw: string;
  scale: string;
  normalized: number | null;
  incident_count: number | null;
  incident_amount_cents: number | null;
  origin: string;
  file_name: string | null;
};

const SCORE_COLUMNS = [
  'siren',
  'source',
  'assessed_on',
  'raw',
  'scale',
  'normalized',
  'incident_count',
  'incident_amount_cents',
  'origin',
  'file_name',
] as const;

function toStoredScore(row: ScoreRow): StoredRiskScore {
  return {
    siren: row.siren,
    score: {
      source: row.source,
      raw: row.raw,
      scale: row.scale as ScoreScale,
      normalized: row.normalized,
    },
    incidents:
      row.incident_count === null
        ? null
        : {
            count: row.incident_count,
            amountCents: cents(row.incident_amount_cents ?? 0),
            lastOn: null,
          },
    assessedOn: row.assessed_on as CalendarDate,
    origin: row.origin as ScoreOrigin,
    fileName: row.file_name,
  };
}

/** The latest score of `siren` (the latest assessed, then the latest received), if any. */
export async function findLatestRiskScore(
  q: Queryable,
  companyId: string,
  siren: string,
): Promise<StoredRiskScore | undefined> {
  const row = await screeningDb(q)
    .selectFrom('risk_score')
    .select(SCORE_COLUMNS)
    .where('company_id', '=', companyId)
    .where('siren', '=', siren)
    .orderBy('assessed_on', 'desc')
    .orderBy('received_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row === undefined ? undefined : toStoredScore(row);
}

/** Every stored score of the SIRENs given, in one statement (a bureau file's comparison). */
export async function listRiskScoresOf(
  q: Queryable,
  companyId: string,
  sirens: readonly string[],
): Promise<StoredRiskScore[]> {
  if (sirens.length === 0) {
    return [];
  }
  const rows = await screeningDb(q)
    .selectFrom('risk_score')
    .select(SCORE_COLUMNS)
    .where('company_id', '=', companyId)
    .where('siren', '=', anyOf(sirens, 'text'))
    .execute();
  return rows.map(toStoredScore);
}

/**
 * Stores `scores` received at `now`, in one statement per 10,000: a score of the same SIREN,
 * source and day replaces the stored one (a corrected file), an identical one is left as it
 * is (the same file again writes nothing).
 */
export async function saveRiskScores(
  tx: Queryable,
  companyId: string,
  scores: readonly Omit<StoredRiskScore, 'origin' | 'fileName'>[],
  provenance: { origin: ScoreOrigin; fileName: string | null },
  now: Date,
): Promise<void> {
  if (scores.length === 0) {
    return;
  }
  const rows = scores.map((stored) => ({
    siren: stored.siren,
    source: stored.score.source,
    assessed_on: stored.assessedOn,
    raw: stored.score.raw,
    scale: stored.score.scale,
    normalized: stored.score.normalized,
    incident_count: stored.incidents?.count ?? null,
    incident_amount_cents: stored.incidents?.amountCents ?? null,
  }));
  const columns = {
    siren: 'text',
    source: 'text',
    assessed_on: 'date',
    raw: 'text',
    scale: 'text',
    normalized: 'integer',
    incident_count: 'integer',
    incident_amount_cents: 'bigint',
  } as const;
  await sql`
    INSERT INTO risk_score (company_id, siren, source, assessed_on, raw, scale, normalized,
      incident_count, incident_amount_cents, origin, file_name, received_at)
    SELECT ${companyId}::uuid, r.siren, r.source, r.assessed_on, r.raw, r.scale, r.normalized,
      r.incident_count, r.incident_amount_cents, ${provenance.origin}, ${provenance.fileName}::text,
      ${now}::timestamptz
    FROM ${unnestRows('r', columns, rows)}
    ON CONFLICT (company_id, siren, source, assessed_on) DO UPDATE SET
      raw = excluded.raw, scale = excluded.scale, normalized = excluded.normalized,
      incident_count = excluded.incident_count,
      incident_amount_cents = excluded.incident_amount_cents,
      origin = excluded.origin, file_name = excluded.file_name, received_at = excluded.received_at
    WHERE (risk_score.raw, risk_score.scale, risk_score.normalized, risk_score.incident_count,
        risk_score.incident_amount_cents)
      IS DISTINCT FROM (excluded.raw, excluded.scale, excluded.normalized,
        excluded.incident_count, excluded.incident_amount_cents)
  `.execute(tx);
}

/** Stores a screen as run. */
export async function insertScreen(
  tx: Queryable,
  companyId: string,
  screen: SolvencyScreen,
): Promise<void> {
  const json = (value: unknown) => JSON.stringify(value);
  await screeningDb(tx)
    .insertInto('solvency_screen')
    .values({
      company_id: companyId,
      id: screen.id,
      customer_id: screen.customerId,
      siren: screen.siren,
      siret: screen.siret,
      screened_on: screen.screenedOn,
      screened_at: screen.screenedAt,
      screened_by: screen.screenedBy.id,
      screened_by_name: screen.screenedBy.name,
      verdict: screen.verdict,
      deposit_bps: screen.depositBps,
      reasons: json(screen.reasons),
      policy: json(screen.policy),
      company: screen.company === null ? null : json(screen.company),
      proceedings: json(screen.proceedings),
      incidents: screen.incidents === null ? null : json(screen.incidents),
      score: screen.score === null ? null : json(screen.score),
      sources: json(screen.sources),
      notices: json(screen.notices),
    })
    .execute();
}

/** A customer's screens, newest first (at most `limit`). */
export async function listScreenRows(
  q: Queryable,
  companyId: string,
  customerId: string,
  limit: number,
): Promise<SolvencyScreen[]> {
  const rows = await screeningDb(q)
    .selectFrom('solvency_screen')
    .selectAll()
    .where('company_id', '=', companyId)
    .where('customer_id', '=', customerId)
    .orderBy('screened_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  // The JSON columns hold what `insertScreen` wrote, from the types above.
  return rows.map((row): SolvencyScreen => ({
    id: row.id,
    customerId: row.customer_id,
    siren: row.siren,
    siret: row.siret,
    screenedOn: row.screened_on as CalendarDate,
    screenedAt: row.screened_at,
    screenedBy: { id: row.screened_by, name: row.screened_by_name },
    verdict: row.verdict as Verdict,
    depositBps: row.deposit_bps,
    reasons: row.reasons as ScreeningReason[],
    policy: row.policy as ScreeningPolicy,
    company: row.company as CompanyRecord | null,
    proceedings: row.proceedings as CollectiveProceeding[],
    incidents: row.incidents as PaymentIncidents | null,
    score: row.score as JudgedScore | null,
    sources: row.sources as SourceOutcome[],
    notices: row.notices as Issue[],
  }));
}
