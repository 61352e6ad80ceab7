import type { Deps } from '../app/deps.ts';
import type { App } from '../http/types.ts';
import { ZFecImportReport, ZImportFecQuery } from './schemas.ts';
import { importFec } from './service.ts';
import { registerUploadRoute, type UploadOptions } from './upload.ts';

/** `POST /imports/fec`: a FEC sent as the body, imported as `encaisse import fec` does. */
export async function registerImportRoutes(
  app: App,
  deps: Deps,
  options: UploadOptions,
): Promise<void> {
  await registerUploadRoute(app, deps, options, {
    url: '/imports/fec',
    operationId: 'importFec',
    summary: 'Import a FEC’s receivables: customers, invoices, credit notes, payments, lettering',
    description:
      'The file is the body, as it is. Unless `partial`, one refused line saves nothing. The same file imported again changes nothing. docs/import.md ("FEC") says what is built.',
    querystring: ZImportFecQuery,
    answered:
      'The file imported (with `partial`, but for its refused lines), or what a dry run would do',
    report: ZFecImportReport,
    importFile: (ctx, file, query) =>
      importFec(deps, ctx, {
        ...file,
        dryRun: query.dryRun,
        partial: query.partial,
        decimalPoint: query.decimalPoint,
        receivableAccounts: query.receivableAccounts,
        salesJournals: query.salesJournals,
        defaultTermsDays: query.defaultTermsDays,
      }),
  });
}
