/**
 * Cash application's use cases (docs/cash-application.md): the matcher's run over new
 * or queued bank lines, and what a person does in the queue — confirm or edit a match,
 * undo one, set a line aside. A run reads the open items once, proposes line after line
 * (`MatchBook`), applies what reaches the threshold through the ledger's receipts door
 * (which locks and re-checks every invoice it settles), and keeps the rest in the queue
 * with their best suggestions.
 */
import type { Ctx } from '../../app/context.ts';
import type { Deps } from '../../app/deps.ts';
import { requirePermission } from '../../app/permissions.ts';
import { recordEvents, type EventInput } from '../../audit/service.ts';
import { listCustomerNames, requireCustomer } from '../../customers/service.ts';
import type { Queryable } from '../../db/client.ts';
import { inTransaction } from '../../db/transaction.ts';
import { lockCompanyImports } from '../../imports/service.ts';
import type { Payment } from '../../ledger/model.ts';
import {
  findTakenPaymentReferencesInTx,
  listOpenItemsInTx,
  listPaymentSettlementsInTx,
  recordReceiptsInTx,
  voidPaymentsInTx,
  type PaymentSettlementRow,
  type Receipt,
} from '../../ledger/received-payments.ts';
import { companyToday } from '../../ledger/service.ts';
import {
  ConflictError,
  fieldIssue,
  InvalidError,
  NotFoundError,
  type Issue,
} from '../../shared/errors.ts';
import type { StoredBankLine } from '../model.ts';
import {
  paymentReferenceFor,
  withRates,
  type BankLineMatchStatus,
  type LineMatch,
  type MatchRunReport,
  type ShownProposal,
} from './line-match.ts';
import { MatchBook, type MatchProposal, type ProposedAllocation } from './match-book.ts';
import { isReturn, pairReversals } from './reversal-pairing.ts';
import {
  countLineMatches,
  findAutoApplyThreshold,
  findLineForUpdate,
  findLinesToMatch,
  findReversibleLines,
  findUnpairedReversals,
  insertPayerAccounts,
  listLineMatches,
  listPayerAccounts,
  saveAutoApplyThreshold,
  saveLineMatches,
  type LineToMatch,
  type LineWithMatch,
} from './store.ts';

/** Applied without anyone looking at or above this confidence, unless the company sets its own. */
export const DEFAULT_AUTO_APPLY_THRESHOLD = 90;

export type MatchOptions = { threshold?: number | undefined };

/** Whether a line may settle receivables: money in, not the bank taking a movement back. */
function isIncoming(line: StoredBankLine): boolean {
  return line.amountCents > 0 && !isReturn(line);
}

function setAsideStatus(line: StoredBankLine): BankLineMatchStatus {
  return isReturn(line) ? 'reversal' : 'outgoing';
}

/**
 * Undoes what the bank took back. The reversals are those among `lines`, and the stored
 * ones still unpaired that may take back one of `lines` (read before it: statements
 * imported out of order, a camt.054 before its camt.053), or compete with a new reversal
 * for a line; each finds the line it takes back by `pairReversals`. An applied one has
 * its payment voided (its allocations undone, on the reversal's date) and becomes
 * `reversed`; one still queued is set aside, so nobody applies cash that is gone. The
 * reversal names it in its reasons. Runs after the run's matches are saved, in its
 * transaction, under the import lock; the match rows it changes are locked as read.
 * Returns how many lines were taken back.
 */
