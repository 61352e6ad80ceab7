import type { Deps } from '../app/deps.ts';
import type { App } from '../http/types.ts';
import { registerUploadRoute, type UploadOptions } from '../imports/upload.ts';
import type { MessageCode } from '../shared/messages/catalogue.ts';
import { ZBankImportReport, ZImportBankQuery } from './schemas.ts';
import { importBankFile } from './service.ts';

/** The issues that a second try with `addAccount=true` would not have. */
const UNKNOWN_ACCOUNT_CODES: ReadonlySet<string> = new Set([
  'bank_account_unknown',
  'bank_account_unknown_number',
]);

/**
 * `POST /imports/bank`: a bank statement file (camt.053/054 or CFONB 120, told from its
 * content) sent as the body, imported as `encaisse import bank` does.
 */
export async function registerBankRoutes(
  app: App,
  deps: Deps,
  options: UploadOptions,
): Promise<void> {
  await registerUploadRoute(app, deps, options, {
    url: '/imports/bank',
    operationId: 'importBankStatement',
    summary: 'Import a bank statement file: camt.053, camt.054 or CFONB 120',
    description:
      'The file is the body, as it is; its format is told from its content. All of it is stored, or nothing: a statement of an account the company does not have refuses the file unless `addAccount`. A movement is stored once per account, so the same file again adds nothing.',
    querystring: ZImportBankQuery,
    answered: 'The statements stored, or what a dry run would store',
    report: ZBankImportReport,
    importFile: (ctx, file, { addAccount, dryRun }) =>
      importBankFile(deps, ctx, { ...file, addAccount, dryRun }),
    present: (report) => ({
      ...report,
      accountsAdded: report.accountsAdded.map((account) => ({
        ...account,
        createdAt: account.createdAt.toISOString(),
      })),
    }),
    hints: (report): MessageCode[] =>
      report.errors.some((issue) => UNKNOWN_ACCOUNT_CODES.has(issue.code))
        ? ['import_add_account']
        : [],
  });
}
