/**
 * What the FEC reader says of a file and of its lines, in English, by stable issue code
 * (merged into the catalogue's `codes`); `fec.fr.ts` has the same keys. Every code carries
 * the `fec_` prefix, so this part cannot hide another. `"{{value}}"` is a field's text with
 * the escapes of a JSON string (`quote` in row-fields.ts). Amounts are in minor units.
 */
export const fecEn = {
  // The file as a whole (src/imports/fec/parse-fec.ts).
  fec_empty_file: '"{{file}}" is empty: a FEC starts with its header row.',
  fec_no_separator:
    '"{{file}}" is not a FEC: its header has neither tabs nor "|" between its columns (found: "{{found}}").',
  fec_column_count:
    '"{{file}}" is not a FEC: its header has {{count}} columns where a FEC has {{expectedCount}} (LPF art. A47 A-1). Expected: {{expected}} (or Montant, Sens in place of Debit, Credit). Found: "{{found}}".',
  fec_column_order:
    '"{{file}}" is not a FEC: its column {{position}} is "{{name}}" where a FEC has {{expectedName}} (LPF art. A47 A-1). Expected: {{expected}}. Found: "{{found}}".',
  fec_decimal_point:
    '"{{file}}" writes its amounts with a decimal point ({{field}} "{{value}}" on line {{line}}) where a FEC writes a decimal comma (LPF art. A47 A-1). If the file is right otherwise, import it again with --decimal-point.',
  fec_too_many_issues:
    '"{{file}}" has {{count, number}} problems; only the first {{shown, number}} are listed.',
  // A line.
  fec_field_count:
    'Line {{line}} has {{count}} fields where the header has {{expectedCount}} (a separator inside a value, or a field left out?).',
  fec_required: '{{field}} is empty; a FEC line must fill it in.',
  fec_invalid_date:
    '{{field}} "{{value}}" is not a date written YYYYMMDD (AAAAMMJJ), or no such day exists.',
  fec_invalid_amount:
    '{{field}} "{{value}}" is not an amount as a FEC writes it: digits, then at most {{digits}} decimals after a "{{mark}}", without thousands separators (e.g. {{example}}).',
  fec_amount_too_large:
    '{{field}} "{{value}}" is above the largest amount accepted, {{max, money}}.',
  fec_negative_amount:
    '{{field}} "{{value}}" is negative; a FEC writes a debit in Debit and a credit in Credit, both positive.',
  fec_debit_and_credit:
    'Line {{line}} has both a Debit ("{{debit}}") and a Credit ("{{credit}}"); a FEC line is a debit or a credit.',
  fec_invalid_direction: '{{field}} "{{value}}" is neither D (debit) nor C (credit).',
  fec_unknown_currency:
    '{{field}} "{{value}}" is not an ISO 4217 currency code (e.g. EUR, USD, CHF).',
  fec_currency_missing:
    'Montantdevise "{{value}}" is given without its currency: {{field}} is empty.',
  // An entry.
  fec_unbalanced_entry:
    'Entry {{entry}} of journal {{journal}} does not balance: its debits total {{debit, money}} and its credits {{credit, money}}.',
  // What the lines build (src/imports/fec/plan-fec.ts).
  fec_piece_other_customer:
    'Line {{line}} puts piece {{number}} on customer {{customer}}, but line {{firstLine}} put it on customer {{firstCustomer}}: a number names one document of one customer. The line is left out.',
  fec_piece_other_currency:
    'Line {{line}} puts piece {{number}} in {{currency}}, but line {{firstLine}} put it in {{firstCurrency}}. The line is left out.',
  fec_partial_lettering:
    'Lettering "{{letter}}" of customer {{customer}} does not balance (debits {{debit, money}}, credits {{credit, money}}): {{allocated, money}} is allocated, the rest stays open.',
  // What an import of the lines does with what is stored (src/imports/fec/apply-fec.ts).
  fec_entry_refused:
    'Line {{line}} belongs to entry {{entry}} of journal {{journal}}, which is refused (see its other lines): an entry is imported whole or not at all.',
  fec_allocation_reduced:
    'Lettering "{{letter}}" of customer {{customer}} allocates {{planned, money}} of {{source}} to invoice {{number}}, but only {{allocated, money}} of it can be, since allocations made in Encaisse already settle the rest.',
  fec_item_absent:
    'Invoice {{number}} issued on {{date}} ({{amount, money}}), imported from an earlier FEC ({{source}}), is not in this one; it is kept. Was it deleted in the books?',
  fec_item_absent_credit_note:
    'Credit note {{number}} issued on {{date}} ({{amount, money}}), imported from an earlier FEC ({{source}}), is not in this one; it is kept. Was it deleted in the books?',
  fec_item_absent_payment:
    'Payment {{number}} received on {{date}} ({{amount, money}}), imported from an earlier FEC, is not in this one; it is kept. Was it deleted in the books?',
  fec_too_many_absent:
    '{{count, number}} items imported from earlier FECs of this period are not in this one; only the first {{shown, number}} are listed.',
  // The CLI's report and progress line (src/cli/commands/import.ts).
  // Figures as labels, not plurals: no count to agree with, in any language.
  fec_report_summary:
    '{{file}} — lines read: {{lines, number}}, rejected: {{rejected, number}} ({{verdict}})',
  fec_report_heading_item: 'Item',
  fec_report_heading_created: 'Created',
  fec_report_heading_updated: 'Updated',
  fec_report_heading_unchanged: 'Unchanged',
  fec_report_customers: 'Customers',
  fec_report_invoices: 'Invoices',
  fec_report_credit_notes: 'Credit notes',
  fec_report_payments: 'Payments',
  fec_report_allocations: 'Allocations',
  fec_progress: '{{file}}: {{done, number}} of {{total, number}} items processed…',
} as const;
