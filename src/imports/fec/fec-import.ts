/**
 * The FEC as an importer (../importer.ts): the parse reads and plans the books
 * (`prepareFec`, no database), the apply writes their receivables in the import's
 * transaction (`applyFec`), telling `onProgress` slice by slice.
 */
import type { Issue } from '../../shared/errors.ts';
import { currencyCode } from '../../shared/money.ts';
import type { Importer } from '../importer.ts';
import { sortIssues } from '../table/row-fields.ts';
import {
  applyFec,
  noFecOutcomes,
  prepareFec,
  type AppliedFec,
  type FecOutcomes,
  type FecProgress,
  type PreparedFec,
} from './apply-fec.ts';
import type { FecFormat } from './parse-fec.ts';

export type FecImportOptions = {
  bytes: Uint8Array;
  fileName: string;
  dryRun: boolean;
  /** Import the good entries even when some lines are refused (default: all or nothing). */
  partial: boolean;
  /** The file writes its amounts with a decimal point (not the FEC's comma). */
  decimalPoint?: boolean | undefined;
  /** Prefixes of the receivable accounts: `411` by default. */
  receivableAccounts?: readonly string[] | undefined;
  /** Codes of the sales journals, whose receivable credits are credit notes. */
  salesJournals?: readonly string[] | undefined;
  /** Net days of the customers the import creates: 30 by default. */
  defaultTermsDays?: number | undefined;
  /** Told as the items are written, slice by slice. */
  onProgress?: ((progress: FecProgress) => void) | undefined;
};

export type FecImportReport = FecOutcomes & {
  kind: 'fec';
  file: string;
  format: FecFormat | null;
  dryRun: boolean;
  partial: boolean;
  /** Whether the changes were saved. */
  committed: boolean;
  /** Lines read, the header and blank lines aside. */
  lines: number;
  /** Lines refused: for their own problems, their entry's, or their item's. */
  rejected: number;
  errors: Issue[];
  notices: Issue[];
};

/** What the apply did: `applyFec`'s outcomes, and every line refused on the way. */
type FecResult = AppliedFec & { rejected: number };

export const fecImporter: Importer<
  FecImportOptions,
  Extract<PreparedFec, { ok: true }>,
  FecResult,
  FecImportReport
> = {
  kind: 'fec',
  async parse(options, company) {
    const prepared = prepareFec(options.bytes, options.fileName, {
      currency: currencyCode(company.currency),
      decimalPoint: options.decimalPoint,
      receivableAccounts: options.receivableAccounts,
      salesJournals: options.salesJournals,
      defaultTermsDays: options.defaultTermsDays,
    });
    return prepared.ok
      ? { ok: true, parsed: prepared }
      : { ok: false, errors: prepared.errors, notices: [] };
  },
  async apply(deps, tx, ctx, prepared, options) {
    const applied = await applyFec(deps, tx, ctx, prepared, options.onProgress);
    // Lines left out before the plan, and the planned lines refused since.
    const refusedPlanned = new Set(
      [...prepared.plan.issues, ...applied.errors].flatMap((issue) =>
        issue.line === undefined ? [] : [issue.line],
      ),
    );
    return {
      ...applied,
      rejected: prepared.leftOut + refusedPlanned.size,
      errors: sortIssues([...prepared.errors, ...applied.errors]),
    };
  },
  summary: ({ errors: _errors, notices: _notices, ...counts }, prepared) => ({
    lines: prepared.lineCount,
    ...counts,
  }),
  report(run, options) {
    const { rejected, errors, notices, ...outcomes }: FecResult = run.ok
      ? run.result
      : { ...noFecOutcomes(), rejected: 0, errors: run.errors, notices: run.notices };
    return {
      kind: 'fec',
      file: options.fileName,
      format: run.ok ? run.parsed.format : null,
      dryRun: options.dryRun,
      partial: options.partial,
      committed: run.committed,
      lines: run.ok ? run.parsed.lineCount : 0,
      rejected,
      ...outcomes,
      errors,
      notices,
    };
  },
};
