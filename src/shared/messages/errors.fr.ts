import type { errorsEn } from './errors.en.ts';
import type { ShapeOf } from './shape.ts';

/** The same messages in French, the product's first language (same keys as `errors.en.ts`). */
export const errorsFr = {
  titles: {
    not_found: 'Introuvable',
    invalid: 'Saisie refusée',
    conflict: 'Conflit',
    forbidden: 'Action non autorisée',
    unauthorized: 'Connexion requise',
    rate_limited: 'Trop de tentatives',
    database_in_use: 'Base de données occupée',
    audit_broken: "Piste d'audit rompue",
    bad_request: 'Requête refusée',
    upstream_refused: 'Refusé par le serveur joint',
    internal: 'Erreur interne',
  },
  // French typography: a space before the colon and the semicolon.
  phrases: {
    labelled: '{{label}} : {{text}}',
    separator: ' ; ',
  },
  cli: {
    error: 'erreur : {{message}}',
    lineField: 'ligne {{line}}, {{field}}',
    columnCode: 'Code',
    columnLegalName: 'Raison sociale',
    columnStatus: 'Statut',
    columnBalance: 'Encours',
    columnOverdue: 'Échu',
    columnOldestOverdue: 'Retard max',
    columnNumber: 'Numéro',
    columnCustomer: 'Client',
    columnIssued: 'Émise',
    columnDue: 'Échéance',
    columnAmount: 'Montant',
    columnOpen: 'Reste dû',
    columnDaysLate: 'Retard',
    days: '{{count, number}} j',
    creditNote: '{{number}} (avoir)',
    total: 'Total {{currency}}',
    documents_one: '{{count, number}} pièce',
    documents_other: '{{count, number}} pièces',
    customersShown_one: '{{shown, number}} sur {{count, number}} client',
    customersShown_other: '{{shown, number}} sur {{count, number}} clients',
    invoicesShown_one: '{{shown, number}} sur {{count, number}} facture',
    invoicesShown_other: '{{shown, number}} sur {{count, number}} factures',
    customerTotals_one:
      'Total {{currency}} : encours {{balance}}, échu {{overdue}} ({{count, number}} client)',
    customerTotals_other:
      'Total {{currency}} : encours {{balance}}, échu {{overdue}} ({{count, number}} clients)',
  },
  codes: {
    company_not_found: 'La société {{key}} est introuvable',
    no_company: "Aucune société pour l'instant : lancez `encaisse demo` ou créez-en une",
    user_not_found: "L'utilisateur {{key}} est introuvable",
    user_change_empty: 'Indiquez un rôle, l’état actif ou les deux',
    api_token_not_found: "Le jeton d'API {{key}} est introuvable",
    customer_not_found: 'Le client {{key}} est introuvable',
    invoice_not_found: 'La facture {{key}} est introuvable',
    credit_note_not_found: "L'avoir {{key}} est introuvable",
    payment_not_found: "L'encaissement {{key}} est introuvable",
    allocation_not_found: 'Le lettrage {{key}} est introuvable',
    bank_line_not_found: 'La ligne de relevé {{key}} est introuvable',
    route_not_found: 'Aucune route {{method}} {{path}}',
    sign_in_first: "Connectez-vous d'abord",
    wrong_credentials: "L'adresse e-mail ou le mot de passe est incorrect",
    session_expired: 'Votre session a expiré : reconnectez-vous',
    api_token_unknown: "Le jeton d'API est inconnu ou révoqué",
    api_token_expired: "Le jeton d'API a expiré le {{date}}",
    api_token_has_no_session:
      "Un jeton d'API n'a pas de session : connectez-vous avec un utilisateur",
    bearer_malformed: "L'en-tête Authorization doit être « Bearer <jeton d'API> »",
    csrf_refused: 'En-tête x-csrf-token absent ou erroné (requête intersite refusée)',
    role_forbidden: 'Votre rôle ({{role}}) ne permet pas {{permission}}',
    link_forbidden: 'Ce lien n’ouvre pas cet accès ({{permission}})',
    action_forbidden: 'Votre rôle ne permet pas cette action',
    access_needs_signed_in_admin:
      "Gérer les utilisateurs et les jetons d'API demande un administrateur connecté, pas un jeton d'API",
    password_change_needs_user: 'Seul un utilisateur connecté peut changer son mot de passe',
    language_needs_user: 'Seul un utilisateur connecté a une langue à lui',
    too_many_attempts: 'Trop de mots de passe erronés : réessayez dans {{seconds}} secondes',
    company_code_taken: 'Une société de code « {{code}} » existe déjà',
    user_email_taken: "Un utilisateur d'adresse {{email}} existe déjà",
    last_admin: 'La société doit garder au moins un administrateur actif',
    api_token_already_revoked: "Le jeton d'API « {{name}} » a déjà été révoqué le {{date}}",
    already_exists: 'Déjà enregistré : {{key}}',
    record_exists: 'Cet enregistrement existe déjà',
    open_amount_out_of_bounds: 'Le montant restant dû de {{number}} sortirait de ses bornes',
    allocation_already_undone: 'Le lettrage {{id}} a déjà été annulé',
    demo_exists:
      'La société de démonstration existe déjà dans cette base ; prenez une autre --db pour en créer une nouvelle',
    export_file_exists: '{{path}} existe déjà : supprimez-le ou exportez dans un autre dossier',
    request_invalid: "La requête n'est pas valide ({{part}})",
    company_invalid: "La société n'est pas valide",
    company_ambiguous: 'Plusieurs sociétés existent ({{codes}}) : choisissez-en une avec --company',
    customer_invalid: "Le client {{code}} n'est pas valide",
    allocation_refused: 'Le lettrage est refusé',
    invoice_amount_too_large:
      "Le montant d'une facture ou d'un avoir dépasse le plus grand accepté, {{max}}",
    payment_amount_too_large: "Le montant d'un encaissement dépasse le plus grand accepté, {{max}}",
    allocation_amount_too_large: "Le montant d'un lettrage dépasse le plus grand accepté, {{max}}",
    credit_limit_too_large: "L'encours autorisé dépasse le plus grand montant accepté, {{max}}",
    open_balance_too_large:
      "L'encours d'un client dépasserait le plus grand total accepté, {{max}}",
    demo_options_invalid: 'Options de démonstration invalides',
    mapping_invalid: "L'option --map n'est pas valide",
    invalid_options_one: 'Option invalide {{flags}}',
    invalid_options_other: 'Options invalides {{flags}}',
    audit_trail_broken: "La piste d'audit de {{companies}} est rompue",
    database_locked_unreadable:
      "La base embarquée de {{dir}} est verrouillée par {{lockPath}}, illisible : si aucun autre processus n'utilise cette base, supprimez ce fichier.\n$t(codes.database_one_process)",
    database_in_use_here:
      'La base embarquée de {{dir}} est utilisée par le processus {{pid}} sur {{hostname}} ({{command}}), depuis {{since}}.\n$t(codes.database_one_process)',
    database_in_use_elsewhere:
      "La base embarquée de {{dir}} est utilisée par le processus {{pid}} sur {{hostname}} ({{command}}), depuis {{since}}.\nCette machine ne peut pas savoir si ce processus tourne encore : s'il est arrêté, supprimez {{lockPath}}.\n$t(codes.database_one_process)",
    database_one_process:
      "La base embarquée appartient à un seul processus à la fois : arrêtez d'abord ce processus, ou faites la modification par l'interface web ou l'API du serveur en marche ; pour plusieurs processus sur une base, utilisez PostgreSQL (--db postgres://…).",
    file_too_large:
      "« {{file}} » pèse {{size, number}}\u00a0Mio : un import lit des fichiers d'au plus {{max, number}}\u00a0Mio. Découpez-le.",
    file_unreadable: 'Impossible de lire {{path}} : {{reason}}',
    stdin_too_long: "L'entrée standard contient plus que les {{max}} octets attendus",
    unknown_encoding:
      'Encodage « {{encoding}} » inconnu : utilisez utf-8, windows-1252, latin1 ou utf-16le',
    audit_expect_needs_company:
      'Une tête appartient à une seule société : indiquez aussi --company',
    import_refused: "« {{file}} » est refusé, rien n'est enregistré",
    import_add_account:
      'Pour enregistrer les comptes que nomme le fichier, envoyez-le à nouveau avec addAccount=true',
    body_too_large: 'Le corps de la requête est trop volumineux',
    unsupported_media_type: "Le corps de la requête est d'un type que cette opération ne lit pas",
    empty_json_body: 'La requête annonce du JSON mais son corps est vide',
    invalid_json_body: "Le corps de la requête n'est pas du JSON valide",
    body_length_mismatch: "Le corps de la requête n'a pas la longueur annoncée par Content-Length",
    internal: 'Une erreur est survenue de notre côté ; elle a été journalisée.',
    required: '{{field}} est obligatoire',
    unknown_parameter: "{{name}} : ce paramètre n'existe pas pour cette requête",
    unknown_field: "{{name}} : ce champ n'existe pas pour cette requête",
    calendar_date: 'doit être une date réelle écrite AAAA-MM-JJ',
    unstorable_text_nul: 'contient un caractère NUL ({{codePoint}}) en position {{position}}',
    unstorable_text_surrogate:
      "contient une moitié de paire UTF-16 isolée ({{codePoint}}, qui n'est pas un caractère Unicode) en position {{position}}",
    duplicate: '{{key}} est déjà utilisé',
    amount_too_large: 'Le montant dépasse le plus grand accepté, {{max}}',
    ambiguous_company: 'Choisissez une société avec --company',
    row_limit: 'un nombre entier de lignes est attendu, 1 ou plus',
    unknown_user: 'Aucun utilisateur {{userId}} dans cette société',
    password_too_short: 'Le mot de passe doit avoir au moins {{min}} caractères',
    wrong_password: 'Le mot de passe actuel est incorrect',
    token_name_required: "Nommez l'intégration à laquelle ce jeton est destiné",
    token_lifetime: 'Un jeton vit de 1 à {{max}} jours',
    invalid_code: 'Le code client doit avoir de 1 à 40 caractères',
    invalid_payment_terms: 'Conditions de paiement « {{value}} » non reconnues',
    negative_amount: 'Le montant ne peut pas être négatif',
    invalid_siren: "Le SIREN « {{value}} » n'est pas valide (9 chiffres, clé de Luhn)",
    invalid_siret: "Le SIRET « {{value}} » n'est pas valide (14 chiffres, clé de Luhn)",
    invalid_vat_number: "Le numéro de TVA « {{value}} » n'est pas valide",
    invalid_iban: "L'IBAN « {{value}} » n'est pas valide",
    siret_siren_mismatch: 'Le SIRET « {{value}} » ne commence pas par le SIREN {{siren}}',
    vat_number_siren_mismatch:
      'Le numéro de TVA « {{value}} » ne correspond pas au SIREN {{siren}} (attendu : {{expected}})',
    invalid_company_code:
      'Le code société « {{value}} » doit compter de 1 à 40 minuscules, chiffres ou tirets',
    unknown_currency: 'Devise « {{value}} » inconnue',
    unknown_time_zone: 'Fuseau horaire « {{value}} » inconnu',
    not_an_invoice: '{{number}} est un avoir, pas une facture',
    other_customer_payment:
      "L'encaissement {{source}} appartient à un autre client que la facture {{number}}",
    other_customer_credit_note:
      "L'avoir {{source}} appartient à un autre client que la facture {{number}}",
    currency_mismatch_payment:
      "L'encaissement {{source}} est en {{sourceCurrency}}, la facture {{number}} en {{currency}}",
    currency_mismatch_credit_note:
      "L'avoir {{source}} est en {{sourceCurrency}}, la facture {{number}} en {{currency}}",
    not_positive: 'Le montant à lettrer doit être positif',
    exceeds_open_amount:
      '{{amount, money}} dépasse les {{open, money}} restant dus sur la facture {{number}}',
    exceeds_available_payment:
      "{{amount, money}} dépasse les {{available, money}} restant sur l'encaissement {{source}}",
    exceeds_available_credit_note:
      "{{amount, money}} dépasse les {{available, money}} restant sur l'avoir {{source}}",
    date_too_early:
      'Un lettrage ne peut pas être daté avant les pièces qu’il relie ({{sourceDate}}, {{issueDate}})',
    one_source: 'Indiquez soit un encaissement, soit un avoir',
    allocated_item_moved:
      '{{number}} est déjà lettrée : son client et sa devise ne peuvent plus changer',
    amount_below_allocated:
      '{{number}} : le nouveau montant est inférieur aux {{allocated, money}} déjà lettrés',
  },
} as const satisfies ShapeOf<typeof errorsEn>;