async function applyReversals(
  deps: Deps,
  tx: Queryable,
  ctx: Ctx,
  lines: readonly LineToMatch[],
): Promise<number> {
  const newReversals = lines.map(({ line }) => line).filter(isReturn);
  // Stored reversals of a new reversal's amount may claim the same line: the pairing sees them.
  const stored = await findUnpairedReversals(tx, ctx.companyId, {
    takingBack: lines.map(({ line }) => line).filter(isIncoming),
    alike: newReversals,
  });
  const isNew = new Set(newReversals.map((reversal) => reversal.id));
  const reversals = [
    ...newReversals,
    ...stored.map(({ line }) => line).filter((line) => !isNew.has(line.id)),
  ];
  const candidates = await findReversibleLines(tx, ctx.companyId, reversals);
  const pairs = pairReversals(reversals, candidates);
  const applied = pairs.filter(({ original }) => original.match.status === 'applied');
  for (const on of new Set(applied.map(({ reversal }) => reversal.bookingDate))) {
    const voided = applied.filter(({ reversal }) => reversal.bookingDate === on);
    await voidPaymentsInTx(deps, tx, ctx, {
      paymentIds: voided.flatMap(({ original }) => original.match.paymentId ?? []),
      allocationIds: voided.flatMap(({ original }) => original.match.allocationIds),
      on,
    });
  }
  const matches = pairs.flatMap(({ reversal, original }): LineMatch[] => {
    const wasApplied = original.match.status === 'applied';
    const reason = {
      code: wasApplied ? 'match_reason_reverses' : 'match_reason_reverses_unmatched',
      params: {
        date: original.line.bookingDate,
        reference: paymentReferenceFor(original.line, 1),
      },
    } as const;
    const takenBack: LineMatch = wasApplied
      ? { ...original.match, status: 'reversed' }
      : {
          ...original.match,
          status: 'ignored',
          reasons: [
            {
              code: 'match_reason_taken_back',
              params: { date: reversal.bookingDate, reason: reversal.returnReason ?? '—' },
            },
          ],
        };
    return [
      takenBack,
      {
        ...baseMatch(reversal, undefined),
        status: 'reversal',
        customerId: original.match.customerId,
        confidence: 100,
        reasons: [reason],
      },
    ];
  });
  await saveLineMatches(tx, ctx.companyId, matches, deps.clock.now());
  await recordEvents(
    tx,
    ctx,
    pairs.map(({ reversal, original, pairedBy }) => ({
      action: 'bank_line.reversed',
      entityType: 'bank_line',
      entityId: original.line.id,
      customerId: original.match.customerId,
      data: {
        amount: original.line.amountCents,
        currency: original.line.currency,
        reversedOn: reversal.bookingDate,
        returnReason: reversal.returnReason,
        reversal: reversal.id,
        pairedBy,
      },
    })),
  );
  return pairs.length;
}

/** The payment method a bank transaction code tells (ISO domain/family/sub-family, or CFONB). */
function paymentMethodOf(line: StoredBankLine): Payment['method'] {
  const code = line.transactionCode ?? '';
  if (/DD|RDDT|PRLV/.test(code)) {
    return 'sepa_direct_debit';
  }
  return /CHK|CHQ|CCHQ/.test(code) ? 'cheque' : 'transfer';
}

/**
 * The company's open items and customers as a book per currency, built on first use:
 * a run over lines in one currency reads the open items of that one only.
 */
function createBooks(tx: Queryable, ctx: Ctx) {
  const books = new Map<string, Promise<MatchBook>>();
  let directory:
    | Promise<
        [Awaited<ReturnType<typeof listCustomerNames>>, { iban: string; customerId: string }[]]
      >
    | undefined;
  return (currency: string): Promise<MatchBook> => {
    const known = books.get(currency);
    if (known !== undefined) {
      return known;
    }
    directory ??= Promise.all([listCustomerNames(tx, ctx), listPayerAccounts(tx, ctx.companyId)]);
    const book = directory.then(async ([customers, payerAccounts]) => {
      const openItems = await listOpenItemsInTx(tx, ctx, currency);
      return new MatchBook({ currency, customers, openItems, payerAccounts });
    });
    books.set(currency, book);
    return book;
  };
}

function showProposal(book: MatchBook, proposal: MatchProposal): ShownProposal {
  const customer = book.customer(proposal.customerId);
  return {
    ...proposal,
    customerCode: customer?.code ?? '',
    customerName: customer?.name ?? '',
    allocations: proposal.allocations.map((part) => ({
      ...part,
      invoiceNumber: book.item(part.invoiceId)?.number ?? '',
      ...(part.creditNoteId === undefined
        ? {}
        : { creditNoteNumber: book.item(part.creditNoteId)?.number ?? '' }),
    })),
  };
}

/**
 * References for the payments of `lines`, each line's bank reference when no payment
 * has it yet (nor another line of the lot), else one made of the line's id.
 */
