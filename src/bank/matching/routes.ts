/**
 * Cash application over HTTP (docs/api.md): the queue of bank lines with the matcher's
 * suggestions, a person's match, its undo, setting a line aside, the matcher's run and
 * its threshold. Thin: parse, call one use case of `service.ts`, map to the answer's
 * schema. Refusals are DomainErrors, which `handleError` answers as problems.
 */
import { z } from 'zod';
import type { Deps } from '../../app/deps.ts';
import { answer, problems } from '../../http/openapi.ts';
import type { App } from '../../http/types.ts';
import { cents } from '../../shared/money.ts';
import { ZId } from '../../shared/schemas.ts';
import type { PaymentSettlementRow } from '../../ledger/received-payments.ts';
import type { StoredBankLine } from '../model.ts';
import type { LineMatch, ShownProposal } from './line-match.ts';
import {
  ZBankLineMatch,
  ZBankLinePage,
  ZCashApplicationSettings,
  ZListBankLinesQuery,
  ZMatchBankLineRequest,
  ZMatchRunReport,
  ZRunMatcherRequest,
  type TBankLine,
  type TBankLineMatch,
  type TBankLineSettlement,
  type TMatchSuggestion,
} from './schemas.ts';
import {
  applyLineMatch,
  getAutoApplyThreshold,
  listLineMatchPage,
  runMatcher,
  setAutoApplyThreshold,
  setLineAside,
  undoLineMatch,
} from './service.ts';

const ZIdParams = z.object({ id: ZId });
const tags = ['cash application'];

function presentLine(line: StoredBankLine): TBankLine {
  return {
    id: line.id,
    bookingDate: line.bookingDate,
    valueDate: line.valueDate,
    amount: line.amountCents,
    currency: line.currency,
    counterpartyName: line.counterpartyName,
    counterpartyIban: line.counterpartyIban,
    remittanceText: line.remittanceText,
    structuredReferences: [...line.structuredReferences],
    bankReferences: { ...line.bankReferences },
  };
}

function presentSuggestion(proposal: ShownProposal): TMatchSuggestion {
  return {
    customerId: proposal.customerId,
    customerCode: proposal.customerCode,
    customerName: proposal.customerName,
    allocations: proposal.allocations.map((part) => ({
      invoiceId: part.invoiceId,
      invoiceNumber: part.invoiceNumber,
      amount: part.amountCents,
      creditNoteId: part.creditNoteId ?? null,
      creditNoteNumber: part.creditNoteNumber ?? null,
    })),
    unappliedAmount: proposal.unappliedCents,
    confidence: proposal.confidence,
    reasons: proposal.reasons,
  };
}

function presentSettlement(settlement: PaymentSettlementRow): TBankLineSettlement {
  return {
    allocations: settlement.allocations.map((part) => ({
      invoiceId: part.invoiceId,
      invoiceNumber: part.invoiceNumber,
      amount: part.amountCents,
      creditNoteId: part.creditNoteId,
      creditNoteNumber: part.creditNoteNumber,
    })),
    unappliedAmount: settlement.unappliedCents,
  };
}

function presentMatch(match: LineMatch): TBankLineMatch {
  return {
    bankLineId: match.bankLineId,
    status: match.status,
    customerId: match.customerId,
    paymentId: match.paymentId,
    confidence: match.confidence,
    reasons: match.reasons,
    suggestions: match.suggestions.map(presentSuggestion),
    appliedBy: match.appliedBy,
  };
}

