/**
 * The HTTP contract of dunning's configuration (`/api/dunning`, `/api/customers/:id/dunning`):
 * scenarios, templates, their preview on a customer, the policy, a customer's own scenario.
 * Amounts are integer minor units; the fields a check names in its issues are these
 * fields (`steps[1].offsetDays`, `toleranceCents`). The web parses every answer with these.
 */
import { z } from 'zod';
import { ZLanguage } from '../auth/schemas.ts';
import { ZRiskCategory } from '../customers/schemas.ts';
import { messageOf } from '../shared/messages/catalogue.ts';
import { MAX_AMOUNT_CENTS } from '../shared/money.ts';
import { ZCents, ZId, ZProblemIssue } from '../shared/schemas.ts';
import { CHANNELS, MAX_STEP_OFFSET_DAYS } from './scenario.ts';

export const ZChannel = z.enum(CHANNELS).meta({
  id: 'DunningChannel',
  description:
    'email, letter (PDF), sms: a message from the template; call: an agenda task with the template as call script; task: an internal task; hold: the account goes on hold; litigation: the file goes to litigation and dunning stops',
});

/** A template's id: lower-case letters, digits and `_` (`reminder_1`). */
export const ZTemplateId = z
  .string()
  .regex(/^[a-z0-9_]{1,64}$/)
  .meta({ description: 'Lower-case letters, digits and _, at most 64 (`reminder_1`)' });

export const ZDunningStep = z
  .object({
    id: z.string(),
    offsetDays: z
      .number()
      .int()
      .meta({
        description: `Days from the invoice's due date: negative before it (J−10 is -10), at most ${MAX_STEP_OFFSET_DAYS} either way`,
      }),
    channel: ZChannel,
    templateId: z.string().nullable(),
    needsApproval: z.boolean(),
    minOverdueCents: ZCents.nullable().meta({
      description: 'The step applies only when the customer’s overdue total is at least this',
    }),
    riskCategories: z.array(ZRiskCategory).nullable().meta({
      description: 'The risk categories the step applies to; null: every category',
    }),
  })
  .meta({ id: 'DunningStep' });

export const ZDunningScenario = z
  .object({
    id: ZId,
    name: z.string(),
    steps: z.array(ZDunningStep),
    riskCategory: ZRiskCategory.nullable().meta({
      description: 'The default scenario of the customers of this risk category',
    }),
    isCompanyDefault: z.boolean().meta({
      description: 'The scenario of every customer neither given one nor covered by its category',
    }),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'DunningScenario' });
export type TDunningScenario = z.infer<typeof ZDunningScenario>;

export const ZDunningScenarioSummary = ZDunningScenario.extend({
  customerCount: z.number().int().meta({ description: 'Customers given this scenario' }),
}).meta({ id: 'DunningScenarioSummary' });

export const ZDunningScenarioList = z
  .object({ items: z.array(ZDunningScenarioSummary) })
  .meta({ id: 'DunningScenarioList' });
export type TDunningScenarioList = z.infer<typeof ZDunningScenarioList>;

/** A scenario as written: every step is checked at once, each issue on its field. */
export const ZSaveDunningScenarioRequest = z
  .object({
    name: z.string().max(200),
    steps: z
      .array(
        ZDunningStep.extend({
          id: z.string().max(64).optional().meta({
            description:
              'Keep a step’s id when editing it (its invoices name it); a new step gets one',
          }),
          templateId: z.string().max(64).nullable().default(null),
          needsApproval: z.boolean().default(false),
          minOverdueCents: ZCents.min(0 - MAX_AMOUNT_CENTS)
            .max(MAX_AMOUNT_CENTS)
            .nullable()
            .default(null),
          riskCategories: z.array(ZRiskCategory).max(10).nullable().default(null),
        }),
      )
      .max(50),
    riskCategory: ZRiskCategory.nullable().default(null),
    isCompanyDefault: z.boolean().default(false),
  })
  .meta({ id: 'SaveDunningScenarioRequest' });
export type TSaveDunningScenarioRequest = z.infer<typeof ZSaveDunningScenarioRequest>;

