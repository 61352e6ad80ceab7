import type { importReportEn, importsEn } from './imports.en.ts';
import type { ShapeOf } from './shape.ts';

/** The same messages in French (same keys as `imports.en.ts`). */
export const importsFr = {
  required_cell: 'La colonne {{field}} doit être renseignée.',
  required_no_default:
    "La colonne currency doit être renseignée (aucune devise par défaut n'est définie).",
  invalid_date:
    "{{field}} « {{value}} » n'est pas une date valide (formats attendus : AAAA-MM-JJ, JJ/MM/AAAA ou AAAAMMJJ).",
  unknown_currency_cell:
    "currency « {{value}} » n'est pas un code de devise ISO 4217 (par exemple EUR, USD, CHF).",
  invalid_amount_empty_text:
    "{{field}} « {{value}} » n'est pas un montant valide en {{currency}} (montant vide).",
  invalid_amount_not_number:
    "{{field}} « {{value}} » n'est pas un montant valide en {{currency}} (« {{figure}} » n'est pas un nombre).",
  invalid_amount_ambiguous_mark:
    "{{field}} « {{value}} » n'est pas un montant valide en {{currency}} (« {{figure}} » est ambigu : écrivez-le sans séparateur de milliers ou avec toutes ses décimales, 1234 ou 1.234,00).",
  invalid_amount_ill_formed:
    "{{field}} « {{value}} » n'est pas un montant valide en {{currency}} (« {{figure}} » est mal formé).",
  invalid_amount_decimals:
    "{{field}} « {{value}} » n'est pas un montant valide en {{currency}} (« {{figure}} » a plus de {{digits}} décimales).",
  invalid_amount_above_max:
    "{{field}} « {{value}} » n'est pas un montant valide en {{currency}} (« {{figure}} » dépasse le plus grand montant accepté, {{max}}).",
  invalid_kind: "{{field}} « {{value}} » n'est pas une valeur acceptée : {{choices}}.",
  invalid_status: "{{field}} « {{value}} » n'est pas une valeur acceptée : {{choices}}.",
  invalid_risk_category: "{{field}} « {{value}} » n'est pas une valeur acceptée : {{choices}}.",
  invalid_payment_method: "{{field}} « {{value}} » n'est pas une valeur acceptée : {{choices}}.",
  invalid_character_nul:
    '{{field}} contient un caractère NUL ({{codePoint}}) en position {{position}}, qui ne peut pas être enregistré.',
  invalid_character_surrogate:
    "{{field}} contient un demi-codet isolé ({{codePoint}}, qui n'est pas un caractère Unicode) en position {{position}}, qui ne peut pas être enregistré.",
  duplicate_in_file_customer_code:
    'Le code client « {{value}} » figure déjà à la ligne {{firstLine}}.',
  duplicate_in_file_invoice_number:
    'Le numéro de facture « {{value}} » figure déjà à la ligne {{firstLine}}.',
  duplicate_in_file_credit_note_number:
    "Le numéro d'avoir « {{value}} » figure déjà à la ligne {{firstLine}}.",
  duplicate_in_file_payment_reference:
    'La référence de paiement « {{value}} » figure déjà à la ligne {{firstLine}}.',
  duplicate_in_file_order_number:
    'Le numéro de commande « {{value}} » figure déjà à la ligne {{firstLine}}.',
  too_long: 'Le code « {{value}} » compte {{length}} caractères ; {{max}} au plus sont admis.',
  invalid_siren_cell:
    "{{field}} : le SIREN « {{value}} » n'est pas valide (9 chiffres, clé de Luhn).",
  invalid_siret_cell:
    "{{field}} : le SIRET « {{value}} » n'est pas valide (14 chiffres, clé de Luhn).",
  invalid_vat_number_cell: "{{field}} : le numéro de TVA « {{value}} » n'est pas valide.",
  siret_siren_mismatch_cell:
    '{{field}} : le SIRET « {{value}} » ne commence pas par le SIREN {{siren}}.',
  vat_number_siren_mismatch_cell:
    '{{field}} : le numéro de TVA « {{value}} » ne correspond pas au SIREN {{siren}} (attendu : {{expected}}).',
  invalid_payment_terms_cell:
    'Conditions de paiement payment_terms « {{value}} » non reconnues (par exemple « 30 jours net », « 45 jours fin de mois », « net:30 », « eom:45 »).',
  payment_terms_exceed_legal_maximum:
    'Les conditions de paiement payment_terms « {{value}} » peuvent donner des échéances au-delà du délai légal maximal (60 jours, ou 45 jours fin de mois).',
  negative_amount_credit_limit:
    'credit_limit « {{value}} » est négatif ; indiquez 0 pour « aucun encours autorisé ».',
  invalid_percent:
    "deposit_percent « {{value}} » n'est pas un pourcentage compris entre 0 et 100 avec au plus 2 décimales.",
  invalid_email: "{{field}} « {{value}} » n'est pas une adresse e-mail.",
  invalid_country:
    "country « {{value}} » n'est pas un pays (attendu : un code ISO 3166 à deux lettres, comme FR, BE, DE).",
  unknown_user_by_email: "Aucun utilisateur d'adresse e-mail « {{email}} » dans cette société",
  due_before_issue:
    "L'échéance due_date « {{value}} » précède la date de facture issue_date « {{issueDate}} ».",
  payment_terms_exceed_legal_maximum_due_date:
    "L'échéance due_date {{dueDate}} dépasse de {{excessDays}} jours le délai légal maximal ({{maximumDueDate}}) pour une facture émise le {{issueDate}}.",
  zero_amount: 'Le montant amount « {{value}} » est nul.',
  negative_amount_for_invoice:
    'Le montant amount « {{value}} » est négatif sur une facture ; importez un avoir avec kind=credit_note (ou « avoir ») et un montant positif.',
  negative_amount_payment:
    "Le montant amount « {{value}} » est négatif ; un paiement est une somme reçue (un remboursement au client ne s'importe pas comme un paiement).",
  unknown_customer: "Le client « {{code}} » n'existe pas",
  unknown_invoice: "La facture {{number}} n'existe pas",
  payment_differs:
    "Le paiement {{reference}} existe déjà avec d'autres valeurs ; il n'est pas modifié",
  invalid_boolean:
    "{{field}} « {{value}} » n'est ni oui ni non (oui, non, yes, no, 1, 0, true, false).",
  order_changed:
    "La commande {{number}} a déjà été reçue avec une autre valeur ici ; une commande déjà contrôlée n'est pas modifiée par un fichier (sa livraison, sa facturation et son annulation passent par l'API)",
  total_too_large_open_invoices:
    'Avec cette ligne, les factures ouvertes du client en {{currency}} totaliseraient plus de {{max, money}}, le plus grand total accepté.',
  total_too_large_open_credit_notes:
    'Avec cette ligne, les avoirs non imputés du client en {{currency}} totaliseraient plus de {{max, money}}, le plus grand total accepté.',
  total_too_large_unapplied_payments:
    'Avec cette ligne, les paiements non affectés du client en {{currency}} totaliseraient plus de {{max, money}}, le plus grand total accepté.',
  invalid_mapping_form:
    "--map : « {{entry}} » n'est pas de la forme colonne=Colonne du fichier (par exemple amount=Montant TTC).",
  invalid_mapping_twice: '--map : « {{column}} » est associée deux fois.',
  unknown_column_customers_file:
    "--map : « {{key}} » n'est pas une colonne des fichiers de clients (colonnes attendues : {{columns}}).",
  unknown_column_invoices_file:
    "--map : « {{key}} » n'est pas une colonne des fichiers de factures (colonnes attendues : {{columns}}).",
  unknown_column_payments_file:
    "--map : « {{key}} » n'est pas une colonne des fichiers de paiements (colonnes attendues : {{columns}}).",
  unknown_column_orders_file:
    "--map : « {{key}} » n'est pas une colonne des fichiers de commandes (colonnes attendues : {{columns}}).",
  missing_column:
    'La colonne obligatoire « {{column}} » est absente (noms acceptés : {{accepted}}) ; désignez une autre colonne avec --map {{column}}=<colonne>.',
  missing_column_mapped:
    "--map {{column}}={{fileColumn}} : le fichier n'a pas de colonne « {{fileColumn}} » (ses colonnes : {{header}}).",
  ambiguous_column:
    'Les colonnes « {{first}} » et « {{second}} » pourraient toutes deux être « {{column}} » ; choisissez-en une avec --map {{column}}=<colonne>.',
  ambiguous_column_many_names:
    'Les colonnes {{names}} pourraient toutes être « {{column}} » ; choisissez-en une avec --map {{column}}=<colonne>.',
  alias_column: 'La colonne « {{name}} » est lue comme « {{column}} ».',
  duplicate_column:
    'Le fichier a plusieurs colonnes nommées « {{name}} » ; renommez-en une, ou choisissez avec --map.',
  ignored_column_customers_file:
    "La colonne « {{name}} » est ignorée (ce n'est pas une colonne des fichiers de clients).",
  ignored_column_invoices_file:
    "La colonne « {{name}} » est ignorée (ce n'est pas une colonne des fichiers de factures).",
  ignored_column_payments_file:
    "La colonne « {{name}} » est ignorée (ce n'est pas une colonne des fichiers de paiements).",
  ignored_column_orders_file:
    "La colonne « {{name}} » est ignorée (ce n'est pas une colonne des fichiers de commandes).",
  empty_file: "Le fichier « {{file}} » est vide : une ligne d'en-tête est requise.",
  empty_file_no_header: "Le fichier « {{file}} » n'a pas de ligne d'en-tête : il est vide.",
  empty_file_no_worksheet: "Le fichier « {{file}} » n'a aucune feuille de calcul.",
  empty_file_empty_sheet:
    "Fichier « {{file}} » : la première feuille de calcul est vide ; une ligne d'en-tête est requise.",
  file_too_large_zip_parts:
    "Le fichier « {{file}} » n'est pas lu : il contient plus de {{max, number}} parties.",
  file_too_large_zip_size:
    "Le fichier « {{file}} » n'est pas lu : décompressé, il dépasse {{max, number}}\u00a0Mio, le maximum pour un classeur (enregistrez-le en CSV, ou découpez-le).",
  file_too_large_zip_bomb:
    "Le fichier « {{file}} » n'est pas lu : sa partie {{part}} se décompresse {{ratio, number}} fois (jusqu'à {{size, number}}\u00a0Mio), alors qu'un classeur se décompresse au plus {{maxRatio}} fois : cela ressemble à une bombe ZIP.",
  file_too_large_zip_liar:
    "Le fichier « {{file}} » n'est pas lu : sa partie {{part}} dépasse à la décompression les {{declared, number}} octets qu'elle annonce : le fichier est endommagé ou conçu pour épuiser la mémoire.",
  unsupported_format_xls:
    'Le fichier « {{file}} » est un classeur Excel 97-2003 (.xls), format non pris en charge : enregistrez-le en .xlsx ou en CSV.',
  unsupported_format_not_table:
    "Le fichier « {{file}} » n'est ni un fichier CSV ni un classeur Excel .xlsx.",
  unsupported_format_damaged_zip:
    'Le fichier «\u00a0{{file}}\u00a0» est illisible\u00a0: son archive ZIP est endommagée ou incomplète (un téléchargement ou une copie interrompus\u00a0?). Enregistrez-le à nouveau en .xlsx, ou en CSV. Détail technique, en anglais\u00a0: {{detail}}',
  unsupported_format_not_workbook:
    'Le fichier «\u00a0{{file}}\u00a0» est une archive ZIP mais pas un classeur Excel .xlsx lisible\u00a0: enregistrez-le en .xlsx ou en CSV. Détail technique, en anglais\u00a0: {{detail}}',
  unsupported_format_not_text:
    "Le fichier « {{file}} » n'est pas un fichier texte : un fichier CSV (UTF-8, Windows-1252 ou UTF-16) ou un classeur Excel .xlsx est attendu.",
  cell_too_long:
    'Fichier « {{file}} » : la ligne {{line}} contient une valeur de {{length, number}} caractères, plus que les {{max, number}} que peut contenir une cellule de tableur.',
  cell_too_long_in_csv:
    'Fichier « {{file}} » : la ligne {{line}} contient une valeur de {{length, number}} caractères, plus que les {{max, number}} que peut contenir une cellule de tableur (un guillemet ouvert et refermé bien plus loin ?).',
  malformed_csv:
    'Fichier « {{file}} » : un champ entre guillemets ouvert à la ligne {{line}} n\'est jamais refermé (un " égaré ?).',
  too_many_values:
    "La ligne {{line}} contient {{values}} valeurs alors que l'en-tête a {{columns}} colonnes (un « {{delimiter}} » hors guillemets dans une valeur ?).",
  bad_encoding:
    "Le fichier « {{file}} » n'est pas un texte UTF-8 valide : octet 0x{{byte}} à la ligne {{line}}. Il a sans doute été enregistré par Excel en Windows-1252 : importez-le à nouveau avec --encoding windows-1252, ou enregistrez-le au format « CSV UTF-8 ».",
  bad_encoding_nul:
    "Le fichier « {{file}} » contient un caractère NUL ({{codePoint}}) à la ligne {{line}}, ce qu'aucun texte ne contient : le fichier est endommagé ou n'est pas un texte {{encoding}}. Vérifiez l'option --encoding, ou enregistrez le fichier au format « CSV UTF-8 ».",
  bad_encoding_surrogate:
    "Le fichier « {{file}} » contient un demi-codet isolé ({{codePoint}}, qui n'est pas un caractère Unicode) à la ligne {{line}}, ce qu'aucun texte ne contient : le fichier est endommagé ou n'est pas un texte {{encoding}}. Vérifiez l'option --encoding, ou enregistrez le fichier au format « CSV UTF-8 ».",
  bad_encoding_odd_bytes:
    "Le fichier « {{file}} » n'est pas un texte {{encoding}} valide : nombre impair d'octets, le dernier caractère est coupé à la ligne {{line}}. Vérifiez l'option --encoding, ou enregistrez le fichier au format « CSV UTF-8 ».",
  bad_encoding_lone_unit:
    "Le fichier « {{file}} » n'est pas un texte {{encoding}} valide : demi-codet isolé ({{codePoint}}) à la ligne {{line}}. Vérifiez l'option --encoding, ou enregistrez le fichier au format « CSV UTF-8 ».",
  bad_encoding_no_bom:
    "Le fichier « {{file}} » semble être un texte UTF-16 sans indicateur d'ordre des octets (BOM) : importez-le à nouveau avec --encoding utf-16le, ou enregistrez-le au format « CSV UTF-8 ».",
  invalid_size: 'La taille doit être S, M ou L',
  invalid_seed: 'La graine doit être un nombre entier',
  invalid_customers: 'Le nombre de clients doit être un entier positif',
  invalid_date_today: 'La date du jour doit être écrite AAAA-MM-JJ',
  invalid_uuid: "L'identifiant de la société doit être un UUID",
  invalid_currency: 'La démo est en EUR',
  demo_export_one_format:
    "ne peut pas être combinée avec --export-csv : n'exportez qu'un format à la fois",
  demo_if_empty_not_for_export:
    "s'applique au chargement d'une base de données, pas à un export (qui ne touche à aucune base)",
} as const satisfies ShapeOf<typeof importsEn>;

