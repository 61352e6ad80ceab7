import { basename } from 'node:path';
import type { Command } from 'commander';
import { z } from 'zod';
import type { FecProgress } from '../../imports/fec/apply-fec.ts';
import {
  importFec,
  importFile,
  type FecImportReport,
  type ImportReport,
} from '../../imports/service.ts';
import { parseMappingOption, type CanonicalKind } from '../../imports/table/column-mapping.ts';
import { isTextEncodingName, type TextEncodingName } from '../../imports/decode-text.ts';
import { MAX_IMPORT_FILE_BYTES } from '../../imports/table/limits.ts';
import { fileTooLargeParams } from '../../imports/table/read-table.ts';
import { InvalidError, invalidField, issueMessage } from '../../shared/errors.ts';
import type { Language } from '../../shared/language.ts';
import {
  importReportWord,
  labelled,
  messageOf,
  type ImportReportWord,
  type MessageParams,
} from '../../shared/messages/catalogue.ts';
import { MAX_PAYMENT_TERM_DAYS } from '../../shared/payment-terms.ts';
import { helpWords } from '../localized-command.ts';
import { parseOptions } from '../options.ts';
import { numberColumn, printJson, printTable } from '../output.ts';
import { readInputFile } from '../read-input.ts';
import { withCompany, type GlobalOptions } from '../runtime.ts';

type ImportFlags = {
  dryRun?: boolean;
  json?: boolean;
  partial?: boolean;
  encoding?: string;
  map?: string;
};

/** Exit codes of an import: 0 all saved, 2 refused (nothing saved), 3 saved except the rejected lines. */
export function importExitCode(report: Pick<ImportReport, 'errors' | 'committed'>): number {
  if (report.errors.length === 0) {
    return 0;
  }
  return report.committed ? 3 : 2;
}

function printReport(report: ImportReport, language: Language): void {
  const say = (key: ImportReportWord, params?: MessageParams) =>
    importReportWord(language, key, params);
  const verdict = say(report.committed ? 'saved' : report.dryRun ? 'dryRun' : 'refused');
  // Counts of an import that saved nothing say what it would have done; a file
  // refused as a whole (its encoding, a missing column) has none to give.
  const counts = say('counts', {
    created: say('created', { count: report.created }),
    updated: say('updated', { count: report.updated }),
    unchanged: say('unchanged', { count: report.unchanged }),
    rejected: say('rejected', { count: report.rejected }),
  });
  const isFileRefused = !report.committed && report.rows === 0 && report.errors.length > 0;
  console.log(
    isFileRefused
      ? say('fileRefused', { file: report.file, verdict })
      : say('summary', {
          file: report.file,
          count: report.rows,
          counts: report.committed ? counts : say('wouldBe', { counts }),
          verdict,
        }),
  );
  if (report.orders !== undefined && !isFileRefused) {
    console.log(
      say('creditChecked', {
        validated: say('validated', { count: report.orders.validated }),
        held: say('held', { count: report.orders.held }),
      }),
    );
  }
  printIssues(report, language);
}

/**
 * The refused lines of an import on stderr, its notices on stdout, and, when lines
 * refused the file, how to go on.
 */
function printIssues(
  report: Pick<ImportReport, 'errors' | 'notices' | 'committed' | 'dryRun' | 'rejected'>,
  language: Language,
): void {
  const say = (key: ImportReportWord, params?: MessageParams) =>
    importReportWord(language, key, params);
  for (const issue of report.errors) {
    // Parse messages may already name their column ("siren: …"); service messages may not.
    const where = issue.line === undefined ? say('file') : say('line', { line: issue.line });
    const text = issueMessage(language, issue);
    const message = isNamedBy(text, issue.field) ? text : labelled(language, issue.field, text);
    console.error(say('issue', { where, message }));
  }
  for (const notice of report.notices) {
    console.log(say('note', { message: issueMessage(language, notice) }));
  }
  if (!report.committed && !report.dryRun && report.rejected > 0) {
    console.error(say('fixLines'));
  }
}

/** What a FEC import did: its lines, a table of what it did by kind, its issues. */
function printFecReport(report: FecImportReport, language: Language): void {
  const verdict = importReportWord(
    language,
    report.committed ? 'saved' : report.dryRun ? 'dryRun' : 'refused',
  );
  if (report.format === null) {
    console.log(importReportWord(language, 'fileRefused', { file: report.file, verdict }));
  } else {
    console.log(
      messageOf(language, 'fec_report_summary', {
        file: report.file,
        lines: report.lines,
        rejected: report.rejected,
        verdict,
      }),
    );
    const number = new Intl.NumberFormat(language);
    const kinds = [
      ['fec_report_customers', report.customers],
      ['fec_report_invoices', report.invoices],
      ['fec_report_credit_notes', report.creditNotes],
      ['fec_report_payments', report.payments],
      ['fec_report_allocations', report.allocations],
    ] as const;
    printTable(
      [
        messageOf(language, 'fec_report_heading_item'),
        numberColumn(messageOf(language, 'fec_report_heading_created')),
        numberColumn(messageOf(language, 'fec_report_heading_updated')),
        numberColumn(messageOf(language, 'fec_report_heading_unchanged')),
      ],
      kinds.map(([label, counts]) => [
        messageOf(language, label),
        number.format(counts.created),
        number.format(counts.updated),
        number.format(counts.unchanged),
      ]),
    );
  }
  printIssues(report, language);
}

