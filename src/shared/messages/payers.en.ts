/**
 * What the payer profiles say (issue 11, docs/formulas.md « Payer profile »), in English, by
 * stable code (merged into the catalogue's `codes`). `payers.fr.ts` has the same keys.
 */
export const payersEn = {
  payer_thresholds_not_numbers:
    'Give the thresholds as days separated by commas, for categories A, B and C, as 5,15,30',
  payer_limit_out_of_range: 'Give from 1 to {{max}} rows',
  payer_customers_too_many: 'Ask for {{max}} customers at most: {{given}} given',
  payer_cli_help: 'Payer profiles: weighted days late, on-time share, category A–D, 6-month trend',
  payer_cli_as_of: 'the day the profiles are as of, YYYY-MM-DD (default: today)',
  payer_cli_currency: 'only this currency',
  payer_cli_category: 'only the customers of this category (A, B, C or D)',
  payer_cli_thresholds: 'the upper bounds of categories A, B and C, in days (default 5,15,30)',
  payer_cli_limit: 'the most rows shown (100 by default, 1,000 at most)',
  payer_cli_customer: 'one customer’s profile (its code)',
  payer_title: 'Payer profiles as of {{date, day}}, over 12 months from {{from, day}}',
  payer_thresholds_line:
    'Categories: A up to {{a}} days late, B up to {{b}}, C up to {{c}}, D beyond',
  payer_counts_line:
    '{{currency}}: A {{A, number}} · B {{B, number}} · C {{C, number}} · D {{D, number}} · no history {{none, number}}',
  payer_column_code: 'Customer code',
  payer_column_name: 'Name',
  payer_column_currency: 'Currency',
  payer_column_days_late: 'Weighted days late',
  payer_column_on_time_amount: 'On time, by amount',
  payer_column_on_time_count: 'On time, by count',
  payer_column_category: 'Category',
  payer_column_trend: 'Trend over 6 months',
  payer_days: '{{days}} d',
  payer_share: '{{share}}%',
  payer_nothing: 'No invoice paid or overdue over these 12 months.',
  payer_rows_shown_one: '{{count}} row shown of {{total, number}}',
  payer_rows_shown_other: '{{count}} rows shown of {{total, number}}',
};
