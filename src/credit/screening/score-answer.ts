/**
 * Reads a score provider's JSON answer (http-sources.ts, `createHttpScoreSource`) by the
 * field names a company configures for it: providers each name their fields their way.
 *
 * Pure (HOUSE_STYLE §3).
 */
import { fieldIssue, type Issue } from '../../shared/errors.ts';
import { parseAmount } from '../../shared/money.ts';
import type { PaymentIncidents } from './model.ts';
import { riskScore, type RiskScore, type ScoreScale } from './score.ts';

/**
 * Where a provider's JSON answer holds what the screen reads, as dotted paths
 * (`data.score.value`): the score (a number or a text) on `scale`, and optionally the
 * number of payment incidents and their total (in euros, a number or a decimal text).
 */
export type ScoreFieldMap = {
  score: string;
  scale: ScoreScale;
  incidents?: string | undefined;
  incidentAmount?: string | undefined;
};

/** The value at a dotted path, or undefined when the path does not reach one. */
function valueAt(body: unknown, path: string): unknown {
  let value = body;
  for (const key of path.split('.')) {
    if (typeof value !== 'object' || value === null || !Object.hasOwn(value, key)) {
      return undefined;
    }
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/** A JSON number or text as the text a person would write (`12.5` → `12.5`). */
function asText(value: unknown): string | undefined {
  if (typeof value === 'string') {
    return value;
  }
  return typeof value === 'number' && Number.isFinite(value) ? String(value) : undefined;
}

/** What `parseScoreAnswer` returns: the score and incidents (null: none given), or the issues. */
export type ScoreAnswer =
  | { ok: true; score: RiskScore | null; incidents: PaymentIncidents | null }
  | { ok: false; issues: Issue[] };

/**
 * The incidents at the mapped paths: null when no count is mapped or given; the amount
 * read digit by digit (`parseAmount`), 0 when not mapped or null.
 */
function incidentsOf(
  body: unknown,
  fieldMap: ScoreFieldMap,
): { ok: true; incidents: PaymentIncidents | null } | { ok: false; issues: Issue[] } {
  const count =
    fieldMap.incidents === undefined ? null : (valueAt(body, fieldMap.incidents) ?? null);
  if (count === null) {
    return { ok: true, incidents: null };
  }
  const countText = asText(count) ?? JSON.stringify(count);
  if (!/^\d+$/.test(countText) || !Number.isSafeInteger(Number(countText))) {
    const params = { field: 'incidents', value: countText };
    return { ok: false, issues: [fieldIssue('incidents', 'incident_count_invalid', params)] };
  }
  const amount =
    fieldMap.incidentAmount === undefined ? null : (valueAt(body, fieldMap.incidentAmount) ?? null);
  const amountText = amount === null ? '0' : (asText(amount) ?? JSON.stringify(amount));
  const parsed = parseAmount(amountText);
  if (!parsed.ok || parsed.value < 0) {
    const params = { field: 'incidentAmount', value: amountText };
    return {
      ok: false,
      issues: [fieldIssue('incidentAmount', 'incident_amount_invalid', params)],
    };
  }
  return {
    ok: true,
    incidents: { count: Number(countText), amountCents: parsed.value, lastOn: null },
  };
}

/**
 * Reads a provider's answer by `fieldMap`. The score field must be there (a missing one
 * means the map is wrong: `score_field_missing`); `null` in it is the provider's "no
 * score"; a value is read by `normalizeScore` on the map's scale. Incidents as
 * `incidentsOf`.
 */
export function parseScoreAnswer(
  body: unknown,
  fieldMap: ScoreFieldMap,
  source: string,
): ScoreAnswer {
  const rawScore = valueAt(body, fieldMap.score);
  if (rawScore === undefined) {
    const params = { field: 'score', path: fieldMap.score };
    return { ok: false, issues: [fieldIssue('score', 'score_field_missing', params)] };
  }
  let score: RiskScore | null = null;
  if (rawScore !== null) {
    const read = riskScore(source, asText(rawScore) ?? JSON.stringify(rawScore), fieldMap.scale);
    if (!read.ok) {
      return read;
    }
    score = read.score;
  }
  const incidents = incidentsOf(body, fieldMap);
  return incidents.ok ? { ok: true, score, incidents: incidents.incidents } : incidents;
}