async function paymentReferences(
  tx: Queryable,
  ctx: Ctx,
  lines: readonly { line: StoredBankLine; application: number }[],
): Promise<string[]> {
  const wanted = lines.map(({ line, application }) => paymentReferenceFor(line, application));
  const taken = await findTakenPaymentReferencesInTx(tx, ctx, wanted);
  const seen = new Set<string>();
  return lines.map(({ line, application }, index) => {
    const reference = wanted[index] ?? '';
    // The line's id is unique: a reference made of it is free whatever the bank repeats.
    const chosen =
      taken.has(reference) || seen.has(reference)
        ? paymentReferenceFor({ id: line.id, bankReferences: {} }, application)
        : reference;
    seen.add(chosen);
    return chosen;
  });
}

function receiptOf(
  deps: Deps,
  line: StoredBankLine,
  customerId: string,
  reference: string,
  allocations: readonly ProposedAllocation[],
): Receipt {
  return {
    payment: {
      id: deps.ids.newId(),
      customerId,
      reference,
      receivedOn: line.bookingDate,
      amountCents: line.amountCents,
      currency: line.currency,
      unappliedCents: line.amountCents,
      method: paymentMethodOf(line),
      sourceKey: `bank:${line.id}`,
    },
    allocations,
  };
}

function appliedEvent(
  line: StoredBankLine,
  match: LineMatch,
  payment: Payment,
  how: 'matcher' | 'user',
): EventInput {
  return {
    action: 'bank_line.matched',
    entityType: 'bank_line',
    entityId: line.id,
    customerId: match.customerId,
    data: {
      by: how,
      payment: payment.reference,
      amount: line.amountCents,
      currency: line.currency,
      confidence: match.confidence,
      reasons: match.reasons,
      allocations: match.allocationIds.length,
    },
  };
}

/**
 * Runs the matcher over `target` (the ids of new lines, or the whole queue) inside `tx`,
 * which must hold the company's import lock: applies each line whose best proposal
 * reaches the threshold, queues the others with their suggestions, and sets aside money
 * going out and reversals. Learns the IBANs of the payers it applied.
 */
