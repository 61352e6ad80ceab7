/**
 * What dispute reports says, in English, by stable code (merged into the catalogue's `codes`).
 * `dispute-reports.fr.ts` has the same keys.
 */
export const disputeReportsEn = {
  dispute_report_help:
    'The dispute report: open disputes by cause, department and age, resolution times, amounts held back, recurring causes',
  dispute_report_as_of_help: 'The day the report is counted at, YYYY-MM-DD (default: today)',
  dispute_report_title: 'Disputes on {{date}}',
  dispute_report_open_by_cause: 'Open disputes by cause',
  dispute_report_open_by_department: 'Open disputes by department',
  dispute_report_open_by_age: 'Open disputes by age (days since raised)',
  dispute_report_resolution_by_cause: 'Resolved over the last 365 days, by cause',
  dispute_report_resolution_by_department: 'Resolved over the last 365 days, by department',
  dispute_report_blocked: 'Held back from dunning',
  dispute_report_recurring_by_customer: 'Recurring causes by customer (365 days)',
  dispute_report_recurring_by_sales_rep: 'Recurring causes by sales rep (365 days)',
  dispute_report_column_cause: 'Cause',
  dispute_report_column_department: 'Department',
  dispute_report_column_count: 'Disputes',
  dispute_report_column_amount: 'Amount',
  dispute_report_column_overdue: 'Past deadline',
  dispute_report_column_age: 'Age',
  dispute_report_column_resolved: 'Resolved',
  dispute_report_column_average_days: 'Average days',
  dispute_report_column_invoices: 'Invoices',
  dispute_report_column_customer: 'Customer',
  dispute_report_column_sales_rep: 'Sales rep',
  dispute_report_no_department: 'No department',
  dispute_report_nothing: 'None.',
} as const;
