/**
 * What payment promises say, in English, by stable code (merged into the catalogue's
 * `codes`): the refusals of a promise that cannot be taken, and the words of the e-mail
 * that confirms one to the customer. `promises.fr.ts` has the same keys.
 */
export const promisesEn = {
  promise_refused: 'The promise cannot be recorded',
  promise_amount_not_positive: 'The promised amount must be more than zero',
  promise_amount_too_large: 'The promised amount is above the largest amount accepted',
  promise_amount_above_open:
    'The promised amount is more than the {{open, money}} still open on its invoices',
  promise_date_past: 'The promised date cannot be before today ({{today, day}})',
  promise_date_too_far:
    'The promised date must be within {{days}} days: further away, agree a payment plan',
  promise_grace_out_of_range: 'The grace days must be a whole number from 0 to {{max}}',
  promise_no_invoices: 'A promise covers at least one invoice',
  promise_invoice_unknown: 'The invoice {{id}} is not one of this customer’s',
  promise_not_an_invoice: '{{number}} is a credit note: a promise covers invoices',
  promise_invoice_not_open: 'The invoice {{number}} has nothing left to pay',
  promise_invoice_currency:
    'The invoice {{number}} is in {{currency}}: a promise covers invoices in {{expected}} only',
  promise_no_email:
    'The customer has no contact with an e-mail address: the promise cannot be confirmed by e-mail',
  promise_not_live: 'The promise is no longer live: only a live promise can be cancelled',
  promise_period_reversed: 'The end of the period cannot come before its start',
  payment_promise_not_found: 'Payment promise {{key}} not found',
  promise_email_subject: 'Your payment of {{amount, money}} by {{date, day}}',
  promise_email_greeting: 'Dear {{name}},',
  promise_email_greeting_anonymous: 'Dear Sir or Madam,',
  promise_email_confirmation:
    'Thank you for our conversation. As agreed, we note your payment of {{amount, money}} by {{date, day}}, for the following invoices:',
  promise_email_invoice: '- invoice {{number}}: {{open, money}} outstanding',
  promise_email_closing:
    'If your payment has already been made, please disregard this message. Do not hesitate to contact us with any question.',
  promise_email_signature: 'Kind regards,',
} as const;
