/**
 * What every import is, whatever its file: an `Importer` parses the bytes without the
 * database, then applies what it parsed in the import's transaction. `runImporter` does
 * the rest once for all of them: the permission check, the refusal of a file its parse
 * refused, the transaction under the company's import lock, the rollback of a dry run
 * or of a refused line, the `import.completed` event, and the report. The kinds are the
 * canonical files (canonical/canonical-imports.ts), the FEC (fec/fec-import.ts) and bank
 * statements (bank/statement-import.ts). docs/import.md, ADR 19.
 */
import type { Ctx } from '../app/context.ts';
import type { Deps } from '../app/deps.ts';
import { requirePermission, type Permission } from '../app/permissions.ts';
import { recordEvents } from '../audit/service.ts';
import type { Company } from '../companies/model.ts';
import { getCompany } from '../companies/service.ts';
import type { Queryable } from '../db/client.ts';
import { inTransaction } from '../db/transaction.ts';
import type { Issue } from '../shared/errors.ts';
import { beginCompanyImport } from './store.ts';

/** What every import is given: the file, and whether to keep what it does. */
export type ImportInput = {
  bytes: Uint8Array;
  fileName: string;
  /** Check and count, change nothing. */
  dryRun: boolean;
  /** Keep the good lines even when some are refused; all or nothing when absent. */
  partial?: boolean;
};

/** A file refused whole by its parse: nothing of it is applied, and `errors` say why. */
export type Refusal = { ok: false; errors: Issue[]; notices: Issue[] };

/** What a parse gives: the file ready to apply, or refused whole. */
export type ParseOutcome<Parsed, Refused extends Refusal = Refusal> =
  | { ok: true; parsed: Parsed }
  | Refused;

/** How an import ended: refused by its parse, or applied and `committed` or rolled back. */
export type ImportRun<Parsed, Result, Refused extends Refusal = Refusal> =
  | (Refused & { committed: false })
  | { ok: true; parsed: Parsed; result: Result; committed: boolean };

/** What every import report says, whatever else its kind adds. */
export type BaseImportReport = {
  file: string;
  dryRun: boolean;
  /** Whether the changes were saved. */
  committed: boolean;
  errors: readonly Issue[];
  notices: readonly Issue[];
};

/** One kind of import file: how it is parsed, applied, recorded and reported. */
export type Importer<
  Input extends ImportInput,
  Parsed,
  Result extends { errors: readonly Issue[] },
  Report extends BaseImportReport,
  Refused extends Refusal = Refusal,
> = {
  /** Recorded in the `import.completed` event: `customers`, `fec`, `bank`… */
  kind: string;
  /** What the import needs beyond `imports:run` (registering bank accounts…). */
  permissions?: (input: Input) => readonly Permission[];
  /** Reads and checks the file, without the database: it runs before the transaction. */
  parse: (input: Input, company: Company) => Promise<ParseOutcome<Parsed, Refused>>;
  /** Plans and writes what was parsed in `tx`; a refused line is an issue in `errors`. */
  apply: (deps: Deps, tx: Queryable, ctx: Ctx, parsed: Parsed, input: Input) => Promise<Result>;
  /** What the `import.completed` event records, beside the kind and the file's name. */
  summary: (result: Result, parsed: Parsed, input: Input) => Record<string, unknown>;
  /** The report of a run, refused or applied. */
  report: (run: ImportRun<Parsed, Result, Refused>, input: Input) => Report;
};

/**
 * Runs one import of `importer`'s kind: checks the caller may, parses the file (a refused
 * file is reported as it is, nothing opened), then applies it in one transaction
 * (`runImport`) and reports what it did or would do.
 */
export async function runImporter<
  Input extends ImportInput,
  Parsed,
  Result extends { errors: readonly Issue[] },
  Report extends BaseImportReport,
  Refused extends Refusal,
>(
  deps: Deps,
  ctx: Ctx,
  importer: Importer<Input, Parsed, Result, Report, Refused>,
  input: Input,
): Promise<Report> {
  requirePermission(ctx, 'imports:run');
  for (const permission of importer.permissions?.(input) ?? []) {
    requirePermission(ctx, permission);
  }
  const company = await getCompany(deps, ctx.companyId);
  const outcome = await importer.parse(input, company);
  if (!outcome.ok) {
    return importer.report({ ...outcome, committed: false }, input);
  }
  const { parsed } = outcome;
  const { result, committed } = await runImport(
    deps,
    ctx,
    { dryRun: input.dryRun, partial: input.partial ?? false },
    (tx) => importer.apply(deps, tx, ctx, parsed, input),
    (applied) => ({
      kind: importer.kind,
      file: input.fileName,
      ...importer.summary(applied, parsed, input),
    }),
  );
  return importer.report({ ok: true, parsed, result, committed }, input);
}

/** Thrown inside the transaction to roll it back once the report is built. */
class Rollback extends Error {}

/**
 * Runs an import in one transaction under the company's import lock (ADR 13): `run`
 * plans and writes, then its changes are kept unless it is a dry run or it refused a
 * line without `partial`, and a kept import is recorded (`import.completed`, with
 * `summary` of what it did). Retried as a whole if the database breaks a deadlock
 * (`inTransaction`): `run` starts afresh, and so do its figures.
 */
async function runImport<Result extends { errors: readonly Issue[] }>(
  deps: Deps,
  ctx: Ctx,
  mode: { dryRun: boolean; partial: boolean },
  run: (tx: Queryable) => Promise<Result>,
  summary: (result: Result) => Record<string, unknown>,
): Promise<{ result: Result; committed: boolean }> {
  let outcome: { result: Result; committed: boolean } | undefined;
  try {
    await inTransaction(deps.db, async (tx) => {
      await beginCompanyImport(tx, ctx.companyId);
      const result = await run(tx);
      outcome = { result, committed: false };
      if (mode.dryRun || (result.errors.length > 0 && !mode.partial)) {
        throw new Rollback();
      }
      await recordEvents(tx, ctx, [
        {
          action: 'import.completed',
          entityType: 'company',
          entityId: ctx.companyId,
          customerId: null,
          data: summary(result),
        },
      ]);
    });
    if (outcome !== undefined) {
      outcome.committed = true;
    }
  } catch (error) {
    if (!(error instanceof Rollback)) {
      throw error;
    }
  }
  if (outcome === undefined) {
    throw new Error('The import transaction ended without running');
  }
  return outcome;
}
