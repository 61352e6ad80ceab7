import type { z } from 'zod';
import { InvalidError } from '../shared/errors.ts';
import { ZStorableText } from '../shared/schemas.ts';

/**
 * Validates a command's options with zod; a refusal names the flag as the user
 * typed it (`--due-from`) and says why. Values that cannot be stored (a NUL, a lone
 * surrogate: `ZStorableText`) are refused first, as the HTTP edge does.
 */
export function parseOptions<T extends z.ZodType>(schema: T, raw: unknown): z.infer<T> {
  const parsed = ZStorableText.pipe(schema).safeParse(raw);
  if (parsed.success) {
    return parsed.data;
  }
  const issues = parsed.error.issues.map((issue) => ({
    field: `--${String(issue.path[0] ?? 'option').replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`,
    code: issue.code,
    message: issue.message,
  }));
  throw new InvalidError(
    `Invalid option: ${issues.map((i) => `${i.field} ${i.message}`).join('; ')}`,
    issues,
  );
}