export function registerMatchingRoutes(app: App, deps: Deps): void {
  app.get(
    '/bank-lines',
    {
      schema: {
        operationId: 'listBankLines',
        tags,
        summary: 'Bank lines in one cash-application status, with their matches',
        description:
          'The queue (`queued`, the default) oldest first, the other statuses newest first; each line with the matcher’s suggestions, best first, an applied one with what its payment settles now (`settlement`: the invoices and credit notes of its live allocations, the cash left unapplied), and the number of lines in every status.',
        querystring: ZListBankLinesQuery,
        response: {
          200: answer('A page of bank lines and the counts per status', ZBankLinePage),
          ...problems(400, 401, 403),
        },
      },
    },
    async (request) => {
      const { page, pageSize } = request.query;
      const found = await listLineMatchPage(deps, request.ctx, request.query);
      return {
        items: found.items.map(({ line, match, settlement }) => ({
          line: presentLine(line),
          match: presentMatch(match),
          settlement: settlement === null ? null : presentSettlement(settlement),
        })),
        total: found.total,
        page,
        pageSize,
        counts: found.counts,
      };
    },
  );
  app.post(
    '/bank-lines/:id/match',
    {
      schema: {
        operationId: 'matchBankLine',
        tags,
        summary: 'Apply a queued bank line: a payment for the customer, allocated as given',
        description:
          'Confirms a suggestion or a match of one’s own. The payment is of the line’s amount; what the allocations leave stays unapplied on the customer’s account. Refused (409) when the line is not queued or is money out; 400 when the allocations do not fit the invoices as they are now.',
        params: ZIdParams,
        body: ZMatchBankLineRequest,
        response: {
          200: answer('The line’s match, applied', ZBankLineMatch),
          ...problems(400, 401, 403, 404, 409),
        },
      },
    },
    async (request) => {
      const { customerId, allocations } = request.body;
      const match = await applyLineMatch(deps, request.ctx, request.params.id, {
        customerId,
        allocations: allocations.map((part) => ({
          invoiceId: part.invoiceId,
          amountCents: cents(part.amount),
          ...(part.creditNoteId === undefined ? {} : { creditNoteId: part.creditNoteId }),
        })),
      });
      return presentMatch(match);
    },
  );
  app.post(
    '/bank-lines/:id/undo',
    {
      schema: {
        operationId: 'undoBankLineMatch',
        tags,
        summary:
          'Undo an applied match: its allocations undone, its payment voided, back in the queue',
        params: ZIdParams,
        response: {
          200: answer('The line’s match, queued again with its suggestions', ZBankLineMatch),
          ...problems(400, 401, 403, 404, 409),
        },
      },
    },
    async (request) => presentMatch(await undoLineMatch(deps, request.ctx, request.params.id)),
  );
  app.post(
    '/bank-lines/:id/set-aside',
    {
      schema: {
        operationId: 'setBankLineAside',
        tags,
        summary: 'Set a queued line aside: it settles no receivable (a refund, a loan, interest)',
        params: ZIdParams,
        response: {
          200: answer('The line’s match, set aside (`ignored`)', ZBankLineMatch),
          ...problems(400, 401, 403, 404, 409),
        },
      },
    },
    async (request) => presentMatch(await setLineAside(deps, request.ctx, request.params.id, true)),
  );
  app.post(
    '/bank-lines/:id/requeue',
    {
      schema: {
        operationId: 'requeueBankLine',
        tags,
        summary: 'Put a line set aside back in the queue',
        params: ZIdParams,
        response: {
          200: answer('The line’s match, queued again', ZBankLineMatch),
          ...problems(400, 401, 403, 404, 409),
        },
      },
    },
    async (request) =>
      presentMatch(await setLineAside(deps, request.ctx, request.params.id, false)),
  );
  app.post(
    '/cash-application/run',
    {
      schema: {
        operationId: 'runMatcher',
        tags,
        summary: 'Run the matcher again over the queue (after new invoices arrive)',
        description:
          'Applies each queued line whose best suggestion reaches the threshold and keeps the others queued with fresh suggestions.',
        body: ZRunMatcherRequest,
        response: {
          200: answer('What the run did, with its rates', ZMatchRunReport),
          ...problems(400, 401, 403),
        },
      },
    },
    async (request) => runMatcher(deps, request.ctx, { threshold: request.body.threshold }),
  );
  app.get(
    '/cash-application/settings',
    {
      schema: {
        operationId: 'getCashApplicationSettings',
        tags,
        summary: 'The company’s cash-application settings',
        response: {
          200: answer('The settings', ZCashApplicationSettings),
          ...problems(400, 401, 403),
        },
      },
    },
    async (request) => ({ autoApplyThreshold: await getAutoApplyThreshold(deps, request.ctx) }),
  );
  app.put(
    '/cash-application/settings',
    {
      schema: {
        operationId: 'updateCashApplicationSettings',
        tags,
        summary: 'Set the confidence at or above which matches are applied without anyone looking',
        body: ZCashApplicationSettings,
        response: {
          200: answer('The settings, as saved', ZCashApplicationSettings),
          ...problems(400, 401, 403),
        },
      },
    },
    async (request) => {
      const { autoApplyThreshold } = request.body;
      await setAutoApplyThreshold(deps, request.ctx, autoApplyThreshold);
      return { autoApplyThreshold };
    },
  );
}
