/**
 * The product's words for the values of its lists (a status, a risk category, a payment
 * method…), one per language: the web and the CLI show the same word for one value.
 */
export const vocabularyEn = {
  customerStatus: {
    prospect: 'Prospect',
    active: 'Active',
    on_hold: 'On hold',
    in_litigation: 'In litigation',
    closed: 'Closed',
  },
  riskCategory: {
    low: 'Low risk',
    standard: 'Standard risk',
    high: 'High risk',
    critical: 'Critical risk',
  },
  paymentMethod: {
    transfer: 'Bank transfer',
    sepa_direct_debit: 'SEPA direct debit',
    lcr: 'LCR (bill of exchange)',
    card: 'Card',
    cheque: 'Cheque',
    cash: 'Cash',
  },
  contactRole: {
    billing: 'Billing',
    accounts_payable: 'Accounts payable',
    purchasing: 'Purchasing',
    management: 'Management',
    other: 'Other',
  },
  invoiceStatus: {
    open: 'Open',
    partially_paid: 'Partly paid',
    paid: 'Paid',
  },
  invoiceKind: {
    invoice: 'Invoice',
    credit_note: 'Credit note',
  },
  role: {
    admin: 'Administrator',
    credit_manager: 'Credit manager',
    collector: 'Collector',
    department_member: 'Department member',
    read_only: 'Read only',
  },
  dunningChannel: {
    email: 'E-mail',
    letter: 'Letter',
    sms: 'Text message',
    call: 'Phone call',
    task: 'Internal task',
    hold: 'Account hold',
    litigation: 'Litigation',
  },
  dunningActionStatus: {
    awaiting_approval: 'Awaiting approval',
    queued: 'Handed to the outbox',
    open: 'To do',
    done: 'Done',
    dismissed: 'Dismissed',
    cancelled: 'Cancelled',
  },
};
