/**
 * How well a matcher did on generated lines whose truth is known (`noisy-bank-lines.ts`):
 * of the lines that pay receivables, how many it applied on its own to the right
 * customer and invoices, and how many it applied wrongly (a payer that is no customer,
 * money going out, another customer or other invoices). Pure; the accuracy test and the
 * bench read their figures here.
 */
import type { NoisyLineTruth } from './noisy-bank-lines.ts';

/** A match applied without anyone: its customer and the amount each item got. */
export type AppliedMatch = {
  customerId: string;
  /** By invoice: what the line's cash and the credit notes deducted put on it. */
  allocations: readonly { invoiceId: string; amountCents: number; creditNoteId?: string }[];
};

export type MatchingScore = {
  /** Lines that pay receivables: what a perfect matcher would apply. */
  receivables: number;
  appliedRight: number;
  appliedWrong: number;
  /** appliedRight / receivables. */
  autoRate: number;
  /** appliedRight / (appliedRight + appliedWrong): 1 when nothing was applied. */
  precision: number;
};

/** The items a match settles and by how much: invoices by id, the credit notes used apart. */
function settledBy(allocations: AppliedMatch['allocations']): string {
  const invoices = new Map<string, number>();
  const credits = new Set<string>();
  for (const part of allocations) {
    invoices.set(part.invoiceId, (invoices.get(part.invoiceId) ?? 0) + part.amountCents);
    if (part.creditNoteId !== undefined) {
      credits.add(part.creditNoteId);
    }
  }
  const byId = (a: readonly [string, number], b: readonly [string, number]) =>
    a[0].localeCompare(b[0]);
  return JSON.stringify([
    [...invoices].sort(byId),
    [...credits].sort((a, b) => a.localeCompare(b)),
  ]);
}

/** The truth in the same terms: its negative entries are the credit notes deducted. */
function truthSettles(truth: Extract<NoisyLineTruth, { kind: 'receivable' }>): string {
  const credits = truth.allocations.filter((part) => part.amountCents < 0);
  const invoices = truth.allocations.filter((part) => part.amountCents > 0);
  return JSON.stringify([
    invoices
      .map((part): [string, number] => [part.invoiceId, part.amountCents])
      .sort((a, b) => a[0].localeCompare(b[0])),
    credits.map((part) => part.invoiceId).sort((a, b) => a.localeCompare(b)),
  ]);
}

/** Scores `applied` (by line index) against the truths of the generated lines. */
export function scoreMatches(
  truths: readonly NoisyLineTruth[],
  applied: ReadonlyMap<number, AppliedMatch>,
): MatchingScore {
  let appliedRight = 0;
  let appliedWrong = 0;
  truths.forEach((truth, index) => {
    const match = applied.get(index);
    if (match === undefined) {
      return;
    }
    const right =
      truth.kind === 'receivable' &&
      match.customerId === truth.customerId &&
      settledBy(match.allocations) === truthSettles(truth);
    if (right) {
      appliedRight += 1;
    } else {
      appliedWrong += 1;
    }
  });
  const receivables = truths.filter((truth) => truth.kind === 'receivable').length;
  return {
    receivables,
    appliedRight,
    appliedWrong,
    autoRate: receivables === 0 ? 1 : appliedRight / receivables,
    precision: appliedRight + appliedWrong === 0 ? 1 : appliedRight / (appliedRight + appliedWrong),
  };
}