export const ZCustomerDunning = z
  .object({
    customerId: ZId,
    scenarioId: ZId.nullable().meta({ description: 'The scenario the customer was given, if any' }),
    manualFollowUp: z.boolean().meta({
      description: 'A collector follows the customer by hand: the daily run leaves it alone',
    }),
    language: ZLanguage.nullable().meta({
      description: 'The language of its messages; null: French',
    }),
    contractualRateBps: z.number().int().nullable().meta({
      description:
        'Its agreed late-payment rate in basis points a year; null: the legal rate (ECB + 10 points)',
    }),
    notice: ZProblemIssue.nullable().meta({
      description:
        '`penalty_rate_below_floor` when the agreed rate is below three times the legal interest rate of the current half-year',
    }),
    scenario: ZDunningScenario.nullable().meta({ description: 'The scenario it follows' }),
    source: z.enum(['customer', 'risk_category', 'company_default']).nullable().meta({
      description:
        'Why: customer = given it; risk_category = its category’s default; company_default = the company’s',
    }),
  })
  .meta({ id: 'CustomerDunning' });
export type TCustomerDunning = z.infer<typeof ZCustomerDunning>;

export const ZAssignDunningRequest = z
  .object({
    scenarioId: ZId.nullable().meta({ description: 'null: back to the defaults' }),
    manualFollowUp: z.boolean().default(false),
    language: ZLanguage.nullable()
      .optional()
      .meta({ description: 'The language of its messages (null: French); left out: unchanged' }),
    contractualRateBps: z.number().int().min(0).max(10_000).nullable().optional().meta({
      description:
        'Its agreed late-payment rate in basis points, 0 to 10000 (null: the legal rate); left out: unchanged',
    }),
  })
  .meta({ id: 'AssignDunningRequest' });

export const ZDunningTemplate = z
  .object({
    templateId: z.string(),
    language: ZLanguage,
    subject: z.string(),
    body: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'DunningTemplate' });
export type TDunningTemplate = z.infer<typeof ZDunningTemplate>;

export const ZDunningTemplateList = z
  .object({ items: z.array(ZDunningTemplate) })
  .meta({ id: 'DunningTemplateList' });

export const ZTemplateParams = z.object({ templateId: ZTemplateId, language: ZLanguage });

/** A template's words (LiquidJS); checked at save, each issue with its field and line. */
export const ZMessageTemplate = z
  .object({ subject: z.string().max(1_000), body: z.string().max(100_000) })
  .meta({ id: 'MessageTemplate' });

export const ZPreviewTemplateRequest = z
  .object({
    customerId: ZId,
    language: ZLanguage,
    templateId: ZTemplateId.optional().meta({ description: 'A stored template…' }),
    template: ZMessageTemplate.optional().meta({ description: '…or words being edited' }),
  })
  .refine((body) => (body.templateId === undefined) !== (body.template === undefined), {
    message: messageOf('en', 'dunning_preview_source'),
    path: ['templateId'],
    // The catalogue's code for this sentence, so each edge says it in its reader's language.
    params: { code: 'dunning_preview_source' },
  })
  .meta({ id: 'PreviewTemplateRequest' });

export const ZTemplatePreview = z
  .object({
    subject: z.string(),
    body: z.string(),
    invoiceCount: z.number().int().meta({ description: 'The open invoices the message lists' }),
    currency: z.string(),
  })
  .meta({ id: 'TemplatePreview' });
export type TTemplatePreview = z.infer<typeof ZTemplatePreview>;

export const ZDunningPolicy = z
  .object({
    toleranceCents: ZCents.min(0 - MAX_AMOUNT_CENTS)
      .max(MAX_AMOUNT_CENTS)
      .meta({
        description: 'A customer whose dunnable open total is below this is left alone',
      }),
    minDaysBetweenContacts: z.number().int().meta({
      description: 'Days after a contact before the next one (0 to 365)',
    }),
    runHour: z.number().int().meta({
      description: 'The hour of the day (0 to 23, company time) the daily run starts',
    }),
  })
  .meta({ id: 'DunningPolicy' });
export type TDunningPolicy = z.infer<typeof ZDunningPolicy>;
