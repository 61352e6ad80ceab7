/**
 * The HTTP contract of the solvency screen (`/api/customers/:id/screening`,
 * `/api/credit/risk-scores`, docs/screening.md « Running a screen »): what a screen is
 * given, the screen as stored, and the report of a bureau file. Amounts are euro cents,
 * scores 0–100 (100 the safest), deposits basis points of the order.
 */
import { z } from 'zod';
import { ZAmount, ZCalendarDate, ZCents, ZId, ZProblemIssue } from '../shared/schemas.ts';
import { PROCEEDING_KINDS } from './screening/proceedings.ts';
import { SCORE_SCALES } from './screening/score.ts';

export const ZScoreScale = z.enum(SCORE_SCALES).meta({
  id: 'ScoreScale',
  description:
    '0-100, 1-20, 1-10 (higher is safer), or bdf (Banque de France cotation: 3++ … 8, P; 0 is no grade)',
});

export const ZVerdict = z.enum(['go', 'go_with_deposit', 'no_go']).meta({
  id: 'ScreeningVerdict',
  description: 'go; go_with_deposit (a deposit or prepayment of `depositBps` of the order); no_go',
});

const ZEnteredCompany = z
  .object({
    name: z.string().trim().min(1).max(200).nullish(),
    state: z.enum(['active', 'ceased']),
    ceasedOn: ZCalendarDate.nullish().meta({ description: 'The day a ceased company stopped' }),
    legalFormCode: z
      .string()
      .regex(/^\d{4}$/)
      .nullish()
      .meta({ description: 'INSEE catégorie juridique, 4 digits (5710: SAS)' }),
    createdOn: ZCalendarDate.nullish(),
    activityCode: z
      .string()
      .regex(/^\d{2}\.\d{2}[A-Z]$/)
      .nullish()
      .meta({ description: 'NAF rév. 2 code (62.01Z)' }),
    headcountBand: z
      .string()
      .regex(/^(NN|\d{2})$/)
      .nullish()
      .meta({ description: 'INSEE tranche d’effectifs (NN, 00 … 53)' }),
  })
  .meta({
    id: 'EnteredCompany',
    description:
      'The company as a person read it (a Kbis extract): judged instead of the Sirene register, which is then not asked',
  });

export const ZScreeningRequest = z
  .object({
    company: ZEnteredCompany.optional(),
    incidents: z
      .object({
        count: z.number().int().min(0),
        amountCents: ZAmount,
        lastOn: ZCalendarDate.nullish(),
      })
      .optional()
      .meta({ description: 'Payment incidents known (a person’s entry), their total in cents' }),
    score: z
      .object({
        source: z.string().trim().min(1).max(100).meta({ description: 'Who gave the score' }),
        raw: z
          .union([z.string().trim().min(1).max(20), z.number()])
          .transform(String)
          .meta({ description: 'The score as given (72, "12,5", "4+")' }),
        scale: ZScoreScale,
      })
      .optional()
      .meta({
        description: 'A score entered by a person: judged, and stored for the next screens',
      }),
    lookup: z.boolean().default(false).meta({
      description:
        'Ask the configured sources: Sirene (unless `company`), the BODACC, the score provider (unless `score`)',
    }),
    proceedingsChecked: z.boolean().default(false).meta({
      description:
        'The user read the BODACC and found no open proceeding. Without it, and without the BODACC answering a lookup, the verdict is a deposit at best (`proceedings_unchecked`)',
    }),
  })
  .meta({ id: 'SolvencyScreenRequest' });

const ZReason = z
  .object({
    code: z.string(),
    params: z.record(z.string(), z.union([z.string(), z.number()])),
    message: z.string().meta({ description: 'The reason in the language asked for' }),
  })
  .meta({ id: 'ScreeningReason' });

