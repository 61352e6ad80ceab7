import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { z } from 'zod';
import { findCustomerIdsByCodes } from '../../customers/service.ts';
import { listMessagePage, printLetterBatch, listLettersWaiting } from '../../jobs/messages.ts';
import type { MessageChannel, MessageStatus } from '../../jobs/model.ts';
import { ZMessageChannel, ZMessageStatus, type TMessageItem } from '../../jobs/schemas.ts';
import { formatDate, todayIn } from '../../shared/calendar-date.ts';
import { NotFoundError } from '../../shared/errors.ts';
import { normalizeCustomerCode } from '../../shared/identifiers.ts';
import type { Language } from '../../shared/language.ts';
import type { CliOutputWord } from '../../shared/messages/catalogue.ts';
import { helpWords } from '../localized-command.ts';
import { parseOptions } from '../options.ts';
import { outputWords, printJson, printTable } from '../output.ts';
import { withCompany, type GlobalOptions } from '../runtime.ts';

// A catalogue code: parseOptions says it in the command's language.
const NOT_A_LIMIT = 'row_limit';

const ZListOptions = z.object({
  customer: z.string().trim().min(1).optional(),
  status: ZMessageStatus.optional(),
  channel: ZMessageChannel.optional(),
  limit: z.coerce
    .number({ error: NOT_A_LIMIT })
    .int({ error: NOT_A_LIMIT })
    .min(1, { error: NOT_A_LIMIT })
    .optional(),
  json: z.boolean().optional(),
});

const ZPrintOptions = z.object({
  out: z.string().trim().min(1),
  json: z.boolean().optional(),
});

const STATUS_WORDS: Readonly<Record<MessageStatus, CliOutputWord>> = {
  queued: 'messageStatusQueued',
  sending: 'messageStatusSending',
  sent: 'messageStatusSent',
  failed: 'messageStatusFailed',
  bounced: 'messageStatusBounced',
};

const CHANNEL_WORDS: Readonly<Record<MessageChannel, CliOutputWord>> = {
  email: 'messageChannelEmail',
  sms: 'messageChannelSms',
  letter: 'messageChannelLetter',
};

/** The pages the CLI reads, as the API gives them; every message unless `--limit`. */
const PAGE = 200;

/**
 * `encaisse messages list`: the company's messages, newest first, as the messages view
 * shows them (docs/messages.md); `encaisse letters print --out FILE.pdf`: the print batch.
 */
export function registerMessageCommands(program: Command, language: Language): void {
  const help = helpWords(language);
  const say = outputWords(language);
  program
    .command('messages')
    .description(help('messages'))
    .command('list')
    .description(help('messagesList'))
    .option('--customer <code>', help('messagesCustomer'))
    .option('--status <status>', help('messagesStatus'))
    .option('--channel <channel>', help('messagesChannel'))
    .option('--limit <n>', help('messagesLimit'))
    .option('--json', help('json'))
    .action(async (raw: unknown, command: Command) => {
      const options = parseOptions(ZListOptions, raw, language);
      const { items, timeZone } = await withCompany(
        command.optsWithGlobals<GlobalOptions>(),
        async ({ deps, ctx, company }) => {
          let customerId: string | undefined;
          if (options.customer !== undefined) {
            const code = normalizeCustomerCode(options.customer);
            customerId = (await findCustomerIdsByCodes(deps.db, ctx, [code])).get(code)?.id;
            if (customerId === undefined) {
              throw new NotFoundError('customer', options.customer);
            }
          }
          const found: TMessageItem[] = [];
          let before: string | undefined;
          for (;;) {
            const wanted = options.limit === undefined ? PAGE : options.limit - found.length;
            const page = await listMessagePage(deps, ctx, {
              customerId,
              status: options.status,
              channel: options.channel,
              limit: Math.min(PAGE, wanted),
              before,
            });
            found.push(...page.items);
            if (page.nextCursor === null || found.length === options.limit) {
              break;
            }
            before = page.nextCursor;
          }
          return { items: found, timeZone: company.timeZone };
        },
      );
      if (options.json) {
        printJson({ items });
        return;
      }
      printTable(
        [
          say('columnCreated'),
          say('columnChannel'),
          say('columnRecipients'),
          say('columnSubject'),
          say('columnMessageStatus'),
          say('columnReason'),
        ],
        items.map((message) => [
          formatDate(todayIn(timeZone, new Date(message.createdAt)), language),
          say(CHANNEL_WORDS[message.channel]),
          message.recipients.join(', '),
          message.subject ?? '',
          say(STATUS_WORDS[message.status]),
          message.lastError ?? '',
        ]),
      );
      console.log(say('messagesShown', { count: items.length }));
    });

  program
    .command('letters')
    .description(help('letters'))
    .command('print')
    .description(help('lettersPrint'))
    .requiredOption('--out <file>', help('lettersOut'))
    .option('--json', help('json'))
    .action(async (raw: unknown, command: Command) => {
      const options = parseOptions(ZPrintOptions, raw, language);
      const batch = await withCompany(
        command.optsWithGlobals<GlobalOptions>(),
        async ({ deps, ctx }) => {
          // Nothing waiting is an answer, not an error: a cron may run this every day.
          const waiting = await listLettersWaiting(deps, ctx);
          if (waiting.count === 0) {
            return undefined;
          }
          // Refused before any letter is marked printed, should the file not be writable.
          writeFileSync(options.out, '');
          const made = await printLetterBatch(deps, ctx);
          writeFileSync(options.out, made.pdf);
          return made;
        },
      );
      if (options.json) {
        printJson({
          file: batch === undefined ? null : options.out,
          letters: batch?.letters ?? [],
          remaining: batch?.remaining ?? 0,
        });
        return;
      }
      console.log(
        batch === undefined
          ? say('lettersNone')
          : say('lettersPrinted', { count: batch.letters.length, file: options.out }),
      );
    });
}
