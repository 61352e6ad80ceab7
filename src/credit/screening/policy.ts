/**
 * The thresholds of the solvency screen, which each company sets for itself, and their
 * check.
 *
 * Pure (HOUSE_STYLE §3).
 */
import { fieldIssue, type Issue } from '../../shared/errors.ts';

/**
 * The thresholds `recommend` applies (scores on 0–100, 100 = safest):
 * - `goMinScore`: a score at least this is a go (as far as the score goes);
 * - `depositMinScore`: below it, a no-go; from it up to `goMinScore`, a deposit;
 * - `youngCompanyMonths`: a company created less than this many months ago gets a deposit
 *   at best (no history to judge it by);
 * - `maxIncidents`: more payment incidents than this, a deposit at best;
 * - `incidentsNoGo`: this many incidents or more, a no-go;
 * - `depositBps`: the deposit or prepayment asked, in basis points of the order (3000 = 30 %).
 */
export type ScreeningPolicy = {
  goMinScore: number;
  depositMinScore: number;
  youngCompanyMonths: number;
  maxIncidents: number;
  incidentsNoGo: number;
  depositBps: number;
};

/** The policy of a company that has set none. */
export const DEFAULT_SCREENING_POLICY: ScreeningPolicy = {
  goMinScore: 60,
  depositMinScore: 35,
  youngCompanyMonths: 24,
  maxIncidents: 0,
  incidentsNoGo: 3,
  depositBps: 3000,
};

const isWhole = (value: number) => Number.isSafeInteger(value) && value >= 0;

/**
 * Every broken rule of `policy` at once (field: the policy's key):
 * - `screening_policy_score_out_of_range`: a score threshold not a whole number in 0–100;
 * - `screening_policy_deposit_above_go`: `depositMinScore` above `goMinScore` (equal is
 *   allowed: no deposit band, go or no-go);
 * - `screening_policy_not_whole`: months or incidents not a whole number, 0 or more;
 * - `screening_policy_incidents_order`: `incidentsNoGo` not above `maxIncidents` (the
 *   deposit band would be empty or upside down);
 * - `screening_policy_deposit_bps_out_of_range`: `depositBps` not a whole number in
 *   1–10000 (a deposit of nothing is a go; more than the order is no deposit).
 */
export function checkScreeningPolicy(policy: ScreeningPolicy): Issue[] {
  const issues: Issue[] = [];
  for (const field of ['goMinScore', 'depositMinScore'] as const) {
    const value = policy[field];
    if (!isWhole(value) || value > 100) {
      issues.push(fieldIssue(field, 'screening_policy_score_out_of_range', { field, value }));
    }
  }
  if (policy.depositMinScore > policy.goMinScore) {
    issues.push(
      fieldIssue('depositMinScore', 'screening_policy_deposit_above_go', {
        depositMinScore: policy.depositMinScore,
        goMinScore: policy.goMinScore,
      }),
    );
  }
  for (const field of ['youngCompanyMonths', 'maxIncidents', 'incidentsNoGo'] as const) {
    const value = policy[field];
    if (!isWhole(value)) {
      issues.push(fieldIssue(field, 'screening_policy_not_whole', { field, value }));
    }
  }
  if (policy.incidentsNoGo <= policy.maxIncidents) {
    issues.push(
      fieldIssue('incidentsNoGo', 'screening_policy_incidents_order', {
        maxIncidents: policy.maxIncidents,
        incidentsNoGo: policy.incidentsNoGo,
      }),
    );
  }
  if (!isWhole(policy.depositBps) || policy.depositBps < 1 || policy.depositBps > 10_000) {
    issues.push(
      fieldIssue('depositBps', 'screening_policy_deposit_bps_out_of_range', {
        value: policy.depositBps,
      }),
    );
  }
  return issues;
}
