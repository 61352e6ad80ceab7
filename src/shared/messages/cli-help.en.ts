/**
 * The CLI's help (`--help`) in English: what each command, option and argument does, and
 * the words commander prints around them. Flags, command and argument names are not
 * here: scripts type them, so they read the same in every language. `cli-help.fr.ts` has
 * the same keys.
 */
export const cliHelpEn = {
  // Commander's own words. Its titles and its `(default: …, choices: …)` after a description.
  titleUsage: 'Usage:',
  titleArguments: 'Arguments:',
  titleOptions: 'Options:',
  titleCommands: 'Commands:',
  usageOptions: '[options]',
  usageCommand: '[command]',
  defaultValue: 'default: {{value}}',
  choices: 'choices: {{choices}}',
  optionHelp: 'display help for command',
  commandHelp: 'display help for a command',
  // Shared by several commands.
  json: 'print JSON',
  jsonResult: 'print the result as JSON',
  jsonAmounts: 'print JSON (amounts in minor units)',
  order: 'asc or desc',
  limit: 'at most this many rows (default: all)',
  dateForms: '31/12/2025, 2025-12-31 or 20251231',
  roles: 'admin, credit_manager, collector, department_member or read_only',
  // The program and its global options.
  program: 'Encaisse — credit management and collections, from prospect to cash',
  optionDb: 'embedded database directory or postgres:// URL (default: $DATABASE_URL, else ./data)',
  optionCompany: 'company to act on (optional when there is only one)',
  optionLang: 'language of messages, tables and help (default: $ENCAISSE_LANG, else fr)',
  optionVersion: 'print the version of Encaisse',
  // db
  db: 'Database maintenance',
  dbMigrate: 'Apply the schema migrations not yet applied',
  // companies
  companies: 'Companies (tenants): each sees only its own data',
  companiesCreate: 'Create a company',
  companyCode: 'short code used by --company, e.g. "acme"',
  companyName: 'legal name',
  companySiren: 'SIREN (9 digits)',
  companyVat: 'intra-EU VAT number',
  companyCurrency: 'ISO 4217 currency',
  companyTimeZone: 'IANA time zone of the business day',
  companiesList: 'List companies',
  // demo
  demo: 'Create a demo company with a believable French ledger ending today',
  demoSize: 'S (~300 customers), M (~10,000) or L (100,000)',
  demoSeed: 'random seed: the same seed gives the same data',
  demoIfEmpty: 'do nothing when the database already holds a company',
  demoExportCsv:
    'write the ledger as customers.csv, invoices.csv, payments.csv into DIR instead of loading it',
  demoExportXlsx: 'the same as Excel workbooks (.xlsx)',
  // serve
  serve: 'Start the web application and the API',
  servePort: 'port to listen on',
  serveHost: 'address to listen on',
  serveTrustedProxies:
    'reverse proxies whose X-Forwarded-For/-Proto are believed: addresses or CIDRs, comma-separated (default: $TRUSTED_PROXIES, else none)',
  serveSecureCookies:
    'mark the session cookie Secure even over plain HTTP (default: $SECURE_COOKIES; it always is over HTTPS)',
  serveLogFormat:
    'pretty (one line per request) or json (default: $LOG_FORMAT, else pretty on a terminal, json otherwise)',
  servePublicUrl:
    'the address people reach this server at, which the portal and answer links start with (default: $PUBLIC_URL, else http://localhost:<port>)',
  // import
  import: 'Import customers, invoices, payments or orders (CSV or XLSX), a FEC or a bank statement',
  import_customers: 'Import customers from a CSV or XLSX file (see docs/import.md)',
  import_invoices: 'Import invoices from a CSV or XLSX file (see docs/import.md)',
  import_payments: 'Import payments from a CSV or XLSX file (see docs/import.md)',
  import_orders:
    'Import the ERP’s orders from a CSV or XLSX file, each checked against its customer’s credit (see docs/import.md)',
  importFile: 'the CSV or XLSX file to read',
  importDryRun: 'check the file and count what would change, save nothing',
  importPartial: 'save the valid lines even if some are rejected',
  importEncoding: 'encoding of a CSV without BOM: utf-8, windows-1252, latin1 or utf-16le',
  importMap: 'column mapping, e.g. "amount=Montant TTC,number=N° facture"',
  importJson: 'print the report as JSON',
  // import fec
  import_fec:
    'Import the receivables of a FEC (fichier des écritures comptables): customers, invoices, credit notes, payments and their lettering (see docs/import.md)',
  importFecFile: 'the FEC to read (tab or | between the columns)',
  importFecReceivableAccounts:
    'prefixes of the receivable accounts, separated by commas (default: 411)',
  importFecSalesJournals:
    'codes of the sales journals, whose credits are credit notes, separated by commas (default: VE, VT, VEN, VTE or a journal named for sales)',
  importFecDecimalPoint: 'the file writes its amounts with a decimal point (80.00), not a comma',
  importFecDefaultTermsDays:
    'net days of payment of the customers the import creates (default: 30)',
  importFecPartial: 'save the entries without a refused line even if some are refused',
  // customers
  customers: 'Customer accounts',
  customersList: 'List customers with their open and overdue amounts',
  customersSearch: 'code, name or SIREN contains',
  customersStatus: 'prospect, active, on_hold, in_litigation or closed',
  customersCollector: "only this collector's customers (the user's e-mail)",
  customersSort: 'code, legal_name, open_amount, overdue_amount or oldest_overdue_days',
  // invoices
  invoices: 'Invoices and credit notes',
  invoicesList: 'List invoices and credit notes',
  invoicesCustomer: 'only this customer (its code)',
  invoicesSearch: 'number contains (any case)',
  invoicesStatus:
    'unpaid (default: open or partially paid), overdue, open, partially_paid, paid or all',
  invoicesKind: 'invoice or credit_note',
  invoicesIssuedFrom: 'issued on or after this date ($t(cliHelp.dateForms))',
  invoicesIssuedTo: 'issued on or before this date ($t(cliHelp.dateForms))',
  invoicesDueFrom: 'due on or after this date ($t(cliHelp.dateForms))',
  invoicesDueTo: 'due on or before this date ($t(cliHelp.dateForms))',
  invoicesSort: 'due_date, issue_date, number, amount or open_amount',
  // users
  users: 'People who sign in',
  usersCreate: 'Create a user; a password is generated and printed once',
  userEmail: 'sign-in e-mail',
  userName: 'display name',
  userEmailArgument: "the user's sign-in e-mail",
  usersSetPassword:
    "Set a user's password: read from standard input with --stdin, else generated and printed",
  usersStdin: 'read the new password from standard input',
  usersList: 'The users of the company, active or not',
  usersDeactivate: 'Stop a user from signing in; their open sessions are closed at once',
  usersReactivate: 'Let a deactivated user sign in again',
  usersSetRole: "Change a user's role; their open sessions act with it from their next request",
  usersRoleArgument: 'the new role: $t(cliHelp.roles)',
  // tokens
  tokens: 'API tokens for integrations (ERP, scripts)',
  tokensCreate: 'Create an API token; it is printed once and stored hashed',
  tokenName: 'what the token is for, e.g. "ERP Sage"',
  tokenRole: 'role the token acts with',
  tokenExpiresInDays: 'days until it is refused (at most {{max}})',
  tokensList: "The company's API tokens, newest first (never their secret)",
  tokensRevoke: 'Revoke an API token: it is refused from the next request',
  tokenId: "the token's id, as tokens list prints it",
  // audit
  audit: 'The audit trail: who did what, numbered and chained by hash per company',
  auditVerify:
    "Recompute each company's hash chain (--company: one company) and name the first broken event",
  auditExpect:
    'a head printed by an earlier verify (with --company): that event must still have that hash',
  // bank-accounts, and import bank (its --dry-run and --json say importDryRun and importJson)
  bankAccounts: 'Bank accounts of the company, as its bank statements name them',
  bankAccountsAdd:
    'Register a bank account by its IBAN; CFONB statements of a French one find it by its RIB',
  bankAccountIban: 'the IBAN (spaces allowed)',
  bankAccountName: 'what to call it, e.g. "BNP current account"',
  bankAccountCurrency: 'ISO 4217 currency the account is kept in',
  bankAccountsList: 'List the bank accounts of the company',
  import_bank:
    'Import a bank statement file, camt.053/054 or CFONB 120, told from its content (see docs/bank-statements.md)',
  importBankFile: 'the statement file to read',
  importBankAddAccount: 'register the accounts the file names that the company does not have yet',
  // match
  match:
    'Run the matcher again over the bank lines waiting to be matched (after new invoices arrive), see docs/cash-application.md',
  matchThreshold:
    'apply at or above this confidence (1-100) for this run, over the company’s threshold',
  matchSetThreshold: 'set the company’s threshold (1-100) and run nothing',
  // dunning
  dunning: 'Dunning (relances): the company’s scenarios and templates, see docs/dunning.md',
  dunningScenarios: 'List the dunning scenarios: their steps, the defaults, the customers assigned',
  dunningTemplates: 'List the message templates, in French and English',
  dunningRun:
    'Run the day’s dunning: one message per customer and step, calls and approvals to the agenda; running twice sends nothing twice',
  dunningRunDate: 'The business date of the run (default: today in the company’s time zone)',
  dunningRunDryRun: 'Show what would go out, and change nothing',
  dunningRunPublicUrl:
    'the address the portal links in the reminders start with (default: $PUBLIC_URL, else http://localhost:3000)',
} as const;

/**
 * Commander's refusals of a command line, and those of our own option parsers, by stable
 * code (merged into the catalogue's `codes`): `src/cli/localized-command.ts` words them.
 */
export const cliRefusalsEn = {
  unknown_option: 'Unknown option {{flag}}',
  unknown_command: 'Unknown command "{{name}}"',
  did_you_mean: '(Did you mean {{names}}?)',
  missing_argument: 'Missing argument <{{name}}>',
  option_value_missing: 'Option {{flags}} needs a value',
  required_option_missing: 'Option {{flags}} is required',
  invalid_option_value: 'Invalid option {{flag}}: {{reason}}',
  not_a_choice: '"{{value}}" is not accepted: write {{choices}}',
  not_a_date: '"{{value}}" is not a date: write $t(cliHelp.dateForms)',
  too_many_arguments_one:
    'Too many arguments: {{command}} takes {{count}} argument, not {{received}}',
  too_many_arguments_other:
    'Too many arguments: {{command}} takes {{count}} arguments, not {{received}}',
} as const;