export async function matchLinesInTx(
  deps: Deps,
  tx: Queryable,
  ctx: Ctx,
  target: readonly string[] | 'queue',
  options: MatchOptions = {},
): Promise<MatchRunReport> {
  requirePermission(ctx, 'allocations:write');
  const threshold =
    options.threshold ??
    (await findAutoApplyThreshold(tx, ctx.companyId)) ??
    DEFAULT_AUTO_APPLY_THRESHOLD;
  const lines = await findLinesToMatch(tx, ctx.companyId, target);
  const bookOf = createBooks(tx, ctx);
  const matches: LineMatch[] = [];
  const toApply: {
    entry: LineToMatch;
    book: MatchBook;
    best: MatchProposal;
    shown: ShownProposal[];
  }[] = [];
  const queued = new Map<string, LineMatch>();
  let payerFound = 0;
  for (const entry of lines) {
    const { line } = entry;
    const base = baseMatch(line, entry);
    if (!isIncoming(line)) {
      matches.push({ ...base, status: setAsideStatus(line) });
      continue;
    }
    const book = await bookOf(line.currency);
    const proposals = book.propose(line);
    const shown = proposals.map((proposal) => showProposal(book, proposal));
    const [best] = proposals;
    if (best !== undefined) {
      payerFound += 1;
    }
    if (best !== undefined && best.confidence >= threshold) {
      book.consume(best, line.counterpartyIban);
      toApply.push({ entry, book, best, shown });
    } else {
      queued.set(line.id, queuedMatch(base, best, shown));
    }
  }
  const references = await paymentReferences(
    tx,
    ctx,
    toApply.map(({ entry }) => ({
      line: entry.line,
      application: (entry.match?.applications ?? 0) + 1,
    })),
  );
  const receipts = toApply.map(({ entry, best }, index) =>
    receiptOf(deps, entry.line, best.customerId, references[index] ?? '', best.allocations),
  );
  const outcomes = await recordReceiptsInTx(deps, tx, ctx, receipts);
  const events: EventInput[] = [];
  const learnt: { iban: string; customerId: string }[] = [];
  let fullyAllocated = 0;
  toApply.forEach(({ entry, best, shown }, index) => {
    const outcome = outcomes[index];
    const receipt = receipts[index];
    const base = baseMatch(entry.line, entry);
    if (outcome === undefined || receipt === undefined || !outcome.accepted) {
      // Settled meanwhile by someone else: the locked amounts no longer fit, a person looks.
      queued.set(entry.line.id, queuedMatch(base, best, shown));
      return;
    }
    const match: LineMatch = {
      ...base,
      status: 'applied',
      customerId: best.customerId,
      paymentId: receipt.payment.id,
      allocationIds: outcome.allocationIds,
      confidence: best.confidence,
      reasons: best.reasons,
      suggestions: shown,
      appliedBy: 'matcher',
      applications: base.applications + 1,
    };
    matches.push(match);
    events.push(appliedEvent(entry.line, match, receipt.payment, 'matcher'));
    if (entry.line.counterpartyIban !== null) {
      learnt.push({ iban: entry.line.counterpartyIban, customerId: best.customerId });
    }
    if (outcome.unappliedCents === 0) {
      fullyAllocated += 1;
    }
  });
  matches.push(...queued.values());
  const now = deps.clock.now();
  await saveLineMatches(tx, ctx.companyId, matches, now);
  await insertPayerAccounts(tx, ctx.companyId, learnt, now);
  await recordEvents(tx, ctx, events);
  const reversed = await applyReversals(deps, tx, ctx, lines);
  const incoming = lines.filter(({ line }) => isIncoming(line)).length;
  return withRates({
    threshold,
    lines: lines.length,
    incoming,
    outgoing: lines.filter(({ line }) => !isReturn(line) && line.amountCents < 0).length,
    reversals: lines.filter(({ line }) => isReturn(line)).length,
    reversed,
    applied: events.length,
    queued: queued.size,
    payerFound,
    fullyAllocated,
  });
}

function baseMatch(line: StoredBankLine, entry: LineToMatch | undefined): LineMatch {
  return {
    bankLineId: line.id,
    status: 'queued',
    bookingDate: line.bookingDate,
    amountCents: line.amountCents,
    customerId: null,
    paymentId: null,
    allocationIds: [],
    confidence: null,
    reasons: [],
    suggestions: [],
    appliedBy: null,
    applications: entry?.match?.applications ?? 0,
  };
}

function queuedMatch(
  base: LineMatch,
  best: MatchProposal | undefined,
  shown: ShownProposal[],
): LineMatch {
  return {
    ...base,
    status: 'queued',
    customerId: best?.customerId ?? null,
    confidence: best?.confidence ?? null,
    reasons: best?.reasons ?? [],
    suggestions: shown,
  };
}

/** `encaisse match`: the matcher again over the queue, in one transaction under the import lock. */
export async function runMatcher(
  deps: Deps,
  ctx: Ctx,
  options: MatchOptions = {},
): Promise<MatchRunReport> {
  requirePermission(ctx, 'allocations:write');
  return inTransaction(deps.db, async (tx) => {
    await lockCompanyImports(tx, ctx);
    return matchLinesInTx(deps, tx, ctx, 'queue', options);
  });
}

/** What a person applies to a line: its customer, and how much goes to which invoices. */
export type LineMatchInput = {
  customerId: string;
  allocations: readonly ProposedAllocation[];
};

async function lineForChange(tx: Queryable, ctx: Ctx, lineId: string): Promise<LineWithMatch> {
  const entry = await findLineForUpdate(tx, ctx.companyId, lineId);
  if (entry === undefined) {
    throw new NotFoundError('bank_line', lineId);
  }
  return entry;
}

/**
 * Confirms, edits or splits a queued line's match: a payment of the line's amount for
 * `customerId`, allocated as given (the rest stays unapplied on the customer's account).
 * Refused when the line is not incoming, is already applied, or the allocations do not
 * fit the invoices as they are now.
 */
