/**
 * What the cash application tests (integration, HTTP, browser) seed alike: the company's
 * current account, Martin's IBAN, the statement lines whose outcome the matcher must
 * tell (Martin's transfer naming its invoice, Dupont's deposit, bank fees), and the camt
 * statement of 1–3 March 2026 that carries them.
 */
import type { Ctx } from '../src/app/context.ts';
import type { Deps } from '../src/app/deps.ts';
import { createBankAccount } from '../src/bank/service.ts';
import { camtFile, type TestMovement } from './bank-files.ts';

/** The company's current account, the one every statement here is of. */
export const ACCOUNT = 'FR7630006000011234567890189';

/** Boulangerie Martin's account, which its first transfer teaches the matcher. */
export const MARTIN_IBAN = 'FR7610107001011234567890129';

/** Opens the company's current account (`ACCOUNT`, EUR). */
export function createCurrentAccount(deps: Deps, ctx: Ctx) {
  return createBankAccount(deps, ctx, { iban: ACCOUNT, name: 'Compte courant', currency: 'EUR' });
}

/** Martin's 1 200,00 € transfer naming FA-2026-000101, from its IBAN: applied at once. */
export const MARTIN_TRANSFER: TestMovement = {
  date: '2026-03-02',
  amountCents: 120_000,
  text: 'REGLEMENT FACTURE FA-2026-000101',
  counterparty: 'BOULANGERIE MARTIN',
  counterpartyIban: MARTIN_IBAN,
  reference: 'R1',
};

/** 300,00 € from Dupont that fits none of its invoices exactly: queued, Dupont suggested. */
export const DUPONT_DEPOSIT: TestMovement = {
  date: '2026-03-02',
  amountCents: 30_000,
  text: 'VIREMENT ACOMPTE',
  counterparty: 'TRANSPORTS DUPONT',
  reference: 'R2',
};

/** 45,90 € of bank fees: money going out, which settles no receivable. */
export function bankFees(reference: string): TestMovement {
  return { date: '2026-03-02', amountCents: -4_590, text: 'FRAIS TENUE DE COMPTE', reference };
}

/** A camt.053 of `ACCOUNT` from 1 to 3 March 2026, opening at zero, with `movements`. */
export function marchStatement(id: string, movements: readonly TestMovement[]): string {
  return camtFile({
    iban: ACCOUNT,
    id,
    openingDate: '2026-03-01',
    openingCents: 0,
    closingDate: '2026-03-03',
    movements,
  });
}

/**
 * A statement of four lines, in the order the matcher meets them: Martin's transfer
 * (applied at once), Dupont's deposit (queued, Dupont suggested), bank fees (money out),
 * and 777,00 € on 3 March from `stranger`, a payer nobody knows (queued, no suggestion).
 */
export function fourLineStatement(
  id: string,
  stranger: Pick<TestMovement, 'text' | 'counterparty'>,
): string {
  return marchStatement(id, [
    MARTIN_TRANSFER,
    DUPONT_DEPOSIT,
    bankFees('R3'),
    { date: '2026-03-03', amountCents: 77_700, ...stranger, reference: 'R4' },
  ]);
}
