/**
 * What an import says of a file, a line or a cell, in English, by stable issue code
 * (merged into the catalogue's `codes`); `imports.fr.ts` has the same keys.
 *
 * Where a code already had another sentence (`required`, `unknown_currency`…) or one
 * code says several things (`bad_encoding`, `empty_file`…), each sentence is a variant
 * of the code chosen by the issue's `context` parameter (`ImportVariant`), so the code
 * users and tests rely on stays the same. `"{{value}}"` is a cell's text with the
 * escapes of a JSON string (`quote` in row-fields.ts), so a `"` or a newline stays visible.
 */
export const importsEn = {
  // A cell of a row.
  required_cell: '{{field}} is required.',
  required_no_default: 'currency is required (no default currency is set).',
  invalid_date:
    '{{field}} "{{value}}" is not a valid date (expected YYYY-MM-DD, DD/MM/YYYY or YYYYMMDD).',
  unknown_currency_cell:
    'currency "{{value}}" is not an ISO 4217 currency code (e.g. EUR, USD, CHF).',
  invalid_amount_empty_text:
    '{{field}} "{{value}}" is not a valid {{currency}} amount (empty amount).',
  invalid_amount_not_number:
    '{{field}} "{{value}}" is not a valid {{currency}} amount ("{{figure}}" is not a number).',
  invalid_amount_ambiguous_mark:
    '{{field}} "{{value}}" is not a valid {{currency}} amount ("{{figure}}" is ambiguous: write it without a thousands separator or with all decimals (1234 or 1.234,00)).',
  invalid_amount_ill_formed:
    '{{field}} "{{value}}" is not a valid {{currency}} amount ("{{figure}}" is not a well-formed amount).',
  invalid_amount_decimals:
    '{{field}} "{{value}}" is not a valid {{currency}} amount ("{{figure}}" has more than {{digits}} decimal places).',
  invalid_amount_above_max:
    '{{field}} "{{value}}" is not a valid {{currency}} amount ("{{figure}}" is above the largest amount accepted, {{max}}).',
  invalid_kind: '{{field}} "{{value}}" is not one of: {{choices}}.',
  invalid_status: '{{field}} "{{value}}" is not one of: {{choices}}.',
  invalid_risk_category: '{{field}} "{{value}}" is not one of: {{choices}}.',
  invalid_payment_method: '{{field}} "{{value}}" is not one of: {{choices}}.',
  invalid_character_nul:
    '{{field}} contains a NUL character ({{codePoint}}) at position {{position}}, which cannot be stored.',
  invalid_character_surrogate:
    '{{field}} contains a lone surrogate ({{codePoint}}, not a Unicode character) at position {{position}}, which cannot be stored.',
  duplicate_in_file_customer_code:
    'Customer code "{{value}}" already appears on line {{firstLine}}.',
  duplicate_in_file_invoice_number:
    'Invoice number "{{value}}" already appears on line {{firstLine}}.',
  duplicate_in_file_credit_note_number:
    'Credit note number "{{value}}" already appears on line {{firstLine}}.',
  duplicate_in_file_payment_reference:
    'Payment reference "{{value}}" already appears on line {{firstLine}}.',
  duplicate_in_file_order_number: 'Order number "{{value}}" already appears on line {{firstLine}}.',
  // Customers.
  too_long: 'code "{{value}}" has {{length}} characters; at most {{max}} are allowed.',
  invalid_siren_cell: '{{field}}: SIREN "{{value}}" is not valid (9 digits, Luhn key).',
  invalid_siret_cell: '{{field}}: SIRET "{{value}}" is not valid (14 digits, Luhn key).',
  invalid_vat_number_cell: '{{field}}: VAT number "{{value}}" is not valid.',
  siret_siren_mismatch_cell:
    '{{field}}: SIRET "{{value}}" does not start with the SIREN {{siren}}.',
  vat_number_siren_mismatch_cell:
    '{{field}}: VAT number "{{value}}" does not match the SIREN {{siren}} (expected {{expected}}).',
  invalid_payment_terms_cell:
    'payment_terms "{{value}}" are not understood (e.g. "30 jours net", "45 jours fin de mois", "net:30", "eom:45").',
  payment_terms_exceed_legal_maximum:
    'payment_terms "{{value}}" can give due dates past the legal maximum (60 days, or 45 days end of month).',
  negative_amount_credit_limit: 'credit_limit "{{value}}" is negative; use 0 for "no credit".',
  invalid_percent:
    'deposit_percent "{{value}}" is not a percentage between 0 and 100 with at most 2 decimals.',
  invalid_email: '{{field}} "{{value}}" is not an e-mail address.',
  invalid_country:
    'country "{{value}}" is not a country (expected an ISO 3166 two-letter code such as FR, BE, DE).',
  unknown_user_by_email: 'No user with e-mail "{{email}}" in this company',
  // Invoices and payments.
  due_before_issue: 'due_date "{{value}}" is before issue_date "{{issueDate}}".',
  payment_terms_exceed_legal_maximum_due_date:
    'due_date {{dueDate}} is {{excessDays}} days past the legal maximum ({{maximumDueDate}}) for an invoice issued on {{issueDate}}.',
  zero_amount: 'amount "{{value}}" is zero.',
  negative_amount_for_invoice:
    'amount "{{value}}" is negative on an invoice; import a credit note with kind=credit_note (or "avoir") and a positive amount.',
  negative_amount_payment:
    'amount "{{value}}" is negative; a payment is money received (a refund to the customer is not imported as a payment).',
  unknown_customer: 'Customer "{{code}}" does not exist',
  unknown_invoice: 'Invoice {{number}} does not exist',
  payment_differs: 'Payment {{reference}} already exists with other values; it is not changed',
  // Orders.
  invalid_boolean: '{{field}} "{{value}}" is not yes or no (oui, non, yes, no, 1, 0, true, false).',
  order_changed:
    'Order {{number}} was received already with another value here; an order already checked is not changed by a file (its delivery, invoicing and cancellation go through the API)',
  // One variant per open total of a customer (`OpenTotalKind`); `max` is in minor units.
  total_too_large_open_invoices:
    "With this line the customer's open invoices in {{currency}} would total more than {{max, money}}, the largest total accepted.",
  total_too_large_open_credit_notes:
    "With this line the customer's open credit notes in {{currency}} would total more than {{max, money}}, the largest total accepted.",
  total_too_large_unapplied_payments:
    "With this line the customer's unapplied payments in {{currency}} would total more than {{max, money}}, the largest total accepted.",
  // Columns and --map.
  invalid_mapping_form:
    '--map: "{{entry}}" is not of the form column=File column (e.g. amount=Montant TTC).',
  invalid_mapping_twice: '--map: "{{column}}" is mapped twice.',
  unknown_column_customers_file:
    '--map: "{{key}}" is not a column of customers files (expected one of: {{columns}}).',
  unknown_column_invoices_file:
    '--map: "{{key}}" is not a column of invoices files (expected one of: {{columns}}).',
  unknown_column_payments_file:
    '--map: "{{key}}" is not a column of payments files (expected one of: {{columns}}).',
  unknown_column_orders_file:
    '--map: "{{key}}" is not a column of orders files (expected one of: {{columns}}).',
  missing_column:
    'Required column "{{column}}" is missing (accepted names: {{accepted}}); name another column with --map {{column}}=<column>.',
  missing_column_mapped:
    '--map {{column}}={{fileColumn}}: the file has no column "{{fileColumn}}" (it has: {{header}}).',
  ambiguous_column:
    'Columns "{{first}}" and "{{second}}" could all be "{{column}}"; choose one with --map {{column}}=<column>.',
  ambiguous_column_many_names:
    'Columns {{names}} could all be "{{column}}"; choose one with --map {{column}}=<column>.',
  alias_column: 'Column "{{name}}" is read as "{{column}}".',
  duplicate_column:
    'The file has more than one column named "{{name}}"; rename one, or choose with --map.',
  ignored_column_customers_file: 'Column "{{name}}" is ignored (not a column of customers files).',
  ignored_column_invoices_file: 'Column "{{name}}" is ignored (not a column of invoices files).',
  ignored_column_payments_file: 'Column "{{name}}" is ignored (not a column of payments files).',
  ignored_column_orders_file: 'Column "{{name}}" is ignored (not a column of orders files).',
  // The file as a whole.
  empty_file: '"{{file}}" is empty: a header row is required.',
  empty_file_no_header: '"{{file}}" has no header row: the file is empty.',
  empty_file_no_worksheet: '"{{file}}" has no worksheet.',
  empty_file_empty_sheet: '"{{file}}": the first worksheet is empty; a header row is required.',
  file_too_large_zip_parts: '"{{file}}" is not read: it has more than {{max, number}} parts.',
  file_too_large_zip_size:
    '"{{file}}" is not read: it unzips to more than {{max, number}} MiB, the most a workbook may hold (save it as CSV, or split it).',
  file_too_large_zip_bomb:
    '"{{file}}" is not read: its part {{part}} expands {{ratio, number}} times (to {{size, number}} MiB), where a spreadsheet expands at most {{maxRatio}} times: it looks like a ZIP bomb.',
  file_too_large_zip_liar:
    '"{{file}}" is not read: its part {{part}} expands past the {{declared, number}} bytes it declares: it is damaged or built to exhaust memory.',
  unsupported_format_xls:
    '"{{file}}" is an Excel 97-2003 workbook (.xls), which is not supported: save it as .xlsx or as CSV.',
  unsupported_format_not_table: '"{{file}}" is neither a CSV file nor an Excel .xlsx workbook.',
  // `detail` is the ZIP reader's or exceljs's own words, in English: kept for support, said last.
  unsupported_format_damaged_zip:
    '"{{file}}" cannot be read: its ZIP archive is damaged or incomplete (a download or a copy cut short?). Save it again as .xlsx, or as CSV. Technical detail: {{detail}}',
  unsupported_format_not_workbook:
    '"{{file}}" is a ZIP archive but not an Excel .xlsx workbook that can be read: save it as .xlsx or as CSV. Technical detail: {{detail}}',
  unsupported_format_not_text:
    '"{{file}}" is not a text file: expected CSV (UTF-8, Windows-1252 or UTF-16) or an Excel .xlsx workbook.',
  cell_too_long:
    '"{{file}}": line {{line}} has a value of {{length, number}} characters, more than the {{max, number}} a spreadsheet cell holds.',
  cell_too_long_in_csv:
    '"{{file}}": line {{line}} has a value of {{length, number}} characters, more than the {{max, number}} a spreadsheet cell holds (a quote opened and closed much later?).',
  malformed_csv:
    '"{{file}}": a quoted field opened on line {{line}} is never closed (a stray " ?).',
  too_many_values:
    'Line {{line}} has {{values}} values but the header has {{columns}} columns (an unquoted "{{delimiter}}" inside a value?).',
  bad_encoding:
    '"{{file}}" is not valid UTF-8: byte 0x{{byte}} on line {{line}}. It was probably saved by Excel in Windows-1252; import it again with --encoding windows-1252, or save it as "CSV UTF-8".',
  bad_encoding_nul:
    '"{{file}}" contains a NUL character ({{codePoint}}) on line {{line}}, which no text holds: the file is damaged or not {{encoding}} text. Check the --encoding option, or save the file as "CSV UTF-8".',
  bad_encoding_surrogate:
    '"{{file}}" contains a lone surrogate ({{codePoint}}, not a Unicode character) on line {{line}}, which no text holds: the file is damaged or not {{encoding}} text. Check the --encoding option, or save the file as "CSV UTF-8".',
  bad_encoding_odd_bytes:
    '"{{file}}" is not valid {{encoding}} text: an odd number of bytes, the last character cut on line {{line}}. Check the --encoding option, or save the file as "CSV UTF-8".',
  bad_encoding_lone_unit:
    '"{{file}}" is not valid {{encoding}} text: a lone surrogate ({{codePoint}}) on line {{line}}. Check the --encoding option, or save the file as "CSV UTF-8".',
  bad_encoding_no_bom:
    '"{{file}}" looks like UTF-16 text without a byte-order mark; import it again with --encoding utf-16le, or save it as "CSV UTF-8".',
  // `encaisse demo` options.
  invalid_size: 'Size must be S, M or L',
  invalid_seed: 'Seed must be an integer',
  invalid_customers: 'The customer count must be a positive integer',
  invalid_date_today: 'Today must be YYYY-MM-DD',
  invalid_uuid: 'Company id must be a UUID',
  invalid_currency: 'The demo is in EUR',
  demo_export_one_format: 'cannot be combined with --export-csv: export one format at a time',
  demo_if_empty_not_for_export:
    'applies to loading a database, not to an export (which touches no database)',
} as const;

