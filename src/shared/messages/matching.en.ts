/**
 * What cash application says, in English, by stable code (merged into the catalogue's
 * `codes`): the reasons the matcher gives for a proposal (`match_reason_*`, with the
 * facts it found) and the refusals of the queue's actions. `matching.fr.ts` has the same keys.
 */
export const matchingEn = {
  match_reason_reference: 'Invoice number {{number}} in the remittance text',
  match_reason_reference_rewritten: 'Invoice number {{number}} written as "{{text}}"',
  match_reason_reference_typo: '"{{text}}" is one typo away from invoice number {{number}}',
  match_reason_references_sum_one: 'The amount is that of the invoice named',
  match_reason_references_sum_other: 'The amount is the total of the {{count}} invoices named',
  match_reason_iban_known: 'IBAN known for customer {{customer}}',
  match_reason_iban_other_customer: 'The IBAN is known for another customer, {{customer}}',
  match_reason_name: "Payer's name like {{customer}}'s ({{similarity}} %)",
  match_reason_exact_amount: 'Exact amount of its open invoice {{number}}',
  match_reason_exact_amount_oldest:
    'Exact amount of its oldest open invoice {{number}}, among several',
  match_reason_amount_unique: 'Only open invoice of this amount: {{number}}',
  match_reason_sum_one: 'The amount of one of its open invoices',
  match_reason_sum_other: 'Sum of {{count}} of its open invoices',
  match_reason_credit_note: 'Credit note {{number}} deducted',
  match_reason_partial: 'Partial payment: {{amount, money}} of {{open, money}}',
  match_reason_overpayment: 'Overpayment: {{amount, money}} left unapplied',
  match_reason_oldest_first: 'Spread over its oldest open invoices',
  match_reason_ambiguous: 'Another match fits about as well',
  match_reason_reverses:
    'Takes back the transfer of {{date, day}} ({{reference}}): its payment is voided',
  match_reason_reverses_unmatched:
    'Takes back the transfer of {{date, day}} ({{reference}}), which was not matched yet',
  match_reason_taken_back:
    'Taken back by the bank on {{date, day}} ({{reason}}): this cash is no longer on the account',
  payment_reference_taken: 'A payment already has the reference {{reference}}',
  bank_line_not_incoming:
    'This bank line is money going out ({{amount, money}}): it settles no receivable',
  bank_line_not_queued: 'This bank line is not waiting to be matched (it is {{status}})',
  bank_line_not_applied: 'This bank line has no match to undo',
  bank_line_not_set_aside: 'This bank line was not set aside (it is {{status}})',
  bank_line_allocations_exceed:
    'The allocations total {{total, money}}, more than the {{amount, money}} the line brings',
  threshold_out_of_range: 'The threshold must be a whole number from 1 to 100, not {{value}}',
} as const;
