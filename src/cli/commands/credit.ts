/**
 * `encaisse credit check` (issue 12, docs/credit.md « The credit check »): « may I ship this
 * order? » from a script or the ERP's batch, on the same use case as `POST /api/credit-check`.
 * Exit 0 when accepted, **10 when held** (the reasons on stdout), the usual codes otherwise
 * (2 bad input, 4 unknown customer). Amounts are decimals (`1234.56`, `1 234,56`).
 * `encaisse credit review`: the daily review on demand (docs/credit.md « The daily review »).
 */
import type { Command } from 'commander';
import { z } from 'zod';
import { fieldIssue, InvalidError } from '../../shared/errors.ts';
import type { Language } from '../../shared/language.ts';
import { findMessage } from '../../shared/messages/catalogue.ts';
import { cents, formatMoney, parseAmount, parseCurrencyCode } from '../../shared/money.ts';
import { helpWords } from '../localized-command.ts';
import { parseOptions } from '../options.ts';
import { outputWords, printJson } from '../output.ts';
import { withCompany, type GlobalOptions } from '../runtime.ts';
import { registerCreditScreenCommands } from './credit-screen.ts';

/** The exit code of a held order: not an error of the command, an answer. */
export const CREDIT_HOLD_EXIT_CODE = 10;

const ZCheckOptions = z.object({
  customer: z.string().trim().min(1),
  amount: z.string(),
  currency: z
    .string()
    .regex(/^[A-Za-z]{3}$/)
    .transform((code) => code.toUpperCase())
    .optional(),
  order: z.string().optional(),
  json: z.boolean().optional(),
});

const ZReviewOptions = z.object({ json: z.boolean().optional() });

/** `encaisse credit …`, registered on `program` in the CLI's `language`. */
export function registerCreditCommands(program: Command, language: Language): void {
  const help = helpWords(language);
  const say = outputWords(language);
  const credit = program.command('credit').description(help('credit'));
  credit
    .command('check')
    .description(help('creditCheck'))
    .requiredOption('--customer <code>', help('creditCustomer'))
    .requiredOption('--amount <amount>', help('creditAmount'))
    .option('--currency <code>', help('creditCurrency'))
    .option('--order <number>', help('creditOrder'))
    .option('--json', help('json'))
    .action(async (raw: unknown, command: Command) => {
      const options = parseOptions(ZCheckOptions, raw, language);
      const amount = parseAmount(options.amount);
      if (!amount.ok || amount.value <= 0) {
        throw new InvalidError('order_refused', {}, [
          fieldIssue('amount', 'order_amount_not_positive'),
        ]);
      }
      const { checkCreditForOrder } = await import('../../credit/check.ts');
      const answer = await withCompany(command.optsWithGlobals<GlobalOptions>(), ({ deps, ctx }) =>
        checkCreditForOrder(deps, ctx, {
          customer: { code: options.customer.toUpperCase() },
          amountCents: amount.value,
          currency: options.currency,
          orderNumber: options.order,
        }),
      );
      process.exitCode = answer.decision === 'accept' ? 0 : CREDIT_HOLD_EXIT_CODE;
      if (options.json) {
        printJson(answer);
        return;
      }
      const code = parseCurrencyCode(answer.currency);
      const money = (value: number | null) =>
        value === null || code === undefined ? '—' : formatMoney(cents(value), code, language);
      const reasons = answer.reasons
        .map((reason) => findMessage(language, `credit_hold_${reason}`, {}) ?? reason)
        .join(' ; ');
      process.stdout.write(
        `${say(answer.decision === 'accept' ? 'creditAccepted' : 'creditHeld', {
          customer: answer.customer.code,
          exposure: money(answer.exposureAfterCents),
          limit: money(answer.limitCents),
          available: money(answer.availableCents),
          reasons,
        })}\n`,
      );
    });
  credit
    .command('review')
    .description(help('creditReview'))
    .option('--json', help('json'))
    .action(async (raw: unknown, command: Command) => {
      const options = parseOptions(ZReviewOptions, raw, language);
      const { reviewCreditExposures } = await import('../../credit/review-run.ts');
      const report = await withCompany(command.optsWithGlobals<GlobalOptions>(), ({ deps, ctx }) =>
        reviewCreditExposures(deps, ctx),
      );
      if (options.json) {
        printJson(report);
        return;
      }
      process.stdout.write(`${say('creditReviewed', report)}\n`);
    });
  registerCreditScreenCommands(credit, language);
}
