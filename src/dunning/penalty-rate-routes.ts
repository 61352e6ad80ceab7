/**
 * The late-payment rates over HTTP (docs/api.md "Dunning configuration"). Thin: parse,
 * call one use case, map to the answer's schema.
 */
import type { Deps } from '../app/deps.ts';
import { answer, problems } from '../http/openapi.ts';
import type { App } from '../http/types.ts';
import {
  ZPenaltyRateList,
  ZPenaltyRateParams,
  ZSavePenaltyRateRequest,
  type TPenaltyRateList,
} from './penalty-rate-schemas.ts';
import { listPenaltyRates, savePenaltyRate, type PenaltyRateList } from './penalty-rates.ts';

const tags = ['dunning'];

function presentPenaltyRates(list: PenaltyRateList): TPenaltyRateList {
  return {
    currentHalfYear: list.currentHalfYear,
    items: list.items.map((line) => ({
      halfYear: line.halfYear,
      ecbMro: { ...line.ecbMro },
      legalProfessional: { ...line.legalProfessional },
    })),
  };
}

export function registerPenaltyRateRoutes(app: App, deps: Deps): void {
  app.get(
    '/dunning/penalty-rates',
    {
      schema: {
        operationId: 'listPenaltyRates',
        tags,
        summary: 'The late-payment rates, per half-year: published, the company’s own, applied',
        description:
          'The ECB main refinancing rate and the legal interest rate for professionals, in basis points (docs/formulas.md). The company’s own entries replace the published ones.',
        response: {
          200: answer('The rates, newest half-year first', ZPenaltyRateList),
          ...problems(400, 401, 403),
        },
      },
    },
    async (request) => presentPenaltyRates(await listPenaltyRates(deps, request.ctx)),
  );
  app.put(
    '/dunning/penalty-rates/:series/:halfYear',
    {
      schema: {
        operationId: 'savePenaltyRate',
        tags,
        summary: 'Enter the company’s own rate of a series for a half-year, or remove it',
        description:
          '`basisPoints: null` removes the company’s entry: the published rate applies again. Refused (400) unless the half-year reads YYYY-H1 or YYYY-H2 (`penalty_rate_half_year_invalid`) and the rate is a whole number from 0 to 5000 (`penalty_rate_out_of_range`).',
        params: ZPenaltyRateParams,
        body: ZSavePenaltyRateRequest,
        response: {
          200: answer('The rates, as saved', ZPenaltyRateList),
          ...problems(400, 401, 403, 404),
        },
      },
    },
    async (request) =>
      presentPenaltyRates(
        await savePenaltyRate(deps, request.ctx, {
          series: request.params.series,
          halfYear: request.params.halfYear,
          basisPoints: request.body.basisPoints,
        }),
      ),
  );
}
