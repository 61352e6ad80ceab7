/**
 * `encaisse report payers [--as-of D] [--currency C] [--category A|B|C|D] [--thresholds
 * 5,15,30] [--limit N] [--customer CODE] [--json]`: the payer profiles of issue 11 as a table
 * for people, the worst payers first, or as the API answers them (`--json`, docs/cli.md,
 * docs/formulas.md « Payer profile »).
 */
import type { Command } from 'commander';
import { formatOneDecimal } from '../../reports/figure-text.ts';
import { z } from 'zod';
import { findCustomerIdsByCodes } from '../../customers/service.ts';
import type { PayerReport } from '../../reports/payer-report.ts';
import { PAYER_CATEGORIES, ZPayerThresholdList } from '../../reports/payer-schemas.ts';
import type { CalendarDate } from '../../shared/calendar-date.ts';
import { NotFoundError } from '../../shared/errors.ts';
import { normalizeCustomerCode } from '../../shared/identifiers.ts';
import type { Language } from '../../shared/language.ts';
import {
  messageOf,
  type MessageCode,
  type MessageParams,
} from '../../shared/messages/catalogue.ts';
import { ZCurrency } from '../../shared/schemas.ts';
import { helpWords } from '../localized-command.ts';
import { dateArgument, parseOptions } from '../options.ts';
import { numberColumn, printJson, printTable } from '../output.ts';
import { withCompany, type GlobalOptions } from '../runtime.ts';

/** `eur`, `b` as people type them: in capitals. */
const capitals = <T extends z.ZodType<unknown, string>>(schema: T) =>
  z.string().trim().toUpperCase().pipe(schema).optional();

const ZPayerOptions = z.object({
  asOf: z.string().optional(),
  currency: capitals(ZCurrency),
  category: capitals(z.enum(PAYER_CATEGORIES)),
  thresholds: ZPayerThresholdList.optional(),
  limit: z.coerce.number().int().min(1).max(1000).optional(),
  customer: z.string().trim().min(1).optional(),
  json: z.boolean().optional(),
});

/** The profiles as a table: the thresholds, the counts per currency, a line per row. */
function printPayers(report: PayerReport, language: Language): void {
  const say = (code: MessageCode, params?: MessageParams) => messageOf(language, code, params);
  const days = (value: number | null) =>
    value === null ? '—' : say('payer_days', { days: formatOneDecimal(value, language) });
  const share = (value: number | null) =>
    value === null ? '—' : say('payer_share', { share: formatOneDecimal(value, language) });
  const [a = 0, b = 0, c = 0] = report.thresholds;
  process.stdout.write(`${say('payer_title', { date: report.asOf, from: report.from })}\n`);
  process.stdout.write(`${say('payer_thresholds_line', { a, b, c })}\n`);
  for (const counts of report.categoryCounts) {
    process.stdout.write(`${say('payer_counts_line', counts)}\n`);
  }
  process.stdout.write('\n');
  if (report.rows.length === 0) {
    process.stdout.write(`${say('payer_nothing')}\n`);
    return;
  }
  printTable(
    [
      say('payer_column_code'),
      say('payer_column_name'),
      say('payer_column_currency'),
      numberColumn(say('payer_column_days_late')),
      numberColumn(say('payer_column_on_time_amount')),
      numberColumn(say('payer_column_on_time_count')),
      say('payer_column_category'),
      say('payer_column_trend'),
    ],
    report.rows.map((row) => [
      row.code,
      row.name,
      row.currency,
      days(row.weightedDaysLate),
      share(row.onTimeShareByAmount),
      share(row.onTimeShareByCount),
      row.category ?? '—',
      row.trend.map((point) => days(point.weightedDaysLate)).join(' · '),
    ]),
  );
  if (report.rows.length < report.rowCount) {
    process.stdout.write(
      `\n${say('payer_rows_shown', { count: report.rows.length, total: report.rowCount })}\n`,
    );
  }
}

/** `encaisse report payers`, under `report`. */
export function registerPayersCommand(report: Command, language: Language): void {
  const help = helpWords(language);
  const say = (code: MessageCode) => messageOf(language, code);
  report
    .command('payers')
    .description(say('payer_cli_help'))
    .option('--as-of <date>', say('payer_cli_as_of'), dateArgument(language))
    .option('--currency <code>', say('payer_cli_currency'))
    .option('--category <letter>', say('payer_cli_category'))
    .option('--thresholds <days>', say('payer_cli_thresholds'))
    .option('--limit <n>', say('payer_cli_limit'))
    .option('--customer <code>', say('payer_cli_customer'))
    .option('--json', help('json'))
    .action(async (raw: unknown, command: Command) => {
      const options = parseOptions(ZPayerOptions, raw, language);
      // Loaded here, as the other reports': the use case reaches the ledger's services.
      const { payerReport } = await import('../../reports/payer-report.ts');
      const result = await withCompany(
        command.optsWithGlobals<GlobalOptions>(),
        async ({ deps, ctx }) => {
          let customerIds: string[] | undefined;
          if (options.customer !== undefined) {
            const code = normalizeCustomerCode(options.customer);
            const id = (await findCustomerIdsByCodes(deps.db, ctx, [code])).get(code)?.id;
            if (id === undefined) {
              throw new NotFoundError('customer', options.customer);
            }
            customerIds = [id];
          }
          return payerReport(deps, ctx, {
            asOf: options.asOf as CalendarDate | undefined,
            currency: options.currency,
            category: options.category,
            thresholds: options.thresholds,
            limit: options.limit,
            customerIds,
          });
        },
      );
      if (options.json === true) {
        printJson(result);
        return;
      }
      printPayers(result, language);
    });
}
