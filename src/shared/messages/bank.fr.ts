import type { bankEn } from './bank.en.ts';
import type { ShapeOf } from './shape.ts';

/** The same messages in French (same keys as `bank.en.ts`). */
export const bankFr = {
  // camt.053 / camt.054 (src/imports/bank/camt.ts).
  camt_not_xml: "Le fichier n'est pas un XML bien formé (ligne {{line}}, colonne {{column}}).",
  camt_truncated:
    "Le fichier s'arrête avant la fin de son XML (ligne {{line}}, colonne {{column}}) : il a peut-être été tronqué.",
  camt_not_utf8: "Le fichier n'est pas un texte UTF-8 valide, l'encodage des messages ISO 20022.",
  camt_not_camt:
    "Le fichier n'est pas un relevé bancaire camt.053 ou camt.054 (élément trouvé : {{element}}, espace de noms « {{namespace}} »).",
  camt_no_statement:
    "{{path}} ne contient aucun élément {{element}} : le fichier n'a aucun relevé à lire.",
  camt_entry_not_booked:
    '{{path}} : une écriture au statut {{status}}, non comptabilisée (BOOK), est laissée de côté : la banque peut encore la modifier ou l’annuler',
  camt_missing_element: "{{path}} : l'élément obligatoire {{element}} est absent.",
  camt_invalid_amount:
    "{{path}} : « {{value}} » n'est pas un montant (attendu : des chiffres, avec un point avant les décimales, par exemple 1234.56).",
  camt_amount_precision:
    '{{path}} : le montant « {{value}} » a plus de {{digits}} décimales, le maximum pour la devise {{currency}}.',
  camt_amount_too_large:
    '{{path}} : le montant « {{value}} » dépasse le plus grand montant accepté, {{max, money}}.',
  camt_invalid_currency:
    "{{path}} : « {{value}} » n'est pas un code de devise (trois lettres capitales, par exemple EUR).",
  camt_invalid_code: "{{path}} : « {{value}} » n'est pas une valeur acceptée : {{choices}}.",
  camt_invalid_date:
    "{{path}} : « {{value}} » n'est pas une date valide (attendu : AAAA-MM-JJ, ou une date et une heure qui commencent ainsi).",
  camt_detail_currency:
    '{{path}} : le détail de transaction est en {{currency}} alors que son écriture est en {{entryCurrency}}.',
  camt_details_do_not_add_up:
    "{{path}} : ses détails de transaction totalisent {{total, money}}, et non les {{amount, money}} que passe l'écriture.",
  // CFONB 120 (src/imports/bank/cfonb120.ts).
  cfonb_wrong_length:
    "L'enregistrement compte {{length}} caractères (espaces finales non comprises) ; un enregistrement CFONB 120 en compte 120.",
  cfonb_unknown_record:
    "Le code d'enregistrement « {{code}} » n'existe pas en CFONB 120 (01 ancien solde, 04 mouvement, 05 complément de mouvement, 07 nouveau solde).",
  cfonb_outside_statement:
    "Cet enregistrement {{record}} n'appartient à aucun relevé : aucun enregistrement 01 (ancien solde) n'en ouvre un avant lui.",
  cfonb_complement_without_movement:
    "Cet enregistrement 05 (complément de mouvement) ne suit aucun enregistrement 04 (mouvement) qu'il pourrait compléter.",
  cfonb_unclosed_statement:
    "Le relevé du compte {{account}} qu'ouvre cet enregistrement 01 (ancien solde) n'a pas d'enregistrement 07 (nouveau solde) : le fichier a peut-être été tronqué.",
  cfonb_bad_account:
    'Cet enregistrement 01 ne désigne aucun compte : le code banque « {{bankCode}} » et le code guichet « {{branchCode}} » doivent compter 5 chiffres, le numéro de compte « {{accountNumber}} » 11 chiffres ou lettres capitales.',
  cfonb_other_account:
    "Cet enregistrement {{record}} concerne le compte {{account}}, mais le relevé qu'ouvre l'enregistrement 01 de la ligne {{openingLine}} concerne le compte {{expected}}.",
  cfonb_bad_date:
    "La date « {{value}} » en positions {{positions}} de cet enregistrement {{record}} n'est pas une date valide (format attendu : JJMMAA).",
  cfonb_bad_amount:
    "Le montant « {{value}} » en positions 91-104 de cet enregistrement {{record}} n'est pas un montant CFONB (13 chiffres, puis un chiffre codé avec son signe : { ou A à I pour plus, } ou J à R pour moins).",
  cfonb_amount_too_large:
    'Le montant « {{value}} » de cet enregistrement {{record}} dépasse le plus grand montant accepté, {{max, money}}.',
  cfonb_amount_below_minor_unit:
    'Le montant « {{value}} » de cet enregistrement {{record}} est plus fin que ce que compte la devise {{currency}} (nombre de décimales : {{decimals}}, {{digits}} pour {{currency}}).',
  cfonb_bad_decimal_count:
    "Le nombre de décimales « {{value}} » en position 20 de cet enregistrement {{record}} n'est pas un chiffre.",
  cfonb_unknown_currency:
    "La devise « {{value}} » en positions 17-19 de cet enregistrement {{record}} n'est pas un code de devise ISO 4217 (par exemple EUR).",
  cfonb_other_currency:
    'Cet enregistrement {{record}} est en {{currency}}, mais son relevé est en {{expected}}.',
  cfonb_assumed_currency:
    'Cet enregistrement {{record}} laisse sa devise ou son nombre de décimales en blanc : son montant est lu en {{currency}}, nombre de décimales : {{decimals}}.',
  // Enregistrement des relevés (src/bank/) : l'import d'un fichier entier, `encaisse import bank`.
  bank_unknown_format:
    "{{file}} n'est ni un relevé camt.053 ou camt.054 (XML dans un espace de noms camt ISO 20022) ni un relevé CFONB 120 (enregistrements de 120 caractères commençant par leur code et le code banque).",
  bank_read_as_latin1:
    "{{file}} n'est pas un texte UTF-8 : il est lu en Latin-1 (Windows-1252), comme les banques françaises écrivent les fichiers CFONB.",
  bank_account_unknown:
    "Ce relevé concerne le compte {{account}}, que la société n'a pas. Ajoutez-le avec : encaisse bank-accounts add --iban {{iban}} --name NOM, ou importez à nouveau le fichier avec --add-account.",
  bank_account_unknown_number:
    "Ce relevé concerne le compte {{account}}, que la société n'a pas ; son numéro n'est pas un IBAN : importez à nouveau le fichier avec --add-account pour l'enregistrer.",
  bank_statement_other_currency:
    'Ce relevé du compte {{account}} est en {{currency}}, mais le compte est tenu en {{accountCurrency}}.',
} as const satisfies ShapeOf<typeof bankEn>;
