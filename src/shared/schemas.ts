/**
 * Building blocks of the API's zod schemas: amounts, dates, paging, problems.
 * The web app imports the response types built from these.
 */
import { z } from 'zod';
import { parseIsoDate } from './calendar-date.ts';
import { MAX_AMOUNT_CENTS, MAX_TOTAL_CENTS, toDecimalString } from './money.ts';
import { messageOf } from './messages/catalogue.ts';
import { findUnstorableCharacter } from './text.ts';

/** Integer minor units (cents). */
export const ZCents = z
  .number()
  .int()
  .meta({ description: 'Amount in minor units of `currency` (cents)' });
/** An amount given to the API (a credit limit, an allocation): 0 to `MAX_AMOUNT_CENTS`. */
export const ZAmount = ZCents.min(0)
  .max(MAX_AMOUNT_CENTS)
  .meta({
    description: `Amount in minor units of the currency (cents), at most ${MAX_AMOUNT_CENTS} (${toDecimalString(MAX_AMOUNT_CENTS)} in a currency of 2 decimals)`,
  });
/** Whether a total of the answer passed its bound and shows the bound instead. */
export const ZAmountsCapped = z.boolean().meta({
  description: `true when a total passed ±${MAX_TOTAL_CENTS} minor units (only data written before that bound can) and shows the bound instead of its value`,
});
export const ZCurrency = z
  .string()
  .regex(/^[A-Z]{3}$/)
  .meta({ description: 'ISO 4217 code' });
export const ZCalendarDate = z
  .string()
  .refine((text) => parseIsoDate(text) !== undefined, {
    message: 'must be a real date written YYYY-MM-DD',
    // The catalogue's code for this sentence, so each edge says it in its reader's language.
    params: { code: 'calendar_date' },
  })
  .meta({ description: 'Calendar date YYYY-MM-DD', format: 'date' });
export const ZId = z.uuid();

/** The file formats the product exports its lists in (src/exports/). */
export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export const ZExportFormat = z.enum(EXPORT_FORMATS).default('csv');

export const ZPageQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });
}

/** The values a problem's or an issue's sentence names, for a client that words it itself. */
const ZMessageParams = z.record(z.string(), z.union([z.string(), z.number()]));

export const ZProblemIssue = z
  .object({
    field: z.string(),
    code: z.string(),
    message: z.string(),
    line: z.number().int().optional(),
    params: ZMessageParams.optional(),
  })
  .meta({ id: 'Issue' });

/**
 * RFC 9457 problem details, as every error answers. Open to extension members (§3.2),
 * which a client ignores unless it knows them: a refused import carries its `report`.
 */
export const ZProblem = z
  .looseObject({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: z.string(),
    reason: z.string().optional().meta({
      description:
        'The precise, stable reason (`customer_not_found`, `wrong_credentials`); `detail` says it in the language asked for (Accept-Language)',
    }),
    params: ZMessageParams.optional(),
    issues: z.array(ZProblemIssue).optional(),
  })
  .meta({ id: 'Problem' });
export type TProblem = z.infer<typeof ZProblem>;

export const ROLES = [
  'admin',
  'credit_manager',
  'collector',
  'department_member',
  'read_only',
] as const;
export const ZRole = z.enum(ROLES).meta({ id: 'Role' });
export type TRole = z.infer<typeof ZRole>;

/**
 * Every string of an input, object keys included, at any depth, with its path.
 * Iterative, so that a hostile body nested 100,000 levels deep cannot overflow the stack.
 */
function* stringsOf(input: unknown): Generator<{ path: (string | number)[]; text: string }> {
  const pending: { path: (string | number)[]; value: unknown }[] = [{ path: [], value: input }];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const { path, value } = next;
    if (typeof value === 'string') {
      yield { path, text: value };
    } else if (Array.isArray(value)) {
      for (let index = value.length - 1; index >= 0; index -= 1) {
        pending.push({ path: [...path, index], value: value[index] });
      }
    } else if (typeof value === 'object' && value !== null) {
      for (const [key, child] of Object.entries(value).toReversed()) {
        yield { path: [...path, key], text: key };
        pending.push({ path: [...path, key], value: child });
      }
    }
  }
}

/**
 * Passes any input whose strings can all be stored (see `findUnstorableCharacter`),
 * and refuses the others with one issue per bad string, at its path. Put in front
 * of a request or options schema (`ZStorableText.pipe(schema)`), it guards every
 * field at once, however the schema is written.
 */
export const ZStorableText = z.unknown().superRefine((input, ctx) => {
  for (const { path, text } of stringsOf(input)) {
    const found = findUnstorableCharacter(text);
    if (found !== undefined) {
      const params = {
        codePoint: found.codePoint,
        position: found.index + 1,
        context: found.codePoint === 'U+0000' ? 'nul' : 'surrogate',
      };
      ctx.addIssue({
        code: 'custom',
        path,
        message: messageOf('en', 'unstorable_text', params),
        // The catalogue's code and values, so each edge says it in its reader's language.
        params: { code: 'unstorable_text', ...params },
      });
    }
  }
});
