/**
 * What dispute reports says, in French, by stable code (merged into the catalogue's `codes`).
 * `dispute-reports.en.ts` has the same keys.
 */
export const disputeReportsFr = {
  dispute_report_help:
    'Le tableau des litiges : litiges ouverts par cause, service et ancienneté, délais de résolution, montants bloqués, causes récurrentes',
  dispute_report_as_of_help:
    'Le jour auquel le tableau est compté, AAAA-MM-JJ (par défaut : aujourd’hui)',
  dispute_report_title: 'Litiges au {{date}}',
  dispute_report_open_by_cause: 'Litiges ouverts par cause',
  dispute_report_open_by_department: 'Litiges ouverts par service',
  dispute_report_open_by_age: 'Litiges ouverts par ancienneté (jours depuis l’ouverture)',
  dispute_report_resolution_by_cause: 'Résolus sur les 365 derniers jours, par cause',
  dispute_report_resolution_by_department: 'Résolus sur les 365 derniers jours, par service',
  dispute_report_blocked: 'Retenu des relances',
  dispute_report_recurring_by_customer: 'Causes récurrentes par client (365 jours)',
  dispute_report_recurring_by_sales_rep: 'Causes récurrentes par commercial (365 jours)',
  dispute_report_column_cause: 'Motif',
  dispute_report_column_department: 'Service',
  dispute_report_column_count: 'Litiges',
  dispute_report_column_amount: 'Montant',
  dispute_report_column_overdue: 'Échéance dépassée',
  dispute_report_column_age: 'Ancienneté',
  dispute_report_column_resolved: 'Résolus',
  dispute_report_column_average_days: 'Jours en moyenne',
  dispute_report_column_invoices: 'Factures',
  dispute_report_column_customer: 'Client',
  dispute_report_column_sales_rep: 'Commercial',
  dispute_report_no_department: 'Sans service',
  dispute_report_nothing: 'Aucun.',
} as const;