/**
 * The `context` values that pick a variant of an import code (see above); the
 * catalogue's `Variant` includes them. None may end another code's name.
 */
export type ImportVariant =
  | 'cell'
  | 'no_default'
  | 'empty_text'
  | 'not_number'
  | 'ambiguous_mark'
  | 'ill_formed'
  | 'decimals'
  | 'above_max'
  | 'nul'
  | 'surrogate'
  | 'customer_code'
  | 'invoice_number'
  | 'credit_note_number'
  | 'payment_reference'
  | 'order_number'
  | 'credit_limit'
  | 'by_email'
  | 'due_date'
  | 'for_invoice'
  | 'open_invoices'
  | 'open_credit_notes'
  | 'unapplied_payments'
  | 'form'
  | 'twice'
  | 'customers_file'
  | 'invoices_file'
  | 'payments_file'
  | 'orders_file'
  | 'mapped'
  | 'many_names'
  | 'no_header'
  | 'no_worksheet'
  | 'empty_sheet'
  | 'zip_parts'
  | 'zip_size'
  | 'zip_bomb'
  | 'zip_liar'
  | 'xls'
  | 'not_table'
  | 'damaged_zip'
  | 'not_workbook'
  | 'not_text'
  | 'in_csv'
  | 'odd_bytes'
  | 'lone_unit'
  | 'no_bom'
  | 'today';

