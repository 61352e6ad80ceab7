import { InvalidArgumentError } from 'commander';
import type { z } from 'zod';
import { parseCalendarDate, type CalendarDate } from '../shared/calendar-date.ts';
import { InvalidError } from '../shared/errors.ts';
import type { Language } from '../shared/language.ts';
import { messageOf } from '../shared/messages/catalogue.ts';
import { ZStorableText } from '../shared/schemas.ts';
import { zodIssueMessage } from '../shared/zod-messages.ts';

/**
 * Reads a date option as people type it, in the forms the imports read, for commander's
 * `.option(flags, description, dateArgument(language))`. The refusal says why in
 * `language`; commander's sentence around it (reworded by `LocalizedCommand`) names the
 * option.
 */
export function dateArgument(language: Language): (value: string) => CalendarDate {
  return (value) => {
    const date = parseCalendarDate(value);
    if (date === undefined) {
      throw new InvalidArgumentError(messageOf(language, 'not_a_date', { value }));
    }
    return date;
  };
}

/**
 * Validates a command's options with zod; a refusal names the flag as the user
 * typed it (`--due-from`) and says why, in `language` (zod's own translations).
 * Values that cannot be stored (a NUL, a lone surrogate: `ZStorableText`) are
 * refused first, as the HTTP edge does.
 */
export function parseOptions<T extends z.ZodType>(
  schema: T,
  raw: unknown,
  language: Language,
): z.infer<T> {
  const parsed = ZStorableText.pipe(schema).safeParse(raw);
  if (parsed.success) {
    return parsed.data;
  }
  const issues = parsed.error.issues.map((issue) => ({
    field: `--${String(issue.path[0] ?? 'option').replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`,
    code: issue.code,
    message: zodIssueMessage(issue, language),
  }));
  // The headline names the flags; the issues, printed under it, say why (once).
  const flags = [...new Set(issues.map((issue) => issue.field))];
  throw new InvalidError(
    'invalid_options',
    { count: flags.length, flags: flags.join(', ') },
    issues,
  );
}
