import type { cliOutputCodesEn, cliOutputEn } from './cli-output.en.ts';
import type { ShapeOf } from './shape.ts';

/** What the CLI's commands print, in French, its default language (same keys as `cli-output.en.ts`). */
export const cliOutputFr = {
  customers_one: '{{count, number}} client',
  customers_other: '{{count, number}} clients',
  invoices_one: '{{count, number}} facture',
  invoices_other: '{{count, number}} factures',
  documents_one: '{{count, number}} facture ou avoir',
  documents_other: '{{count, number}} factures et avoirs',
  payments_one: '{{count, number}} encaissement',
  payments_other: '{{count, number}} encaissements',
  allocations_one: '{{count, number}} affectation',
  allocations_other: '{{count, number}} affectations',
  schemaUpToDate_one: 'Schéma à jour ({{count, number}} migration) dans {{location}}',
  schemaUpToDate_other: 'Schéma à jour ({{count, number}} migrations) dans {{location}}',
  migrationsApplied_one: 'Migration appliquée dans {{location}} : {{migrations}}',
  migrationsApplied_other: 'Migrations appliquées dans {{location}} : {{migrations}}',
  companyCreated:
    'Société {{code}} ({{name}}) créée. Ajoutez un administrateur : encaisse --company {{code}} users create --role admin …',
  columnSiren: 'SIREN',
  columnCurrency: 'Devise',
  demoExported:
    'Poste clients de démonstration de taille {{size}} (graine {{seed}}, arrêté au {{today}}) écrit dans {{dir}} en {{seconds, number(minimumFractionDigits: 1; maximumFractionDigits: 1)}} s :',
  fileLines_one: '{{count, number}} ligne',
  fileLines_other: '{{count, number}} lignes',
  demoExportedCounts:
    "({{documents}} ; {{payments}}, à raison d'une ligne par facture que chacun règle : voir docs/import.md)",
  demoImportOrder:
    'Importez-les dans une société dans cet ordre : encaisse import customers, puis invoices, puis payments.',
  demoProgress_one: '{{done, number}}/{{count, number}} client, {{invoices}}',
  demoProgress_other: '{{done, number}}/{{count, number}} clients, {{invoices}}',
  demoProgressIndexes: ' ; construction des index et vérification des références…',
  demoProgressDunning: ' ; relances quotidiennes rejouées, jour {{day, number}}/{{days, number}}…',
  demoDunning_one:
    'Relances : {{count, number}} relance quotidienne rejouée ; {{sent, number}} e-mails envoyés (revenus en erreur : {{bounced, number}}, refusés : {{failed, number}}), {{printed, number}} courriers imprimés, {{completed, number}} tâches de l’agenda faites et {{approved, number}} étapes validées. Les messages de la relance du jour attendent leur envoi : voir Messages.',
  demoDunning_other:
    'Relances : {{count, number}} relances quotidiennes rejouées ; {{sent, number}} e-mails envoyés (revenus en erreur : {{bounced, number}}, refusés : {{failed, number}}), {{printed, number}} courriers imprimés, {{completed, number}} tâches de l’agenda faites et {{approved, number}} étapes validées. Les messages de la relance du jour attendent leur envoi : voir Messages.',
  demoNotAdded:
    'La base de données contient déjà une société : les données de démonstration ne sont pas ajoutées.',
  demoSignInAgain:
    'Connectez-vous en tant que {{email}} avec le mot de passe affiché à sa création ; pour en définir un nouveau : encaisse --company {{company}} users set-password {{email}}',
  demoSetPassword:
    "Pour définir le mot de passe d'un utilisateur : encaisse --company CODE users set-password EMAIL",
  demoCreated:
    'Société de démonstration « {{name}} » (code {{code}}) créée en {{seconds, number(minimumFractionDigits: 1; maximumFractionDigits: 1)}} s :',
  demoSignIn:
    "Connectez-vous avec l'un de ces utilisateurs (le mot de passe n'est affiché que cette fois) :",
  demoPassword: 'mot de passe : {{password}}',
  demoChangePassword: 'Changez-le avec : encaisse users set-password {{email}}',
  serveRunning: 'Encaisse est en service sur {{address}} (base de données : {{kind}} {{location}})',
  serveNoCompany:
    "Aucune société pour l'instant : lancez `encaisse demo` pour créer la société de démonstration.",
  userCreated:
    'Utilisateur {{email}} ({{role}}) créé. Mot de passe (affiché une seule fois) : {{password}}',
  userActive: 'Utilisateur {{email}} ({{role}}, actif).',
  userInactive: 'Utilisateur {{email}} ({{role}}, inactif).',
  passwordChanged: 'Mot de passe de {{email}} modifié.',
  passwordGenerated: 'Nouveau mot de passe de {{email}} (affiché une seule fois) : {{password}}',
  columnEmail: 'E-mail',
  columnName: 'Nom',
  columnRole: 'Rôle',
  columnActive: 'Actif',
  yes: 'oui',
  no: 'non',
  tokenCreated:
    "Jeton d'API « {{name}} » ({{role}}, id {{id}}, expire le {{expiresAt}}) : {{token}}\nEnvoyez-le dans l'en-tête « Authorization: Bearer <token> ». Il ne sera plus affiché.",
  tokenRevoked: "Jeton d'API « {{name}} » révoqué.",
  columnId: 'Identifiant',
  columnExpires: 'Expire le',
  columnLastUsed: 'Dernier usage',
  tokenStatus_active: 'actif',
  tokenStatus_expired: 'expiré',
  tokenStatus_revoked: 'révoqué',
  auditOk_one: '{{company}} : OK, {{count, number}} événement, tête {{head}}',
  auditOk_other: '{{company}} : OK, {{count, number}} événements, tête {{head}}',
  auditNoHead: '(aucune)',
  auditBroken: "{{company}} : chaîne ROMPUE à l'événement {{seq}} : {{reason}}",
  chainMissing_one: "l'événement {{from}} manque (supprimé)",
  chainMissing_other: 'les événements {{from}} à {{to}} manquent (supprimés)',
  chainAltered_content:
    "l'événement {{seq}} a été modifié après son enregistrement : ses champs ne correspondent plus à son hachage",
  chainAltered_hash:
    "l'événement {{seq}} ne correspond pas à son hachage : son hachage (ou ses champs) a été modifié",
  chainUnchained:
    'les événements {{seq}} et suivants ont été ajoutés hors de la chaîne (après sa tête)',
  chainHeadMismatch:
    "l'événement {{seq}} est le dernier, mais son hachage n'est pas celui de la tête : la chaîne a été réécrite",
  chainHeadMissing:
    "la tête de la chaîne manque : des événements existent, mais rien n'enregistre le dernier",
  chainRewritten:
    "l'événement {{seq}} n'a plus le hachage relevé auparavant : la chaîne a été réécrite",
  // bank-accounts, et import bank
  bankAccountAdded: 'Compte bancaire « {{name}} » ajouté : {{account}}, en {{currency}}.',
  columnAccount: 'Compte',
  columnRib: 'Banque / guichet / compte',
  bankStatements_one: '{{count, number}} relevé',
  bankStatements_other: '{{count, number}} relevés',
  bankLinesNew_one: '{{count, number}} nouvelle',
  bankLinesNew_other: '{{count, number}} nouvelles',
  bankLinesKnown_one: '{{count, number}} déjà connue',
  bankLinesKnown_other: '{{count, number}} déjà connues',
  bankImportSummary:
    '{{file}} ({{format}}) : {{statements}}, {{lines}} — {{linesNew}}, {{linesKnown}} ({{verdict}})',
  bankAccountRegistered: '  compte bancaire {{account}} enregistré, en {{currency}}',
  bankUnbalanced:
    "  le relevé {{statement}} du compte {{account}} ne s'équilibre pas : solde d'ouverture {{opening, money}} au {{openingDate}}, mouvements {{movements, money}}, solde de clôture {{closing, money}} au {{closingDate}}, soit un écart de {{difference, money}} ; il est gardé, signalé comme déséquilibré",
  matchSummary:
    'Rapprochement : lignes lues {{lines, number}}, rapprochées automatiquement {{applied, number}}, à rapprocher à la main {{queued, number}}, écartées {{setAside, number}} (sorties, rejets) ; payeur trouvé {{payerRate}}, entièrement lettrées {{invoiceRate}} (seuil {{threshold}})',
  columnSteps: 'Étapes',
  columnRiskCategory: 'Catégorie de risque',
  columnCompanyDefault: 'Défaut de la société',
  columnAssignedCustomers: 'Clients attribués',
  columnTemplate: 'Modèle',
  columnLanguage: 'Langue',
  columnSubject: 'Objet',
  columnStep: 'Étape',
  columnCustomer: 'Client',
  columnStatus: 'Statut',
  columnInvoices: 'Factures',
  columnAmount: 'Montant',
  columnChannel: 'Canal',
  dunningRunProgress: '{{done, number}} clients examinés',
  dunningRunDone:
    'Relance du {{date}} : {{customers, number}} clients examinés, {{actions, number}} actions ({{messages, number}} messages confiés à l’envoi, {{awaitingApproval, number}} à valider, {{tasks, number}} tâches dans l’agenda), {{heldBack, number}} clients retenus',
  dunningRunPreviewed:
    'Aperçu de la relance du {{date}} (rien n’a été changé) : {{customers, number}} clients examinés, {{actions, number}} actions ({{messages, number}} messages, {{awaitingApproval, number}} à valider, {{tasks, number}} tâches dans l’agenda), {{heldBack, number}} clients retenus',
  matchThresholdSet:
    'Les rapprochements automatiques sont désormais appliqués à partir d’une confiance de {{threshold}}.',
} as const satisfies ShapeOf<typeof cliOutputEn>;

/** The refusals of these commands' flags in French (same codes as `cli-output.en.ts`). */
export const cliOutputCodesFr = {
  audit_expect_not_a_head:
    "s'écrit SEQ:HASH, tel qu'un verify l'a affiché (par exemple 42:9f86d0…)",
} as const satisfies ShapeOf<typeof cliOutputCodesEn>;
