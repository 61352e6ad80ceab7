/**
 * Risk scores of a prospect as their sources give them (a credit insurer, a bureau, the
 * Banque de France, a person's entry), brought onto one scale, 0–100 where 100 is the
 * safest, so that one policy's thresholds apply to any source.
 *
 * Pure (HOUSE_STYLE §3).
 */
import { fieldIssue, type Issue } from '../../shared/errors.ts';

/**
 * The scales understood: `0-100`, `1-20` and `1-10` are numeric, the higher the safer
 * (the common scales of French bureaus and insurers); `bdf` is the Banque de France
 * "cotation de crédit" (`BDF_GRADES`).
 */
export const SCORE_SCALES = ['0-100', '1-20', '1-10', 'bdf'] as const;

/** A scale of `SCORE_SCALES`. */
export type ScoreScale = (typeof SCORE_SCALES)[number];

/**
 * One score of a prospect: who gave it, its text as given, its scale, and its value on
 * 0–100 (100 = safest). `normalized` is null when the source gives no grade (Banque de
 * France `0`): the score says nothing, it is neither good nor bad.
 */
export type RiskScore = {
  source: string;
  raw: string;
  scale: ScoreScale;
  normalized: number | null;
};

/**
 * The Banque de France credit grades, best first: `3++` (excellent) to `8` (capacity
 * threatened), then `P` (the company is in a collective proceeding). Each step is worth
 * 10 points: `3++` → 100, `3+` → 90 … `8` → 10, `P` → 0. The spacing is even by choice
 * (the Banque de France publishes grades, not probabilities); with the default policy,
 * `4` and better are a go, `5+` and `5` a deposit, `6` and worse a no-go.
 */
export const BDF_GRADES = ['3++', '3+', '3', '4+', '4', '5+', '5', '6', '7', '8', 'P'] as const;

/**
 * Banque de France grade `0`: "no adverse information", given to a company whose accounts
 * the Banque de France has not seen (too small, too young). It is not a grade on the scale.
 */
export const BDF_NO_GRADE = '0';

/** The bounds of the numeric scales. */
const NUMERIC_BOUNDS: Readonly<Record<Exclude<ScoreScale, 'bdf'>, { min: bigint; max: bigint }>> = {
  '0-100': { min: 0n, max: 100n },
  '1-20': { min: 1n, max: 20n },
  '1-10': { min: 1n, max: 10n },
};

/** What `normalizeScore` returns: the value on 0–100 (null: no grade), or why it has none. */
export type NormalizedScore =
  | { ok: true; normalized: number | null }
  | { ok: false; issues: Issue[] };

/** Whether `text` names a scale of `SCORE_SCALES` (as written, after trimming and lower case). */
export function parseScoreScale(text: string): ScoreScale | undefined {
  const name = text.trim().toLowerCase();
  return SCORE_SCALES.find((scale) => scale === name);
}

/**
 * `raw` on `scale`, brought onto 0–100 (100 = safest).
 *
 * - Numeric scales: `raw` is a decimal (`12`, `12,5`, `12.5`); min-max normalization,
 *   (value − min) × 100 / (max − min), rounded half up to a whole point. `1-20`: 1 → 0,
 *   12 → 58, 20 → 100; `1-10`: 7 → 67. Computed on integers, so no float rounding enters.
 * - `bdf`: the grades of `BDF_GRADES` (spaces and case ignored: `3 ++`, `p`); `0` gives
 *   null (no grade).
 *
 * Issues (field `score`): `score_not_a_number` for text that is not a decimal (or not a
 * grade), `score_out_of_scale` for a decimal outside the scale's bounds.
 */
export function normalizeScore(raw: string, scale: ScoreScale): NormalizedScore {
  const text = raw.trim();
  if (scale === 'bdf') {
    const grade = text.replace(/\s+/g, '').toUpperCase();
    if (grade === BDF_NO_GRADE) {
      return { ok: true, normalized: null };
    }
    const index = BDF_GRADES.findIndex((known) => known === grade);
    return index < 0
      ? {
          ok: false,
          issues: [fieldIssue('score', 'score_out_of_scale', { value: raw, scale })],
        }
      : { ok: true, normalized: 100 - 10 * index };
  }
  const match = /^([+-]?)(\d+)(?:[.,](\d+))?$/.exec(text);
  if (match === null) {
    return {
      ok: false,
      issues: [fieldIssue('score', 'score_not_a_number', { value: raw, scale })],
    };
  }
  const fraction = match[3] ?? '';
  const unit = 10n ** BigInt(fraction.length);
  const magnitude = BigInt(`${match[2] ?? ''}${fraction}`);
  const value = match[1] === '-' ? -magnitude : magnitude;
  const { min, max } = NUMERIC_BOUNDS[scale];
  if (value < min * unit || value > max * unit) {
    return {
      ok: false,
      issues: [fieldIssue('score', 'score_out_of_scale', { value: raw, scale })],
    };
  }
  // Half up on a non-negative quotient: floor((2 × num + den) / (2 × den)).
  const numerator = (value - min * unit) * 100n;
  const denominator = (max - min) * unit;
  return { ok: true, normalized: Number((2n * numerator + denominator) / (2n * denominator)) };
}

/** A `RiskScore` from a source's text, or the issues of `normalizeScore`. */
export function riskScore(
  source: string,
  raw: string,
  scale: ScoreScale,
): { ok: true; score: RiskScore } | { ok: false; issues: Issue[] } {
  const normalized = normalizeScore(raw, scale);
  return normalized.ok
    ? { ok: true, score: { source, raw: raw.trim(), scale, normalized: normalized.normalized } }
    : normalized;
}
