/**
 * The HTTP contract of the late-payment rates (`/api/dunning/penalty-rates`): each
 * half-year with the published rates, the company's own and those that apply, in basis
 * points (2,15 % is 215). The web parses every answer with these.
 */
import { z } from 'zod';
import { PENALTY_RATE_SERIES } from './penalty-rate-table.ts';

export const ZPenaltyRateSeries = z.enum(PENALTY_RATE_SERIES).meta({
  id: 'PenaltyRateSeries',
  description:
    'ecb_mro: the ECB main refinancing rate (the legal penalty rate is it plus 10 points); legal_professional: the legal interest rate for professional creditors (an agreed rate may not be below three times it)',
});

export const ZPenaltyRateValue = z
  .object({
    published: z.number().int().nullable().meta({ description: 'The rate Encaisse ships' }),
    company: z.number().int().nullable().meta({ description: 'The company’s own, if any' }),
    effective: z.number().int().nullable().meta({
      description:
        'The company’s, else the published one; null: none for this half-year (the latest earlier one applies)',
    }),
  })
  .meta({ id: 'PenaltyRateValue' });

export const ZPenaltyRateLine = z
  .object({
    halfYear: z.string().meta({ description: '2026-H1 is January to June 2026' }),
    ecbMro: ZPenaltyRateValue,
    legalProfessional: ZPenaltyRateValue,
  })
  .meta({ id: 'PenaltyRateLine' });

export const ZPenaltyRateList = z
  .object({
    currentHalfYear: z.string().meta({ description: 'The half-year of the company’s today' }),
    items: z
      .array(ZPenaltyRateLine)
      .meta({ description: 'Every half-year with a rate, newest first' }),
  })
  .meta({ id: 'PenaltyRateList' });
export type TPenaltyRateList = z.infer<typeof ZPenaltyRateList>;

export const ZPenaltyRateParams = z.object({
  series: ZPenaltyRateSeries,
  halfYear: z.string().max(16).meta({ description: 'YYYY-H1 or YYYY-H2' }),
});

export const ZSavePenaltyRateRequest = z
  .object({
    basisPoints: z.number().nullable().meta({
      description: 'The company’s rate in basis points, 0 to 5000; null: back to the published one',
    }),
  })
  .meta({ id: 'SavePenaltyRateRequest' });
export type TSavePenaltyRateRequest = z.infer<typeof ZSavePenaltyRateRequest>;
