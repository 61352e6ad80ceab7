import type { Command } from 'commander';
import { z } from 'zod';
import { ZListCustomersQuery } from '../../customers/schemas.ts';
import { listCustomers } from '../../customers/service.ts';
import { listInvoices } from '../../ledger/service.ts';
import { ZListInvoicesQuery } from '../../ledger/schemas.ts';
import { normalizeCustomerCode } from '../../customers/model.ts';
import { findCustomerIdsByCodes } from '../../customers/service.ts';
import { formatDate, type CalendarDate } from '../../shared/calendar-date.ts';
import { NotFoundError } from '../../shared/errors.ts';
import { formatMoney, type Cents, type CurrencyCode } from '../../shared/money.ts';
import { dateArgument, DATE_OPTION_FORMS, parseOptions } from '../options.ts';
import { printJson, printTable } from '../output.ts';
import { withCompany, type GlobalOptions } from '../runtime.ts';

const money = (amount: number, currency: string) =>
  formatMoney(amount as Cents, currency as CurrencyCode);
const NOT_A_LIMIT = 'expected a whole number of rows, 1 or more';
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

export function registerListCommands(program: Command): void {
  program
    .command('customers')
    .description('Customer accounts')
    .command('list')
    .description('List customers with their open and overdue amounts')
    .option('--search <text>', 'code, name or SIREN contains')
    .option('--status <status>', 'prospect, active, on_hold, in_litigation, closed')
    .option(
      '--sort <column>',
      'code, legal_name, open_amount, overdue_amount, oldest_overdue_days',
      'code',
    )
    .option('--order <order>', 'asc or desc', 'asc')
    .option('--limit <n>', 'at most this many rows (default: all)')
    .option('--json', 'print JSON (amounts in minor units)')
    .action(async (raw: Record<string, unknown>, command: Command) => {
      const { limit, json, ...filters } = parseOptions(
        ZListCustomersQuery.omit({ page: true, pageSize: true }).extend({
          limit: limitOption,
          json: z.boolean().optional(),
        }),
        raw,
      );
      await withCompany(command.optsWithGlobals<GlobalOptions>(), async ({ deps, ctx }) => {
        const result = await collectAll(limit, (page, pageSize) =>
          listCustomers(deps, ctx, { ...filters, page, pageSize }),
        );
        if (json) {
          printJson(result);
          return;
        }
        printTable(
          ['Code', 'Raison sociale', 'Statut', 'Encours', 'Échu', 'Retard max'],
          result.items.map((c) => [
            c.code,
            c.legalName,
            c.status,
            money(c.openAmount, c.currency),
            money(c.overdueAmount, c.currency),
            c.oldestOverdueDays === null ? '' : `${c.oldestOverdueDays} j`,
          ]),
        );
        console.log(`${result.items.length} of ${result.total} customers`);
      });
    });

  program
    .command('invoices')
    .description('Invoices and credit notes')
    .command('list')
    .description('List invoices and credit notes')
    .option('--customer <code>', 'only this customer (its code)')
    .option('--status <status>', 'open, partially_paid, paid, unpaid, overdue')
    .option('--kind <kind>', 'invoice or credit_note')
    .option(
      '--issued-from <date>',
      `issued on or after this date (${DATE_OPTION_FORMS})`,
      dateArgument,
    )
    .option(
      '--issued-to <date>',
      `issued on or before this date (${DATE_OPTION_FORMS})`,
      dateArgument,
    )
    .option('--due-from <date>', `due on or after this date (${DATE_OPTION_FORMS})`, dateArgument)
    .option('--due-to <date>', `due on or before this date (${DATE_OPTION_FORMS})`, dateArgument)
    .option('--sort <column>', 'due_date, issue_date, number, amount, open_amount', 'due_date')
    .option('--order <order>', 'asc or desc', 'asc')
    .option('--limit <n>', 'at most this many rows (default: all)')
    .option('--json', 'print JSON (amounts in minor units)')
    .action(async (raw: Record<string, unknown>, command: Command) => {
      const { limit, json, customer, ...filters } = parseOptions(
        ZListInvoicesQuery.omit({ page: true, pageSize: true, customerId: true }).extend({
          customer: z.string().optional(),
          limit: limitOption,
          json: z.boolean().optional(),
        }),
        raw,
      );
      await withCompany(command.optsWithGlobals<GlobalOptions>(), async ({ deps, ctx }) => {
        let customerId: string | undefined;
        if (customer !== undefined) {
          const code = normalizeCustomerCode(customer);
          customerId = (await findCustomerIdsByCodes(deps.db, ctx, [code])).get(code)?.id;
          if (customerId === undefined) {
            throw new NotFoundError('Customer', customer);
          }
        }
        const result = await collectAll(limit, (page, pageSize) =>
          listInvoices(deps, ctx, { ...filters, customerId, page, pageSize }),
        );
        if (json) {
          printJson(result);
          return;
        }
        printTable(
          ['Numéro', 'Client', 'Émise', 'Échéance', 'Montant', 'Reste dû', 'Retard'],
          result.items.map((i) => [
            i.kind === 'credit_note' ? `${i.number} (avoir)` : i.number,
            i.customerCode,
            formatDate(i.issueDate as CalendarDate),
            formatDate(i.dueDate as CalendarDate),
            money(i.amount, i.currency),
            money(i.openAmount, i.currency),
            i.daysLate > 0 ? `${i.daysLate} j` : '',
          ]),
        );
        console.log(`${result.items.length} of ${result.total} invoices`);
      });
    });
}