/** The lines `encaisse import` prints, in French (same keys as `importReportEn`). */
export const importReportFr = {
  saved: 'enregistré',
  dryRun: "essai : rien n'est enregistré",
  refused: "refusé : rien n'est enregistré",
  created_one: '{{count}} créé',
  created_other: '{{count}} créés',
  updated_one: '{{count}} mis à jour',
  updated_other: '{{count}} mis à jour',
  unchanged_one: '{{count}} inchangé',
  unchanged_other: '{{count}} inchangés',
  rejected_one: '{{count}} rejeté',
  rejected_other: '{{count}} rejetés',
  validated_one: '{{count}} validée',
  validated_other: '{{count}} validées',
  held_one: '{{count}} bloquée',
  held_other: '{{count}} bloquées',
  creditChecked: '  contrôle de crédit des commandes créées : {{validated}}, {{held}}',
  counts: '{{created}}, {{updated}}, {{unchanged}}, {{rejected}}',
  wouldBe: 'prévu : {{counts}}',
  summary_one: '{{file}} : {{count}} ligne — {{counts}} ({{verdict}})',
  summary_other: '{{file}} : {{count}} lignes — {{counts}} ({{verdict}})',
  fileRefused: '{{file}} : le fichier est refusé ({{verdict}})',
  file: 'fichier',
  line: 'ligne {{line}}',
  issue: '  {{where}}, {{message}}',
  note: '  remarque : {{message}}',
  fixLines:
    'Corrigez les lignes ci-dessus et importez à nouveau, ou utilisez --partial pour enregistrer les autres lignes.',
} as const satisfies ShapeOf<typeof importReportEn>;
