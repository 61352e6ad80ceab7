/**
 * What the bank statement readers say of a file, in English, by stable issue code
 * (merged into the catalogue's `codes`); `bank.fr.ts` has the same keys. Each reader's
 * codes carry its prefix (`camt_`…), so the readers' parts cannot hide one another.
 * `{{path}}` is where in the file the problem is (an XML path for camt).
 */
export const bankEn = {
  // camt.053 / camt.054 (src/imports/bank/camt.ts).
  camt_not_xml: 'The file is not well-formed XML (line {{line}}, column {{column}}).',
  camt_truncated:
    'The file ends before its XML is complete (line {{line}}, column {{column}}): it may have been cut short.',
  camt_not_utf8: 'The file is not valid UTF-8 text, the encoding of ISO 20022 messages.',
  camt_not_camt:
    'The file is not a camt.053 or camt.054 bank statement (found element {{element}}, namespace "{{namespace}}").',
  camt_no_statement: '{{path}} holds no {{element}}: the file has no statement to read.',
  camt_entry_not_booked:
    '{{path}}: an entry with the status {{status}}, not booked (BOOK), is left out: the bank may still change or drop it',
  camt_missing_element: '{{path}}: the mandatory element {{element}} is missing.',
  camt_invalid_amount:
    '{{path}}: "{{value}}" is not an amount (expected digits with a dot before the decimals, such as 1234.56).',
  camt_amount_precision:
    '{{path}}: the amount "{{value}}" has more than {{digits}} decimal places, the most {{currency}} has.',
  camt_amount_too_large:
    '{{path}}: the amount "{{value}}" is above the largest amount accepted, {{max, money}}.',
  camt_invalid_currency:
    '{{path}}: "{{value}}" is not a currency code (three capital letters, such as EUR).',
  camt_invalid_code: '{{path}}: "{{value}}" is not one of: {{choices}}.',
  camt_invalid_date:
    '{{path}}: "{{value}}" is not a valid date (expected YYYY-MM-DD, or a date and time starting so).',
  camt_detail_currency:
    '{{path}}: the transaction detail is in {{currency}} while its entry is in {{entryCurrency}}.',
  camt_details_do_not_add_up:
    '{{path}}: its transaction details total {{total, money}}, not the {{amount, money}} the entry books.',
  // CFONB 120 (src/imports/bank/cfonb120.ts). The line says which record; positions
  // are 1-based, as the CFONB specification counts them.
  cfonb_wrong_length:
    'The record has {{length}} characters (trailing spaces aside); a CFONB 120 record has 120.',
  cfonb_unknown_record:
    'Record code "{{code}}" is not a CFONB 120 one (01 old balance, 04 movement, 05 movement complement, 07 new balance).',
  cfonb_outside_statement:
    'This {{record}} record belongs to no statement: no 01 record (old balance) opens one before it.',
  cfonb_complement_without_movement:
    'This 05 record (movement complement) follows no 04 record (movement) that it could complete.',
  cfonb_unclosed_statement:
    'The statement of account {{account}} that this 01 record (old balance) opens has no 07 record (new balance): the file may have been cut short.',
  cfonb_bad_account:
    'This 01 record names no account: the bank code "{{bankCode}}" and branch code "{{branchCode}}" must be 5 digits, the account number "{{accountNumber}}" 11 capital letters or digits.',
  cfonb_other_account:
    'This {{record}} record is for account {{account}}, but the statement that the 01 record on line {{openingLine}} opens is for account {{expected}}.',
  cfonb_bad_date:
    'The date "{{value}}" at positions {{positions}} of this {{record}} record is not a valid date (expected DDMMYY).',
  cfonb_bad_amount:
    'The amount "{{value}}" at positions 91-104 of this {{record}} record is not a CFONB amount (13 digits, then a digit coded with its sign: { or A to I for plus, } or J to R for minus).',
  cfonb_amount_too_large:
    'The amount "{{value}}" of this {{record}} record is above the largest amount accepted, {{max, money}}.',
  cfonb_amount_below_minor_unit:
    'The amount "{{value}}" of this {{record}} record is finer than {{currency}} counts (number of decimals: {{decimals}}, {{digits}} for {{currency}}).',
  cfonb_bad_decimal_count:
    'The number of decimals "{{value}}" at position 20 of this {{record}} record is not a digit.',
  cfonb_unknown_currency:
    'The currency "{{value}}" at positions 17-19 of this {{record}} record is not an ISO 4217 currency code (e.g. EUR).',
  cfonb_other_currency:
    'This {{record}} record is in {{currency}}, but its statement is in {{expected}}.',
  // A notice, not an error.
  cfonb_assumed_currency:
    'This {{record}} record leaves its currency or its number of decimals blank: its amount is read in {{currency}}, number of decimals: {{decimals}}.',
  // Storing statements (src/bank/): the import of a whole file, `encaisse import bank`.
  // A statement's issue names its 01 record's line (CFONB) or has its XML path as field (camt).
  bank_unknown_format:
    '{{file}} is neither a camt.053 or camt.054 statement (XML in an ISO 20022 camt namespace) nor a CFONB 120 one (records of 120 characters, starting with their code and bank code).',
  bank_read_as_latin1:
    '{{file}} is not UTF-8 text: it is read as Latin-1 (Windows-1252), as French banks write CFONB files.',
  bank_account_unknown:
    'This statement is for account {{account}}, which the company does not have. Add it with: encaisse bank-accounts add --iban {{iban}} --name NAME, or import the file again with --add-account.',
  bank_account_unknown_number:
    'This statement is for account {{account}}, which the company does not have; its number is not an IBAN, so import the file again with --add-account to register it.',
  bank_statement_other_currency:
    'This statement of account {{account}} is in {{currency}}, but the account is kept in {{accountCurrency}}.',
} as const;