export async function applyLineMatch(
  deps: Deps,
  ctx: Ctx,
  lineId: string,
  input: LineMatchInput,
): Promise<LineMatch> {
  requirePermission(ctx, 'allocations:write');
  // Before the transaction (the embedded database's one session): a customer of another
  // company, or of none, is not found rather than a broken foreign key.
  await requireCustomer(deps, ctx, input.customerId);
  return inTransaction(deps.db, async (tx) => {
    const entry = await lineForChange(tx, ctx, lineId);
    const { line, match } = entry;
    if (!isIncoming(line)) {
      throw new ConflictError('bank_line_not_incoming', {
        amount: line.amountCents,
        currency: line.currency,
      });
    }
    if (match !== undefined && match.status !== 'queued') {
      throw new ConflictError('bank_line_not_queued', { status: match.status });
    }
    const fromCash = input.allocations.filter((part) => part.creditNoteId === undefined);
    const total = fromCash.reduce((sum, part) => sum + part.amountCents, 0);
    if (total > line.amountCents) {
      throw new InvalidError('bank_line_allocations_exceed', {
        total,
        amount: line.amountCents,
        currency: line.currency,
      });
    }
    const application = (match?.applications ?? 0) + 1;
    const [reference = ''] = await paymentReferences(tx, ctx, [{ line, application }]);
    const receipt = receiptOf(deps, line, input.customerId, reference, input.allocations);
    const [outcome] = await recordReceiptsInTx(deps, tx, ctx, [receipt]);
    if (outcome === undefined || !outcome.accepted) {
      const issues: Issue[] = outcome === undefined ? [] : outcome.issues;
      throw new InvalidError('allocation_refused', {}, issues);
    }
    const applied: LineMatch = {
      ...baseMatch(line, entry),
      status: 'applied',
      customerId: input.customerId,
      paymentId: receipt.payment.id,
      allocationIds: outcome.allocationIds,
      // A person's decision: no confidence to show, and the matcher's reasons were for its own.
      confidence: null,
      reasons: [],
      suggestions: match?.suggestions ?? [],
      appliedBy: 'user',
      applications: application,
    };
    const now = deps.clock.now();
    await saveLineMatches(tx, ctx.companyId, [applied], now);
    if (line.counterpartyIban !== null) {
      await insertPayerAccounts(
        tx,
        ctx.companyId,
        [{ iban: line.counterpartyIban, customerId: input.customerId }],
        now,
      );
    }
    await recordEvents(tx, ctx, [appliedEvent(line, applied, receipt.payment, 'user')]);
    return applied;
  });
}

/**
 * Undoes an applied match, the matcher's or a person's: its allocations undone, its
 * payment voided, the line back in the queue with the suggestions it had.
 */
export async function undoLineMatch(deps: Deps, ctx: Ctx, lineId: string): Promise<LineMatch> {
  requirePermission(ctx, 'allocations:write');
  // Read before the transaction: on the embedded database it holds the only session.
  const today = await companyToday(deps, ctx);
  return inTransaction(deps.db, async (tx) => {
    const { line, match } = await lineForChange(tx, ctx, lineId);
    if (match === undefined || match.status !== 'applied' || match.paymentId === null) {
      throw new ConflictError('bank_line_not_applied', {});
    }
    await voidPaymentsInTx(deps, tx, ctx, {
      paymentIds: [match.paymentId],
      allocationIds: match.allocationIds,
      on: today,
    });
    const [best] = match.suggestions;
    const requeued: LineMatch = {
      ...match,
      status: 'queued',
      customerId: best?.customerId ?? match.customerId,
      paymentId: null,
      allocationIds: [],
      appliedBy: null,
    };
    await saveLineMatches(tx, ctx.companyId, [requeued], deps.clock.now());
    await recordEvents(tx, ctx, [
      {
        action: 'bank_line.match_undone',
        entityType: 'bank_line',
        entityId: line.id,
        customerId: match.customerId,
        data: { amount: line.amountCents, currency: line.currency, by: match.appliedBy },
      },
    ]);
    return requeued;
  });
}

