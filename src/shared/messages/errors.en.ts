/**
 * What a failed request or command says, in English, by stable code: each
 * `DomainError`'s `reason` and each `Issue`'s `code` is a key here. `{{name}}` is a
 * parameter the error carries; `errors.fr.ts` has the same keys.
 */
export const errorsEn = {
  titles: {
    not_found: 'Not found',
    invalid: 'Invalid input',
    conflict: 'Conflict',
    forbidden: 'Forbidden',
    unauthorized: 'Unauthorized',
    rate_limited: 'Too many requests',
    database_in_use: 'Database in use',
    audit_broken: 'Audit trail broken',
    bad_request: 'Bad request',
    upstream_refused: 'Refused by the server it reached',
    internal: 'Internal error',
  },
  phrases: {
    labelled: '{{label}}: {{text}}',
    separator: '; ',
  },
  cli: {
    error: 'error: {{message}}',
    lineField: 'line {{line}}, {{field}}',
    columnCode: 'Code',
    columnLegalName: 'Legal name',
    columnStatus: 'Status',
    columnBalance: 'Outstanding',
    columnOverdue: 'Overdue',
    columnOldestOverdue: 'Max late',
    columnNumber: 'Number',
    columnCustomer: 'Customer',
    columnIssued: 'Issued',
    columnDue: 'Due',
    columnAmount: 'Amount',
    columnOpen: 'Open',
    columnDaysLate: 'Late',
    days: '{{count, number}} d',
    creditNote: '{{number}} (credit note)',
    total: 'Total {{currency}}',
    documents_one: '{{count, number}} document',
    documents_other: '{{count, number}} documents',
    customersShown_one: '{{shown, number}} of {{count, number}} customer',
    customersShown_other: '{{shown, number}} of {{count, number}} customers',
    invoicesShown_one: '{{shown, number}} of {{count, number}} invoice',
    invoicesShown_other: '{{shown, number}} of {{count, number}} invoices',
    customerTotals_one:
      'Total {{currency}}: outstanding {{balance}}, overdue {{overdue}} ({{count, number}} customer)',
    customerTotals_other:
      'Total {{currency}}: outstanding {{balance}}, overdue {{overdue}} ({{count, number}} customers)',
  },
  codes: {
    // What was asked for does not exist in the caller's company.
    company_not_found: 'Company {{key}} not found',
    no_company: 'No company yet: run `encaisse demo` or create one',
    user_not_found: 'User {{key}} not found',
    user_change_empty: 'Give a role, an active flag or both',
    api_token_not_found: 'API token {{key}} not found',
    customer_not_found: 'Customer {{key}} not found',
    invoice_not_found: 'Invoice {{key}} not found',
    credit_note_not_found: 'Credit note {{key}} not found',
    payment_not_found: 'Payment {{key}} not found',
    allocation_not_found: 'Allocation {{key}} not found',
    bank_line_not_found: 'Bank line {{key}} not found',
    route_not_found: 'No route {{method}} {{path}}',
    // Signing in and rights.
    sign_in_first: 'Sign in first',
    wrong_credentials: 'E-mail or password is wrong',
    session_expired: 'Your session has expired: sign in again',
    api_token_unknown: 'The API token is unknown or revoked',
    api_token_expired: 'The API token expired on {{date}}',
    api_token_has_no_session: 'An API token has no session: sign in with a user',
    bearer_malformed: 'Authorization must be "Bearer <API token>"',
    csrf_refused: 'Missing or wrong x-csrf-token header (cross-site request refused)',
    role_forbidden: 'Your role ({{role}}) does not allow {{permission}}',
    link_forbidden: 'This link does not open that ({{permission}})',
    action_forbidden: 'Your role does not allow this action',
    access_needs_signed_in_admin:
      'Managing users and API tokens takes a signed-in admin, not an API token',
    password_change_needs_user: 'Only a signed-in user can change their password',
    language_needs_user: 'Only a signed-in user has a language of their own',
    too_many_attempts: 'Too many wrong passwords: try again in {{seconds}} seconds',
    // Clashes with what is stored.
    company_code_taken: 'A company with code "{{code}}" already exists',
    user_email_taken: 'A user with e-mail {{email}} already exists',
    last_admin: 'The company must keep at least one active admin',
    api_token_already_revoked: 'API token "{{name}}" was already revoked on {{date}}',
    already_exists: '{{article}} {{entity}} with {{key}} already exists',
    record_exists: 'This {{entity}} already exists',
    open_amount_out_of_bounds: 'The open amount of {{number}} would leave its bounds',
    allocation_already_undone: 'Allocation {{id}} was already undone',
    demo_exists:
      'The demo company already exists in this database; use a fresh --db to make another',
    export_file_exists: '{{path}} already exists: remove it or export into another directory',
    // Refused input, as a whole.
    request_invalid: 'The request {{part}} is not valid',
    company_invalid: 'The company is not valid',
    company_ambiguous: 'Several companies exist ({{codes}}): choose one with --company',
    customer_invalid: 'Customer {{code}} is not valid',
    allocation_refused: 'The allocation is refused',
    invoice_amount_too_large:
      'An invoice or credit note amount is above the largest accepted, {{max}}',
    payment_amount_too_large: 'A payment amount is above the largest accepted, {{max}}',
    allocation_amount_too_large: 'An allocation amount is above the largest accepted, {{max}}',
    credit_limit_too_large: 'The credit limit is above the largest amount accepted, {{max}}',
    open_balance_too_large:
      "A customer's open balance would pass the largest total accepted, {{max}}",
    demo_options_invalid: 'Invalid demo options',
    mapping_invalid: 'The --map option is not valid',
    invalid_options_one: 'Invalid option {{flags}}',
    invalid_options_other: 'Invalid options {{flags}}',
    audit_trail_broken: 'The audit trail of {{companies}} is broken',
    database_locked_unreadable:
      'The embedded database in {{dir}} is locked by {{lockPath}}, which cannot be read: if no other process uses this database, delete that file.\n$t(codes.database_one_process)',
    database_in_use_here:
      'The embedded database in {{dir}} is in use by process {{pid}} on {{hostname}} ({{command}}), since {{since}}.\n$t(codes.database_one_process)',
    database_in_use_elsewhere:
      'The embedded database in {{dir}} is in use by process {{pid}} on {{hostname}} ({{command}}), since {{since}}.\nThis host cannot tell whether that process still runs: if it does not, delete {{lockPath}}.\n$t(codes.database_one_process)',
    database_one_process:
      'The embedded database belongs to one process at a time: stop that process first, or make the change through the web UI or the API of the running server; to run several processes on one database, use PostgreSQL (--db postgres://…).',
    file_too_large:
      '"{{file}}" is {{size, number}} MiB: an import reads files of at most {{max, number}} MiB. Split it.',
    file_unreadable: 'Cannot read {{path}}: {{reason}}',
    stdin_too_long: 'Standard input holds more than the {{max}} bytes expected',
    unknown_encoding:
      'Unknown encoding "{{encoding}}": use utf-8, windows-1252, latin1 or utf-16le',
    audit_expect_needs_company: 'A head belongs to one company: give --company too',
    import_refused: '"{{file}}" is refused, nothing is saved',
    import_add_account:
      'To register the accounts the file names, send it again with addAccount=true',
    body_too_large: 'The request body is too large',
    unsupported_media_type: 'The request body is of a type this operation does not read',
    empty_json_body: 'The request says it sends JSON but its body is empty',
    invalid_json_body: 'The request body is not valid JSON',
    body_length_mismatch: 'The request body does not have the length its Content-Length says',
    internal: 'Something went wrong on our side; it has been logged.',
    // One field refused.
    required: '{{field}} is required',
    unknown_parameter: '{{name}}: not a parameter of this request',
    unknown_field: '{{name}}: not a field of this request',
    calendar_date: 'must be a real date written YYYY-MM-DD',
    unstorable_text_nul: 'contains a NUL character ({{codePoint}}) at position {{position}}',
    unstorable_text_surrogate:
      'contains a lone surrogate ({{codePoint}}, not a Unicode character) at position {{position}}',
    duplicate: '{{key}} is already used',
    amount_too_large: 'The amount is above the largest accepted, {{max}}',
    ambiguous_company: 'Choose a company with --company',
    row_limit: 'expected a whole number of rows, 1 or more',
    unknown_user: 'No user {{userId}} in this company',
    password_too_short: 'The password must have at least {{min}} characters',
    wrong_password: 'The current password is wrong',
    token_name_required: 'Name the integration this token is for',
    token_lifetime: 'A token lives from 1 to {{max}} days',
    invalid_code: 'The customer code must have 1 to 40 characters',
    invalid_payment_terms: 'Payment terms "{{value}}" are not understood',
    negative_amount: 'The amount cannot be negative',
    invalid_siren: 'SIREN "{{value}}" is not valid (9 digits, Luhn key)',
    invalid_siret: 'SIRET "{{value}}" is not valid (14 digits, Luhn key)',
    invalid_vat_number: 'VAT number "{{value}}" is not valid',
    invalid_iban: 'IBAN "{{value}}" is not valid',
    siret_siren_mismatch: 'SIRET "{{value}}" does not start with the SIREN {{siren}}',
    vat_number_siren_mismatch:
      'VAT number "{{value}}" does not match the SIREN {{siren}} (expected {{expected}})',
    invalid_company_code:
      'Company code "{{value}}" must be 1–40 lower-case letters, digits or dashes',
    unknown_currency: 'Unknown currency "{{value}}"',
    unknown_time_zone: 'Unknown time zone "{{value}}"',
    not_an_invoice: '{{number}} is a credit note, not an invoice',
    other_customer_payment:
      'Payment {{source}} belongs to another customer than invoice {{number}}',
    other_customer_credit_note:
      'Credit note {{source}} belongs to another customer than invoice {{number}}',
    currency_mismatch_payment:
      'Payment {{source}} is in {{sourceCurrency}}, invoice {{number}} in {{currency}}',
    currency_mismatch_credit_note:
      'Credit note {{source}} is in {{sourceCurrency}}, invoice {{number}} in {{currency}}',
    not_positive: 'The amount to allocate must be positive',
    exceeds_open_amount:
      '{{amount, money}} is more than the {{open, money}} still open on invoice {{number}}',
    exceeds_available_payment:
      '{{amount, money}} is more than the {{available, money}} left on payment {{source}}',
    exceeds_available_credit_note:
      '{{amount, money}} is more than the {{available, money}} left on credit note {{source}}',
    date_too_early:
      'An allocation cannot be dated before the documents it links ({{sourceDate}}, {{issueDate}})',
    one_source: 'Give either a payment or a credit note',
    allocated_item_moved:
      '{{number}} already has allocations: its customer and currency cannot change',
    amount_below_allocated:
      '{{number}}: the new amount is below the {{allocated, money}} already allocated',
  },
} as const;
