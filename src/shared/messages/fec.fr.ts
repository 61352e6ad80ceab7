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
} as const satisfies ShapeOf<typeof fecEn>;
