/**
 * What the reports say, in English, by stable code (merged into the catalogue's `codes`).
 * `reports.fr.ts` has the same keys.
 */
export const reportsEn = {
  report_invalid: 'This report cannot be made as asked: see each issue',
  aging_buckets_empty: 'Give at least one bucket bound, in days',
  aging_buckets_not_numbers: 'Give the bucket bounds as days separated by commas, as 30,60,90',
  aging_bucket_not_integer: 'A bucket bound is a whole number of days: {{bound}}',
  aging_bucket_not_positive: 'A bucket bound is at least 1 day: {{bound}}',
  aging_buckets_not_increasing:
    'Each bucket bound must be above the one before it: {{bound}} after {{previous}}',
  payer_thresholds_count: 'Give 3 thresholds, for categories A, B and C: {{given}} given',
  payer_threshold_not_integer: 'A threshold is a whole number of days, 0 or more: {{threshold}}',
  payer_thresholds_not_increasing:
    'Each threshold must be above the one before it: {{threshold}} after {{previous}}',
  report_as_of_in_future:
    'The report cannot be as of {{date, day}}: that is after today ({{today, day}})',
  report_as_of_before_first_document:
    'The report cannot be as of {{date, day}}: the first invoice was issued on {{first, day}}',
  report_currency_unused: 'The company has no invoice in {{currency}}',
  report_months_out_of_range: 'Give from 1 to {{max}} months',
  // The aged balance at the edges: its files' headings and the CLI's help.
  aged_balance_title: 'Aged balance as of {{date, day}}',
  aged_balance_sheet: 'Aged balance',
  aged_balance_by_customer: 'By customer',
  aged_balance_by_collector: 'By collector',
  aged_balance_by_category: 'By risk category',
  aged_balance_column_as_of: 'As of',
  aged_balance_column_code: 'Customer code',
  aged_balance_column_customer: 'Customer',
  aged_balance_column_collector: 'Collector',
  aged_balance_column_category: 'Risk category',
  aged_balance_column_currency: 'Currency',
  aged_balance_bucket_not_due: 'Not yet due',
  aged_balance_bucket_range: '{{from}}–{{to}} days',
  aged_balance_bucket_over: 'Over {{after}} days',
  aged_balance_column_invoices_open: 'Open invoices',
  aged_balance_column_overdue: 'Overdue',
  aged_balance_column_credit_notes: 'Unapplied credit notes',
  aged_balance_column_unapplied_cash: 'Unapplied cash',
  aged_balance_column_net: 'Net balance',
  aged_balance_no_collector: 'No collector',
  aged_balance_nothing_open: 'Nothing open on that date.',
  aged_balance_rows_shown_one: '{{count}} row of {{total}} shown; the totals cover them all.',
  aged_balance_rows_shown_other: '{{count}} rows of {{total}} shown; the totals cover them all.',
  aged_balance_page: 'Page {{page}} of {{pages}}',
  aged_balance_cli_report: 'Reports: the aged balance (later DSO, payers, forecast)',
  aged_balance_cli_help:
    'The aged balance: open invoices by days past due, unapplied credit notes and cash, per customer, collector or risk category and currency',
  aged_balance_cli_as_of: 'the day the balance is as of, YYYY-MM-DD (default: today)',
  aged_balance_cli_by: 'rows per customer, collector or category (default: customer)',
  aged_balance_cli_buckets:
    'upper bounds of the late buckets but the last, in days, increasing (default: 30,60,90)',
  aged_balance_cli_currency: 'only this currency (ISO 4217)',
  aged_balance_cli_sort: 'open (default), overdue or name',
  aged_balance_cli_limit: 'at most this many rows in the table or JSON (default: all)',
  aged_balance_cli_csv: 'print every row as CSV',
  aged_balance_cli_xlsx: 'write every row and the totals to this Excel workbook',
  aged_balance_cli_pdf: 'write every row and the totals to this PDF (A4 landscape)',
  aged_balance_cli_one_format: 'Choose one output: --json, --csv, --xlsx or --pdf',
  aged_balance_cli_written: 'Written: {{path}} ({{count}} rows)',
} as const;
