/**
 * The words of the cash-application page (`web/src/features/cash-application/`), in
 * French; `fr.ts` holds them under `cashApplication`, and `cash-application.en.ts` has the
 * same shape. The matcher's reasons are the server's sentences (`match_reason_*`).
 */
export const cashApplicationFr = {
  title: 'Rapprochement',
  tabs: {
    queued: 'À rapprocher ({{n}})',
    applied: 'Rapprochées ({{n}})',
    setAside: 'Écartées ({{n}})',
    queuedLabel: 'Lignes de relevé à rapprocher',
    appliedLabel: 'Lignes de relevé rapprochées',
    setAsideLabel: 'Lignes de relevé écartées',
  },
  keyboardHint:
    'Clavier : j / k ou ↓ / ↑ pour changer de ligne, Entrée pour valider la proposition, e pour la modifier, x pour écarter la ligne.',
  line: {
    unknownPayer: 'Donneur d’ordre inconnu',
    noRemittance: 'Sans libellé',
  },
  reasons: 'Raisons du rapprochement',
  confidence: 'Confiance : {{value}}',
  suggestion: {
    none: 'Aucune proposition : choisissez le client avec « Modifier ».',
    invoice: 'Facture {{number}}',
    creditNote: 'Avoir {{number}} sur la facture {{invoice}}',
    unapplied: 'Non lettré, au compte du client',
    others_one: '{{count}} autre proposition dans « Modifier »',
    others_many: '{{count}} autres propositions dans « Modifier »',
    others_other: '{{count}} autres propositions dans « Modifier »',
  },
  actions: {
    confirm: 'Valider',
    edit: 'Modifier',
    setAside: 'Écarter',
    undo: 'Annuler le rapprochement',
    requeue: 'Remettre à rapprocher',
  },
  applied: {
    byMatcher: 'Automatique',
    byUser: 'Manuel',
    noReason: 'Rapproché à la main.',
  },
  setAside: {
    kinds: {
      ignored: 'Par vous ({{n}})',
      outgoing: 'Sorties d’argent ({{n}})',
      reversal: 'Rejets et retours ({{n}})',
      reversed: 'Repris par la banque ({{n}})',
    },
    status: {
      ignored: 'Écartée',
      outgoing: 'Sortie d’argent',
      reversal: 'Rejet ou retour',
      reversed: 'Repris par la banque',
    },
  },
  empty: {
    queued: 'Rien à rapprocher : chaque ligne reçue a trouvé sa facture ou a été écartée.',
    applied: 'Aucune ligne rapprochée pour l’instant.',
    ignored: 'Aucune ligne écartée.',
    outgoing: 'Aucune sortie d’argent.',
    reversal: 'Aucun rejet ni retour.',
    reversed: 'Aucun virement repris par la banque.',
    importHint: 'Les lignes viennent des relevés bancaires importés (camt.053/054, CFONB 120).',
    goToImports: 'Importer un relevé',
  },
  run: {
    button: 'Relancer le rapprochement',
    title: 'Rapprochement relancé',
    close: 'Fermer',
    applied_one: '{{formatted}} ligne rapprochée automatiquement.',
    applied_many: '{{formatted}} lignes rapprochées automatiquement.',
    applied_other: '{{formatted}} lignes rapprochées automatiquement.',
    queued_one: '{{formatted}} reste à rapprocher.',
    queued_many: '{{formatted}} restent à rapprocher.',
    queued_other: '{{formatted}} restent à rapprocher.',
    payerRate: 'Payeur reconnu : {{rate}}',
    invoiceRate: 'Soldées sur factures : {{rate}}',
    threshold: 'Seuil d’application automatique : {{threshold}}',
  },
  threshold: {
    label: 'Seuil d’application automatique : {{threshold}}',
    edit: 'Modifier',
    title: 'Seuil d’application automatique',
    field: 'Seuil (en %)',
    explanation:
      'Un rapprochement dont la confiance atteint ce seuil est appliqué sans vérification ; en dessous, la ligne attend dans la file.',
    invalid: 'Un nombre entier de 1 à 100',
    cancel: 'Annuler',
    save: 'Enregistrer',
  },
  edit: {
    title: 'Modifier le rapprochement',
    suggestions: 'Propositions',
    suggestionLabel: '{{code}} · {{name}} — {{amount}} ({{confidence}})',
    customer: 'Client',
    customerPlaceholder: 'Rechercher un client par nom ou code…',
    noCustomer: 'Aucun client trouvé',
    invoices: 'Factures ouvertes du client',
    invoice: 'Facture',
    dueDate: 'Échéance',
    openAmount: 'Reste dû',
    amount: 'Montant lettré',
    amountFor: 'Montant lettré sur la facture {{number}}',
    noInvoice:
      'Ce client n’a aucune facture ouverte : le paiement restera non lettré sur son compte.',
    allocated: 'Lettré',
    unapplied: 'Non lettré, au compte du client',
    tooMuch: 'Les montants dépassent de {{excess}} les {{amount}} de la ligne.',
    errors: {
      invalid: 'Montant invalide',
      overOpen: 'Plus que le reste dû',
    },
    cancel: 'Annuler',
    save: 'Valider ce rapprochement',
  },
};
