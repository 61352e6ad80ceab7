/**
 * The matcher on a generated noisy statement over the demo ledger (issue 8's target):
 * at least 95 % of the lines that pay receivables applied on their own to the right
 * invoices, and not one wrong automatic allocation.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliContext, type Ctx } from '../../src/app/context.ts';
import type { Deps } from '../../src/app/deps.ts';
import { importBankFile } from '../../src/bank/service.ts';
import type { DbHandle } from '../../src/db/client.ts';
import {
  addDemoBankAccount,
  drawNoisyStatement,
  readAppliedMatches,
} from '../../src/demo/demo-statement.ts';
import { loadDemo } from '../../src/demo/load-demo.ts';
import { scoreMatches } from '../../src/demo/matching-score.ts';
import { openTestRuntime } from '../db.ts';
import { findLedgerInconsistencies } from '../ledger-invariants.ts';

let handle: DbHandle;
let deps: Deps;
let ctx: Ctx;

beforeAll(async () => {
  ({ handle, deps } = await openTestRuntime());
  const demo = await loadDemo(handle, deps, { size: 'S', seed: 7, operator: 'tester' });
  ctx = cliContext(demo.company.id, 'tester');
}, 120_000);
afterAll(async () => {
  await handle.close();
});

describe('cash application on a noisy statement', () => {
  it('applies at least 95 % of the receivables to the right invoices, and none wrongly', async () => {
    const { noisy, xml, fileName } = await drawNoisyStatement(deps, ctx, {
      seed: 11,
      count: 1_000,
    });
    await addDemoBankAccount(deps, ctx);
    const report = await importBankFile(deps, ctx, {
      bytes: new TextEncoder().encode(xml),
      fileName,
      addAccount: false,
      dryRun: false,
    });
    expect(report.errors).toEqual([]);
    expect(report.totals.linesNew).toBe(noisy.lines.length);
    const applied = await readAppliedMatches(deps, ctx, noisy.lines);
    const score = scoreMatches(noisy.truths, applied);
    console.log(
      `noisy statement: ${noisy.lines.length} lines, ${score.receivables} receivables, ` +
        `${score.appliedRight} applied right (${(score.autoRate * 100).toFixed(1)} %), ` +
        `${score.appliedWrong} applied wrongly; payer rate ${(report.matching?.payerRate ?? 0).toFixed(3)}, ` +
        `invoice rate ${(report.matching?.invoiceRate ?? 0).toFixed(3)}`,
    );
    expect(score.appliedWrong).toBe(0);
    expect(score.autoRate).toBeGreaterThanOrEqual(0.95);
    expect(await findLedgerInconsistencies(deps.db, ctx.companyId)).toEqual([]);
  }, 120_000);
});
