/**
 * Finds, in a file's header, the column that holds each canonical field: by its
 * canonical name, by a common French name (`raison_sociale`, `montant_ttc`…), or
 * by an explicit `--map amount=Montant TTC`. The result is records keyed by
 * canonical column, so row parsers never see the file's own names.
 */
import { fieldIssue, type Issue } from '../../shared/errors.ts';
import { normalizeHeaderName, type Table } from './read-table.ts';

/** What an import file of the ledger holds (the demo writes these three, `demo --export-csv`). */
export const IMPORT_KINDS = ['customers', 'invoices', 'payments'] as const;

/** What an import file of the ledger holds. */
export type ImportKind = (typeof IMPORT_KINDS)[number];

/**
 * What a canonical import file holds: the ledger's three kinds, and the orders the ERP sends
 * (issue 12), which credit checks as it receives them (docs/import.md « Orders »).
 */
export type CanonicalKind = ImportKind | 'orders';

/** Canonical columns of `customers.csv` (DESIGN.md "Public interfaces"). */
export const CUSTOMER_COLUMNS = [
  'code',
  'name',
  'siren',
  'siret',
  'vat_number',
  'address_line1',
  'address_line2',
  'postal_code',
  'city',
  'country',
  'payment_terms',
  'payment_method',
  'email',
  'phone',
  'contact_name',
  'collector_email',
  'sales_rep',
  'risk_category',
  'status',
  'credit_limit',
  'deposit_percent',
] as const;

/** Canonical columns of `invoices.csv`. */
export const INVOICE_COLUMNS = [
  'number',
  'customer_code',
  'issue_date',
  'due_date',
  'amount',
  'currency',
  'kind',
] as const;

/** Canonical columns of `payments.csv`. */
export const PAYMENT_COLUMNS = [
  'reference',
  'customer_code',
  'date',
  'amount',
  'currency',
  'invoice_number',
  'method',
] as const;

/** Canonical columns of `orders.csv`: the order as the ERP sends it, and sales' checklist. */
export const ORDER_COLUMNS = [
  'number',
  'customer_code',
  'order_date',
  'amount',
  'currency',
  'expected_delivery_date',
  'special_conditions',
  'prices_agreed',
  'delivery_date_confirmed',
  'confirmation_sent',
] as const;

/** A canonical column of a customers file. */
export type CustomerColumn = (typeof CUSTOMER_COLUMNS)[number];
/** A canonical column of an invoices file. */
export type InvoiceColumn = (typeof INVOICE_COLUMNS)[number];
/** A canonical column of a payments file. */
export type PaymentColumn = (typeof PAYMENT_COLUMNS)[number];
/** A canonical column of an orders file. */
export type OrderColumn = (typeof ORDER_COLUMNS)[number];

/**
 * Everything needed to map one kind of file: its columns, those that must be
 * present, and the other names (normalized, see `normalizeHeaderName`) accepted
 * for them.
 */
export type ColumnSpec<C extends string> = {
  kind: CanonicalKind;
  columns: readonly C[];
  required: readonly C[];
  aliases: Readonly<Record<string, C>>;
};

// The names French accounting and ERP exports use (Sage, Cegid, EBP, Excel files
// made by hand), after normalization: "N° facture" → n_facture, "Délai de
// paiement" → delai_de_paiement.
const CUSTOMER_CODE_ALIASES = [
  'code_client',
  'client_code',
  'numero_client',
  'num_client',
  'n_client',
  'no_client',
  'ref_client',
  'reference_client',
  'compte_client',
  'client',
] as const;

