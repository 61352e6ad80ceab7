/**
 * What the CLI's commands print when they succeed, in English: confirmations, results and
 * table headers (`--json` prints none of these: scripts read its keys and values). Command
 * lines, flags, e-mails, codes, hashes and paths are parameters or stay as typed, so they
 * read the same in every language. Counts of things are `{{count, number}}`, in the
 * reader's format. `cli-output.fr.ts` has the same keys.
 */
export const cliOutputEn = {
  // Counts that several lines share.
  customers_one: '{{count, number}} customer',
  customers_other: '{{count, number}} customers',
  invoices_one: '{{count, number}} invoice',
  invoices_other: '{{count, number}} invoices',
  documents_one: '{{count, number}} invoice or credit note',
  documents_other: '{{count, number}} invoices and credit notes',
  payments_one: '{{count, number}} payment',
  payments_other: '{{count, number}} payments',
  allocations_one: '{{count, number}} allocation',
  allocations_other: '{{count, number}} allocations',
  // db migrate
  schemaUpToDate_one: 'Schema up to date ({{count, number}} migration) on {{location}}',
  schemaUpToDate_other: 'Schema up to date ({{count, number}} migrations) on {{location}}',
  migrationsApplied_one: 'Applied {{migrations}} on {{location}}',
  migrationsApplied_other: 'Applied {{migrations}} on {{location}}',
  // companies
  companyCreated:
    'Company {{code}} ({{name}}) created. Add an administrator with: encaisse --company {{code}} users create --role admin …',
  columnSiren: 'SIREN',
  columnCurrency: 'Currency',
  // demo
  demoExported:
    'Demo ledger of size {{size}} (seed {{seed}}, ending {{today}}) written to {{dir}} in {{seconds, number(minimumFractionDigits: 1; maximumFractionDigits: 1)}} s:',
  fileLines_one: '{{count, number}} line',
  fileLines_other: '{{count, number}} lines',
  demoExportedCounts:
    '({{documents}}; {{payments}}, one line per invoice each settles: see docs/import.md)',
  demoImportOrder:
    'Import them into a company in this order: encaisse import customers, then invoices, then payments.',
  demoProgress_one: '{{done, number}}/{{count, number}} customer, {{invoices}}',
  demoProgress_other: '{{done, number}}/{{count, number}} customers, {{invoices}}',
  demoProgressIndexes: '; building indexes and checking references…',
  demoProgressDunning: '; replaying the daily dunning runs, day {{day, number}}/{{days, number}}…',
  demoDunning_one:
    "Dunning: {{count, number}} daily run replayed; {{sent, number}} e-mails sent (bounced: {{bounced, number}}, refused: {{failed, number}}), {{printed, number}} letters printed, {{completed, number}} agenda items done and {{approved, number}} steps approved. Today's run left its messages queued: see Messages.",
  demoDunning_other:
    "Dunning: {{count, number}} daily runs replayed; {{sent, number}} e-mails sent (bounced: {{bounced, number}}, refused: {{failed, number}}), {{printed, number}} letters printed, {{completed, number}} agenda items done and {{approved, number}} steps approved. Today's run left its messages queued: see Messages.",
  demoNotAdded: 'The database already holds a company: demo data not added.',
  demoSignInAgain:
    'Sign in as {{email}} with the password printed then; to set a new one: encaisse --company {{company}} users set-password {{email}}',
  demoSetPassword: "To set a user's password: encaisse --company CODE users set-password EMAIL",
  demoCreated:
    'Demo company "{{name}}" (code {{code}}) created in {{seconds, number(minimumFractionDigits: 1; maximumFractionDigits: 1)}} s:',
  demoSignIn: 'Sign in with one of these users (the password is shown only now):',
  demoPassword: 'password: {{password}}',
  demoChangePassword: 'Change it with: encaisse users set-password {{email}}',
  // serve
  serveRunning: 'Encaisse is running on {{address}} (database: {{kind}} {{location}})',
  serveNoCompany: 'No company yet: run `encaisse demo` to create the demo company.',
  // users and tokens
  userCreated: 'User {{email}} ({{role}}) created. Password (shown once): {{password}}',
  userActive: 'User {{email}} ({{role}}, active).',
  userInactive: 'User {{email}} ({{role}}, inactive).',
  passwordChanged: 'Password of {{email}} changed.',
  passwordGenerated: 'New password of {{email}} (shown once): {{password}}',
  columnEmail: 'E-mail',
  columnName: 'Name',
  columnRole: 'Role',
  columnActive: 'Active',
  yes: 'yes',
  no: 'no',
  tokenCreated:
    'API token "{{name}}" ({{role}}, id {{id}}, expires {{expiresAt}}): {{token}}\nSend it as "Authorization: Bearer <token>". It will not be shown again.',
  tokenRevoked: 'API token "{{name}}" revoked.',
  columnId: 'ID',
  columnExpires: 'Expires',
  columnLastUsed: 'Last used',
  tokenStatus_active: 'active',
  tokenStatus_expired: 'expired',
  tokenStatus_revoked: 'revoked',
  // audit verify: the events are numbered (`seq`), not counted, so their numbers stay as stored.
  auditOk_one: '{{company}}: OK, {{count, number}} event, head {{head}}',
  auditOk_other: '{{company}}: OK, {{count, number}} events, head {{head}}',
  auditNoHead: '(none)',
  auditBroken: '{{company}}: BROKEN at event {{seq}}: {{reason}}',
  // What is wrong with a chain (`describeChainBreak`, by `ChainBreak` kind).
  chainMissing_one: 'event {{from}} is missing (deleted)',
  chainMissing_other: 'events {{from}} to {{to}} are missing (deleted)',
  chainAltered_content:
    'event {{seq}} was changed after it was recorded: its fields no longer match its hash',
  chainAltered_hash: 'event {{seq}} does not match its hash: its hash (or its fields) was changed',
  chainUnchained: 'events from {{seq}} on were added outside the chain (after its head)',
  chainHeadMismatch:
    "event {{seq}} is the last one but its hash is not the head's: the chain was rewritten",
  chainHeadMissing: 'the chain head is missing: events exist but nothing records the last one',
  chainRewritten: 'event {{seq}} no longer has the hash recorded earlier: the chain was rewritten',
  // bank-accounts, and import bank (its verdicts and issue lines are the import report's)
  bankAccountAdded: 'Bank account "{{name}}" added: {{account}}, in {{currency}}.',
  columnAccount: 'Account',
  columnRib: 'Bank / branch / account',
  bankStatements_one: '{{count, number}} statement',
  bankStatements_other: '{{count, number}} statements',
  bankLinesNew_one: '{{count, number}} new',
  bankLinesNew_other: '{{count, number}} new',
  bankLinesKnown_one: '{{count, number}} already known',
  bankLinesKnown_other: '{{count, number}} already known',
  bankImportSummary:
    '{{file}} ({{format}}): {{statements}}, {{lines}} — {{linesNew}}, {{linesKnown}} ({{verdict}})',
  bankAccountRegistered: '  bank account {{account}} registered, in {{currency}}',
  bankUnbalanced:
    '  statement {{statement}} of account {{account}} does not balance: opening balance {{opening, money}} on {{openingDate}}, movements {{movements, money}}, closing balance {{closing, money}} on {{closingDate}}, a difference of {{difference, money}}; it is kept, flagged as unbalanced',
  // match, and the matching line of import bank
  matchSummary:
    'Matching: {{lines, number}} read, {{applied, number}} applied automatically, {{queued, number}} to match by hand, {{setAside, number}} set aside (money out, reversals); payer found {{payerRate}}, fully allocated {{invoiceRate}} (threshold {{threshold}})',
  // dunning scenarios, dunning templates
  columnSteps: 'Steps',
  columnRiskCategory: 'Risk category',
  columnCompanyDefault: 'Company default',
  columnAssignedCustomers: 'Customers assigned',
  columnTemplate: 'Template',
  columnLanguage: 'Language',
  columnSubject: 'Subject',
  // dunning run
  columnStep: 'Step',
  columnCustomer: 'Customer',
  columnStatus: 'Status',
  columnInvoices: 'Invoices',
  columnAmount: 'Amount',
  columnChannel: 'Channel',
  dunningRunProgress: '{{done, number}} customers decided',
  dunningRunDone:
    'Dunning of {{date}}: {{customers, number}} customers looked at, {{actions, number}} actions ({{messages, number}} messages to the outbox, {{awaitingApproval, number}} awaiting approval, {{tasks, number}} agenda tasks), {{heldBack, number}} customers held back',
  dunningRunPreviewed:
    'Preview of the dunning of {{date}} (nothing was changed): {{customers, number}} customers looked at, {{actions, number}} actions ({{messages, number}} messages, {{awaitingApproval, number}} awaiting approval, {{tasks, number}} agenda tasks), {{heldBack, number}} customers held back',
  matchThresholdSet: 'Automatic matches are now applied at or above a confidence of {{threshold}}.',
} as const;

/** The refusals of these commands' own flags, by stable code (merged into the catalogue's `codes`). */
export const cliOutputCodesEn = {
  audit_expect_not_a_head: 'is SEQ:HASH, as a verify printed it (e.g. 42:9f86d0…)',
} as const;
