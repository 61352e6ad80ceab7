/**
 * What every report checks before it reads the ledger (issue 11, « Bad input »): its as-of
 * date — not after the company's today (`report_as_of_in_future`), not before its first
 * invoice (`report_as_of_before_first_document`) — and its currency, one the company has an
 * invoice in or its own (`report_currency_unused`); with the report's own issues, all
 * refused at once as 400 `report_invalid`.
 */
import type { Ctx } from '../app/context.ts';
import type { Deps } from '../app/deps.ts';
import { getCompany } from '../companies/service.ts';
import { companyUsesCurrency, firstDocumentDateAfter } from '../ledger/aged-balance.ts';
import type { CalendarDate } from '../shared/calendar-date.ts';
import { fieldIssue, InvalidError, type Issue } from '../shared/errors.ts';

/**
 * The report's as-of date (the company's today unless asked), once the request is known to
 * be good; `ownIssues` are the report's own refusals, said after the date's.
 */
export async function checkReportRequest(
  deps: Deps,
  ctx: Ctx,
  input: { asOf?: CalendarDate | undefined; currency?: string | undefined },
  ownIssues: readonly Issue[] = [],
): Promise<CalendarDate> {
  const company = await getCompany(deps, ctx.companyId);
  const today = deps.clock.today(company.timeZone);
  const asOf = input.asOf ?? today;
  const issues: Issue[] = [
    ...(asOf > today ? [fieldIssue('asOf', 'report_as_of_in_future', { date: asOf, today })] : []),
    ...ownIssues,
  ];
  const first = await firstDocumentDateAfter(deps.db, ctx, asOf);
  if (first !== null) {
    issues.push(fieldIssue('asOf', 'report_as_of_before_first_document', { date: asOf, first }));
  }
  if (
    input.currency !== undefined &&
    input.currency !== company.currency &&
    !(await companyUsesCurrency(deps.db, ctx, input.currency))
  ) {
    issues.push(fieldIssue('currency', 'report_currency_unused', { currency: input.currency }));
  }
  if (issues.length > 0) {
    throw new InvalidError('report_invalid', {}, issues);
  }
  return asOf;
}
