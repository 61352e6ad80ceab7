/**
 * The HTTP contract of the file imports (`POST /api/imports/fec`, and the pieces the bank
 * statement upload shares): the file's name header, the options as query parameters, and
 * the FEC import report as `importFec` gives it (service.ts).
 */
import { z } from 'zod';
import { MAX_PAYMENT_TERM_DAYS } from '../shared/payment-terms.ts';
import { ZProblemIssue } from '../shared/schemas.ts';
import { MAX_IMPORT_FILE_BYTES } from './table/limits.ts';

/**
 * The largest file the upload routes take, unless the server is set otherwise: the CLI's
 * limit. The web checks a file against it before sending it.
 */
export const MAX_UPLOAD_FILE_BYTES = MAX_IMPORT_FILE_BYTES;

/**
 * A yes-or-no query parameter: `true` or `false`, nothing else (`?dryRun=1` is refused
 * rather than read one way or the other).
 */
export const ZQueryFlag = z
  .enum(['true', 'false'])
  .transform((text) => text === 'true')
  .meta({ description: '`true` or `false`' });

/** A list option (`411,416`): its items, trimmed, at least one. */
const ZCommaList = z
  .string()
  .max(1000)
  .transform((text) =>
    text
      .split(',')
      .map((item) => item.trim())
      .filter((item) => item !== ''),
  )
  .pipe(z.array(z.string()).min(1));

/**
 * The headers of an upload: the file's name, URI-encoded (`encodeURIComponent`) since a
 * header carries Latin-1 at most. Other headers (cookie, token) pass as they are.
 */
export const ZUploadHeaders = z.looseObject({
  'x-file-name': z.string().max(1000).optional().meta({
    description:
      'The file’s name, URI-encoded (`relev%C3%A9-mars.xml`); the report names the file by it. Default `upload`',
  }),
});

/** `POST /api/imports/fec`'s options: those of `encaisse import fec`. */
export const ZImportFecQuery = z.object({
  receivableAccounts: ZCommaList.optional().meta({
    description: 'Prefixes of the receivable accounts, comma-separated (default `411`)',
  }),
  salesJournals: ZCommaList.optional().meta({
    description:
      'Codes of the sales journals, comma-separated: their receivable credits are credit notes',
  }),
  decimalPoint: ZQueryFlag.optional().meta({
    description: 'The file writes its amounts with a decimal point, not the FEC’s comma',
  }),
  defaultTermsDays: z.coerce
    .number()
    .int()
    .min(0)
    .max(MAX_PAYMENT_TERM_DAYS)
    .optional()
    .meta({ description: 'Net days of the customers the import creates (default 30)' }),
  partial: ZQueryFlag.default(false).meta({
    description: 'Import the entries without a refused line even when some are refused',
  }),
  dryRun: ZQueryFlag.default(false).meta({
    description: 'Read, check and count; save nothing',
  }),
});
export type TImportFecQuery = z.input<typeof ZImportFecQuery>;

/** How many items of a kind an import created, updated and found unchanged. */
const ZFecCounts = z
  .object({
    created: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int(),
  })
  .meta({ id: 'FecCounts' });

/** How the file was written, as the reader found it; `null` when it was refused as a whole. */
const ZFecFormat = z.object({
  separator: z.enum(['\t', '|']),
  amounts: z.enum(['debit_credit', 'amount_direction']),
  encoding: z.string(),
  hasByteOrderMark: z.boolean(),
});

/** What a FEC import did (or, refused or a dry run, would have done), kind by kind. */
export const ZFecImportReport = z
  .object({
    kind: z.literal('fec'),
    file: z.string(),
    format: ZFecFormat.nullable(),
    dryRun: z.boolean(),
    partial: z.boolean(),
    committed: z.boolean().meta({ description: 'Whether the changes were saved' }),
    lines: z.number().int().meta({ description: 'Lines read, the header and blank lines aside' }),
    rejected: z.number().int().meta({
      description: 'Lines refused: for their own problems, their entry’s, or their item’s',
    }),
    customers: ZFecCounts,
    invoices: ZFecCounts,
    creditNotes: ZFecCounts,
    payments: ZFecCounts,
    allocations: ZFecCounts,
    errors: z.array(ZProblemIssue).meta({ description: 'The refused lines, by line' }),
    notices: z.array(ZProblemIssue).meta({
      description: 'What was done otherwise than the file says, or what it lacks',
    }),
  })
  .meta({ id: 'FecImportReport' });
export type TFecImportReport = z.infer<typeof ZFecImportReport>;
