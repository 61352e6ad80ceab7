/**
 * `encaisse disputes open|list|resolve` (issue 10, docs/disputes.md « CLI »): for scripts and
 * our checks, on the same use cases as the API. Invoices are named by their numbers, a
 * dispute by its id or its reference (`LIT-000123`); amounts are decimals (`120.50`,
 * `120,50`) read digit by digit (`parseAmount`).
 */
import { registerDisputeReportCommand } from './dispute-report.ts';
import type { Command } from 'commander';
import { z } from 'zod';
import type { CalendarDate } from '../../shared/calendar-date.ts';
import { formatDate } from '../../shared/calendar-date.ts';
import {
  DomainError,
  InvalidError,
  NotFoundError,
  fieldIssue,
  invalidField,
} from '../../shared/errors.ts';
import type { Language } from '../../shared/language.ts';
import { findMessage, type CliOutputWord } from '../../shared/messages/catalogue.ts';
import { cents, formatMoney, parseAmount, parseCurrencyCode } from '../../shared/money.ts';
import { ZId } from '../../shared/schemas.ts';
import { helpWords } from '../localized-command.ts';
import { parseOptions } from '../options.ts';
import { outputWords, printJson, printTable } from '../output.ts';
import { withCompany, type GlobalOptions } from '../runtime.ts';

const STATUSES = ['open', 'waiting_department', 'waiting_customer', 'resolved'] as const;
const OUTCOMES = ['justified', 'rejected', 'corrected'] as const;

const ZOpenOptions = z.object({
  invoice: z.array(z.string().trim().min(1)).min(1).max(100),
  amount: z.string().optional(),
  cause: z.string().trim().min(1),
  department: z.string().trim().min(1).optional(),
  description: z.string().optional(),
  json: z.boolean().optional(),
});
const ZListOptions = z.object({
  status: z.enum(STATUSES).optional(),
  json: z.boolean().optional(),
});
const ZResolveOptions = z.object({
  outcome: z.enum(OUTCOMES),
  creditNote: z.enum(['issued', 'to_issue']).optional(),
  note: z.string().optional(),
  json: z.boolean().optional(),
});

const STATUS_WORDS: Readonly<Record<(typeof STATUSES)[number], CliOutputWord>> = {
  open: 'disputeStatusOpen',
  waiting_department: 'disputeStatusWaitingDepartment',
  waiting_customer: 'disputeStatusWaitingCustomer',
  resolved: 'disputeStatusResolved',
};
const OUTCOME_WORDS: Readonly<Record<string, CliOutputWord>> = {
  justified: 'disputeOutcomeJustified',
  rejected: 'disputeOutcomeRejected',
  corrected: 'disputeOutcomeCorrected',
  paid: 'disputeOutcomePaid',
};

function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

function money(amount: number, currency: string, language: Language): string {
  const code = parseCurrencyCode(currency);
  return code === undefined ? String(amount) : formatMoney(cents(amount), code, language);
}

const REFERENCE = /^LIT-\d{6}$/i;