/** How to find the columns of a customers file. */
export const CUSTOMER_COLUMN_SPEC: ColumnSpec<CustomerColumn> = {
  kind: 'customers',
  columns: CUSTOMER_COLUMNS,
  required: ['code', 'name'],
  aliases: {
    // In a customers file a "Client" column may hold the code or the name: neither
    // is guessed, the column is reported as ignored and --map settles it.
    ...aliasesFor(
      'code',
      CUSTOMER_CODE_ALIASES.filter((alias) => alias !== 'client'),
    ),
    ...aliasesFor('name', [
      'raison_sociale',
      'nom',
      'nom_client',
      'intitule',
      'societe',
      'denomination',
      'legal_name',
    ]),
    ...aliasesFor('siren', ['numero_siren', 'n_siren']),
    ...aliasesFor('siret', ['numero_siret', 'n_siret']),
    ...aliasesFor('vat_number', [
      'tva_intracom',
      'tva_intracommunautaire',
      'numero_tva',
      'n_tva',
      'no_tva',
      'tva',
      'vat',
    ]),
    ...aliasesFor('address_line1', ['adresse', 'adresse1', 'adresse_1', 'adresse_ligne_1']),
    ...aliasesFor('address_line2', [
      'adresse2',
      'adresse_2',
      'adresse_ligne_2',
      'complement_adresse',
      'complement_d_adresse',
    ]),
    ...aliasesFor('postal_code', ['code_postal', 'cp']),
    ...aliasesFor('city', ['ville', 'commune', 'localite']),
    ...aliasesFor('country', ['pays', 'code_pays']),
    ...aliasesFor('payment_terms', [
      'conditions_paiement',
      'conditions_de_paiement',
      'condition_paiement',
      'condition_de_paiement',
      'delai_paiement',
      'delai_de_paiement',
      'conditions_reglement',
      'conditions_de_reglement',
    ]),
    ...aliasesFor('payment_method', [
      'mode_reglement',
      'mode_de_reglement',
      'mode_paiement',
      'mode_de_paiement',
      'moyen_paiement',
      'moyen_de_paiement',
    ]),
    ...aliasesFor('email', ['e_mail', 'mail', 'courriel', 'adresse_email', 'adresse_mail']),
    ...aliasesFor('phone', ['telephone', 'tel', 'tel_fixe']),
    ...aliasesFor('contact_name', ['contact', 'nom_contact', 'interlocuteur']),
    ...aliasesFor('collector_email', ['email_recouvreur', 'recouvreur', 'email_gestionnaire']),
    ...aliasesFor('sales_rep', ['commercial', 'representant', 'vendeur']),
    ...aliasesFor('risk_category', ['categorie_risque', 'categorie_de_risque', 'risque']),
    ...aliasesFor('status', ['statut', 'etat']),
    ...aliasesFor('credit_limit', [
      'encours_autorise',
      'encours_max',
      'encours_maximum',
      'plafond',
      'plafond_credit',
      'limite_credit',
      'limite_de_credit',
    ]),
    ...aliasesFor('deposit_percent', [
      'acompte',
      'acompte_pourcent',
      'pourcentage_acompte',
      'taux_acompte',
    ]),
  },
};

/** How to find the columns of an invoices file. */
export const INVOICE_COLUMN_SPEC: ColumnSpec<InvoiceColumn> = {
  kind: 'invoices',
  columns: INVOICE_COLUMNS,
  required: ['number', 'customer_code', 'issue_date', 'amount'],
  aliases: {
    ...aliasesFor('number', [
      'numero',
      'num',
      'n',
      'no',
      'n_facture',
      'no_facture',
      'num_facture',
      'numero_facture',
      'facture',
      'numero_piece',
      'n_piece',
      'piece',
      'invoice_number',
    ]),
    ...aliasesFor('customer_code', CUSTOMER_CODE_ALIASES),
    ...aliasesFor('issue_date', [
      'date_facture',
      'date_de_facture',
      'date_emission',
      'date_d_emission',
      'date_piece',
      'date',
      'invoice_date',
    ]),
    ...aliasesFor('due_date', ['echeance', 'date_echeance', 'date_d_echeance']),
    ...aliasesFor('amount', ['montant_ttc', 'montant', 'total_ttc', 'ttc']),
    ...aliasesFor('currency', ['devise', 'monnaie']),
    ...aliasesFor('kind', ['type', 'type_piece', 'type_document', 'nature']),
  },
};

/** How to find the columns of a payments file. */
export const PAYMENT_COLUMN_SPEC: ColumnSpec<PaymentColumn> = {
  kind: 'payments',
  columns: PAYMENT_COLUMNS,
  required: ['reference', 'customer_code', 'date', 'amount'],
  aliases: {
    ...aliasesFor('reference', [
      'ref',
      'reference_paiement',
      'reference_reglement',
      'ref_paiement',
      'ref_reglement',
      'numero_reglement',
      'n_reglement',
    ]),
    ...aliasesFor('customer_code', CUSTOMER_CODE_ALIASES),
    ...aliasesFor('date', [
      'date_paiement',
      'date_de_paiement',
      'date_reglement',
      'date_de_reglement',
      'date_encaissement',
    ]),
    ...aliasesFor('amount', ['montant', 'montant_ttc', 'montant_regle', 'montant_reglement']),
    ...aliasesFor('currency', ['devise', 'monnaie']),
    ...aliasesFor('invoice_number', [
      'facture',
      'n_facture',
      'no_facture',
      'num_facture',
      'numero_facture',
    ]),
    ...aliasesFor('method', [
      'payment_method',
      'mode_reglement',
      'mode_de_reglement',
      'mode_paiement',
      'mode_de_paiement',
      'moyen_paiement',
      'moyen_de_paiement',
    ]),
  },
};

