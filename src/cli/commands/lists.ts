import type { Command } from 'commander';
import { z } from 'zod';
import { getUserByEmail } from '../../auth/service.ts';
import { ZListCustomersQuery } from '../../customers/schemas.ts';
import { listCustomers, summarizeCustomers } from '../../customers/service.ts';
import { listInvoices, summarizeInvoices } from '../../ledger/invoice-lists.ts';
import { ZListInvoicesQuery } from '../../ledger/schemas.ts';
import { normalizeCustomerCode } from '../../shared/identifiers.ts';
import { findCustomerIdsByCodes } from '../../customers/service.ts';
import { formatDate, type CalendarDate } from '../../shared/calendar-date.ts';
import { NotFoundError } from '../../shared/errors.ts';
import { formatMoney, type Cents, type CurrencyCode } from '../../shared/money.ts';
import { helpWords } from '../localized-command.ts';
import { dateArgument, parseOptions } from '../options.ts';
import { numberColumn, printJson, printTable } from '../output.ts';
import { withCompany, type GlobalOptions } from '../runtime.ts';
import type { Language } from '../../shared/language.ts';
import {
  cliWord,
  vocabularyWord,
  type CliWord,
  type MessageParams,
} from '../../shared/messages/catalogue.ts';

/** The words and amounts of one command's output, all in its language (`--lang`). */
function speaker(language: Language) {
  return {
    say: (key: CliWord, params?: MessageParams) => cliWord(language, key, params),
    money: (amount: number, currency: string) =>
      formatMoney(amount as Cents, currency as CurrencyCode, language),
  };
}
// A catalogue code: parseOptions says it in the command's language.
const NOT_A_LIMIT = 'row_limit';
const limitOption = z.coerce
  .number({ error: NOT_A_LIMIT })
  .int({ error: NOT_A_LIMIT })
  .min(1, { error: NOT_A_LIMIT })
  .optional();

/** Every page of a listing: the CLI returns every matching row unless `--limit` is given. */
async function collectAll<T>(
  limit: number | undefined,
  fetchPage: (page: number, size: number) => Promise<{ items: T[]; total: number }>,
) {
  const size = limit === undefined ? 500 : Math.min(limit, 500);
  const items: T[] = [];
  let total = 0;
  for (let page = 1; ; page += 1) {
    const result = await fetchPage(page, size);
    total = result.total;
    items.push(...result.items);
    if (result.items.length < size || (limit !== undefined && items.length >= limit)) {
      break;
    }
  }
  return { items: limit === undefined ? items : items.slice(0, limit), total };
}