const ZCompanyRecord = z
  .object({
    siren: z.string(),
    name: z.string().nullable(),
    state: z.enum(['active', 'ceased']),
    ceasedOn: ZCalendarDate.nullable(),
    legalFormCode: z.string().nullable(),
    legalFormLabel: z.string().nullable(),
    createdOn: ZCalendarDate.nullable(),
    activityCode: z.string().nullable(),
    headcountBand: z.string().nullable(),
    isPartiallyDiffusible: z.boolean().meta({
      description: 'Sirene statutDiffusion P: some fields masked (C. com. R. 123-232-1)',
    }),
    source: z.enum(['sirene', 'manual', 'import']),
    asOf: ZCalendarDate,
  })
  .meta({ id: 'ScreenedCompany' });

const ZProceeding = z
  .object({
    kind: z.enum(PROCEEDING_KINDS),
    judgedOn: ZCalendarDate.nullable(),
    publishedOn: ZCalendarDate,
    court: z.string(),
    label: z.string(),
    reference: z.string().nullable().meta({ description: 'The BODACC notice’s id' }),
  })
  .meta({ id: 'CollectiveProceeding' });

export const ZSolvencyScreen = z
  .object({
    id: ZId,
    customerId: ZId,
    siren: z.string(),
    siret: z.string().nullable(),
    screenedOn: ZCalendarDate,
    screenedAt: z.string(),
    screenedBy: z.object({ id: ZId.nullable(), name: z.string().nullable() }),
    verdict: ZVerdict,
    depositBps: z.number().int().nullable().meta({
      description:
        'The deposit or prepayment asked, basis points of the order; go_with_deposit only',
    }),
    reasons: z
      .array(ZReason)
      .meta({ description: 'Every reason that applies, most serious first' }),
    policy: z.object({
      goMinScore: z.number().int(),
      depositMinScore: z.number().int(),
      youngCompanyMonths: z.number().int(),
      maxIncidents: z.number().int(),
      incidentsNoGo: z.number().int(),
      depositBps: z.number().int(),
    }),
    company: ZCompanyRecord.nullable().meta({ description: 'null: no register record known' }),
    proceedings: z.array(ZProceeding),
    incidents: z
      .object({ count: z.number().int(), amountCents: ZCents, lastOn: ZCalendarDate.nullable() })
      .nullable(),
    score: z
      .object({
        source: z.string(),
        raw: z.string(),
        scale: ZScoreScale,
        normalized: z.number().int().nullable().meta({ description: '0–100, null: no grade' }),
        assessedOn: ZCalendarDate,
        origin: z.enum(['file', 'manual', 'provider']),
      })
      .nullable(),
    sources: z
      .array(
        z.object({
          source: z.enum(['sirene', 'bodacc', 'scores']),
          outcome: z.enum(['answered', 'failed', 'not_configured']),
          failure: z.enum(['unreachable', 'unauthorized', 'rate_limited', 'bad_answer']).nullable(),
        }),
      )
      .meta({ description: 'The sources asked (lookup) and how each answered' }),
    notices: z.array(ZProblemIssue).meta({
      description:
        'What to know besides the reasons: a source not configured or failing, a notice half read',
    }),
  })
  .meta({ id: 'SolvencyScreen' });

export const ZSolvencyScreenList = z
  .object({ items: z.array(ZSolvencyScreen) })
  .meta({ id: 'SolvencyScreenList' });

export const ZRiskScoreImportQuery = z.object({
  dryRun: z
    .enum(['true', 'false'])
    .default('false')
    .transform((value) => value === 'true')
    .meta({ description: 'Check the file and count what would change, save nothing' }),
});

/** The bureau file's name, as `POST /api/imports/…` take it. */
export const ZRiskScoreUploadHeaders = z.looseObject({
  'x-file-name': z.string().max(1000).optional().meta({
    description: 'The file’s name, URI-encoded; the report names the file by it. Default `upload`',
  }),
});

export const ZRiskScoreImport = z
  .object({
    file: z.string(),
    dryRun: z.boolean(),
    committed: z.boolean(),
    rows: z.number().int().meta({ description: 'Lines read without a problem' }),
    inserted: z.number().int(),
    updated: z.number().int().meta({ description: 'Assessments the file corrects' }),
    unchanged: z.number().int().meta({ description: 'Already stored as they are' }),
    errors: z.array(ZProblemIssue),
  })
  .meta({ id: 'RiskScoreImport' });
