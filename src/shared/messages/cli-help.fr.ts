import type { cliHelpEn, cliRefusalsEn } from './cli-help.en.ts';
import type { ShapeOf } from './shape.ts';

/** The CLI's help in French, its default language (same keys as `cli-help.en.ts`). */
export const cliHelpFr = {
  titleUsage: 'Utilisation :',
  titleArguments: 'Arguments :',
  titleOptions: 'Options :',
  titleCommands: 'Commandes :',
  usageOptions: '[options]',
  usageCommand: '[commande]',
  defaultValue: 'par défaut : {{value}}',
  choices: 'valeurs possibles : {{choices}}',
  optionHelp: "afficher l'aide de la commande",
  commandHelp: "afficher l'aide d'une commande",
  json: 'afficher en JSON',
  jsonResult: 'afficher le résultat en JSON',
  jsonAmounts: 'afficher en JSON (montants en unités mineures : centimes)',
  order: 'asc ou desc',
  limit: 'au plus ce nombre de lignes (par défaut : toutes)',
  dateForms: '31/12/2025, 2025-12-31 ou 20251231',
  roles: 'admin, credit_manager, collector, department_member ou read_only',
  program: "Encaisse — gestion du crédit client et recouvrement, du prospect à l'encaissement",
  optionDb:
    'répertoire de la base de données embarquée ou URL postgres:// (par défaut : $DATABASE_URL, sinon ./data)',
  optionCompany: "société concernée (facultatif quand il n'y en a qu'une)",
  optionLang:
    "langue des messages, des tableaux et de l'aide (par défaut : $ENCAISSE_LANG, sinon fr)",
  optionVersion: "afficher la version d'Encaisse",
  db: 'Maintenance de la base de données',
  dbMigrate: 'Appliquer les migrations du schéma pas encore appliquées',
  companies: 'Sociétés (locataires) : chacune ne voit que ses propres données',
  companiesCreate: 'Créer une société',
  companyCode: 'code court utilisé par --company, par exemple « acme »',
  companyName: 'raison sociale',
  companySiren: 'SIREN (9 chiffres)',
  companyVat: 'numéro de TVA intracommunautaire',
  companyCurrency: 'devise ISO 4217',
  companyTimeZone: 'fuseau horaire IANA qui fixe la date du jour',
  companiesList: 'Lister les sociétés',
  demo: "Créer une société de démonstration, avec un poste clients français vraisemblable arrêté à aujourd'hui",
  demoSize: 'S (~300 clients), M (~10 000) ou L (100 000)',
  demoSeed: 'graine aléatoire : la même graine donne les mêmes données',
  demoIfEmpty: 'ne rien faire si la base contient déjà une société',
  demoExportCsv:
    'écrire le poste clients dans DIR (customers.csv, invoices.csv, payments.csv) au lieu de le charger',
  demoExportXlsx: 'la même chose en classeurs Excel (.xlsx)',
  serve: "Démarrer l'application web et l'API",
  servePort: "port d'écoute",
  serveHost: "adresse d'écoute",
  serveTrustedProxies:
    'proxys inverses dont les en-têtes X-Forwarded-For/-Proto sont crus : adresses ou CIDR, séparés par des virgules (par défaut : $TRUSTED_PROXIES, sinon aucun)',
  serveSecureCookies:
    "marquer le cookie de session Secure même en HTTP simple (par défaut : $SECURE_COOKIES ; il l'est toujours en HTTPS)",
  serveLogFormat:
    'pretty (une ligne par requête) ou json (par défaut : $LOG_FORMAT, sinon pretty dans un terminal, json ailleurs)',
  servePublicUrl:
    "l'adresse où l'on joint ce serveur, par laquelle commencent les liens du portail et des réponses (par défaut : $PUBLIC_URL, sinon http://localhost:<port>)",
  import:
    'Importer des clients, des factures, des encaissements ou des commandes (CSV ou XLSX), un FEC ou un relevé bancaire',
  import_customers: 'Importer des clients depuis un fichier CSV ou XLSX (voir docs/import.md)',
  import_invoices: 'Importer des factures depuis un fichier CSV ou XLSX (voir docs/import.md)',
  import_payments: 'Importer des encaissements depuis un fichier CSV ou XLSX (voir docs/import.md)',
  import_orders:
    "Importer les commandes de l'ERP depuis un fichier CSV ou XLSX, chacune contrôlée sur le crédit de son client (voir docs/import.md)",
  importFile: 'le fichier CSV ou XLSX à lire',
  importDryRun: 'vérifier le fichier et compter ce qui changerait, sans rien enregistrer',
  importPartial: 'enregistrer les lignes valides même si certaines sont rejetées',
  importEncoding: "encodage d'un CSV sans BOM : utf-8, windows-1252, latin1 ou utf-16le",
  importMap: 'correspondance des colonnes, par exemple "amount=Montant TTC,number=N° facture"',
  importJson: 'afficher le rapport en JSON',
  import_fec:
    "Importer les créances d'un FEC (fichier des écritures comptables) : clients, factures, avoirs, encaissements et leur lettrage (voir docs/import.md)",
  importFecFile: 'le FEC à lire (colonnes séparées par des tabulations ou des |)',
  importFecReceivableAccounts:
    'préfixes des comptes clients, séparés par des virgules (par défaut : 411)',
  importFecSalesJournals:
    'codes des journaux de ventes, dont les crédits sont des avoirs, séparés par des virgules (par défaut : VE, VT, VEN, VTE ou un journal nommé « Ventes »)',
  importFecDecimalPoint:
    'le fichier écrit ses montants avec un point décimal (80.00) et non une virgule',
  importFecDefaultTermsDays:
    "délai de paiement net, en jours, des clients que l'import crée (par défaut : 30)",
  importFecPartial: "enregistrer les écritures sans ligne refusée même si d'autres le sont",
  customers: 'Comptes clients',
  customersList: 'Lister les clients avec leur encours et leur échu',
  customersSearch: 'texte contenu dans le code, le nom ou le SIREN',
  customersStatus: 'prospect, active, on_hold, in_litigation ou closed',
  customersCollector:
    "seulement les clients de ce chargé de recouvrement (l'e-mail de l'utilisateur)",
  customersSort: 'code, legal_name, open_amount, overdue_amount ou oldest_overdue_days',
  invoices: 'Factures et avoirs',
  invoicesList: 'Lister les factures et les avoirs',
  invoicesCustomer: 'seulement ce client (son code)',
  invoicesSearch: 'texte contenu dans le numéro (majuscules ou minuscules)',
  invoicesStatus:
    'unpaid (par défaut : ouvertes ou partiellement payées), overdue, open, partially_paid, paid ou all',
  invoicesKind: 'invoice ou credit_note',
  invoicesIssuedFrom: 'émises à cette date ou après ($t(cliHelp.dateForms))',
  invoicesIssuedTo: 'émises à cette date ou avant ($t(cliHelp.dateForms))',
  invoicesDueFrom: 'échéance à cette date ou après ($t(cliHelp.dateForms))',
  invoicesDueTo: 'échéance à cette date ou avant ($t(cliHelp.dateForms))',
  invoicesSort: 'due_date, issue_date, number, amount ou open_amount',
  users: 'Les personnes qui se connectent',
  usersCreate: 'Créer un utilisateur ; un mot de passe est généré et affiché une seule fois',
  userEmail: 'e-mail de connexion',
  userName: 'nom affiché',
  userEmailArgument: "l'e-mail de connexion de l'utilisateur",
  usersSetPassword:
    "Définir le mot de passe d'un utilisateur : lu sur l'entrée standard avec --stdin, sinon généré et affiché",
  usersStdin: "lire le nouveau mot de passe sur l'entrée standard",
  usersList: 'Les utilisateurs de la société, actifs ou non',
  usersDeactivate:
    'Empêcher un utilisateur de se connecter ; ses sessions ouvertes sont fermées aussitôt',
  usersReactivate: 'Permettre à un utilisateur désactivé de se connecter à nouveau',
  usersSetRole:
    "Changer le rôle d'un utilisateur ; ses sessions ouvertes agissent avec ce rôle dès leur prochaine requête",
  usersRoleArgument: 'le nouveau rôle : $t(cliHelp.roles)',
  tokens: "Jetons d'API pour les intégrations (ERP, scripts)",
  tokensCreate: "Créer un jeton d'API ; il est affiché une seule fois et stocké haché",
  tokenName: 'à quoi sert le jeton, par exemple « ERP Sage »',
  tokenRole: 'rôle avec lequel le jeton agit',
  tokenExpiresInDays: "nombre de jours avant qu'il soit refusé (au plus {{max}})",
  tokensList: "Les jetons d'API de la société, du plus récent au plus ancien (jamais leur secret)",
  tokensRevoke: "Révoquer un jeton d'API : il est refusé dès la requête suivante",
  tokenId: "l'identifiant du jeton, tel que tokens list l'affiche",
  audit:
    "La piste d'audit : qui a fait quoi, numérotée et chaînée par hachage, société par société",
  auditVerify:
    'Recalculer la chaîne de hachage de chaque société (--company : une seule) et nommer le premier événement rompu',
  auditExpect:
    'une tête affichée par un verify précédent (avec --company) : cet événement doit toujours avoir ce hachage',
  // bank-accounts, et import bank
  bankAccounts: 'Les comptes bancaires de la société, tels que ses relevés les désignent',
  bankAccountsAdd:
    "Enregistrer un compte bancaire par son IBAN ; les relevés CFONB d'un compte français le retrouvent par son RIB",
  bankAccountIban: "l'IBAN (espaces acceptées)",
  bankAccountName: 'son nom, par exemple « Compte courant BNP »',
  bankAccountCurrency: 'devise ISO 4217 dans laquelle le compte est tenu',
  bankAccountsList: 'Lister les comptes bancaires de la société',
  import_bank:
    'Importer un fichier de relevés bancaires, camt.053/054 ou CFONB 120, reconnu à son contenu (voir docs/bank-statements.md)',
  importBankFile: 'le fichier de relevés à lire',
  importBankAddAccount:
    "enregistrer les comptes que le fichier désigne et que la société n'a pas encore",
  match:
    'Relancer le rapprochement sur les lignes de relevé en attente (après l’arrivée de nouvelles factures), voir docs/cash-application.md',
  matchThreshold:
    'appliquer à partir de cette confiance (1 à 100) pour ce passage, au lieu du seuil de la société',
  matchSetThreshold: 'fixer le seuil de la société (1 à 100), sans rien rapprocher',
  dunning: 'Relances : les scénarios et les modèles de la société, voir docs/dunning.md',
  dunningScenarios:
    'Lister les scénarios de relance : leurs étapes, les défauts, les clients attribués',
  dunningTemplates: 'Lister les modèles de messages, en français et en anglais',
  dunningRun:
    'Lancer la relance du jour : un message par client et par étape, appels et validations dans l’agenda ; relancer deux fois n’envoie rien deux fois',
  dunningRunDate: 'La date de la relance (par défaut : aujourd’hui dans le fuseau de la société)',
  dunningRunDryRun: 'Montrer ce qui partirait, sans rien changer',
  dunningRunPublicUrl:
    "l'adresse par laquelle commencent les liens du portail dans les relances (par défaut : $PUBLIC_URL, sinon http://localhost:3000)",
} as const satisfies ShapeOf<typeof cliHelpEn>;

/** Commander's refusals and our option parsers' in French (same codes as `cli-help.en.ts`). */
export const cliRefusalsFr = {
  unknown_option: 'Option inconnue {{flag}}',
  unknown_command: 'Commande inconnue « {{name}} »',
  did_you_mean: '(Vouliez-vous dire {{names}} ?)',
  missing_argument: "Il manque l'argument <{{name}}>",
  option_value_missing: "L'option {{flags}} attend une valeur",
  required_option_missing: "L'option {{flags}} est obligatoire",
  invalid_option_value: 'Option invalide {{flag}} : {{reason}}',
  not_a_choice: "« {{value}} » n'est pas accepté : écrivez {{choices}}",
  not_a_date: "« {{value}} » n'est pas une date : écrivez $t(cliHelp.dateForms)",
  too_many_arguments_one:
    "Trop d'arguments : {{command}} prend {{count}} argument, pas {{received}}",
  too_many_arguments_other:
    "Trop d'arguments : {{command}} prend {{count}} arguments, pas {{received}}",
} as const satisfies ShapeOf<typeof cliRefusalsEn>;
