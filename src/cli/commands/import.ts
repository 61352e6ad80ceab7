import { basename } from 'node:path';
import type { Command } from 'commander';
import { importFile, type ImportReport } from '../../imports/service.ts';
import { parseMappingOption, type ImportKind } from '../../imports/column-mapping.ts';
import { isTextEncodingName, type TextEncodingName } from '../../imports/decode-text.ts';
import { MAX_IMPORT_FILE_BYTES } from '../../imports/limits.ts';
import { fileTooLargeMessage } from '../../imports/read-table.ts';
import { InvalidError, invalidField } from '../../shared/errors.ts';
import { printJson } from '../output.ts';
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
export function importExitCode(report: ImportReport): number {
  if (report.errors.length === 0) {
    return 0;
  }
  return report.committed ? 3 : 2;
}

function printReport(report: ImportReport): void {
  const verdict = report.committed
    ? 'saved'
    : report.dryRun
      ? 'dry run: nothing saved'
      : 'refused: nothing saved';
  // Counts of an import that saved nothing say what it would have done; a file
  // refused as a whole (its encoding, a missing column) has none to give.
  const counts = `${report.created} created, ${report.updated} updated, ${report.unchanged} unchanged, ${report.rejected} rejected`;
  const isFileRefused = !report.committed && report.rows === 0 && report.errors.length > 0;
  console.log(
    isFileRefused
      ? `${report.file}: the file is refused (${verdict})`
      : `${report.file}: ${report.rows} rows — ${report.committed ? counts : `would be ${counts}`} (${verdict})`,
  );
  for (const issue of report.errors) {
    // Parse messages already name their column ("siren: …"); service messages may not.
    const where = issue.line === undefined ? 'file' : `line ${issue.line}`;
    const message = issue.message.startsWith(`${issue.field}:`)
      ? issue.message
      : `${issue.field}: ${issue.message}`;
    console.error(`  ${where}, ${message}`);
  }
  for (const notice of report.notices) {
    console.log(`  note: ${notice.message}`);
  }
  if (!report.committed && !report.dryRun && report.rejected > 0) {
    console.error(
      'Fix the lines above and import again, or use --partial to save the other lines.',
    );
  }
}

export function registerImportCommands(program: Command): void {
  const importCommand = program
    .command('import')
    .description('Import customers, invoices or payments (CSV or XLSX)');
  for (const kind of [
    'customers',
    'invoices',
    'payments',
  ] as const satisfies readonly ImportKind[]) {
    importCommand
      .command(`${kind} <file>`)
      .description(`Import ${kind} from a CSV or XLSX file (see docs/import.md)`)
      .option('--dry-run', 'check the file and count what would change, save nothing')
      .option('--partial', 'save the valid lines even if some are rejected')
      .option(
        '--encoding <name>',
        'encoding of a CSV without BOM: utf-8, windows-1252, latin1, utf-16le',
      )
      .option('--map <mapping>', 'column mapping, e.g. "amount=Montant TTC,number=N° facture"')
      .option('--json', 'print the report as JSON')
      .action(async (file: string, flags: ImportFlags, command: Command) => {
        if (flags.encoding !== undefined && !isTextEncodingName(flags.encoding)) {
          throw invalidField(
            'encoding',
            `Unknown encoding "${flags.encoding}": use utf-8, windows-1252, latin1 or utf-16le`,
          );
        }
        const mapping = flags.map === undefined ? undefined : parseMappingOption(flags.map);
        if (mapping !== undefined && !mapping.ok) {
          throw new InvalidError('The --map option is not valid', mapping.issues);
        }
        const bytes = await readInputFile(file, MAX_IMPORT_FILE_BYTES, fileTooLargeMessage);
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
          printReport(report);
        }
        process.exitCode = importExitCode(report);
      });
  }
}
