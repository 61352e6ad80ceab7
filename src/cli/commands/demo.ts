import { basename } from 'node:path';
import type { Command } from 'commander';
import { z } from 'zod';
import { findCompanies } from '../../companies/service.ts';
import { exportDemo } from '../../demo/export-demo.ts';
import { DEMO_SIZES, type DemoSize } from '../../demo/generate.ts';
import {
  DEMO_ADMIN_EMAIL,
  DEMO_COMPANY_CODE,
  DEMO_TIME_ZONE,
  loadDemo,
  type DemoProgress,
} from '../../demo/load-demo.ts';
import type { ExportFormat } from '../../exports/table-writer.ts';
import { todayIn } from '../../shared/calendar-date.ts';
import { parseOptions } from '../options.ts';
import { operatingSystemUser } from '../operator.ts';
import { printJson } from '../output.ts';
import { cliLanguage, fixedNow, withRuntime, type GlobalOptions } from '../runtime.ts';

const ZDemoOptions = z
  .object({
    size: z.enum(['S', 'M', 'L']).default('S'),
    seed: z.coerce.number().int().min(0).default(1),
    ifEmpty: z.boolean().optional(),
    json: z.boolean().optional(),
    exportCsv: z.string().min(1).optional(),
    exportXlsx: z.string().min(1).optional(),
  })
  .refine((options) => options.exportCsv === undefined || options.exportXlsx === undefined, {
    path: ['exportXlsx'],
    message: 'cannot be combined with --export-csv: export one format at a time',
    params: { code: 'demo_export_one_format' },
  })
  .refine(
    (options) =>
      options.ifEmpty !== true ||
      (options.exportCsv === undefined && options.exportXlsx === undefined),
    {
      path: ['ifEmpty'],
      message: 'applies to loading a database, not to an export (which touches no database)',
      params: { code: 'demo_if_empty_not_for_export' },
    },
  );

type DemoExportRequest = {
  dir: string;
  format: ExportFormat;
  size: DemoSize;
  seed: number;
  json: boolean;
};

/** `--export-csv DIR` / `--export-xlsx DIR`: the canonical import files, no database opened. */
async function exportDemoFiles(request: DemoExportRequest): Promise<void> {
  const started = Date.now();
  const today = todayIn(DEMO_TIME_ZONE, fixedNow() ?? new Date());
  const totalCustomers = DEMO_SIZES[request.size].customers;
  const progress = request.json ? undefined : printDemoProgress('');
  const result = await exportDemo({
    size: request.size,
    seed: request.seed,
    today,
    dir: request.dir,
    format: request.format,
    onBatch: (written) => progress?.({ phase: 'rows', ...written, totalCustomers }),
  });
  if (request.json) {
    printJson({
      dir: request.dir,
      format: request.format,
      size: request.size,
      seed: request.seed,
      today,
      counts: result.counts,
      files: result.files.map((file) => ({ kind: file.kind, path: file.path, rows: file.rows })),
    });
    return;
  }
  process.stderr.write('\n');
  console.log(
    `Demo ledger of size ${request.size} (seed ${request.seed}, ending ${today}) written to ${request.dir} in ${((Date.now() - started) / 1000).toFixed(1)} s:`,
  );
  for (const file of result.files) {
    console.log(`  ${basename(file.path).padEnd(15)} ${file.rows} lines`);
  }
  console.log(
    `  (${result.counts.invoices} invoices and credit notes; ${result.counts.payments} payments, one line per invoice each settles: see docs/import.md)`,
  );
  console.log(
    'Import them into a company in this order: encaisse import customers, then invoices, then payments.',
  );
}

/** A progress line on stderr, rewritten at most twice a second, at each change of phase and at the end. */
export function printDemoProgress(label: string): DemoProgress {
  let lastPrinted = 0;
  let lastPhase = '';
  return (progress) => {
    const now = performance.now();
    const last = progress.customers === progress.totalCustomers;
    if (now - lastPrinted < 500 && progress.phase === lastPhase && !last) {
      return;
    }
    lastPrinted = now;
    lastPhase = progress.phase;
    const rows = `${progress.customers}/${progress.totalCustomers} customers, ${progress.invoices} invoices`;
    const doing = progress.phase === 'rows' ? '…' : '; building indexes and checking references…';
    process.stderr.write(`\r  ${label}${rows}${doing}`);
  };
}

export function registerDemoCommand(program: Command): void {
  program
    .command('demo')
    .description('Create a demo company with a believable French ledger ending today')
    .option('--size <size>', 'S (~300 customers), M (~10,000) or L (100,000)', 'S')
    .option('--seed <n>', 'random seed: the same seed gives the same data', '1')
    .option('--if-empty', 'do nothing when the database already holds a company')
    .option(
      '--export-csv <dir>',
      'write the ledger as customers.csv, invoices.csv, payments.csv into DIR instead of loading it',
    )
    .option('--export-xlsx <dir>', 'the same as Excel workbooks (.xlsx)')
    .option('--json', 'print the result as JSON')
    .action(async (raw: unknown, command: Command) => {
      const options = parseOptions(
        ZDemoOptions,
        raw,
        cliLanguage(command.optsWithGlobals<GlobalOptions>()),
      );
      const exportDir = options.exportCsv ?? options.exportXlsx;
      if (exportDir !== undefined) {
        await exportDemoFiles({
          dir: exportDir,
          format: options.exportCsv === undefined ? 'xlsx' : 'csv',
          size: options.size,
          seed: options.seed,
          json: options.json ?? false,
        });
        return;
      }
      await withRuntime(command.optsWithGlobals<GlobalOptions>(), async ({ handle, deps }) => {
        const companies = options.ifEmpty ? await findCompanies(deps) : [];
        if (companies.length > 0) {
          if (!options.json) {
            console.log('The database already holds a company: demo data not added.');
            // The password was printed once, when the demo was made: say how to get in again.
            console.log(
              companies.some((company) => company.code === DEMO_COMPANY_CODE)
                ? `Sign in as ${DEMO_ADMIN_EMAIL} with the password printed then; to set a new one: encaisse --company ${DEMO_COMPANY_CODE} users set-password ${DEMO_ADMIN_EMAIL}`
                : "To set a user's password: encaisse --company CODE users set-password EMAIL",
            );
          }
          return;
        }
        const started = Date.now();
        const result = await loadDemo(handle, deps, {
          size: options.size,
          seed: options.seed,
          operator: operatingSystemUser(),
          onProgress: options.json ? undefined : printDemoProgress(''),
        });
        if (options.json) {
          printJson({
            company: result.company.code,
            users: result.users,
            password: result.password,
            counts: result.counts,
          });
          return;
        }
        process.stderr.write('\n');
        console.log(
          `Demo company "${result.company.legalName}" (code ${result.company.code}) created in ${((Date.now() - started) / 1000).toFixed(1)} s:`,
        );
        console.log(
          `  ${result.counts.customers} customers, ${result.counts.invoices} invoices and credit notes, ${result.counts.payments} payments, ${result.counts.allocations} allocations.`,
        );
        console.log('Sign in with one of these users (the password is shown only now):');
        for (const user of result.users) {
          console.log(`  ${user.email.padEnd(36)} ${user.role}`);
        }
        console.log(`  password: ${result.password}`);
        console.log(`Change it with: encaisse users set-password ${result.users[0]?.email ?? ''}`);
      });
    });
}
