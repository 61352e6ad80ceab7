/**
 * The sources a solvency screen may ask (docs/screening.md « Running a screen »): the INSEE
 * Sirene register, the BODACC, and a provider's score API, each built once from the
 * environment and passed to the routes and the CLI as a port, so tests give their own.
 * A source not configured is absent: a screen with `lookup` then says it was not asked.
 */
import { z } from 'zod';
import { fieldIssue, InvalidError } from '../shared/errors.ts';
import {
  createBodaccSource,
  createHttpScoreSource,
  createSireneSource,
  SIRENE_BASE_URL,
  type BodaccSource,
  type RiskScoreSource,
  type SireneSource,
} from './screening/http-sources.ts';
import { SCORE_SCALES } from './screening/score.ts';

/** The sources of a screen; each is optional (not configured). */
export type ScreeningSources = {
  sirene?: SireneSource | undefined;
  bodacc?: BodaccSource | undefined;
  scores?: RiskScoreSource | undefined;
};

/** The setting that configures each source, as a screen's notice names it. */
export const SOURCE_SETTINGS = {
  sirene: 'SIRENE_BASE_URL',
  bodacc: 'BODACC_BASE_URL',
  scores: 'SCORE_API_URL',
} as const;

const ZText = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();
const ZHttpUrl = z.url({ protocol: /^https?$/ }).optional();

/** The variables read, by name. */
const ZScreeningEnv = z.object({
  SIRENE_BASE_URL: ZText.pipe(ZHttpUrl),
  SIRENE_API_KEY: ZText,
  BODACC_BASE_URL: ZText.pipe(ZHttpUrl),
  SCORE_API_URL: ZText.pipe(ZHttpUrl),
  SCORE_API_NAME: ZText,
  SCORE_API_TOKEN: ZText,
  SCORE_API_SCORE_FIELD: ZText,
  SCORE_API_SCALE: ZText.pipe(z.enum(SCORE_SCALES).optional()),
  SCORE_API_INCIDENTS_FIELD: ZText,
  SCORE_API_INCIDENT_AMOUNT_FIELD: ZText,
});

/**
 * The sources `env` configures:
 * - Sirene when `SIRENE_BASE_URL` or `SIRENE_API_KEY` is set (the key alone means INSEE's
 *   own API, `SIRENE_BASE_URL` of http-sources.ts), with the key as its token;
 * - the BODACC when `BODACC_BASE_URL` is set (the DILA's open data needs no key);
 * - a score provider when `SCORE_API_URL` is set: `SCORE_API_NAME` (default `score
 *   provider`), `SCORE_API_TOKEN`, the answer's dotted paths `SCORE_API_SCORE_FIELD`
 *   (default `score`), `SCORE_API_INCIDENTS_FIELD`, `SCORE_API_INCIDENT_AMOUNT_FIELD`,
 *   and `SCORE_API_SCALE` (default `0-100`).
 *
 * Throws an `InvalidError` (`screening_setting_invalid`, one issue per variable) for a URL
 * that is not http(s) or a scale not known: a setting is checked at boot, not at the
 * first screen.
 */
export function screeningSourcesFromEnv(
  env: Readonly<Record<string, string | undefined>>,
): ScreeningSources {
  const parsed = ZScreeningEnv.safeParse(env);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => {
      const setting = String(issue.path[0] ?? '');
      return fieldIssue(setting, 'screening_setting_invalid', { setting, detail: issue.message });
    });
    const first = issues[0]?.params ?? {};
    throw new InvalidError('screening_setting_invalid', first, issues);
  }
  const settings = parsed.data;
  const sireneUrl =
    settings.SIRENE_BASE_URL ??
    (settings.SIRENE_API_KEY === undefined ? undefined : SIRENE_BASE_URL);
  return {
    sirene:
      sireneUrl === undefined
        ? undefined
        : createSireneSource({ baseUrl: sireneUrl, token: settings.SIRENE_API_KEY }),
    bodacc:
      settings.BODACC_BASE_URL === undefined
        ? undefined
        : createBodaccSource({ baseUrl: settings.BODACC_BASE_URL }),
    scores:
      settings.SCORE_API_URL === undefined
        ? undefined
        : createHttpScoreSource({
            name: settings.SCORE_API_NAME ?? 'score provider',
            baseUrl: settings.SCORE_API_URL,
            token: settings.SCORE_API_TOKEN,
            fieldMap: {
              score: settings.SCORE_API_SCORE_FIELD ?? 'score',
              scale: settings.SCORE_API_SCALE ?? '0-100',
              incidents: settings.SCORE_API_INCIDENTS_FIELD,
              incidentAmount: settings.SCORE_API_INCIDENT_AMOUNT_FIELD,
            },
          }),
  };
}