/**
 * The progress of a FEC import on stderr: nothing for a file done within a second, then
 * in a terminal one line rewritten at most twice a second, elsewhere (a log) a line
 * every 5 seconds; the last item processed ends it.
 */
function printFecProgress(file: string, language: Language): (progress: FecProgress) => void {
  const isTerminal = process.stderr.isTTY;
  const interval = isTerminal ? 500 : 5000;
  const started = performance.now();
  let printed = 0;
  let isEnded = false;
  return ({ done, count }) => {
    const now = performance.now();
    const isLast = done === count;
    if (isEnded || now - started < 1000 || (now - printed < interval && !isLast)) {
      return;
    }
    printed = now;
    isEnded = isLast;
    const line = messageOf(language, 'fec_progress', { file, done, total: count });
    process.stderr.write(isTerminal ? `\r${line}${isLast ? '\n' : ''}` : `${line}\n`);
  };
}

/** A list option (`411,416`): its items, trimmed, at least one. */
const ZList = z
  .string()
  .transform((text) =>
    text
      .split(',')
      .map((item) => item.trim())
      .filter((item) => item !== ''),
  )
  .pipe(z.array(z.string()).min(1));

const ZFecFlags = z.object({
  receivableAccounts: ZList.optional(),
  salesJournals: ZList.optional(),
  decimalPoint: z.boolean().optional(),
  defaultTermsDays: z.coerce.number().int().min(0).max(MAX_PAYMENT_TERM_DAYS).optional(),
  dryRun: z.boolean().optional(),
  partial: z.boolean().optional(),
  json: z.boolean().optional(),
});

/** Whether a message starts by naming `field` (`siren: …`, or `siren : …` in French). */
function isNamedBy(message: string, field: string): boolean {
  return message.startsWith(`${field}:`) || message.startsWith(`${field} :`);
}

export function registerImportCommands(program: Command, language: Language): void {
  const help = helpWords(language);
  const importCommand = program.command('import').description(help('import'));
  for (const kind of [
    'customers',
    'invoices',
    'payments',
    'orders',
  ] as const satisfies readonly CanonicalKind[]) {
    importCommand
      .command(kind)
      .description(help(`import_${kind}`))
      .argument('<file>', help('importFile'))
      .option('--dry-run', help('importDryRun'))
      .option('--partial', help('importPartial'))
      .option('--encoding <name>', help('importEncoding'))
      .option('--map <mapping>', help('importMap'))
      .option('--json', help('importJson'))
      .action(async (file: string, flags: ImportFlags, command: Command) => {
        if (flags.encoding !== undefined && !isTextEncodingName(flags.encoding)) {
          throw invalidField('encoding', 'unknown_encoding', { encoding: flags.encoding });
        }
        const mapping = flags.map === undefined ? undefined : parseMappingOption(flags.map);
        if (mapping !== undefined && !mapping.ok) {
          throw new InvalidError('mapping_invalid', {}, mapping.issues);
        }
        const bytes = await readInputFile(file, MAX_IMPORT_FILE_BYTES, fileTooLargeParams);
        const report = await withCompany(
          command.optsWithGlobals<GlobalOptions>(),
          ({ deps, ctx }) =>
            importFile(deps, ctx, {
              kind,
              bytes,
              fileName: basename(file),
              dryRun: flags.dryRun ?? false,
              partial: flags.partial ?? false,
              encoding: flags.encoding as TextEncodingName | undefined,
              mapping: mapping?.mapping,
            }),
        );
        if (flags.json) {
          printJson(report);
        } else {
          printReport(report, language);
        }
        process.exitCode = importExitCode(report);
      });
  }
  importCommand
    .command('fec')
    .description(help('import_fec'))
    .argument('<file>', help('importFecFile'))
    .option('--receivable-accounts <prefixes>', help('importFecReceivableAccounts'))
    .option('--sales-journals <codes>', help('importFecSalesJournals'))
    .option('--decimal-point', help('importFecDecimalPoint'))
    .option('--default-terms-days <days>', help('importFecDefaultTermsDays'))
    .option('--dry-run', help('importDryRun'))
    .option('--partial', help('importFecPartial'))
    .option('--json', help('importJson'))
    .action(async (file: string, raw: unknown, command: Command) => {
      const flags = parseOptions(ZFecFlags, raw, language);
      const bytes = await readInputFile(file, MAX_IMPORT_FILE_BYTES, fileTooLargeParams);
      const fileName = basename(file);
      const report = await withCompany(command.optsWithGlobals<GlobalOptions>(), ({ deps, ctx }) =>
        importFec(deps, ctx, {
          bytes,
          fileName,
          dryRun: flags.dryRun ?? false,
          partial: flags.partial ?? false,
          decimalPoint: flags.decimalPoint,
          receivableAccounts: flags.receivableAccounts,
          salesJournals: flags.salesJournals,
          defaultTermsDays: flags.defaultTermsDays,
          onProgress: printFecProgress(fileName, language),
        }),
      );
      if (flags.json) {
        printJson(report);
      } else {
        printFecReport(report, language);
      }
      process.exitCode = importExitCode(report);
    });
}
