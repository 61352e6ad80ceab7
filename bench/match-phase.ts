import { cliContext } from '../src/app/context.ts';
import type { Deps } from '../src/app/deps.ts';
import { runMatcher } from '../src/bank/matching/service.ts';
import { importBankFile } from '../src/bank/service.ts';
import {
  addDemoBankAccount,
  drawNoisyStatement,
  readAppliedMatches,
} from '../src/demo/demo-statement.ts';
import type { DemoResult } from '../src/demo/load-demo.ts';
import { scoreMatches } from '../src/demo/matching-score.ts';
import { timeOnce } from './timing.ts';

/** The day of bank lines issue 8's target speaks of. */
export const MATCH_LINES = 10_000;

/** The noisy statement's own seed, apart from the demo's: the same lines on every run. */
const STATEMENT_SEED = 11;

/**
 * Above any confidence (0–100): the import stores the lines and applies none, so the
 * timed matcher run does all the matching.
 */
const NOTHING_APPLIED = 101;

export type MatchingRun = {
  /** Lines the import stored: the queue the matcher ran over. */
  lines: number;
  /** `runMatcher` over the queue: read the open items and customers, propose, apply, commit. */
  matchMs: number;
  /** The statement imported with nothing applied (not judged). */
  importMs: number;
  applied: number;
  queued: number;
  /** Money going out and reversals: never settle a receivable. */
  setAside: number;
  payerRate: number;
  invoiceRate: number;
  /** Lines that pay receivables, by the generator's truth: what a perfect matcher applies. */
  receivables: number;
  appliedRight: number;
  appliedWrong: number;
  /** appliedRight / receivables (`scoreMatches`). */
  autoRate: number;
  /** appliedRight / (appliedRight + appliedWrong) (`scoreMatches`). */
  precision: number;
};

/**
 * Times the matcher on a loaded demo: draws `lines` noisy lines over its open items in
 * euros, imports them with nothing applied, then times `runMatcher` over that queue and
 * scores what it applied against the lines' truth. It applies payments: run it after
 * anything that reads the ledger as loaded.
 */
export async function benchMatching(
  deps: Deps,
  demo: DemoResult,
  options: { lines: number },
): Promise<MatchingRun> {
  const ctx = cliContext(demo.company.id, 'bench');
  const { noisy, xml, fileName } = await drawNoisyStatement(deps, ctx, {
    seed: STATEMENT_SEED,
    count: options.lines,
  });
  await addDemoBankAccount(deps, ctx);
  const stored = await timeOnce(() =>
    importBankFile(deps, ctx, {
      bytes: new TextEncoder().encode(xml),
      fileName,
      addAccount: false,
      dryRun: false,
      threshold: NOTHING_APPLIED,
    }),
  );
  const matched = await timeOnce(() => runMatcher(deps, ctx));
  const run = matched.value;
  const score = scoreMatches(noisy.truths, await readAppliedMatches(deps, ctx, noisy.lines));
  return {
    lines: stored.value.totals.linesNew,
    matchMs: matched.ms,
    importMs: stored.ms,
    applied: run.applied,
    queued: run.queued,
    setAside: run.outgoing + run.reversals,
    payerRate: run.payerRate,
    invoiceRate: run.invoiceRate,
    receivables: score.receivables,
    appliedRight: score.appliedRight,
    appliedWrong: score.appliedWrong,
    autoRate: score.autoRate,
    precision: score.precision,
  };
}