/** Sets a queued line aside (it settles no receivable: a refund, a loan, interest), or back. */
export async function setLineAside(
  deps: Deps,
  ctx: Ctx,
  lineId: string,
  aside: boolean,
): Promise<LineMatch> {
  requirePermission(ctx, 'allocations:write');
  return inTransaction(deps.db, async (tx) => {
    const entry = await lineForChange(tx, ctx, lineId);
    const { line, match } = entry;
    const from: BankLineMatchStatus = aside ? 'queued' : 'ignored';
    if ((match?.status ?? 'queued') !== from || !isIncoming(line)) {
      throw new ConflictError(aside ? 'bank_line_not_queued' : 'bank_line_not_set_aside', {
        status: match?.status ?? 'queued',
      });
    }
    const changed: LineMatch = {
      ...(match ?? baseMatch(line, entry)),
      status: aside ? 'ignored' : 'queued',
    };
    await saveLineMatches(tx, ctx.companyId, [changed], deps.clock.now());
    await recordEvents(tx, ctx, [
      {
        action: aside ? 'bank_line.set_aside' : 'bank_line.requeued',
        entityType: 'bank_line',
        entityId: line.id,
        customerId: null,
        data: { amount: line.amountCents, currency: line.currency },
      },
    ]);
    return changed;
  });
}

/** A line of a page: its match and, once applied, what its payment settles now. */
export type LineMatchPageItem = {
  line: StoredBankLine;
  match: LineMatch;
  /**
   * Read from the ledger's live allocations, not from the match: a line applied by hand
   * has no suggestion to show, and an allocation undone since is gone. `null` unless applied.
   */
  settlement: PaymentSettlementRow | null;
};

/**
 * A page of lines in one status, each with its match (and, applied, what its payment
 * settles: one read of the ledger for the page), and how many lines each status holds.
 */
export async function listLineMatchPage(
  deps: Deps,
  ctx: Ctx,
  query: { status: BankLineMatchStatus; page: number; pageSize: number },
): Promise<{
  items: LineMatchPageItem[];
  total: number;
  counts: Record<BankLineMatchStatus, number>;
}> {
  requirePermission(ctx, 'ledger:read');
  const [page, counts] = await Promise.all([
    listLineMatches(deps.db, ctx.companyId, {
      status: query.status,
      limit: query.pageSize,
      offset: (query.page - 1) * query.pageSize,
    }),
    countLineMatches(deps.db, ctx.companyId),
  ]);
  const applied = page.rows.flatMap(({ match }) =>
    match.status === 'applied' && match.paymentId !== null
      ? [{ paymentId: match.paymentId, allocationIds: match.allocationIds }]
      : [],
  );
  const settlements = await listPaymentSettlementsInTx(deps.db, ctx, applied);
  return {
    items: page.rows.map(({ line, match }) => ({
      line,
      match,
      settlement:
        match.status === 'applied' && match.paymentId !== null
          ? (settlements.get(match.paymentId) ?? null)
          : null,
    })),
    total: page.total,
    counts: {
      queued: counts.get('queued') ?? 0,
      applied: counts.get('applied') ?? 0,
      reversed: counts.get('reversed') ?? 0,
      outgoing: counts.get('outgoing') ?? 0,
      reversal: counts.get('reversal') ?? 0,
      ignored: counts.get('ignored') ?? 0,
    },
  };
}

/** The threshold the company's matches are applied at. */
export async function getAutoApplyThreshold(deps: Deps, ctx: Ctx): Promise<number> {
  requirePermission(ctx, 'ledger:read');
  return (await findAutoApplyThreshold(deps.db, ctx.companyId)) ?? DEFAULT_AUTO_APPLY_THRESHOLD;
}

/** Sets the company's threshold (1–100): 100 applies only what cannot be doubted. */
export async function setAutoApplyThreshold(
  deps: Deps,
  ctx: Ctx,
  threshold: number,
): Promise<void> {
  requirePermission(ctx, 'ledger:write');
  if (!Number.isInteger(threshold) || threshold < 1 || threshold > 100) {
    throw new InvalidError('threshold_out_of_range', { value: threshold }, [
      fieldIssue('threshold', 'threshold_out_of_range', { value: threshold }),
    ]);
  }
  await saveAutoApplyThreshold(deps.db, ctx.companyId, threshold);
}
