/**
 * The aged balance as a PDF to print (issue 11), laid out by report-pdf.ts: the group's
 * columns in one, the currency, then each bucket and the sums as the reader writes amounts
 * (`1 234,56 €`, `€1,234.56`); a total per currency.
 */
import { messageOf } from '../shared/messages/catalogue.ts';
import {
  AGED_BALANCE_GROUPING,
  figureHeadings,
  figuresOf,
  groupCells,
  groupHeadings,
  totalCells,
  type AgedBalanceFileContext,
} from './aged-balance-export.ts';
import { formatReportMoney } from './figure-text.ts';
import { renderReportPdf, type PdfColumn } from './report-pdf.ts';
import type { TAgedBalance, TAgedBalanceTotal } from './schemas.ts';

/** The balance as one PDF, in `context.language`; resolves to its bytes. */
export function renderAgedBalancePdf(
  balance: TAgedBalance,
  context: AgedBalanceFileContext,
): Promise<Uint8Array> {
  const { language } = context;
  const amounts = (row: TAgedBalanceTotal) =>
    figuresOf(row).map((amount) => formatReportMoney(amount, row.currency, language));
  const columns: PdfColumn[] = [
    { heading: groupHeadings(balance.by, language).join(' · '), widthMm: 52, align: 'left' },
    { heading: messageOf(language, 'aged_balance_column_currency'), widthMm: 12, align: 'left' },
    ...figureHeadings(balance, language).map((heading): PdfColumn => ({
      heading,
      widthMm: null,
      align: 'right',
    })),
  ];
  return renderReportPdf({
    company: context.company,
    language,
    title: messageOf(language, 'aged_balance_title', { date: balance.asOf }),
    subtitle: messageOf(language, AGED_BALANCE_GROUPING[balance.by]),
    columns,
    rows: balance.rows.map((row) => [
      groupCells(balance.by, row.group, language).join(' '),
      row.currency,
      ...amounts(row),
    ]),
    totals: balance.totals.map((total) => [
      totalCells(balance.by, total.currency, language).join(' '),
      total.currency,
      ...amounts(total),
    ]),
    emptyText: messageOf(language, 'aged_balance_nothing_open'),
  });
}
