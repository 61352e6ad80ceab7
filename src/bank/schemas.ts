/**
 * The HTTP contract of bank statement imports (`POST /api/imports/bank`): the options as
 * query parameters, and the report as `importBankFile` gives it (service.ts).
 */
import { z } from 'zod';
import { ZQueryFlag } from '../imports/schemas.ts';
import { ZCalendarDate, ZProblemIssue } from '../shared/schemas.ts';

/** `POST /api/imports/bank`'s options: those of `encaisse import bank`. */
export const ZImportBankQuery = z.object({
  addAccount: ZQueryFlag.default(false).meta({
    description:
      'Register the accounts the company does not have yet, rather than refuse the file (needs `ledger:write`)',
  }),
  dryRun: ZQueryFlag.default(false).meta({ description: 'Read, check and count; save nothing' }),
});
export type TImportBankQuery = z.input<typeof ZImportBankQuery>;

/** A balance a statement states: booked on `date`, signed (a debit balance is negative). */
const ZStatedBalance = z.object({ date: ZCalendarDate, amountCents: z.number().int() });

/** One statement of the file, as the import stored it (or would have). */
export const ZBankStatementReport = z
  .looseObject({
    position: z.string().meta({
      description: 'Where it is in the file: the 01 record’s line (CFONB) or its XML path (camt)',
    }),
    account: z.string().meta({ description: 'The account as the statement names it' }),
    bankAccountId: z.string(),
    statementId: z.string().nullable(),
    currency: z.string(),
    opening: ZStatedBalance.nullable(),
    closing: ZStatedBalance.nullable(),
    movementsCents: z.number().int(),
    balanced: z.boolean().nullable().meta({
      description:
        '`false`: stored flagged, someone must look; `null`: the statement gives no balances to check',
    }),
    differenceCents: z
      .number()
      .int()
      .nullable()
      .meta({ description: 'closing − (opening + movements), when both balances are given' }),
    isNew: z.boolean().meta({ description: 'Stored now, rather than by an earlier import' }),
    lines: z.number().int(),
    linesNew: z.number().int(),
    linesKnown: z.number().int(),
  })
  .meta({ id: 'BankStatementReport' });
export type TBankStatementReport = z.infer<typeof ZBankStatementReport>;

/** An account the import registered (`addAccount`). */
const ZBankAccount = z.object({
  id: z.string(),
  name: z.string(),
  iban: z.string().nullable(),
  rib: z
    .object({ bankCode: z.string(), branchCode: z.string(), accountNumber: z.string() })
    .nullable(),
  currency: z.string(),
  createdAt: z.iso.datetime().meta({ description: 'An instant, ISO 8601 in UTC' }),
});

/**
 * What a bank statement import did (or, refused or a dry run, would have done). Open to
 * members the import reports beside these (what cash application matched), which pass
 * as they are.
 */
export const ZBankImportReport = z
  .looseObject({
    file: z.string(),
    format: z.enum(['camt053', 'camt054', 'cfonb120']).nullable(),
    dryRun: z.boolean(),
    committed: z.boolean().meta({ description: 'Whether anything was saved' }),
    statements: z.array(ZBankStatementReport),
    totals: z.object({
      statements: z.number().int(),
      statementsNew: z.number().int(),
      lines: z.number().int(),
      linesNew: z.number().int(),
      linesKnown: z.number().int(),
      unbalanced: z.number().int(),
    }),
    accountsAdded: z.array(ZBankAccount),
    errors: z.array(ZProblemIssue).meta({
      description:
        'Why the file is refused (nothing is saved): the reader’s issues, an unknown account…',
    }),
    notices: z.array(ZProblemIssue),
  })
  .meta({ id: 'BankImportReport' });
export type TBankImportReport = z.infer<typeof ZBankImportReport>;