/** `encaisse disputes …`, registered on `program` in the CLI's `language`. */
export function registerDisputeCommands(program: Command, language: Language): void {
  const help = helpWords(language);
  const say = outputWords(language);
  const disputes = program.command('disputes').description(help('disputes'));
  registerDisputeReportCommand(disputes, language);
  disputes
    .command('open')
    .description(help('disputesOpen'))
    .option('--invoice <number>', help('disputesInvoice'), collect)
    .option('--amount <amount>', help('disputesAmount'))
    .requiredOption('--cause <cause>', help('disputesCause'))
    .option('--department <code>', help('disputesDepartment'))
    .option('--description <text>', help('disputesDescription'))
    .option('--json', help('json'))
    .action(async (raw: unknown, command: Command) => {
      const options = parseOptions(ZOpenOptions, raw, language);
      if (options.amount !== undefined && options.invoice.length > 1) {
        throw invalidField('amount', 'dispute_amount_one_invoice');
      }
      const { listInvoicesByNumbers } = await import('../../ledger/service.ts');
      const { openDisputeDetail } = await import('../../disputes/manage.ts');
      const { listDepartments } = await import('../../disputes/configuration.ts');
      const { presentDisputeDetail } = await import('../../disputes/present.ts');
      const detail = await withCompany(
        command.optsWithGlobals<GlobalOptions>(),
        async ({ deps, ctx }) => {
          const found = await listInvoicesByNumbers(deps.db, ctx, options.invoice);
          const invoices = options.invoice.map((number) => {
            const invoice = found.find((candidate) => candidate.number === number);
            if (invoice === undefined) {
              throw new NotFoundError('invoice', number);
            }
            return invoice;
          });
          let disputedCents: number | undefined;
          if (options.amount !== undefined) {
            const parsed = parseAmount(options.amount);
            if (!parsed.ok) {
              throw new InvalidError('dispute_refused', {}, [
                fieldIssue('amount', 'dispute_amount_not_positive'),
              ]);
            }
            disputedCents = parsed.value;
          }
          let departmentId: string | undefined;
          if (options.department !== undefined) {
            const code = options.department;
            departmentId = (await listDepartments(deps, ctx)).find((d) => d.code === code)?.id;
            if (departmentId === undefined) {
              throw new InvalidError('dispute_refused', {}, [
                fieldIssue('department', 'dispute_department_unknown', { key: code }),
              ]);
            }
          }
          return openDisputeDetail(deps, ctx, {
            invoices: invoices.map((invoice) => ({ invoiceId: invoice.id, disputedCents })),
            cause: options.cause,
            description: options.description,
            departmentId,
          });
        },
      );
      const presented = presentDisputeDetail(detail, language);
      if (options.json) {
        printJson(presented);
        return;
      }
      process.stdout.write(
        `${say('disputeOpened', {
          reference: presented.reference,
          amount: money(presented.heldBackCents, presented.currency, language),
        })}\n`,
      );
    });
  disputes
    .command('list')
    .description(help('disputesList'))
    .option('--status <status>', help('disputesStatus'))
    .option('--json', help('json'))
    .action(async (raw: unknown, command: Command) => {
      const options = parseOptions(ZListOptions, raw, language);
      const { listDisputes } = await import('../../disputes/read.ts');
      const { presentDisputeSummary } = await import('../../disputes/present.ts');
      const views = await withCompany(command.optsWithGlobals<GlobalOptions>(), ({ deps, ctx }) =>
        listDisputes(deps, ctx, {
          statuses: options.status === undefined ? undefined : [options.status],
          limit: 500,
        }),
      );
      const items = views.map(presentDisputeSummary);
      if (options.json) {
        printJson({ items });
        return;
      }
      printTable(
        [
          say('columnReference'),
          say('columnCustomer'),
          say('columnDisputeCause'),
          say('columnDisputed'),
          say('columnDisputeStatus'),
          say('columnDeadline'),
        ],
        items.map((item) => [
          item.reference,
          item.customer.code,
          findMessage(language, `dispute_cause_${item.cause}`) ?? item.cause,
          money(item.amountCents, item.currency, language),
          say(STATUS_WORDS[item.status]),
          formatDate(item.deadline as CalendarDate, language),
        ]),
      );
      process.stdout.write(`${say('disputesShown', { count: items.length })}\n`);
    });
  disputes
    .command('resolve <dispute>')
    .description(help('disputesResolve'))
    .requiredOption('--outcome <outcome>', help('disputesOutcome'))
    .option('--credit-note <state>', help('disputesCreditNote'))
    .option('--note <text>', help('disputesNote'))
    .option('--json', help('json'))
    .action(async (key: string, raw: unknown, command: Command) => {
      const options = parseOptions(ZResolveOptions, raw, language);
      const { resolveDispute } = await import('../../disputes/manage.ts');
      const { listDisputes } = await import('../../disputes/read.ts');
      const { presentDisputeDetail } = await import('../../disputes/present.ts');
      const detail = await withCompany(
        command.optsWithGlobals<GlobalOptions>(),
        async ({ deps, ctx }) => {
          let id = key;
          if (REFERENCE.test(key)) {
            const [match] = await listDisputes(deps, ctx, {
              reference: key.toUpperCase(),
              limit: 1,
            });
            id = match?.dispute.id ?? '';
          }
          if (!ZId.safeParse(id).success) {
            throw new DomainError('not_found', 'dispute_not_found', { key });
          }
          return resolveDispute(deps, ctx, id, {
            outcome: options.outcome,
            creditNote: options.creditNote,
            note: options.note,
          });
        },
      );
      const presented = presentDisputeDetail(detail, language);
      if (options.json) {
        printJson(presented);
        return;
      }
      process.stdout.write(
        `${say('disputeResolved', {
          reference: presented.reference,
          outcome: say(OUTCOME_WORDS[presented.outcome ?? ''] ?? 'disputeOutcomeRejected'),
        })}\n`,
      );
    });
}
