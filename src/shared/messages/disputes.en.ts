/**
 * What disputes say, in English, by stable code (merged into the catalogue's `codes`): the
 * refusals of a dispute that cannot be raised or resolved. `disputes.fr.ts` has the same keys.
 */
export const disputesEn = {
  dispute_refused: 'The dispute cannot be recorded',
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
} as const;
