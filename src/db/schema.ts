/**
 * Row types of the tables, as Kysely sees them. BIGINT comes back as a number
 * and DATE as a `YYYY-MM-DD` string on both drivers (see client.ts); stores turn
 * them into `Cents` and `CalendarDate`.
 */
import type { ColumnType, Generated, GeneratedAlways } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type DefaultedTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export type CompanyTable = {
  id: string;
  code: string;
  legal_name: string;
  siren: string | null;
  vat_number: string | null;
  address_line1: string | null;
  address_line2: string | null;
  postal_code: string | null;
  city: string | null;
  country: Generated<string>;
  currency: Generated<string>;
  time_zone: Generated<string>;
  created_at: DefaultedTimestamp;
};

export type AppUserTable = {
  company_id: string;
  id: string;
  email: string;
  display_name: string;
  role: string;
  password_hash: string | null;
  is_active: Generated<boolean>;
  /** `fr` or `en`; NULL until the user chooses (src/auth/model.ts `User.language`). */
  language: string | null;
  created_at: DefaultedTimestamp;
};

export type UserSessionTable = {
  company_id: string;
  id: string;
  user_id: string;
  token_hash: string;
  csrf_token: string;
  created_at: DefaultedTimestamp;
  expires_at: Timestamp;
};

export type ApiTokenTable = {
  company_id: string;
  id: string;
  name: string;
  role: string;
  token_hash: string;
  created_by: string | null;
  created_at: DefaultedTimestamp;
  expires_at: Timestamp;
  last_used_at: Timestamp | null;
  revoked_at: Timestamp | null;
};

export type CustomerTable = {
  company_id: string;
  id: string;
  code: string;
  legal_name: string;
  /** `customer_name_key(legal_name)`, computed by PostgreSQL: the name's sort and search key. */
  name_key: GeneratedAlways<string>;
  siren: string | null;
  siret: string | null;
  vat_number: string | null;
  billing_address_line1: string | null;
  billing_address_line2: string | null;
  billing_postal_code: string | null;
  billing_city: string | null;
  billing_country: Generated<string>;
  delivery_address_line1: string | null;
  delivery_address_line2: string | null;
  delivery_postal_code: string | null;
  delivery_city: string | null;
  delivery_country: string | null;
  payment_terms: Generated<string>;
  payment_method: Generated<string>;
  deposit_bps: Generated<number>;
  credit_limit_cents: number | null;
  collector_user_id: string | null;
  sales_rep: string | null;
  risk_category: Generated<string>;
  status: Generated<string>;
  created_at: DefaultedTimestamp;
  updated_at: DefaultedTimestamp;
};

export type CustomerContactTable = {
  company_id: string;
  id: string;
  customer_id: string;
  role: string;
  name: string | null;
  email: string | null;
  phone: string | null;
};

export type InvoiceTable = {
  company_id: string;
  id: string;
  customer_id: string;
  kind: Generated<string>;
  number: string;
  issue_date: string;
  due_date: string;
  amount_cents: number;
  currency: string;
  open_cents: number;
  status: string;
  created_at: DefaultedTimestamp;
  updated_at: DefaultedTimestamp;
  /** The FEC line it was first imported from (202612012000); `null` otherwise. */
  source_key: string | null;
  /**
   * The day it was settled in full (202612060100, ADR 24): kept by triggers on `allocation`,
   * read-only for the application.
   */
  settled_on: Generated<string | null>;
};

export type PaymentTable = {
  company_id: string;
  id: string;
  customer_id: string;
  reference: string;
  received_on: string;
  amount_cents: number;
  currency: string;
  unapplied_cents: number;
  method: Generated<string>;
  created_at: DefaultedTimestamp;
  /** As `invoice.source_key`. */
  source_key: string | null;
  /** Set together when a payment made from a bank line is voided (its match undone). */
  voided_at: Date | null;
  voided_on: string | null;
};

export type AllocationTable = {
  company_id: string;
  id: string;
  invoice_id: string;
  payment_id: string | null;
  credit_note_id: string | null;
  amount_cents: number;
  allocated_on: string;
  created_at: DefaultedTimestamp;
  undone_at: Timestamp | null;
  /** The company's business date when undone (202612011800): set with `undone_at`. */
  undone_on: string | null;
};

/**
 * The audit trail (migrations 202611230900, 202612011200): rows arrive only through
 * the staging of `audit/store.ts`, numbered and chained at COMMIT; never updated.
 */
export type EventTable = {
  company_id: string;
  /** 1, 2, 3… per company, in commit order. */
  seq: number;
  occurred_at: DefaultedTimestamp;
  actor_type: string;
  actor_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string;
  customer_id: string | null;
  data: ColumnType<unknown, string, string>;
  /** sha256(previous event's hash ‖ event_canonical(…)): 32 bytes. */
  hash: Uint8Array;
};

/** The last event of each company's chain; locked by whoever appends. */
export type EventChainHeadTable = {
  company_id: string;
  seq: number;
  hash: Uint8Array;
};

/** Kept by triggers on `invoice` (migration 202611231300); read-only for the application. */
export type CustomerOpenBalanceTable = {
  company_id: string;
  customer_id: string;
  currency: string;
  open_cents: number;
  /** Unapplied payments (202612011600); `balance_cents` = open_cents − unapplied_cents. */
  unapplied_cents: Generated<number>;
  balance_cents: GeneratedAlways<number>;
};