export function registerListCommands(program: Command, language: Language): void {
  const help = helpWords(language);
  const { say, money } = speaker(language);
  const date = dateArgument(language);
  program
    .command('customers')
    .description(help('customers'))
    .command('list')
    .description(help('customersList'))
    .option('--search <text>', help('customersSearch'))
    .option('--status <status>', help('customersStatus'))
    .option('--collector <email>', help('customersCollector'))
    .option('--sort <column>', help('customersSort'), 'code')
    .option('--order <order>', help('order'), 'asc')
    .option('--limit <n>', help('limit'))
    .option('--json', help('jsonAmounts'))
    .action(async (raw: Record<string, unknown>, command: Command) => {
      const { limit, json, collector, ...filters } = parseOptions(
        ZListCustomersQuery.omit({ page: true, pageSize: true, collectorId: true }).extend({
          collector: z.string().trim().min(1).optional(),
          limit: limitOption,
          json: z.boolean().optional(),
        }),
        raw,
        language,
      );
      await withCompany(command.optsWithGlobals<GlobalOptions>(), async ({ deps, ctx }) => {
        let collectorId: string | undefined;
        if (collector !== undefined) {
          collectorId = (await getUserByEmail(deps, ctx, collector)).id;
        }
        const rows = await collectAll(limit, (page, pageSize) =>
          listCustomers(deps, ctx, { ...filters, collectorId, page, pageSize }),
        );
        // The totals of every matching row, not only those printed (--limit).
        const { totals } = await summarizeCustomers(deps, ctx, { ...filters, collectorId });
        const result = { ...rows, totals };
        if (json) {
          printJson(result);
          return;
        }
        printTable(
          [
            say('columnCode'),
            say('columnLegalName'),
            say('columnStatus'),
            numberColumn(say('columnBalance')),
            numberColumn(say('columnOverdue')),
            numberColumn(say('columnOldestOverdue')),
          ],
          result.items.map((c) => [
            c.code,
            c.legalName,
            vocabularyWord(language, 'customerStatus', c.status),
            money(c.openAmount, c.currency),
            money(c.overdueAmount, c.currency),
            c.oldestOverdueDays === null ? '' : say('days', { count: c.oldestOverdueDays }),
          ]),
        );
        console.log(say('customersShown', { shown: result.items.length, count: result.total }));
        // Encours = open invoices − open credit notes − unapplied payments (docs/formulas.md).
        for (const line of result.totals) {
          console.log(
            say('customerTotals', {
              currency: line.currency,
              balance: money(line.openAmount, line.currency),
              overdue: money(line.overdueAmount, line.currency),
              count: line.customerCount,
            }),
          );
        }
      });
    });

  program
    .command('invoices')
    .description(help('invoices'))
    .command('list')
    .description(help('invoicesList'))
    .option('--customer <code>', help('invoicesCustomer'))
    .option('--search <text>', help('invoicesSearch'))
    .option('--status <status>', help('invoicesStatus'))
    .option('--kind <kind>', help('invoicesKind'))
    .option('--issued-from <date>', help('invoicesIssuedFrom'), date)
    .option('--issued-to <date>', help('invoicesIssuedTo'), date)
    .option('--due-from <date>', help('invoicesDueFrom'), date)
    .option('--due-to <date>', help('invoicesDueTo'), date)
    .option('--sort <column>', help('invoicesSort'), 'due_date')
    .option('--order <order>', help('order'), 'asc')
    .option('--limit <n>', help('limit'))
    .option('--json', help('jsonAmounts'))
    .action(async (raw: Record<string, unknown>, command: Command) => {
      const { limit, json, customer, ...filters } = parseOptions(
        ZListInvoicesQuery.omit({ page: true, pageSize: true, customerId: true }).extend({
          customer: z.string().optional(),
          limit: limitOption,
          json: z.boolean().optional(),
        }),
        raw,
        language,
      );
      await withCompany(command.optsWithGlobals<GlobalOptions>(), async ({ deps, ctx }) => {
        let customerId: string | undefined;
        if (customer !== undefined) {
          const code = normalizeCustomerCode(customer);
          customerId = (await findCustomerIdsByCodes(deps.db, ctx, [code])).get(code)?.id;
          if (customerId === undefined) {
            throw new NotFoundError('customer', customer);
          }
        }
        const result = await collectAll(limit, (page, pageSize) =>
          listInvoices(deps, ctx, { ...filters, customerId, page, pageSize }),
        );
        // The totals of every matching row, not only those printed (--limit).
        const { totals } = await summarizeInvoices(deps, ctx, { ...filters, customerId });
        if (json) {
          printJson({ ...result, totals });
          return;
        }
        const signed = (i: { kind: string }, amount: number) =>
          i.kind === 'credit_note' ? -amount : amount;
        printTable(
          [
            say('columnNumber'),
            say('columnCustomer'),
            say('columnIssued'),
            say('columnDue'),
            numberColumn(say('columnAmount')),
            numberColumn(say('columnOpen')),
            numberColumn(say('columnOverdue')),
            numberColumn(say('columnDaysLate')),
          ],
          [
            ...result.items.map((i) => [
              i.kind === 'credit_note' ? say('creditNote', { number: i.number }) : i.number,
              i.customerCode,
              formatDate(i.issueDate as CalendarDate, language),
              formatDate(i.dueDate as CalendarDate, language),
              money(signed(i, i.amount), i.currency),
              money(signed(i, i.openAmount), i.currency),
              i.daysLate > 0 && i.kind === 'invoice' ? money(i.openAmount, i.currency) : '',
              i.daysLate > 0 ? say('days', { count: i.daysLate }) : '',
            ]),
            // The footer: every matching row, not only those printed (--limit).
            ...totals.map((total) => [
              say('total', { currency: total.currency }),
              say('documents', { count: total.count }),
              '',
              '',
              money(total.amount, total.currency),
              money(total.openAmount, total.currency),
              money(total.overdueAmount, total.currency),
              '',
            ]),
          ],
        );
        console.log(say('invoicesShown', { shown: result.items.length, count: result.total }));
      });
    });
}
