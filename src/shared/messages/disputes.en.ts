/**
 * What disputes say, in English, by stable code (merged into the catalogue's `codes`): the
 * refusals of a dispute that cannot be opened, changed or resolved, the causes' default
 * names, what the system writes when a dispute closes by itself; and the words of
 * `encaisse disputes` (merged into `cliHelp` and `cliOutput`). `disputes.fr.ts` has the same keys.
 */
export const disputesEn = {
  dispute_refused: 'The dispute cannot be recorded',
  dispute_not_found: 'Dispute {{key}} not found',
  department_not_found: 'Department {{key}} not found',
  dispute_credit_note_refused: '{{number}} is a credit note: only an invoice can be disputed',
  dispute_invoice_paid: 'The invoice {{number}} is paid: there is nothing left to dispute',
  dispute_already_open:
    'The invoice {{number}} is already disputed: resolve that dispute before raising another',
  dispute_not_open: 'The invoice {{number}} has no open dispute',
  dispute_amount_not_positive: 'The disputed amount must be a whole number of cents above zero',
  dispute_amount_too_large: 'The disputed amount is above the largest amount accepted',
  dispute_amount_above_open:
    'The disputed amount is more than the {{open, money}} still open on invoice {{number}}',
  dispute_note_too_long: 'The note must be at most {{max}} characters',
  dispute_amount_one_invoice: 'An amount is for one invoice: give one --invoice with --amount',
  dispute_invoice_unknown: 'There is no invoice {{key}}',
  dispute_invoice_repeated: 'The invoice {{number}} is named twice',
  dispute_customers_mixed:
    'These invoices are of several customers: a dispute is about one customer’s invoices',
  dispute_currencies_mixed:
    'These invoices are in several currencies: a dispute is about invoices of one currency',
  dispute_cause_unknown: 'There is no active cause {{cause}}: see the company’s dispute causes',
  dispute_cause_label_required:
    'Give this cause a label: only the default causes have words of their own',
  dispute_department_unknown: 'There is no department {{key}}',
  dispute_department_inactive: 'The department {{name}} no longer takes disputes',
  dispute_deadline_before_raised:
    'The deadline cannot be before the day it was opened ({{date, day}})',
  dispute_resolved: 'The dispute {{reference}} is resolved: it can no longer be changed',
  dispute_already_resolved: 'The dispute {{reference}} is already resolved',
  dispute_credit_note_required:
    'A justified dispute says whether its credit note is issued or to issue',
  dispute_credit_note_not_justified: 'Only a justified dispute has a credit note',
  department_code_taken: 'The company already has a department {{code}}',
  dispute_closed_paid: 'Closed by itself: its invoices are paid.',
  dispute_closed_by_credit: 'Closed by itself: a credit note was allocated to its invoices.',
  dispute_cause_price: 'Price',
  dispute_cause_discount_not_applied: 'Discount not applied',
  dispute_cause_quantity: 'Quantity',
  dispute_cause_quality: 'Quality',
  dispute_cause_late_delivery: 'Late delivery',
  dispute_cause_not_delivered: 'Not delivered / no proof of delivery',
  dispute_cause_invoice_error: 'Invoice error',
  dispute_cause_duplicate: 'Duplicate',
  dispute_cause_not_ordered: 'Not ordered',
  dispute_cause_already_paid: 'Already paid',
  dispute_cause_other: 'Other',
} as const;

/** The help of `encaisse disputes` (merged into `cliHelp`). */
export const disputesCliHelpEn = {
  disputes: 'The disputes (« litiges »): open, list and resolve them, see docs/disputes.md',
  disputesOpen: 'Open a dispute over one or more invoices of one customer',
  disputesInvoice: 'The number of an invoice disputed (repeat for several)',
  disputesAmount:
    'The disputed part, as 120.50 or 120,50 (one invoice only; all that is open by default)',
  disputesCause: 'The cause (price, quantity, not_delivered…: see the company’s causes)',
  disputesDepartment: 'The code of the department that must answer',
  disputesDescription: 'What the customer says',
  disputesList: 'List the disputes, newest first',
  disputesStatus:
    'Only the disputes of this status (open, waiting_department, waiting_customer, resolved)',
  disputesResolve: 'Resolve a dispute, named by its id or its reference (LIT-000123)',
  disputesOutcome: 'How it ended: justified, rejected or corrected',
  disputesCreditNote: 'With justified: whether the credit note is issued or to_issue',
  disputesNote: 'A note on how it ended',
} as const;

/** What `encaisse disputes` prints (merged into `cliOutput`). */
export const disputesCliOutputEn = {
  columnReference: 'Reference',
  columnDisputeCause: 'Cause',
  columnDisputed: 'Disputed',
  columnDisputeStatus: 'Status',
  columnDeadline: 'Deadline',
  disputeOpened: 'Dispute {{reference}} opened: {{amount}} held back from dunning',
  disputeResolved: 'Dispute {{reference}} resolved: {{outcome}}',
  disputesShown_one: '{{count, number}} dispute shown',
  disputesShown_other: '{{count, number}} disputes shown',
  disputeStatusOpen: 'open',
  disputeStatusWaitingDepartment: 'waiting for the department',
  disputeStatusWaitingCustomer: 'waiting for the customer',
  disputeStatusResolved: 'resolved',
  disputeOutcomeJustified: 'justified',
  disputeOutcomeRejected: 'rejected',
  disputeOutcomeCorrected: 'corrected',
  disputeOutcomePaid: 'paid',
} as const;
