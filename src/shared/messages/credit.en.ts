/**
 * What credit management says, in English, by stable code (merged into the catalogue's
 * `codes`): the refusals of limits, exceptions, holds and orders, and the account-opening
 * checklist's items. `credit.fr.ts` has the same keys.
 */
export const creditEn = {
  credit_threshold_out_of_range:
    'A threshold is a share of the limit in basis points, from {{min}} to {{max}}',
  credit_alert_above_block: 'The alert threshold cannot be above the block threshold',
  credit_cover_above_limit: 'The covered part cannot be more than the limit',
  credit_cover_required:
    'Say what covers the covered part (credit insurance, bank or parent guarantee, other)',
  credit_expiry_before_start: 'The expiry date cannot be before the start date',
  credit_expiry_past: 'The expiry date cannot be in the past',
  credit_review_before_start: 'The review date cannot be before the start date',
  credit_exception_amount_not_positive: 'An exception is an amount more than zero',
  credit_reason_required: 'Give the reason for this decision',
  credit_exception_too_long: 'An exception runs {{days}} days at most: beyond, decide a new limit',
  credit_limit_refused: 'The credit limit cannot be recorded',
  credit_exception_refused: 'The exception cannot be granted',
  credit_above_authority:
    'This decision is above your authority (level {{level}}, up to {{max, money}}): ask someone of a higher level',
  credit_order_not_held: 'The order {{number}} is not held (status {{status}})',
  credit_order_no_prepayment: 'The order {{number}} was not put on prepayment',
  credit_hold_not_active: 'A customer {{status}} cannot be put on credit hold',
  credit_not_on_hold: 'The customer is not on credit hold (status {{status}})',
  credit_still_over_limit:
    'The exposure of {{exposure, money}} is still over the limit of {{limit, money}}: grant an exception, raise the limit or ask for a prepayment first',
  credit_policy_refused: 'The credit policy cannot be saved',
  order_refused: 'The order cannot be received',
  order_number_invalid: 'An order number has 1 to {{max}} characters',
  order_amount_not_positive: 'The amount must be more than zero',
  order_date_in_future: 'The order date cannot be after today',
  order_delivery_before_order: 'The delivery date cannot be before the order date',
  order_move_refused: 'The order {{number}} cannot move so',
  order_not_deliverable: 'Only a validated order can be delivered (status {{status}})',
  order_not_invoiceable: 'Only a validated or delivered order can be invoiced (status {{status}})',
  order_invoiced_out_of_range: 'The invoiced amount must be from {{min, money}} to {{max, money}}',
  order_not_cancellable: 'An order {{status}} cannot be cancelled',
  sales_order_not_found: 'Order {{key}} not found',
  siren_invalid: 'SIREN {{value}} is not valid (9 digits, Luhn key)',
  no_siren: 'No SIREN',
  siren_from_siret: 'SIREN {{siren}}, taken from the SIRET',
  foreign_customer: 'Foreign customer ({{country}}): identified by its VAT number',
  no_vat_number: 'Foreign customer ({{country}}) without a VAT number',
  billing_address_incomplete: 'Billing address incomplete: {{fields}}',
  delivery_address_incomplete: 'Delivery address incomplete: {{fields}}',
  same_as_billing: 'Delivered to the billing address',
  no_payables_contact: 'No accounts-payable contact',
  no_payables_email: 'The accounts-payable contact has no e-mail',
  terms_invalid: 'Payment terms “{{code}}” cannot be read',
  terms_over_legal_maximum:
    'Terms {{code}} can reach {{longestDays}} days, over the legal maximum (60 days, or 45 days end of month; C. com. L441-10)',
  terms_over_policy_maximum:
    'Terms {{code}} can reach {{longestDays}} days; the company’s rule allows {{maxDays}}',
  cheque_discouraged: 'Cheque is discouraged: slow to collect and may bounce',
  limit_not_decided: 'Credit limit not decided',
  limit_decider_unknown: 'Credit limit with no known decider',
  blocking_items_missing: 'Blocking items are missing to activate the customer',
  override_role_not_allowed: 'Your role may not override the opening checklist',
  override_reason_required: 'Give a reason for the override',
  opening_max_term_days_out_of_range:
    'The maximum term must be a whole number of days from 0 to {{max}} (got {{days}})',
  credit_hold_customer_closed: 'the account is closed',
  credit_hold_account_not_opened: 'a prospect: the account opening is not complete',
  credit_hold_in_litigation: 'handed over to litigation',
  credit_hold_on_hold: 'the customer is on credit hold',
  credit_hold_currency_not_covered: 'the limit is in another currency',
  credit_hold_limit_expired: 'the limit has expired: a decision is due',
  credit_hold_limit_not_started: 'the limit does not apply yet',
  credit_hold_no_limit: 'no limit decided',
  credit_hold_over_limit: 'over the limit with this order',
  credit_not_prospect:
    'Only a prospect is activated through its account opening (status {{status}})',
  opening_item_missing: 'Missing to open the account: {{item}}',
  prospect_activation_through_opening:
    'A prospect becomes active through its account opening (checklist), not by changing its status',
  order_invoice_unknown:
    'The invoice {{number}} is not one of this customer’s (or its legal entity’s)',
  invoicing_lag_period_reversed: 'The end of the period cannot be before its start',
  credit_alert_subject: 'Credit alert: {{customer}} at {{percent}} % of its limit',
  credit_alert_block_subject: 'Credit limit exceeded: {{customer}} is on credit hold',
  credit_alert_body:
    'The exposure of {{customer}} has reached the alert threshold of its credit limit.',
  credit_alert_block_body:
    'The exposure of {{customer}} is over its credit limit: its new orders are held until a decision (an exception, a prepayment or a new limit).',
  credit_alert_figures: 'Exposure {{exposure, money}}, limit {{limit, money}}.',
} as const;

/** The words of `encaisse credit` (merged into the catalogue's `cliHelp`). */
export const creditCliHelpEn = {
  credit: 'Credit management: the credit check of an order, see docs/credit.md',
  creditCheck: 'May this order be shipped? Exit 0 accepted, 10 held (the reasons printed)',
  creditReview:
    'Review the entities with a limit, for the alerts and holds the ledger’s own crossings call for (the daily run does it before dunning)',
  creditCustomer: 'the customer’s code',
  creditAmount: 'the order’s amount incl. tax (1234.56 or 1 234,56)',
  creditCurrency: 'its currency (the limit’s by default)',
  creditOrder: 'an order already received, by its number',
} as const;

/** What `encaisse credit` prints (merged into the catalogue's `cliOutput`). */
export const creditCliOutputEn = {
  creditAccepted:
    'Accepted for {{customer}}: exposure {{exposure}} with this order, limit {{limit}}, still available {{available}}.',
  creditReviewed:
    'Credit review: {{entities, number}} entities with a limit, {{reviewed, number}} reviewed; {{alertsRaised, number}} alerts raised, {{holdsPlaced, number}} holds placed, {{holdsReleased, number}} released, {{ordersValidated, number}} held orders validated.',
  creditHeld:
    'Held for {{customer}}: {{reasons}} (exposure {{exposure}} with this order, limit {{limit}}).',
} as const;
