import type { fecEn } from './fec.en.ts';
import type { ShapeOf } from './shape.ts';

/** The same messages in French (same keys as `fec.en.ts`). */
export const fecFr = {
  fec_empty_file: "Le fichier « {{file}} » est vide : un FEC commence par sa ligne d'en-tête.",
  fec_no_separator:
    "Le fichier « {{file}} » n'est pas un FEC : son en-tête ne sépare ses colonnes ni par des tabulations ni par des « | » (trouvé : « {{found}} »).",
  fec_column_count:
    "Le fichier « {{file}} » n'est pas un FEC : son en-tête a {{count}} colonnes là où un FEC en a {{expectedCount}} (LPF, art. A47 A-1). Attendu : {{expected}} (ou Montant, Sens à la place de Debit, Credit). Trouvé : « {{found}} ».",
  fec_column_order:
    "Le fichier « {{file}} » n'est pas un FEC : sa colonne {{position}} est « {{name}} » là où un FEC a {{expectedName}} (LPF, art. A47 A-1). Attendu : {{expected}}. Trouvé : « {{found}} ».",
  fec_decimal_point:
    'Le fichier « {{file}} » écrit ses montants avec un point décimal ({{field}} « {{value}} » à la ligne {{line}}) là où un FEC les écrit avec une virgule (LPF, art. A47 A-1). Si le fichier est correct par ailleurs, importez-le à nouveau avec --decimal-point.',
  fec_too_many_issues:
    'Le fichier « {{file}} » présente {{count, number}} problèmes ; seuls les {{shown, number}} premiers sont listés.',
  fec_field_count:
    "La ligne {{line}} a {{count}} champs là où l'en-tête en a {{expectedCount}} (un séparateur dans une valeur, ou un champ omis ?).",
  fec_required: '{{field}} est vide ; une ligne de FEC doit le renseigner.',
  fec_invalid_date:
    "{{field}} « {{value}} » n'est pas une date écrite AAAAMMJJ, ou ce jour n'existe pas.",
  fec_invalid_amount:
    "{{field}} « {{value}} » n'est pas un montant écrit comme dans un FEC : des chiffres, puis au plus {{digits}} décimales après « {{mark}} », sans séparateur de milliers (par exemple {{example}}).",
  fec_amount_too_large:
    '{{field}} « {{value}} » dépasse le plus grand montant accepté, {{max, money}}.',
  fec_negative_amount:
    '{{field}} « {{value}} » est négatif ; un FEC écrit un débit dans Debit et un crédit dans Credit, tous deux positifs.',
  fec_debit_and_credit:
    'La ligne {{line}} a à la fois un débit (« {{debit}} ») et un crédit (« {{credit}} ») ; une ligne de FEC est au débit ou au crédit.',
  fec_invalid_direction: "{{field}} « {{value}} » n'est ni D (débit) ni C (crédit).",
  fec_unknown_currency:
    "{{field}} « {{value}} » n'est pas un code de devise ISO 4217 (par exemple EUR, USD, CHF).",
  fec_currency_missing:
    'Montantdevise « {{value}} » est donné sans sa devise : {{field}} est vide.',
  fec_unbalanced_entry:
    "L'écriture {{entry}} du journal {{journal}} n'est pas équilibrée : ses débits totalisent {{debit, money}} et ses crédits {{credit, money}}.",
  fec_piece_other_customer:
    "La ligne {{line}} porte la pièce {{number}} au client {{customer}}, mais la ligne {{firstLine}} l'a portée au client {{firstCustomer}} : un numéro désigne un seul document d'un seul client. La ligne est écartée.",
  fec_piece_other_currency:
    "La ligne {{line}} porte la pièce {{number}} en {{currency}}, mais la ligne {{firstLine}} l'a portée en {{firstCurrency}}. La ligne est écartée.",
  fec_partial_lettering:
    "Le lettrage « {{letter}} » du client {{customer}} n'est pas soldé (débits {{debit, money}}, crédits {{credit, money}}) : {{allocated, money}} est affecté, le reste demeure ouvert.",
  fec_entry_refused:
    "La ligne {{line}} appartient à l'écriture {{entry}} du journal {{journal}}, qui est refusée (voir ses autres lignes) : une écriture s'importe entière ou pas du tout.",
  fec_allocation_reduced:
    "Le lettrage « {{letter}} » du client {{customer}} affecte {{planned, money}} de {{source}} à la facture {{number}}, mais seuls {{allocated, money}} peuvent l'être : des affectations faites dans Encaisse soldent déjà le reste.",
  fec_item_absent:
    "La facture {{number}} émise le {{date}} ({{amount, money}}), importée d'un FEC précédent ({{source}}), ne figure pas dans celui-ci ; elle est conservée. A-t-elle été supprimée en comptabilité ?",
  fec_item_absent_credit_note:
    "L'avoir {{number}} émis le {{date}} ({{amount, money}}), importé d'un FEC précédent ({{source}}), ne figure pas dans celui-ci ; il est conservé. A-t-il été supprimé en comptabilité ?",
  fec_item_absent_payment:
    "L'encaissement {{number}} reçu le {{date}} ({{amount, money}}), importé d'un FEC précédent, ne figure pas dans celui-ci ; il est conservé. A-t-il été supprimé en comptabilité ?",
  fec_too_many_absent:
    '{{count, number}} éléments importés de FEC précédents de cette période ne figurent pas dans celui-ci ; seuls les {{shown, number}} premiers sont listés.',
  fec_report_summary:
    '{{file}} — lignes lues : {{lines, number}}, rejetées : {{rejected, number}} ({{verdict}})',
  fec_report_heading_item: 'Élément',
  fec_report_heading_created: 'Créations',
  fec_report_heading_updated: 'Mises à jour',
  fec_report_heading_unchanged: 'Sans changement',
  fec_report_customers: 'Clients',
  fec_report_invoices: 'Factures',
  fec_report_credit_notes: 'Avoirs',
  fec_report_payments: 'Encaissements',
  fec_report_allocations: 'Affectations',
  fec_progress: '{{file}} : {{done, number}} éléments traités sur {{total, number}}…',
} as const satisfies ShapeOf<typeof fecEn>;
