import { describe, expect, it } from 'vitest';
import type { BankAccountKey, BankStatement } from '../imports/bank/statement.ts';
import { calendarDate } from '../shared/calendar-date.ts';
import { cents } from '../shared/money.ts';
import { findAccountFor, planAccounts, statementFigures, type BankAccount } from './model.ts';

const NOW = new Date('2026-03-15T11:00:00Z');
// 30006 00001 12345678901, key 89: the IBAN FR76 3000 6000 0112 3456 7890 189.
const RIB_KEY: BankAccountKey = {
  kind: 'rib',
  bankCode: '30006',
  branchCode: '00001',
  accountNumber: '12345678901',
};

function account(overrides: Partial<BankAccount> = {}): BankAccount {
  return {
    id: 'account-1',
    name: 'Compte courant',
    iban: 'FR7630006000011234567890189',
    rib: null,
    currency: 'EUR',
    createdAt: NOW,
    ...overrides,
  };
}

function statement(overrides: Partial<BankStatement> = {}): BankStatement {
  return {
    position: '1',
    account: RIB_KEY,
    currency: 'EUR',
    statementId: null,
    opening: null,
    closing: null,
    lines: [],
    ...overrides,
  };
}

function idsFrom(...ids: string[]): () => string {
  return () => ids.shift() ?? 'no id left';
}

describe('findAccountFor', () => {
  it("finds an account registered by IBAN from a CFONB statement's RIB", () => {
    expect(findAccountFor(RIB_KEY, [account()])?.id).toBe('account-1');
  });

  it('finds it from a camt IBAN written with spaces and in lower case', () => {
    const key: BankAccountKey = { kind: 'iban', iban: 'fr76 3000 6000 0112 3456 7890 189' };

    expect(findAccountFor(key, [account()])?.id).toBe('account-1');
  });

  it("finds no other account, were it the same bank's", () => {
    expect(findAccountFor({ ...RIB_KEY, accountNumber: '12345678902' }, [account()])).toBe(
      undefined,
    );
  });
});

describe('planAccounts', () => {
  it('gives each statement its account', () => {
    const plan = planAccounts([statement()], [account()], {
      addAccount: false,
      newId: idsFrom(),
      now: NOW,
    });

    expect(plan.issues).toEqual([]);
    expect(plan.assigned.map((assigned) => assigned.account.id)).toEqual(['account-1']);
  });

  it('refuses an unknown account once, at its first statement, saying the IBAN to add', () => {
    const plan = planAccounts([statement({ position: '1' }), statement({ position: '5' })], [], {
      addAccount: false,
      newId: idsFrom(),
      now: NOW,
    });

    expect(plan).toEqual({
      assigned: [],
      newAccounts: [],
      issues: [
        expect.objectContaining({
          field: 'record',
          line: 1,
          code: 'bank_account_unknown',
          params: { account: '30006 00001 12345678901', iban: 'FR7630006000011234567890189' },
        }),
      ],
    });
  });

  it('says to import with --add-account when the number is no IBAN (a Wise account)', () => {
    const wise = statement({
      position: '/Document/BkToCstmrStmt/Stmt[1]',
      account: { kind: 'iban', iban: '11111111' },
      currency: 'USD',
    });

    const plan = planAccounts([wise], [], { addAccount: false, newId: idsFrom(), now: NOW });

    expect(plan.issues).toEqual([
      expect.objectContaining({
        field: '/Document/BkToCstmrStmt/Stmt[1]',
        code: 'bank_account_unknown_number',
        params: { account: '11111111' },
      }),
    ]);
    expect(plan.issues[0]).not.toHaveProperty('line');
  });

  it('registers an unknown account once with addAccount, with its RIB, IBAN and currency', () => {
    const plan = planAccounts([statement(), statement({ position: '7' })], [], {
      addAccount: true,
      newId: idsFrom('new-1', 'new-2'),
      now: NOW,
    });

    expect(plan.issues).toEqual([]);
    expect(plan.newAccounts).toEqual([
      {
        id: 'new-1',
        name: '30006 00001 12345678901',
        iban: 'FR7630006000011234567890189',
        rib: { bankCode: '30006', branchCode: '00001', accountNumber: '12345678901' },
        currency: 'EUR',
        createdAt: NOW,
      },
    ]);
    expect(plan.assigned.map((assigned) => assigned.account.id)).toEqual(['new-1', 'new-1']);
  });

  it('refuses a statement in another currency than its account', () => {
    const plan = planAccounts([statement({ currency: 'USD' })], [account()], {
      addAccount: true,
      newId: idsFrom(),
      now: NOW,
    });

    expect(plan.issues).toEqual([
      expect.objectContaining({
        line: 1,
        code: 'bank_statement_other_currency',
        params: { account: '30006 00001 12345678901', currency: 'USD', accountCurrency: 'EUR' },
      }),
    ]);
    expect(plan.assigned).toEqual([]);
  });
});

describe('statementFigures', () => {
  const balanceOn = (date: string, amount: number) => ({
    date: calendarDate(date),
    amountCents: cents(amount),
  });
  const lines = [-200_000, -100_000, 400_000, -300_000].map((amount) => ({
    position: '2',
    bookingDate: calendarDate('2011-09-16'),
    valueDate: null,
    amountCents: cents(amount),
    currency: 'EUR',
    counterpartyName: null,
    counterpartyIban: null,
    remittanceText: null,
    structuredReferences: [],
    bankReferences: {},
    transactionCode: null,
    isReversal: false,
    returnReason: null,
  }));

  it('gives the difference of a statement that does not balance', () => {
    // The akretion sample: 0,08 − 2 000,00 ≠ 11 871,14, off by 13 871,06.
    const figures = statementFigures(
      statement({
        opening: balanceOn('2011-09-16', 8),
        closing: balanceOn('2011-09-16', 1_187_114),
        lines,
      }),
    );

    expect(figures).toMatchObject({
      movementsCents: -200_000,
      balanced: false,
      differenceCents: 1_387_106,
    });
  });

  it('gives 0 for one that balances, and null for one without balances to check', () => {
    const opening = balanceOn('2011-09-16', 200_000);

    expect(
      statementFigures(statement({ opening, closing: balanceOn('2011-09-16', 0), lines })),
    ).toMatchObject({ balanced: true, differenceCents: 0 });
    expect(statementFigures(statement({ lines }))).toMatchObject({
      movementsCents: -200_000,
      balanced: null,
      differenceCents: null,
    });
  });
});