/**
 * Each month's changes to the sales, receivables and receivables not yet due per currency
 * (migration 202612060100, ADR 24): kept by triggers on `invoice` and `allocation`,
 * read-only for the application.
 */
export type LedgerMonthChangeTable = {
  company_id: string;
  id: GeneratedAlways<number>;
  currency: string;
  month: string;
  sales_cents: number;
  receivables_cents: number;
  not_due_cents: number;
};

/** The company's bank accounts (migration 202612011900): an IBAN, a RIB, or both. */
export type BankAccountTable = {
  company_id: string;
  id: string;
  name: string;
  iban: string | null;
  bank_code: string | null;
  branch_code: string | null;
  account_number: string | null;
  currency: string;
  created_at: DefaultedTimestamp;
};

/** A statement read from a bank file (202612011900); `balanced` is null when it cannot be checked. */
export type BankStatementTable = {
  company_id: string;
  id: string;
  bank_account_id: string;
  format: string;
  statement_id: string | null;
  opening_date: string | null;
  opening_balance_cents: number | null;
  closing_date: string | null;
  closing_balance_cents: number | null;
  balanced: boolean | null;
  dedup_key: string;
  file_name: string;
  imported_at: Timestamp;
};

/** A movement on a bank account (202612011900), stored once per `dedup_key`. */
export type BankLineTable = {
  company_id: string;
  id: string;
  bank_statement_id: string;
  bank_account_id: string;
  booking_date: string;
  value_date: string | null;
  amount_cents: number;
  currency: string;
  counterparty_name: string | null;
  counterparty_iban: string | null;
  remittance_text: string | null;
  structured_references: string[];
  bank_references: ColumnType<Record<string, string>, string, string>;
  transaction_code: string | null;
  is_reversal: boolean;
  return_reason: string | null;
  dedup_key: string;
};

export type BankLineMatchStatus =
  | 'queued'
  | 'applied'
  | 'reversed'
  | 'outgoing'
  | 'reversal'
  | 'ignored';

export type BankLineMatchTable = {
  company_id: string;
  bank_line_id: string;
  status: BankLineMatchStatus;
  booking_date: string;
  amount_cents: number;
  customer_id: string | null;
  payment_id: string | null;
  allocation_ids: ColumnType<string[], string[] | undefined, string[]>;
  confidence: number | null;
  reasons: ColumnType<unknown, string | undefined, string>;
  suggestions: ColumnType<unknown, string | undefined, string>;
  applied_by: 'matcher' | 'user' | null;
  applications: Generated<number>;
  updated_at: Date;
};

export type PayerAccountTable = {
  company_id: string;
  iban: string;
  customer_id: string;
  learned_at: Date;
};

export type CashApplicationSettingTable = {
  company_id: string;
  auto_apply_threshold: number;
};

/** Dunning's configuration (migration 202612020300): read and written by `dunning/store.ts`. */
export type DunningScenarioTable = {
  company_id: string;
  id: string;
  name: string;
  /** The `ScenarioStep[]` of `dunning/scenario.ts`. */
  steps: ColumnType<unknown, string, string>;
  risk_category: string | null;
  is_company_default: Generated<boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
};

export type DunningTemplateTable = {
  company_id: string;
  template_id: string;
  language: string;
  subject: string;
  body: string;
  updated_at: Timestamp;
};

export type DunningPolicyTable = {
  company_id: string;
  tolerance_cents: number;
  min_days_between_contacts: number;
  run_hour: number;
  updated_at: Timestamp;
};

export type CustomerDunningTable = {
  company_id: string;
  customer_id: string;
  scenario_id: string | null;
  manual_follow_up: Generated<boolean>;
  /** The language of the customer's messages; NULL: French. */
  language: ColumnType<string | null, string | null | undefined, string | null>;
  /** The customer's agreed late-payment rate in basis points; NULL: the legal rate. */
  contractual_rate_bps: ColumnType<number | null, number | null | undefined, number | null>;
  updated_at: Timestamp;
};

export type SchemaMigrationTable = {
  name: string;
  checksum: string;
  applied_at: DefaultedTimestamp;
};

export type Database = {
  company: CompanyTable;
  app_user: AppUserTable;
  user_session: UserSessionTable;
  api_token: ApiTokenTable;
  customer: CustomerTable;
  customer_contact: CustomerContactTable;
  invoice: InvoiceTable;
  payment: PaymentTable;
  allocation: AllocationTable;
  event: EventTable;
  event_chain_head: EventChainHeadTable;
  customer_open_balance: CustomerOpenBalanceTable;
  ledger_month_change: LedgerMonthChangeTable;
  bank_account: BankAccountTable;
  bank_statement: BankStatementTable;
  bank_line: BankLineTable;
  bank_line_match: BankLineMatchTable;
  payer_account: PayerAccountTable;
  cash_application_setting: CashApplicationSettingTable;
  dunning_scenario: DunningScenarioTable;
  dunning_template: DunningTemplateTable;
  dunning_policy: DunningPolicyTable;
  customer_dunning: CustomerDunningTable;
  schema_migration: SchemaMigrationTable;
};