/** How to find the columns of an orders file. */
export const ORDER_COLUMN_SPEC: ColumnSpec<OrderColumn> = {
  kind: 'orders',
  columns: ORDER_COLUMNS,
  required: ['number', 'customer_code', 'order_date', 'amount'],
  aliases: {
    ...aliasesFor('number', [
      'numero',
      'num',
      'n',
      'no',
      'n_commande',
      'no_commande',
      'num_commande',
      'numero_commande',
      'numero_de_commande',
      'commande',
      'ref_commande',
      'reference_commande',
      'order_number',
    ]),
    ...aliasesFor('customer_code', CUSTOMER_CODE_ALIASES),
    ...aliasesFor('order_date', ['date_commande', 'date_de_commande', 'date', 'date_piece']),
    // TTC only, as the invoices it will become: the exposure counts what the customer will owe.
    ...aliasesFor('amount', ['montant_ttc', 'montant', 'total_ttc', 'ttc', 'montant_commande']),
    ...aliasesFor('currency', ['devise', 'monnaie']),
    ...aliasesFor('expected_delivery_date', [
      'date_livraison',
      'date_de_livraison',
      'date_livraison_prevue',
      'date_de_livraison_prevue',
      'livraison_prevue',
      'delivery_date',
    ]),
    ...aliasesFor('special_conditions', [
      'conditions_particulieres',
      'conditions_speciales',
      'conditions_commerciales',
    ]),
    ...aliasesFor('prices_agreed', ['prix_valides', 'prix_convenus', 'prix_acceptes']),
    ...aliasesFor('delivery_date_confirmed', [
      'date_livraison_confirmee',
      'date_de_livraison_confirmee',
      'livraison_confirmee',
    ]),
    ...aliasesFor('confirmation_sent', [
      'confirmation_envoyee',
      'accuse_reception_envoye',
      'arc_envoye',
    ]),
  },
};

function aliasesFor<C extends string>(column: C, aliases: readonly string[]): Record<string, C> {
  return Object.fromEntries(aliases.map((alias) => [alias, column]));
}

/**
 * An explicit mapping, canonical column → the file's column name as the user wrote
 * it (`{ amount: 'Montant TTC' }`). Names are compared after normalization.
 */
export type ColumnMapping = Readonly<Record<string, string>>;

/** `parseMappingOption`'s answer. */
export type ParseMappingResult =
  | { ok: true; mapping: ColumnMapping }
  | { ok: false; issues: Issue[] };

/**
 * Parses the `--map` option: `amount=Montant TTC,number=Facture`. A file column
 * whose name holds a comma is written in double quotes (`amount="Montant, TTC"`).
 * Canonical names are checked against the file kind later, by `mapColumns`.
 */
export function parseMappingOption(text: string): ParseMappingResult {
  const mapping: Record<string, string> = {};
  const issues: Issue[] = [];
  for (const entry of splitOutsideQuotes(text, ',')) {
    if (entry.trim() === '') {
      continue;
    }
    const equals = entry.indexOf('=');
    const canonical = equals < 0 ? '' : normalizeHeaderName(entry.slice(0, equals));
    const fileColumn = equals < 0 ? '' : unquote(entry.slice(equals + 1).trim());
    if (canonical === '' || fileColumn === '') {
      issues.push(
        fieldIssue('mapping', 'invalid_mapping', { entry: entry.trim(), context: 'form' }),
      );
    } else if (Object.hasOwn(mapping, canonical)) {
      issues.push(
        fieldIssue('mapping', 'invalid_mapping', { column: canonical, context: 'twice' }),
      );
    } else {
      mapping[canonical] = fileColumn;
    }
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, mapping };
}

function splitOutsideQuotes(text: string, separator: string): string[] {
  const parts: string[] = [];
  let current = '';
  let isQuoted = false;
  for (const char of text) {
    if (char === '"') {
      isQuoted = !isQuoted;
    }
    if (char === separator && !isQuoted) {
      parts.push(current);
      current = '';
    } else {
      current += char;
    }
  }
  parts.push(current);
  return parts;
}

function unquote(text: string): string {
  return text.length >= 2 && text.startsWith('"') && text.endsWith('"')
    ? text.slice(1, -1).trim()
    : text;
}

/**
 * A data row read by canonical column: `cell('amount')` is the trimmed content of
 * the file's amount column, `''` when the file has no such column.
 */
export type MappedRecord<C extends string> = { line: number; cell: (column: C) => string };

