/**
 * What the Pareto, the collectors' activity and the aged balance's drill-down say, in
 * English, by stable code (merged into the catalogue's `codes`). `insights.fr.ts` has the
 * same keys.
 */
export const insightsEn = {
  aged_balance_cell_out_of_range:
    'Give a bucket from 0 (not yet due) to {{last}}, or credit_notes, or unapplied_cash',
  aged_balance_cell_unknown:
    'Give the cell as a bucket’s index (0: not yet due), credit_notes or unapplied_cash',
  aged_balance_cell_one_row: 'Give one row at most: a customer, a collector or a category',
  pareto_share_out_of_range: 'The share is a whole percentage from 1 to 100: {{share}}',
  collector_activity_from_after_to:
    'The period starts on {{from, day}}, after its end on {{to, day}}',
  collector_activity_too_many_weeks: 'Ask for {{max}} weeks at most',
  pareto_cli_help: 'The customers or invoices that carry 80 % of the overdue amount, per currency',
  pareto_cli_as_of: 'the day the overdue amount is as of, YYYY-MM-DD (default: today)',
  pareto_cli_of: 'customers (default) or invoices',
  pareto_cli_currency: 'this currency only (ISO 4217)',
  pareto_cli_share: 'the share of the overdue amount to reach, in percent (default: 80)',
  pareto_cli_limit: 'the most lines shown per currency (default: 100)',
  pareto_title: 'Pareto of the amount overdue on {{date, day}}, in {{currency}}',
  pareto_summary_one:
    '{{count}} line of {{items}} carries {{covered}} of the {{total}} overdue ({{share}} %).',
  pareto_summary_other:
    '{{count}} lines of {{items}} carry {{covered}} of the {{total}} overdue ({{share}} %).',
  pareto_nothing: 'Nothing overdue on this date.',
  pareto_column_invoice: 'Invoice',
  pareto_column_due_on: 'Due date',
  pareto_column_days_late: 'Days late',
  pareto_column_cumulative: 'Cumulative share',
  pareto_lines_shown_one: '{{count}} line shown of {{total}}.',
  pareto_lines_shown_other: '{{count}} lines shown of {{total}}.',
  collectors_cli_help:
    'Collector activity per ISO week: contacts, calls, promises taken and kept, kept rates',
  collectors_cli_from: 'the first day, YYYY-MM-DD, its week counted whole (default: 12 weeks ago)',
  collectors_cli_to: 'the last day, YYYY-MM-DD, its week counted whole (default: today)',
  collectors_title: 'Collector activity, weeks of {{from, day}} to {{to, day}}',
  collectors_nothing: 'No activity in this period.',
  collectors_nobody: 'Nobody',
  collectors_whole_period: 'Whole period',
  collectors_column_week: 'Week of',
  collectors_column_contacts: 'Contacts made',
  collectors_column_messages: 'Messages sent',
  collectors_column_calls: 'Calls',
  collectors_column_reached: 'Reached',
  collectors_column_taken: 'Promises taken',
  collectors_column_due: 'Promises due',
  collectors_column_kept: 'Kept',
  collectors_column_rate_count: 'Kept rate (count)',
  collectors_column_rate_amount: 'Kept rate (amount)',
} as const;
