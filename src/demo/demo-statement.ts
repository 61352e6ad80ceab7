/**
 * The demo company's bank statement of the day: incoming transfers drawn over its open
 * items with the noise real ones have (`noisy-bank-lines.ts`), imported as a camt.053 so
 * that the matcher applies what it can tell and the matching queue has the rest to show.
 */
import type { Ctx } from '../app/context.ts';
import type { Deps } from '../app/deps.ts';
import type { MatchRunReport } from '../bank/matching/line-match.ts';
import { listLineMatchPage } from '../bank/matching/service.ts';
import { createBankAccount, importBankFile } from '../bank/service.ts';
import { listCustomerNames } from '../customers/service.ts';
import { listOpenItemsInTx } from '../ledger/received-payments.ts';
import { companyToday } from '../ledger/service.ts';
import type { BankLine } from '../imports/bank/statement.ts';
import { camt053Xml } from './camt053-writer.ts';
import type { AppliedMatch } from './matching-score.ts';
import { generateNoisyBankLines, type NoisyBankLines } from './noisy-bank-lines.ts';

/** The demo's current account (a valid French IBAN, of no real bank customer). */
export const DEMO_BANK_IBAN = 'FR7630006000011234567890189';

/** Lines on the demo statement: enough to show every kind of match, few enough to read. */
const DEMO_STATEMENT_LINES = 60;

/** Noisy lines of today over the company's open items in euros, as the bank would send them. */
export async function drawNoisyStatement(
  deps: Deps,
  ctx: Ctx,
  options: { seed: number; count: number },
): Promise<{ noisy: NoisyBankLines; xml: string; fileName: string }> {
  const today = await companyToday(deps, ctx);
  const customers = await listCustomerNames(deps.db, ctx);
  const openItems = await listOpenItemsInTx(deps.db, ctx, 'EUR');
  const noisy = generateNoisyBankLines(
    {
      customers: customers.map((customer) => ({ ...customer, legalName: customer.name })),
      openItems,
    },
    { seed: options.seed, count: options.count, bookingDate: today },
  );
  const xml = camt053Xml({
    iban: DEMO_BANK_IBAN,
    currency: 'EUR',
    statementId: `DEMO-${today}`,
    openingCents: 12_500_000,
    openingDate: today,
    lines: noisy.lines,
    createdAt: deps.clock.now(),
  });
  return { noisy, xml, fileName: `releve-${today}.xml` };
}

/** Registers the demo's account (in euros) under `DEMO_BANK_IBAN`. */
export async function addDemoBankAccount(deps: Deps, ctx: Ctx): Promise<void> {
  await createBankAccount(deps, ctx, {
    iban: DEMO_BANK_IBAN,
    name: 'Compte courant',
    currency: 'EUR',
  });
}

/** Registers the demo's account and imports today's statement; says what the matcher did. */
export async function importDemoStatement(
  deps: Deps,
  ctx: Ctx,
  seed: number,
): Promise<MatchRunReport | null> {
  const { xml, fileName } = await drawNoisyStatement(deps, ctx, {
    seed,
    count: DEMO_STATEMENT_LINES,
  });
  await addDemoBankAccount(deps, ctx);
  const report = await importBankFile(deps, ctx, {
    bytes: new TextEncoder().encode(xml),
    fileName,
    addAccount: false,
    dryRun: false,
  });
  return report.matching;
}

/**
 * The matches applied to generated `lines`, by the line's index (found by its bank
 * reference), as `scoreMatches` reads them.
 */
export async function readAppliedMatches(
  deps: Deps,
  ctx: Ctx,
  lines: readonly BankLine[],
): Promise<Map<number, AppliedMatch>> {
  const indexOf = new Map(
    lines.map((line, index) => [line.bankReferences['accountServicerReference'], index]),
  );
  const applied = new Map<number, AppliedMatch>();
  const page = await listLineMatchPage(deps, ctx, {
    status: 'applied',
    page: 1,
    pageSize: Math.max(1, lines.length),
  });
  for (const { line, match } of page.items) {
    const index = indexOf.get(line.bankReferences['accountServicerReference']);
    const [best] = match.suggestions;
    if (index !== undefined && best !== undefined && match.customerId !== null) {
      applied.set(index, { customerId: match.customerId, allocations: best.allocations });
    }
  }
  return applied;
}