/** Options of `mapColumns`. */
export type MapColumnsOptions<C extends string> = {
  mapping?: ColumnMapping | undefined;
  /** Replaces `spec.required` (e.g. `currency` becomes required when there is no default currency). */
  required?: readonly C[] | undefined;
};

/**
 * `mapColumns`'s answer. `columns` lists the canonical columns the file has, so an
 * update can change only what the file carries. `notices` report ignored columns
 * and names read through an alias; `errors` are file-level (missing, ambiguous or
 * duplicated column, bad mapping) and mean no record can be read.
 */
export type MapColumnsResult<C extends string> =
  | { ok: true; records: MappedRecord<C>[]; columns: C[]; notices: Issue[] }
  | { ok: false; errors: Issue[]; notices: Issue[] };

/**
 * Maps a table's columns onto `spec`'s canonical columns. Precedence: the explicit
 * mapping, then a column named exactly like the canonical one, then an alias. Two
 * aliases claiming the same canonical column (`montant` and `montant_ttc`) is an
 * error rather than a guess: picking the wrong amount column would import wrong
 * figures without a word.
 */
export function mapColumns<C extends string>(
  spec: ColumnSpec<C>,
  table: Table,
  options: MapColumnsOptions<C> = {},
): MapColumnsResult<C> {
  const errors: Issue[] = [];
  const notices: Issue[] = [];
  const header = table.header.map(normalizeHeaderName);
  const source = new Map<C, number>();
  const claimed = new Set<string>();

  for (const [key, fileColumn] of Object.entries(options.mapping ?? {})) {
    const canonical = spec.columns.find((column) => column === normalizeHeaderName(key));
    const wanted = normalizeHeaderName(fileColumn);
    const index = header.indexOf(wanted);
    if (canonical === undefined) {
      errors.push(
        fieldIssue('mapping', 'unknown_column', {
          key,
          columns: spec.columns.join(', '),
          context: `${spec.kind}_file`,
        }),
      );
    } else if (index < 0) {
      errors.push(
        fieldIssue(canonical, 'missing_column', {
          column: canonical,
          fileColumn,
          header: listHeader(header),
          context: 'mapped',
        }),
      );
    } else {
      source.set(canonical, index);
      claimed.add(wanted);
    }
  }

  for (const column of spec.columns) {
    if (source.has(column)) {
      continue;
    }
    const candidates = unique(
      header.filter(
        (name) => !claimed.has(name) && (name === column || spec.aliases[name] === column),
      ),
    );
    const exact = candidates.find((name) => name === column);
    const chosen = exact ?? (candidates.length === 1 ? candidates[0] : undefined);
    if (chosen === undefined && candidates.length > 1) {
      const [first = '', second = ''] = candidates;
      errors.push(
        fieldIssue(
          column,
          'ambiguous_column',
          candidates.length === 2
            ? { first, second, column }
            : { names: candidates.join(', '), column, context: 'many_names' },
        ),
      );
      continue;
    }
    if (chosen === undefined) {
      continue;
    }
    source.set(column, header.indexOf(chosen));
    claimed.add(chosen);
    if (chosen !== column) {
      notices.push(fieldIssue(column, 'alias_column', { name: chosen, column }));
    }
  }

  for (const [column, index] of source) {
    const name = header[index] ?? '';
    if (header.indexOf(name) !== header.lastIndexOf(name)) {
      errors.push(fieldIssue(column, 'duplicate_column', { name }));
    }
  }

  for (const column of options.required ?? spec.required) {
    if (!source.has(column) && !errors.some((issue) => issue.field === column)) {
      const accepted = [
        column,
        ...Object.keys(spec.aliases).filter((alias) => spec.aliases[alias] === column),
      ];
      errors.push(fieldIssue(column, 'missing_column', { column, accepted: accepted.join(', ') }));
    }
  }

  for (const name of unique(header)) {
    if (name !== '' && !claimed.has(name)) {
      notices.push(fieldIssue(name, 'ignored_column', { name, context: `${spec.kind}_file` }));
    }
  }

  if (errors.length > 0) {
    return { ok: false, errors, notices };
  }
  const sourceNames = new Map([...source].map(([column, index]) => [column, table.header[index]]));
  const records = table.records.map((record): MappedRecord<C> => {
    const cell = (column: C): string => {
      const name = sourceNames.get(column);
      return name === undefined ? '' : (record.values[name] ?? '').trim();
    };
    return { line: record.line, cell };
  });
  const columns = spec.columns.filter((column) => source.has(column));
  return { ok: true, records, columns, notices };
}

function unique(names: readonly string[]): string[] {
  return [...new Set(names)];
}

function listHeader(header: readonly string[]): string {
  return unique(header.filter((name) => name !== '')).join(', ');
}