/** The lines `encaisse import` prints around the issues (src/cli/commands/import.ts). */
export const importReportEn = {
  saved: 'saved',
  dryRun: 'dry run: nothing saved',
  refused: 'refused: nothing saved',
  // Each count is its own word, so French can agree it with its number (« 1 créé, 2 créés »).
  created_one: '{{count}} created',
  created_other: '{{count}} created',
  updated_one: '{{count}} updated',
  updated_other: '{{count}} updated',
  unchanged_one: '{{count}} unchanged',
  unchanged_other: '{{count}} unchanged',
  rejected_one: '{{count}} rejected',
  rejected_other: '{{count}} rejected',
  // What the credit check made of the orders a file created (`encaisse import orders`).
  validated_one: '{{count}} validated',
  validated_other: '{{count}} validated',
  held_one: '{{count}} held',
  held_other: '{{count}} held',
  creditChecked: '  credit check of the orders created: {{validated}}, {{held}}',
  counts: '{{created}}, {{updated}}, {{unchanged}}, {{rejected}}',
  wouldBe: 'would be {{counts}}',
  summary_one: '{{file}}: {{count}} row — {{counts}} ({{verdict}})',
  summary_other: '{{file}}: {{count}} rows — {{counts}} ({{verdict}})',
  fileRefused: '{{file}}: the file is refused ({{verdict}})',
  file: 'file',
  line: 'line {{line}}',
  issue: '  {{where}}, {{message}}',
  note: '  note: {{message}}',
  fixLines: 'Fix the lines above and import again, or use --partial to save the other lines.',
} as const;
